#!/bin/sh
# json-c's floor under `akswiz list -o json` (issue 14): the pages of a
# workspace of N computes as the sandbox sends them (saved with curl), then
# bench/json-floor.c parses each with json_tokener_parse_ex and frees the
# tree, nothing else; its CPU is what no client on json-c can go below.
# Also under callgrind (instructions) when VG=1, and with the two knobs
# that might lower it: json-c's cheaper key hash (perl), and glibc's
# tcache holding more freed chunks (neither does, measured).  Not a test:
#	sh bench/json-floor.sh [BUILDDIR]	(N=10000, REPS=5, VG=0)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
N=${N:-10000}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"

cc -O2 -std=c11 "$srcdir/bench/json-floor.c" -o "$T/json-floor" \
    $(pkg-config --cflags --libs json-c)
sh "$srcdir/bench/big-world.sh" "$N" >"$T/world.json"
sb_start --world "$T/world.json"

# A token by client credentials; the secret and the token go through
# files, never argv.
printf 'grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s' \
    "$AZURE_CLIENT_ID" "$SB_SECRET" "$SB_URL/.default" >"$T/form"
curl -sS --cacert "$SB_CA" --data @"$T/form" \
    "$SB_AUTH/$AZURE_TENANT_ID/oauth2/v2.0/token" >"$T/token.json"
sed -n 's/.*"access_token" *: *"\([^"]*\)".*/Authorization: Bearer \1/p' \
    "$T/token.json" >"$T/auth"
u="$SB_URL/subscriptions/$SB_SUB/resourceGroups/$SB_RG/providers/Microsoft.MachineLearningServices/workspaces/$SB_WS/computes?api-version=2024-04-01"
i=0
while [ -n "$u" ]; do
	i=$((i + 1))
	curl -sS --cacert "$SB_CA" -H @"$T/auth" "$u" >"$T/page.$i"
	u=$(sed -n 's/.*"nextLink" *: *"\([^"]*\)".*/\1/p' "$T/page.$i")
done
set -- $(i=1; while [ -e "$T/page.$i" ]; do echo "$T/page.$i"; i=$((i + 1)); done)
echo "$# pages, $(cat "$@" | wc -c) bytes, $(cat "$@" | grep -o '"bench[0-9]*"' | wc -l) bench computes"
"$T/json-floor" "$@"
if [ "${VG:-0}" = 1 ]; then
	REPS=1 valgrind --tool=callgrind --callgrind-out-file="$T/cg" \
	    "$T/json-floor" "$@" 2>&1 | grep Collected
	callgrind_annotate --inclusive=yes "$T/cg" | grep -E 'json_tokener_parse_ex|json_object_put|main' | head -5
fi
HASH=perl "$T/json-floor" "$@" | sed 's/^/perl hash: /'
GLIBC_TUNABLES=glibc.malloc.tcache_count=1000 "$T/json-floor" "$@" | sed 's/^/tcache 1000: /'
