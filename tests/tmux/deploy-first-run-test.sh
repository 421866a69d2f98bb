#!/bin/sh
# The deploy issue's closing test: a new user, on `akswiz --sandbox` with a
# Kubernetes compute made before (akswiz apply of a create plan), goes from
# the home screen to Deploy a model, keeps the Kubernetes compute and the
# suggested endpoint, gives a local model file, a code folder with its
# score.py and an image (uploaded and registered by the plan's first
# steps), presses Enter through the defaults to the review and submits;
# the progress screen follows the steps to Succeeded and shows the scoring
# URI, the model's upload with a bar of its progress on the way; c calls
# the endpoint and its reply (which names the deployment) shows on a page
# of its own.  The sandbox received one PUT of the endpoint, one of the
# deployment and one change of the endpoint's traffic.  Polls, never
# sleeps for a fixed time.  Skipped without tmux.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
# The model file's Put Blob is slowed so that the upload's bar is seen.
SLOW=" --faults PUT:*model.pkl=latency:3s"
(umask 077; mkdir -p "$work/tmp"; cat >"$work/sbenv.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export TMPDIR=$work/tmp AKSWIZ_POLL_MIN_MS=20
export AKSWIZ_SANDBOX_OPTIONS="--polls 2 --retry-after 0 --journal $work/journal.log$SLOW"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION
unset AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE
EOT
)
ENDPOINTS='[^"]*/onlineEndpoints'

# The Kubernetes compute to deploy to, made from a shell first.
(. "$work/sbenv.sh"
"$AKSWIZ" plan new create --name k8s-dev --cluster-purpose DevTest \
    --vm-size Standard_D4s_v3 --agent-count 3 >"$work/create.json" &&
    "$AKSWIZ" --sandbox apply "$work/create.json" >"$work/apply.out" 2>&1)
if [ $? -eq 0 ]; then
	ok "a Kubernetes compute made with akswiz apply"
else
	not_ok "a Kubernetes compute made with akswiz apply"
	sed 's/^/#   /' "$work/apply.out"
fi
: >"$work/journal.log"
printf 'sklearn model\n' >"$work/model.pkl"
mkdir -p "$work/src"
printf 'def init():\n    pass\n\ndef run(data):\n    return data\n' \
    >"$work/src/score.py"

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 ". $work/sbenv.sh; cd $work; \
    $AKSWIZ --sandbox; echo akswiz-exit=\$?; exec cat"
wait_for "Deploy a model" "akswiz --sandbox opens home, with Deploy a model"
$T send-keys -t t Down Down Enter
wait_for "Where: compute and endpoint" "Deploy opens its first page"
wait_for "› k8s-dev" "the Kubernetes compute is chosen"
wait_for "[k8s-dev-ep" "an endpoint name is suggested"
$T send-keys -t t Enter
wait_for "What: model, code, environment" "Enter: the model"
$T send-keys -t t -l "model.pkl"
$T send-keys -t t Down
$T send-keys -t t -l "src"
$T send-keys -t t Down
$T send-keys -t t -l "score.py"
$T send-keys -t t Down Down
$T send-keys -t t -l "mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest"
wait_for "model.pkl: a file of 14 bytes" "a local model file, its size said"
wait_for "src/score.py: the scoring script" "the scoring script in its folder"
$T send-keys -t t Enter
wait_for "Resources and scale" "Enter: the resources"
wait_for "The cluster: 3 nodes of Standard_D4s_v3" "the cluster's nodes read"
$T send-keys -t t Enter
wait_for "Review the plan" "Enter: the review"
wait_for "Endpoint           k8s-dev-ep (auth key)" "the review names the endpoint"
$T send-keys -t t Enter
wait_for "[                    ] uploading model.pkl: 0%" \
    "the model's upload with its bar"
wait_for "Deployed to k8s-dev" "submitted and followed to its end"
wait_for "Scoring URI: https://127.0.0.1" "the scoring URI"
$T send-keys -t t c
wait_for "The endpoint's reply" "c calls it: its reply on a page"
wait_for "HTTP 200 in" "the status and the time"
wait_for '"deployment": "blue",' "the reply names the deployment"
$T send-keys -t t Escape
wait_for "Called it: HTTP 200" "Esc: back to the outcome, which says so"
$T send-keys -t t Enter
wait_for "Create an inference cluster" "Enter goes home"
$T send-keys -t t C-c
wait_for "akswiz-exit=0" "and Ctrl-C quits"
$T kill-session -t t

# changes ERE: the PUTs and PATCHes of paths matching ERE.
changes() {
	grep -c -E "\"method\":\"(PUT|PATCH)\",\"path\":\"$1\"" "$work/journal.log"
}
if [ "$(changes "$ENDPOINTS/k8s-dev-ep")" = 2 ] &&
    [ "$(changes "$ENDPOINTS/k8s-dev-ep/deployments/blue")" = 1 ]; then
	ok "one PUT of the endpoint, of the deployment, one change of traffic"
else
	not_ok "one PUT of the endpoint, of the deployment, one change of traffic"
	grep -E '"method":"(PUT|PATCH)"' "$work/journal.log" | cut -c1-200 |
	    sed 's/^/#   /'
fi
if grep -E "\"method\":\"POST\",\"path\":\"/api/v1/endpoint/k8s-dev-ep/score\"" \
    "$work/journal.log" >/dev/null; then
	ok "the scoring route was called"
else
	not_ok "the scoring route was called"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
