#!/bin/sh
# akswiz online-endpoint and online-deployment against the sandbox
# (deploy.md 1c): an endpoint and a Kubernetes deployment made by curl as
# az ml would, on a Kubernetes compute; then list and show as a table, tsv
# and json, a name that does not exist, usage errors; only GETs sent.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
sb_start --polls 1
ep_world
is "$K8S_STATUS/$(grep -c '"provisioningState": *"Succeeded"' "$T/k8s.body")" 200/1 "setup: blue on ep-key"
before=$(grep -c . "$T/journal.log")

az online-endpoint list
ok $rc "online-endpoint list exits 0"
like "$T/out" '^NAME +STATE +AUTH +COMPUTE +TRAFFIC' "list: the header"
like "$T/out" '^ep-key +Succeeded +Key +k8s-dev +blue=100$' "list: the key endpoint, its compute and traffic"
like "$T/out" '^ep-tok +Succeeded +AMLToken +k8s-dev *$' "list: the token endpoint"
az online-endpoint list -o tsv
like "$T/out" "$(printf '^ep-key\tSucceeded\tKey\tk8s-dev\tblue=100$')" "list -o tsv"
az online-endpoint list -o json
like "$T/out" '"name": "ep-key", .*"provisioningState": "Succeeded", "authMode": "Key", "scoringUri": "https://[^"]*/api/v1/endpoint/ep-key/score", .*"compute": "k8s-dev", .*"traffic": {"blue": 100}' "list -o json"

az online-endpoint show --name ep-key
ok $rc "online-endpoint show exits 0"
like "$T/out" '^Scoring URI +https://.*/api/v1/endpoint/ep-key/score$' "show: the scoring URI"
like "$T/out" '^Auth mode +Key$' "show: the auth mode"
like "$T/out" '^Traffic +blue=100$' "show: the traffic"
like "$T/out" '^Compute +k8s-dev$' "show: its compute"
like "$T/out" '^State +Succeeded$' "show: its state"
az online-endpoint show -n ep-key -o json
like "$T/out" '^{"name": "ep-key", "id": "/subscriptions/.*/onlineEndpoints/ep-key", ' "show -o json: one object"
like "$T/out" '"description": "demo"}$' "show -o json: the description last"
az online-endpoint show --name nosuch
is "$rc" 1 "show of an endpoint that does not exist: exit 1"
like "$T/err" 'has no online endpoint named "nosuch"' "and says so"
az online-endpoint show
is "$rc" 2 "show without --name: usage"
az online-endpoint frobnicate
is "$rc" 2 "an unknown verb: usage"

az online-deployment list --endpoint-name ep-key
ok $rc "online-deployment list exits 0"
like "$T/out" '^NAME +STATE +INSTANCES +INSTANCE TYPE' "deployment list: the header"
like "$T/out" '^blue +Succeeded +2 +defaultinstancetype$' "deployment list: blue, 2 instances"
az online-deployment list -e ep-key -o json
like "$T/out" '"name": "blue", .*"instanceCount": 2, "instanceType": "defaultinstancetype"' "deployment list -o json"
like "$T/out" '"requests": {"cpu": "500m", "memory": "1Gi", "gpu": null}, "limits": {"cpu": "1", "memory": "2Gi", "gpu": null}' "deployment list -o json: the resources"
az online-deployment show --name blue --endpoint-name ep-key
ok $rc "online-deployment show exits 0"
like "$T/out" '^Instances +2$' "deployment show: the instance count"
like "$T/out" '^Requests +cpu=500m memory=1Gi$' "deployment show: the requests"
like "$T/out" '^Limits +cpu=1 memory=2Gi$' "deployment show: the limits"
like "$T/out" '^Instance type +defaultinstancetype$' "deployment show: the instance type"
az online-deployment show --name green --endpoint-name ep-key
is "$rc" 1 "a deployment that does not exist: exit 1"
like "$T/err" 'has no deployment named "green"' "and says so"
az online-deployment list --endpoint-name nosuch
is "$rc" 1 "the deployments of an endpoint that does not exist: exit 1"
az online-deployment list
is "$rc" 2 "deployment list without --endpoint-name: usage"

tail -n +"$((before + 1))" "$T/journal.log" | grep -a '"user-agent":"akswiz' |
    grep -a -c -v '"method":"GET"\|oauth2' >"$T/n"
is "$(cat "$T/n")" 0 "nothing but GETs (and the sign-in) sent"
tail -n +"$((before + 1))" "$T/journal.log" | grep -a '"user-agent":"akswiz' |
    grep -a -c '"method":"GET","path":"[^"]*/onlineEndpoints/ep-key/deployments/blue"' >"$T/n"
is "$(cat "$T/n")" 1 "the deployment read with one GET"

# Completion (completion/akswiz): the commands, their verbs, their options.
comp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
	    _akswiz; printf "%s\n" "${COMPREPLY[@]}"' sh \
	    "$top_srcdir/completion/akswiz" "$@" | sort | tr '\n' ' '
}
is "$(comp akswiz online-)" "online-deployment online-endpoint " "completion: the commands"
is "$(comp akswiz online-endpoint '')" "create delete get-credentials invoke list regenerate-keys show update " "completion: the verbs"
is "$(comp akswiz online-endpoint create --auth-mode '')" "aml_token key " "completion: the auth modes"
is "$(comp akswiz online-deployment '')" "delete get-logs list show update " "completion: the deployment verbs"
is "$(comp akswiz online-endpoint regenerate-keys --key-type '')" "primary secondary " "completion: the key types"
is "$(comp akswiz online-deployment get-logs --container '')" "inference-server storage-initializer " "completion: the containers"
is "$(comp akswiz online-endpoint get-credentials --sh)" "--show-secrets " "completion: --show-secrets"
is "$(comp akswiz online-deployment show --endpoint-)" "--endpoint-name " "completion: --endpoint-name"
is "$(comp akswiz online-endpoint update --tr)" "--traffic " "completion: --traffic"
is "$(comp akswiz online-deployment update --instance-)" "--instance-count " "completion: --instance-count"
is "$(comp akswiz deployment '')" "delete get-logs list scale show update " "completion: the short form's verbs"
is "$(comp akswiz endpoint delete ep1 --y)" "--yes " "completion: --yes"
done_testing
