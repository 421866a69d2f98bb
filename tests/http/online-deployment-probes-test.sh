#!/bin/sh
# online-deployment update's probe flags (as plan new deploy's): the
# --liveness-* and --readiness-* given go into one PUT of the deployment
# (the rest of it as the service has it), in the service's names and ISO
# 8601 durations; the service keeps them, and a later update of one
# member keeps the others; out-of-range values are refused by core's
# rules before anything is sent, naming the flag; a negative value, which
# is "unset" inside a plan, is refused at once with the flag and the
# range (plan new deploy's number flags too).
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
sb_start --polls 1
ep_world
writes() {
	grep -a -E '"method":"(PUT|PATCH|DELETE)"' "$T/journal.log" |
	    sed -n 's/.*"method":"\([A-Z]*\)","path":"[^"]*\/onlineEndpoints\/\([^"?]*\).*/\1 \2/p'
}

: >"$T/journal.log"
az online-deployment update --name blue --endpoint-name ep-key \
    --liveness-initial-delay 30 --liveness-period 15 \
    --liveness-failure-threshold 5 --readiness-timeout 4 \
    --readiness-success-threshold 2
ok $rc "update with probe flags exits 0"
is "$(writes)" "PUT ep-key/deployments/blue" "one PUT of the deployment"
grep -a -F '"method":"PUT"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"livenessProbe":\{"failureThreshold":5,"initialDelay":"PT30S","period":"PT15S"\}' \
    "the PUT's liveness probe: what was given, durations in ISO 8601"
like "$T/put.log" '"readinessProbe":\{"successThreshold":2,"timeout":"PT4S"\}' \
    "the PUT's readiness probe"
like "$T/put.log" '"containerResourceRequests":\{"cpu":"500m","memory":"1Gi"\}' \
    "the rest of the deployment as the service has it"
k8s_arm GET "$EP/ep-key/deployments/blue?$EP_V"
tr -d ' \n' <"$K8S_DIR/k8s.body" >"$T/got"
like "$T/got" '"livenessProbe":\{[^}]*"initialDelay":"PT30S"' "the service keeps the probe"

# The short form, one member of one probe: the other members kept.
: >"$T/journal.log"
az deployment update ep-key blue --readiness-period 7
ok $rc "deployment update E D --readiness-period 7 exits 0"
grep -a -F '"method":"PUT"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"readinessProbe":\{"period":"PT7S","successThreshold":2,"timeout":"PT4S"\}' \
    "the probe's other members kept"

# Refused by core's rules before anything is sent, naming the flag.
: >"$T/journal.log"
az online-deployment update --name blue --endpoint-name ep-key --liveness-success-threshold 3
is "$rc" 3 "a liveness success threshold of 3: refused (exit 3)"
like "$T/err" 'deploy.livenessProbe.successThreshold \(--liveness-success-threshold\) +A liveness probe.s success threshold must be 1' "said, naming the flag"
az online-deployment update --name blue --endpoint-name ep-key --readiness-period 0
is "$rc" 3 "a readiness period of 0: refused"
like "$T/err" 'period must be at least 1 second; it is 0' "said"
# Negative: "unset" inside a plan, so refused at once, with the range.
az online-deployment update --name blue --endpoint-name ep-key --liveness-initial-delay -1
is "$rc" 2 "update --liveness-initial-delay -1: usage (exit 2)"
like "$T/err" '^akswiz: --liveness-initial-delay must be from 0 to 2147483647, not "-1"$' \
    "naming the flag and the range"
az online-deployment update --name blue --endpoint-name ep-key --instance-count -3
is "$rc" 2 "update --instance-count -3: usage"
like "$T/err" '^akswiz: --instance-count must be from 0 to 2147483647, not "-3"$' "said"
is "$(writes)" "" "nothing sent"
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-x \
    --deployment-name dep --model m:1 --environment env:1 \
    --liveness-initial-delay -1 >"$T/out" 2>"$T/err"
is $? 2 "plan new deploy --liveness-initial-delay -1: usage (exit 2), not ignored"
like "$T/err" '^akswiz: --liveness-initial-delay must be from 0 to 2147483647, not "-1"$' \
    "naming the flag and the range"
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-x \
    --deployment-name dep --model m:1 --environment env:1 \
    --max-queue-wait-ms -1 >"$T/out" 2>"$T/err"
is $? 2 "plan new deploy --max-queue-wait-ms -1: usage"
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-x \
    --deployment-name dep --model m:1 --environment env:1 \
    --liveness-initial-delay 0 >"$T/out" 2>"$T/err"
ok $? "plan new deploy --liveness-initial-delay 0 is taken"

# The exports of an update-deployment plan with probes.
cat >"$T/upd.json" <<EOF
{"akswizPlan": 2, "operation": "update-deployment", "computeType": "Kubernetes",
 "name": "k8s-dev", "deploy": {"endpointName": "ep-key", "deploymentName": "blue",
 "livenessProbe": {"initialDelaySeconds": 30, "failureThreshold": 5},
 "readinessProbe": {"periodSeconds": 7}}}
EOF
az plan export --as az "$T/upd.json"
like "$T/out" '--set liveness_probe.initial_delay=30 --set liveness_probe.failure_threshold=5 --set readiness_probe.period=7$' \
    "export --as az: the probes' members set"
az plan export --as python "$T/upd.json"
like "$T/out" '^    deployment.readiness_probe = ProbeSettings\(\)$' \
    "export --as python: a probe the deployment lacks made first"
like "$T/out" '^deployment.liveness_probe.initial_delay=30$' "then its members"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import sys; compile(sys.stdin.read(), "export", "exec")' <"$T/out"
	ok $? "the export is Python"
else
	echo "ok $((n += 1)) # SKIP no python3"
fi
az plan export --as arm "$T/upd.json"
like "$T/out" '"livenessProbe":\{"initialDelay":"PT30S","failureThreshold":5\}' \
    "export --as arm: the PUT's probes"
is "$(comp akswiz online-deployment update --liveness-p)" "--liveness-period " \
    "completion: the probe flags of online-deployment update"
is "$(comp akswiz deployment update ep-key blue --readiness-f)" \
    "--readiness-failure-threshold " "and of the short form"
done_testing
