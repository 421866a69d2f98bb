#!/bin/sh
# Home and End as terminals really send them (issue 10, item 5): tmux and
# screen send ESC [ 1 ~ and ESC [ 4 ~, xterm ESC [ H / ESC O H, rxvt
# ESC [ 7 ~; whatever TERM says, each is Home or End, never Esc followed
# by "1~" typed into a field.  In a list (home menu) and a field (the
# wizard's name), at 80x24 and 60x20, with TERM=xterm-256color (whose
# terminfo knows none of tmux's sequences) and TERM=screen, as raw bytes
# and as tmux's own key names.  Skipped without tmux.  Polls, never sleeps
# for a fixed time.
set -u
. "$top_srcdir/tests/tmux/lib.sh"
unset TMUX NO_COLOR AKSWIZ_NO_DISPLAY AKSWIZ_SCRIPT 2>/dev/null || true
mkdir -p "$work/home"
SCOPE="-w ws1 -g rg1 --subscription 00000000-0000-0000-0000-000000000001"
$T new-session -d -s keep "exec cat"

# pane_has TEXT DESCRIPTION: the pane shows TEXT right now (after a wait_for).
pane_has() {
	if $T capture-pane -p -t t | grep -q -F -- "$1"; then
		ok "$2"
	else
		not_ok "$2"
		$T capture-pane -p -t t | sed 's/^/#   /'
	fi
}
pane_lacks() {
	if $T capture-pane -p -t t | grep -q -F -- "$1"; then
		not_ok "$2"
		$T capture-pane -p -t t | sed 's/^/#   /'
	else
		ok "$2"
	fi
}

for term in xterm-256color screen; do
for size in 80x24 60x20; do
	cols=${size%x*}; rows=${size#*x}
	# Its own state: the wizard killed below leaves a draft behind.
	mkdir -p "$work/state-$term-$size"
	ENVS="env LC_ALL=C.UTF-8 TERM=$term HOME=$work/home XDG_STATE_HOME=$work/state-$term-$size AKSWIZ_OFFLINE=1"
	at="$term $size"

	# A list: End goes to the last row, Home to the first; nothing leaves.
	$T new-session -d -s t -x "$cols" -y "$rows" "$ENVS $AKSWIZ $SCOPE; echo LEFT \$?; exec cat"
	wait_for "Create an inference cluster" "$at: the home screen"
	$T send-keys -t t -l "$(printf '\033[4~')"
	wait_for "› Quit" "$at: ESC [ 4 ~ (End) selects the last row"
	$T send-keys -t t -l "$(printf '\033[1~')"
	wait_for "› Create an inference cluster" "$at: ESC [ 1 ~ (Home) selects the first row"
	$T send-keys -t t -l "$(printf '\033[8~')"
	wait_for "› Quit" "$at: ESC [ 8 ~ (rxvt End) selects the last row"
	$T send-keys -t t -l "$(printf '\033[H')"
	wait_for "› Create an inference cluster" "$at: ESC [ H (xterm Home) selects the first row"
	$T send-keys -t t End
	wait_for "› Quit" "$at: tmux's End key selects the last row"
	$T send-keys -t t Home
	wait_for "› Create an inference cluster" "$at: tmux's Home key selects the first row"
	pane_lacks "LEFT" "$at: no Home or End left the program"
	$T kill-session -t t

	# A field: Home and End move the cursor, nothing is typed.
	$T new-session -d -s t -x "$cols" -y "$rows" "$ENVS $AKSWIZ $SCOPE create --compute-type AKS; echo LEFT \$?; exec cat"
	wait_for "Step 1 of 6" "$at: the wizard's name step"
	$T send-keys -t t -l "bcd"
	wait_for "[bcd" "$at: the name is typed"
	$T send-keys -t t -l "$(printf '\033[1~')"
	$T send-keys -t t -l "a"
	wait_for "[abcd" "$at: ESC [ 1 ~ moves to the start of the field"
	$T send-keys -t t -l "$(printf '\033[4~')"
	$T send-keys -t t -l "e"
	wait_for "[abcde" "$at: ESC [ 4 ~ moves to the end of the field"
	$T send-keys -t t Home
	$T send-keys -t t -l "m"
	wait_for "[mabcde" "$at: tmux's Home key moves to the start"
	$T send-keys -t t End
	$T send-keys -t t -l "l"
	wait_for "[mabcdel" "$at: tmux's End key moves to the end"
	$T send-keys -t t -l "$(printf '\033OH')"
	$T send-keys -t t -l "-"
	wait_for "[-mabcdel" "$at: ESC O H moves to the start"
	pane_lacks "1~" "$at: no \"1~\" was typed"
	pane_lacks "4~" "$at: no \"4~\" was typed"
	pane_has "Step 1 of 6" "$at: still on the name step (no Esc)"
	$T kill-session -t t
done
done

# A pane split while it runs: 100x30 shrunk to 60x20, then 59x19 (too
# small), then back; Home and End still work in the list after each.
mkdir -p "$work/state-resize"
ENVS="env LC_ALL=C.UTF-8 TERM=xterm-256color HOME=$work/home XDG_STATE_HOME=$work/state-resize AKSWIZ_OFFLINE=1"
$T new-session -d -s t -x 100 -y 30 "$ENVS $AKSWIZ $SCOPE; echo LEFT \$?; exec cat"
wait_for "Create an inference cluster" "100x30: the home screen"
$T resize-window -t t -x 60 -y 20
wait_for "ws1 · rg1 · 0000" "resized to 60x20: drawn again, the short scope row"
$T send-keys -t t End
wait_for "› Quit" "resized to 60x20: End still selects the last row"
$T resize-window -t t -x 59 -y 19
wait_for "too small" "59x19: below the minimum, said"
$T resize-window -t t -x 60 -y 20
wait_for "Up/Down choose" "back at 60x20: drawn again"
$T send-keys -t t -l "$(printf '\033[1~')"
wait_for "› Create an inference cluster" "back at 60x20: ESC [ 1 ~ selects the first row"
pane_lacks "LEFT" "resizing left the program running"
$T kill-session -t t

echo "1..$n"
[ "$failed" -eq 0 ]
