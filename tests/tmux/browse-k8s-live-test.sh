#!/bin/sh
# Browse's actions on a Kubernetes compute in a real terminal (tmux),
# end to end against the sandbox, with Esc and going back on the way:
# c scales its node pool (form, Esc, again, review, Esc, again, submit,
# progress, back to the list), then d detaches it with its Azure ML
# extension.  The sandbox receives exactly the requests expected.
# Skipped without tmux.  Polls, never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
slow_sandbox_start '*=latency:10ms' --polls 1
echo "export AKSWIZ_POLL_MIN_MS=20" >>"$work/env.sh"
. "$work/env.sh"
get() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" "$work/ready.json"; }
. "$top_srcdir/tests/http/k8s-world.sh"
k8s_begin "$(get endpoint)" "$(get authority)" "$(get caFile)" \
    "$(get subscriptionId)" "$work"
k8s_dev_compute k8s-prod aks-prod ml
J=$work/journal.log
changes() { k8s_changes "$J"; }

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS browse; exec cat"
wait_for "k8s-prod" "browse lists the Kubernetes compute"
: >"$J"
# inf-attached inf-created inf-failed k8s-prod
$T send-keys -t t Down Down Down c
wait_for "Scale the node pool of k8s-prod's AKS cluster aks-prod:" "c: the scale form"
$T send-keys -t t Escape
wait_for "/ filter" "Esc: the list again"
$T send-keys -t t c
wait_for "nodepool1 (System): 3" "c again: the form, from the pool's count"
$T send-keys -t t BSpace 5 Enter
wait_for "nodepool1: 5 nodes of Standard_D4s_v3" "Enter: the review of the scale"
$T send-keys -t t Escape
wait_for "/ filter" "Esc from the review: the list"
if [ -z "$(changes)" ]; then ok "nothing sent so far"; else not_ok "nothing sent so far"; fi
$T send-keys -t t c
wait_for "nodepool1 (System): 3" "c once more"
$T send-keys -t t BSpace 5 Enter
wait_for "Review the plan" "the review"
$T send-keys -t t Enter
wait_for "scale of k8s-prod succeeded" "Submit: the progress screen follows it to its end"
$T send-keys -t t Enter
wait_for "/ filter" "Enter: back to the list"
k8s_expect_changes "$J" "exactly one PUT, of the pool" <<EOF
PUT $K8S_CL/aks-prod/agentPools/nodepool1
EOF
if grep -a '"method":"PUT".*/agentPools/nodepool1' "$J" | grep -a -q '"count":5'; then
	ok "with the count typed"
else
	not_ok "with the count typed"
fi

: >"$J"
$T send-keys -t t d
wait_for "Uninstall extension" "d: the detach form"
$T send-keys -t t Space Enter
wait_for "uninstalled" "the review says the extension goes"
$T send-keys -t t Enter
wait_for "detach of k8s-prod succeeded" "submitted and followed to its end"
k8s_expect_changes "$J" "exactly: DELETE of the compute, then of the extension" <<EOF
DELETE $K8S_WSP/computes/k8s-prod
DELETE $K8S_CL/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml
EOF
$T kill-session -t t 2>/dev/null

echo "1..$n"
[ "$failed" -eq 0 ]
