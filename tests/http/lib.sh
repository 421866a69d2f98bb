# Helpers for the HTTP tests: the real akswiz against a real akswiz-sandbox
# over HTTPS (--ca-file), TAP output, and questions to the sandbox's
# request journal.  Sourced by tests/http/*-test.sh.
#
#   sb_start [SANDBOX OPTIONS]	start a private sandbox on 127.0.0.1:0
#   az ARGS...			run akswiz against it (scope options added);
#				stdout in $T/out, stderr in $T/err, status $rc
#   ok COND-STATUS TEXT, is GOT WANT TEXT, like FILE REGEX TEXT
#   requests METHOD PATH-REGEX	count journal lines (sandbox journal)
#   bad_start MODE		start tests/http/badserver MODE instead
#				($BAD_URL, $BAD_PORT; its requests in
#				$T/bad.log), bad_stop stops it
#   wait_request METHOD PATH-REGEX PID	wait for such a line
#   wait_until PID COMMAND...	wait for COMMAND to succeed
#   comp WORDS...		what completion/akswiz offers for the last
#				word, sorted, on one line
#
# Everything lives in a private directory removed at exit; the sandbox is
# stopped with SIGTERM.  No sleeps where polling works.

set -u
: "${top_builddir:?}" "${top_srcdir:?}"
AKSWIZ="$top_builddir/akswiz"
SANDBOX="$top_builddir/akswiz-sandbox"
T=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-http.XXXXXX")
SB_PID=
BAD_PID=
n=0
failed=0

cleanup() {
	if [ -n "$SB_PID" ]; then
		kill "$SB_PID" 2>/dev/null
		wait "$SB_PID" 2>/dev/null
	fi
	bad_stop
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		[ -s "$T/err" ] && sed 's/^/#   stderr: /' "$T/err" | head -n 15
		[ -s "$T/out" ] && sed 's/^/#   stdout: /' "$T/out" | head -n 15
	fi
	return 0
}

is() {
	if [ "$1" = "$2" ]; then ok 0 "$3"; else
		ok 1 "$3"; echo "#   got  \"$1\""; echo "#   want \"$2\""; fi
}

# like FILE ERE TEXT: FILE has a line matching ERE.
like() {
	grep -E -q -- "$2" "$1"
	ok $? "$3"
}

unlike() {
	if grep -E -q -- "$2" "$1"; then ok 1 "$3"; else ok 0 "$3"; fi
}

# The value of "key":"value" in the ready file.
ready_get() {
	sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" "$T/ready.json" | head -n 1
}

sb_start() {
	# A test that starts a second sandbox must not orphan the first.
	[ -n "$SB_PID" ] && sb_stop
	rm -f "$T/ready.json"
	"$SANDBOX" --ready-file "$T/ready.json" --journal "$T/journal.log" \
	    --state-dir "$T/sb" --retry-after 0 "$@" \
	    >"$T/sandbox.out" 2>"$T/sandbox.err" &
	SB_PID=$!
	i=0
	while [ ! -s "$T/ready.json" ]; do
		if ! kill -0 "$SB_PID" 2>/dev/null; then
			echo "Bail out! akswiz-sandbox did not start"
			cat "$T/sandbox.err"
			exit 1
		fi
		i=$((i + 1))
		if [ $i -gt 2000 ]; then
			echo "Bail out! akswiz-sandbox not ready"
			exit 1
		fi
		sleep 0.01
	done
	SB_URL=$(ready_get endpoint)
	SB_AUTH=$(ready_get authority)
	SB_CA=$(ready_get caFile)
	SB_SUB=$(ready_get subscriptionId)
	SB_RG=$(ready_get resourceGroup)
	SB_WS=$(ready_get workspace)
	SB_SECRET=$(ready_get clientSecret)
	export AZURE_TENANT_ID="$(ready_get tenantId)"
	export AZURE_CLIENT_ID="$(ready_get clientId)"
	export AZURE_CLIENT_SECRET="$SB_SECRET"
	export XDG_CACHE_HOME="$T/cache" XDG_STATE_HOME="$T/state"
	export XDG_CONFIG_HOME="$T/config" HOME="$T/home"
	export AKSWIZ_POLL_MIN_MS=20
	unset AKSWIZ_SUBSCRIPTION AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE
	unset AKSWIZ_ENDPOINT AKSWIZ_AUTHORITY SSL_CERT_FILE REQUESTS_CA_BUNDLE
}

sb_stop() {
	kill "$SB_PID" 2>/dev/null
	wait "$SB_PID" 2>/dev/null
	SB_PID=
}

# A deliberately bad Resource Manager (tests/http/badserver), with the
# environment of a service principal it accepts; skips without TLS.
bad_start() {
	rm -f "$T/bad.port" "$T/bad.log"
	"$top_builddir/tests/http/badserver" "$1" \
	    "$top_srcdir/tests/azure/certs/server.pem" \
	    "$top_srcdir/tests/azure/certs/server-key.pem" "$T/bad.port" \
	    "$T/bad.log" 2>"$T/bad.err" &
	BAD_PID=$!
	i=0
	while [ ! -s "$T/bad.port" ]; do
		if ! kill -0 "$BAD_PID" 2>/dev/null; then
			wait "$BAD_PID"
			[ $? -eq 77 ] && { echo "1..0 # SKIP no TLS in libmicrohttpd"; exit 0; }
			echo "Bail out! badserver did not start"; exit 1
		fi
		i=$((i + 1))
		[ $i -gt 2000 ] && { echo "Bail out! badserver not ready"; exit 1; }
		sleep 0.01
	done
	BAD_PORT=$(cat "$T/bad.port")
	BAD_URL="https://127.0.0.1:$BAD_PORT"
	BAD_CA="$top_srcdir/tests/azure/certs/ca.pem"
	export AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET=s
	export XDG_CACHE_HOME="$T/cache" XDG_STATE_HOME="$T/state"
	export XDG_CONFIG_HOME="$T/config" HOME="$T/home" AKSWIZ_POLL_MIN_MS=20
	unset AKSWIZ_SUBSCRIPTION AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE
	unset AKSWIZ_ENDPOINT AKSWIZ_AUTHORITY SSL_CERT_FILE REQUESTS_CA_BUNDLE
}

bad_stop() {
	if [ -n "$BAD_PID" ]; then
		kill "$BAD_PID" 2>/dev/null
		wait "$BAD_PID" 2>/dev/null
	fi
	BAD_PID=
}

# Run akswiz against the sandbox; "az -n ARGS" leaves out the scope.
az() {
	if [ "$1" = "-n" ]; then
		shift
		timeout 120 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
		    --ca-file "$SB_CA" "$@" >"$T/out" 2>"$T/err" </dev/null
	else
		timeout 120 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
		    --ca-file "$SB_CA" --subscription "$SB_SUB" -g "$SB_RG" \
		    -w "$SB_WS" "$@" >"$T/out" 2>"$T/err" </dev/null
	fi
	rc=$?
}

# A plan made by `akswiz plan new` into FILE (verdicts ignored).
plan_new() {
	f=$1
	shift
	"$AKSWIZ" plan new "$@" --subscription "$SB_SUB" -g "$SB_RG" \
	    -w "$SB_WS" >"$f" 2>/dev/null
}

# Journal lines of METHOD whose path matches ERE.
requests() {
	grep -c -E "\"method\":\"$1\",\"path\":\"$2\"" "$T/journal.log"
}

# wait_request METHOD PATH-ERE PID: poll the sandbox journal until such a
# request is in it (or PID has ended, or about 30 s have passed).
wait_request() {
	i=0
	until grep -q -E "\"method\":\"$1\",\"path\":\"$2" \
	    "$T/journal.log" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 3000 ] || ! kill -0 "$3" 2>/dev/null; then break; fi
		sleep 0.01
	done
}

# wait_until PID COMMAND...: poll until COMMAND succeeds (or PID has
# ended, or about 30 s have passed).
wait_until() {
	_pid=$1
	shift
	i=0
	until "$@"; do
		i=$((i + 1))
		if [ $i -gt 3000 ] || ! kill -0 "$_pid" 2>/dev/null; then break; fi
		sleep 0.01
	done
}

# step_polling COMPUTE STEP: a plan on COMPUTE has step STEP's operation
# journaled (the entry's current step, not an earlier one in its list).
step_polling() {
	for _f in "$T/state/akswiz/operations/"*-"$1"-*.json; do
		tr -d ' \n' <"$_f" 2>/dev/null |
		    grep -q "\"open\":true,.*\"step\":$2,[^[]*\"operationUrl\":\"https" &&
		    return 0
	done
	return 1
}

# kill_polling PLAN COMPUTE STEP: apply PLAN and kill -9 it while step
# STEP's operation runs; $kst is apply's status.
kill_polling() {
	"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
	    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" apply "$1" \
	    >"$T/apply.out" 2>&1 </dev/null &
	apply=$!
	wait_until $apply step_polling "$2" "$3"
	kill -9 $apply 2>/dev/null
	wait $apply 2>/dev/null
	kst=$?
}

done_testing() {
	echo "1..$n"
	[ $failed -eq 0 ]
}

# comp WORDS...: the completions completion/akswiz offers for the last word.
comp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
	    _akswiz; printf "%s\n" "${COMPREPLY[@]}"' sh \
	    "$top_srcdir/completion/akswiz" "$@" | sort | tr '\n' ' '
}
