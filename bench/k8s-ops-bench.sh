#!/bin/sh
# Each operation of today's path, from `apply` (or the command that
# applies) to Succeeded, against the sandbox at its default --speed 60:
# wall time and akswiz's CPU (/usr/bin/time).  Create, scale, update,
# detach, attach, migrate and delete, in that order, on one world.
# Not a test: run by hand from a build tree,
#	sh bench/k8s-ops-bench.sh [BUILDDIR]
# The sandbox asks for polls every RETRY_AFTER seconds (its default, 5)
# and akswiz follows; with RETRY_AFTER=0 POLL_MIN_MS=20 akswiz polls as
# often as it may, and the time is the sandbox's own.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"
if [ -n "${POLL_MIN_MS:-}" ]; then
	export AKSWIZ_POLL_MIN_MS="$POLL_MIN_MS"
fi

sb_start --retry-after "${RETRY_AFTER:-5}"
CLUSTER="/subscriptions/$SB_SUB/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/bench-k8s"

. "$srcdir/bench/bench-lib.sh"

plan "$T/create.json" create --name bench-k8s --cluster-purpose DevTest \
    --vm-size Standard_D4s_v3 --agent-count 1 --namespace team-a
timed "create (cluster, extension, ns, compute)" apply "$T/create.json"
timed "scale to 2 nodes" scale bench-k8s --agent-count 2 --yes
plan "$T/update.json" update bench-k8s --inference-router-service-type NodePort
timed "update the extension" apply "$T/update.json"
timed "detach" detach bench-k8s --yes
plan "$T/attach.json" attach --name bench-att --compute-resource-id "$CLUSTER" \
    --cluster-purpose DevTest
timed "attach (extension kept or sent)" apply "$T/attach.json"
plan "$T/migrate.json" migrate inf-created --namespace ml
timed "migrate (5 steps)" apply "$T/migrate.json"
timed "delete (compute and cluster)" delete bench-att --yes
