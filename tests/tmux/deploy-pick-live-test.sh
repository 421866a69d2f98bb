#!/bin/sh
# The deploy screens' pickers in a real terminal, on `akswiz --sandbox`
# with a Kubernetes compute and a model and an environment registered
# from the shell first: on the What page F4 lists the registered models,
# typing filters, Enter puts NAME:VERSION in the field; Esc on the
# environments' list keeps the field as typed; at 80x24, then the list
# again at 60x20.  Polls, never sleeps for a fixed time.  Skipped
# without tmux.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
(umask 077; mkdir -p "$work/tmp"; cat >"$work/sbenv.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export TMPDIR=$work/tmp AKSWIZ_POLL_MIN_MS=20
export AKSWIZ_SANDBOX_OPTIONS="--polls 2 --retry-after 0"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION
unset AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE
EOT
)
printf 'sklearn model\n' >"$work/model.pkl"
(. "$work/sbenv.sh"
"$AKSWIZ" plan new create --name k8s-dev --cluster-purpose DevTest \
    --vm-size Standard_D4s_v3 --agent-count 3 >"$work/create.json" &&
    "$AKSWIZ" --sandbox apply "$work/create.json" >"$work/apply.out" 2>&1 &&
    "$AKSWIZ" --sandbox model create --name churn --version 7 \
    --path "$work/model.pkl" >>"$work/apply.out" 2>&1 &&
    "$AKSWIZ" --sandbox environment create --name sklearn-env --version 2 \
    --image mcr.microsoft.com/azureml/sklearn:latest >>"$work/apply.out" 2>&1)
if [ $? -eq 0 ]; then
	ok "a Kubernetes compute, a model and an environment made from the shell"
else
	not_ok "a Kubernetes compute, a model and an environment made from the shell"
	sed 's/^/#   /' "$work/apply.out"
fi

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 ". $work/sbenv.sh; cd $work; \
    $AKSWIZ --sandbox; echo akswiz-exit=\$?; exec cat"
wait_for "Deploy a model" "akswiz --sandbox opens home"
$T send-keys -t t End Up Enter
wait_for "[k8s-dev-ep" "the deploy screens, the compute read"
$T send-keys -t t Enter
wait_for "F4 picks the workspace's 1 registered model" \
    "the model field offers the registered models"
$T send-keys -t t F4
wait_for "Pick a registered model" "F4 opens the list"
wait_for "› churn  7  CustomModel azureml://subscriptions/" "the model, its version, type and path"
$T send-keys -t t -l "chu"
wait_for "Filter: chu_" "typing filters"
$T send-keys -t t Enter
wait_for "[churn:7" "Enter puts NAME:VERSION in the field"
wait_for "churn:7: a registered model" "a registered model, said"
$T send-keys -t t Down Down Down
$T send-keys -t t -l "my-env:1"
wait_for "F4 picks the workspace's 1 environment" "the environment field offers its list"
$T send-keys -t t F4
wait_for "› sklearn-env  2  mcr.microsoft.com/azureml/sklearn:latest" \
    "the environment with its image"
$T send-keys -t t Escape
wait_for "[my-env:1" "Esc keeps the field as typed"
$T resize-window -t t -x 60 -y 20 2>/dev/null
$T send-keys -t t C-o
wait_for "Enter pick  Esc back  typing filters" "60x20: Ctrl-O opens the list too"
wait_for "› sklearn-env  2  mcr.microsoft.com/azureml/sklearn:lat…" "60x20: the row cut with a mark"
$T send-keys -t t Enter
wait_for "[sklearn-env:2" "Enter picks it"
$T send-keys -t t C-c
$T kill-session -t t
echo "1..$n"
[ "$failed" -eq 0 ]
