# Kubernetes computes in a running akswiz-sandbox, made as Azure's own
# clients make them (kubernetes-path.md B.10, C.1): curl(1) PUTs the Azure
# ML extension on a cluster of the sandbox's world, follows the operation
# to its end, and attaches the cluster as a compute of type Kubernetes.
# Sourced by tests/http and tests/screens tests after their sandbox has
# started:
#
#   k8s_begin ENDPOINT AUTHORITY CA-FILE SUBSCRIPTION DIR
#	sign in as the service principal of AZURE_TENANT_ID,
#	AZURE_CLIENT_ID and AZURE_CLIENT_SECRET; DIR holds the answers
#   k8s_extension CLUSTER SETTINGS [PROTECTED]	PUT the azureml extension
#	of the cluster (group aks-rg) with these "configurationSettings"
#	(and "configurationProtectedSettings") members, JSON without
#	braces, and wait for its end; $K8S_STATE is its provisioningState
#   k8s_attach NAME CLUSTER [NAMESPACE]	attach the cluster to the
#	workspace (group ml-rg, ml-workspace) and wait for the end
#   k8s_remove_extension CLUSTER	DELETE the extension and wait
#   k8s_cluster CLUSTER		create an AKS cluster in aks-rg (one System
#	pool of 3 Standard_D4s_v3, kubernetes-path.md A.3) and wait
#   k8s_dev_compute NAME CLUSTER [NAMESPACE]	the extension with
#	$K8S_DEV (DevTest, no router HA, TLS off) on the cluster, which is
#	then attached as NAME
#   k8s_deploy_world	sign in ($SB_* of tests/http/lib.sh), the compute
#	k8s-dev on aks-prod (namespace ml), and the model sk:1 and the
#	environment env:1 a deploy names
#   k8s_changes JOURNAL	akswiz's requests in the sandbox's journal that
#	change something, one "METHOD path" a line
#   k8s_writes JOURNAL	akswiz's writes (not the sign-in's nor the
#	cluster credentials' POSTs, which read), one "METHOD path" a line,
#	the cluster's API paths from /api or /apis, the extension's and the
#	compute's cut to extensions/NAME and computes/NAME
#   k8s_expect_changes JOURNAL DESCRIPTION < WANT	a TAP line (the ok and
#	not_ok of the test's library): the changes are exactly WANT's lines
#	(paths compared without case), else the difference
#
# The token goes in a header read from a file, never in argv.

k8s_begin() {
	K8S_EP=$1 K8S_CA=$3 K8S_SUB=$4 K8S_DIR=$5
	K8S_CL="/subscriptions/$K8S_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
	K8S_WSP="/subscriptions/$K8S_SUB/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-workspace"
	# The secret through stdin (printf is the shell's own, no argv).
	printf '%s' "$AZURE_CLIENT_SECRET" | curl -s --max-time 20 \
	    --cacert "$K8S_CA" -o "$K8S_DIR/k8s-token.json" \
	    "$2/$AZURE_TENANT_ID/oauth2/v2.0/token" \
	    -d grant_type=client_credentials -d client_id="$AZURE_CLIENT_ID" \
	    --data-urlencode client_secret@- \
	    -d scope=https://management.azure.com/.default
	printf 'Authorization: Bearer %s\n' "$(sed -n \
	    's/.*"access_token" *: *"\([^"]*\)".*/\1/p' \
	    "$K8S_DIR/k8s-token.json")" >"$K8S_DIR/k8s-auth"
	rm -f "$K8S_DIR/k8s-token.json"
}

# k8s_arm METHOD PATH-OR-URL [BODY]: $K8S_STATUS; body in k8s.body.
k8s_arm() {
	_u=$2
	case "$_u" in http*) ;; *) _u="$K8S_EP$_u" ;; esac
	K8S_STATUS=$(curl -s --max-time 20 --cacert "$K8S_CA" \
	    -o "$K8S_DIR/k8s.body" -D "$K8S_DIR/k8s.headers" \
	    -w '%{http_code}' -X "$1" -H @"$K8S_DIR/k8s-auth" \
	    -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$_u")
}

# The Azure-AsyncOperation of the last answer, polled to its end.
k8s_wait() {
	_op=$(grep -i '^Azure-AsyncOperation:' "$K8S_DIR/k8s.headers" |
	    head -n 1 | cut -d' ' -f2- | tr -d '\r')
	[ -n "$_op" ] || return 0
	_i=0
	while [ $_i -lt 50 ]; do
		k8s_arm GET "$_op"
		grep -q -E '"status" *: *"(Succeeded|Failed|Canceled)"' \
		    "$K8S_DIR/k8s.body" && return 0
		_i=$((_i + 1))
	done
}

k8s_extension() {
	k8s_arm PUT "$K8S_CL/$1/providers/Microsoft.KubernetesConfiguration/extensions/azureml?api-version=2024-11-01" \
	    "{\"properties\":{\"extensionType\":\"Microsoft.AzureML.Kubernetes\",\"autoUpgradeMinorVersion\":true,\"releaseTrain\":\"stable\",\"scope\":{\"cluster\":{\"releaseNamespace\":\"azureml\"}},\"configurationSettings\":{$2},\"configurationProtectedSettings\":{${3:-}}}}"
	k8s_wait
	k8s_arm GET "$K8S_CL/$1/providers/Microsoft.KubernetesConfiguration/extensions/azureml?api-version=2024-11-01"
	K8S_STATE=$(sed -n 's/.*"provisioningState" *: *"\([^"]*\)".*/\1/p' \
	    "$K8S_DIR/k8s.body" | head -n 1)
}

k8s_attach() {
	k8s_arm PUT "$K8S_WSP/computes/$1?api-version=2024-10-01" \
	    "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"computeType\":\"Kubernetes\",\"resourceId\":\"$K8S_CL/$2\",\"properties\":{\"namespace\":\"${3:-default}\"}}}"
	k8s_wait
}

k8s_remove_extension() {
	k8s_arm DELETE "$K8S_CL/$1/providers/Microsoft.KubernetesConfiguration/extensions/azureml?api-version=2024-11-01"
	k8s_wait
}

k8s_cluster() {
	k8s_arm PUT "$K8S_CL/$1?api-version=2024-09-01" \
	    "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"dnsPrefix\":\"$1\",\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"mode\":\"System\",\"count\":3,\"vmSize\":\"Standard_D4s_v3\",\"osType\":\"Linux\",\"type\":\"VirtualMachineScaleSets\"}]}}"
	k8s_wait
}

K8S_DEV='"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"False","clusterPurpose":"DevTest"'
k8s_dev_compute() {
	k8s_extension "$2" "$K8S_DEV"
	k8s_attach "$1" "$2" ${3:+"$3"}
}

k8s_deploy_world() {
	k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
	k8s_dev_compute k8s-dev aks-prod ml
	k8s_arm PUT "$K8S_WSP/models/sk/versions/1?api-version=2024-10-01" '{"properties":{"modelUri":"azureml://datastores/workspaceblobstore/paths/sk/model.pkl"}}'
	k8s_arm PUT "$K8S_WSP/environments/env/versions/1?api-version=2024-10-01" '{"properties":{"image":"mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest"}}'
}

k8s_changes() {
	grep -a '"user-agent":"akswiz' "$1" | grep -a -v '"method":"GET"' |
	    grep -a '"path":"/subscriptions/' |
	    sed -n 's/.*"method":"\([A-Z]*\)","path":"\([^"]*\)".*/\1 \2/p'
}

k8s_writes() {
	grep -a '"user-agent":"akswiz' "$1" |
	    grep -a -E '"method":"(PATCH|PUT|POST|DELETE)"' |
	    grep -a -v 'oauth2/v2.0/token\|/listClusterUserCredential"' |
	    sed -n 's/.*"method":"\([A-Z]*\)","path":"\([^"]*\)".*/\1 \2/p' |
	    sed 's#/kube/[^ ]*/apis/#/apis/#; s#/kube/[^ ]*/api/#/api/#; s#^\([A-Z]*\) .*/\(extensions/azureml\)$#\1 \2#; s#^\([A-Z]*\) .*/\(computes/.*\)$#\1 \2#'
}

k8s_expect_changes() {
	cat >"$K8S_DIR/k8s.want"
	k8s_changes "$1" >"$K8S_DIR/k8s.changes"
	if diff -i "$K8S_DIR/k8s.want" "$K8S_DIR/k8s.changes" >/dev/null; then
		ok "$2"
	else
		not_ok "$2"
		diff -i "$K8S_DIR/k8s.want" "$K8S_DIR/k8s.changes" |
		    sed 's/^/#   /'
	fi
}
