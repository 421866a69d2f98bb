#!/bin/sh
# The ARM token goes to Resource Manager and nowhere else: a nextLink or
# an Azure-AsyncOperation naming another host (tests/http/badserver
# under the name localhost, while akswiz talks to 127.0.0.1) is refused
# with a clear message, and that host receives nothing; a 403
# AuthorizationFailed is not a failed sign-in; a redirect is not followed.
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-host.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
CERTS="$top_srcdir/tests/azure/certs"
export XDG_CACHE_HOME="$T/cache" XDG_STATE_HOME="$T/state" HOME="$T"
export XDG_CONFIG_HOME="$T/config" AKSWIZ_POLL_MIN_MS=20
export AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET=s
unset AKSWIZ_ENDPOINT AKSWIZ_AUTHORITY SSL_CERT_FILE REQUESTS_CA_BUNDLE
n=0
failed=0

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		sed 's/^/#   stderr: /' "$T/err" | head -n 6
		[ -s "$T/log" ] && sed 's/^/#   server: /' "$T/log" | tail -n 4
	fi
	return 0
}

start() {
	rm -f "$T/port" "$T/log"
	"$top_builddir/tests/http/badserver" "$1" "$CERTS/server.pem" \
	    "$CERTS/server-key.pem" "$T/port" "$T/log" 2>"$T/server.err" &
	PID=$!
	i=0
	while [ ! -s "$T/port" ]; do
		if ! kill -0 "$PID" 2>/dev/null; then
			wait "$PID"
			[ $? -eq 77 ] && { echo "1..0 # SKIP no TLS in libmicrohttpd"; exit 0; }
			echo "Bail out! badserver did not start"; exit 1
		fi
		i=$((i + 1))
		[ $i -gt 2000 ] && { echo "Bail out! badserver not ready"; exit 1; }
		sleep 0.01
	done
	PORT=$(cat "$T/port")
	URL="https://127.0.0.1:$PORT"
}

stop() {
	kill "$PID" 2>/dev/null
	wait "$PID" 2>/dev/null
	PID=
}

run() {
	timeout 60 "$top_builddir/akswiz" --endpoint "$URL" --authority "$URL" \
	    --ca-file "$CERTS/ca.pem" \
	    --subscription 00000000-0000-0000-0000-000000000001 -g g -w w "$@" \
	    >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# A nextLink on another host.
start foreign-next
run list
[ $rc -eq 5 ]
ok $? "list: a nextLink on another host fails with exit 5 (got $rc)"
grep -q "localhost:$PORT" "$T/err" && grep -q 'not Resource Manager' "$T/err"
ok $? "list: the message names the host and why"
grep -q "^localhost" "$T/log"
[ $? -ne 0 ]
ok $? "list: nothing reached the other host (no token, no request)"
grep -q "^127.0.0.1:$PORT GET .*/computes auth=yes" "$T/log"
ok $? "list: Resource Manager itself got the token"
stop

# An Azure-AsyncOperation on another host.
start foreign-op
run detach c1 --yes
[ $rc -eq 5 ]
ok $? "detach: a poll URL on another host fails with exit 5 (got $rc)"
grep -q "localhost:$PORT" "$T/err" && grep -q 'not Resource Manager' "$T/err"
ok $? "detach: the message names the host and why"
grep -q "^localhost" "$T/log"
[ $? -ne 0 ]
ok $? "detach: nothing reached the other host"
grep -q "DELETE .*/computes/c1" "$T/log"
ok $? "detach: the DELETE itself went to Resource Manager"
stop

# 403 AuthorizationFailed: a missing role, not a failed sign-in.
start forbidden
run list
[ $rc -eq 5 ]
ok $? "403 AuthorizationFailed: exit 5, not 4 (sign-in failed) (got $rc)"
grep -q 'AuthorizationFailed: The client' "$T/err"
ok $? "403: the service's words"
grep -q -i 'sign-in\|sign in' "$T/err"
[ $? -ne 0 ]
ok $? "403: no word of sign-in"
stop

# A redirect is not followed (the token would follow it).
start redirect
run list
[ $rc -eq 5 ]
ok $? "302: exit 5 (got $rc)"
grep -q 'redirect to login.example.net' "$T/err"
ok $? "302: says where it pointed"
grep -q "^login" "$T/log"
[ $? -ne 0 ]
ok $? "302: not followed"
stop

echo "1..$n"
[ $failed -eq 0 ]
