# tests/sandbox/lib.sh: start akswiz-sandbox for one test (its own folder,
# port 0, TLS with its own CA, operations that end after $POLLS polls) and
# talk to it with curl(1) as a client written for Azure would.  TAP out.
set -u
SB="$top_builddir/akswiz-sandbox"
JGET="$top_builddir/tests/sandbox/jget"
WORLD="${WORLD:-$top_srcdir/data/sandbox-world.json}"
T=$(mktemp -d "${TMPDIR:-/tmp}/sbtest.XXXXXX")
SB_PID=
tap_n=0
tap_failed=0

sandbox_stop() {
	if [ -n "$SB_PID" ]; then
		kill -TERM "$SB_PID" 2>/dev/null
		wait "$SB_PID" 2>/dev/null
		SB_STATUS=$?
		SB_PID=
		if [ "$SB_STATUS" != 0 ]; then
			sed 's/^/# sandbox: /' "$T/sb.err" | head -n 60
		fi
	fi
}
cleanup() { sandbox_stop; rm -rf "$T"; }
trap cleanup EXIT

tap() {	# tap 0|1 DESC
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}
is() {	# is GOT WANT DESC
	if [ "$1" = "$2" ]; then tap 0 "$3"; else
		tap 1 "$3"; echo "#   got: '$1'"; echo "#  want: '$2'"; fi
}
like() {	# like GOT GLOB DESC
	case "$1" in
	$2) tap 0 "$3" ;;
	*) tap 1 "$3"; echo "#   got: '$1'"; echo "#  want: $2" ;;
	esac
}
done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" = 0 ]
	exit $?
}

# Start the sandbox (extra arguments pass through) and sign in as the
# built-in service principal of the ready file.
sandbox_start() {
	sandbox_stop	# never orphan a sandbox started before
	rm -f "$T/ready.json"
	"$SB" --world "$WORLD" --state-dir "$T/st" --ready-file "$T/ready.json" \
	    --polls "${POLLS:-2}" --retry-after 0 "$@" \
	    >"$T/sb.out" 2>"$T/sb.err" &
	SB_PID=$!
	i=0
	while [ ! -s "$T/ready.json" ] && [ $i -lt 200 ]; do
		kill -0 "$SB_PID" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -s "$T/ready.json" ]; then
		echo "Bail out! akswiz-sandbox did not start: $(cat "$T/sb.err")"
		exit 1
	fi
	EP=$("$JGET" .endpoint <"$T/ready.json")
	CA=$("$JGET" .caFile <"$T/ready.json")
	TENANT=$("$JGET" .tenantId <"$T/ready.json")
	SUB=$("$JGET" .subscriptionId <"$T/ready.json")
	RG=$("$JGET" .resourceGroup <"$T/ready.json")
	WS=$("$JGET" .workspace <"$T/ready.json")
	CURL="curl -s --max-time 20"
	[ -n "$CA" ] && CURL="$CURL --cacert $CA"
	$CURL -o "$T/token.json" "$EP/$TENANT/oauth2/v2.0/token" \
	    -d grant_type=client_credentials \
	    -d client_id="$("$JGET" .clientId <"$T/ready.json")" \
	    --data-urlencode \
	    client_secret="$("$JGET" .clientSecret <"$T/ready.json")" \
	    -d scope=https://management.azure.com/.default
	TOK=$("$JGET" .access_token <"$T/token.json")
	WSP="/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.MachineLearningServices/workspaces/$WS"
}

# arm METHOD PATH-OR-URL [BODY]: sets STATUS; body in $T/body, headers
# in $T/headers.  NOAUTH=1 sends no token.
arm() {
	url=$2
	case "$url" in http*) ;; *) url="$EP$url" ;; esac
	set -- "$1" "$url" "${3-}"
	if [ "${NOAUTH:-0}" = 1 ]; then auth="X-No-Auth: 1"; else
		auth="Authorization: Bearer $TOK"; fi
	if [ -n "$3" ]; then
		STATUS=$($CURL -o "$T/body" -D "$T/headers" -w '%{http_code}' \
		    -X "$1" -H "$auth" -H 'Content-Type: application/json' \
		    --data-binary "$3" "$2")
	else
		STATUS=$($CURL -o "$T/body" -D "$T/headers" -w '%{http_code}' \
		    -X "$1" -H "$auth" "$2")
	fi
}
hdr() { grep -i "^$1:" "$T/headers" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
j() { "$JGET" "$@" <"$T/body"; }
# list_names PATH: the names of every page of the list at PATH (two a
# page at most), following nextLink, on one line.
list_names() {
	ln_out=
	ln_url=$1
	while [ -n "$ln_url" ]; do
		arm GET "$ln_url"
		ln_out="$ln_out $(j .value[0].name) $(j .value[1].name)"
		ln_url=$(j .nextLink)
	done
	echo $ln_out
}

# python_flow FLOW.py: run an SDK flow (/usr/bin/python3, $PY) against the
# sandbox; its TAP lines become ours, Python's own diagnostics comments;
# its exit status in $rc.  The SDK trusts the sandbox's CA through
# requests; no proxy for loopback.
python_flow() {
	(unset HTTPS_PROXY https_proxy HTTP_PROXY http_proxy
	READY="$T/ready.json" REQUESTS_CA_BUNDLE="$CA" NO_PROXY=127.0.0.1 \
	    PYTHONDONTWRITEBYTECODE=1 HOME="$T" \
	    "$PY" "$1" >"$T/py.out" 2>"$T/py.err")
	rc=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) tap 0 "${line#ok * - }" ;;
		"not ok "*) tap 1 "${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		esac
	done <"$T/py.out"
	sed 's/^/# python: /' "$T/py.err" | head -n 20
}
