#!/bin/sh
# Requests per second of akswiz-sandbox over HTTPS keep-alive connections:
# GET of one compute, and GET of a 100-compute list page; then the cost of
# a list page and the memory at 1,000, 10,000 and 50,000 computes (below).
# Not a test: run
# by hand from a build tree,
#	sh bench/sandbox-bench.sh [BUILDDIR]	(N=2000 requests by default)
# curl(1) sends the N requests from one process over reused connections,
# one at a time and then two at a time (--parallel), as a client would.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
N=${N:-2000}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/sandbox/lib.sh"

# A world whose list pages hold 100 computes.
sed 's/"computePageSize": 2/"computePageSize": 100/' \
    "$srcdir/data/sandbox-world.json" >"$T/world.json"
WORLD="$T/world.json" sandbox_start
V=api-version=2024-04-01
i=0
while [ $i -lt 96 ]; do
	arm PUT "$WSP/computes/bench$i?$V" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":1,"agentVmSize":"Standard_D2_v2","clusterPurpose":"DevTest"}}}'
	i=$((i + 1))
done
arm GET "$WSP/computes?$V"
echo "list page: $(j -l .value) computes, $(wc -c <"$T/body") bytes"

run() {	# run LABEL URL [--parallel ...]
	label=$1 url=$2
	shift 2
	{
		echo "header = \"Authorization: Bearer $TOK\""
		echo "cacert = \"$CA\""
		echo "silent"
		k=0
		while [ $k -lt "$N" ]; do
			echo "url = \"$url\""
			echo "output = \"/dev/null\""
			k=$((k + 1))
		done
	} >"$T/curl.cfg"
	t0=$(date +%s.%N)
	curl -s --fail -K "$T/curl.cfg" "$@" 2>/dev/null
	t1=$(date +%s.%N)
	awk -v n="$N" -v a="$t0" -v b="$t1" -v l="$label" \
	    'BEGIN { printf "%-44s %6d requests %7.2f s %8.0f req/s\n", l, n, b - a, n / (b - a) }'
}
run "GET one compute, 1 connection" "$EP$WSP/computes/inf-created?$V"
run "GET one compute, 2 connections" "$EP$WSP/computes/inf-created?$V" \
    --parallel --parallel-max 2
run "GET 100-compute page, 1 connection" "$EP$WSP/computes?$V"
run "GET 100-compute page, 2 connections" "$EP$WSP/computes?$V" \
    --parallel --parallel-max 2

# Paging (issue 14, item 5): the sandbox's CPU per compute list page
# (pages of 100, every full page of the list asked for in turn, R
# requests in all over reused connections) and its peak RSS beside the
# world file, at each of SIZES computes.  Goal: the same cost a page at
# 1,000 and 50,000 computes (within 20%), peak RSS <= 3x the world file.
SIZES=${SIZES:-1000 10000 50000}
R=${R:-2000}
sandbox_stop
ticks=$(getconf CLK_TCK)
sb_cpu() { awk '{ print $14 + $15 }' "/proc/$SB_PID/stat"; }
for size in $SIZES; do
	sh "$srcdir/bench/big-world.sh" "$size" >"$T/world-$size.json"
	WORLD="$T/world-$size.json" sandbox_start
	# Every page's URL, by following nextLink.
	url="$EP$WSP/computes?$V"
	: >"$T/pages"
	while [ -n "$url" ]; do
		echo "$url" >>"$T/pages"
		arm GET "$url"
		url=$(j .nextLink 2>/dev/null || true)
	done
	# The last page is a partial one (the shipped world's computes
	# beside SIZE make it 4): left out, so that every page timed
	# holds 100 computes, at every SIZE alike.
	sed -i '$d' "$T/pages"
	pages=$(grep -c . "$T/pages")
	{
		echo "header = \"Authorization: Bearer $TOK\""
		echo "cacert = \"$CA\""
		echo "silent"
		k=0
		while [ $k -lt "$R" ]; do
			sed -n "$((k % pages + 1))p" "$T/pages" | sed 's/.*/url = "&"/'
			echo "output = \"/dev/null\""
			k=$((k + 1))
		done
	} >"$T/curl.cfg"
	c0=$(sb_cpu)
	curl -s --fail -K "$T/curl.cfg" 2>/dev/null
	c1=$(sb_cpu)
	hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$SB_PID/status")
	awk -v s="$size" -v p="$pages" -v r="$R" -v c="$((c1 - c0))" \
	    -v hz="$ticks" -v hwm="$hwm" -v f="$(wc -c <"$T/world-$size.json")" '
	    BEGIN { printf "%6d computes, %4d pages: %.3f ms CPU a page (%d requests); peak RSS %.1f MB, world file %.1f MB (%.1fx)\n",
	        s, p, c * 1000 / hz / r, r, hwm / 1024, f / 1048576, hwm * 1024 / f }'
	sandbox_stop
done
