#!/bin/sh
# akswiz-sandbox's read-only Resource Manager routes, their shapes per
# api-version, ARM's errors and headers, over HTTPS with the sandbox's CA.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start

# The ready file.
mode=$(stat -c %a "$T/ready.json")
is "$mode" 600 "ready file is mode 0600"
like "$EP" "https://127.0.0.1:*" "endpoint is HTTPS on loopback"
is "$(cat "$T/sb.out")" "$EP" "the endpoint is printed"
like "$TOK" "eyJ*" "a token from the built-in service principal"

# Subscriptions and resource groups.
arm GET "/subscriptions?api-version=2022-12-01"
is "$STATUS" 200 "subscriptions list"
is "$(j -l .value)" 2 "two subscriptions"
is "$(j .value[0].subscriptionId)" "$SUB" "the ready file's subscription first"
arm GET "/subscriptions?api-version=2020-01-01"
is "$STATUS" 200 "subscriptions at 2020-01-01"
arm GET "/subscriptions/$SUB/resourcegroups?api-version=2021-04-01"
is "$STATUS" 200 "resource groups list"
is "$(j .value[0].type)" "Microsoft.Resources/resourceGroups" "group type"
arm GET "/subscriptions/$SUB/resourcegroups?api-version=2020-06-01"
is "$STATUS" 200 "resource groups at 2020-06-01"

arm GET "/subscriptions/$SUB?api-version=2022-12-01"
is "$STATUS/$(j .displayName)" "200/Contoso ML (sandbox)" "subscription get"
arm GET "/subscriptions/$SUB/resourcegroups/secure-rg?api-version=2021-04-01"
is "$STATUS/$(j .name)/$(j .properties.provisioningState)" 200/secure-rg/Succeeded "group get"
STATUS=$($CURL -o /dev/null -w '%{http_code}' -I -H "Authorization: Bearer $TOK" "$EP/subscriptions/$SUB/resourcegroups/secure-rg?api-version=2021-04-01")
is "$STATUS" 204 "HEAD of a group that exists: 204"
STATUS=$($CURL -o /dev/null -w '%{http_code}' -I -H "Authorization: Bearer $TOK" "$EP/subscriptions/$SUB/resourcegroups/nope?api-version=2021-04-01")
is "$STATUS" 404 "HEAD of one that does not: 404"
arm GET "/subscriptions/$SUB/locations?api-version=2022-12-01"
is "$STATUS/$(j .value[2].name)" 200/chinaeast2 "locations"
arm POST "/subscriptions?api-version=2022-12-01"
is "$STATUS" 405 "POST to a list"
is "$(j .error.code): $(j .error.message)" "MethodNotAllowed: The requested resource does not support http method 'POST'." \
    "Resource Manager's code and words"

# ARM's errors.
arm GET "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups?api-version=2021-04-01"
is "$STATUS/$(j .error.code)" 404/SubscriptionNotFound "unknown subscription"
arm GET "/subscriptions/$SUB/resourceGroups/nope/providers/Microsoft.MachineLearningServices/workspaces?api-version=2024-04-01"
is "$STATUS/$(j .error.code)" 404/ResourceGroupNotFound "unknown group"
arm GET "$WSP/computes"
is "$STATUS/$(j .error.code)" 400/MissingApiVersionParameter "missing api-version"
arm GET "$WSP/computes?api-version=2099-01-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "unknown api-version"
like "$(j .error.message)" "*2020-06-01*2024-04-01*" "the error lists supported versions"
arm GET "/subscriptions/$SUB/providers/Microsoft.ContainerService/locations/eastus/kubernetesVersions?api-version=2019-08-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "kubernetesVersions not at 2019-08-01"
NOAUTH=1 arm GET "/subscriptions?api-version=2022-12-01"
is "$STATUS" 401 "no token: 401"
like "$(hdr WWW-Authenticate)" "Bearer *" "401 has WWW-Authenticate"
TOK0=$TOK; TOK="$TOK"x
arm GET "/subscriptions?api-version=2022-12-01"
is "$STATUS" 401 "bad signature: 401"
TOK=$TOK0

# Headers.
STATUS=$($CURL -o "$T/body" -D "$T/headers" -w '%{http_code}' \
    -H "Authorization: Bearer $TOK" -H "x-ms-client-request-id: abc-123" \
    -H "x-ms-correlation-request-id: corr-9" \
    "$EP/subscriptions?api-version=2022-12-01")
is "$(hdr x-ms-client-request-id)" "abc-123" "client request id echoed"
is "$(hdr x-ms-correlation-request-id)" "corr-9" "correlation id echoed"
like "$(hdr x-ms-request-id)" "????????-????-4???-*" "request id"
r1=$(hdr x-ms-ratelimit-remaining-subscription-reads)
arm GET "/subscriptions?api-version=2022-12-01"
r2=$(hdr x-ms-ratelimit-remaining-subscription-reads)
is "$((r1 - r2))" 1 "remaining reads decrement"

# Workspaces.
arm GET "/subscriptions/$SUB/providers/Microsoft.MachineLearningServices/workspaces?api-version=2024-04-01"
is "$STATUS/$(j -l .value)" 200/3 "workspaces by subscription"
arm GET "/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.MachineLearningServices/workspaces?api-version=2024-04-01"
is "$STATUS/$(j -l .value)" 200/1 "workspaces by group"
arm GET "$WSP?api-version=2024-04-01"
is "$STATUS/$(j .name)/$(j .location)" 200/$WS/eastus "workspace get"
arm GET "/SUBSCRIPTIONS/$SUB/resourcegroups/$RG/PROVIDERS/microsoft.machinelearningservices/WORKSPACES/$WS?api-version=2024-04-01"
is "$STATUS/$(j .name)" 200/$WS "paths match case-insensitively"
arm GET "/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.MachineLearningServices/workspaces/nope?api-version=2024-04-01"
is "$STATUS/$(j .error.code)" 404/ResourceNotFound "unknown workspace"
arm GET "/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.Nothing/things?api-version=2024-04-01"
is "$STATUS" 404 "unknown route"
like "$(j .error.code): $(j .error.message)" "InvalidResourceType: The resource type could not be found for path '/subscriptions/*/providers/Microsoft.Nothing/things'." \
    "Resource Manager's code and words"

# AKS clusters.
A="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
arm GET "$A/aks-prod?api-version=2024-09-01"
is "$STATUS/$(j .properties.powerState.code)" 200/Running "cluster get"
is "$(j .properties.agentPoolProfiles[0].count)" 3 "agent pool count"
is "$(j .type)" "Microsoft.ContainerService/ManagedClusters" "cluster type"
arm GET "$A/aks-prod?api-version=2020-06-01"
is "$STATUS/$(j .properties.powerState)" 200/ "2020-06-01 has no powerState"
arm GET "$A/aks-private?api-version=2024-09-01"
is "$(j .properties.apiServerAccessProfile.enablePrivateCluster)" true "private cluster"
like "$(j .properties.privateFQDN)" "*privatelink*" "private FQDN"
arm GET "$A?api-version=2024-09-01"
is "$STATUS/$(j -l .value)" 200/8 "clusters by group"
arm GET "/subscriptions/$SUB/providers/Microsoft.ContainerService/managedClusters?api-version=2024-09-01"
is "$STATUS/$(j -l .value)" 200/11 "clusters by subscription"
arm POST "$A/aks-prod/listClusterUserCredential?api-version=2024-09-01"
is "$STATUS/$(j .kubeconfigs[0].name)" 200/clusterUser "user credential"
like "$(j .kubeconfigs[0].value | base64 -d)" "*server: http*://127.0.0.1:*/kube/$SUB/*/aks-prod*" "base64 kubeconfig: the sandbox's Kubernetes"
arm POST "$A/aks-prod/listClusterAdminCredential?api-version=2024-09-01"
is "$STATUS/$(j .kubeconfigs[0].name)" 200/clusterAdmin "admin credential"
arm GET "$A/aks-prod/listClusterUserCredential?api-version=2024-09-01"
is "$STATUS/$(j .error.code)" 405/MethodNotAllowed "credentials need POST"
arm POST "$WSP/computes/inf-attached/listKeys?api-version=2024-04-01"
is "$STATUS/$(j .computeType)" 200/AKS "compute listKeys"
like "$(j .userKubeConfig)" "apiVersion: v1*" "plain-text kubeconfig"
arm GET "$A/nope?api-version=2024-09-01"
is "$STATUS/$(j .error.code)" 404/ResourceNotFound "unknown cluster"

# Kubernetes versions.
L="/subscriptions/$SUB/providers/Microsoft.ContainerService/locations/eastus"
arm GET "$L/kubernetesVersions?api-version=2024-09-01"
is "$STATUS/$(j -l .values)" 200/4 "kubernetesVersions: retired left out"
is "$(j .values[2].version)/$(j .values[2].isDefault)" 1.29/true "the default"
is "$(j .values[3].isPreview)" true "the preview"
like "$(j -k .values[0].patchVersions | tr '\n' ' ')" "1.27.9 1.27.13 " "patch versions"
arm GET "$L/orchestrators?api-version=2019-08-01&resource-type=managedClusters"
is "$STATUS/$(j .properties.orchestrators[0].orchestratorType)" 200/Kubernetes "orchestrators"
arm GET "$L/orchestrators?api-version=2024-09-01"
is "$STATUS" 400 "orchestrators only at 2019-08-01"

# Compute sizes, usages, SKUs; ML sizes.
C="/subscriptions/$SUB/providers/Microsoft.Compute/locations/eastus"
arm GET "$C/vmSizes?api-version=2024-07-01"
is "$STATUS" 200 "compute vmSizes"
is "$(j .value[8].name)/$(j .value[8].numberOfCores)/$(j .value[8].memoryInMB)" \
    Standard_D3_v2/4/14336 "D3_v2 has 4 cores and 14 GiB"
arm GET "$C/usages?api-version=2020-06-01"
is "$STATUS/$(j .value[0].name.value)/$(j .value[0].limit)/$(j .value[0].currentValue)" \
    200/cores/100/56 "regional cores usage"
arm GET "$C/usages?api-version=2024-07-01"
is "$(j .value[3].name.value)/$(j .value[3].name.localizedValue)" \
    "standardDSv2Family/Standard DSv2 Family vCPUs" "family usage"
arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/locations/mars/vmSizes?api-version=2024-07-01"
is "$STATUS" 400 "unknown region"
arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/skus?api-version=2021-07-01&\$filter=location%20eq%20%27chinaeast2%27"
is "$STATUS/$(j -l .value)/$(j .value[0].locations[0])" 200/11/chinaeast2 "SKUs of a region"
M="/subscriptions/$SUB/providers/Microsoft.MachineLearningServices/locations/eastus"
arm GET "$M/vmSizes?api-version=2024-04-01"
is "$STATUS/$(j .value[0].name)" 200/Standard_A2_v2 "ML vmSizes use value"
arm GET "$M/vmSizes?api-version=2020-06-01"
is "$STATUS/$(j .amlCompute[0].name)" 200/Standard_A2_v2 "2020 ML vmSizes use amlCompute"
arm GET "$M/usages?api-version=2024-04-01"
is "$STATUS/$(j .value[0].unit)/$(j .value[0].amlWorkspaceLocation)" 200/Count/eastus "ML usages"
arm GET "$M/usages?api-version=2020-06-01"
is "$STATUS/$(j .value[0].amlWorkspaceLocation)" 200/ "2020 ML usages have no amlWorkspaceLocation"
arm GET "$M/quotas?api-version=2024-04-01"
is "$STATUS/$(j .value[0].limit)" 200/100 "ML quotas"

sandbox_stop
is "$SB_STATUS" 0 "SIGTERM stops it cleanly"
done_testing
