#!/bin/sh
# Browse's f (finish what a legacy attach left undone) has no meaning on a
# Kubernetes compute: a plan of today's path is finished by applying it
# again.  On such a row the keys (?) leave f out, f says so, and nothing
# is sent; on a legacy AKS compute's row f is still listed.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sandbox_start --polls 1
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
k8s_dev_compute k8s-prod aks-prod ml
J=$work/journal.log

# The rows: inf-attached inf-created inf-failed k8s-prod ...
steps '
	<Down><Down><Down>
	?
	:save-display k8s-keys.screen
	<Esc>
	f
	:save-state k8s-f.state
	<Home>
	?
	:save-display legacy-keys.screen
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: runs"
assert_no_grep '^  f  ' k8s-keys.screen "a Kubernetes compute: ? leaves f out"
assert_grep '^  c  ' k8s-keys.screen "and lists its other actions"
assert_grep '^status: k8s-prod is a Kubernetes compute: f finishes a legacy attach' \
    k8s-f.state "f there: it says what finishes a plan of today's path"
assert_grep '^screen: browse$' k8s-f.state "and the list stays"
assert_grep '^  f  *finish what a plan left undone' legacy-keys.screen \
    "a legacy AKS compute: ? lists f"
if grep -a '"user-agent":"akswiz' "$J" | grep -a -q -v '"method":"GET"\|oauth2'; then
	not_ok "nothing sent"
else
	ok "nothing sent"
fi
tap_done
