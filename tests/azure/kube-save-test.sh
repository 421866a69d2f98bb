#!/bin/sh
# akswiz detach NAME --save-tls DIR against the sandbox: the certificate
# and key the create sent come back from the cluster's azuremlfessl secret
# (through the kubeconfig of listClusterUserCredential, trusting its CA
# only), into DIR/NAME-cert.pem and DIR/NAME-key.pem, mode 0600; the key
# is in no output, no --debug log and no journal.  A compute without TLS
# gives the reason and detaches nothing; a wrong token gets a 401 Status.
. "$top_srcdir/tests/http/lib.sh"
command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP no curl"; exit 0; }
sb_start --allow-legacy-create --polls 2

openssl req -x509 -newkey rsa:2048 -nodes -days 60 -subj /CN=www.contoso.com \
    -addext subjectAltName=DNS:www.contoso.com -keyout "$T/key.pem" \
    -out "$T/cert.pem" >/dev/null 2>&1
ok $? "a test certificate was made"
keyline=$(sed -n 5p "$T/key.pem")

plan_new "$T/c.json" create --compute-type AKS --name ml-tls --vm-size Standard_D3_v2 \
    --agent-count 3 --ssl-cert-file "$T/cert.pem" --ssl-key-file "$T/key.pem" \
    --ssl-cname www.contoso.com
az apply "$T/c.json"
is "$rc" 0 "a compute with TLS was created"

mkdir "$T/save"
az detach ml-tls --yes --save-tls "$T/save" --debug="$T/debug.log"
is "$rc" 0 "detach --save-tls succeeds"
cmp -s "$T/cert.pem" "$T/save/ml-tls-cert.pem"
ok $? "the saved certificate is the one the create sent"
cmp -s "$T/key.pem" "$T/save/ml-tls-key.pem"
ok $? "the saved key is the one the create sent"
is "$(stat -c %a "$T/save/ml-tls-cert.pem")" 600 "certificate file mode 0600"
is "$(stat -c %a "$T/save/ml-tls-key.pem")" 600 "key file mode 0600"
like "$T/err" "saved the TLS certificate to .*/save/ml-tls-cert.pem" \
    "the user is told where the files are"
is "$(requests GET '/kube/[^"]*/api/v1/namespaces/default/secrets/azuremlfessl')" 1 \
    "the secret was read once from the cluster's API server"
is "$(requests DELETE '/subscriptions/.*/computes/ml-tls')" 1 \
    "then the compute was detached"
like "$T/debug.log" 'GET https://127\.0\.0\.1:[0-9]+/kube/.*/secrets/azuremlfessl' \
    "the debug log has the Kubernetes request"
cat "$T/debug.log" "$T/out" "$T/err" "$T/journal.log" >"$T/all.txt"
cat "$T/state/akswiz/operations/"*.json >>"$T/all.txt" 2>/dev/null
if grep -F -q "$keyline" "$T/all.txt"; then ok 1 "the key is nowhere"
else ok 0 "the key is nowhere"; fi
b64key=$(base64 -w0 <"$T/key.pem" | cut -c 100-160)
if grep -F -q "$b64key" "$T/all.txt"; then ok 1 "nor its base64"
else ok 0 "nor its base64"; fi
unlike "$T/debug.log" 'Bearer [0-9a-f]{16}' "no cluster token in the debug log"

az detach inf-attached --yes --save-tls "$T/save"
is "$rc" 1 "no TLS secret: detach fails"
like "$T/err" "no azuremlfessl secret" "and says the cluster has no TLS secret"
like "$T/err" "kubectl get secret azuremlfessl" "and shows the kubectl way"
is "$(requests DELETE '/subscriptions/.*/computes/inf-attached')" 0 \
    "nothing was detached"
[ ! -e "$T/save/inf-attached-key.pem" ]
ok $? "no key file was written"

# The API server itself: a wrong token gets a Kubernetes Status.
cl=$(sed -n 's/.*"path":"\(\/kube\/[^"]*\)\/api\/v1\/namespaces.*/\1/p' \
    "$T/journal.log" | head -n 1)
curl -s --cacert "$SB_CA" -H "Authorization: Bearer wrong" \
    -o "$T/status.json" -w '%{http_code}' \
    "$SB_URL$cl/api/v1/namespaces/default/secrets/azuremlfessl" >"$T/code"
is "$(cat "$T/code")" 401 "a wrong token: 401"
like "$T/status.json" '"kind":"Status".*"reason":"Unauthorized"' \
    "with a Status body"

done_testing
