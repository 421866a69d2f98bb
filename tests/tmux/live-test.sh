#!/bin/sh
# The network never freezes the screen: against a sandbox that answers
# every request after a second, the wizard opens at once, says what it
# is reading, and keys keep working meanwhile; the answers arrive later.
# Skipped without tmux.  Polls, never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
slow_sandbox_start

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS create --compute-type AKS; exec cat"
wait_for "Step 1 of 6" "the wizard opens before any answer"
$T send-keys -t t -l "ml-slow"
wait_for "Reading the workspace's computes" "it says what it is reading"
wait_for "[ml-slow" "typing works while it reads"
$T send-keys -t t Enter Enter
wait_for "Step 3 of 6" "Next works while it reads"
wait_for "Reading the region's VM sizes" "the size step says the sizes are coming"
$T send-keys -t t F1
wait_for "Keys of this step: VM size and nodes" "F1 shows the step's keys while it reads"
$T send-keys -t t Escape
wait_for "free" "the region's sizes and quota arrive later"
$T kill-session -t t

echo "1..$n"
[ "$failed" -eq 0 ]
