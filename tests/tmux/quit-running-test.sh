#!/bin/sh
# Quitting on the progress screen of a submitted create: the question says
# the operation goes on and how to follow it (never "lose the unsaved
# plan": nothing is lost), and y quits.  Skipped without tmux.  Polls,
# never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
(umask 077; mkdir -p "$work/tmp"; cat >"$work/sbenv.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export TMPDIR=$work/tmp AKSWIZ_POLL_MIN_MS=200
export AKSWIZ_SANDBOX_OPTIONS="--polls 100000 --retry-after 0"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION
EOT
)

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 \
    ". $work/sbenv.sh; $AKSWIZ --sandbox create; echo akswiz-exit=\$?; exec cat"
wait_for "Step 1 of 6" "the wizard opens"
$T send-keys -t t -l "ml-quit"
wait_for "[ml-quit" "the name is typed"
$T send-keys -t t Enter
wait_for "Step 2 of 6" "step 2"
$T send-keys -t t Enter
wait_for "Step 3 of 6" "step 3"
$T send-keys -t t Enter
wait_for "Step 4 of 6" "step 4"
$T send-keys -t t Enter
wait_for "Step 5 of 6" "step 5"
$T send-keys -t t Enter
wait_for "Step 6 of 6" "step 6"
$T send-keys -t t Enter
wait_for "Review the plan" "the review"
$T send-keys -t t Enter
wait_for "the operation goes on" "the create is submitted and followed"
$T send-keys -t t C-c
wait_for "The operation goes on: \"akswiz --sandbox watch\" follows" \
    "Ctrl-C says the operation goes on and how to follow it"
if $T capture-pane -p -t t | grep -q "unsaved"; then
	not_ok "and does not speak of an unsaved plan"
else
	ok "and does not speak of an unsaved plan"
fi
$T send-keys -t t y
wait_for "akswiz-exit=0" "y quits"
$T kill-session -t t

echo "1..$n"
[ "$failed" -eq 0 ]
