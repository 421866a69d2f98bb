#!/bin/sh
# Answers that are malformed, of the wrong shape, HTML, nested too deep or
# too big for http.c's cap: each command fails with a clear message and
# exit status 5, and never crashes (tests/http/badserver serves them).
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-bad.XXXXXX")
PID=
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
CERTS="$top_srcdir/tests/azure/certs"
export XDG_CACHE_HOME="$T/cache" XDG_STATE_HOME="$T/state" HOME="$T"
export XDG_CONFIG_HOME="$T/config"
export AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET=s
n=0
failed=0

start() {
	rm -f "$T/port"
	"$top_builddir/tests/http/badserver" "$1" "$CERTS/server.pem" \
	    "$CERTS/server-key.pem" "$T/port" 2>"$T/server.err" &
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
	URL="https://127.0.0.1:$(cat "$T/port")"
}

stop() {
	kill "$PID" 2>/dev/null
	wait "$PID" 2>/dev/null
	PID=
}

# check MODE TEXT ARGS...: akswiz ARGS exits 5 with a message, no crash.
check() {
	mode=$1 text=$2
	shift 2
	timeout 60 "$top_builddir/akswiz" --endpoint "$URL" --authority "$URL" \
	    --ca-file "$CERTS/ca.pem" --subscription s -g g -w w "$@" \
	    >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	n=$((n + 1))
	if [ $rc -eq 5 ] && grep -q '^akswiz: ' "$T/err" &&
	    ! grep -q -i 'segmentation\|core dumped\|abort' "$T/err"; then
		echo "ok $n - $mode: $text ($(head -n 1 "$T/err"))"
	else
		echo "not ok $n - $mode: $text (exit $rc)"
		sed 's/^/#   /' "$T/err" | head -n 5
		failed=$((failed + 1))
	fi
}

for mode in malformed html shape deep huge; do
	start $mode
	check $mode "list fails clearly" list
	check $mode "show fails clearly" show x
	check $mode "versions fails clearly" versions -l eastus
	check $mode "vm-sizes fails clearly" vm-sizes -l eastus
	check $mode "clusters fails clearly" clusters
	stop
done

# A 4 MB header is named as such, not "Out of memory" (issue 10, 22).
start bigheader
check bigheader "a header too large is said" list
n=$((n + 1))
if grep -q "has a header larger than libcurl accepts" "$T/err" &&
    ! grep -q -i "out of memory" "$T/err"; then
	echo "ok $n - bigheader: says the header is too large"
else
	echo "not ok $n - bigheader: says the header is too large"
	sed 's/^/#   /' "$T/err" | head -n 5
	failed=$((failed + 1))
fi
stop
echo "1..$n"
[ $failed -eq 0 ]
