#!/bin/sh
# A few real-terminal smoke tests in tmux: start at 120x40, shrink to 80x24
# and 60x20 (still drawn) and 50x16 ("too small"), grow back; NO_COLOR draws no
# colours; quitting restores the terminal (canonical mode, the shell's
# text back); SIGHUP (a dropped SSH session) saves the draft and the next
# start offers to continue it.  Skipped without tmux.  Polls, never sleeps
# for a fixed time.
set -u
: "${top_builddir:?run from make check}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "1..0 # SKIP tmux not found"
	exit 0
fi
AKSWIZ="$top_builddir/akswiz"
work=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-tmux.XXXXXX") || exit 99
T="$TMUX_BIN -L akswiz$$ -f /dev/null"
. "$top_srcdir/tests/tmux/wait.sh"
trap '$T kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/state"
unset TMUX NO_COLOR AKSWIZ_NO_DISPLAY AKSWIZ_SCRIPT 2>/dev/null || true
ENVS="env LC_ALL=C.UTF-8 TERM=screen HOME=$work/home XDG_STATE_HOME=$work/state AKSWIZ_OFFLINE=1"
ARGS="-w ws1 -g rg1 --subscription 00000000-0000-0000-0000-000000000001"


# A session that lives throughout, so the server does not come and go.
$T new-session -d -s keep "exec cat"

# Start, resize, quit: the shell around akswiz tells what it finds after.
$T new-session -d -s t -x 120 -y 40 "sh -c 'echo BEFORE; \
    $ENVS $AKSWIZ $ARGS; echo AFTER \$?; stty -a | tr \" \" \"\\n\" | \
    grep -x -- \"-*icanon\" | sed \"s/^/MODE /\"; exec cat'"
wait_for "Create an inference cluster" "starts at 120x40 on the home screen"
$T resize-window -t t -x 80 -y 24
wait_for "Up/Down choose" "80x24 still draws the home screen"
$T resize-window -t t -x 60 -y 20
wait_for "Up/Down choose" "60x20 still draws the home screen"
$T resize-window -t t -x 50 -y 16
wait_for "too small" "50x16 says the terminal is too small"
$T resize-window -t t -x 120 -y 40
wait_for "Attach an existing AKS cluster" "growing back draws the screen again"
$T send-keys -t t q
wait_for "AFTER 0" "q quits with status 0"
wait_for "MODE " "the shell reads the terminal mode"
if $T capture-pane -p -t t | grep -q -x "MODE icanon"; then
	ok "the terminal is back in canonical mode"
else
	not_ok "the terminal is back in canonical mode"
fi
if $T capture-pane -p -t t | grep -q "^BEFORE"; then
	ok "the shell's screen is restored"
else
	not_ok "the shell's screen is restored"
fi
$T kill-session -t t

# A crash (SIGSEGV) still restores the terminal, and the signal is told.
$T new-session -d -s t -x 80 -y 24 "sh -c '$ENVS $AKSWIZ $ARGS; \
    echo CRASHED \$?; stty -a | tr \" \" \"\\n\" | \
    grep -x -- \"-*icanon\" | sed \"s/^/MODE /\"; exec cat'"
wait_for "Create an inference cluster" "started for the crash"
shell=$($T display-message -p -t t '#{pane_pid}')
pid=$(ps -o pid= --ppid "$shell" | tr -d ' ' | head -n 1)
kill -SEGV "$pid"
wait_for "CRASHED 139" "SIGSEGV is the exit status"
wait_for "MODE " "the shell reads the terminal mode after the crash"
if $T capture-pane -p -t t | grep -q -x "MODE icanon"; then
	ok "after a crash the terminal is back in canonical mode"
else
	not_ok "after a crash the terminal is back in canonical mode"
fi
$T kill-session -t t

# Colours: with colours the screen has colour escapes, with NO_COLOR none.
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS create --compute-type AKS; exec cat"
wait_for "Step 1 of 6" "the create wizard starts"
$T send-keys -t t a b Enter
wait_for "3 to 24 characters" "an error shows"
if $T capture-pane -p -e -t t | grep -q "$(printf '\033')\[[0-9;]*3[1-7]m"; then
	ok "colours by default"
else
	not_ok "colours by default"
fi
$T kill-session -t t
$T new-session -d -s t -x 80 -y 24 "$ENVS NO_COLOR=1 $AKSWIZ $ARGS create --compute-type AKS; exec cat"
wait_for "Step 1 of 6" "the create wizard starts with NO_COLOR"
$T send-keys -t t a b Enter
wait_for "3 to 24 characters" "the error shows in monochrome"
if $T capture-pane -p -e -t t | grep -q "$(printf '\033')\[[0-9;]*3[1-7]m"; then
	not_ok "NO_COLOR: no colour escapes"
else
	ok "NO_COLOR: no colour escapes"
fi
$T kill-session -t t

# SIGHUP saves the draft; the next start offers it.
$T new-session -d -s t -x 80 -y 24 "exec $ENVS $AKSWIZ $ARGS create --compute-type AKS"
wait_for "Step 1 of 6" "a wizard for the hang-up"
$T send-keys -t t -l "ml-hup"
$T send-keys -t t Enter
wait_for "Step 2 of 6" "the name is taken"
pid=$($T display-message -p -t t '#{pane_pid}')
kill -HUP "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do
	i=$((i + 1)); sleep 0.05
done
if [ -f "$work/state/akswiz/draft.json" ] &&
    grep -q '"name": "ml-hup"' "$work/state/akswiz/draft.json"; then
	ok "SIGHUP saved the draft"
else
	not_ok "SIGHUP saved the draft"
fi
$T kill-session -t t 2>/dev/null
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS; exec cat"
wait_for 'Continue the unfinished plan "ml-hup"' "the next start offers the draft"
$T send-keys -t t Enter
wait_for "Step 1 of 7" "continuing opens the wizard, at the compute type"
$T send-keys -t t Enter
wait_for "ml-hup" "with the name typed before"
$T kill-session -t t

echo "1..$n"
[ "$failed" -eq 0 ]
