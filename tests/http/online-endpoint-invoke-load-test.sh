#!/bin/sh
# akswiz online-endpoint invoke when the deployment is overloaded: the
# sandbox's score faults (busy:N, slow:MS) make the scoring route answer
# 503 (a full queue) and 504 (past requestTimeout); invoke exits 5, shows
# the status and the router's text, and says what each means and which
# option of `online-deployment update` changes it.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
# blue keeps the default settings (1 request at a time per instance, PT0.5S of
# queue, PT5S of timeout) on 2 instances.  The first call finds it busy with 2 requests
# of unknown length, the second takes 6 s of the model's time.
sb_start --polls 1 --faults 'score:ep-key/blue=busy:2#1;score:ep-key/blue=slow:6000+1#1'
ep_world
printf '{"data": [[1, 2, 3]]}' >"$T/req.json"

az online-endpoint invoke --name ep-key --request-file "$T/req.json" --deployment-name blue
is "$rc" 5 "503: the service's answer, exit 5"
like "$T/err" '^akswiz: ep-key: HTTP 503 in [0-9]+ ms$' "its status"
like "$T/out" '^Too many requests for service blue \(overloaded\)$' "the router's text"
like "$T/err" "queue is full" "what 503 means"
like "$T/err" 'update --endpoint-name ep-key --name blue --max-concurrent-requests N \| --instance-count N$' "what to change"
unlike "$T/err" 'request-timeout-ms' "not the timeout"

az online-endpoint invoke --name ep-key --request-file "$T/req.json" --deployment-name blue
is "$rc" 5 "504: exit 5"
like "$T/err" '^akswiz: ep-key: HTTP 504 in [0-9]+ ms$' "its status"
like "$T/out" '^upstream request timeout$' "the router's text"
like "$T/err" "took longer than the deployment's request timeout" "what 504 means"
like "$T/err" 'update --endpoint-name ep-key --name blue --request-timeout-ms N$' "what to change"
unlike "$T/err" 'max-concurrent' "not the queue"

az online-endpoint invoke --name ep-key --request-file "$T/req.json" -o json
ok $rc "then it answers again: exit 0"
unlike "$T/err" 'queue|timeout' "and nothing to explain"
is "$(requests POST '/api/v1/endpoint/ep-key/score')" 3 "three POSTs to the scoring URI"
done_testing
