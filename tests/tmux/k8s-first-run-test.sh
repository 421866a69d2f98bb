#!/bin/sh
# The issue's closing test: `akswiz --sandbox` with no other option, on a
# world like today's Azure, leads a new user who presses Enter through
# the defaults to a Kubernetes compute that Succeeded: the create wizard
# asks the compute type first (Kubernetes chosen), then the Kubernetes
# cluster; the progress screen shows the three steps with their states;
# the sandbox received one PUT of the managed cluster, of the extension
# and of the compute, and no request for a legacy AKS compute.  Polls,
# never sleeps for a fixed time.  Skipped without tmux.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
(umask 077; mkdir -p "$work/tmp"; cat >"$work/sbenv.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export TMPDIR=$work/tmp AKSWIZ_POLL_MIN_MS=20
export AKSWIZ_SANDBOX_OPTIONS="--polls 3 --retry-after 0 --journal $work/journal.log"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION
unset AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE
EOT
)

CLUSTERS='[^"]*/providers/Microsoft.ContainerService/managedClusters'
# puts ERE: the PUTs of paths matching ERE the sandbox received.
puts() {
	grep -c -E "\"method\":\"PUT\",\"path\":\"$1\"" "$work/journal.log"
}

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 ". $work/sbenv.sh; $AKSWIZ --sandbox; \
    echo akswiz-exit=\$?; exec cat"
wait_for "Create an inference cluster" "akswiz --sandbox opens home"
$T send-keys -t t Enter
wait_for "Step 1 of 8" "Create opens the wizard"
wait_for "› (•) Kubernetes" "the compute type is asked first, Kubernetes chosen"
wait_for "( ) AKS (legacy, retired)" "the legacy type second, marked retired"
$T send-keys -t t Enter
wait_for "Step 2 of 8" "the name"
$T send-keys -t t -l "ml-first"
wait_for "[ml-first" "the name is typed"
wait_for "is free in workspace" "and is free"
$T send-keys -t t Enter
wait_for "Kubernetes cluster" "the Kubernetes cluster's step"
wait_for "Cluster ml-first in resource group" "its defaults: the compute's name"
for step in 4 5 6 7 8; do
	$T send-keys -t t Enter
	wait_for "Step $step of 8" "step $step"
done
wait_for "TLS is off" "TLS off warns of plain HTTP"
$T send-keys -t t Enter
wait_for "Review the plan" "the review"
wait_for "Compute type       Kubernetes" "the plan is of type Kubernetes"
$T send-keys -t t Enter
wait_for "create of ml-first succeeded" "submitted and followed to its end"
wait_for "1.  create the AKS cluster" "the progress lists step 1"
if $T capture-pane -p -t t | grep -q "2.  install the Azure Machine Learning extension *Succeeded" &&
    $T capture-pane -p -t t | grep -q "3.  attach the cluster as a Kubernetes compute *Succeeded" &&
    $T capture-pane -p -t t | grep -q "1.  create the AKS cluster *Succeeded"; then
	ok "the three steps, each Succeeded"
else
	not_ok "the three steps, each Succeeded"
	$T capture-pane -p -t t | sed 's/^/#   /'
fi
$T send-keys -t t Enter
wait_for "Create an inference cluster" "Enter goes home"
$T send-keys -t t C-c
wait_for "akswiz-exit=0" "and Ctrl-C quits"
$T kill-session -t t

if [ "$(puts "$CLUSTERS/ml-first")" = 1 ] &&
    [ "$(puts "$CLUSTERS/ml-first/providers/Microsoft.KubernetesConfiguration/extensions/azureml")" = 1 ] &&
    [ "$(puts '[^"]*/computes/ml-first')" = 1 ]; then
	ok "one PUT of the cluster, of the extension, of the compute"
else
	not_ok "one PUT of the cluster, of the extension, of the compute"
	grep '"method":"PUT"' "$work/journal.log" | cut -c1-200 | sed 's/^/#   /'
fi
if grep -E '"method":"PUT","path":"[^"]*/computes/ml-first"' \
    "$work/journal.log" | grep -q '"computeType":"Kubernetes"'; then
	ok "the compute is of type Kubernetes"
else
	not_ok "the compute is of type Kubernetes"
fi
if grep -q '"computeType":"AKS"' "$work/journal.log"; then
	not_ok "nothing asked of the legacy path"
else
	ok "nothing asked of the legacy path"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
