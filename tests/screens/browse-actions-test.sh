#!/bin/sh
# Browse actions against the sandbox, each to its end state, asserting on
# what the sandbox received (its request journal) and on our operation
# journal: delete refused for an attached cluster; detach (says the
# cluster is kept, how to save the TLS certificate and key, what to
# remove before re-attaching) sends DELETE with
# underlyingResourceAction=Detach; TLS and the internal load balancer are
# updates (GET, then PUT of the whole body); delete needs the name typed
# exactly and sends underlyingResourceAction=Delete.  After each action
# the list is back, read again, the selection kept.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --polls 2

steps '
	x
	:save-display refused.screen
	d
	:save-display detach.screen
	<Enter>
	:save-display detached.screen
	<Enter>
	:save-state after-detach.state
	t
	<Right><Tab>myscore
	:save-display tls.screen
	<Enter>
	:save-display tls-done.screen
	<Enter>
	:save-state after-tls.state
	i
	:save-display lb.screen
	aks-subnet<Enter>
	:save-display lb-refused.screen
	<Esc>
	t
	<Left>
	:save-display tls-off.screen
	<Enter><Enter>
	i
	aks-subnet<Enter>
	:save-display ilb.screen
	<Enter>
	:save-state after-ilb.state
	i
	:save-display public.screen
	<Enter>
	:save-display public-done.screen
	<Enter>
	x
	inf-create<Enter>
	:save-display wrong.screen
	d<Enter>
	:save-display deleted.screen
	<Enter>
	:save-state end.state
'
run_akswiz browse $SB_ARGS
assert_status 0
J=journal.log
assert_grep 'inf-attached was attached, not created by the workspace' \
    refused.screen "x refuses to delete an attached cluster"
assert_equals detach.screen "detach: the cluster is kept, TLS, leftovers" <<EOF
 Computes of the workspace                                           4 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Detach inf-attached from workspace ml-workspace? The AKS cluster is kept,
  with everything running on it; only its link to the workspace goes.

  TLS is on: save the certificate and key first, from the cluster's secret
  azuremlfessl: s saves them with the cluster's user credentials.
  Or with kubectl, in a private directory:
    umask 077; kubectl get secret azuremlfessl -o jsonpath='{.data.cert\.pem}'
    | base64 -d > cert.pem; kubectl get secret azuremlfessl -o
    jsonpath='{.data.key\.pem}' | base64 -d > key.pem

  Before attaching the cluster again, remove what azureml-fe left on it:
    kubectl delete sa azureml-fe; kubectl delete clusterrole azureml-fe-role;
    kubectl delete clusterrolebinding azureml-fe-binding; kubectl delete svc
    azureml-fe azureml-fe-int-http; kubectl delete deploy azureml-fe; kubectl
    delete secret azuremlfessl; kubectl delete cm azuremlfeconfig

  Enter or y detaches; Esc keeps it attached.



 Enter confirm  Esc cancel
EOF
assert_grep 'detach of inf-attached succeeded' detached.screen "detach followed to its end"
assert_grep '^ Detached inf-attached ' detached.screen "the progress screen says what it did"
assert_grep '"method":"DELETE","path":"[^"]*/computes/inf-attached","query":{[^}]*"underlyingResourceAction":"Detach"' \
    $J "the sandbox received DELETE ...?underlyingResourceAction=Detach"
assert_grep '"open": false' "$(ls state/akswiz/operations/*inf-attached*.json)" \
    "the detach is journaled and closed"
assert_no_grep '^row: inf-attached' after-detach.state "back to the list, read again: detached"
assert_grep '^selected: inf-created' after-detach.state "the next compute is selected"

assert_grep '(•) Microsoft certificate' tls.screen "t: the TLS choices"
assert_grep 'update of inf-created succeeded' tls-done.screen "TLS update followed to its end"
assert_grep '^ Updated inf-created ' tls-done.screen "titled as an update"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-created".*"sslConfiguration":{[^}]*"status":"Auto"' \
    $J "the sandbox received a PUT with the new sslConfiguration"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-created".*"leafDomainLabel":"myscore"' \
    $J "and the leaf label"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-created".*"agentVmSize":"Standard_D3_v2"' \
    $J "the whole body was sent back (GET, then PUT)"

assert_grep 'Switch inf-created to an internal load balancer' lb.screen "i: asks for the subnet"
assert_grep 'A Microsoft certificate is not supported with an internal load' lb-refused.screen \
    "a Microsoft certificate with an internal load balancer is refused in the form, before sending"
assert_grep '\[aks-subnet' lb-refused.screen "what was typed is kept"
assert_grep '(•) Disabled' tls-off.screen "t again: TLS off"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-created".*"sslConfiguration":{[^}]*"status":"Disabled"' \
    $J "the sandbox received TLS Disabled"
assert_grep 'update of inf-created succeeded' ilb.screen "ILB update followed to its end"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-created".*"loadBalancerSubnet":"aks-subnet","loadBalancerType":"InternalLoadBalancer"' \
    $J "the sandbox received the internal load balancer and subnet"
assert_grep '^selected: inf-created' after-ilb.state "the selection stays on the compute"
assert_grep 'Switch inf-created to a public IP' public.screen "i again: back to public"
# The update body drops the old loadBalancerSubnet (fixed in azure/ops.c).
tap_n=$((tap_n + 1))
if grep -q 'update of inf-created succeeded' public-done.screen; then
	echo "ok $tap_n - back to public followed to its end"
else
	echo "not ok $tap_n - back to public followed to its end"
fi
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-created".*"loadBalancerType":"PublicIp"' \
    $J "the sandbox received PublicIp"
assert_grep 'Type inf-created to confirm' wrong.screen "x: the name must be typed"
assert_grep 'nothing was deleted' wrong.screen "a wrong name deletes nothing"
assert_grep 'detach of inf-created succeeded' deleted.screen "delete followed to its end"
assert_grep '^ Deleted inf-created ' deleted.screen "titled as a deletion"
assert_grep '"method":"DELETE","path":"[^"]*/computes/inf-created","query":{[^}]*"underlyingResourceAction":"Delete"' \
    $J "the sandbox received underlyingResourceAction=Delete"
assert_equals end.state "the list without the deleted cluster" <<EOF
screen: browse
selected: inf-failed
sort: name
filter: 
detail: closed
auto-refresh: off
row: inf-failed AKS Failed
row: cpu-cluster AmlCompute Succeeded
status: 
EOF

# A failed compute: nothing to update; other kinds are not changed.
steps '
	i
	:save-display failed.screen
	<Down>d
	:save-display other.screen
	:save-state other.state
	<Up>x
	:save-display delete-failed.screen
	<C-c>
	:save-display not-reached.screen
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep 'Type inf-failed to confirm' delete-failed.screen "x on the failed cluster asks for its name"
tap_n=$((tap_n + 1))
if [ -f not-reached.screen ] || grep -q '"method":"DELETE","path":"[^"]*/computes/inf-failed"' $J; then
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - Ctrl-C in the confirmation quits, nothing deleted"
else
	echo "ok $tap_n - Ctrl-C in the confirmation quits, nothing deleted"
fi
assert_grep 'inf-failed failed: there is nothing to update' failed.screen \
    "i on a failed compute says why not"
assert_grep 'cpu-cluster (AmlCompute) is not an inference cluster: akswiz leaves it alone\.$' other.screen \
    "d on a training cluster is refused"
assert_grep '^screen: browse' other.state "and no confirmation opens"
tap_done
