#!/bin/sh
# Browse's scale (c) on a Kubernetes compute and on a legacy AKS compute,
# end to end against the sandbox: the form reads the cluster (and the
# Azure ML extension) again, starts from the pool's count, checks the
# count as typed with the rules `akswiz scale` uses (the extension's
# router HA needs 3 nodes; a FastProd purpose 3 nodes), refuses a pool
# with the cluster autoscaler on with the reason, offers the pools when
# there are several, and ends in a scale plan that the review shows and
# submits: the sandbox receives exactly one PUT of the pool, with the new
# count.  Esc leaves the form and the review with nothing sent.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
. "$top_srcdir/tests/i18n/locale.sh"
sandbox_start --polls 1
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
HA='"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"True"'
k8s_dev_compute k8s-prod aks-prod ml
k8s_extension aks-small "$HA"
k8s_attach k8s-small aks-small
J=$work/journal.log
akswiz_lines() {
	grep -a '"user-agent":"akswiz' "$J" | grep -a "\"method\":\"$1\"" || true
}

# The rows: inf-attached inf-created inf-failed k8s-prod k8s-small ...
steps '
	<Down><Down><Down>
	c
	:save-display form.screen
	<Backspace>
	:save-display empty.screen
	1
	:save-display one.screen
	<Esc>
	:save-display back.screen
	c
	<Backspace>3<Enter>
	:save-state same.state
	<Backspace>5<Enter>
	:save-display review.screen
	<Down><Enter><Enter>
	:save-display saved.screen
	<Esc>
	:save-display back-review.screen
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: runs"
assert_equals form.screen "80x24: the scale form of a Kubernetes compute" <<EOF
 Computes of the workspace                                           6 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Scale the node pool of k8s-prod's AKS cluster aks-prod:

  nodepool1 (System): 3 × Standard_D4s_v3 now

  › Nodes  [3                                               ]

  Enter reviews the plan; Esc cancels.













 Enter confirm  Esc cancel
EOF
assert_grep '✗ The agent count must be a positive integer' empty.screen \
    "no count: refused as typed, by core's rule"
assert_no_grep '✗' one.screen "1 node of a DevTest purpose without router HA: fine"
assert_grep '^› k8s-prod ' back.screen "Esc: back to the list"
assert_grep '^status: Node pool nodepool1 has 3 nodes already: nothing to do' \
    same.state "the count it has: nothing to do, said"
assert_equals review.screen "the review of the scale plan" <<EOF
 Review the plan                                                          Scale
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       k8s-prod
    AKS cluster        aks-prod (resource group aks-rg)
    Node pool          nodepool1: 5 nodes of Standard_D4s_v3

  Nothing known stands in the way of this plan.










 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
assert_grep 'Saved to .*/plans/k8s-prod.json' saved.screen \
    "the review saves the scale plan"
assert_grep '"operation": *"scale"' state/akswiz/plans/k8s-prod.json \
    "as a scale plan"
assert_grep '"nodeCount": *5' state/akswiz/plans/k8s-prod.json \
    "with the count typed"
assert_grep '^› k8s-prod ' back-review.screen "Esc from the review: the list"
assert_no_grep '"method":"PUT"' "$J" "Esc from the form and the review: nothing sent"
akswiz_lines GET >"$work/gets"
assert_grep '"path":"[^"]*/managedClusters/aks-prod","' "$work/gets" \
    "c reads the cluster"
assert_grep '"path":"[^"]*/managedClusters/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml"' \
    "$work/gets" "and its Azure ML extension"

# The key in the footer where it fits, and in the keys (?); none of it
# with --readonly, where c does nothing.
steps '
	<Down><Down><Down>
	:save-display wide.screen
	?
	:save-display keys.screen
'
COLUMNS=120 run_akswiz browse $SB_ARGS
assert_grep ' c scale ' wide.screen "120 columns: c scale in the footer"
assert_grep "^  c  *change the node count of the cluster's node pool$" keys.screen \
    "? lists c"
steps '
	<Down><Down><Down>
	c
	:save-display readonly.screen
	:save-state readonly.state
'
: >"$J"
run_akswiz --readonly browse $SB_ARGS
assert_no_grep 'Scale the node pool' readonly.screen "--readonly: c opens nothing"
assert_no_grep 'c scale' readonly.screen "and the footer does not offer it"
assert_no_grep '"method":"PUT"' "$J" "--readonly: nothing sent"

# A compute that failed before its cluster was made: nothing to scale.
steps '
	<Down><Down>
	c
	:save-state nocluster.state
'
run_akswiz browse $SB_ARGS
assert_grep '^status: inf-failed has no AKS cluster to act on' nocluster.state \
    "a compute without a cluster: said, and the list stays"
assert_grep '^screen: browse$' nocluster.state "still browsing"

# Scale to 4 and submit: exactly the pool's PUT, with the new count, then
# the list again.
steps '
	<Down><Down><Down>
	c
	<Backspace>4<Enter>
	<Enter>
	:save-display progress.screen
	<Enter>
	:save-state after.state
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: scale submitted"
assert_grep 'scale of k8s-prod succeeded' progress.screen \
    "the progress screen follows the scale to its end"
assert_grep '^ Scaled k8s-prod ' progress.screen \
    "its title says the scale was done (not \"Created\")"
assert_grep '^screen: browse$' after.state "and Enter goes back to browse"
k8s_expect_changes "$J" "exactly one PUT, of the pool, and nothing else" <<EOF
PUT $K8S_CL/aks-prod/agentPools/nodepool1
EOF
akswiz_lines PUT >"$work/puts"
assert_grep '"count":4' "$work/puts" "with the count typed"
assert_grep '"operation": *"scale"' "$(ls state/akswiz/operations/*k8s-prod*.json | head -n 1)" \
    "the scale is journaled"

# The router's high availability (k8s-small's extension) needs 3 nodes; a
# legacy AKS compute's FastProd purpose too.
steps '
	<Down><Down><Down><Down>
	c
	:save-display ha.screen
	<Backspace>3
	:save-display ha3.screen
	<Esc><Home><Down>
	c
	<Backspace>2
	:save-display legacy.screen
'
run_akswiz browse $SB_ARGS
assert_grep '✗' ha.screen "2 nodes under a router with HA: refused as shown"
assert_grep 'high availability.*needs at' ha.screen \
    "the extension's router HA: 3 nodes (its health check's rule)"
assert_no_grep 'high availability' ha3.screen "3 nodes: that rule is met"
assert_grep 'inf-created.s AKS cluster' legacy.screen "a legacy AKS compute scales too"
assert_grep '✗' legacy.screen "2 nodes of a FastProd compute: refused"

# Several pools: the pool is chosen; one with the autoscaler on is refused
# with the reason, and nothing is sent.
k8s_arm PUT "$K8S_CL/aks-prod/agentPools/autopool?api-version=2024-09-01" \
    '{"properties":{"count":2,"vmSize":"Standard_D4s_v3","mode":"User","osType":"Linux","enableAutoScaling":true,"minCount":1,"maxCount":5}}'
k8s_wait
steps '
	<Down><Down><Down>
	c
	:save-display pools.screen
	<Up><Right>
	:save-display auto.screen
	<Enter>
	:save-state auto.state
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_grep 'Node pool.*nodepool1' pools.screen "several pools: offered, a line each"
assert_grep 'autopool' pools.screen "the other one too"
assert_grep 'autoscaler is on' auto.screen "the autoscaler's pool: says why"
assert_grep '1 to 5 nodes' auto.screen "with its range"
assert_grep '^status: Node pool autopool of AKS cluster aks-prod has the cluster autoscaler on' \
    auto.state "Enter refused, with the reason"
assert_no_grep '"method":"PUT"' "$J" "nothing sent"

# Down to one node: the review says "1 node", not "1 nodes".
steps '
	<Down><Down><Down>
	c
	<C-u>1<Enter>
	:save-display review1.screen
'
run_akswiz browse $SB_ARGS
assert_grep '^    Node pool          nodepool1: 1 node of Standard_D4s_v3$' \
    review1.screen "the review of a scale to one node: \"1 node\""

# 60x20 and Chinese: the form reads whole.
steps '
	<Down><Down><Down>
	c
	:save-display small.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep 'autoscaler\|nodepool1 (System)' small.screen "60x20: the form"
assert_grep 'Enter reviews the plan' small.screen "60x20: with its keys"
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		<Down><Down><Down>
		c
		:save-display zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
	assert_status 0 "zh_CN: runs"
	assert_grep '^ 工作区的计算目标' zh.screen "zh_CN: translated around it"
	assert_grep 'nodepool1.*System.*: 当前 4 × Standard_D4s_v3' zh.screen \
	    "zh_CN: the form"
	assert_grep '(•) nodepool1   ( ) autopool' zh.screen \
	    "zh_CN: the pools on one line"
else
	ok "# SKIP zh_CN.UTF-8 or its catalog is not available"
fi

# Scaled down to one node, then asked for one node again: "1 node".
steps '
	<Down><Down><Down>
	c
	<C-u>1<Enter>
	<Enter>
	:save-state one-done.state
	<Enter>
	c
	<C-u>1<Enter>
	:save-state one-again.state
'
run_akswiz browse $SB_ARGS
assert_grep '^result: succeeded' one-done.state "the scale to one node applied"
assert_grep '^status: Node pool nodepool1 has 1 node already: nothing to do' \
    one-again.state "one node again: \"has 1 node already\", not \"1 nodes\""

tap_done
