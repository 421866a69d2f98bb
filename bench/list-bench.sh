#!/bin/sh
# `akswiz list -o json` on a workspace of 10,000 computes served by the
# sandbox (pages of 100): wall time, CPU time, peak RSS (/usr/bin/time -v),
# TLS handshakes (AKSWIZ_STATS), and the sandbox's CPU over the same run
# (/proc/PID/stat), with wall / max(client CPU, sandbox CPU): the pages
# are asked for while the one before is parsed, so wall time nears the
# busier side's CPU (goal <= 1.15).  Not a test: run by hand from a build
# tree,
#	sh bench/list-bench.sh [BUILDDIR]	(N=10000 computes, RUNS=3,
#						 FMT=json, table or tsv)
# BASE=OTHER-BUILDDIR runs that build's akswiz too, in turns with this
# one's on the same sandbox (a before and after under the same load),
# and prints the median CPU of each.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
N=${N:-10000}
RUNS=${RUNS:-3}
FMT=${FMT:-json}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"

# The shipped world plus N computes in ml-workspace, 100 to a page.
sh "$srcdir/bench/big-world.sh" "$N" >"$T/world.json"
sb_start --world "$T/world.json"
echo "world: $N extra computes, $(wc -c <"$T/world.json") bytes"

# The sandbox's CPU so far, in clock ticks.
sb_ticks() {
	awk '{ print $14 + $15 }' "/proc/$SB_PID/stat"
}
hz=$(getconf CLK_TCK)

# run AKSWIZ LABEL: one list, one line of figures.
run() {
	t0=$(sb_ticks)
	AKSWIZ_STATS=1 /usr/bin/time -v "$1" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" --subscription "$SB_SUB" \
	    -g "$SB_RG" -w "$SB_WS" list -o "$FMT" >"$T/out" 2>"$T/time"
	t1=$(sb_ticks)
	count=$(grep -c 'bench[0-9]' "$T/out")
	awk -v c="$count" -v bytes="$(wc -c <"$T/out")" -v fmt="$FMT" \
	    -v sb="$(( t1 - t0 ))" -v hz="$hz" -v label="$2" '
		/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = p[n] + (n > 1 ? p[n-1] * 60 : 0) }
		/User time/ { user = $NF } /System time/ { sys = $NF }
		/Maximum resident/ { rss = $NF }
		/akswiz-stats/ { stats = $2 " " $3 }
		END { cpu = user + sys; s = sb / hz; m = (cpu > s ? cpu : s)
		    printf "%slist -o %s: %d computes, %d bytes: wall %.2f s, cpu %.2f s (user %.2f, sys %.2f), peak RSS %.1f MB, %s; sandbox cpu %.2f s; wall / max(cpu) %.2f\n",
		    label, fmt, c, bytes, wall, cpu, user, sys, rss / 1024, stats, s, (m > 0 ? wall / m : 0) }' "$T/time" | tee -a "$T/runs"
}

i=0
while [ $i -lt "$RUNS" ]; do
	run "$AKSWIZ" ""
	[ -n "${BASE:-}" ] && run "$BASE/akswiz" "base: "
	i=$((i + 1))
done
if [ -n "${BASE:-}" ]; then
	for who in this base; do
		if [ $who = base ]; then
			grep '^base: ' "$T/runs"
		else
			grep -v '^base: ' "$T/runs"
		fi | sed 's/.*cpu \([0-9.]*\) s (user.*/\1/' | sort -n |
		    awk -v w="$who" '{ v[NR] = $1 } END {
			printf "median cpu, %s: %.3f s (%d runs)\n", w,
			    (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), NR }'
	done
fi
