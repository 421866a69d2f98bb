#!/bin/sh
# akswiz online-endpoint create against the sandbox: a plan of one typed
# step (the endpoint's PUT), checked by core's rules before anything is
# sent (the name, the auth mode, a Kubernetes compute, a name not taken;
# a legacy AKS compute refused with the service's message and the way to
# migrate it), then applied and followed, or left to `akswiz watch`.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start --polls 1
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_dev_compute k8s-dev aks-prod ml
puts() { requests PUT '[^"]*/onlineEndpoints/[^"/]*'; }

az online-endpoint create --name ep-new --compute k8s-dev --description demo
ok $rc "create exits 0"
like "$T/out" "^create-endpoint of ep-new succeeded" "the outcome names the endpoint, not its compute"
like "$T/err" "create endpoint k8s-dev: Succeeded" "the progress of its step"
is "$(puts)" 1 "one PUT of an endpoint"
like "$T/journal.log" '"method":"PUT","path":"[^"]*/workspaces/ml-workspace/onlineEndpoints/ep-new"' "the endpoint ep-new"
az online-endpoint show --name ep-new -o json
like "$T/out" '"provisioningState": "Succeeded", "authMode": "Key", .*"compute": "k8s-dev"' "it is there: Succeeded, auth mode Key (the default), on k8s-dev"
like "$T/out" '"description": "demo"' "with its description"

az online-endpoint create --name ep-tok --compute k8s-dev --auth-mode aml_token
ok $rc "create with --auth-mode aml_token"
az online-endpoint show --name ep-tok
like "$T/out" '^Auth mode +AMLToken$' "auth mode AMLToken"

# Refused before anything is sent.
n0=$(puts)
az online-endpoint create --name ep-aks --compute inf-attached
is "$rc" 3 "a legacy AKS compute: refused (exit 3)"
like "$T/err" 'Creation of Online Endpoints or deployments on AKS compute type is no longer supported' "with the service's message"
like "$T/err" 'akswiz plan new migrate inf-attached' "and the migration that moves it"
az online-endpoint create --name ep-new --compute k8s-dev
is "$rc" 3 "a name the workspace has: refused"
like "$T/err" 'already has an online endpoint named ep-new' "said"
az online-endpoint create --name 1ep --compute k8s-dev
is "$rc" 3 "a name starting with a digit: refused"
az online-endpoint create --name ep-aad --compute k8s-dev --auth-mode aad_token
is "$rc" 3 "aad_token: refused"
like "$T/err" 'aad_token is not supported on Kubernetes' "said"
az online-endpoint create --name ep-x --compute nosuch
is "$rc" 3 "a compute that does not exist: refused by preflight"
like "$T/err" 'no compute named "nosuch"' "said"
az --readonly online-endpoint create --name ep-ro --compute k8s-dev
is "$rc" 3 "--readonly: refused"
az online-endpoint create --name ep-x
is "$rc" 2 "no --compute: usage"
is "$(puts)" "$n0" "no PUT sent by any refusal"

# --no-wait, then watch follows it to its end.
az online-endpoint create --name ep-later --compute k8s-dev --no-wait
ok $rc "create --no-wait exits 0"
az watch k8s-dev
ok $rc "watch follows it"
az online-endpoint show --name ep-later
like "$T/out" '^State +Succeeded$' "the endpoint ended Succeeded"
is "$(requests PUT '[^"]*/onlineEndpoints/ep-later')" 1 "one PUT"
# The plan as a file: exported, checked, applied.
cat >"$T/ep.json" <<JSON
{"akswizPlan": 2, "operation": "create-endpoint", "computeType": "Kubernetes",
 "scope": {"subscription": "$SB_SUB", "resourceGroup": "$SB_RG", "workspace": "$SB_WS"},
 "name": "k8s-dev", "deploy": {"endpointName": "ep-file", "authMode": "aml_token"}}
JSON
az plan export --as arm "$T/ep.json"
like "$T/out" '^PUT /subscriptions/.*/workspaces/ml-workspace/onlineEndpoints/ep-file\?api-version=2024-10-01$' "export --as arm: the endpoint's PUT"
like "$T/out" '"authMode": "AMLToken"' "with its auth mode"
az plan export --as az "$T/ep.json"
like "$T/out" '^az ml online-endpoint create --file endpoint.yml' "export --as az: az ml online-endpoint create"
like "$T/out" '^#   auth_mode: aml_token$' "its YAML's auth mode"
az plan export --as python "$T/ep.json"
like "$T/out" 'KubernetesOnlineEndpoint\(name="ep-file", compute="k8s-dev", auth_mode="aml_token"\)' "export --as python: azure-ai-ml"
sed 's/aml_token/aad_token/' "$T/ep.json" >"$T/ep-aad.json"
az plan check "$T/ep-aad.json"
is "$rc" 1 "plan check: aad_token is an error"
like "$T/out" 'aad_token is not supported on Kubernetes' "named"
az apply "$T/ep.json"
ok $rc "apply of the plan file"
az online-endpoint show --name ep-file
like "$T/out" '^Auth mode +AMLToken$' "the endpoint it made"
sb_stop

# The PUT's answer lost on the way: the endpoint is looked up, not sent
# again (one PUT), and the create ends Succeeded.
sb_start --speed 2000 --faults 'PUT:*/onlineEndpoints/ep-lost=reset-after#1'
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_dev_compute k8s-dev aks-prod ml
az online-endpoint create --name ep-lost --compute k8s-dev
ok $rc "a create whose answer was lost still succeeds"
is "$(requests PUT '[^"]*/onlineEndpoints/ep-lost')" 1 "the endpoint was not sent again"
done_testing
