#!/bin/sh
# Browse: switching the load balancer of a compute that uses its own
# certificate asks for the certificate and key files, because an update
# sends the TLS settings again and the key cannot be read back; the PUT
# carries them (status Enabled, the same CNAME); the key never shows on
# screen.  Certificates are made here with OpenSSL.  (The service then
# refuses the update because the merged body keeps the old
# loadBalancerSubnet: the known bug of browse-actions-test's TODO.)  The
# run ends on the progress screen, which once made a job start while the
# screens were taken down at exit (a crash): exit status 0 checks that.
. "$top_srcdir/tests/screens/libtest.sh"

command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout own.key -out own.pem \
    -days 3650 -subj "/CN=scoring.contoso.example" \
    -addext "subjectAltName=DNS:scoring.contoso.example" >/dev/null 2>&1
sandbox_start --polls 2

steps "
	i
	:save-display form.screen
	$work/own.pem<Tab>$work/own.key
	:save-display filled.screen
	<Enter>
	:save-display done.screen
"
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep 'Switch inf-attached to a public IP' form.screen "i on an internal compute: back to public"
assert_grep 'It uses your own certificate, which the update sends' form.screen "says why it needs the files"
assert_grep 'Certificate *\[' form.screen "asks for the certificate"
assert_grep '^ *Key *\[' form.screen "and the key"
assert_no_grep 'PRIVATE KEY' filled.screen "the key is never on screen"
assert_no_grep 'PRIVATE KEY' done.screen "nor after"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-attached".*"cname":"scoring.contoso.example"' \
    journal.log "the PUT carries the same CNAME"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-attached".*"status":"Enabled"' \
    journal.log "and TLS with our certificate"
assert_grep '"method":"PUT","path":"[^"]*/computes/inf-attached".*"loadBalancerType":"PublicIp"' \
    journal.log "and the public load balancer"
tap_done
