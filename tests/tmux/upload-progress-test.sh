#!/bin/sh
# akswiz model create on a real terminal (cli/cmd-asset.c): a file larger
# than 4 MiB is named on a line of its own, then a progress bar redrawn in
# place ends at 100%, the bar whole on one line at 80x24 and at 60x20;
# the sandbox holds each block back 300 ms so that the bar is seen before
# the end.  Skipped without tmux.  Polls, never sleeps for a fixed time.
set -u
. "$top_srcdir/tests/tmux/lib.sh"
unset TMUX NO_COLOR 2>/dev/null || true
slow_sandbox_start 'PUT:*/big.bin=latency:300ms'
v=0
for size in 80x24 60x20; do
	cols=${size%x*}; rows=${size#*x}
	v=$((v + 1))
	mkdir -p "$work/$v"
	head -c 25165824 /dev/urandom >"$work/$v/big.bin"
	$T new-session -d -s t -x "$cols" -y "$rows" "$ENVS $AKSWIZ $ARGS model create --name big --version $v --path $work/$v/big.bin -o json >/dev/null; echo EXIT \$?; exec cat"
	wait_for "akswiz: uploading big.bin (24 MB)" "$size: the file is named"
	wait_for "  [" "$size: a bar is drawn"
	wait_for "EXIT 0" "$size: model create ends well"
	if $T capture-pane -p -t t | grep -q -x -F -- "  [####################] 100% 24/24 MB"; then
		ok "$size: the bar ends at 100%, whole on one line"
	else
		not_ok "$size: the bar ends at 100%, whole on one line"
		$T capture-pane -p -t t | sed 's/^/#   /'
	fi
	$T kill-session -t t
done
echo "1..$n"
[ "$failed" -eq 0 ]
