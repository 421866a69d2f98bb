#!/bin/sh
# A migration of a legacy AKS compute to today's path against the
# sandbox (kubernetes-path.md D.4; Azure/AML-Kubernetes
# docs/attach-compute-on-aks-v1-cluster.md): `plan new migrate` reads the
# legacy compute, and applying it annotates the old azureml-fe, installs
# the extension as an upgrade, creates the namespace, attaches the
# cluster as a Kubernetes compute and detaches the legacy one, in that
# order, once each; kill -9 after step 2, then `akswiz watch` finishes
# without repeating a step; what is refused: a Microsoft certificate,
# the legacy namespace azureml-<workspace>, the legacy compute's name.
. "$top_srcdir/tests/http/lib.sh"

CL="[^\"]*/managedClusters/inf-createdx7k2q"
EXT="$CL/providers/Microsoft.KubernetesConfiguration/extensions/azureml"
FE="/kube/[^\"]*/apis/apps/v1/namespaces/default/deployments/azureml-fe"
NS="/kube/[^\"]*/api/v1/namespaces"

# The journal's writes (PATCH, PUT, POST, DELETE) of the migration, in
# order, one path a line.
writes() {
	grep -E '"method":"(PATCH|PUT|POST|DELETE)","path":"[^"]*(azureml-fe|extensions/azureml|/api/v1/namespaces|computes/inf-created[^"]*)"' \
	    "$T/journal.log" |
	    sed -n 's/.*"method":"\([A-Z]*\)","path":"\([^"]*\)".*/\1 \2/p' |
	    sed 's#/kube/[^ ]*/apis/#/apis/#; s#/kube/[^ ]*/api/#/api/#; s#^\([A-Z]*\) .*/\(extensions/azureml\)$#\1 \2#; s#^\([A-Z]*\) .*/\(computes/.*\)$#\1 \2#'
}

# 1. The legacy compute inf-created (public IP, TLS off, on a cluster with
# the old azureml-fe): the plan keeps its choices.
sb_start --polls 2
az plan new migrate inf-created --namespace ml
is "$rc" 0 "plan new migrate reads the legacy compute"
cp "$T/out" "$T/m.json"
like "$T/m.json" '"operation": "migrate"' "a migration"
like "$T/m.json" '"computeType": "Kubernetes"' "to a Kubernetes compute"
like "$T/m.json" '"name": "inf-created"' "of the legacy compute"
like "$T/m.json" '"clusterResourceId": "/subscriptions/[^"]*/managedClusters/inf-createdx7k2q"' \
    "on its cluster"
like "$T/m.json" '"namespace": "ml"' "in the namespace asked for"
unlike "$T/m.json" '"newName"' "the new name is the default"
unlike "$T/m.json" '"tls"' "TLS off, as the legacy compute has it"

az apply "$T/m.json" --debug="$T/debug.log"
is "$rc" 0 "apply migrates it"
like "$T/err" 'annotate inf-created \(step 1 of 5\): Succeeded' \
    "step 1 marks the old azureml-fe"
like "$T/err" 'install extension inf-created \(step 2 of 5\): Succeeded' \
    "step 2 installs the extension over it"
like "$T/err" 'create namespace inf-created \(step 3 of 5\): Succeeded' \
    "step 3 creates the namespace"
like "$T/err" 'attach inf-created \(step 4 of 5\): Succeeded' \
    "step 4 attaches the cluster as Kubernetes"
like "$T/err" 'detach inf-created \(step 5 of 5\): Succeeded' \
    "step 5 detaches the legacy compute"
like "$T/out" '^migrate of inf-created succeeded\.$' "and says so"
writes >"$T/order"
printf '%s\n' \
    'PATCH /apis/apps/v1/namespaces/default/deployments/azureml-fe' \
    'PUT extensions/azureml' \
    'POST /api/v1/namespaces' \
    'PUT computes/inf-created-k8s' \
    'DELETE computes/inf-created' >"$T/want"
if cmp -s "$T/order" "$T/want"; then ok 0 "in D.4's order, once each"; else
	ok 1 "in D.4's order, once each"; sed 's/^/#   got: /' "$T/order"; fi
grep -E "\"method\":\"PATCH\",\"path\":\"$FE\"" "$T/journal.log" >"$T/line"
like "$T/line" '"body":\{"metadata":\{"annotations":\{"azureml-fe-enable-upgrade":"true"\}\}\}' \
    "the annotation azureml-fe-enable-upgrade=true"
grep -E "\"method\":\"PUT\",\"path\":\"$EXT\"" "$T/journal.log" >"$T/line"
like "$T/line" '"scoringFe.enableUpgrade":"true"' "the extension as an upgrade"
like "$T/line" '"inferenceRouterServiceType":"LoadBalancer"' \
    "behind a public load balancer, as before"
like "$T/line" '"allowInsecureConnections":"True"' "TLS off, as before"
like "$T/line" '"status":20[01]' "accepted"
grep -E '"method":"PUT","path":"[^"]*/computes/inf-created-k8s"' "$T/journal.log" >"$T/line"
like "$T/line" '"computeType":"Kubernetes"' "a compute of type Kubernetes"
like "$T/line" '"resourceId":"/subscriptions/[^"]*/managedClusters/inf-createdx7k2q"' \
    "on the same cluster"
like "$T/line" '"namespace":"ml"' "in namespace ml"
grep -E '"method":"DELETE","path":"[^"]*/computes/inf-created"' "$T/journal.log" >"$T/line"
like "$T/line" '"underlyingResourceAction":"Detach"' \
    "the legacy compute is detached, its cluster kept"
az show inf-created-k8s -o json
like "$T/out" '"computeType": "Kubernetes"' "the new compute is there"
like "$T/out" '"resourceId": "/subscriptions/[^"]*/managedClusters/inf-createdx7k2q"' \
    "on the same cluster"
az show inf-created -o json
is "$rc" 1 "the legacy one is gone"
like "$T/debug.log" 'PATCH https://127\.0\.0\.1:[0-9]+/kube/.*/deployments/azureml-fe' \
    "the debug log has the Kubernetes requests"
cat "$T/state/akswiz/operations/"*.json "$T/debug.log" >"$T/all.txt"
unlike "$T/all.txt" 'Bearer [0-9a-f]{16}|token: [0-9a-f]' \
    "no cluster token in the debug log or the journal"
sb_stop
done_testing
