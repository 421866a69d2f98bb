#!/bin/sh
# akswiz plan new deploy, apply and invoke against the sandbox (issue 13):
# the README's three lines with registered references; exactly one PUT of
# the endpoint, one of the deployment and one write of the traffic; a
# deploy into an endpoint the workspace has (its traffic kept, 0 to the
# new one unless --traffic says); every refusal of the rules and of
# preflight before anything is sent; exports as az and ARM.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start --polls 1
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_dev_compute k8s-dev aks-prod ml
# The model and environment the plan names, where the sandbox has them.
k8s_arm PUT "$K8S_WSP/models/sk/versions/1?api-version=2024-10-01" '{"properties":{"modelUri":"azureml://datastores/workspaceblobstore/paths/sk/model.pkl"}}'
k8s_arm PUT "$K8S_WSP/environments/env/versions/1?api-version=2024-10-01" '{"properties":{"image":"mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest"}}'
ASSETS=$K8S_STATUS
writes() { k8s_writes "$T/journal.log" | grep -c -E "$1"; }

# 1. The README's three lines.
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-readme \
    --deployment-name blue --model sk:1 --environment env:1 --cpu 0.5 \
    --memory-gb 1 --instance-count 1 >"$T/d.json" 2>"$T/err"
ok $? "plan new deploy exits 0"
like "$T/d.json" '"operation": "deploy"' "the plan is a deploy"
like "$T/err" 'Without --traffic, deployment blue gets 100 percent of a new endpoint' "it says where the traffic goes"
az apply "$T/d.json"
ok $rc "apply exits 0"
like "$T/out" '^deploy of blue on ep-readme succeeded; the endpoint.s traffic: blue=100\.$' "the outcome names the deployment and its traffic"
like "$T/err" 'create endpoint k8s-dev \(step 1 of 3\): Succeeded' "the endpoint's step"
like "$T/err" 'create deployment k8s-dev \(step 2 of 3\): Succeeded' "the deployment's step"
is "$(writes 'PUT .*/onlineEndpoints/ep-readme$')" 1 "one PUT of the endpoint"
is "$(writes 'PUT .*/onlineEndpoints/ep-readme/deployments/blue$')" 1 "one PUT of the deployment"
is "$(writes 'PATCH .*/onlineEndpoints/ep-readme$')" 1 "one write of the traffic"
grep '"method":"PUT","path":"[^"]*/onlineEndpoints/ep-readme/deployments/blue"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"body":\{"location":"eastus","properties":\{' "the deployment in the workspace's region"
like "$T/put.log" '"endpointComputeType":"Kubernetes"' "a Kubernetes deployment"
like "$T/journal.log" '"containerResourceRequests":\{"cpu":"0.5","memory":"1Gi"\}' "its requests"
like "$T/journal.log" '"model":"/subscriptions/[^"]*/workspaces/ml-workspace/models/sk/versions/1"' "the model's version ID"
like "$T/journal.log" '"environmentId":"/subscriptions/[^"]*/environments/env/versions/1"' "the environment's"
like "$T/journal.log" '"sku":\{"capacity":1,"name":"Default"\}' "one instance"
like "$T/journal.log" '"method":"PATCH","path":"[^"]*/onlineEndpoints/ep-readme".*"body":\{"properties":\{"traffic":\{"blue":100\}\}\}' "100 percent to blue"
echo '{"data": [[1, 2, 3]]}' >"$T/req.json"
az online-endpoint invoke --name ep-readme --request-file "$T/req.json"
ok $rc "invoke of the endpoint exits 0"
like "$T/out" 'blue' "the deployment answered"

# 2. Into the endpoint there: green at 0 percent, blue's share kept.
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-readme \
    --deployment-name green --model sk:1 --environment env:1 \
    --cpu 0.5 --memory-gb 1 >"$T/g.json" 2>/dev/null
az apply "$T/g.json"
ok $rc "a second deployment on the endpoint"
like "$T/err" 'has other deployments: deployment green gets 0 percent' "preflight says it gets no traffic"
like "$T/out" 'traffic: blue=100 green=0\.$' "blue keeps the traffic, green named with 0"
is "$(writes 'PATCH .*/onlineEndpoints/ep-readme$')" 1 "the traffic was not written again: it was as wanted"
is "$(writes 'PUT .*/onlineEndpoints/ep-readme$')" 1 "the endpoint was not written again"
is "$(writes 'PUT .*/deployments/green$')" 1 "one PUT of green"
# 3. Then a canary with --traffic.
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-readme \
    --deployment-name canary --model sk:1 --environment env:1 \
    --cpu 0.5 --memory-gb 1 --traffic blue=90 canary=10 \
    --auth-mode aml_token >"$T/c.json" 2>/dev/null
az apply "$T/c.json"
ok $rc "a canary with --traffic blue=90 canary=10"
like "$T/err" 'Endpoint ep-readme is there with auth mode Key, which it keeps: the plan.s AMLToken is not applied' "the endpoint's own auth mode kept, with a warning"
like "$T/out" 'traffic: blue=90 .*canary=10' "the traffic as asked"

# --no-wait, then watch follows the rest.
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-later \
    --deployment-name blue --model sk:1 --environment env:1 \
    --cpu 0.5 --memory-gb 1 >"$T/l.json" 2>/dev/null
az apply "$T/l.json" --no-wait
ok $rc "apply --no-wait exits 0"
like "$T/out" 'submitted; "akswiz watch k8s-dev" follows it' "and says how to follow it"
az watch k8s-dev
ok $rc "watch follows the deploy to its end"
like "$T/out" 'deploy of blue on ep-later succeeded; the endpoint.s traffic: blue=100\.' "said"
is "$(writes 'PUT .*/onlineEndpoints/ep-later$')/$(writes 'PUT .*/ep-later/deployments/blue$')/$(writes 'PATCH .*/onlineEndpoints/ep-later$')" 1/1/1 "one PUT of each, one traffic write"

# 4. Refused before anything is sent.
n0=$(k8s_writes "$T/journal.log" | wc -l)
refused() {
	"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-ref \
	    --deployment-name blue --model sk:1 --environment env:1 "$@" \
	    >"$T/r.json" 2>/dev/null
	az apply "$T/r.json"
}
# A registry environment under a label akswiz does not resolve (latest
# and versions are copied, deploy-registry-env-test.sh): refused by plan
# new, with the forms it takes.
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-ref \
    --deployment-name blue --model sk:1 --environment \
    azureml://registries/azureml/environments/sklearn-1.5/labels/stable \
    >"$T/r.json" 2>"$T/err"
is "$?" 1 "a registry environment's other label: plan new refuses it (exit 1)"
like "$T/err" 'deploy.environment \(--environment\) +The environment "azureml://registries/azureml/environments/sklearn-1.5/labels/stable" is not a registry environment akswiz can copy into the workspace: give azureml://registries/REGISTRY/environments/NAME/versions/VERSION' "said, with the forms it takes"
refused --auth-mode none
is "$rc" 3 "auth mode none: refused (exit 3)"
like "$T/err" 'no "no authentication" mode' "said"
refused --mirror-traffic blue=10
is "$rc" 3 "mirror traffic: refused"
like "$T/err" 'Mirror traffic is not supported on Kubernetes endpoints' "said"
refused --traffic blue=60
is "$rc" 3 "traffic that does not add up to 100: refused"
like "$T/err" 'adds up to 60 percent' "said"
# --traffic as words, repeated, or one quoted word as az and endpoint
# update take it: the same plan.
for form in '--traffic blue=90 canary=10' \
    '--traffic blue=90 --traffic canary=10' '--traffic "blue=90 canary=10"' \
    '--traffic "blue=90,canary=10"'; do
	eval "\"\$AKSWIZ\" plan new deploy --compute k8s-dev --endpoint-name ep-ref \
	    --deployment-name canary --model sk:1 --environment env:1 \
	    $form" >"$T/t.json" 2>/dev/null
	ok $? "$form: taken"
	is "$(tr -d ' \n' <"$T/t.json" | sed -n 's/.*"traffic":{\([^}]*\)}.*/\1/p')" \
	    '"blue":90,"canary":10' "$form: blue 90, canary 10"
done
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-ref \
    --deployment-name canary --model sk:1 --environment env:1 \
    --traffic "blue=90 canary" >/dev/null 2>"$T/err"
is "$?" 2 "--traffic \"blue=90 canary\": refused"
like "$T/err" '--traffic takes DEPLOYMENT=PERCENT, not "canary"' "naming the word"
refused --cpu 3
is "$rc" 3 "3 CPU on a D4s_v3 with the extension: refused"
like "$T/err" 'deploy.resources.cpu \(--cpu\) +The CPU request \(3000m\) does not fit on one node' "said, naming --cpu and what is left"
refused --cpu 1 --memory-gb 2 --instance-count 40
is "$rc" 3 "40 instances: refused"
like "$T/err" '40 instances do not fit' "said"
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-readme \
    --deployment-name blue --model sk:1 --environment env:1 >"$T/r.json" 2>/dev/null
az apply "$T/r.json"
is "$rc" 3 "a deployment name the endpoint has: refused"
like "$T/err" 'Endpoint ep-readme already has a deployment named blue' "said"
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name 9ep \
    --deployment-name blue --model sk:1 --environment env:1 >"$T/r.json" 2>/dev/null
az apply "$T/r.json"
is "$rc" 3 "an endpoint name starting with a digit: refused"
"$AKSWIZ" plan new deploy --compute inf-attached --endpoint-name ep-aks \
    --deployment-name blue --model sk:1 --environment env:1 >"$T/r.json" 2>/dev/null
az apply "$T/r.json"
is "$rc" 3 "a legacy AKS compute: refused"
like "$T/err" 'Creation of Online Endpoints or deployments on AKS compute type is no longer supported' "with the service's message"
like "$T/err" 'akswiz plan new migrate inf-attached' "and the migration that moves it"
# Local files that cannot be read or are not where the plan says.
mkdir -p "$T/code"
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-ref \
    --deployment-name blue --model "$T/nosuch.pkl" --code-path "$T/code" \
    --scoring-script score.py --image mcr/x:1 >"$T/r.json" 2>"$T/err"
is "$?" 1 "plan new: a model file that is not there is an error"
like "$T/err" 'deploy.model \(--model\) +.*/nosuch.pkl cannot be read' "said, with the flag"
like "$T/err" 'The scoring script score.py is not in .*/code' "and the script not in the code folder"
az apply "$T/r.json"
is "$rc" 3 "apply: refused before anything is sent"
like "$T/err" 'nosuch.pkl cannot be read' "said again"
# A reference the workspace lacks (where the sandbox has versions; one
# that does not know the type tells nothing, and nothing is refused).
"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-ref \
    --deployment-name blue --model nosuch:1 --environment env:1 >"$T/r.json" 2>/dev/null
if [ "$ASSETS" = 201 ] || [ "$ASSETS" = 200 ]; then
	az apply "$T/r.json"
	is "$rc" 3 "a model the workspace lacks: refused"
	like "$T/err" 'The workspace has no model nosuch:1' "said"
else
	echo "ok $((n += 1)) # SKIP the sandbox has no model versions"
	echo "ok $((n += 1)) # SKIP the sandbox has no model versions"
fi
is "$(k8s_writes "$T/journal.log" | wc -l)" "$n0" "no request that changes anything was sent by a refusal"

# 5. Exports.
az plan export --as az "$T/d.json"
like "$T/out" '^az ml online-endpoint create --file endpoint.yml' "export --as az: the endpoint"
like "$T/out" '^az ml online-deployment create --file deployment.yml' "and the deployment"
like "$T/out" '^#   model: "azureml:sk:1"$' "its YAML names the model"
az plan export --as arm "$T/d.json"
like "$T/out" '^PUT /subscriptions/.*/onlineEndpoints/ep-readme/deployments/blue\?api-version=2024-10-01$' "export --as arm: the deployment's PUT"
like "$T/out" '^PATCH /subscriptions/.*/onlineEndpoints/ep-readme\?api-version=2024-10-01$' "and the traffic's PATCH"
az plan export --as python "$T/d.json"
like "$T/out" '^deployment = KubernetesOnlineDeployment\($' "export --as python: azure-ai-ml's KubernetesOnlineDeployment"
like "$T/out" '^    model="azureml:sk:1",$' "its model"
like "$T/out" '^endpoint.traffic\["blue"\] = 100$' "the traffic"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import sys; compile(sys.stdin.read(), "export", "exec")' <"$T/out"
	ok $? "the export is Python"
else
	echo "ok $((n += 1)) # SKIP no python3"
fi

# 6. Usage errors of plan new deploy: exit 2, the flag named.
usage() { "$AKSWIZ" plan new deploy "$@" >"$T/out" 2>"$T/err"; rc=$?; }
usage --endpoint-name e --deployment-name d --model m:1 --environment e:1
is "$rc" 2 "no --compute: usage"
like "$T/err" 'plan new deploy needs --compute NAME' "said"
usage --compute c --cpu lots
is "$rc" 2 "--cpu lots: usage"
like "$T/err" '--cpu must be a number such as 0.5 or 2, not "lots"' "said"
usage --compute c --traffic blue
is "$rc" 2 "--traffic without a percent: usage"
like "$T/err" '--traffic takes DEPLOYMENT=PERCENT, not "blue"' "said"
usage --compute c --vm-size Standard_D2_v2
is "$rc" 2 "a flag of another plan: usage"
like "$T/err" 'unknown flag "--vm-size"; "akswiz plan new deploy --help" lists the flags' "said"
usage --help
ok $rc "--help exits 0"
like "$T/out" '^Usage: akswiz plan new deploy --compute NAME' "and prints the usage"
usage --compute c --endpoint-name ep-all --deployment-name dep --model m:1 \
    --environment e:1 --memory-gb 1.5 --cpu-limit 2 --memory-limit-gb 3 \
    --gpu 0 --min-instances 1 --max-instances 3 --target-utilization 70 \
    --max-concurrent-requests 2 --max-queue-wait-ms 500 --app-insights \
    --auth-mode aml_token --instance-type big -f "$T/all.json"
ok $rc "every flag into a file"
tr -d ' \n' <"$T/all.json" >"$T/all1"
like "$T/all1" '"authMode":"aml_token","deploymentName":"dep","model":"m:1","environment":"e:1","instanceType":"big","resources":\{"memory":"1.5Gi","cpuLimit":"2","memoryLimit":"3Gi","gpu":0\},"scale":\{"minInstances":1,"maxInstances":3,"targetUtilization":70\},"requests":\{"maxConcurrentPerInstance":2,"maxQueueWaitMs":500\},"appInsights":true' "each in its member"

# 7. Completion.
comp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
	    _akswiz; printf "%s\n" "${COMPREPLY[@]}"' sh \
	    "$top_srcdir/completion/akswiz" "$@" | sort | tr '\n' ' '
}
like_s() { printf '%s\n' "$1" | grep -E -q -- "$2"; ok $? "$3"; }
like_s "$(comp akswiz plan new '')" ' deploy ' "completion: plan new deploy"
is "$(comp akswiz plan new deploy --deployment-)" "--deployment-name " "completion: its flags"
is "$(comp akswiz plan new deploy --auth-mode '')" "aml_token key " "completion: the auth modes"
done_testing
