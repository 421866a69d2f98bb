# The deploy tests' world (sourced after tests/screens/libtest.sh):
#
#   deploy_world [SANDBOX OPTIONS]	a sandbox with the Kubernetes compute
#	k8s-prod (aks-prod, namespace ml)
#   deploy_keys ENDPOINT [RESOURCE KEYS]	the keys from home through the
#	deploy pages (the endpoint, $MODEL and $ENV, then the resources'
#	keys) to the review's Submit and the progress screen's end
#
# $MODEL and $ENV are the What page's keys: a local model file (uploaded
# by the plan's first step) and an image.
. "$top_srcdir/tests/http/k8s-world.sh"

printf 'sklearn model\n' > "$work/model.pkl"
MODEL=model.pkl
ENV='<Down><Down><Down><Down>mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest'

deploy_world() {
	sandbox_start --polls 1 "$@"
	k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" \
	    "$(sb_ready caFile)" "$(sb_ready subscriptionId)" "$work"
	k8s_dev_compute k8s-prod aks-prod ml
}

deploy_keys() {
	printf '%s' "
	<Down><Down><Enter>
	<Tab><C-u>$1<Enter>
	$MODEL$ENV<Enter>
	${2:-}<Enter>
	<Enter>"
}
