# Online endpoints in the running akswiz-sandbox of tests/http/lib.sh
# (sb_start), made by curl(1) as az ml would (deploy.md 1c), signed in
# with k8s_begin (tests/http/k8s-world.sh, sourced here):
#
#   ep_world	the Kubernetes compute k8s-dev on aks-prod (namespace ml);
#	on it ep-key (auth Key, description "demo") whose deployment blue
#	(2 instances, requests cpu 500m and memory 1Gi, limits 1 and 2Gi)
#	takes all the traffic, and ep-tok (auth AMLToken, no deployment)
#
# $EP is the endpoints' path, $EP_V an api-version of the sandbox.
. "$top_srcdir/tests/http/k8s-world.sh"
EP_V=api-version=2022-10-01

# The Location of the last answer, polled twice (the sandbox's --polls 1).
ep_location() {
	_l=$(grep -i '^Location:' "$K8S_DIR/k8s.headers" | cut -d' ' -f2- |
	    tr -d '\r')
	k8s_arm GET "$_l"
	k8s_arm GET "$_l"
}

ep_world() {
	k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
	EP="$K8S_WSP/onlineEndpoints"
	k8s_dev_compute k8s-dev aks-prod ml
	k8s_arm PUT "$EP/ep-key?$EP_V" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"authMode\":\"Key\",\"compute\":\"$K8S_WSP/computes/k8s-dev\",\"description\":\"demo\"}}"
	k8s_wait
	# The model it deploys, registered (the sandbox refuses one that is
	# not), and its version 2 for a second deployment (blue/green).
	k8s_arm PUT "$K8S_WSP/models/m/versions/1?$EP_V" "{\"properties\":{\"modelUri\":\"azureml://subscriptions/$SB_SUB/resourcegroups/ml-rg/workspaces/ml-workspace/datastores/workspaceblobstore/paths/LocalUpload/m/model.pkl\"}}"
	k8s_arm PUT "$K8S_WSP/models/m/versions/2?$EP_V" "{\"properties\":{\"modelUri\":\"azureml://subscriptions/$SB_SUB/resourcegroups/ml-rg/workspaces/ml-workspace/datastores/workspaceblobstore/paths/LocalUpload/m2/model.pkl\"}}"
	k8s_arm PUT "$EP/ep-key/deployments/blue?$EP_V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":2},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$K8S_WSP/models/m/versions/1\",\"containerResourceRequirements\":{\"containerResourceRequests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"},\"containerResourceLimits\":{\"cpu\":\"1\",\"memory\":\"2Gi\"}}}}"
	k8s_wait
	k8s_arm PATCH "$EP/ep-key?$EP_V" '{"properties":{"traffic":{"blue":100}}}'
	ep_location
	k8s_arm PUT "$EP/ep-tok?$EP_V" "{\"location\":\"eastus\",\"properties\":{\"authMode\":\"AMLToken\",\"compute\":\"$K8S_WSP/computes/k8s-dev\"}}"
	k8s_wait
	k8s_arm GET "$EP/ep-key/deployments/blue?$EP_V"
}
