#!/bin/sh
# Deploying, from `apply` to Succeeded, against the sandbox at its default
# --speed 60: the example of examples/deploy/ (its model file and scoring
# code uploaded, the image registered, endpoint, deployment, traffic), then
# a scale, a second deployment at 10 percent, the switch to it and the
# deletes; wall time and akswiz's CPU (/usr/bin/time) each.  Then the
# scoring call: `akswiz online-endpoint invoke` (a process, its key read
# from Resource Manager, the POST) beside curl's POST of the same body
# with the key already in hand, medians of CALLS runs.
# Not a test: run by hand from a build tree,
#	sh bench/deploy-bench.sh [BUILDDIR]	(RETRY_AFTER=5 CALLS=41)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"
. "$srcdir/bench/bench-lib.sh"
CALLS=${CALLS:-41}
ex="$srcdir/examples/deploy"
IMAGE=mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest

sb_start --retry-after "${RETRY_AFTER:-5}"
plan "$T/create.json" create --name bench-k8s --cluster-purpose DevTest \
    --vm-size Standard_D4s_v3 --agent-count 1
timed "create the compute (not deploying)" apply "$T/create.json"
deploy() {
	d=$1
	shift
	plan "$T/$d.json" deploy --compute bench-k8s --endpoint-name bench-ep \
	    --deployment-name "$d" --model "$ex/model.json" \
	    --code-path "$ex/src" --scoring-script score.py --image "$IMAGE" \
	    --cpu 0.5 --memory-gb 1 "$@"
}
deploy blue
timed "deploy (uploads, endpoint, deployment, traffic)" apply "$T/blue.json"
timed "scale to 2 instances" deployment scale bench-ep blue --instance-count 2
deploy green --traffic blue=90 green=10
timed "second deployment at 10 percent" apply "$T/green.json"
timed "traffic 0/100" endpoint update bench-ep --traffic "blue=0 green=100"
timed "delete the old deployment" deployment delete bench-ep blue --yes

# The scoring call.
key=$("$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" online-endpoint \
    get-credentials --name bench-ep --show-secrets -o json |
    sed -n 's/.*"primaryKey": "\([^"]*\)".*/\1/p')
uri=$(printf '%s/api/v1/endpoint/bench-ep/score' "$SB_URL")
printf 'header = "Authorization: Bearer %s"\n' "$key" >"$T/curl.cfg"
median_ms() {
	i=0
	: >"$T/ms"
	while [ $i -lt "$CALLS" ]; do
		a=$(date +%s%N)
		"$@" >/dev/null 2>&1
		b=$(date +%s%N)
		echo $(( (b - a) / 1000 )) >>"$T/ms"
		i=$((i + 1))
	done
	sort -n "$T/ms" | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'
}
a=$(median_ms "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
    --ca-file "$SB_CA" --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" \
    online-endpoint invoke --name bench-ep --request-file "$ex/request.json")
c=$(median_ms curl -s --cacert "$SB_CA" -K "$T/curl.cfg" \
    -H 'Content-Type: application/json' --data-binary "@$ex/request.json" "$uri")
echo "invoke, median of $CALLS: akswiz $a ms (a process, listKeys, the POST); curl $c ms (the POST, key in hand)"
