#!/bin/sh
# The masked client-secret prompt on a real terminal (tmux): `akswiz login
# --service-principal` with no secret in the environment asks for it on
# the tty without echo, signs in to akswiz-sandbox, and the secret never
# shows on the screen.  Skipped without tmux.  Polls, never sleeps for a
# fixed time.
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "1..0 # SKIP tmux not found"
	exit 0
fi
AKSWIZ="$top_builddir/akswiz"
SANDBOX="$top_builddir/akswiz-sandbox"
W=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-prompt.XXXXXX") || exit 99
T="$TMUX_BIN -L akswizp$$ -f /dev/null"
. "$top_srcdir/tests/tmux/wait.sh"
unset TMUX
SB_PID=
cleanup() {
	$T kill-server >/dev/null 2>&1
	[ -n "$SB_PID" ] && { kill "$SB_PID" 2>/dev/null; wait "$SB_PID" 2>/dev/null; }
	rm -rf "$W"
}
trap cleanup EXIT

"$SANDBOX" --ready-file "$W/ready.json" --state-dir "$W/sb" \
    >"$W/sb.out" 2>&1 &
SB_PID=$!
i=0
while [ ! -s "$W/ready.json" ]; do
	kill -0 "$SB_PID" 2>/dev/null || { echo "1..0 # SKIP no sandbox"; exit 0; }
	i=$((i + 1))
	[ $i -gt 1000 ] && { echo "Bail out! sandbox not ready"; exit 1; }
	sleep 0.01
done
get() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" "$W/ready.json"; }
URL=$(get endpoint)
CA=$(get caFile)
TENANT=$(get tenantId)
CLIENT=$(get clientId)
SECRET=$(get clientSecret)


$T new-session -d -s keep "exec cat"
$T new-session -d -s t -x 100 -y 20 "env -u AZURE_CLIENT_SECRET \
    XDG_CACHE_HOME=$W/cache HOME=$W LC_ALL=C.UTF-8 $AKSWIZ --endpoint $URL \
    --authority $URL --ca-file $CA login --service-principal --tenant \
    $TENANT --client-id $CLIENT; echo EXIT \$?; exec cat"
wait_for "Client secret:" "the secret is asked for on the terminal"
$T send-keys -t t -l "$SECRET"
$T send-keys -t t Enter
wait_for "EXIT 0" "signed in with the typed secret"
if $T capture-pane -p -t t | grep -q -F -- "$SECRET"; then
	not_ok "the typed secret was not echoed"
else
	ok "the typed secret was not echoed"
fi
if grep -q -F -- "$SECRET" "$W/cache/akswiz/tokens.json"; then
	not_ok "and is not in the token cache"
else
	ok "and is not in the token cache"
fi
echo "1..$n"
[ $failed -eq 0 ]
