#!/bin/sh
# Where `akswiz list -o FMT` spends its instructions on a workspace of N
# computes served by the sandbox (pages of 100): one run under callgrind
# (instructions counted, so the machine's load does not matter; the
# parsing thread's included), after a warm-up run that caches the token
# and the metadata.  The profile is left in OUT for callgrind_annotate;
# the top functions, inclusive and self, are printed.  Not a test:
#	sh bench/list-profile.sh [BUILDDIR]	(N=10000, FMT=json,
#						 OUT=/tmp/list-profile.out)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
N=${N:-10000}
FMT=${FMT:-json}
OUT=${OUT:-/tmp/list-profile.out}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"

sh "$srcdir/bench/big-world.sh" "$N" >"$T/world.json"
sb_start --world "$T/world.json"
set -- --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" list -o "$FMT"
"$AKSWIZ" "$@" >/dev/null
valgrind --tool=callgrind --trace-children=no --callgrind-out-file="$OUT" \
    "$AKSWIZ" "$@" >"$T/out" 2>"$T/vg"
grep -E 'Collected' "$T/vg" || true
echo "rows: $(grep -c 'bench[0-9]' "$T/out"), $(wc -c <"$T/out") bytes"
echo "== inclusive"
callgrind_annotate --inclusive=yes "$OUT" 2>/dev/null | sed -n '/^Ir/,$p' |
    head -n 45
echo "== self"
callgrind_annotate "$OUT" 2>/dev/null | sed -n '/^Ir/,$p' | head -n 40
