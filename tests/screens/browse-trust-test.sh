#!/bin/sh
# Issue 10 in home and browse, against the sandbox:
# - a wrong workspace (-w nope), group or subscription is said whole, with
#   how to choose another: on home (Create then opens the lists), in
#   browse (no spinner left turning), from the wizard (back to home), and
#   by list and show;
# - --readonly: home offers no Create, Attach or draft and says why;
#   browse offers no action and says read-only; nothing is sent;
# - t on a compute behind an internal load balancer offers no Microsoft
#   certificate;
# - an attach whose second step (the update) failed is shown as such, with
#   the way to finish it (f), which sends the plan's load balancer and TLS;
# - the detail of a failed attach shows its inner error.
. "$top_srcdir/tests/screens/libtest.sh"

command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout own.key -out own.pem \
    -days 3650 -subj "/CN=scoring.contoso.example" \
    -addext "subjectAltName=DNS:scoring.contoso.example" >/dev/null 2>&1
sandbox_start --allow-legacy-create --polls 2 --faults 'op:ml-half=fail:BadRequest+1#1:The update failed.'
SUBID=$(sb_ready subscriptionId)
BASE="--endpoint $(sb_ready endpoint) --authority $(sb_ready authority) \
    --ca-file $(sb_ready caFile) --subscription $SUBID -g ml-rg"

# ---- a wrong workspace ----
steps '
	:save-display home.screen
	<Enter>
	:save-state create.state
'
run_akswiz $BASE -w nope
assert_grep '^  Workspace nope does not exist in resource group ml-rg: choose another with$' \
    home.screen "home says the workspace does not exist"
assert_grep '^  -w WORKSPACE or AKSWIZ_WORKSPACE, or from the list (Create or Attach on the$' \
    home.screen "and how to choose another"
assert_grep '^  home screen)\.$' home.screen "whole"
assert_grep '^  › Create an inference cluster$' home.screen "the menu follows"
assert_grep '^screen: scope' create.state "Create then starts from the lists of the scope screen"

steps '
	:save-display browse.screen
'
run_akswiz $BASE -w nope browse
assert_grep '^ Computes of the workspace  *0 computes$' browse.screen \
    "browse: no spinner left turning"
assert_grep '^ Workspace nope does not exist in resource group ml-rg: choose another with -w$' \
    browse.screen "browse says what is wrong"
assert_grep '^ screen)\.$' browse.screen "whole"

steps '
	:save-state wizard.state
	:save-display wizard.screen
'
run_akswiz $BASE -w nope create
assert_grep '^screen: home' wizard.state "the wizard does not go on silently offline: home"
assert_grep 'Workspace nope does not exist' wizard.screen "and home says why"

run_akswiz $BASE -w nope list
assert_grep 'akswiz: Workspace nope does not exist in resource group ml-rg: choose another with -w WORKSPACE' \
    stderr "list names the workspace and how to choose another"
run_akswiz $BASE -w nope show inf-created
assert_grep 'akswiz: Workspace nope does not exist' stderr \
    "show: a missing workspace, not a missing compute"
assert_no_grep 'has no compute named' stderr "(not: no compute named ...)"
run_akswiz $BASE -g nope -w ml-workspace list
assert_grep 'Resource group nope does not exist in subscription' stderr \
    "a wrong group is named"
run_akswiz --endpoint "$(sb_ready endpoint)" --authority "$(sb_ready authority)" \
    --ca-file "$(sb_ready caFile)" --subscription 11111111-1111-1111-1111-111111111111 \
    -g ml-rg -w ml-workspace list
assert_grep 'Subscription 11111111-1111-1111-1111-111111111111 does not exist' stderr \
    "a wrong subscription is named"

# ---- read-only ----
steps '
	:save-display ro-home.screen
	:save-state ro-home.state
	<Enter>
	d
	x
	i
	t
	n
	a
	:save-display ro-browse.screen
'
run_akswiz $BASE -w ml-workspace --readonly
assert_grep 'Read-only (--readonly): nothing is changed in Azure, so creating, attaching' \
    ro-home.screen "home says why Create and Attach are not offered"
assert_no_grep '^item: create' ro-home.state "no Create"
assert_no_grep '^item: attach' ro-home.state "no Attach"
assert_grep '(read-only)$' ro-browse.screen "browse's footer says read-only"
assert_no_grep 'd detach' ro-browse.screen "and offers no action"
assert_grep '^› inf-attached' ro-browse.screen "no key opened an action or a wizard"
if grep -q '"method":"\(PUT\|PATCH\|DELETE\|POST\)","path":"/subscriptions' journal.log; then
	not_ok "read-only: nothing changing was sent"
else
	ok "read-only: nothing changing was sent"
fi

# ---- t behind an internal load balancer ----
steps '
	t
	:save-display tls-ilb.screen
'
run_akswiz $BASE -w ml-workspace browse
assert_no_grep 'Microsoft certificate$' tls-ilb.screen \
    "t on an internal compute offers no Microsoft certificate"
assert_grep '( ) Disabled  *(•) My own certificate' tls-ilb.screen \
    "Disabled or my own certificate"
assert_grep 'Behind an internal load balancer Azure gives no Microsoft' \
    tls-ilb.screen "and says why"

# ---- an attach whose update failed; a failed attach ----
CL=/subscriptions/$SUBID/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters
"$AKSWIZ" plan new attach --compute-type AKS --name ml-half --compute-resource-id "$CL/aks-preview" \
    --load-balancer-type InternalLoadBalancer --load-balancer-subnet aks-subnet \
    --ssl-cert-file "$work/own.pem" --ssl-key-file "$work/own.key" \
    --ssl-cname scoring.contoso.example --subscription "$SUBID" -g ml-rg \
    -w ml-workspace > half.json 2>/dev/null
run_akswiz $BASE -w ml-workspace apply half.json
assert_grep 'attach of ml-half is partly applied: its update (step 2 of 2) failed' \
    stderr "(the update, step 2 of 2, failed)"
"$AKSWIZ" plan new attach --compute-type AKS --name ml-priv --compute-resource-id "$CL/aks-private" \
    --subscription "$SUBID" -g ml-rg -w ml-workspace > priv.json 2>/dev/null
run_akswiz $BASE -w ml-workspace apply priv.json
puts_before=$(grep -c '"method":"PUT","path":"[^"]*/computes/ml-half"' journal.log)

steps '
	/ml-<Enter>
	:save-display half-list.screen
	<Enter>
	:save-display half-detail.screen
	<Esc>f
	:save-display finish.screen
	<Enter>
	:save-display finished.screen
	<Enter>
	/priv<Enter><Enter>
	:save-display priv.screen
'
run_akswiz $BASE -w ml-workspace browse
# The failed update leaves the compute Failed in the service; with no
# failed state (an update refused outright) browse says "! Partial".
assert_grep '^› ml-half      \(! Partial\|✗ Failed\) ' half-list.screen \
    "the half-applied attach is shown as Partial or Failed"
assert_no_grep 'ml-half .*Succeeded' half-list.screen \
    "  not as Succeeded"
assert_grep 'Unfinished *step 2 of 2 (update) of the attach failed: BadRequest:' \
    half-detail.screen "the detail says which step failed"
assert_grep 'To finish *f sends the load balancer and TLS of the plan again' \
    half-detail.screen "and how to finish it"
assert_grep 'Load balancer   internal, subnet aks-subnet' finish.screen \
    "f: the plan's load balancer"
assert_grep 'TLS             my own certificate, scoring.contoso.example' \
    finish.screen "and its TLS"
puts_after=$(grep -c '"method":"PUT","path":"[^"]*/computes/ml-half"' journal.log)
if [ "$puts_after" -eq $((puts_before + 1)) ] &&
    grep '"method":"PUT","path":"[^"]*/computes/ml-half"' journal.log | tail -n 1 |
    grep -q '"loadBalancerSubnet":"aks-subnet","loadBalancerType":"InternalLoadBalancer","sslConfiguration":{"cert":"<redacted>","cname":"scoring.contoso.example","key":"<redacted>","status":"Enabled"}'; then
	ok "f sent the internal load balancer and the certificate"
else
	not_ok "f sent the internal load balancer and the certificate"
fi
assert_grep 'Because *BadRequestFormat: Unable to reach the Kubernetes API' \
    priv.screen "a failed attach: the inner error is in the detail"

# ---- read-only: no wizard from the command line, no operation followed ----
steps '
	:save-state ro-create.state
	:save-display ro-create.screen
'
run_akswiz $BASE -w ml-workspace --readonly create
assert_grep '^screen: home' ro-create.state "create --readonly: home, not the wizard"
assert_grep 'Read-only (--readonly)' ro-create.screen "saying why"
"$AKSWIZ" plan new create --compute-type AKS --name zz-wait --vm-size Standard_D3_v2 \
    --agent-count 3 --subscription "$SUBID" -g ml-rg -w ml-workspace \
    > wait.json 2>/dev/null
run_akswiz $BASE -w ml-workspace apply --no-wait wait.json
steps '
	:save-state ops.state
'
run_akswiz $BASE -w ml-workspace
assert_grep '^item: op:' ops.state "(an open operation is offered to follow)"
run_akswiz $BASE -w ml-workspace --readonly
assert_no_grep '^item: op:' ops.state \
    "read-only: not (following it would send its remaining steps)"

tap_done
