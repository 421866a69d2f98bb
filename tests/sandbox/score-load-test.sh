#!/bin/sh
# The scoring route under load (--faults "score:ENDPOINT/DEPLOYMENT=busy:N"
# and "slow:MS"): 503 when the requests in flight fill
# maxConcurrentRequestsPerInstance x instances and the queue waits past
# maxQueueWait, 504 when the model takes longer than requestTimeout, 200
# otherwise; nothing sleeps.
. "$top_srcdir/tests/sandbox/lib.sh"
S="$T/state.json"
sandbox_start --state "$S"
V=api-version=2022-10-01 E="$WSP/onlineEndpoints" K8S="$WSP/computes/k8s"
# The cluster aks-prod of the world, its Azure ML extension.
PROD="/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod"
AML="$PROD/providers/Microsoft.KubernetesConfiguration/extensions/azureml"
poll_op() { op=$(hdr Azure-AsyncOperation); arm GET "$op"; arm GET "$op"; }
poll_loc() { loc=$(hdr Location); arm GET "$loc"; arm GET "$loc"; }
deployment() {	# deployment NAME REQUEST-SETTINGS CAPACITY
	arm PUT "$E/ep-load/deployments/$1?$V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":$3},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$WSP/models/m/versions/1\",\"requestSettings\":$2}}"
	poll_op
}
restart() {	# restart [SANDBOX-ARGS...]: the scoring URI follows its new port
	sandbox_stop
	sandbox_start --state "$S" "$@"
	arm GET "$E/ep-load?$V"
	uri=$(j .properties.scoringUri)
}
score() {	# score DEPLOYMENT: sets STATUS, body in $T/body
	STATUS=$($CURL -o "$T/body" -D "$T/headers" -w '%{http_code}' -X POST \
	    -H 'Content-Type: application/json' --data-binary '{"data":[[1,2]]}' \
	    -H "Authorization: Bearer $key" -H "azureml-model-deployment: $1" "$uri")
}

arm PUT "$WSP/models/m/versions/1?$V" '{"properties":{"modelUri":"azureml://datastores/workspaceblobstore/paths/m/model.pkl"}}'
arm PUT "$AML?api-version=2024-11-01" '{"properties":{"extensionType":"Microsoft.AzureML.Kubernetes","scope":{"cluster":{"releaseNamespace":"azureml"}},"configurationSettings":{"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"}}}'
poll_op
arm PUT "$K8S?api-version=2024-10-01" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"computeType\":\"Kubernetes\",\"resourceId\":\"$PROD\"}}"
poll_op
arm PUT "$E/ep-load?$V" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"authMode\":\"Key\",\"compute\":\"$K8S\"}}"
poll_op
is "$(j .status)" Succeeded "an endpoint"
# one: 1 request at a time on 1 instance; two: 2 at a time on 2 instances.
deployment one '{"requestTimeout":"PT1S","maxQueueWait":"PT0.5S","maxConcurrentRequestsPerInstance":1}' 1
is "$(j .status)" Succeeded "deployment one"
deployment two '{"requestTimeout":"PT3S","maxQueueWait":"PT2S","maxConcurrentRequestsPerInstance":2}' 2
is "$(j .status)" Succeeded "deployment two"
arm GET "$E/ep-load?$V"
uri=$(j .properties.scoringUri)
arm POST "$E/ep-load/listKeys?$V"
key=$(j .primaryKey)
score one
is "$STATUS/$(j .deployment)" 200/one "without faults: 200"
arm POST "$E/ep-load/deployments/one/getLogs?$V" '{"containerType":"InferenceServer","tail":2}'
is "$(j .content)" "Booting worker with pid: 42
I [42] azmlinfsrv - POST /score 200 request 1" "its log gains a line per request served"

restart --faults 'score:ep-load/one=busy:1;score:ep-load/two=busy:3;score:ep-load/two=slow:2500'
score one
is "$STATUS" 503 "one busy with 1 of 1, no end in sight: 503"
is "$(cat "$T/body")" "Too many requests for service one (overloaded)" "the inference router's text"
like "$(hdr Content-Type)" "text/plain*" "in plain text"
score two
is "$STATUS/$(j .deployment)" 200/two "two busy with 3 of 2x2, 2.5 s each, within a 3 s timeout: 200"

restart --faults 'score:ep-load/two=busy:4;score:ep-load/two=slow:2500;score:ep-load/one=slow:1001#1'
score two
is "$STATUS" 503 "two full (4 of 2x2), 2.5 s each past a 2 s maxQueueWait: 503"
score one
is "$STATUS/$(cat "$T/body")" "504/upstream request timeout" "one's model takes 1.001 s past its 1 s requestTimeout: 504"
like "$(hdr Content-Type)" "text/plain*" "in plain text"
score one
is "$STATUS" 200 "the next request is quick again: 200"

restart --faults 'score:ep-load/two=busy:4;score:ep-load/two=slow:1500'
score two
is "$STATUS" 200 "full, but the in-flight ones end within maxQueueWait: 200"
restart --faults 'score:ep-load/two=slow:3001'
score two
is "$STATUS" 504 "two: 3.001 s past its 3 s requestTimeout: 504"

# A malformed score rule is refused, naming it.
if timeout 10 "$SB" --world "$WORLD" --state-dir "$T/st2" --faults 'score:ep-load/one=fast:1' >/dev/null 2>"$T/err"; then r=1
else r=$?; [ $r -ne 124 ] && r=0; fi
tap "$r" "score:...=fast:1 is refused"
like "$(cat "$T/err")" "*expected slow:MS or busy:N*" "saying what is expected"
done_testing
