#!/bin/sh
# TLS: an internal load balancer takes the Microsoft certificate off the
# choices and says why; a custom certificate is checked locally (made here
# with OpenSSL): a key of another certificate and an expired certificate
# are refused next to their fields, a good pair passes.  File names
# complete on Tab.  The fake clock is 2030-01-01, so a one-day certificate
# made today has expired.
. "$top_srcdir/tests/screens/libtest.sh"

command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
mkcert() {	# mkcert NAME DAYS CN
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" \
	    -out "$1.pem" -days "$2" -subj "/CN=$3" \
	    -addext "subjectAltName=DNS:$3" >/dev/null 2>&1
}
mkcert good 3650 scoring.contoso.com
mkcert other 3650 scoring.contoso.com
mkcert old 1 scoring.contoso.com

steps '
	ml-tls<Enter><Enter><Enter><Enter>
	<Right><Tab>aks-subnet
	:save-display lb.screen
	<Enter>
	:save-display tls-internal.screen
	<Right><Tab>goo<Tab>pem<Tab>other.key<Tab>scoring.contoso.com
	:save-display mismatch.screen
	<Enter>
	:save-state mismatch.state
	<C-u>goo<Tab>key<S-Tab><C-u>old.pem
	:save-display expired.screen
	<C-u>good.pem
	:save-state good.state
	<Enter>
	:save-state review.state
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals lb.screen "internal load balancer with its subnet" <<EOF
 Create inference cluster                                           Step 5 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Load balancer
  A public IP makes the scoring endpoint reachable from the internet; an
  internal load balancer keeps it inside a subnet of your virtual network.

    Load balancer  ( ) Public IP   (•) Internal
  › Subnet         [aks-subnet                                      ]














 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals tls-internal.screen "no Microsoft certificate with an internal load balancer, and why" <<EOF
 Create inference cluster                                           Step 6 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  TLS
  Scoring can use HTTPS, with a certificate Microsoft issues for a host name
  under the region's cloudapp domain, or with your own certificate for your
  own host name (CNAME).

  A Microsoft certificate is not offered: it is not supported with an internal
  load balancer.

  › TLS  (•) Disabled   ( ) Custom certificate











 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals mismatch.screen "a key that is not the certificate's, under the key" <<EOF
 Create inference cluster                                           Step 6 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  TLS
  Scoring can use HTTPS, with a certificate Microsoft issues for a host name
  under the region's cloudapp domain, or with your own certificate for your
  own host name (CNAME).

  A Microsoft certificate is not offered: it is not supported with an internal
  load balancer.

    TLS               ( ) Disabled   (•) Custom certificate
    Certificate file  [good.pem                                        ]
    Key file          [other.key                                       ]
                      ✗ The key in other.key does not belong to the
                        certificate in good.pem.
  › CNAME             [scoring.contoso.com                             ]






 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: tls (6 of 6)' mismatch.state "Next is refused with a mismatched key"
assert_grep '^verdict: error tls.keyFile KEY_MISMATCH' mismatch.state "the model has KEY_MISMATCH"
# The certificate was made today: its date is not part of the comparison.
sed -i 's/expired on [0-9T:Z-]*\./expired on DATE./' expired.screen
assert_equals expired.screen "an expired certificate, under the certificate" <<EOF
 Create inference cluster                                           Step 6 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  TLS
  Scoring can use HTTPS, with a certificate Microsoft issues for a host name
  under the region's cloudapp domain, or with your own certificate for your
  own host name (CNAME).

  A Microsoft certificate is not offered: it is not supported with an internal
  load balancer.

    TLS               ( ) Disabled   (•) Custom certificate
  › Certificate file  [old.pem                                         ]
                      ✗ The certificate expired on DATE.
    Key file          [good.key                                        ]
                      ✗ The key in good.key does not belong to the certificate
                        in old.pem.
    CNAME             [scoring.contoso.com                             ]





 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_no_grep '^verdict: error' good.state "the good pair passes"
assert_grep '^screen: review' review.state "and Next reaches the review"
tap_done
