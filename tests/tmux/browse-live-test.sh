#!/bin/sh
# Browse in a real terminal (tmux): against a sandbox that answers every
# request after a second, the list opens at once and says it is reading,
# keys keep working meanwhile; then the list at 80x24, the detail full
# screen at 80x24 and beside the list at 200x60, with colours.
# Skipped without tmux.  Polls, never sleeps for a fixed time.
set -u
: "${top_builddir:?run from make check}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "1..0 # SKIP tmux not found"
	exit 0
fi
AKSWIZ="$top_builddir/akswiz"
work=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-tmux.XXXXXX") || exit 99
T="$TMUX_BIN -L akswizb$$ -f /dev/null"
SB_PID=
trap '$T kill-server >/dev/null 2>&1; [ -n "$SB_PID" ] && kill $SB_PID; rm -rf "$work"' EXIT
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# wait_for TEXT [DESCRIPTION]: poll the pane until TEXT shows, 20 s at most.
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		if $T capture-pane -p -t t 2>/dev/null | grep -q -F -- "$1"; then
			ok "${2:-shows $1}"
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "${2:-shows $1}"
	$T capture-pane -p -t t 2>/dev/null | sed 's/^/#   /'
	return 1
}

"$top_builddir/akswiz-sandbox" --ready-file "$work/ready.json" \
    --state-dir "$work/sb" --faults '*=latency:1000ms' \
    >/dev/null 2>"$work/sandbox.err" &
SB_PID=$!
i=0
while [ ! -s "$work/ready.json" ] && [ $i -lt 400 ]; do
	i=$((i + 1)); sleep 0.05
done
get() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" "$work/ready.json"; }
ENVS="env LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state \
    XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config \
    AZURE_TENANT_ID=$(get tenantId) AZURE_CLIENT_ID=$(get clientId) \
    AZURE_CLIENT_SECRET=$(get clientSecret)"
ARGS="--endpoint $(get endpoint) --authority $(get authority) \
    --ca-file $(get caFile) --subscription $(get subscriptionId) \
    -g $(get resourceGroup) -w $(get workspace)"


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
