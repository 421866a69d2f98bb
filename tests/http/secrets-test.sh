#!/bin/sh
# Redaction: after a create with a custom TLS certificate, run with
# --debug, neither the debug log, nor our operation journal, nor anything
# printed contains the client secret, an access token or the private key.
. "$top_srcdir/tests/http/lib.sh"
command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
sb_start --allow-legacy-create --polls 2

openssl req -x509 -newkey rsa:2048 -nodes -days 60 -subj /CN=www.contoso.com \
    -addext subjectAltName=DNS:www.contoso.com -keyout "$T/key.pem" \
    -out "$T/cert.pem" >/dev/null 2>&1
ok $? "a test certificate was made"
# A line from the middle of the key: unique, and never to be seen again.
keyline=$(sed -n 5p "$T/key.pem")

plan_new "$T/c.json" create --compute-type AKS --name ml-tls --vm-size Standard_D3_v2 \
    --agent-count 3 --ssl-cert-file "$T/cert.pem" --ssl-key-file "$T/key.pem" \
    --ssl-cname www.contoso.com
az apply "$T/c.json" --debug="$T/debug.log"
is "$rc" 0 "apply with a custom certificate succeeds"
grep '"method":"PUT"' "$T/journal.log" | grep -q '"sslConfiguration":{[^}]*"status":"Enabled"'
ok $? "the certificate was sent (sslConfiguration Enabled)"
[ -s "$T/debug.log" ]
ok $? "the debug log was written"
like "$T/debug.log" 'PUT https://127\.0\.0\.1:[0-9]+/.*/computes/ml-tls' \
    "the debug log has the requests"

az list --debug="$T/debug2.log"
cat "$T/debug.log" "$T/debug2.log" "$T/out" "$T/err" >"$T/all.txt"
cat "$T/state/akswiz/operations/"*.json >>"$T/all.txt"

if grep -F -q "$SB_SECRET" "$T/all.txt"; then ok 1 "no client secret anywhere"
else ok 0 "no client secret anywhere"; fi
if grep -F -q "$keyline" "$T/all.txt"; then ok 1 "no private key anywhere"
else ok 0 "no private key anywhere"; fi
# Access tokens are JWTs: three base64url parts starting with eyJ.
if grep -E -q 'eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.' "$T/all.txt"; then
	ok 1 "no access token anywhere"
else
	ok 0 "no access token anywhere"
fi
unlike "$T/debug.log" '^[^#]*[Aa]uthorization: Bearer [^<*]' \
    "no Authorization header value in the debug log"
unlike "$T/all.txt" 'BEGIN (RSA )?PRIVATE KEY' "no PEM key block anywhere"
like "$T/state/akswiz/operations/"*ml-tls*.json '"keyFile": ' \
    "the journal names the key file only"

done_testing
