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
. "$top_srcdir/tests/tmux/deploy-assets.sh"
deploy_sbenv 0 2
deploy_assets

deploy_open
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
