#!/bin/sh
# `akswiz list -o json` on a workspace of 10,000 computes served by the
# sandbox (pages of 100): wall time, CPU time, peak RSS (/usr/bin/time -v)
# and TLS handshakes (AKSWIZ_STATS).  Not a test: run by hand from a build
# tree,
#	sh bench/list-bench.sh [BUILDDIR]	(N=10000 computes, RUNS=3)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
N=${N:-10000}
RUNS=${RUNS:-3}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"

# The shipped world plus N computes in ml-workspace, 100 to a page.
sh "$srcdir/bench/big-world.sh" "$N" >"$T/world.json"
sb_start --world "$T/world.json"
echo "world: $N extra computes, $(wc -c <"$T/world.json") bytes"

i=0
while [ $i -lt "$RUNS" ]; do
	AKSWIZ_STATS=1 /usr/bin/time -v "$AKSWIZ" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" --subscription "$SB_SUB" \
	    -g "$SB_RG" -w "$SB_WS" list -o json >"$T/out" 2>"$T/time"
	count=$(grep -c '"name": "bench' "$T/out")
	awk -v c="$count" -v bytes="$(wc -c <"$T/out")" '
		/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = p[n] + (n > 1 ? p[n-1] * 60 : 0) }
		/User time/ { user = $NF } /System time/ { sys = $NF }
		/Maximum resident/ { rss = $NF }
		/akswiz-stats/ { stats = $2 " " $3 }
		END { printf "list -o json: %d computes, %d bytes: wall %.2f s, cpu %.2f s (user %.2f, sys %.2f), peak RSS %.1f MB, %s\n",
		    c, bytes, wall, user + sys, user, sys, rss / 1024, stats }' "$T/time"
	i=$((i + 1))
done
