#!/bin/sh
# The attach wizard against the sandbox: a cluster attached in another
# workspace of the subscription is refused, naming that workspace and the
# compute there (the cluster facts keep where it is attached).
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start

steps '
	<End>
	<Enter>
	:save-display elsewhere.screen
	:save-state elsewhere.state
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_status 0
assert_grep '› aks-cn .*chinaeast2 .*already attached' elsewhere.screen \
    "aks-cn is chosen, marked as attached"
assert_grep 'aks-cn is already attached to workspace ml-workspace-cn as "inf-cn";' \
    elsewhere.screen "the refusal names the other workspace and the compute there"
assert_grep '^step: cluster' elsewhere.state "Next is refused"
tap_done
