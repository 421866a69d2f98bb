#!/bin/sh
# A cluster's Kubernetes API in akswiz-sandbox (kubernetes-path.md C.6,
# C.7), reached as a client does: the server and token of the kubeconfig
# listClusterUserCredential returns.  Namespaces (list, get, create), and
# the Azure ML extension's InstanceType CRD and objects, which exist only
# once the extension is installed.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start
CL="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
arm POST "$CL/aks-prod/listClusterUserCredential?api-version=2024-09-01"
j .kubeconfigs[0].value | base64 -d >"$T/kubeconfig"
KS=$(sed -n 's/^ *server: //p' "$T/kubeconfig")
KT=$(sed -n 's/^ *token: //p' "$T/kubeconfig")
kube() {	# kube METHOD PATH [BODY]: STATUS, body in $T/body
	if [ -n "${3:-}" ]; then
		STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X "$1" \
		    -H "Authorization: Bearer $KT" -H 'Content-Type: application/json' \
		    --data-binary "$3" "$KS/$2")
	else
		STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X "$1" \
		    -H "Authorization: Bearer $KT" "$KS/$2")
	fi
}

kube GET api/v1/namespaces
is "$STATUS/$(j .kind)" 200/NamespaceList "namespaces: a NamespaceList"
is "$(j .items[0].metadata.name)/$(j .items[3].metadata.name)/$(j .items[4].metadata.name)" default/kube-node-lease/ "the built-in ones, no azureml without the extension"
kube GET api/v1/namespaces/default
is "$STATUS/$(j .kind)/$(j .metadata.name)/$(j .status.phase)" 200/Namespace/default/Active "get default"
kube GET api/v1/namespaces/ml
is "$STATUS/$(j .reason)/$(j .message)" '404/NotFound/namespaces "ml" not found' "a missing namespace: Kubernetes' Status"
kube POST api/v1/namespaces '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ml"}}'
is "$STATUS/$(j .metadata.name)" 201/ml "create ml: 201"
kube GET api/v1/namespaces/ml
is "$STATUS" 200 "ml exists"
kube POST api/v1/namespaces '{"metadata":{"name":"ml"}}'
is "$STATUS/$(j .reason)" 409/AlreadyExists "again: AlreadyExists"
kube POST api/v1/namespaces '{"metadata":{"name":"ML_1"}}'
is "$STATUS/$(j .reason)" 422/Invalid "not a DNS-1123 label: Invalid"
STATUS=$($CURL -o "$T/body" -w '%{http_code}' -H "Authorization: Bearer wrong" "$KS/api/v1/namespaces")
is "$STATUS" 401 "another token: 401"
kube GET apis/amlarc.azureml.com/v1alpha1/instancetypes
is "$STATUS" 404 "no instance types without the extension"

# With the extension: azureml, the CRD, instance types.
X="providers/Microsoft.KubernetesConfiguration/extensions"
arm PUT "$CL/aks-prod/$X/azureml?api-version=2024-11-01" '{"properties":{"extensionType":"Microsoft.AzureML.Kubernetes","scope":{"cluster":{"releaseNamespace":"azureml"}},"configurationSettings":{"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"}}}'
op=$(hdr Azure-AsyncOperation)
arm GET "$op"; arm GET "$op"
is "$(j .status)" Succeeded "the extension is installed"
kube GET api/v1/namespaces/azureml
is "$STATUS" 200 "azureml now exists"
kube GET apis/apiextensions.k8s.io/v1/customresourcedefinitions/instancetypes.amlarc.azureml.com
is "$STATUS/$(j .spec.group)/$(j .spec.scope)/$(j .spec.names.plural)" 200/amlarc.azureml.com/Cluster/instancetypes "the InstanceType CRD"
IT='{"apiVersion":"amlarc.azureml.com/v1alpha1","kind":"InstanceType","metadata":{"name":"small"},"spec":{"resources":{"requests":{"cpu":"700m","memory":"1500Mi"},"limits":{"cpu":"1","memory":"2Gi","nvidia.com/gpu":1}}}}'
kube POST apis/amlarc.azureml.com/v1alpha1/instancetypes "$IT"
is "$STATUS/$(j .metadata.name)/$(j .kind)" 201/small/InstanceType "create an instance type"
kube GET apis/amlarc.azureml.com/v1alpha1/instancetypes
is "$STATUS/$(j .kind)/$(j .items[0].metadata.name)/$(j .items[0].spec.resources.limits.cpu)" 200/InstanceTypeList/small/1 "list them"
kube POST apis/amlarc.azureml.com/v1alpha1/instancetypes "$IT"
is "$STATUS/$(j .reason)" 409/AlreadyExists "the same name again"
kube POST apis/amlarc.azureml.com/v1alpha1/instancetypes '{"metadata":{"name":"nolimits"},"spec":{"resources":{"requests":{"cpu":"1","memory":"1Gi"}}}}'
is "$STATUS/$(j .reason)" 422/Invalid "limits are required"
kube POST apis/amlarc.azureml.com/v1alpha1/instancetypes '{"metadata":{"name":"gpureq"},"spec":{"resources":{"requests":{"cpu":"1","memory":"1Gi","nvidia.com/gpu":1},"limits":{"cpu":"1","memory":"1Gi"}}}}'
like "$STATUS/$(j .message)" "422/*GPU goes in limits only*" "GPU only in limits"
kube PUT apis/amlarc.azureml.com/v1alpha1/instancetypes/small "$(printf '%s' "$IT" | sed 's/"cpu":"1"/"cpu":"2"/')"
is "$STATUS/$(j .spec.resources.limits.cpu)" 200/2 "replace it"
kube DELETE apis/amlarc.azureml.com/v1alpha1/instancetypes/small
is "$STATUS" 200 "delete it"
kube GET apis/amlarc.azureml.com/v1alpha1/instancetypes/small
is "$STATUS/$(j .reason)" 404/NotFound "gone"
done_testing
