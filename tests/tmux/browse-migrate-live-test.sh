#!/bin/sh
# Browse's migrate (m) of a legacy AKS compute in a real terminal (tmux),
# end to end against a sandbox started with --allow-legacy-create whose
# world holds inf-created on a cluster with the old azureml-fe: the form,
# Esc, again, the review, Esc, again, submit, progress, back to the list,
# with nothing sent before the submit and then the five requests of
# kubernetes-path.md D.4, in their order, once each.  Skipped without
# tmux.  Polls, never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
slow_sandbox_start '*=latency:10ms' --polls 1 --allow-legacy-create
echo "export AKSWIZ_POLL_MIN_MS=20" >>"$work/env.sh"
. "$work/env.sh"
J=$work/journal.log
. "$top_srcdir/tests/http/k8s-world.sh"
# The writes the sandbox received from akswiz (k8s-world.sh).
writes() { k8s_writes "$J"; }

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS browse; exec cat"
wait_for "inf-created" "browse lists the legacy compute"
: >"$J"
# inf-attached inf-created inf-failed ...
$T send-keys -t t Down m
wait_for "Migrate inf-created to a Kubernetes compute" "m: the migrate form"
$T send-keys -t t Escape
wait_for "/ filter" "Esc: the list again"
$T send-keys -t t m
wait_for "inf-created-k8s" "m again: the form, with the default name"
$T send-keys -t t Down m l Enter
wait_for "Review the plan" "Enter: the review of the migration"
$T send-keys -t t Escape
wait_for "/ filter" "Esc from the review: the list"
if [ -z "$(writes)" ]; then ok "nothing sent so far"; else not_ok "nothing sent so far"; fi
$T send-keys -t t m
wait_for "inf-created-k8s" "m once more"
$T send-keys -t t Down m l Enter
wait_for "Review the plan" "the review"
$T send-keys -t t Enter
wait_for "migrate of inf-created succeeded" "Submit: the progress screen follows it to its end"
$T send-keys -t t Enter
wait_for "/ filter" "Enter: back to the list"
writes >"$work/writes"
printf '%s\n' \
    'PATCH /apis/apps/v1/namespaces/default/deployments/azureml-fe' \
    'PUT extensions/azureml' \
    'POST /api/v1/namespaces' \
    'PUT computes/inf-created-k8s' \
    'DELETE computes/inf-created' >"$work/want"
if cmp -s "$work/want" "$work/writes"; then ok "the five requests of D.4, in order, once each"
else
	not_ok "the five requests of D.4, in order, once each"
	sed 's/^/#   got: /' "$work/writes"
fi
$T kill-session -t t 2>/dev/null

echo "1..$n"
[ "$failed" -eq 0 ]
