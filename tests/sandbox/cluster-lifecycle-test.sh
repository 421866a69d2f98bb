#!/bin/sh
# Managed clusters written (kubernetes-path.md A.1-A.6): PUT create with
# its operation and provisioning states, the properties real AKS returns,
# AKS's checks, agent pools (list, get, scale, a new pool), update,
# DELETE.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start
V=api-version=2024-09-01
CL="/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.ContainerService/managedClusters"
finish() {
	op=$(hdr Azure-AsyncOperation)
	arm GET "$op"; arm GET "$op"
}
# body DNS-PREFIX POOLS [NETWORK]
body() {
	printf '{"location":"eastus","identity":{"type":"SystemAssigned"},"tags":{"madeBy":"akswiz"},"properties":{"dnsPrefix":"%s","kubernetesVersion":"","agentPoolProfiles":[%s]%s}}' "$1" "$2" "${3:-}"
}
SYS='{"name":"nodepool1","mode":"System","count":1,"vmSize":"Standard_D2_v2","osType":"Linux","type":"VirtualMachineScaleSets"}'

arm PUT "$CL/mlaks?$V" "$(body mlaks-dns "$SYS" ',"networkProfile":{"networkPlugin":"kubenet","serviceCidr":"10.0.0.0/16","dnsServiceIP":"10.0.0.10"}')"
is "$STATUS/$(j .properties.provisioningState)" 201/Creating "create: 201 Creating"
is "$(j .type)" Microsoft.ContainerService/ManagedClusters "its type"
is "$(j .identity.type)/$(j .properties.servicePrincipalProfile.clientId)" SystemAssigned/msi "identity and servicePrincipalProfile msi"
is "$(j .properties.maxAgentPools)/$(j .properties.powerState.code)" 100/Running "maxAgentPools and powerState"
like "$(j .properties.fqdn)" "mlaks-dns-*.hcp.eastus.azmk8s.io" "fqdn from the dnsPrefix"
like "$(j .properties.azurePortalFQDN)" "mlaks-dns-*.portal.hcp.eastus.azmk8s.io" "azurePortalFQDN"
is "$(j .properties.nodeResourceGroup)" "MC_${RG}_mlaks_eastus" "nodeResourceGroup MC_{rg}_{name}_{location}"
tap "$([ -n "$(j .eTag)" ]; echo $?)" "an eTag"
is "$(j .properties.agentPoolProfiles[0].name)/$(j .properties.agentPoolProfiles[0].count)/$(j .properties.agentPoolProfiles[0].mode)" nodepool1/1/System "the pool sent"
like "$(j .properties.kubernetesVersion)" "1.*" "the region's default version"
like "$(hdr Azure-AsyncOperation)" "*/providers/Microsoft.ContainerService/locations/eastus/operations/*" "the operation under the location"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"
is "$STATUS/$(j .status)" 200/InProgress "first poll: InProgress"
arm GET "$CL?$V"
like "$(tr -d ' \n' <"$T/body")" '*"name":"mlaks"*"provisioningState":"Creating"*' "the list while it runs: Creating"
# A GET of the cluster is a poll too (--polls 2): time would pass.
arm GET "$CL/mlaks?$V"
is "$(j .properties.provisioningState)" Succeeded "a GET of the cluster, the second poll: Succeeded"
arm GET "$op"
is "$(j .status)" Succeeded "the operation says so"
like "$(j .id)" "/subscriptions/$SUB/providers/Microsoft.ContainerService/locations/eastus/operations/*" "the status document's id"
arm GET "$op" ; arm GET "$CL/mlaks?$V"
is "$(j .properties.provisioningState)" Succeeded "the cluster: Succeeded"
arm GET "$CL/mlaks?api-version=2022-11-01"
is "$STATUS/$(j .name)" 200/mlaks "the Python SDK's default version"

# A cluster created with a service principal and no identity signs in as
# it: its clientId shown, no managed identity (the secret never shown).
arm PUT "$CL/spaks?$V" '{"location":"eastus","properties":{"dnsPrefix":"spaks","servicePrincipalProfile":{"clientId":"5b2c1d3e-0000-4000-8000-00000000aaaa","secret":"not-a-real-secret"},"agentPoolProfiles":['"$SYS"']}}'
finish
arm GET "$CL/spaks?$V"
is "$(j .properties.servicePrincipalProfile.clientId)" 5b2c1d3e-0000-4000-8000-00000000aaaa "a service principal's cluster shows its clientId"
is "$(j .identity)" "" "and no managed identity"
tap "$(grep -q not-a-real-secret "$T/body"; [ $? -ne 0 ]; echo $?)" "nor the secret"

# AKS's checks.
arm PUT "$CL/azure?$V" "$(body dns "$SYS")"
is "$STATUS/$(j .error.code)" 400/InvalidParameter "azure: reserved"
like "$(j .error.message)" '*"azure" managed cluster name is invalid because it is reserved.. Please see https://aka.ms/aks-naming-rules*' "in AKS's words"
arm PUT "$CL/my-microsoft-aks?$V" "$(body dns "$SYS")"
is "$STATUS/$(j .error.code)" 400/ReservedResourceName "a trademarked word"
arm PUT "$CL/-bad?$V" "$(body dns "$SYS")"
is "$STATUS/$(j .error.code)" 400/InvalidParameter "a name starting with a hyphen"
arm PUT "$CL/okname?$V" "$(body dns '{"name":"Pool1","mode":"System","count":1,"vmSize":"Standard_D2_v2"}')"
is "$STATUS/$(j .error.target)" 400/agentPoolProfile.name "a pool name in capitals"
arm PUT "$CL/okname?$V" "$(body dns '{"name":"user1","mode":"User","count":1,"vmSize":"Standard_D2_v2"}')"
like "$STATUS/$(j .error.message)" "400/A cluster must have at least one 'System' Agent Pool.*" "no System pool"
arm PUT "$CL/okname?$V" "$(body dns '{"name":"sys","mode":"System","count":0,"vmSize":"Standard_D2_v2"}')"
is "$STATUS/$(j .error.target)" 400/agentPoolProfile.count "a System pool of 0 nodes"
arm PUT "$CL/okname?$V" "$(body dns '{"name":"sys","mode":"System","count":1001,"vmSize":"Standard_D2_v2"}')"
is "$STATUS/$(j .error.target)" 400/agentPoolProfile.count "1001 nodes"
arm PUT "$CL/okname?$V" "$(body dns- "$SYS")"
is "$STATUS/$(j .error.target)" 400/dnsPrefix "a dnsPrefix ending with a hyphen"
arm PUT "$CL/okname?$V" "$(body dns "$SYS" ',"networkProfile":{"serviceCidr":"10.0.0.0/16","dnsServiceIP":"10.1.0.10"}')"
is "$STATUS/$(j .error.target)" 400/networkProfile.dnsServiceIP "DNS service IP outside the service CIDR"
arm GET "$CL/okname?$V"
is "$STATUS" 404 "nothing made of the refused creates"

# An update keeps the dnsPrefix.
arm PUT "$CL/mlaks?$V" "$(body other-dns "$SYS")"
is "$STATUS/$(j .error.code)" 400/PropertyChangeNotAllowed "the dnsPrefix cannot change"
arm PUT "$CL/mlaks?$V" "$(body mlaks-dns "$SYS")"
is "$STATUS/$(j .properties.provisioningState)" 200/Updating "the same body again: 200 Updating"
op=$(hdr Azure-AsyncOperation)
arm PUT "$CL/mlaks?$V" "$(body mlaks-dns "$SYS")"
is "$STATUS/$(j .error.code)" 409/OperationNotAllowed "while it updates: 409"
arm GET "$op"; arm GET "$op"
is "$(j .status)" Succeeded "the update ends"

# Agent pools: list, get, scale, a new pool.
arm GET "$CL/mlaks/agentPools?$V"
is "$STATUS/$(j .value[0].name)/$(j .value[0].properties.count)" 200/nodepool1/1 "list the pools"
arm GET "$CL/mlaks/agentPools/nodepool1?$V"
is "$(j .type)/$(j .properties.vmSize)/$(j .properties.mode)" Microsoft.ContainerService/managedClusters/agentPools/Standard_D2_v2/System "get a pool"
arm PUT "$CL/mlaks/agentPools/nodepool1?$V" '{"properties":{"count":3,"vmSize":"Standard_D2_v2","osType":"Linux","mode":"System"}}'
is "$STATUS/$(j .properties.count)/$(j .properties.provisioningState)" 200/3/Scaling "scale to 3: Scaling"
like "$(hdr Azure-AsyncOperation)" "*/operations/*" "scaling is an operation"
finish
is "$(j .status)" Succeeded "scale Succeeded"
arm GET "$CL/mlaks?$V"
is "$(j .properties.agentPoolProfiles[0].count)/$(j .properties.provisioningState)" 3/Succeeded "the cluster has 3 nodes"
arm PUT "$CL/mlaks/agentPools/nodepool1?$V" '{"properties":{"count":0,"mode":"System"}}'
is "$STATUS/$(j .error.target)" 400/agentPoolProfile.count "a System pool cannot go to 0"
arm PUT "$CL/mlaks/agentPools/nodepool1?$V" '{"properties":{"count":2,"vmSize":"Standard_D4s_v3"}}'
is "$STATUS/$(j .error.code)" 400/PropertyChangeNotAllowed "the VM size of a pool cannot change"
arm PUT "$CL/mlaks/agentPools/user1?$V" '{"properties":{"count":0,"vmSize":"Standard_D4s_v3","mode":"User"}}'
is "$STATUS/$(j .properties.count)/$(j .properties.mode)" 201/0/User "a new User pool of 0 nodes"
finish
arm GET "$CL/mlaks/agentPools/nosuch?$V"
is "$STATUS" 404 "a missing pool"

# Delete.
arm DELETE "$CL/mlaks?$V"
is "$STATUS" 202 "DELETE: 202"
like "$(hdr Location)" "*/operationresults/*" "with a Location"
op=$(hdr Azure-AsyncOperation)
arm GET "$CL/mlaks?$V"
is "$(j .properties.provisioningState)" Deleting "Deleting"
arm GET "$op"; arm GET "$op"
is "$(j .status)" Succeeded "delete Succeeded"
arm GET "$CL/mlaks?$V"
is "$STATUS" 404 "gone"
arm DELETE "$CL/mlaks?$V"
is "$STATUS" 204 "deleting it again: 204"
arm GET "/subscriptions/$SUB/providers/Microsoft.ContainerService/locations/eastus/operations/nosuch?$V"
is "$STATUS" 404 "an unknown operation"

# A fault switch: the cluster's operation ends Failed with A.9's words.
sandbox_stop
sandbox_start --faults "op:quotaaks=fail:QuotaExceeded:Operation results in exceeding quota limits of Core. Maximum allowed: 450, Current in use: 449, Additional requested: 8."
arm PUT "$CL/quotaaks?$V" "$(body quotaaks "$SYS")"
is "$STATUS" 201 "fault: the create is accepted"
finish
is "$(j .status)/$(j .error.code)" Failed/QuotaExceeded "fault: the operation fails with the rule's code"
like "$(j .error.message)" "Operation results in exceeding quota limits of Core.*" "and its message"
arm GET "$CL/quotaaks?$V"
is "$(j .properties.provisioningState)" Failed "the cluster is Failed"
done_testing
