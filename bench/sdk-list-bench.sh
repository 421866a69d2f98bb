#!/bin/sh
# akswiz against Microsoft's Python SDK (Debian's python3-azure), in the
# same run on the same sandbox: listing a workspace of N computes (pages of
# 100), CPU (user + sys) and peak RSS of each (/usr/bin/time -v), and
# akswiz's CPU as a share of the SDK's (goal <= 2%).  The SDK signs in on
# each run; akswiz runs with its token cached.  Not a test: run by hand
# from a build tree,
#	sh bench/sdk-list-bench.sh [BUILDDIR]	(N=10000 computes, RUNS=3)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
N=${N:-10000}
RUNS=${RUNS:-3}
PY=/usr/bin/python3
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"
"$PY" -c 'import azure.identity, azure.mgmt.machinelearningservices' || {
	echo "python3-azure is not installed"; exit 1; }

sh "$srcdir/bench/big-world.sh" "$N" >"$T/world.json"
sb_start --world "$T/world.json"
az list >/dev/null		# signs in once: later runs use the cached token

# cpu FILE: "user+sys seconds, peak RSS MB" from /usr/bin/time -v's FILE.
cpu() {
	awk '/User time/ { u = $NF } /System time/ { s = $NF }
	    /Maximum resident/ { r = $NF }
	    END { printf "%.2f %.1f", u + s, r / 1024 }' "$1"
}

i=0
while [ $i -lt "$RUNS" ]; do
	/usr/bin/time -v "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
	    --ca-file "$SB_CA" --subscription "$SB_SUB" -g "$SB_RG" \
	    -w "$SB_WS" list -o json --all >"$T/a.out" 2>"$T/a.time"
	(unset HTTPS_PROXY https_proxy HTTP_PROXY http_proxy
	READY="$T/ready.json" REQUESTS_CA_BUNDLE="$SB_CA" \
	    NO_PROXY=127.0.0.1 PYTHONDONTWRITEBYTECODE=1 HOME="$T" \
	    /usr/bin/time -v "$PY" "$srcdir/bench/sdk-list.py" \
	    >"$T/p.out" 2>"$T/p.time")
	set -- $(cpu "$T/a.time") $(cpu "$T/p.time")
	awk -v a="$1" -v ar="$2" -v p="$3" -v pr="$4" \
	    -v an="$(grep -c '"name": ' "$T/a.out")" -v pn="$(wc -l <"$T/p.out")" '
	    BEGIN { printf "akswiz: %d computes, cpu %.2f s, peak RSS %.1f MB; SDK: %d computes, cpu %.2f s, peak RSS %.1f MB; akswiz / SDK: %.1f%% CPU, %.0f%% memory (goal <= 2%% CPU)\n",
		an, a, ar, pn, p, pr, (p > 0 ? 100 * a / p : 0), (pr > 0 ? 100 * ar / pr : 0) }'
	i=$((i + 1))
done
