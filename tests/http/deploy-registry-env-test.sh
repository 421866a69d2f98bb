#!/bin/sh
# plan new deploy --environment with a registry environment (issue 13,
# "Register"; kubernetes-path.md E.5): the plan's first step copies it into
# the workspace (the registry read, then one PUT of the workspace's
# version under the registry's name and version) and the deployment
# references that copy; a version the registry lacks refused by
# preflight; another deploy with it copies nothing; kill -9
# during the deployment's operation, then watch: the copy not redone;
# exports name the workspace's copy and what to run first.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
LATEST=azureml://registries/azureml/environments/sklearn-1.5/labels/latest
REG="/mferp/managementfrontend/subscriptions/[^/]*/resourceGroups/[^/]*/providers/Microsoft.MachineLearningServices/registries/azureml"
ENVP="[^\"]*/workspaces/ml-workspace/environments/sklearn-1.5/versions/28"
world() {
	k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
	k8s_dev_compute k8s-dev aks-prod ml
	k8s_arm PUT "$K8S_WSP/models/sk/versions/1?api-version=2024-10-01" '{"properties":{"modelUri":"azureml://datastores/workspaceblobstore/paths/sk/model.pkl"}}'
}
deploy_plan() {	# deploy_plan FILE ENDPOINT ENVIRONMENT
	"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name "$2" \
	    --deployment-name blue --model sk:1 --environment "$3" --cpu 0.5 \
	    --memory-gb 1 >"$1" 2>"$T/plan.err"
}
line() { grep -n -E "\"method\":\"$1\",\"path\":\"$2\"" "$T/journal.log" | head -n 1 | cut -d: -f1; }

sb_start --polls 1
world

# 1. The plan takes the registry environment.
deploy_plan "$T/d.json" ep-reg "$LATEST"
ok $? "plan new deploy with a registry environment: exit 0"
unlike "$T/plan.err" 'registry' "no refusal of the registry environment"
like "$T/d.json" "\"environment\": \"$LATEST\"" "the plan keeps the reference as given"

# 2. A version the registry lacks: refused by preflight, nothing sent.
deploy_plan "$T/m.json" ep-missing azureml://registries/azureml/environments/sklearn-1.5/versions/99
az apply "$T/m.json"
is "$rc" 3 "a version the registry lacks: preflight refuses (exit 3)"
like "$T/err" 'The registry has no environment azureml://registries/azureml/environments/sklearn-1.5/versions/99; give a version it has' "said"
is "$(k8s_writes "$T/journal.log" | grep -c -E 'environments|onlineEndpoints')" 0 "nothing written"

# 3. Applied: the copy first, then the endpoint and the deployment on it.
az apply "$T/d.json"
is "$rc" 0 "apply exits 0"
like "$T/err" 'register environment k8s-dev \(step 1 of 4\): Succeeded' "the copy is the plan's first step"
is "$(requests PUT "$ENVP")" 1 "one PUT of the workspace's sklearn-1.5:28"
g=$(line GET "$REG/environments/sklearn-1.5/versions")
p=$(line PUT "$ENVP")
[ -n "$g" ] && [ -n "$p" ] && [ "$g" -lt "$p" ]
ok $? "the registry read before the workspace's PUT"
grep '"method":"PUT","path":"[^"]*/onlineEndpoints/ep-reg/deployments/blue"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"environmentId":"/subscriptions/[^"]*/workspaces/ml-workspace/environments/sklearn-1.5/versions/28"' "the deployment references the workspace's copy"
unlike "$T/put.log" 'registries' "not the registry"

# 4. Another deploy with the same environment, in the curated short
# spelling: the workspace's copy found the same, nothing copied again.
deploy_plan "$T/e.json" ep-reg2 AzureML-sklearn-1.5@latest
az apply "$T/e.json"
is "$rc" 0 "a second deploy exits 0"
is "$(requests PUT "$ENVP")" 1 "still one PUT of the copy"
is "$(requests GET "$ENVP")" 2 "each deploy looked at the workspace's copy"
grep '"method":"PUT","path":"[^"]*/onlineEndpoints/ep-reg2/deployments/blue"' "$T/journal.log" >"$T/put2.log"
like "$T/put2.log" '"environmentId":"/subscriptions/[^"]*/environments/sklearn-1.5/versions/28"' "on the same copy"

# 5. Exports name the workspace's copy and what to run first.
az plan export --as az "$T/d.json"
like "$T/out" "^# akswiz environment create --from $LATEST\$" "export --as az: the copy to make first"
like "$T/out" '^#   environment: "azureml:sklearn-1.5@latest"$' "the deployment on the workspace's copy"
az plan export --as python "$T/d.json"
like "$T/out" "^# akswiz environment create --from $LATEST\$" "export --as python: the copy to make first"
like "$T/out" "environment=\"azureml:sklearn-1.5@latest\"" "the workspace's copy"
deploy_plan "$T/v.json" ep-v azureml://registries/azureml/environments/sklearn-1.5/versions/27
az plan export --as arm "$T/v.json"
like "$T/out" '"environmentId": "\{environmentVersionId\}"' "export --as arm: the copy's version ID stands in"
az plan export --as az "$T/v.json"
like "$T/out" '^#   environment: "azureml:sklearn-1.5:27"$' "a version by number: NAME:VERSION"
sb_stop

# 6. kill -9 while the deployment's operation runs (its first poll held
# back), then watch: finished without copying again.
sb_start --polls 1 --faults 'GET:*/mfeOperationsStatus/*=latency:8s+1#1'
world
deploy_plan "$T/k.json" ep-kill "$LATEST"
kill_polling "$T/k.json" k8s-dev 3	# the deployment: step 3 of 4
is "$kst" 137 "apply was killed during the deployment's operation"
az watch k8s-dev
is "$rc" 0 "watch finishes the deploy"
is "$(requests PUT "$ENVP")" 1 "the copy was sent once"
is "$(requests GET "$REG/environments/sklearn-1.5/versions")" 2 "the registry read by preflight and the copy, not again by watch"
is "$(requests PUT '[^"]*/onlineEndpoints/ep-kill/deployments/blue')" 1 "the deployment once"
sb_stop
done_testing
