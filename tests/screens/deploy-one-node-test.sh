#!/bin/sh
# A deploy to a compute whose cluster has one node, against the sandbox:
# the resources page says "1 node", never "1 nodes" — the cluster read,
# how many instances fit on it, and the instance count that does not.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/screens/deploy-world.sh"

sandbox_start --polls 1
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
k8s_arm PUT "$K8S_CL/aks-one?api-version=2024-09-01" '{"location":"eastus","identity":{"type":"SystemAssigned"},"properties":{"dnsPrefix":"aks-one","agentPoolProfiles":[{"name":"nodepool1","mode":"System","count":1,"vmSize":"Standard_D4s_v3","osType":"Linux","type":"VirtualMachineScaleSets"}]}}'
k8s_wait
k8s_dev_compute k8s-one aks-one ml
steps "
	<Down><Down><Enter>
	<Enter>
	$MODEL$ENV<Enter>
	:save-display cluster.screen
	<Down>500m
	:save-display fit.screen
	<Down><Down><Down><Down><Down><Down><C-u>40
	:save-display nofit.screen
"
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^  The cluster: 1 node of Standard_D4s_v3, Kubernetes ' cluster.screen \
    "the cluster read: 1 node"
assert_grep "^  ✓ Fits [0-9]* instances on the cluster's 1 node of Standard_D4s_v3\.$" \
    fit.screen "how many instances fit on 1 node"
tr -d '\n' < nofit.screen | tr -s ' ' > nofit.joined; echo >> nofit.joined
assert_grep "40 instances do not fit on the cluster's 1 node of Standard_D4s_v3, which holds at most 4; lower" \
    nofit.joined "40 instances do not fit on 1 node, which holds at most 4"
cat cluster.screen fit.screen nofit.screen > all.screen
assert_no_grep '1 nodes' all.screen "never \"1 nodes\""
tap_done
