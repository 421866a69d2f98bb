# The world of the real-terminal tests that deploy registered assets,
# sourced after tests/tmux/lib.sh:
#
#   deploy_sbenv RETRY_AFTER POLLS	$work/sbenv.sh, the environment of
#	`akswiz --sandbox` (its sandbox's Retry-After and polls), sourced by
#	every command of the test
#   deploy_assets			the Kubernetes compute k8s-dev (3 nodes),
#	the model churn:7 (a local file, uploaded) and the environment
#	sklearn-env:2 (an image), made from the shell with akswiz; a TAP line
#   deploy_open				`akswiz --sandbox` in the tmux session
#	t (80x24), from home to the deploy screens, the compute read
deploy_sbenv() {
	(umask 077; mkdir -p "$work/tmp"; cat >"$work/sbenv.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export TMPDIR=$work/tmp
export AKSWIZ_SANDBOX_OPTIONS="--polls $2 --retry-after $1"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION
unset AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE AKSWIZ_POLL_MIN_MS
EOT
	)
}

deploy_assets() {
	printf 'sklearn model\n' >"$work/model.pkl"
	(. "$work/sbenv.sh"
	"$AKSWIZ" plan new create --name k8s-dev --cluster-purpose DevTest \
	    --vm-size Standard_D4s_v3 --agent-count 3 >"$work/create.json" &&
	    "$AKSWIZ" --sandbox apply "$work/create.json" \
	    >"$work/apply.out" 2>&1 &&
	    "$AKSWIZ" --sandbox model create --name churn --version 7 \
	    --path "$work/model.pkl" >>"$work/apply.out" 2>&1 &&
	    "$AKSWIZ" --sandbox environment create --name sklearn-env \
	    --version 2 --image mcr.microsoft.com/azureml/sklearn:latest \
	    >>"$work/apply.out" 2>&1)
	if [ $? -eq 0 ]; then
		ok "a Kubernetes compute, a model and an environment made from the shell"
	else
		not_ok "a Kubernetes compute, a model and an environment made from the shell"
		sed 's/^/#   /' "$work/apply.out"
	fi
}

deploy_open() {
	$T new-session -d -s keep "exec cat"
	$T new-session -d -s t -x 80 -y 24 ". $work/sbenv.sh; cd $work; \
	    $AKSWIZ --sandbox; echo akswiz-exit=\$?; exec cat"
	wait_for "Deploy a model" "akswiz --sandbox opens home"
	$T send-keys -t t Down Down Enter
	wait_for "[k8s-dev-ep" "the deploy screens, the compute read"
}
