#!/bin/sh
# The endpoints screen in a real terminal (tmux), against the sandbox:
# browse, e on a Kubernetes compute, its endpoints and deployments, i sends
# a request file and shows the reply, l the deployment's logs, k the keys
# masked until v reveals them, Esc back to the list and to browse.
# Skipped without tmux.  Polls, never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
slow_sandbox_start '*=latency:10ms' --polls 1
echo "export AKSWIZ_POLL_MIN_MS=20" >>"$work/env.sh"
. "$work/env.sh"
get() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" "$work/ready.json"; }
SB_URL=$(get endpoint) SB_AUTH=$(get authority) SB_CA=$(get caFile)
SB_SUB=$(get subscriptionId)
. "$top_srcdir/tests/http/endpoint-world.sh"
# ep_world keeps its answers in $T, which is tmux's command here.
tmux_cmd=$T T=$work
ep_world
k8s_arm POST "$EP/ep-key/listKeys?$EP_V"
KEY1=$(sed -n 's/.*"primaryKey" *: *"\([^"]*\)".*/\1/p' "$work/k8s.body")
T=$tmux_cmd
echo '{"data": [[4, 5]]}' > "$work/request.json"
# hidden TEXT DESCRIPTION: TEXT is not on the pane.
hidden() {
	if $T capture-pane -p -t t | grep -q -F -- "$1"; then
		not_ok "$2"
	else
		ok "$2"
	fi
}

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 "$ENVS cd $work; $AKSWIZ $ARGS browse; exec cat"
wait_for "k8s-dev" "browse lists the Kubernetes compute"
$T send-keys -t t / k 8 s - d e v Enter e
wait_for "Online endpoints on k8s-dev" "e: the compute's endpoints"
wait_for "defaultinstancetype       100%" "the deployment nested, with its traffic"
$T send-keys -t t i
wait_for "Request  " "i: the invoke form"
$T send-keys -t t r e q u e s t . j s o n Enter
wait_for '"inputBytes":19}' "Enter: the reply, with the size of what was sent"
wait_for "HTTP 200 in" "the status and the latency"
$T send-keys -t t Escape Down l
wait_for "Logs of ep-key/blue" "l: the deployment's logs"
wait_for "Booting worker with pid" "its lines"
$T send-keys -t t Tab
wait_for "Model download completed" "Tab: the storage initializer's"
$T send-keys -t t Escape Up k
wait_for "Secondary key" "k: the keys"
hidden "$KEY1" "masked"
$T send-keys -t t v
wait_for "$KEY1" "v reveals them"
$T send-keys -t t Escape
wait_for "k keys  i invoke" "Esc: the list"
hidden "$KEY1" "the key is gone with its view"
$T send-keys -t t Escape
wait_for "Computes of the workspace" "Esc: browse again"
if grep -a '"path":"/api/v1/endpoint/ep-key/score"' "$work/journal.log" |
    grep -a -q '"body":{"data":\[\[4,5\]\]}'; then
	ok "the sandbox got the request file"
else
	not_ok "the sandbox got the request file"
fi
$T kill-session -t t 2>/dev/null

echo "1..$n"
[ "$failed" -eq 0 ]
