#!/bin/sh
# The fixed cost of a network command (issue 14, item 1): CPU (user + sys,
# not wall: the machine may be shared) of `akswiz list` on the shipped
# world's workspace (a few computes) with a cached token, against
# `akswiz --version`; medians of RUNS runs each.  Not a test: run by hand
# from a build tree,
#	sh bench/fixed-cost-bench.sh [BUILDDIR]	(RUNS=21)
# Goal: list <= 3x the CPU of --version.  Then vm-sizes without -l, whose
# workspace check is cached (issue 14, item 3): its CPU and how many
# workspace GETs its runs made.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
RUNS=${RUNS:-21}
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"

sb_start
az list			# signs in once: later runs use the cached token
[ "$rc" -eq 0 ] || { cat "$T/err"; exit 1; }
echo "workspace: the shipped world's ml-workspace, $(($(grep -c . "$T/out") - 1)) AKS clusters listed"

# median LABEL COMMAND...: the median of RUNS runs' user + sys CPU, from
# the child's rusage (wait4; /usr/bin/time rounds to 10 ms), started with
# posix_spawn so that leaving a forked parent's memory is not counted.
median() {
	label=$1
	shift
	python3 - "$T/median" "$label" "$RUNS" "$@" <<'PY'
import os, sys
out, label, runs, argv = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
fa = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
cpu = []
for _ in range(runs):
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    if status != 0:
        sys.exit("%s: exit status %d" % (label, status))
    cpu.append((ru.ru_utime + ru.ru_stime) * 1000)
cpu.sort()
with open(out, "w") as f:
    print("%.2f" % cpu[len(cpu) // 2], file=f)
print("%-30s median %6.2f ms CPU (min %.2f, max %.2f, %d runs)"
      % (label, cpu[len(cpu) // 2], cpu[0], cpu[-1], runs))
PY
}

median "akswiz --version" "$AKSWIZ" --version
v=$(cat "$T/median")
median "akswiz list (token cached)" "$AKSWIZ" --endpoint "$SB_URL" \
    --authority "$SB_AUTH" --ca-file "$SB_CA" --subscription "$SB_SUB" \
    -g "$SB_RG" -w "$SB_WS" list
l=$(cat "$T/median")
awk -v l="$l" -v v="$v" 'BEGIN { if (v > 0) printf "list / --version: %.1fx (goal <= 3x)\n", l / v }'
# vm-sizes without -l: the workspace's region, from the workspace check
# cached in $XDG_CACHE_HOME/akswiz/scopes.json (a GET of the workspace
# each time before it), then the region's sizes.
n0=$(requests GET '.*/workspaces/[^/]*' || true)
median "akswiz vm-sizes (region cached)" "$AKSWIZ" --endpoint "$SB_URL" \
    --authority "$SB_AUTH" --ca-file "$SB_CA" --subscription "$SB_SUB" \
    -g "$SB_RG" -w "$SB_WS" vm-sizes
n1=$(requests GET '.*/workspaces/[^/]*' || true)
echo "workspace GETs in $RUNS runs of vm-sizes: $((n1 - n0))"
