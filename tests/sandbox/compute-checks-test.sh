#!/bin/sh
# The service's own checks in akswiz-sandbox, with its codes and words:
# synchronous 400s and 409s, and the failures that come only from the
# operation (provisioningErrors), as users saw them.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --allow-legacy-create
V=api-version=2024-04-01
AKS="/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"

create() {	# create NAME COUNT SIZE [PURPOSE] [EXTRA-INNER]
	arm PUT "$WSP/computes/$1?$V" "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\",\"properties\":{\"agentCount\":$2,\"agentVmSize\":\"$3\",\"clusterPurpose\":\"${4:-FastProd}\"${5:-}}}}"
}
attach() {	# attach NAME CLUSTER-ID [EXTRA-INNER]
	arm PUT "$WSP/computes/$1?$V" "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\",\"resourceId\":\"$2\",\"properties\":{\"clusterPurpose\":\"FastProd\"${3:-}}}}"
}
# Poll the operation of the last PUT to its end; the error is in $T/body.
finish() {
	op=$(hdr Azure-AsyncOperation)
	arm GET "$op"; arm GET "$op"
}

# Body and types.
arm PUT "$WSP/computes/bad-json?$V" '{"location":'
is "$STATUS/$(j .error.code)" 400/InvalidRequestContent "malformed JSON"
arm PUT "$WSP/computes/bad-json?$V" '{"properties":{"computeType":"AKS"}} x'
is "$STATUS/$(j .error.code)" 400/InvalidRequestContent "trailing garbage"
create bad-type '"three"' Standard_D3_v2
is "$STATUS/$(j .error.code)" 400/InvalidRequestContent "agentCount of the wrong type"
like "$(j .error.message)" "*properties.properties.agentCount*" "the message names the field"
create bad-enum 3 Standard_D3_v2 Fastest
is "$STATUS/$(j .error.code)" 400/InvalidRequestContent "unknown clusterPurpose"
like "$(j .error.message)" "*Error converting value \"Fastest\" to type 'ClusterPurpose'*" "names the value"
arm PUT "$WSP/computes/bad-type?$V" '{"properties":{"computeType":"Quantum"}}'
is "$STATUS" 400 "unknown computeType"
create bad-lb 3 Standard_D3_v2 FastProd ',"loadBalancerType":"Private"'
is "$STATUS" 400 "unknown loadBalancerType"

# Names.
create 9lives 3 Standard_D3_v2
is "$STATUS/$(j .error.code)" 400/BadRequest "a name starting with a digit"
like "$(j .error.message)" "Compute name is invalid. It can include letters, digits and dashes.*" "the service's name message"
create inf-created 3 Standard_D3_v2
is "$STATUS/$(j .error.code)" 409/Conflict "a name already in use"
like "$(j .error.message)" "Compute name 'inf-created' is not available. Reason: AlreadyExists*" "the duplicate message"

# Production sizing (synchronous for a create).
create small-prod 2 Standard_D4s_v3
is "$STATUS" 400 "production with 2 nodes"
is "$(j .error.message)" "At least 3 machine(s) are required for cluster with purpose 'FastProd'. Available machine(s) : 2" "the node message"
create thin-prod 3 Standard_D2s_v3
is "$STATUS/$(j .error.message)" "400/Agent coresCluster should have at least 12 cores to operate." "production with 6 vCPU"
create dev-one 1 Standard_D2s_v3 DevTest
is "$STATUS" 201 "dev-test with one node is fine"

# Load balancer and TLS.
create ms-ilb 3 Standard_D3_v2 FastProd ',"loadBalancerType":"InternalLoadBalancer","loadBalancerSubnet":"s","sslConfiguration":{"status":"Auto","leafDomainLabel":"x"}'
is "$STATUS" 400 "Microsoft certificate with an internal load balancer"
like "$(j .error.message)" "*using a Microsoft provided certificate is not supported*" "the docs' words"
create half-cert 3 Standard_D3_v2 FastProd ',"sslConfiguration":{"status":"Enabled","cname":"a.example"}'
like "$STATUS/$(j .error.message)" "400/Invalid configuration, not all ssl information provided*" "custom certificate without cert and key"

# Failures that the operation reports.
create gpu-nope 3 Standard_NC6 FastProd
is "$STATUS" 201 "a size the region lacks is accepted"
finish
is "$(j .status)/$(j .error.code)" Failed/BadRequest "then fails"
like "$(j .error.message)" "The VM size of Standard_NC6 is not allowed*eastus*" "naming the size and region"
create fam-quota 3 Standard_DS3_v2
finish
is "$(j .status)/$(j .error.code)" Failed/OperationNotAllowed "family quota exceeded"
like "$(j .error.message)" "Operation could not be completed as it results in exceeding approved standardDSv2Family Cores quota. Additional details - *" "family quota message"
like "$(j .error.message)" "*Location: eastus, Current Limit: 20, Current Usage: 16, Additional Required: 12, (Minimum) New Limit Required: 28*" "family quota numbers"
create reg-quota 10 Standard_D8_v5
finish
like "$(j .error.message)" "*approved Total Regional Cores quota*Current Limit: 100, Current Usage: 56, Additional Required: 80, (Minimum) New Limit Required: 136*" "regional quota numbers"
arm GET "$WSP/computes/reg-quota?$V"
is "$(j .properties.provisioningState)/$(j .properties.provisioningErrors[0].error.code)" Failed/OperationNotAllowed "GET shows Failed with provisioningErrors"

# Attach verdicts.
attach old-k8s "$AKS/aks-old"
is "$STATUS" 201 "an unsupported version is accepted"
finish
is "$(j .status)/$(j .error.code)/$(j .error.message)" "Failed/BadRequest/The request is invalid" "then fails"
is "$(j .error.details[0].code)" BadRequestFormat "detail code"
is "$(j .error.details[0].message)" "Specified kubernetes version 1.26.6 is not supported. Supported versions are between 1.27 - 1.29 " "the supported range, with its trailing space"
arm GET "$WSP/computes/old-k8s?$V"
is "$(j .properties.provisioningErrors[0].error.statusCode)" 400 "provisioningErrors carry statusCode"
attach small "$AKS/aks-small"
finish
is "$(j .status)/$(j .error.details[0].message)" "Failed/At least 3 machine(s) are required for cluster with purpose 'FastProd'. Available machine(s) : 2" "too small for production"
attach prev "$AKS/aks-preview"
finish
is "$(j .status)" Succeeded "a preview version attaches"
attach ranges "$AKS/aks-ranges"
finish
is "$(j .status)" Succeeded "authorized IP ranges attach"
attach priv "$AKS/aks-private"
finish
like "$(j .status)/$(j .error.details[0].message)" "Failed/*private cluster*" "a private cluster fails"
attach again "$AKS/aks-attached"
is "$STATUS/$(j .error.code)" 409/Conflict "a cluster attached already"
like "$(j .error.message)" "*already attached to workspace '$WS' as compute 'inf-attached'*" "names the attachment"
attach stopped "$AKS/aks-stopped"
is "$STATUS" 400 "a stopped cluster"
attach other "/subscriptions/6e4a2d1c-3b5f-4a7e-8c9d-0f1e2d3c4b5a/resourcegroups/platform-rg/providers/Microsoft.ContainerService/managedClusters/aks-other-sub"
is "$STATUS/$(j .error.code)" 400/BadRequest "a cluster in another subscription"
like "$(j .error.message)" "*same subscription*" "says why"
attach bad-id "/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.Compute/virtualMachines/vm1"
is "$STATUS" 400 "a resource ID that is not a cluster"
attach ghost "$AKS/nope"
is "$STATUS" 400 "a cluster that does not exist"

# The no-public-IP policy: internal load balancer fine, public IP denied.
SEC="/subscriptions/$SUB/resourcegroups/secure-rg/providers/Microsoft.ContainerService/managedClusters/aks-secure"
attach sec-pub "$SEC"
is "$STATUS" 201 "public IP in the policy group is accepted"
finish
is "$(j .status)/$(j .error.code)" Failed/RequestDisallowedByPolicy "then denied by policy"
like "$(j .error.message)" "Resource '*' was disallowed by policy. Reasons: 'load balancer should not have public IP'. See error details for policy resource IDs." "policy message"
is "$(j .error.additionalInfo[0].type)/$(j .error.additionalInfo[0].info.policyDefinitionDisplayName)" "PolicyViolation/load balancer should not have public IP" "PolicyViolation info"
arm PUT "$WSP/computes/sec-old?api-version=2020-06-01" "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\",\"resourceId\":\"$SEC\"}}"
finish
is "$(j .error.code)/$(j .error.additionalInfo)/$(j .error.target)" RequestDisallowedByPolicy// "2020-06-01: the old error schema"
arm GET "$WSP/computes/sec-old?api-version=2020-06-01"
is "$(j .properties.provisioningErrors[0].error.code)/$(j .properties.provisioningErrors[0].error.additionalInfo)" RequestDisallowedByPolicy/ "and in provisioningErrors"
arm GET "$WSP/computes/sec-old?api-version=2024-04-01"
is "$(j .properties.provisioningErrors[0].error.additionalInfo[0].type)" PolicyViolation "2024 keeps additionalInfo"
attach sec-int "$SEC" ',"loadBalancerType":"InternalLoadBalancer","loadBalancerSubnet":"aks-subnet"'
finish
is "$(j .status)" Succeeded "internal load balancer in the policy group"

# Creating AKS refused behind the world's switch, on in the shipped world.
sandbox_stop
sandbox_start
create refused 3 Standard_D3_v2
is "$STATUS" 400 "create refused by default (the world's switch)"
# The shape of Azure's refusal (kubernetes-path.md D.2): the text moved
# into the NotSupported detail, which names the way on.
is "$(j .error.code)/$(j .error.message)" "BadRequest/The request is invalid." "the refusal's outer error"
is "$(j .error.details[0].code)" NotSupported "a NotSupported detail"
like "$(j .error.details[0].message)" "*no longer supported*" "no longer supported"
like "$(j .error.details[0].message)" "*compute type Kubernetes*" "the detail names the Kubernetes compute type"
attach still-ok "$AKS/aks-prod"
is "$STATUS" 201 "attach still works"
finish
is "$(j .status)" Succeeded "the attach of an existing cluster succeeds"
arm DELETE "$WSP/computes/still-ok?$V&underlyingResourceAction=Detach"
like "$STATUS" "20[02]" "detaching an AKS compute still works"
arm GET "$WSP/computes/refused?$V"
is "$STATUS" 404 "nothing was made of the refused create"

# --allow-legacy-create accepts them again over the world's switch.
sandbox_stop
sandbox_start --allow-legacy-create
create allowed 3 Standard_D3_v2
is "$STATUS" 201 "--allow-legacy-create: create accepted"
done_testing
