#!/bin/sh
# Computes in akswiz-sandbox: list paging in both shapes, create, attach,
# update and detach through the long-running-operation protocol, each
# operation ending after two polls (--polls 2): polls count, time does not.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --allow-legacy-create --journal "$T/journal"
V=api-version=2024-04-01
OLD=api-version=2020-06-01

# Paging: 4 computes, 2 a page; an absolute nextLink with $skip (2024)
# or $skiptoken (2020); the last page has none.
arm GET "$WSP/computes?$V"
is "$STATUS/$(j -l .value)" 200/2 "first page"
next=$(j .nextLink)
like "$next" "$EP$WSP/computes?api-version=2024-04-01&\$skip=*" "absolute nextLink with \$skip"
arm GET "$next"
is "$STATUS/$(j -l .value)" 200/2 "second page"
is "$(j .value[1].name)/$(j .value[1].properties.computeType)" cpu-cluster/AmlCompute "every compute type is listed"
is "$(j .nextLink)" "" "the last page has no nextLink"
arm GET "$WSP/computes?$OLD"
like "$(j .nextLink)" "*api-version=2020-06-01&\$skiptoken=*" "2020 pages with \$skiptoken"
arm GET "$WSP/computes?$V&\$skip=garbage"
is "$STATUS" 400 "a bad continuation token"

# Shapes.
arm GET "$WSP/computes/inf-created?$V"
is "$STATUS/$(j .properties.properties.agentVmSize)" 200/Standard_D3_v2 "2024: agentVmSize"
like "$(j .id)" "/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.MachineLearningServices/workspaces/$WS/computes/inf-created" "id with a leading slash"
arm GET "$WSP/computes/inf-created?$OLD"
is "$(j .properties.properties.agentVMSize)/$(j .properties.properties.agentVmSize)" Standard_D3_v2/ "2020: agentVMSize"
arm GET "$WSP/computes/inf-failed?$V"
is "$(j .properties.provisioningState)/$(j .properties.provisioningErrors[0].error.code)" Failed/OperationNotAllowed "a failed compute shows its errors"
arm GET "$WSP/computes/nope?$V"
is "$STATUS/$(j .error.code)" 404/ResourceNotFound "unknown compute"

# Create: 201, Azure-AsyncOperation, Retry-After; Creating; two polls.
arm PUT "$WSP/computes/inf-new?$V" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2","clusterPurpose":"FastProd","sslConfiguration":{"status":"Auto","leafDomainLabel":"contoso"}}}}'
is "$STATUS/$(j .properties.provisioningState)" 201/Creating "create: 201 Creating"
op=$(hdr Azure-AsyncOperation)
like "$op" "$EP/subscriptions/$SUB/providers/Microsoft.MachineLearningServices/locations/eastus/computeOperationsStatus/*?api-version=2024-04-01*" "create: Azure-AsyncOperation"
is "$(hdr Retry-After)" 0 "create: Retry-After"
# A GET of the compute is a poll too (--polls 2), as time would pass.
arm GET "$WSP/computes/inf-new?$V"
is "$(j .properties.provisioningState)" Creating "GET while creating: Creating (the first poll)"
arm GET "$op"
is "$STATUS/$(j .status)" 200/Succeeded "the second poll: Succeeded"
like "$(j .endTime)" "20*Z" "endTime"
arm GET "$WSP/computes/inf-new?$V"
is "$(j .properties.provisioningState)/$(j .properties.isAttachedCompute)" Succeeded/false "created compute"
cid=$(j .properties.resourceId)
like "$cid" "/subscriptions/$SUB/resourcegroups/$RG/providers/Microsoft.ContainerService/managedClusters/inf-new*" "resourceId of the new cluster"
is "$(j .properties.properties.sslConfiguration.leafDomainLabel)" contoso "TLS settings kept"
arm GET "$cid?api-version=2024-09-01"
is "$STATUS/$(j .properties.agentPoolProfiles[0].vmSize)" 200/Standard_D3_v2 "the cluster AML made exists"
arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/locations/eastus/usages?api-version=2024-07-01"
is "$(j .value[0].currentValue)" 68 "its 12 cores are charged to the regional quota"

# Attach: 201 Updating, then Succeeded with isAttachedCompute.
AKS="/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
arm PUT "$WSP/computes/inf-att?$V" "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\",\"resourceId\":\"$AKS/aks-prod\",\"properties\":{\"clusterPurpose\":\"FastProd\"}}}"
is "$STATUS/$(j .properties.provisioningState)" 201/Updating "attach: 201 Updating"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"
is "$STATUS/$(j .status)" 200/InProgress "first poll: InProgress"
like "$(j .percentComplete)" "50*" "half-way: percentComplete"
arm GET "$op"
is "$(j .status)" Succeeded "attach succeeds after two polls"
arm GET "$WSP/computes/inf-att?$V"
is "$(j .properties.provisioningState)/$(j .properties.isAttachedCompute)" Succeeded/true "attached compute"
is "$(j .properties.properties.agentCount)" 3 "the cluster's node count shows"

# Update: PUT of the full body back changes TLS and load balancer.
body=$(j . | sed 's/"loadBalancerType":"PublicIp"/"loadBalancerType":"InternalLoadBalancer","loadBalancerSubnet":"aks-subnet","sslConfiguration":{"status":"Enabled","cert":"-----BEGIN CERTIFICATE-----x","key":"-----BEGIN PRIVATE KEY-----y","cname":"www.contoso.example"}/')
arm PUT "$WSP/computes/inf-att?$V" "$body"
is "$STATUS/$(j .properties.provisioningState)" 200/Updating "update: 200 Updating"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"; arm GET "$op"
arm GET "$WSP/computes/inf-att?$V"
is "$(j .properties.provisioningState)/$(j .properties.properties.loadBalancerType)" Succeeded/InternalLoadBalancer "update applied"
is "$(j .properties.properties.sslConfiguration.cname)/$(j .properties.properties.sslConfiguration.cert)" www.contoso.example/ "cert and key are not echoed"

# Detach: 202 with both headers; Location 202 then 204; GET 404.
arm DELETE "$WSP/computes/inf-att?$V"
is "$STATUS/$(j .error.code)" 400/BadRequest "DELETE without underlyingResourceAction"
arm DELETE "$WSP/computes/inf-att?$V&underlyingResourceAction=Keep"
is "$STATUS" 400 "DELETE with an invalid action"
arm DELETE "$WSP/computes/inf-att?$V&underlyingResourceAction=detach"
is "$STATUS" 202 "detach (lowercase): 202"
loc=$(hdr Location); op=$(hdr Azure-AsyncOperation)
like "$loc" "$EP/*" "detach: Location"
like "$op" "$EP/*computeOperationsStatus/*" "detach: Azure-AsyncOperation"
arm GET "$loc"
is "$STATUS" 202 "Location: 202 while running"
arm GET "$WSP/computes/inf-att?$V"
is "$STATUS" 404 "a GET, the second poll: the detached compute is gone"
arm GET "$loc"
is "$STATUS" 204 "Location: 204 when done"
arm GET "$AKS/aks-prod?api-version=2024-09-01"
is "$STATUS" 200 "detach leaves the cluster"

# Delete of a created compute removes its cluster and frees its cores.
arm DELETE "$WSP/computes/inf-new?$OLD&underlyingResourceAction=Delete"
is "$STATUS" 202 "delete: 202"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"; arm GET "$op"
is "$(j .status)" Succeeded "delete succeeds"
arm GET "$cid?api-version=2024-09-01"
is "$STATUS" 404 "the created cluster is deleted with it"
arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/locations/eastus/usages?api-version=2024-07-01"
is "$(j .value[0].currentValue)" 56 "its cores are freed"
arm DELETE "$WSP/computes/inf-new?$V&underlyingResourceAction=Delete"
is "$STATUS" 204 "deleting what is gone: 204"

# The journal saw the PUTs, secrets redacted.
grep -q '"method":"PUT"' "$T/journal"; tap $? "journal has the PUTs"
if grep -q 'BEGIN PRIVATE KEY' "$T/journal"; then tap 1 "no key in the journal"; else tap 0 "no key in the journal"; fi
done_testing
