#!/bin/sh
# CPU used by `akswiz apply` while it monitors a long operation: a create
# on today's path (the AKS cluster, the Azure ML extension, the Kubernetes
# compute), whose service times are the world's createSeconds
# (SECONDS_TOTAL, default 600) for the cluster, 300 s for the extension
# and attachSeconds (300) for the compute, divided by SPEED (default 1:
# about 20 minutes), each polled at the intervals its answers ask for.
# Not a test: run by hand from a build tree,
#	sh bench/monitor-bench.sh [BUILDDIR]	(SECONDS_TOTAL=600 SPEED=1)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
SECS=${SECONDS_TOTAL:-600}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"

sed "s/\"createSeconds\": 600/\"createSeconds\": $SECS/" \
    "$srcdir/data/sandbox-world.json" >"$T/world.json"
# Real time and the sandbox's own Retry-After: no shortcuts for the client.
sb_start --world "$T/world.json" --retry-after 5 --speed "${SPEED:-1}"
unset AKSWIZ_POLL_MIN_MS
plan_new "$T/c.json" create --name bench-mon --vm-size Standard_D3_v2 --agent-count 3
AKSWIZ_STATS=1 /usr/bin/time -v "$AKSWIZ" --endpoint "$SB_URL" \
    --authority "$SB_AUTH" --ca-file "$SB_CA" apply "$T/c.json" \
    >"$T/out" 2>"$T/time" || true
cat "$T/out"
awk '
	/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = p[n] + (n > 1 ? p[n-1] * 60 : 0) + (n > 2 ? p[n-2] * 3600 : 0) }
	/User time/ { user = $NF } /System time/ { sys = $NF }
	/Maximum resident/ { rss = $NF }
	/akswiz-stats/ { stats = $2 " " $3 }
	END { printf "monitor: wall %.1f s, cpu %.3f s (%.4f%% of one core), peak RSS %.1f MB, %s\n",
	    wall, user + sys, 100 * (user + sys) / wall, rss / 1024, stats }' "$T/time"
