# Shared by the real-terminal tests: tmux on a private socket, TAP helpers,
# wait_for (polls the pane, never sleeps for a fixed time), and a sandbox
# whose every answer is slow.  Source it; it skips the test without tmux.
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
SB_PID=
trap '$T kill-server >/dev/null 2>&1; [ -n "$SB_PID" ] && kill $SB_PID; rm -rf "$work"' EXIT


# slow_sandbox_start [FAULTS [OPTIONS]]: a sandbox answering each request
# after a second (or with the --faults and the options given), its request
# journal in $work/journal.log;
# sets ENVS (a command that loads the session's environment from a 0600
# file, so that the client secret is in no command line) and ARGS (the
# endpoint and scope options).
slow_sandbox_start() {
	if [ -n "$SB_PID" ]; then	# never orphan a sandbox started before
		kill "$SB_PID" 2>/dev/null
		wait "$SB_PID" 2>/dev/null
		SB_PID=
	fi
	rm -f "$work/ready.json"
	_faults=${1:-*=latency:1000ms}
	[ $# -gt 0 ] && shift
	"$top_builddir/akswiz-sandbox" --ready-file "$work/ready.json" \
	    --state-dir "$work/sb" --journal "$work/journal.log" \
	    --faults "$_faults" "$@" \
	    >/dev/null 2>"$work/sandbox.err" &
	SB_PID=$!
	i=0
	while [ ! -s "$work/ready.json" ] && [ $i -lt 400 ]; do
		i=$((i + 1)); sleep 0.05
	done
	get() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" "$work/ready.json"; }
	(umask 077; cat >"$work/env.sh" <<EOT
export LC_ALL=C.UTF-8 TERM=screen HOME=$work XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export AZURE_TENANT_ID=$(get tenantId) AZURE_CLIENT_ID=$(get clientId)
export AZURE_CLIENT_SECRET=$(get clientSecret)
EOT
	)
	ENVS=". $work/env.sh;"
	ARGS="--endpoint $(get endpoint) --authority $(get authority) \
	    --ca-file $(get caFile) --subscription $(get subscriptionId) \
	    -g $(get resourceGroup) -w $(get workspace)"
}
