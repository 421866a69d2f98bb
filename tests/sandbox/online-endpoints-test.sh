#!/bin/sh
# Online endpoints and Kubernetes deployments in akswiz-sandbox (deploy.md
# 1c, 4): each route, each long-running operation, each refusal (names,
# authMode, the AKS compute, traffic, mirror traffic, scale, request
# settings), a deployment too big for the nodes ending Unschedulable,
# keys and tokens, logs, and keys never in the request journal.
. "$top_srcdir/tests/sandbox/lib.sh"
S="$T/state.json"
sandbox_start --state "$S" --journal "$T/journal"
V=api-version=2022-10-01
V23=api-version=2023-10-01
CL="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
PROD="/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod"
X="providers/Microsoft.KubernetesConfiguration/extensions"
E="$WSP/onlineEndpoints"
K8S="$WSP/computes/k8s"
poll_op() {	# poll the Azure-AsyncOperation of the last answer until it ends
	op=$(hdr Azure-AsyncOperation)
	arm GET "$op"; arm GET "$op"
}
poll_loc() {	# the Location of the last answer, twice
	loc=$(hdr Location)
	arm GET "$loc"; arm GET "$loc"
}
endpoint() {	# endpoint NAME AUTH [EXTRA-PROPERTIES] [API]
	arm PUT "$E/$1?${4:-$V}" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"authMode\":\"$2\",\"compute\":\"$K8S\"${3:+,$3}}}"
}
deployment() {	# deployment ENDPOINT NAME [EXTRA-PROPERTIES] [SKU-CAPACITY]
	arm PUT "$E/$1/deployments/$2?$V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":${4:-1}},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$WSP/models/m/versions/1\"${3:+,$3}}}"
}

# The model the deployments deploy, registered.
arm PUT "$WSP/models/m/versions/1?$V" '{"properties":{"modelUri":"azureml://datastores/workspaceblobstore/paths/m/model.pkl"}}'
is "$STATUS" 201 "the model is registered"

# A Kubernetes compute on aks-prod (3 x Standard_D4s_v3, 1.29).
arm PUT "$CL/aks-prod/$X/azureml?api-version=2024-11-01" '{"properties":{"extensionType":"Microsoft.AzureML.Kubernetes","scope":{"cluster":{"releaseNamespace":"azureml"}},"configurationSettings":{"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"}}}'
poll_op
arm PUT "$K8S?api-version=2024-10-01" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"computeType\":\"Kubernetes\",\"resourceId\":\"$PROD\"}}"
poll_op
is "$(j .status)" Succeeded "the Kubernetes compute is attached"

# Refusals of an endpoint.
arm PUT "$E/ep-aks?$V" "{\"location\":\"eastus\",\"properties\":{\"authMode\":\"Key\",\"compute\":\"$WSP/computes/inf-attached\"}}"
is "$STATUS/$(j .error.code)/$(j .error.message)/$(j .error.details[0].code)" "400/BadRequest/The request is invalid./NotSupported" "an AKS compute: BadRequest with NotSupported"
is "$(j .error.details[0].message)" "Creation of Online Endpoints or deployments on AKS compute type is no longer supported. More details can be found here, https://aka.ms/troubleshoot-creating-aks-endpoint" "the service's exact message"
endpoint 1ep Key
is "$STATUS/$(j .error.details[0].code)" 400/Invalid "a name starting with a digit"
like "$(j .error.details[0].message)" "*1ep*must start with a letter*" "the name rule, named"
endpoint ep-a-name-of-thirty-three-chars-x Key
like "$STATUS/$(j .error.details[0].message)" "400/*3 to 32 characters*" "33 characters"
arm PUT "$E/ep-none?$V" "{\"location\":\"eastus\",\"properties\":{\"compute\":\"$K8S\"}}"
like "$STATUS/$(j .error.details[0].message)" "400/*auth mode*" "no authMode"
endpoint ep-none None
like "$STATUS/$(j .error.details[0].message)" "400/*no \"no authentication\" mode*" "authMode None: v2 has no such mode"
endpoint ep-aad AADToken
like "$STATUS/$(j .error.details[0].message)" "400/*aad_token is not supported on Kubernetes*" "AADToken on a Kubernetes endpoint"
endpoint ep-nocomp Key '"compute":"/x/computes/nosuch"'
is "$STATUS/$(j .error.details[0].code)" 400/ComputeNotFound "a compute that does not exist"
endpoint ep-traffic Key '"traffic":{"nope":100}'
like "$STATUS/$(j .error.details[0].message)" "400/*deployment nope*" "traffic to a deployment the endpoint does not have"
arm GET "$E/ep-aks?$V"
is "$STATUS" 404 "nothing was created by a refusal"

# Create, with its operation.
endpoint ep1 Key '"description":"demo"'
is "$STATUS/$(j .properties.provisioningState)/$(j .properties.authMode)" 201/Creating/Key "PUT: 201 Creating"
like "$(hdr Azure-AsyncOperation)" "*/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/*" "an Azure-AsyncOperation to poll"
is "$(hdr x-ms-async-operation-timeout)" PT1H "with x-ms-async-operation-timeout"
tap "$(tr -d ' ' <"$T/body" | grep -q '"keys":null'; echo $?)" "keys are null in the resource"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"
is "$STATUS/$(j .status)" 200/InProgress "the operation runs"
arm GET "$op"
is "$(j .status)" Succeeded "then Succeeded"
arm GET "$E/ep1?$V"
is "$(j .properties.provisioningState)/$(j .type)" Succeeded/Microsoft.MachineLearningServices/workspaces/onlineEndpoints "GET: Succeeded"
like "$(j .properties.scoringUri)" "https://*/api/v1/endpoint/ep1/score" "a scoring URI"
is "$(j .properties.compute)" "$K8S" "the compute kept"
arm GET "$E?$V"
is "$STATUS/$(j .value[0].name)" 200/ep1 "list"
arm GET "$E/ep1?api-version=2021-07-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "an api-version without online endpoints"
arm GET "$E/ep1?$V23"
is "$STATUS" 200 "a 2023 api-version"

# Keys and tokens.
arm POST "$E/ep1/listKeys?$V"
k1=$(j .primaryKey)
is "$STATUS/${#k1}" 200/32 "listKeys: a primary key"
like "$(j .secondaryKey)" "?*" "and a secondary key"
arm POST "$E/ep1/token?$V"
is "$STATUS" 400 "no token on a Key endpoint"
arm POST "$E/ep1/regenerateKeys?$V" '{"keyType":"Primary","keyValue":"my-own-primary-key-0123456789"}'
is "$STATUS" 202 "regenerateKeys: 202"
like "$(hdr Location)" "*/mfeOperationResults/*" "with a Location"
poll_loc
is "$STATUS" 204 "the Location ends"
arm POST "$E/ep1/listKeys?$V"
is "$(j .primaryKey)" my-own-primary-key-0123456789 "the primary key is the one given"
arm POST "$E/ep1/regenerateKeys?$V" '{"keyType":"Secondary"}'
poll_loc
arm POST "$E/ep1/listKeys?$V"
is "$(j .primaryKey)" my-own-primary-key-0123456789 "regenerating the secondary keeps the primary"
arm POST "$E/ep1/regenerateKeys?$V" '{"keyType":"Tertiary"}'
is "$STATUS" 400 "an unknown key type"
endpoint ep-tok AMLToken
poll_op
arm POST "$E/ep-tok/token?$V"
is "$STATUS/$(j .tokenType)" 200/Bearer "token: a bearer token"
exp=$(j .expiryTimeUtc); ref=$(j .refreshAfterTimeUtc)
is "$((exp - ref))" 43200 "valid 12 hours past its refresh time"
like "$(j .accessToken)" "??????????*" "an access token"
tok=$(j .accessToken)
arm POST "$E/ep-tok/listKeys?$V"
is "$STATUS" 400 "no keys on an AMLToken endpoint"

# Names are unique in a region: secure-workspace is in East US too.
SWS="/subscriptions/$SUB/resourceGroups/secure-rg/providers/Microsoft.MachineLearningServices/workspaces/secure-workspace"
arm PUT "$SWS/onlineEndpoints/ep-tok?$V" '{"location":"eastus","properties":{"authMode":"Key"}}'
like "$STATUS/$(j .error.details[0].code)/$(j .error.details[0].message)" "400/Conflict/*unique in a region*" "a name another workspace of the region has"
arm PUT "$SWS/onlineEndpoints/ep-other?$V" '{"location":"eastus","properties":{"authMode":"Key"}}'
is "$STATUS" 201 "another name is fine"

# Deployments.
deployment ep1 blue '"requestSettings":{"requestTimeout":"PT5S","maxConcurrentRequestsPerInstance":1}'
is "$STATUS/$(j .properties.provisioningState)/$(j .sku.capacity)" 201/Creating/1 "deployment PUT: 201 Creating"
is "$(j .properties.instanceType)/$(j .properties.scaleSettings.scaleType)" defaultinstancetype/TargetUtilization "the default instance type and scale settings"
poll_op
is "$(j .status)" Succeeded "the deployment Succeeded"
arm GET "$E/ep1/deployments/blue?$V"
is "$(j .properties.provisioningState)/$(j .properties.endpointComputeType)" Succeeded/Kubernetes "GET: Succeeded, Kubernetes"
arm GET "$E/ep1/deployments?$V"
is "$(j .value[0].name)" blue "deployments list"
arm PUT "$E/ep1/deployments/green?$V" '{"location":"eastus","properties":{"endpointComputeType":"Managed"}}'
like "$STATUS/$(j .error.details[0].message)" "400/*Kubernetes*" "a Managed deployment on a Kubernetes endpoint"
deployment ep1 noref '"environmentId":"azureml://registries/azureml/environments/sklearn-1.5/labels/latest"'
is "$STATUS/$(j .error.details[0].code)/$(j .error.details[0].message)" "400/NotSupported/Registry reference for environments is not supported for K8SDeployment" "a registry environment on Kubernetes: refused"
deployment ep1 noref '"model":"azureml://registries/azureml/models/x/versions/1"'
like "$STATUS/$(j .error.details[0].code)/$(j .error.details[0].message)" "400/NotSupported/*registry*" "a registry model on Kubernetes: refused"
deployment ep1 noref "\"environmentId\":\"$WSP/environments/nosuch/versions/1\""
like "$STATUS/$(j .error.details[0].code)/$(j .error.details[0].message)" "400/NotFound/*environments/nosuch/versions/1*" "an environment version the workspace does not have"
deployment ep1 noref "\"codeConfiguration\":{\"codeId\":\"$WSP/codes/nosuch/versions/1\",\"scoringScript\":\"score.py\"}"
like "$STATUS/$(j .error.details[0].code)" "400/NotFound" "a code version the workspace does not have"
deployment ep1 noref "\"model\":\"$WSP/models/m/versions/2\""
like "$STATUS/$(j .error.details[0].code)" "400/NotFound" "a model version the workspace does not have"
arm GET "$E/ep1/deployments/noref?$V"
is "$STATUS" 404 "none of them was created"
deployment ep1 zero "" 0
like "$STATUS/$(j .error.details[0].message)" "400/*instance count must be at least 1*" "instance count 0"
deployment ep1 slow '"requestSettings":{"requestTimeout":"PT400S"}'
like "$STATUS/$(j .error.details[0].message)" "400/*request timeout*" "a request timeout above 300 s"
deployment ep1 auto '"scaleSettings":{"scaleType":"TargetUtilization","minInstances":3,"maxInstances":2}'
like "$STATUS/$(j .error.details[0].message)" "400/*minimum instances (3)*maximum (2)*" "autoscale min above max"
deployment ep1 1bad
like "$STATUS/$(j .error.details[0].message)" "400/*deployment name*" "a deployment name starting with a digit"
deployment ep1 big '"containerResourceRequirements":{"containerResourceRequests":{"cpu":"3","memory":"2Gi"}}'
is "$STATUS/$(j .properties.provisioningState)" 201/Creating "too big for a node: accepted"
poll_op
is "$(j .status)/$(j .error.code)/$(j .error.details[0].code)" Failed/KubernetesError/Unschedulable "then Failed: Unschedulable"
is "$(j .error.details[0].message)" "0/3 nodes are available: 3 Insufficient cpu." "the scheduler's reason"
arm GET "$E/ep1/deployments/big?$V"
is "$(j .properties.provisioningState)" Failed "the deployment is Failed"
arm POST "$E/ep1/deployments/big/getLogs?$V" '{"containerType":"InferenceServer","tail":10}'
is "$STATUS/$(j .content)" 200/ "never scheduled: no server log"
deployment ep1 many "" 17
poll_op
is "$(j .status)/$(j .error.details[0].code)" Failed/Unschedulable "17 instances of the default type (100m, 2Gi) beside blue's one do not fit 3 x D4s_v3"
is "$(j .error.details[0].message)" "0/3 nodes are available: 3 Insufficient memory." "memory is what runs out"
deployment ep1 many "" 16
poll_op
is "$(j .status)" Succeeded "16 do: the nodes hold 17"
deployment ep1 more "" 1
poll_op
is "$(j .status)/$(j .error.details[0].code)" Failed/Unschedulable "one more does not: running deployments hold their room"
arm DELETE "$E/ep1/deployments/many?$V"
poll_loc
deployment ep1 more "" 1
poll_op
is "$(j .status)" Succeeded "once one is deleted, it fits"
arm DELETE "$E/ep1/deployments/more?$V"
poll_loc
arm GET "$E/ep1/deployments/blue/skus?$V"
is "$STATUS/$(j .value[0].sku.name)/$(j .value[0].capacity.minimum)" 200/Default/1 "skus: Default, from 1"
is "$(j .value[0].capacity.maximum)/$(j .value[0].capacity.scaleType)" 17/Automatic "to what the nodes hold (17 of blue's size), autoscaled"

# Traffic.
arm PATCH "$E/ep1?$V" '{"properties":{"traffic":{"blue":90}}}'
like "$STATUS/$(j .error.details[0].message)" "400/*adds up to 90*" "traffic adding up to 90"
arm PATCH "$E/ep1?$V23" '{"properties":{"mirrorTraffic":{"blue":10}}}'
like "$STATUS/$(j .error.details[0].message)" "400/*Mirror traffic is not supported on Kubernetes endpoints*" "mirror traffic refused"
arm PATCH "$E/ep1?$V" '{"properties":{"traffic":{"blue":100}}}'
is "$STATUS" 202 "PATCH: 202"
like "$(hdr Location)" "*/mfeOperationResults/*" "with a Location"
is "$(hdr Retry-After)" 0 "and Retry-After"
loc=$(hdr Location)
arm GET "$E?$V"
like "$(tr -d ' \n' <"$T/body")" '*"name":"ep1"*"provisioningState":"Updating"*' "the list: Updating"
arm GET "$loc"
is "$STATUS" 202 "the Location says 202 while it runs"
arm GET "$loc"
is "$STATUS/$(j .properties.traffic.blue)" 200/100 "then 200 with the endpoint"
arm GET "$E/ep1?$V23"
is "$(j .properties.traffic.blue)/$(j .properties.provisioningState)" 100/Succeeded "all traffic to blue"

# Scale and logs.
arm PATCH "$E/ep1/deployments/blue?$V" '{"sku":{"capacity":2}}'
is "$STATUS" 202 "scale: 202"
loc=$(hdr Location)
arm GET "$E/ep1/deployments/blue?$V"
is "$(j .properties.provisioningState)/$(j .sku.capacity)" Scaling/2 "Scaling to 2"
arm GET "$loc"; arm GET "$loc"
arm GET "$E/ep1/deployments/blue?$V"
is "$(j .properties.provisioningState)" Succeeded "scaled"
arm POST "$E/ep1/deployments/blue/getLogs?$V" '{"containerType":"InferenceServer","tail":2}'
is "$(j .content | grep -c .)" 2 "getLogs: the last 2 lines"
like "$(j .content)" "*Booting worker*" "of the inference server"
arm POST "$E/ep1/deployments/blue/getLogs?$V" '{"containerType":"StorageInitializer"}'
like "$(j .content)" "*Model download completed*" "the storage initializer's"
arm POST "$E/ep1/deployments/blue/getLogs?$V" '{"containerType":"Sidecar"}'
is "$STATUS" 400 "an unknown container type"

# Scoring at the scoring URI, on the sandbox's own host.
score() {	# score URI [CURL-ARGS...]: sets STATUS, body in $T/body
	u=$1; shift
	STATUS=$($CURL -o "$T/body" -D "$T/headers" -w '%{http_code}' -X POST \
	    -H 'Content-Type: application/json' --data-binary '{"data":[[1,2]]}' "$@" "$u")
}
arm GET "$E/ep1?$V"
uri=$(j .properties.scoringUri)
arm POST "$E/ep1/listKeys?$V"
k1=$(j .primaryKey); k2=$(j .secondaryKey)
score "$uri"
is "$STATUS" 401 "scoring without a key: 401"
score "$uri" -H "Authorization: Bearer wrong-key"
is "$STATUS" 401 "with a wrong key: 401"
score "$uri" -H "Authorization: Bearer $k1"
is "$STATUS/$(j .deployment)/$(j .endpoint)/$(j .input.data[0][1])" 200/blue/ep1/2 "with the primary key: blue answers, the input echoed"
like "$(j .model)" "*/models/m/versions/1" "naming the model"
is "$(hdr azureml-model-deployment)" blue "and the deployment in a header"
score "$uri" -H "Authorization: Bearer $k2"
is "$STATUS" 200 "the secondary key works too"
deployment ep1 green
poll_op
score "$uri" -H "Authorization: Bearer $k1" -H "azureml-model-deployment: green"
is "$STATUS/$(j .deployment)" 200/green "the azureml-model-deployment header routes to green"
score "$uri" -H "Authorization: Bearer $k1" -H "azureml-model-deployment: big"
like "$STATUS/$(j .error.message)" "404/No valid deployments to route to*" "a deployment that is not live"
arm PATCH "$E/ep1?$V" '{"properties":{"traffic":{"blue":0,"green":100}}}'
poll_loc
score "$uri" -H "Authorization: Bearer $k1"
is "$STATUS/$(j .deployment)" 200/green "traffic 0/100: green answers"
arm DELETE "$E/ep1/deployments/green?$V"
poll_loc
arm PATCH "$E/ep1?$V" '{"properties":{"traffic":{"blue":100}}}'
poll_loc
arm GET "$E/ep-tok?$V"
turi=$(j .properties.scoringUri)
score "$turi" -H "Authorization: Bearer $tok"
like "$STATUS/$(j .error.message)" "404/No valid deployments to route to*" "a token, but no deployment: no valid deployments"
score "$turi" -H "Authorization: Bearer $k1"
is "$STATUS" 401 "another endpoint's key: 401"
score "${uri%/ep1/score}/nosuch/score" -H "Authorization: Bearer $k1"
is "$STATUS" 404 "an endpoint that does not exist"

# Delete.
arm DELETE "$E/ep1/deployments/big?$V"
is "$STATUS/$(j .properties.provisioningState)" 202/ "deployment DELETE: 202"
poll_loc
is "$STATUS" 204 "its Location ends 204"
arm GET "$E/ep1/deployments/big?$V"
is "$STATUS" 404 "deleted"
arm DELETE "$E/ep1/deployments/big?$V"
is "$STATUS" 204 "deleting it again: 204"

# Kept in the state file across a restart.
sandbox_stop
sandbox_start --state "$S" --journal "$T/journal2"
arm GET "$E/ep1/deployments/blue?$V"
is "$STATUS/$(j .sku.capacity)" 200/2 "a restart keeps the deployment"
arm POST "$E/ep1/listKeys?$V"
is "$(j .primaryKey)" my-own-primary-key-0123456789 "and the keys"
arm DELETE "$E/ep1?$V"
is "$STATUS" 202 "endpoint DELETE: 202"
poll_loc
arm GET "$E/ep1?$V"
is "$STATUS" 404 "the endpoint is gone"
arm GET "$E/ep1/deployments/blue?$V"
is "$STATUS" 404 "and its deployments with it"

# An injected failure of a deployment's operation.
sandbox_stop
sandbox_start --state "$S" --faults 'op:ep-tok/crash=fail:InferencingClientCreateDeploymentFailed:init crashed'
deployment ep-tok crash
is "$STATUS" 201 "accepted"
poll_op
is "$(j .status)/$(j .error.code)/$(j .error.message)" "Failed/InferencingClientCreateDeploymentFailed/init crashed" "op:ENDPOINT/DEPLOYMENT fails its operation"
arm POST "$E/ep-tok/deployments/crash/getLogs?$V" '{"containerType":"InferenceServer"}'
like "$(j .content)" "*Traceback*score.py*in init*init crashed*" "its log ends in score.py's traceback and the error"
deployment ep-tok fine
poll_op
is "$(j .status)" Succeeded "another deployment is not touched"
arm POST "$E/ep-tok/token?$V"
tok2=$(j .accessToken)
arm PATCH "$E/ep-tok?$V" '{"properties":{"traffic":{"fine":100}}}'
poll_loc
arm GET "$E/ep-tok?$V"
turi=$(j .properties.scoringUri)
score "$turi" -H "Authorization: Bearer $tok2"
is "$STATUS/$(j .deployment)" 200/fine "a token scores on an AMLToken endpoint"
sandbox_stop
sandbox_start --state "$S" --faults 'POST:*/score=503#1;POST:*/score=504#1'
arm GET "$E/ep-tok?$V"
like "$(j .properties.scoringUri)" "$EP/api/v1/endpoint/ep-tok/score" "the scoring URI follows the sandbox's new port"
turi=$(j .properties.scoringUri)
score "$turi" -H "Authorization: Bearer $tok2"
is "$STATUS" 503 "a full queue, injected: 503"
score "$turi" -H "Authorization: Bearer $tok2"
is "$STATUS" 504 "a request timeout, injected: 504"
score "$turi" -H "Authorization: Bearer $tok2"
is "$STATUS" 200 "then answers again"

# Secrets never reach the journal.
n=$(cat "$T/journal" "$T/journal2" | grep -c -e my-own-primary-key -e "$k1" -e "$k2" -e "$tok")
is "$n" 0 "no key or token in the journal"
n=$(grep -c '"keyValue":"<redacted>"' "$T/journal")
is "$n" 1 "the key sent is redacted"
done_testing
