# tls_pairs DIR: two self-signed EC pairs for www.contoso.com (SAN too),
# DIR/good.crt + good.key and DIR/other.crt + other.key, for the tests of
# the custom certificate checks; false when openssl(1) is missing.
tls_pairs() {
	command -v openssl >/dev/null 2>&1 || return 1
	for c in good other; do
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
		    -nodes -keyout "$1/$c.key" -out "$1/$c.crt" -days 3650 \
		    -subj "/CN=www.contoso.com" \
		    -addext "subjectAltName=DNS:www.contoso.com" \
		    >/dev/null 2>&1 || return 1
	done
}
