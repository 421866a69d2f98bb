#!/bin/sh
# Garbage never crashes or hangs akswiz-sandbox: raw bytes on the socket
# (plain and TLS), odd methods and paths, bodies over the cap (413, with
# and without Content-Length), binary bodies; it answers afterwards.
. "$top_srcdir/tests/sandbox/lib.sh"
V=api-version=2024-04-01

alive() {	# alive DESC
	arm GET "/subscriptions?api-version=2022-12-01"
	is "$STATUS" 200 "still serving after $1"
}

sandbox_start --no-tls
like "$EP" "http://127.0.0.1:*" "--no-tls serves plain HTTP"
hostport=${EP#http://}
printf 'GARBAGE \001\002\003\r\n\r\n' >"$T/g1"
head -c 20000 /dev/urandom >"$T/g2"
printf 'GET /%s HTTP/1.1\r\nHost: x\r\n\r\n' "$(head -c 9000 /dev/zero | tr '\0' a)" >"$T/g3"
printf 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\nx' >"$T/g4"
printf 'PUT / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n' >"$T/g5"
for g in g1 g2 g3 g4 g5; do
	curl -s --max-time 3 "telnet://$hostport" <"$T/$g" >/dev/null 2>&1
	alive "raw bytes $g"
done

head -c 5000000 /dev/zero | tr '\0' x >"$T/big"
arm PUT "$WSP/computes/big?$V" "@$T/big"
is "$STATUS" 413 "a 5 MB body: 413"
STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOK" \
    -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' \
    --data-binary "@$T/big" "$EP$WSP/computes/big?$V")
is "$STATUS" 413 "a 5 MB chunked body: 413"
alive "big bodies"

head -c 3000 /dev/urandom >"$T/bin"
STATUS=$($CURL -o "$T/body" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOK" \
    --data-binary "@$T/bin" "$EP$WSP/computes/bin?$V")
is "$STATUS" 400 "a binary body: 400"
arm PUT "$WSP/computes/deep?$V" "$(head -c 5000 /dev/zero | tr '\0' '[')"
is "$STATUS" 400 "deeply nested JSON: 400"
arm PUT "$WSP/computes/arr?$V" '[1,2,3]'
is "$STATUS" 400 "a JSON array body: 400"
arm PUT "$WSP/computes/nul?$V" '{"properties":null}'
is "$STATUS" 400 "null properties: 400"
arm BREW "$WSP/computes?$V"
like "$STATUS" "4??" "an unknown method: 4xx"
arm GET "/subscriptions/$SUB/resourceGroups/$RG/../../../etc/passwd?$V"
like "$STATUS" "4??" "a dot-dot path: 4xx"
arm GET "/subscriptions/%00/x?$V"
like "$STATUS" "4??" "a NUL in the path: 4xx"
arm GET "/$(head -c 3000 /dev/zero | tr '\0' '/')?$V"
like "$STATUS" "4??" "3000 slashes: 4xx"
arm GET "$WSP/computes?api-version=2024-04-01&api-version=2020-06-01&\$skip=%ZZ"
like "$STATUS" "4??" "repeated and broken query: 4xx"
alive "odd requests"
sandbox_stop

sandbox_start
hostport=${EP#https://}
curl -s --max-time 3 "telnet://$hostport" <"$T/g2" >/dev/null 2>&1
alive "random bytes on the TLS port"
curl -s --max-time 3 "http://$hostport/" >/dev/null 2>&1
alive "plain HTTP on the TLS port"
done_testing
