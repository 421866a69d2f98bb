#!/bin/sh
# akswiz-sandbox accepts every api-version Azure publishes for a resource
# type (data/api-versions.tsv), stable and preview, the ones Microsoft's
# SDKs and az use by default included, and answers each in its shape:
# what real AKS always returns, the 2020-era ML fields only, operation
# errors with statusCode, regional vCPUs that cover their families.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --allow-legacy-create --faults 'op:sdk-fail=fail:InternalServerError:The service failed.'

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

# What real AKS always returns (az aks list reads servicePrincipalProfile).
arm GET "$A/aks-prod?api-version=2022-11-01"
is "$(j .properties.servicePrincipalProfile.clientId)" msi "servicePrincipalProfile of a managed identity"
is "$(j .identity.type)" SystemAssigned "identity"
like "$(j .identity.principalId)" "????????-????-4???-????-????????????" "identity principalId"
like "$(j .properties.identityProfile.kubeletidentity.clientId)" "????????-*" "kubelet identity"
is "$(j .properties.maxAgentPools)" 100 "maxAgentPools"
like "$(j .properties.azurePortalFQDN)" "*.portal.hcp.eastus.azmk8s.io" "azurePortalFQDN"
etag=$(j .eTag)
like "$etag" "????????-*" "eTag"
arm GET "$A/aks-prod?api-version=2024-09-01"
is "$(j .eTag)" "$etag" "the eTag is stable while the cluster is"
arm GET "$A/aks-prod?api-version=2020-06-01"
is "$(j .properties.servicePrincipalProfile.clientId)/$(j .eTag)" msi/ "2020-06-01: no eTag in its shape"

# The 2020-era ML compute fields only.
arm GET "$WSP/computes/inf-created?api-version=2020-06-01"
is "$STATUS" 200 "a compute at 2020-06-01"
is "$(j .properties.properties.agentCount)" 3 "2020-06-01 fields are kept"
is "$(j .properties.disableLocalAuth)/$(j .properties.properties.clusterPurpose)/$(j .properties.properties.loadBalancerType)/$(j .systemData)" \
    "///" "newer fields do not leak into 2020-06-01"
arm GET "$WSP/computes/inf-created?api-version=2024-04-01"
like "$(j .properties.properties.clusterPurpose)" "?*" "2024-04-01 has them"

# Operation errors carry statusCode.
arm PUT "$WSP/computes/sdk-fail?api-version=2024-04-01" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2","clusterPurpose":"FastProd"}}}'
op=$(hdr Azure-AsyncOperation)
arm GET "$op"; arm GET "$op"
is "$(j .status)/$(j .error.code)/$(j .error.statusCode)" Failed/InternalServerError/500 "an operation's error has statusCode"
arm GET "$WSP/computes/sdk-fail?api-version=2024-04-01"
is "$(j .properties.provisioningErrors[0].error.statusCode)" 500 "and so has provisioningErrors"

# Regional vCPUs in use cover the families' in every region of the world.
for loc in eastus westeurope; do
	arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/locations/$loc/usages?api-version=2024-07-01"
	n=$(j -l .value); i=0; fam=0; reg=
	while [ "$i" -lt "$n" ]; do
		name=$(j ".value[$i].name.value"); v=$(j ".value[$i].currentValue")
		case $name in
		cores) reg=$v ;;
		*Family) fam=$((fam + v)) ;;
		esac
		i=$((i + 1))
	done
	tap $([ -n "$reg" ] && [ "$reg" -ge "$fam" ]; echo $?) \
	    "$loc: regional vCPUs in use ($reg) >= the families' ($fam)"
done

done_testing
