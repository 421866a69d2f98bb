#!/bin/sh
# Browse in a real terminal (tmux): against a sandbox that answers every
# request after a second, the list opens at once and says it is reading,
# keys keep working meanwhile; then the list at 80x24, the detail full
# screen at 80x24 and beside the list at 200x60, with colours.
# Skipped without tmux.  Polls, never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
slow_sandbox_start

$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS browse; exec cat"
wait_for "Reading the workspace's computes..." "the list opens before any answer"
$T send-keys -t t "?"
wait_for "filter as you type" "? shows the keys while it reads"
$T send-keys -t t Escape
wait_for "inf-attached" "the computes arrive later"
wait_for "4 computes" "all of them"
$T send-keys -t t "/" "f" "a" "i" "l"
wait_for "Filter: fail_   (1 of 4)" "the filter works as you type"
$T send-keys -t t Enter Enter
wait_for "Hint" "Enter: the failed cluster's detail, with a hint"
$T send-keys -t t Escape
$T resize-window -t t -x 200 -y 60 2>/dev/null ||
    $T kill-session -t t
if $T has-session -t t 2>/dev/null; then
	$T send-keys -t t Enter
	wait_for "│ inf-failed" "200x60: the detail beside the list"
fi
$T kill-session -t t 2>/dev/null

echo "1..$n"
[ "$failed" -eq 0 ]
