#!/bin/sh
# The leftovers of a legacy AKS compute (kubernetes-path.md D.4, B.8) in
# akswiz-sandbox: a cluster a compute of type AKS stands on runs the old
# azureml-fe, which the Azure ML extension installs over only as an
# upgrade (the deployment annotated azureml-fe-enable-upgrade=true and
# scoringFe.enableUpgrade=true), else the install fails with E45005.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start
CL="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
X="providers/Microsoft.KubernetesConfiguration/extensions"
FE=apis/apps/v1/namespaces/default/deployments/azureml-fe
kubeconf() {	# kubeconf CLUSTER: KS and KT from its kubeconfig
	arm POST "$CL/$1/listClusterUserCredential?api-version=2024-09-01"
	j .kubeconfigs[0].value | base64 -d >"$T/kubeconfig"
	KS=$(sed -n 's/^ *server: //p' "$T/kubeconfig")
	KT=$(sed -n 's/^ *token: //p' "$T/kubeconfig")
}
kube() {	# kube METHOD PATH [BODY]
	STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X "$1" \
	    -H "Authorization: Bearer $KT" \
	    -H 'Content-Type: application/merge-patch+json' \
	    ${3:+--data-binary "$3"} "$KS/$2")
}
install() {	# install CLUSTER [EXTRA-SETTINGS]: the extension, to its end
	arm PUT "$CL/$1/$X/azureml?api-version=2024-11-01" "{\"properties\":{\"extensionType\":\"Microsoft.AzureML.Kubernetes\",\"scope\":{\"cluster\":{\"releaseNamespace\":\"azureml\"}},\"configurationSettings\":{\"enableInference\":\"True\",\"inferenceRouterServiceType\":\"LoadBalancer\",\"allowInsecureConnections\":\"True\"${2:-}}}}"
	op=$(hdr Azure-AsyncOperation)
	arm GET "$op"; arm GET "$op"
}

kubeconf aks-prod
kube GET "$FE"
is "$STATUS" 404 "a cluster no legacy compute stood on has no azureml-fe"

kubeconf aks-attached
kube GET "$FE"
is "$STATUS/$(j .kind)/$(j .metadata.namespace)" 200/Deployment/default "the legacy compute's azureml-fe"
install aks-attached
is "$(j .status)/$(j .error.code)" Failed/ExtensionOperationFailed "installing over it fails"
like "$(j .error.message)" "*pod healthcheck failed: E45005*" "with E45005"
arm GET "$CL/aks-attached/$X/azureml?api-version=2024-11-01"
is "$(j .properties.statuses[0].displayStatus)" AZUREML_FE_DEPLOYMENT_CONFLICT "its status names the conflict"
install aks-attached ',"scoringFe.enableUpgrade":"true"'
is "$(j .status)" Failed "the upgrade setting without the annotation still fails"
kube PATCH "$FE" '{"metadata":{"annotations":{"azureml-fe-enable-upgrade":"true"}}}'
is "$STATUS/$(j .metadata.annotations.azureml-fe-enable-upgrade)" 200/true "annotate it for the upgrade"
kube GET "$FE"
is "$(j .metadata.annotations.azureml-fe-enable-upgrade)" true "the annotation is kept"
install aks-attached
is "$(j .status)" Failed "the annotation without the upgrade setting fails"
install aks-attached ',"scoringFe.enableUpgrade":"true"'
is "$(j .status)" Succeeded "annotated and installed as an upgrade: Succeeded"

# A PATCH as the API server takes it: a merge patch, not plain JSON.
STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X PATCH \
    -H "Authorization: Bearer $KT" -H 'Content-Type: application/json' \
    --data-binary '{"metadata":{"annotations":{"x":"1"}}}' "$KS/$FE")
is "$STATUS/$(j .kind)/$(j .reason)" 415/Status/UnsupportedMediaType \
    "a PATCH of plain JSON is refused as the API server refuses it"
kube PATCH "$FE" '{"metadata":{"annotations":{"x":"1"}}}'
kube PATCH "$FE" '{"metadata":{"annotations":{"x":null}}}'
is "$STATUS/$(j .metadata.annotations.x)/$(j .metadata.annotations.azureml-fe-enable-upgrade)" 200//true \
    "null in a merge patch removes an annotation, the others stay"

# Removing the leftovers instead.
RC="/subscriptions/$SUB/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters"
arm POST "$RC/inf-createdx7k2q/listClusterUserCredential?api-version=2024-09-01"
j .kubeconfigs[0].value | base64 -d >"$T/kubeconfig"
KS=$(sed -n 's/^ *server: //p' "$T/kubeconfig")
KT=$(sed -n 's/^ *token: //p' "$T/kubeconfig")
kube DELETE "$FE"
is "$STATUS" 200 "delete the leftover azureml-fe"
kube GET "$FE"
is "$STATUS" 404 "gone"
CL=$RC install inf-createdx7k2q
is "$(j .status)" Succeeded "without leftovers the extension installs plainly"
done_testing
