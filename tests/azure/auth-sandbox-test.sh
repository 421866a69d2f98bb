#!/bin/sh
# Sign-in against the real akswiz-sandbox over HTTPS with its private CA:
# akswiz login (secret, certificate, device code), account, logout; the
# token cache's modes; a refused secret; an untrusted CA; --debug and the
# cache searched for the secrets used; silent refresh of short-lived
# tokens on ARM calls.
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
AKSWIZ="$top_builddir/akswiz"
SANDBOX="$top_builddir/akswiz-sandbox"
ARMGET="$top_builddir/tests/azure/arm-get"
if [ ! -x "$SANDBOX" ] || [ ! -x "$AKSWIZ" ]; then
	echo "1..0 # SKIP akswiz-sandbox or akswiz not built"
	exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-auth.XXXXXX")
SB_PID=
n=0
failed=0
cleanup() {
	[ -n "$SB_PID" ] && { kill "$SB_PID" 2>/dev/null; wait "$SB_PID" 2>/dev/null; }
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
		echo "not ok $n - $2"; failed=$((failed + 1))
		[ -s "$T/err" ] && sed 's/^/#   stderr: /' "$T/err" | head -n 10
		[ -s "$T/out" ] && sed 's/^/#   stdout: /' "$T/out" | head -n 10
	fi
}
has() { grep -F -q -- "$2" "$1"; ok $? "$3"; }
hasnt() { if grep -F -q -- "$2" "$1"; then ok 1 "$3"; else ok 0 "$3"; fi; }
ready_get() {
	sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" "$T/ready.json" | head -n 1
}

# sb_start [SANDBOX OPTIONS]: a private sandbox; waits for its ready file.
sb_start() {
	rm -f "$T/ready.json"
	"$SANDBOX" --ready-file "$T/ready.json" --journal "$T/journal.log" \
	    --state-dir "$T/sb" "$@" >"$T/sandbox.out" 2>"$T/sandbox.err" &
	SB_PID=$!
	i=0
	while [ ! -s "$T/ready.json" ]; do
		kill -0 "$SB_PID" 2>/dev/null || {
			echo "1..0 # SKIP akswiz-sandbox did not start"
			sed 's/^/# /' "$T/sandbox.err"; exit 0; }
		i=$((i + 1))
		[ $i -gt 1000 ] && { echo "Bail out! sandbox not ready"; exit 1; }
		sleep 0.01
	done
	URL=$(ready_get endpoint)
	AUTH=$(ready_get authority)
	CA=$(ready_get caFile)
	TENANT=$(ready_get tenantId)
	CLIENT=$(ready_get clientId)
	SECRET=$(ready_get clientSecret)
	SUB=$(ready_get subscriptionId)
}
sb_stop() { kill "$SB_PID" 2>/dev/null; wait "$SB_PID" 2>/dev/null; SB_PID=; }

# run [ENV=...] -- akswiz arguments: stdout $T/out, stderr $T/err, $rc
run() {
	env "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

export XDG_CACHE_HOME="$T/cache" HOME="$T/home" PATH=/usr/bin:/bin
unset AZURE_TENANT_ID AZURE_CLIENT_ID AZURE_CLIENT_SECRET SSL_CERT_FILE \
    REQUESTS_CA_BUNDLE AZURE_CLIENT_CERTIFICATE_PATH IDENTITY_ENDPOINT \
    MSI_ENDPOINT AKSWIZ_ENDPOINT AKSWIZ_AUTHORITY AZURE_AUTHORITY_HOST \
    AKSWIZ_FAKE_CLOCK

# A second service principal that signs in with a certificate only.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/sp.key" \
    -out "$T/sp.crt" -days 2 -subj "/CN=akswiz-cert-sp" >/dev/null 2>&1
cat "$T/sp.crt" "$T/sp.key" > "$T/sp.pem"
PEMJSON=$(awk '{ printf "%s\\n", $0 }' "$T/sp.crt")
sed "s|\"servicePrincipals\": \[|\"servicePrincipals\": [ { \"clientId\": \"c0ffee00-0000-4000-8000-0000000000c1\", \"objectId\": \"c0ffee00-0000-4000-8000-0000000000c2\", \"displayName\": \"cert sp\", \"certificates\": [\"$PEMJSON\"] },|" \
    "$top_srcdir/data/sandbox-world.json" > "$T/world.json"

sb_start --world "$T/world.json"
A="$AKSWIZ --endpoint $URL --authority $AUTH --ca-file $CA"

run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="$SECRET" $A login --debug="$T/debug.log"
ok $rc "login with AZURE_CLIENT_SECRET (exit $rc)"
has "$T/out" "$CLIENT" "login shows the client"
mode=$(stat -c %a "$T/cache/akswiz" 2>/dev/null)
[ "$mode" = 700 ]; ok $? "cache directory 0700 ($mode)"
mode=$(stat -c %a "$T/cache/akswiz/tokens.json" 2>/dev/null)
[ "$mode" = 600 ]; ok $? "token cache 0600 ($mode)"
hasnt "$T/cache/akswiz/tokens.json" "$SECRET" "the client secret is not cached"
TOKEN=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' \
    "$T/cache/akswiz/tokens.json" | head -n 1)
[ -n "$TOKEN" ]; ok $? "the access token is cached"
hasnt "$T/debug.log" "$SECRET" "--debug log: no client secret"
hasnt "$T/debug.log" "$TOKEN" "--debug log: no access token"
has "$T/debug.log" "client_secret=[REDACTED]" "--debug log: the form is there, redacted"
hasnt "$T/journal.log" "$SECRET" "sandbox journal: no client secret"

run $A account -o json
ok $rc "account from the cache"
has "$T/out" "\"tenant\": \"$TENANT\"" "account: tenant"
has "$T/out" "\"method\": \"secret\"" "account: how it signed in"

run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="not-$SECRET" $A login --service-principal
[ $rc = 4 ]; ok $? "a wrong secret: exit 4 ($rc)"
has "$T/err" "invalid_client" "the service's reason is shown"
hasnt "$T/err" "not-$SECRET" "the wrong secret is not echoed"

run $A login --client-secret "$SECRET"
[ $rc = 2 ]; ok $? "--client-secret on the command line is refused ($rc)"

echo "$SECRET" > "$T/secret"
run $A login --service-principal --tenant "$TENANT" --client-id "$CLIENT" \
    --client-secret-file "$T/secret"
ok $rc "login with --client-secret-file"

run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID=c0ffee00-0000-4000-8000-0000000000c1 \
    AZURE_CLIENT_CERTIFICATE_PATH="$T/sp.pem" $A login -o json
ok $rc "login with a certificate (JWT client assertion)"
has "$T/out" "\"method\": \"certificate\"" "method certificate"
has "$T/out" "c0ffee00-0000-4000-8000-0000000000c2" "the certificate principal's object id"
has "$T/journal.log" "client_assertion" "the sandbox received an assertion"

openssl pkey -in "$T/sp.key" -aes256 -passout pass:pw0rd \
    -out "$T/sp-enc.key" >/dev/null 2>&1
cat "$T/sp.crt" "$T/sp-enc.key" > "$T/sp-enc.pem"
run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID=c0ffee00-0000-4000-8000-0000000000c1 \
    AZURE_CLIENT_CERTIFICATE_PATH="$T/sp-enc.pem" $A login
[ $rc = 4 ]; ok $? "an encrypted key without its pass phrase: exit 4 ($rc)"
has "$T/err" "AZURE_CLIENT_CERTIFICATE_PASSWORD" "says how to give the pass phrase"
run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID=c0ffee00-0000-4000-8000-0000000000c1 \
    AZURE_CLIENT_CERTIFICATE_PATH="$T/sp-enc.pem" \
    AZURE_CLIENT_CERTIFICATE_PASSWORD=pw0rd \
    AZURE_CLIENT_SEND_CERTIFICATE_CHAIN=true $A login
ok $rc "with AZURE_CLIENT_CERTIFICATE_PASSWORD (and x5c sent)"

# real time: the sandbox answers slow_down to polls faster than its
# interval (1 s in the default world; it approves after 2 polls)
run $A login --device-code --tenant "$TENANT"
ok $rc "device code login (the sandbox approves after its polls)"
has "$T/err" "/devicelogin" "the verification URL is shown"
run $A account
has "$T/out" "alice@" "account: the user"

run $A logout
ok $rc "logout"
has "$T/out" "Removed 3 cached sign-ins." "logout removes the entries"
run $A account
[ $rc = 4 ]; ok $? "after logout: not signed in (exit $rc)"
has "$T/err" "akswiz login" "and says how to sign in"

run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="$SECRET" $AKSWIZ --endpoint "$URL" \
    --authority "$AUTH" login
[ $rc = 4 ]; ok $? "without --ca-file the private CA is not trusted ($rc)"
host=${AUTH#https://}
has "$T/err" "$host" "the error names the host"
has "$T/err" "--ca-file" "and how to trust a CA"

run AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="$SECRET" SSL_CERT_FILE="$CA" $AKSWIZ \
    --endpoint "$URL" --authority "$AUTH" login
ok $rc "SSL_CERT_FILE adds the CA"
sb_stop

# Short-lived tokens: each ARM call still succeeds, refreshed silently.
rm -rf "$T/cache" "$T/journal.log"
sb_start --world "$T/world.json" --token-lifetime 2
run AKSWIZ_ENDPOINT="$URL" AKSWIZ_AUTHORITY="$AUTH" SSL_CERT_FILE="$CA" \
    AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="$SECRET" "$ARMGET" -n 3 \
    "/subscriptions?api-version=2022-12-01"
ok $rc "three ARM calls with 2-second tokens all answer 200"
has "$T/out" "handshakes 1" "one TLS connection for sign-in and ARM"
c401=$(grep '"path":"/subscriptions"' "$T/journal.log" | grep -c '"status":401')
[ "$c401" = 0 ]; ok $? "no call went out with an expired token ($c401 x 401)"
ctok=$(grep -c '"path":"/[^"]*/oauth2/v2.0/token"' "$T/journal.log")
[ "$ctok" = 3 ]; ok $? "a token within 5 minutes of expiry is renewed before each call ($ctok token requests)"
sb_stop

# Faults: 429, 503, a reset and a truncated body on the first calls; the
# fake clock makes the client's backoff instant.
rm -rf "$T/cache" "$T/journal.log"
sb_start --world "$T/world.json" --faults \
    "GET:subscriptions=429:retry-after=0#1;GET:subscriptions=503:retry-after=0#1;GET:subscriptions=reset-before#1;GET:subscriptions=truncate#1"
run AKSWIZ_FAKE_CLOCK=2030-01-01T00:00:00Z AKSWIZ_ENDPOINT="$URL" \
    AKSWIZ_AUTHORITY="$AUTH" SSL_CERT_FILE="$CA" \
    AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="$SECRET" ARM_GET_DEBUG="$T/faults.log" \
    "$ARMGET" -n 2 "/subscriptions?api-version=2022-12-01"
ok $rc "429, 503, reset and truncation: the calls still succeed"
first=$(head -n 1 "$T/out")
case $first in "200 "[345]) ok 0 "the first call retried ($first)";;
	*) ok 1 "the first call retried ($first)";; esac
second=$(sed -n 2p "$T/out")
[ "$second" = "200 1" ]; ok $? "the second took one ($second)"
got=$(grep -c '"path":"/subscriptions"' "$T/journal.log")
[ "$got" = 6 ]; ok $? "the sandbox saw 4 faults and 2 answers ($got)"
hasnt "$T/faults.log" "$SECRET" "the debug log of the retries has no secret"
sb_stop

# A create whose connection is reset before the answer is not sent again
# (neither by akswiz nor by libcurl's own retry of reused connections).
rm -f "$T/journal.log"
sb_start --world "$T/world.json" --faults "PUT:*=reset-before#1"
CPATH="/subscriptions/$SUB/resourceGroups/x/providers/Microsoft.MachineLearningServices/workspaces/y/computes/z?api-version=2024-04-01"
run AKSWIZ_FAKE_CLOCK=2030-01-01T00:00:00Z AKSWIZ_ENDPOINT="$URL" \
    AKSWIZ_AUTHORITY="$AUTH" SSL_CERT_FILE="$CA" \
    AZURE_TENANT_ID="$TENANT" AZURE_CLIENT_ID="$CLIENT" \
    AZURE_CLIENT_SECRET="$SECRET" "$ARMGET" -c "$CPATH"
[ $rc = 1 ]; ok $? "a create with its connection reset fails ($rc)"
has "$T/out" "error cannot reach" "with a network error for the caller to look first"
got=$(grep -c '"method":"PUT"' "$T/journal.log")
[ "$got" = 1 ]; ok $? "exactly one PUT reached the sandbox ($got)"
sb_stop

echo "1..$n"
[ $failed -eq 0 ]
