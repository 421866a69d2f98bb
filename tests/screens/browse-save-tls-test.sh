#!/bin/sh
# Browse, detach, s: the TLS certificate and key of a compute are read from
# its cluster's azuremlfessl secret (the sandbox's Kubernetes API, through
# listClusterUserCredential's kubeconfig) into the two paths asked for
# (defaults ./NAME-cert.pem and ./NAME-key.pem), mode 0600, the same PEM
# the create sent; the key is on no screen.  A compute whose cluster has no
# such secret gets the reason, and the kubectl commands stay on screen.
. "$top_srcdir/tests/screens/libtest.sh"

command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout own.key -out own.pem \
    -days 3650 -subj "/CN=www.contoso.com" \
    -addext "subjectAltName=DNS:www.contoso.com" >/dev/null 2>&1
sandbox_start --allow-legacy-create --polls 2

# A compute with TLS, created from the command line.
"$AKSWIZ" plan new create --compute-type AKS --name ml-tls --vm-size Standard_D3_v2 \
    --agent-count 3 --ssl-cert-file "$work/own.pem" \
    --ssl-key-file "$work/own.key" --ssl-cname www.contoso.com \
    $SB_ARGS >c.json 2>/dev/null
env -u AKSWIZ_FAKE_CLOCK timeout 60 "$AKSWIZ" $SB_ARGS apply c.json \
    >apply.out 2>&1
if [ $? -eq 0 ]; then ok "a compute with TLS was created"
else not_ok "a compute with TLS was created"; sed 's/^/# /' apply.out; fi

steps '
	/ml-tls<Enter>
	d
	:save-display detach.screen
	s
	:save-display save.screen
	<Enter>
	:save-display saved.screen
	<Esc>
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep 's saves them with the cluster' detach.screen \
    "the detach confirmation offers to save the certificate and key"
assert_grep 'Save the TLS certificate and key of ml-tls' save.screen \
    "s asks where"
assert_grep 'Certificate *\[\./ml-tls-cert\.pem' save.screen \
    "default certificate path"
assert_grep 'Key *\[\./ml-tls-key\.pem' save.screen "default key path"
assert_grep 'Saved the certificate to \./ml-tls-cert\.pem' saved.screen \
    "says where they were saved"
if cmp -s own.pem ml-tls-cert.pem; then ok "the certificate the create sent"
else not_ok "the certificate the create sent"; fi
if cmp -s own.key ml-tls-key.pem; then ok "the key the create sent"
else not_ok "the key the create sent"; fi
if [ "$(stat -c %a ml-tls-key.pem 2>/dev/null)" = 600 ] &&
    [ "$(stat -c %a ml-tls-cert.pem 2>/dev/null)" = 600 ]; then
	ok "both files mode 0600"
else
	not_ok "both files mode 0600"
fi
assert_no_grep 'PRIVATE KEY' saved.screen "the key is on no screen"
keyline=$(sed -n 5p own.key)
if cat ./*.screen stdout stderr journal.log | grep -F -q "$keyline"; then
	not_ok "nor in any output or the sandbox journal"
else
	ok "nor in any output or the sandbox journal"
fi
assert_no_grep '"method":"DELETE"' journal.log "nothing was detached"

# The world's inf-attached says TLS Enabled, but its cluster has no secret.
steps '
	/inf-attached<Enter>
	d
	s
	<Enter>
	:save-display refused.screen
	<Esc>
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep 'Could not save the certificate and key: the cluster has no' \
    refused.screen "no secret: the reason"
assert_grep 'kubectl get secret azuremlfessl' refused.screen \
    "and the kubectl way"
if [ -e inf-attached-key.pem ]; then not_ok "no key file written"
else ok "no key file written"; fi

# At 60x20 the detach panel scrolls; back from a save that failed it
# opens at its top, where the reason is, not at Enter's line.
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_status 0
assert_grep '^    Could not save the certificate and key: the cluster$' \
    refused.screen "60x20: the reason in sight"
tap_done
