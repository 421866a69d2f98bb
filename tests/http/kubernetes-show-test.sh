#!/bin/sh
# Kubernetes computes (today's path) in list, show and clusters against the
# sandbox: three AKS clusters of its world carry the Azure ML extension,
# made by curl as az k8s-extension would (tests/http/k8s-world.sh), and are
# attached as computes of type Kubernetes: one healthy, one whose
# extension failed its health check (E40002), one with an internal load
# balancer and TLS whose extension is then removed.  list and clusters show
# the type; show adds the cluster and the extension, never the protected
# settings, and keeps today's keys; an AKS compute costs no extra call.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start --polls 1
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"

DEV='"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"False","clusterPurpose":"DevTest"'
k8s_extension aks-prod "$DEV"
is "$K8S_STATE" Succeeded "setup: the extension on aks-prod"
k8s_attach k8s-prod aks-prod ml
k8s_extension aks-small "$DEV"
k8s_attach k8s-small aks-small
k8s_extension aks-small '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"True"'
is "$K8S_STATE" Failed "setup: HA on 2 nodes fails the health check"
# A made-up certificate and key: the sandbox keeps them, never returns them.
CERT=c2FuZGJveC1jZXJ0aWZpY2F0ZS1ub3QtYS1yZWFsLW9uZQ==
KEY=c2FuZGJveC1wcml2YXRlLWtleS1ub3QtYS1yZWFsLW9uZQ==
k8s_extension aks-ranges '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","internalLoadBalancerProvider":"azure","allowInsecureConnections":"False","sslCname":"score.contoso.example"' \
    "\"scoringFe.sslCert\":\"$CERT\",\"scoringFe.sslKey\":\"$KEY\""
is "$K8S_STATE" Succeeded "setup: internal load balancer and TLS"
k8s_attach k8s-ilb aks-ranges

az list
ok $rc "list exits 0"
like "$T/out" '^NAME +TYPE +STATE ' "list: a TYPE column"
like "$T/out" '^k8s-prod +Kubernetes +Succeeded +attached' \
    "list: a Kubernetes compute is an inference cluster"
like "$T/out" '^inf-created +AKS +Succeeded +created ' "list: AKS beside it"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "list still fits 80 columns"
az list -o tsv
like "$T/out" "$(printf '^k8s-prod\tSucceeded\tattached\t.*\tKubernetes$')" \
    "list -o tsv: the type last"
az list -o json
like "$T/out" '"name": "k8s-prod", .*"computeType": "Kubernetes"' \
    "list -o json: computeType Kubernetes"
like "$T/out" '"name": "k8s-prod", .*"namespace": "ml", "defaultInstanceType": null, "instanceTypes": \[\], "releaseTrain": "stable"' \
    "list -o json: the Kubernetes compute's own properties"
unlike "$T/out" '"name": "inf-created", [^}]*"namespace"' \
    "an AKS compute has no Kubernetes members"

before=$(grep -c . "$T/journal.log")
az show k8s-prod -o json
ok $rc "show -o json of a Kubernetes compute exits 0"
tail -n +"$((before + 1))" "$T/journal.log" >"$T/show.log"
like "$T/out" '^\{"name": "k8s-prod", "id": .*"computeType": "Kubernetes", "provisioningState": "Succeeded", "origin": "attached", "location": "eastus", "clusterPurpose": null, "agentCount": null, ' \
    "show -o json keeps today's keys"
like "$T/out" '"cluster": \{"name": "aks-prod", .*"kubernetesVersion": "1\.29\.4", "provisioningState": "Succeeded", "powerState": "Running", "pools": \[\{"name": "nodepool1", "mode": "System", "vmSize": "Standard_D4s_v3", "count": 3, "autoscaler": \{"enabled": false, "minCount": null, "maxCount": null\}\}\]\}' \
    "the cluster: version, power state, pools with their autoscaler"
like "$T/out" '"extension": \{"name": "azureml", "extensionType": "Microsoft.AzureML.Kubernetes", "version": "[0-9.]+", "releaseTrain": "stable", "autoUpgradeMinorVersion": true, "provisioningState": "Succeeded", "problem": null, "settings": \{' \
    "the extension: version, release train, state"
like "$T/out" '"settings": \{[^}]*"clusterPurpose": "DevTest"' \
    "the extension's settings"
is "$(grep -c '"method":"GET","path":"[^"]*/managedClusters/aks-prod"' "$T/show.log")" 1 \
    "show: one GET of the cluster"
is "$(grep -c '"method":"GET","path":"[^"]*/managedClusters/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml"' "$T/show.log")" 1 \
    "and one of its extension"
like "$T/show.log" 'extensions/azureml","query":\{"api-version":"2024-11-01"' \
    "at api-version 2024-11-01"

az show k8s-prod
ok $rc "show of a Kubernetes compute exits 0"
like "$T/out" '^Type +Kubernetes$' "show: the type"
like "$T/out" '^Namespace +ml$' "show: the namespace"
like "$T/out" '^Node pools +nodepool1 \(System\): 3 x Standard_D4s_v3$' \
    "show: the node pools"
like "$T/out" '^Cluster state +Succeeded, Running$' "show: the cluster's state and power"
like "$T/out" '^Extension +azureml [0-9.]+ \(stable\)$' "show: the extension"
like "$T/out" '^Load balancer +PublicIp$' "show: the load balancer from its settings"
like "$T/out" '^TLS +disabled$' "show: TLS from its settings"
unlike "$T/out" '^(VM size|Leaf label|Cluster FQDN) ' "no empty rows of the AKS schema"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "show still fits 80 columns"

az show k8s-small
like "$T/out" '^Extension state +Failed$' "a failed extension's state"
like "$T/out" '^Extension problem +E40002: ' "and its health check's code and message"
az show k8s-small -o json
like "$T/out" '"provisioningState": "Failed", "problem": "E40002: [^"]*3 nodes' \
    "show -o json: the problem"

az show k8s-ilb
like "$T/out" '^Load balancer +InternalLoadBalancer$' "internal load balancer"
like "$T/out" '^TLS +custom certificate$' "TLS with a custom certificate"
like "$T/out" '^TLS CNAME +score\.contoso\.example$' "its CNAME"
az show k8s-ilb -o json --debug="$T/debug.log"
unlike "$T/out" 'sslCert|sslKey|configurationProtectedSettings' \
    "no protected setting is shown"
unlike "$T/out" "$CERT|$KEY" "nor its value"
unlike "$T/debug.log" "$KEY" "nor logged"
like "$T/out" '"internalLoadBalancerProvider": "azure"' "the public settings are"

k8s_remove_extension aks-ranges
az show k8s-ilb
like "$T/out" '^Extension +not installed$' "an extension removed: not installed"
az show k8s-ilb -o json
like "$T/out" '"extension": null\}$' "show -o json: extension null"
like "$T/out" '"cluster": \{"name": "aks-ranges"' "and the cluster still there"

# An AKS compute: no extra call, and no cluster or extension member.
before=$(grep -c . "$T/journal.log")
az show inf-attached -o json
is "$(( $(grep -c . "$T/journal.log") - before ))" 1 "show of an AKS compute: one GET"
unlike "$T/out" '"cluster":|"extension":' "and no cluster or extension object"

az clusters
like "$T/out" '^NAME +VERSION +NODES +VCPU +OK +TYPE +VERDICT$' "clusters: a TYPE column"
like "$T/out" '^aks-prod .* yes +Kubernetes ' \
    "the type of the compute attaching it, which today's path may share"
like "$T/out" '^aks-attached .* no +AKS +aks-attached' "AKS for a legacy one"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "clusters still fits 80 columns"
az clusters -o json
tr -d '\n ' <"$T/out" >"$T/flat"
like "$T/flat" '"name":"aks-prod",[^{]*"attachedAs":"ml-workspace/k8s-prod",.*"attachedType":"Kubernetes"' \
    "clusters -o json: attachedType"
like "$T/flat" '"name":"aks-preview",[^{]*"attachedAs":null,.*"attachedType":null' \
    "null when not attached"

# A cluster that cannot be read: a warning, cluster and extension null.
sb_stop
rm -rf "$T/sb"
sb_start --polls 1 --faults 'GET:*/managedClusters/aks-prod=403'
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_extension aks-prod "$DEV"
k8s_attach k8s-prod aks-prod ml
az show k8s-prod -o json
is "$rc" 0 "a cluster that cannot be read: show still exits 0"
like "$T/out" '"cluster": null, "extension": null\}$' "with cluster and extension null"
like "$T/err" "could not read the compute's AKS cluster" "and a warning that says why"
done_testing
