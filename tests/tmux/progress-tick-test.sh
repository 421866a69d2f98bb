#!/bin/sh
# The progress screen's running step counts its own time every second,
# not only when the operation is polled: the sandbox asks to be polled
# every 6 s (Retry-After) and finishes a deployment after one poll, so
# the deployment's row can show only "0 s" and "6 s" from polls; a row that ticks
# shows the seconds between.  A deploy from the home screen of `akswiz
# --sandbox`, its model and environment registered from the shell.
# Polls the pane, never sleeps for a fixed time.  Skipped without tmux.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
sbenv() {
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
sbenv 0 1
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
sbenv 6 2

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 ". $work/sbenv.sh; cd $work; \
    $AKSWIZ --sandbox; echo akswiz-exit=\$?; exec cat"
wait_for "Deploy a model" "akswiz --sandbox opens home"
$T send-keys -t t End Up Enter
wait_for "[k8s-dev-ep" "the deploy screens, the compute read"
$T send-keys -t t Enter
wait_for "What: model, code, environment" "the What page"
$T send-keys -t t -l "churn:7"
$T send-keys -t t Down Down Down
$T send-keys -t t -l "sklearn-env:2"
wait_for "churn:7: a registered model" "a registered model"
$T send-keys -t t Enter
wait_for "Resources and scale" "the Resources page"
$T send-keys -t t Enter
wait_for "Review the plan" "the review"
$T send-keys -t t Enter
# The running step's row: the seconds it shows, until two follow each
# other (n then n + 1), which polls 6 s apart cannot make.
: >"$work/times"
i=0
ticked=no
while [ $i -lt 400 ] && [ $ticked = no ]; do
	$T capture-pane -p -t t >"$work/pane" 2>/dev/null
	sed -n 's/^ *[0-9]\.  create the online [a-z]*  *\([A-Z][A-Za-z]*\)  *\([0-9][0-9]*\) s *$/\1 \2/p' \
	    "$work/pane" | grep -v '^Succeeded' | cut -d' ' -f2 >>"$work/times"
	for t in $(sort -n -u "$work/times"); do
		grep -q -x "$((t + 1))" "$work/times" && ticked=yes
	done
	i=$((i + 1))
	sleep 0.05
done
if [ $ticked = yes ]; then
	ok "the running step's time ticks each second between polls"
else
	not_ok "the running step's time ticks each second between polls"
	sort -n -u "$work/times" | sed 's/^/#   /'
	sed 's/^/#   /' "$work/pane"
fi
$T send-keys -t t C-c
$T kill-session -t t
echo "1..$n"
[ "$failed" -eq 0 ]
