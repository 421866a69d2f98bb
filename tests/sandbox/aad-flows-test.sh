#!/bin/sh
# akswiz-sandbox's Azure AD over HTTPS with curl(1), as a client written for
# Azure sees it: discovery, client credentials with a secret and with a
# certificate assertion made here with openssl(1) (RS256 + x5t, PS256 +
# x5t#S256), the device code flow to approval, refresh-token rotation, ARM's
# 401 for an expired token, and a journal that holds none of the secrets.
. "$top_srcdir/tests/sandbox/lib.sh"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
CERTSP=6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a
CLI=04b07795-8ddb-461a-bbee-02f9e1bf7b46

# A service principal with a certificate, added to a copy of the world.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/sp.key" \
    -out "$T/sp.pem" -days 2 -subj "/CN=akswiz test principal" 2>/dev/null
pem=$(awk '{ printf "%s\\\\n", $0 }' "$T/sp.pem")
# A 2-second device-code interval leaves a loaded machine room for the
# "immediate" second poll.
sed -e "s|\"servicePrincipals\": \[|\"servicePrincipals\": [ { \"clientId\": \"$CERTSP\", \"certificates\": [ \"$pem\" ] },|" \
    -e 's|"deviceCodeInterval": 1|"deviceCodeInterval": 2|' \
    "$top_srcdir/data/sandbox-world.json" >"$T/world.json"
WORLD="$T/world.json"
sandbox_start --token-lifetime 5 --journal "$T/journal"
AUTH="$EP/$TENANT/oauth2/v2.0"

# post URL [curl args]: sets STATUS, the answer in $T/body.
post() {
	url=$1
	shift
	STATUS=$($CURL -o "$T/body" -w '%{http_code}' "$url" "$@")
}

# Discovery.
STATUS=$($CURL -o "$T/body" -w '%{http_code}' \
    "$EP/$TENANT/v2.0/.well-known/openid-configuration")
is "$STATUS" 200 "openid configuration"
is "$(j .token_endpoint)" "$AUTH/token" "names the token endpoint"
is "$(j .device_authorization_endpoint)" "$AUTH/devicecode" \
    "names the devicecode endpoint"
jwks=$(j .jwks_uri)
STATUS=$($CURL -o "$T/body" -w '%{http_code}' "$jwks")
is "$STATUS/$(j .keys[0].kty)" 200/RSA "the JWKS it names has the RSA key"
kid=$(j .keys[0].kid)
hdr64=$(printf '%s' "$TOK" | cut -d. -f1 | tr -- '-_' '+/')
while [ $((${#hdr64} % 4)) != 0 ]; do hdr64="$hdr64="; done
like "$(printf '%s' "$hdr64" | openssl base64 -d -A)" "*\"kid\":\"$kid\"*" \
    "tokens carry the JWKS kid"

# Client credentials with a secret (sandbox_start got TOK that way).
arm GET "/subscriptions?api-version=2022-12-01"
is "$STATUS" 200 "ARM accepts the client-secret token"
post "$AUTH/token" -d grant_type=client_credentials -d client_id="$CERTSP" \
    -d client_secret=guess -d scope=https://management.azure.com/.default
is "$STATUS/$(j .error)" 401/invalid_client "a wrong secret: 401 invalid_client"
like "$(j .error_description)" "AADSTS7000215: *" "  AADSTS7000215"
is "$(j .error_codes[0])" 7000215 "  error_codes"
like "$(j .trace_id)/$(j .correlation_id)/$(j .timestamp)" "?*/?*/?*" \
    "  trace_id, correlation_id, timestamp"

# Client credentials with a certificate: assertion KIND JTI [AUD].
x5t=$(openssl x509 -in "$T/sp.pem" -outform DER | openssl dgst -sha1 -binary | b64url)
x5t256=$(openssl x509 -in "$T/sp.pem" -outform DER | openssl dgst -sha256 -binary | b64url)
assertion() {
	now=$(date +%s)
	if [ "$1" = PS256 ]; then
		h=$(printf '{"alg":"PS256","typ":"JWT","x5t#S256":"%s"}' "$x5t256" | b64url)
		set -- "$@" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
		    -sigopt rsa_mgf1_md:sha256
	else
		h=$(printf '{"alg":"RS256","typ":"JWT","x5t":"%s"}' "$x5t" | b64url)
	fi
	c=$(printf '{"aud":"%s","iss":"%s","sub":"%s","jti":"%s","nbf":%s,"exp":%s}' \
	    "${3:-$AUTH/token}" "$CERTSP" "$CERTSP" "$2" "$now" $((now + 600)) | b64url)
	shift 3
	s=$(printf '%s.%s' "$h" "$c" | openssl dgst -sha256 -sign "$T/sp.key" "$@" -binary | b64url)
	printf '%s.%s.%s' "$h" "$c" "$s"
}
cert_token() {
	post "$AUTH/token" -d grant_type=client_credentials -d client_id="$CERTSP" \
	    -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
	    -d client_assertion="$1" -d scope=https://management.azure.com/.default
}
a1=$(assertion RS256 "jti-$$-1" "")
cert_token "$a1"
is "$STATUS/$(j .token_type)" 200/Bearer "RS256 assertion with x5t: a token"
cert_token "$a1"
is "$STATUS/$(j .error)" 401/invalid_client "the same assertion again: refused (jti)"
cert_token "$(assertion PS256 "jti-$$-2" "")"
is "$STATUS/$(j .token_type)" 200/Bearer "PS256 assertion with x5t#S256: a token"
TOK_CERT=$(j .access_token)
cert_token "$(assertion RS256 "jti-$$-3" "https://login.microsoftonline.com/$TENANT/oauth2/v2.0/token")"
is "$STATUS/$(j .error)" 401/invalid_client "an assertion for another token URL: refused"

# Device code: pending, slow_down, pending, then a token.
post "$AUTH/devicecode" -d client_id=$CLI \
    --data-urlencode "scope=https://management.core.windows.net//.default offline_access openid profile"
is "$STATUS" 200 "devicecode"
dc=$(j .device_code)
uc=$(j .user_code)
like "$(j .message)" "*$uc*" "the message names the user code"
is "$(j .interval)" 2 "the world's interval"
poll() {
	post "$AUTH/token" -d grant_type=urn:ietf:params:oauth:grant-type:device_code \
	    -d client_id=$CLI -d device_code="$1"
}
poll "$dc"
is "$STATUS/$(j .error)" 400/authorization_pending "first poll: authorization_pending"
poll "$dc"
is "$STATUS/$(j .error)" 400/slow_down "an immediate poll: slow_down"
sleep 2
poll "$dc"
is "$STATUS/$(j .error)" 400/authorization_pending "a poll after the interval: pending"
sleep 2
poll "$dc"
is "$STATUS" 200 "after two pending polls: approved"
RT=$(j .refresh_token)
like "$RT" "?*" "with a refresh token (offline_access)"
like "$(j .id_token)" "eyJ*" "and an id token (openid)"
TOK_USER=$(j .access_token)

# Approval through the sandbox-only endpoint, and a decline.
post "$AUTH/devicecode" -d client_id=$CLI \
    -d scope=https://management.azure.com/.default
dc2=$(j .device_code)
post "$EP/sandbox/devicecode/approve" -d user_code="$(j .user_code)"
is "$STATUS/$(j .status)" 200/approved "sandbox approve"
poll "$dc2"
is "$STATUS" 200 "the next poll gets the token"
post "$AUTH/devicecode" -d client_id=$CLI \
    -d scope=https://management.azure.com/.default
dc3=$(j .device_code)
post "$EP/sandbox/devicecode/decline" -d user_code="$(j .user_code)"
poll "$dc3"
is "$STATUS/$(j .error)" 400/authorization_declined "a declined sign-in"
poll "not-a-device-code"
is "$STATUS/$(j .error)" 400/bad_verification_code "an unknown device code"

# Refresh: a new refresh token; the old one still works (Azure AD rotates
# refresh tokens but does not revoke the one redeemed).
post "$AUTH/token" -d grant_type=refresh_token -d client_id=$CLI \
    --data-urlencode refresh_token="$RT" \
    --data-urlencode "scope=https://management.azure.com/.default offline_access"
is "$STATUS" 200 "refresh"
RT2=$(j .refresh_token)
[ -n "$RT2" ] && [ "$RT2" != "$RT" ]
tap $? "with a new refresh token"
post "$AUTH/token" -d grant_type=refresh_token -d client_id=$CLI \
    --data-urlencode refresh_token="$RT" \
    -d scope=https://management.azure.com/.default
is "$STATUS" 200 "the old refresh token still works (rotated, not revoked)"

# Tokens expire (--token-lifetime 5): ARM answers 401 with WWW-Authenticate.
i=0
arm GET "/subscriptions?api-version=2022-12-01"
while [ "$STATUS" = 200 ] && [ $i -lt 100 ]; do
	sleep 0.2
	i=$((i + 1))
	arm GET "/subscriptions?api-version=2022-12-01"
done
is "$STATUS/$(j .error.code)" 401/ExpiredAuthenticationToken \
    "an expired token: 401 ExpiredAuthenticationToken"
like "$(hdr WWW-Authenticate)" \
    "Bearer authorization_uri=\"$EP/$TENANT\", error=\"invalid_token\", error_description=\"The access token expiry UTC time*" \
    "WWW-Authenticate as ARM sends it"
TOK=garbage
arm GET "/subscriptions?api-version=2022-12-01"
is "$STATUS/$(j .error.code)" 401/InvalidAuthenticationToken "a malformed token"

# The journal: every request, none of the secrets.
secret=$("$JGET" .clientSecret <"$T/ready.json")
lines=$(wc -l <"$T/journal")
[ "$lines" -ge 20 ]
tap $? "the journal has a line per request ($lines)"
leaked=
for s in "$secret" "$a1" "$dc" "$dc2" "$RT" "$RT2" "$TOK_USER" "$TOK_CERT" \
    "$(sed -n 2p "$T/sp.pem")"; do
	grep -qF -- "$s" "$T/journal" && leaked="$leaked ${s%"${s#????????}"}..."
done
is "$leaked" "" "no secret, assertion, code or token in the journal"
grep -q '"authorization":"Bearer <redacted>"' "$T/journal"
tap $? "Authorization shows only its scheme"
grep -q '"client_secret":"<redacted>"' "$T/journal"
tap $? "the client secret field is there, redacted"
done_testing
