#!/bin/sh
# Liveness and readiness probes of akswiz plan new deploy (issue 13): the
# flags go into the plan, the deployment's PUT carries only what was
# given (nothing when nothing was: the service's defaults), the exports
# name them, the rules refuse out-of-range values before anything is
# sent and name the flag, and the sandbox keeps the probes and refuses
# what the service refuses.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start --polls 1
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_dev_compute k8s-dev aks-prod ml
k8s_arm PUT "$K8S_WSP/models/sk/versions/1?api-version=2024-10-01" '{"properties":{"modelUri":"azureml://datastores/workspaceblobstore/paths/sk/model.pkl"}}'
k8s_arm PUT "$K8S_WSP/environments/env/versions/1?api-version=2024-10-01" '{"properties":{"image":"mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest"}}'
writes() { k8s_writes "$T/journal.log" | grep -c -E "$1"; }
new() {
	"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-probe \
	    --model sk:1 --environment env:1 --cpu 0.5 --memory-gb 1 "$@"
}

# 1. Probes given: in the plan, in the PUT, kept by the service.
new --deployment-name blue --liveness-initial-delay 30 --liveness-period 15 \
    --liveness-failure-threshold 5 --readiness-timeout 4 \
    --readiness-success-threshold 2 >"$T/d.json" 2>"$T/err"
ok $? "plan new deploy with probe flags exits 0"
tr -d ' \n' <"$T/d.json" >"$T/d1"
like "$T/d1" '"livenessProbe":\{"initialDelaySeconds":30,"periodSeconds":15,"failureThreshold":5\},"readinessProbe":\{"timeoutSeconds":4,"successThreshold":2\}' "the plan has each probe's members given"
az apply "$T/d.json"
ok $rc "apply exits 0"
grep '"method":"PUT","path":"[^"]*/onlineEndpoints/ep-probe/deployments/blue"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"livenessProbe":\{"failureThreshold":5,"initialDelay":"PT30S","period":"PT15S"\}' "the PUT's liveness probe: what was given, durations in ISO 8601"
like "$T/put.log" '"readinessProbe":\{"successThreshold":2,"timeout":"PT4S"\}' "the PUT's readiness probe"
k8s_arm GET "$K8S_WSP/onlineEndpoints/ep-probe/deployments/blue?api-version=2024-10-01"
tr -d ' \n' <"$K8S_DIR/k8s.body" >"$T/got"
like "$T/got" '"livenessProbe":\{[^}]*"initialDelay":"PT30S"' "the service returns the probe it was sent"

# 2. No probe flag: no probe in the PUT.
new --deployment-name green >"$T/g.json" 2>/dev/null
az apply "$T/g.json"
ok $rc "a deployment without probe flags"
grep '"method":"PUT","path":"[^"]*/onlineEndpoints/ep-probe/deployments/green"' "$T/journal.log" >"$T/put.log"
is "$(wc -l <"$T/put.log")" 1 "one PUT of green"
unlike "$T/put.log" 'livenessProbe|readinessProbe' "no probe sent: the service's defaults apply"

# 3. Exports.
az plan export --as az "$T/d.json"
like "$T/out" '^#   liveness_probe:$' "export --as az: liveness_probe"
like "$T/out" '^#     initial_delay: 30$' "with its initial delay"
like "$T/out" '^#   readiness_probe:$' "and readiness_probe"
like "$T/out" '^#     success_threshold: 2$' "with its success threshold"
az plan export --as python "$T/d.json"
tr -d ' \n' <"$T/out" >"$T/py1"
like "$T/py1" 'liveness_probe=ProbeSettings\(initial_delay=30,period=15,failure_threshold=5\)' "export --as python: ProbeSettings"
like "$T/py1" 'readiness_probe=ProbeSettings\(timeout=4,success_threshold=2\)' "and the readiness probe"
like "$T/out" 'ProbeSettings, ResourceRequirementsSettings' "imported"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import sys; compile(sys.stdin.read(), "export", "exec")' <"$T/out"
	ok $? "the export is Python"
else
	echo "ok $((n += 1)) # SKIP no python3"
fi
az plan export --as arm "$T/d.json"
like "$T/out" '"livenessProbe"' "export --as arm: the deployment's body has the probe"

# 4. Refused by the rules before anything is sent, naming the flag.
new --deployment-name red --liveness-success-threshold 3 >"$T/r.json" 2>"$T/err"
is $? 1 "a liveness success threshold of 3: an error verdict (exit 1)"
like "$T/err" 'deploy.livenessProbe.successThreshold \(--liveness-success-threshold\) +A liveness probe.s success threshold must be 1' "said, naming the flag"
new --deployment-name red --readiness-period 0 >"$T/r.json" 2>"$T/err"
is $? 1 "a readiness period of 0: an error verdict"
like "$T/err" '\(--readiness-period\) +The readiness probe.s period must be at least 1 second; it is 0' "said, naming the flag"
new --deployment-name red --readiness-success-threshold 3 >"$T/r.json" 2>"$T/err"
ok $? "a readiness success threshold of 3 is allowed"
az apply "$T/r.json"
ok $rc "and applied"
new --deployment-name pink --liveness-failure-threshold 0 >"$T/r0.json" 2>/dev/null
az apply "$T/r0.json"
is "$rc" 3 "apply of a plan with failure threshold 0: refused"
like "$T/err" 'failure thresholds must be at least 1' "said"
is "$(k8s_writes "$T/journal.log" | grep -c 'deployments/red$')" 1 "the allowed red was sent"
is "$(k8s_writes "$T/journal.log" | grep -c 'deployments/pink$')" 0 "the refused pink was not"

# 5. The sandbox refuses what the service refuses (an ARM error).
k8s_arm PUT "$K8S_WSP/onlineEndpoints/ep-probe/deployments/bad?api-version=2024-10-01" '{"location":"eastus","properties":{"endpointComputeType":"Kubernetes","model":"'"$K8S_WSP"'/models/sk/versions/1","environmentId":"'"$K8S_WSP"'/environments/env/versions/1","livenessProbe":{"successThreshold":2}}}'
is "$K8S_STATUS" 400 "the sandbox: a liveness success threshold of 2 is a 400"
like "$K8S_DIR/k8s.body" '"code":"BadRequest"' "in the ARM error envelope"
like "$K8S_DIR/k8s.body" 'success threshold must be 1' "saying why"
k8s_arm PUT "$K8S_WSP/onlineEndpoints/ep-probe/deployments/bad?api-version=2024-10-01" '{"location":"eastus","properties":{"endpointComputeType":"Kubernetes","model":"'"$K8S_WSP"'/models/sk/versions/1","environmentId":"'"$K8S_WSP"'/environments/env/versions/1","readinessProbe":{"period":"ten"}}}'
is "$K8S_STATUS" 400 "the sandbox: a period that is not a duration is a 400"
like "$K8S_DIR/k8s.body" 'readinessProbe.period is not an ISO 8601 duration' "saying which"

# 6. Usage and completion.
"$AKSWIZ" plan new deploy --compute c --liveness-period soon >/dev/null 2>"$T/err"
is $? 2 "--liveness-period soon: usage"
like "$T/err" '--liveness-period must be a whole number, not "soon"' "said"
comp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
	    _akswiz; printf "%s\n" "${COMPREPLY[@]}"' sh \
	    "$top_srcdir/completion/akswiz" "$@" | sort | tr '\n' ' '
}
is "$(comp akswiz plan new deploy --readiness-s)" "--readiness-success-threshold " "completion: the probe flags"
done_testing
