#!/bin/sh
# The network never freezes the screen: against a sandbox that answers
# every request after a second, the wizard opens at once, says what it
# is reading, and keys keep working meanwhile; the answers arrive later.
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
T="$TMUX_BIN -L akswizl$$ -f /dev/null"
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
$T new-session -d -s t -x 80 -y 24 "$ENVS $AKSWIZ $ARGS create; exec cat"
wait_for "Step 1 of 6" "the wizard opens before any answer"
$T send-keys -t t -l "ml-slow"
wait_for "Reading the workspace's computes" "it says what it is reading"
wait_for "[ml-slow" "typing works while it reads"
$T send-keys -t t Enter Enter
wait_for "Step 3 of 6" "Next works while it reads"
wait_for "Reading the region's VM sizes" "the size step says the sizes are coming"
$T send-keys -t t F1
wait_for "Keys of this screen" "F1 shows the keys while it reads"
$T send-keys -t t Escape
wait_for "free" "the region's sizes and quota arrive later"
$T kill-session -t t

echo "1..$n"
[ "$failed" -eq 0 ]
