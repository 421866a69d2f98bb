#!/bin/sh
# Quitting on the progress screen of a submitted create: the question says
# the operation goes on and how to follow it (never "lose the unsaved
# plan": nothing is lost), and y quits; a hang-up mid-create leaves no
# draft of the submitted plan; after the quit, the hang-up and a kill -9 of
# the screens mid-create, the next akswiz --sandbox watch follows all three.  Skipped without tmux.  Polls,
# never sleeps for a fixed time.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
(umask 077; mkdir -p "$work/tmp"; cat >"$work/sbenv.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export TMPDIR=$work/tmp AKSWIZ_POLL_MIN_MS=200
export AKSWIZ_SANDBOX_OPTIONS="--polls 100000 --retry-after 0 --allow-legacy-create"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION
EOT
)

# submit NAME: the wizard of "akswiz --sandbox create" in session t, to the
# progress screen of a submitted create of NAME.  After a kill -9 the
# terminal is left raw, so the exit line comes after stty sane, on a line
# of its own (a long build path made it wrap across lines).
submit() {
	$T new-session -d -s t -x 80 -y 24 ". $work/sbenv.sh; \
	    $AKSWIZ --sandbox create --compute-type AKS; st=\$?; stty sane; echo; \
	    echo akswiz-exit=\$st; exec cat"
	wait_for "Step 1 of 6" "the wizard opens"
	$T send-keys -t t -l "$1"
	wait_for "[$1" "the name is typed"
	for step in 2 3 4 5 6; do
		$T send-keys -t t Enter
		wait_for "Step $step of 6" "step $step"
	done
	$T send-keys -t t Enter
	wait_for "Review the plan" "the review"
	$T send-keys -t t Enter
	wait_for "the operation goes on" "the create of $1 is followed"
	wait_for " s  Creating" "and reached Azure (a state from it)"
}

$T new-session -d -s keep "exec cat"
submit ml-quit
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

# A hang-up (a dropped SSH session) mid-create: the journal holds the
# plan, so no draft of it is left to submit a second time.
submit ml-hup
shell=$($T display -p -t t '#{pane_pid}')
kill -HUP $(pgrep -P "$shell")
wait_for "akswiz-exit=129" "akswiz ends on the hang-up"
if grep -q '"ml-hup"' "$work/state/akswiz/draft.json" 2>/dev/null; then
	not_ok "no draft of the submitted plan is left"
	sed 's/^/#   /' "$work/state/akswiz/draft.json"
else
	ok "no draft of the submitted plan is left"
fi
$T kill-session -t t

# A kill -9 of the screens mid-create: the next run's watch follows the
# creates to their end (the world kept them).
submit ml-kill
shell=$($T display -p -t t '#{pane_pid}')
kill -KILL $(pgrep -P "$shell")
wait_for "akswiz-exit=137" "akswiz is killed mid-create"
$T kill-session -t t
. "$work/sbenv.sh"
AKSWIZ_SANDBOX_OPTIONS="--polls 2 --retry-after 0 --allow-legacy-create" AKSWIZ_POLL_MIN_MS=20 \
    timeout 60 $AKSWIZ --sandbox watch >"$work/out" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "create of ml-kill succeeded" "$work/out"; then
	ok "the next akswiz --sandbox watch follows the killed create to its end"
else
	not_ok "the next akswiz --sandbox watch follows the killed create to its end"
	sed 's/^/#   /' "$work/out" "$work/err"
fi
if grep -q "create of ml-quit succeeded" "$work/out"; then
	ok "and the one left by the quit"
else
	not_ok "and the one left by the quit"
fi
if grep -q "create of ml-hup succeeded" "$work/out"; then
	ok "and the one left by the hang-up"
else
	not_ok "and the one left by the hang-up"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
