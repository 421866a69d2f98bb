#!/bin/sh
# akswiz-sandbox --journal through the real server: the line of a PUT that
# carries a TLS certificate and key, of a device-code sign-in and of an
# unauthenticated call; chosen headers only, sorted keys, decoded query,
# and no secret anywhere in the file.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --allow-legacy-create --journal "$T/journal"
V=api-version=2024-04-01
CLI=04b07795-8ddb-461a-bbee-02f9e1bf7b46
KEYLINE=MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC7testkeybody
CERTLINE=MIIDazCCAlOgAwIBAgIUtestcertificatebody

# A compute with a customer certificate (fake PEM bodies: only their
# presence in the journal is tested).
body="{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\",\"properties\":{\"agentCount\":3,\"agentVmSize\":\"Standard_D3_v2\",\"clusterPurpose\":\"FastProd\",\"sslConfiguration\":{\"status\":\"Enabled\",\"cert\":\"-----BEGIN CERTIFICATE-----\\n$CERTLINE\\n-----END CERTIFICATE-----\",\"key\":\"-----BEGIN PRIVATE KEY-----\\n$KEYLINE\\n-----END PRIVATE KEY-----\",\"cname\":\"ml.contoso.com\"}}}}"
STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X PUT \
    -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' \
    -H 'x-ms-client-request-id: 0f6c3d52-9d1e-4b7a-8c2f-5e4d3c2b1a00' \
    -H 'X-Other: not journalled' --data-binary "$body" \
    "$EP$WSP/computes/tlsjournal?$V")
is "$STATUS" 201 "a PUT with a certificate and key"
line=$(grep '"method":"PUT"' "$T/journal")
like "$line" '*"query":{"api-version":"2024-04-01"},"headers":{"authorization":"Bearer <redacted>","content-type":"application/json",*"x-ms-client-request-id":"0f6c3d52-9d1e-4b7a-8c2f-5e4d3c2b1a00"},"body":{"location":"eastus","properties":{*' \
    "its line: query, chosen headers, the body"
like "$line" '*"sslConfiguration":{"cert":"<redacted>","cname":"ml.contoso.com","key":"<redacted>","status":"Enabled"}*"status":201}' \
    "  with sorted keys, cert and key redacted, the status"
case "$line" in *X-Other*|*x-other*) tap 1 "  unchosen headers left out" ;;
*) tap 0 "  unchosen headers left out" ;; esac

# A device code sign-in.
$CURL -o "$T/body" "$EP/organizations/oauth2/v2.0/devicecode" \
    -d client_id=$CLI -d scope=https://management.azure.com/.default
dc=$(j .device_code)
$CURL -o "$T/body" "$EP/organizations/oauth2/v2.0/token" \
    -d grant_type=urn:ietf:params:oauth:grant-type:device_code \
    -d client_id=$CLI -d device_code="$dc"
line=$(grep '"device_code":' "$T/journal")
like "$line" '*"body":{"client_id":"04b07795-8ddb-461a-bbee-02f9e1bf7b46","device_code":"<redacted>","grant_type":"urn:ietf:params:oauth:grant-type:device_code"},"status":400}' \
    "a poll: the form as an object, the device code redacted"

# No token: the line says 401 and has no authorization header.
$CURL -o /dev/null "$EP/subscriptions?api-version=2022-12-01&%24top=5"
like "$(tail -n 1 "$T/journal")" '*"path":"/subscriptions","query":{"$top":"5","api-version":"2022-12-01"},"headers":{"user-agent":"curl/*"},"body":null,"status":401}' \
    "an unauthenticated call: decoded query, status 401"

secret=$("$JGET" .clientSecret <"$T/ready.json")
leaked=
for s in "$secret" "$TOK" "$dc" "$KEYLINE" "$CERTLINE" "BEGIN"; do
	grep -qF -- "$s" "$T/journal" && leaked="$leaked ${s%"${s#??????}"}..."
done
is "$leaked" "" "no secret, token, code, key or PEM block in the journal"
n=$(wc -l <"$T/journal")
is "$n" 5 "one line per request (token, PUT, devicecode, poll, GET)"
done_testing
