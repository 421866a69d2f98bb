#!/bin/sh
# akswiz-sandbox accepts every api-version Azure publishes for a resource
# type (data/api-versions.tsv), stable and preview, the ones Microsoft's
# SDKs and az use by default included, and answers each in its shape.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start

# The versions the clients' defaults ask for.
arm GET "/subscriptions?api-version=2019-11-01"
is "$STATUS/$(j .value[0].tenantId)" "200/$TENANT" "subscriptions at 2019-11-01 (az login)"
arm GET "/subscriptions?api-version=2021-01-01"
is "$STATUS" 200 "subscriptions at 2021-01-01 (the SDK's default)"
arm GET "/subscriptions/$SUB?api-version=2016-06-01"
is "$STATUS/$(j .subscriptionId)/$(j .tenantId)/$(j .managedByTenants)" \
    "200/$SUB//" "2016-06-01: no tenantId or managedByTenants in its shape"
A="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
arm GET "$A?api-version=2022-11-01"
is "$STATUS/$(j -l .value)" 200/8 "managedClusters at 2022-11-01 (az's and the SDK's default)"
arm GET "$A/aks-prod?api-version=2023-08-02-preview"
is "$STATUS/$(j .name)" 200/aks-prod "managedClusters at a preview"
C="/subscriptions/$SUB/providers/Microsoft.Compute/locations/eastus"
arm GET "$C/vmSizes?api-version=2022-08-01"
is "$STATUS" 200 "Compute vmSizes at 2022-08-01 (the SDK's default)"
arm GET "$C/usages?api-version=2022-11-01"
is "$STATUS" 200 "Compute usages at 2022-11-01 (az's default)"
L="/subscriptions/$SUB/providers/Microsoft.ContainerService/locations/eastus"
arm GET "$L/orchestrators?api-version=2019-04-01&resource-type=managedClusters"
is "$STATUS/$(j .properties.orchestrators[0].orchestratorType)" 200/Kubernetes "orchestrators at 2019-04-01"
arm GET "$L/kubernetesVersions?api-version=2023-03-01"
is "$STATUS" 200 "kubernetesVersions from 2023-03-01, when it was published"
arm GET "$L/kubernetesVersions?api-version=2023-02-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "not before"
arm GET "$WSP/computes?api-version=2024-04-01-preview"
is "$STATUS" 200 "ML computes at 2024-04-01-preview"
arm GET "$WSP/computes?api-version=2022-10-01"
is "$STATUS" 200 "ML computes at 2022-10-01 (the SDK's default)"
arm GET "$WSP/computes?api-version=2024-04-02"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "an unpublished version is refused"
like "$(j .error.message)" "*'2018-03-01-preview, 2018-11-19, *, 2024-04-01, 2024-04-01-preview, *' for resource type 'Microsoft.MachineLearningServices/workspaces'*" \
    "the error lists every published version, previews included"

done_testing
