#!/bin/sh
# Every read-only command against the sandbox's world: list, show,
# versions, vm-sizes, clusters in each output format, with their exit
# statuses; usage errors; the scope from the environment and the config
# file; paging of the compute list.
. "$top_srcdir/tests/http/lib.sh"
sb_start

az list
ok $rc "list exits 0"
like "$T/out" '^NAME +TYPE +STATE +ORIGIN +PURPOSE +NODES +VM SIZE +LOCATION$' \
    "list table header"
like "$T/out" '^inf-created +AKS +Succeeded +created +FastProd +3 +D3_v2 +eastus$' \
    "list shows a created cluster and its type (sizes without Standard_ to fit)"
like "$T/out" '^inf-attached +AKS +Succeeded +attached ' "list shows an attached one"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "list table fits 80 columns"
is "$(requests GET '.*/workspaces/[^/]*/computes')" 2 \
    "list follows nextLink (two pages)"

az list -o json
ok $rc "list -o json exits 0"
like "$T/out" '"name": "inf-failed", .*"provisioningState": "Failed"' \
    "json has the failed compute"
like "$T/out" '"errorCode": "OperationNotAllowed"' "json carries the error code"
unlike "$T/out" '"computeType": "AmlCompute"' "json lists only AKS computes"

az list -o tsv
like "$T/out" "$(printf '^inf-created\tSucceeded\tcreated\t.*\teastus\tAKS$')" \
    "list -o tsv: the type last, the other columns where they were"
unlike "$T/out" '^NAME' "tsv has no header"

az show inf-attached
ok $rc "show exits 0"
like "$T/out" '^Load balancer +InternalLoadBalancer$' "show: load balancer"
tr -d ' \n' <"$T/out" | grep -q 'AKScluster/subscriptions/.*/managedClusters/aks-attached'
ok $? "show: the attached cluster"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "show's table fits 80 columns (long IDs go on more lines)"
az show inf-attached -o json
like "$T/out" '^\{"name": "inf-attached", ' "show -o json is one object"
az show no-such-compute
is "$rc" 1 "show of a missing compute exits 1"
like "$T/err" 'has no compute named "no-such-compute"' "and says so"

az versions -l eastus
ok $rc "versions exits 0"
like "$T/out" '^1\.29 +yes' "versions marks the default"
like "$T/out" '^1\.30 +yes$' "versions marks a preview"
az versions -l eastus -o json
like "$T/out" '"version": "1.29", "default": true, "preview": false' \
    "versions -o json"
az -n --subscription "$SB_SUB" versions
is "$rc" 2 "versions without -l or a workspace is a usage error"

# A region (or cloud) without kubernetesVersions: the orchestrators list.
sb_stop
sb_start --faults 'GET:*/kubernetesVersions=404'
az versions -l eastus -o json
ok $rc "versions falls back to the orchestrators list"
like "$T/out" '"version": "1\.[0-9]+\.[0-9]+"' "which names patch versions"
is "$(requests GET '.*/locations/eastus/orchestrators')" 1 \
    "after one request to orchestrators"
sb_stop
sb_start

az vm-sizes -l eastus
ok $rc "vm-sizes exits 0"
like "$T/out" '^Standard_D3_v2 +4 +14\.0 +standardDv2Family +0 +[0-9]+$' \
    "vm-sizes: vCPU, memory, family, GPU, free quota"
az vm-sizes -l eastus -o json
like "$T/out" '"name": "Standard_D3_v2", "vcpus": 4, "memoryGB": 14.00, "family": "standardDv2Family", "gpus": 0, "familyQuotaFree": [0-9]+' \
    "vm-sizes -o json"

LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 az vm-sizes -l eastus -o json
like "$T/out" '"memoryGB": 14\.00,' "json numbers keep their '.' in any locale"

az clusters --compute-type AKS
ok $rc "clusters exits 0"
like "$T/out" '^aks-prod +1\.29\.4 +3 +12 +yes ' "a healthy cluster can attach"
like "$T/out" '^aks-old .* no +Kubernetes 1\.26\.6 is not' \
    "an old version cannot"
like "$T/out" '^aks-small .* no ' "a small cluster cannot (production)"
like "$T/out" '^aks-attached .* no +AKS +aks-attached is already' \
    "an attached cluster cannot, and its compute's type is shown"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "clusters table fits 80 columns"
az clusters --compute-type AKS --purpose DevTest
like "$T/out" '^aks-small .* yes ' "a small cluster can attach for dev-test"
az clusters --compute-type AKS -o json
tr -d '\n ' <"$T/out" >"$T/flat"
like "$T/flat" '"name":"aks-old",.*"attachable":false,"verdicts":\[\{"severity":"error","field":"cluster","flag":null,"id":"K8S_UNSUPPORTED"' \
    "clusters -o json carries verdict ids"

# Scope from the environment, then from the config file.
AKSWIZ_SUBSCRIPTION=$SB_SUB AKSWIZ_RESOURCE_GROUP=$SB_RG \
    AKSWIZ_WORKSPACE=$SB_WS az -n list
ok $rc "scope from AKSWIZ_* variables"
mkdir -p "$T/config/akswiz"
printf '# defaults\nsubscription = %s\nresource-group = %s\nworkspace = %s\n' \
    "$SB_SUB" "$SB_RG" "$SB_WS" >"$T/config/akswiz/config"
az -n list -o tsv
ok $rc "scope from \$XDG_CONFIG_HOME/akswiz/config"
like "$T/out" '^inf-created' "and it lists the workspace"
rm "$T/config/akswiz/config"
az -n list
is "$rc" 2 "no scope at all is a usage error"
like "$T/err" 'no subscription' "naming what is missing"
az list -w no-such-ws
is "$rc" 5 "an unknown workspace is a service error"
like "$T/err" 'ResourceNotFound|not found' "with the service's code"

XDG_CACHE_HOME="$T/cache-empty" AZURE_CLIENT_SECRET=not-the-secret az list
is "$rc" 4 "a wrong client secret: sign-in failed (exit 4)"
unlike "$T/err" 'not-the-secret' "and the secret is not echoed"

timeout 60 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" list >"$T/out" 2>"$T/err"
is "$?" 5 "without --ca-file the sandbox is not trusted (exit 5)"
like "$T/err" '127\.0\.0\.1.*--ca-file|--ca-file.*127\.0\.0\.1' \
    "the error names the host and how to trust a CA"

az list extra
is "$rc" 2 "list with an extra argument is a usage error"
az detach inf-created
is "$rc" 2 "detach without a terminal and without --yes is refused"
like "$T/err" 'needs --yes' "saying --yes is needed"
is "$(requests DELETE '.*')" 0 "and nothing was deleted"

done_testing
