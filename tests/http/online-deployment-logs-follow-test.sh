#!/bin/sh
# akswiz online-deployment get-logs --follow (and the short form,
# akswiz deployment get-logs E D --follow): the last lines, then only the
# lines the log gains (the sandbox's log grows a line per scoring request),
# never a line twice while the log stands still; exit 0 on SIGINT, exit 1
# with a message when the deployment is deleted under it.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
sb_start --polls 1
ep_world
E=$EP V=$EP_V
member() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" "$T/k8s.body"; }
k8s_arm GET "$E/ep-key?$V"
uri=$(member scoringUri)
k8s_arm POST "$E/ep-key/listKeys?$V"
key=$(member primaryKey)
score() {
	curl -s --max-time 20 --cacert "$SB_CA" -o /dev/null -X POST \
	    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
	    -H 'azureml-model-deployment: blue' --data-binary '{"data":[[1]]}' "$uri"
}
follow() {	# follow ARGS...: akswiz in the background, its pid in $pid
	AKSWIZ_POLL_MIN_MS=50 "$AKSWIZ" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" --subscription "$SB_SUB" \
	    -g "$SB_RG" -w "$SB_WS" "$@" >"$T/out" 2>"$T/err" </dev/null &
	pid=$!
}
lines_are() { [ "$(wc -l <"$T/out" | tr -d ' ')" -ge "$1" ]; }
getlogs() { requests POST '[^"]*/deployments/blue/getLogs'; }
polls_past() { [ "$(getlogs)" -ge "$1" ]; }

az online-deployment get-logs --name blue --endpoint-name ep-key --follow -o json
is "$rc" 2 "--follow with -o json: usage"

follow online-deployment get-logs --name blue --endpoint-name ep-key --lines 2 --follow
wait_until "$pid" lines_are 2
score; score
wait_until "$pid" grep -q 'request 2$' "$T/out"
# Three more polls of a log that stands still.
g0=$(getlogs)
wait_until "$pid" polls_past $((g0 + 3))
kill -INT "$pid"
wait "$pid"
is "$?" 0 "SIGINT: exit 0"
is "$(cat "$T/out")" "Swagger file not present
Booting worker with pid: 42
I [42] azmlinfsrv - POST /score 200 request 1
I [42] azmlinfsrv - POST /score 200 request 2" "the last 2 lines, then the 2 new ones, each once"
ok "$([ "$(getlogs)" -ge $((g0 + 3)) ]; echo $?)" "getLogs polled again and again"
is "$(cat "$T/err")" "" "nothing on stderr"

# The short form; the deployment deleted under it.
k8s_arm PUT "$E/ep-key/deployments/old?$V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":1},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$K8S_WSP/models/m/versions/2\"}}"
k8s_wait
follow deployment get-logs ep-key old --follow
wait_until "$pid" grep -q 'Booting worker' "$T/out"
k8s_arm DELETE "$E/ep-key/deployments/old?$V"
ep_location
is "$K8S_STATUS" 204 "setup: old deleted"
wait_until "$pid" false
wait "$pid"
is "$?" 1 "the deployment gone: exit 1"
like "$T/err" 'deployment old of endpoint ep-key is gone: no more logs' "saying so"
is "$(grep -c 'Booting worker' "$T/out")" 1 "its log printed once"
is "$(comp akswiz online-deployment get-logs --fo)" "--follow " "completion: --follow"
is "$(comp akswiz deployment get-logs ep-key blue --fo)" "--follow " "completion: --follow in the short form"
done_testing
