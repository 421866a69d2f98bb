#!/bin/sh
# Local checks of a custom TLS certificate: certificates are made here with
# openssl(1); the clock is moved with AKSWIZ_FAKE_CLOCK for validity.
set -u
: "${top_builddir:=.}"
CHECK="$top_builddir/tests/azure/cert-check"
command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl(1)"; exit 0; }
D=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-cert.XXXXXX")
trap 'rm -rf "$D"' EXIT
n=0
fails=0

# check NAME WANT-EXIT WANT-OUTPUT ARGS... (FAKE=... in the environment)
check() {
	name=$1 want_rc=$2 want=$3
	shift 3
	got=$(AKSWIZ_FAKE_CLOCK="${FAKE:-2026-06-01T00:00:00Z}" "$CHECK" "$@" 2>&1)
	rc=$?
	n=$((n + 1))
	if [ "$rc" = "$want_rc" ] && [ "$got" = "$want" ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		echo "#   exit $rc (want $want_rc)"
		echo "$got" | sed 's/^/#   got:  /'
		echo "$want" | sed 's/^/#   want: /'
		fails=$((fails + 1))
	fi
}

mk() {	# mk NAME SUBJECT SAN
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -keyout "$D/$1.key" -out "$D/$1.crt" -days 3650 \
	    -subj "/CN=$2" ${3:+-addext "subjectAltName=$3"} >/dev/null 2>&1
}

mk good www.contoso.com "DNS:www.contoso.com,DNS:*.api.contoso.com"
mk other other.example ""
mk cnonly cn.contoso.com ""
openssl pkey -in "$D/good.key" -aes256 -passout pass:secret \
    -out "$D/enc.key" >/dev/null 2>&1
openssl ec -in "$D/good.key" -aes256 -passout pass:secret \
    -out "$D/enc-trad.key" >/dev/null 2>&1
echo "not a certificate" > "$D/junk.pem"
NB=$(openssl x509 -in "$D/good.crt" -noout -startdate | sed 's/notBefore=//')
NA=$(openssl x509 -in "$D/good.crt" -noout -enddate | sed 's/notAfter=//')
NB_ISO=$(date -u -d "$NB" +%Y-%m-%dT%H:%M:%SZ)
NA_ISO=$(date -u -d "$NA" +%Y-%m-%dT%H:%M:%SZ)
SOON=$(date -u -d "$NA - 10 days" +%Y-%m-%dT%H:%M:%SZ)
LATER=$(date -u -d "$NA + 1 day" +%Y-%m-%dT%H:%M:%SZ)
EARLY=$(date -u -d "$NB - 1 day" +%Y-%m-%dT%H:%M:%SZ)
NOW=$(date -u -d "$NB + 1 day" +%Y-%m-%dT%H:%M:%SZ)

FAKE=$NOW check "matching pair, CNAME in SAN" 0 "" \
    "$D/good.crt" "$D/good.key" www.contoso.com
FAKE=$NOW check "wildcard covers one label" 0 "" \
    "$D/good.crt" "$D/good.key" ml.api.contoso.com
FAKE=$NOW check "wildcard does not cover two labels" 1 \
    "error tls.cname CERT_CNAME_NOT_COVERED a.b.api.contoso.com|www.contoso.com, *.api.contoso.com" \
    "$D/good.crt" "$D/good.key" a.b.api.contoso.com
FAKE=$NOW check "wildcard does not cover the bare domain" 1 \
    "error tls.cname CERT_CNAME_NOT_COVERED api.contoso.com|www.contoso.com, *.api.contoso.com" \
    "$D/good.crt" "$D/good.key" api.contoso.com
FAKE=$NOW check "CN ignored when SANs exist" 1 \
    "error tls.cname CERT_CNAME_NOT_COVERED contoso.com|www.contoso.com, *.api.contoso.com" \
    "$D/good.crt" "$D/good.key" contoso.com
FAKE=$NOW check "CN used without SANs" 0 "" \
    "$D/cnonly.crt" "$D/cnonly.key" CN.contoso.com
FAKE=$NOW check "mismatched key" 1 \
    "error tls.keyFile KEY_MISMATCH $D/other.key|$D/good.crt" \
    "$D/good.crt" "$D/other.key" www.contoso.com
FAKE=$NOW check "encrypted PKCS#8 key refused" 1 \
    "error tls.keyFile KEY_ENCRYPTED $D/enc.key" \
    "$D/good.crt" "$D/enc.key" www.contoso.com
FAKE=$NOW check "encrypted traditional key refused" 1 \
    "error tls.keyFile KEY_ENCRYPTED $D/enc-trad.key" \
    "$D/good.crt" "$D/enc-trad.key" www.contoso.com
FAKE=$LATER check "expired" 1 \
    "error tls.certFile CERT_EXPIRED $NA_ISO" \
    "$D/good.crt" "$D/good.key" www.contoso.com
FAKE=$EARLY check "not yet valid" 1 \
    "error tls.certFile CERT_NOT_YET_VALID $NB_ISO" \
    "$D/good.crt" "$D/good.key" www.contoso.com
FAKE=$SOON check "expires within 30 days: a warning only" 0 \
    "warning tls.certFile CERT_EXPIRES_SOON $NA_ISO" \
    "$D/good.crt" "$D/good.key" www.contoso.com
FAKE=$NOW check "not a certificate" 1 \
    "error tls.certFile CERT_PARSE $D/junk.pem" \
    "$D/junk.pem" "$D/good.key" www.contoso.com
FAKE=$NOW check "certificate where the key should be" 1 \
    "error tls.keyFile KEY_PARSE $D/good.crt" \
    "$D/good.crt" "$D/good.crt" www.contoso.com
FAKE=$NOW check "missing file" 1 \
    "error tls.certFile CERT_UNREADABLE $D/none.crt|No such file or directory" \
    "$D/none.crt" "$D/good.key" www.contoso.com

echo "1..$n"
[ "$fails" = 0 ]
