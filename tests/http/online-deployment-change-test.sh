#!/bin/sh
# Changing a running endpoint against the sandbox (issue 13, "Change
# it"): the blue/green walk (a second deployment, 90/10, 0/100, the old
# one deleted), a deployment scaled and updated, an endpoint deleted with
# its deployments; each a plan of one typed step checked by core's rules
# before anything is sent.  The request journal holds exactly the writes
# expected; every refusal sends nothing.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
sb_start --polls 1
ep_world
E=$EP V=$EP_V
# green: a second deployment of ep-key, no traffic yet.
k8s_arm PUT "$E/ep-key/deployments/green?$V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":1},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$K8S_WSP/models/m/versions/2\",\"containerResourceRequirements\":{\"containerResourceRequests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}}}}"
k8s_wait
is "$K8S_STATUS" 200 "setup: green is there"
# Blue's 2 instances hold room on the same nodes: green gets 16 at most.
: >"$T/journal.log"
az deployment scale ep-key green --instance-count 17
is "$rc" 3 "17 instances beside blue's 2: refused (exit 3)"
like "$T/err" 'which hold at most 16' "blue's instances counted"
is "$(grep -a -c '"method":"PATCH"' "$T/journal.log")" 0 "nothing sent"
# The writes akswiz sent: PUT, PATCH, POST (but listKeys), DELETE.
writes() {
	grep -a -E '"method":"(PUT|PATCH|DELETE)"' "$T/journal.log" |
	    sed -n 's/.*"method":"\([A-Z]*\)","path":"[^"]*\/onlineEndpoints\/\([^"?]*\).*/\1 \2/p'
}
: >"$T/journal.log"

# 90/10: one PATCH of the endpoint's traffic.
az online-endpoint update --name ep-key --traffic "blue=90 green=10"
ok $rc "update --traffic blue=90 green=10 exits 0"
like "$T/out" '^traffic of online endpoint ep-key: blue=90 green=10$' "the reply shows the new split"
like "$T/out" '^set-traffic of ep-key succeeded' "the outcome names the endpoint"
is "$(writes)" "PATCH ep-key" "one PATCH of the endpoint, nothing else"
grep -a -F '"method":"PATCH"' "$T/journal.log" | grep -q -F '"traffic":{"blue":90,"green":10}'
ok $? "the PATCH carries the split"

# 0/100 with the short form.
: >"$T/journal.log"
az endpoint update ep-key --traffic "blue=0 green=100"
ok $rc "endpoint update E --traffic (short form) exits 0"
like "$T/out" '^traffic of online endpoint ep-key: blue=0 green=100$' "0/100 shown"
is "$(writes)" "PATCH ep-key" "one PATCH"

# The words unquoted, as plan new deploy's --traffic takes them.
: >"$T/journal.log"
az endpoint update ep-key --traffic blue=10 green=90
ok $rc "endpoint update E --traffic blue=10 green=90 (words) exits 0"
grep -a -F '"method":"PATCH"' "$T/journal.log" | grep -q -F '"traffic":{"blue":10,"green":90}'
ok $? "the PATCH carries both words' split"
az endpoint update ep-key --traffic blue=10 green=90 extra
is "$rc" 2 "a word without = after them: unknown argument (exit 2)"
like "$T/err" 'unknown argument "extra"' "said"

# Refused before anything is sent.
: >"$T/journal.log"
az online-endpoint update --name ep-key --traffic "blue=50 green=60"
is "$rc" 3 "a split of 110: refused (exit 3)"
like "$T/err" 'adds up to 110 percent' "said"
az online-endpoint update --name ep-key --traffic "blue=50 red=50"
is "$rc" 3 "a deployment the endpoint lacks: refused"
like "$T/err" 'names deployment red, which the endpoint does not have' "said"
az online-endpoint update --name ep-key --traffic "blue=120 green=-20"
is "$rc" 3 "out of 0-100: refused"
az online-endpoint update --name ep-key --traffic "green=100" --mirror-traffic "blue=10"
is "$rc" 3 "mirror traffic: refused"
like "$T/err" 'Mirror traffic is not supported on Kubernetes endpoints' "with the reason"
az online-endpoint update --name ep-key --traffic "blue"
is "$rc" 2 "a word that is not NAME=PERCENT: usage (exit 2)"
az online-endpoint update --name nosuch --traffic "blue=100"
is "$rc" 1 "an endpoint that does not exist: exit 1"
like "$T/err" 'no online endpoint named "nosuch"' "said"
az --readonly online-endpoint update --name ep-key --traffic "green=100"
is "$rc" 3 "--readonly: refused"
is "$(writes)" "" "no write sent by any refusal"

# Delete blue: refused while it has traffic... (it has none now), but
# first give it some back to see the refusal and its fix.
az online-endpoint update --name ep-key --traffic "blue=10 green=90"
: >"$T/journal.log"
az online-deployment delete --name blue --endpoint-name ep-key --yes
is "$rc" 3 "deleting a deployment with traffic: refused (exit 3)"
like "$T/err" 'still takes 10 percent of online endpoint ep-key.s traffic; set it to 0 first: akswiz online-endpoint update --name ep-key --traffic "blue=0 green=100"' \
    "with the command that frees it"
az online-deployment delete --name blue --endpoint-name ep-key
is "$rc" 2 "not on a terminal, without --yes: usage (exit 2)"
like "$T/err" 'needs --yes when not run on a terminal' "says to add --yes"
az online-deployment delete --name red --endpoint-name ep-key --yes
is "$rc" 3 "a deployment the endpoint lacks: refused"
like "$T/err" 'Online endpoint ep-key has no deployment named red' "said"
is "$(writes)" "" "nothing sent"
az endpoint update ep-key --traffic "green=100"
ok $rc "green takes it all (blue not named: 0)"
: >"$T/journal.log"
az deployment delete ep-key blue --yes
ok $rc "then blue is deleted (short form)"
like "$T/out" '^delete-deployment of blue succeeded' "the outcome names the deployment"
is "$(writes)" "DELETE ep-key/deployments/blue" "one DELETE, of blue"
az online-deployment list --endpoint-name ep-key
unlike "$T/out" '^blue ' "blue is gone"
like "$T/out" '^green ' "green is there"

# Scale: a PATCH of sku.capacity; autoscale and request settings: a PUT
# of the deployment as it is.
# Checked live first: the instances fit the cluster's 3 nodes (18 such
# instances at most), beside the compute's other deployments.
: >"$T/journal.log"
az deployment scale ep-key green --instance-count 19
is "$rc" 3 "19 instances on nodes that hold 18: refused (exit 3)"
like "$T/err" "19 instances do not fit on the cluster's 3 nodes of Standard_D4s_v3, which hold at most 18" "said, with the room there is"
is "$(writes)" "" "nothing sent"
: >"$T/journal.log"
az deployment scale ep-key green --instance-count 3
ok $rc "deployment scale E D --instance-count 3 exits 0"
is "$(writes)" "PATCH ep-key/deployments/green" "one PATCH of green"
grep -a -F '"method":"PATCH"' "$T/journal.log" | grep -q -F '"sku":{"capacity":3,"name":"Default"}'
ok $? "its sku's capacity 3"
az online-deployment show --name green --endpoint-name ep-key -o json
like "$T/out" '"instanceCount": 3' "green has 3 instances"
: >"$T/journal.log"
az online-deployment update --name green --endpoint-name ep-key --min-instances 1 --max-instances 3 --target-utilization 60 --request-timeout-ms 3000 --max-concurrent-requests 2
ok $rc "update with autoscale and request settings exits 0"
is "$(writes)" "PUT ep-key/deployments/green" "one PUT of green"
grep -a -F '"method":"PUT"' "$T/journal.log" | grep -q -F '"scaleSettings":{"maxInstances":3,"minInstances":1,"pollingInterval":"PT1S","scaleType":"TargetUtilization","targetUtilizationPercentage":60}'
ok $? "with its scale settings"
grep -a -F '"method":"PUT"' "$T/journal.log" | grep -q -F '"requestTimeout":"PT3S"'
ok $? "and its request timeout"
: >"$T/journal.log"
az online-deployment update --name green --endpoint-name ep-key --instance-count 0
is "$rc" 3 "0 instances: refused"
az online-deployment update --name green --endpoint-name ep-key --min-instances 3 --max-instances 1
is "$rc" 3 "min > max: refused"
az online-deployment update --name green --endpoint-name ep-key
is "$rc" 3 "nothing to change: refused"
like "$T/err" 'changes nothing' "said"
az online-deployment update --name green --endpoint-name ep-key --instance-count many
is "$rc" 2 "not a number: usage"
is "$(writes)" "" "nothing sent"

# The short form of regenerate-keys.
az endpoint regenerate-keys ep-key --key-type secondary
ok $rc "endpoint regenerate-keys E --key-type secondary"
like "$T/out" 'regenerated the secondary key of online endpoint ep-key' "said"

# A change as a plan file: checked, exported, applied.
cat >"$T/tr.json" <<JSON
{"akswizPlan": 2, "operation": "set-traffic", "computeType": "Kubernetes",
 "scope": {"subscription": "$SB_SUB", "resourceGroup": "$SB_RG", "workspace": "$SB_WS"},
 "name": "k8s-dev", "deploy": {"endpointName": "ep-key", "traffic": {"green": 100}}}
JSON
az plan check "$T/tr.json"
ok $rc "plan check of a set-traffic plan"
az plan export --as az "$T/tr.json"
like "$T/out" '^az ml online-endpoint update --name ep-key --traffic "green=100"$' "export --as az: az ml online-endpoint update"
az plan export --as arm "$T/tr.json"
like "$T/out" '^PATCH /subscriptions/.*/onlineEndpoints/ep-key\?api-version=2024-10-01$' "export --as arm: the endpoint's PATCH"
az plan export --as python "$T/tr.json"
like "$T/out" '^endpoint.traffic = \{"green": 100\}$' "export --as python: azure-ai-ml"
sed 's/"green": 100/"green": 90/' "$T/tr.json" >"$T/tr90.json"
az plan check "$T/tr90.json"
is "$rc" 1 "plan check: a split of 90 is an error"
: >"$T/journal.log"
az apply "$T/tr.json"
ok $rc "apply of the plan file"
is "$(writes)" "PATCH ep-key" "one PATCH"

# Delete the endpoint: its deployments go with it (the service's).
: >"$T/journal.log"
az online-endpoint delete --name ep-key
is "$rc" 2 "endpoint delete without --yes, not on a terminal: exit 2"
is "$(writes)" "" "nothing sent"
az endpoint delete ep-key --yes
ok $rc "endpoint delete E --yes exits 0"
like "$T/out" '^delete-endpoint of ep-key succeeded' "said"
is "$(writes)" "DELETE ep-key" "one DELETE, of the endpoint"
az online-endpoint show --name ep-key
is "$rc" 1 "the endpoint is gone"
sb_stop
done_testing
