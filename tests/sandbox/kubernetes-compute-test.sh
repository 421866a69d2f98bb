#!/bin/sh
# Computes of type Kubernetes in akswiz-sandbox (kubernetes-path.md C):
# attach an AKS cluster that has the Azure ML extension, the
# KubernetesProperties defaults, the failure without the extension, and
# detach, which keeps the cluster and the extension.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start
V=api-version=2024-10-01
CL="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
PROD="/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod"
X="providers/Microsoft.KubernetesConfiguration/extensions"
finish() {
	op=$(hdr Azure-AsyncOperation)
	arm GET "$op"; arm GET "$op"
}
k8s() {	# k8s NAME CLUSTER-ID [INNER]
	arm PUT "$WSP/computes/$1?$V" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"computeType\":\"Kubernetes\",\"resourceId\":\"$2\"${3:+,\"properties\":$3}}}"
}

# Without the extension, the attach fails in its operation.
k8s noext "$PROD"
is "$STATUS/$(j .properties.computeType)/$(j .properties.provisioningState)" 201/Kubernetes/Creating "attach accepted: Creating"
finish
is "$(j .status)" Failed "no extension: the operation fails"
arm GET "$WSP/computes/noext?$V"
is "$(j .properties.provisioningState)/$(j .properties.provisioningErrors[0].error.code)" Failed/BadRequest "Failed with a provisioning error"
like "$(j .properties.provisioningErrors[0].error.details[0].message)" "*extension is not installed*" "it names the missing extension"
arm DELETE "$WSP/computes/noext?$V&underlyingResourceAction=Detach"

# Install the extension, then attach.
arm PUT "$CL/aks-prod/$X/azureml?api-version=2024-11-01" '{"properties":{"extensionType":"Microsoft.AzureML.Kubernetes","scope":{"cluster":{"releaseNamespace":"azureml"}},"configurationSettings":{"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"}}}'
is "$STATUS" 201 "the extension is being installed"
k8s early "$PROD"
finish
is "$(j .status)" Failed "while the extension installs, attach still fails"
arm PUT "$CL/aks-prod/$X/azureml?api-version=2024-11-01" '{"properties":{"extensionType":"Microsoft.AzureML.Kubernetes","scope":{"cluster":{"releaseNamespace":"azureml"}},"configurationSettings":{"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"}}}'
finish
is "$(j .status)" Succeeded "the extension is installed"

k8s inf "$PROD" '{"namespace":"ml"}'
is "$STATUS" 201 "attach: 201"
like "$(hdr Azure-AsyncOperation)" "*computeOperationsStatus*" "an operation to poll"
finish
is "$(j .status)" Succeeded "attach Succeeded"
arm GET "$WSP/computes/inf?$V"
is "$(j .properties.computeType)/$(j .properties.provisioningState)/$(j .properties.isAttachedCompute)" Kubernetes/Succeeded/true "a Succeeded attached Kubernetes compute"
is "$(j .properties.resourceId)" "$PROD" "its resourceId"
is "$(j .properties.properties.namespace)/$(j .properties.properties.extensionInstanceReleaseTrain)" ml/stable "namespace sent, release train default"
tap "$(tr -d ' ' <"$T/body" | grep -q -e '"relayConnectionString":null' && tr -d ' ' <"$T/body" | grep -q '"vcName":null'; echo $?)" "the nulls of KubernetesProperties"
is "$(j .properties.properties.agentCount)$(j .properties.properties.clusterFqdn)" "" "nothing of the AKS schema"
is "$(j .identity.type)" SystemAssigned "identity kept"
is "$(j .type)" Microsoft.MachineLearningServices/workspaces/computes "the compute type of resource"

k8s inf2 "$PROD"
finish
arm GET "$WSP/computes/inf2?$V"
is "$(j .properties.properties.namespace)" default "namespace defaults to default"
arm GET "$WSP/computes/inf2?api-version=2022-10-01"
is "$STATUS/$(j .properties.computeType)" 200/Kubernetes "the Python SDK's default api-version"

# Refused at once.
k8s bad "/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.Compute/virtualMachines/vm1"
is "$STATUS/$(j .error.code)" 400/BadRequest "a resourceId that is no AKS cluster"
k8s missing "$CL/nosuch"
is "$STATUS/$(j .error.code)" 400/BadRequest "a missing cluster"
arm PUT "$WSP/computes/nores?$V" '{"location":"eastus","properties":{"computeType":"Kubernetes"}}'
is "$STATUS/$(j .error.code)" 400/BadRequest "no resourceId"

# Detach keeps the cluster and the extension.
arm DELETE "$WSP/computes/inf?$V&underlyingResourceAction=Detach"
like "$STATUS" "20[02]" "detach accepted"
finish
arm GET "$WSP/computes/inf?$V"
is "$STATUS" 404 "detached"
arm GET "$CL/aks-prod?api-version=2024-09-01"
is "$STATUS/$(j .properties.provisioningState)" 200/Succeeded "the cluster stays"
arm GET "$CL/aks-prod/$X/azureml?api-version=2024-11-01"
is "$STATUS/$(j .properties.provisioningState)" 200/Succeeded "the extension stays"
done_testing
