#!/bin/sh
# A detach (--uninstall-extension, --delete-cluster) or a delete of a
# Kubernetes compute whose first step, the compute's DELETE, went through
# but a later step failed (fault injection) is partly applied; applying
# the same plan again finds the compute gone, takes that step as done,
# and sends only what is left: the sandbox's journal shows only the
# remaining request.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"

command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP no curl"; exit 0; }

# The plan of the compute's newest journal entry, as a plan file.
journaled_plan() {
	python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["plan"]))' \
	    "$(ls -t "$T/state/akswiz/operations/"*-"$1"-*.json | head -n 1)" >"$2"
}

# akswiz's changes in the journal, lower case.
changes() { k8s_changes "$T/journal.log" | tr 'A-Z' 'a-z'; }

# 1. detach --uninstall-extension: the extension's DELETE refused once.
sb_start --polls 2 --faults 'DELETE:*/extensions/azureml=400#1'
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_dev_compute k8s-d aks-prod
az detach k8s-d --uninstall-extension --yes
is "$rc" 6 "the extension refused: the detach is partly applied"
like "$T/err" 'detach of k8s-d is partly applied' "and says so"
journaled_plan k8s-d "$T/d.json"
: >"$T/journal.log"
az apply "$T/d.json"
is "$rc" 0 "applying it again finishes it"
like "$T/out" 'detach of k8s-d succeeded' "and says so"
is "$(changes)" "$(echo "delete $K8S_CL/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml" | tr 'A-Z' 'a-z')" \
    "only the extension's DELETE is sent"

# 2. delete of a compute akswiz created with its cluster: the cluster's
# DELETE refused once; applied again, only the cluster's DELETE.
sb_start --polls 2 --faults 'DELETE:*/managedClusters/aks-gone=400#1'
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
# A cluster with akswiz's createdBy tag (as its create makes it), then
# the extension and the compute.
k8s_arm PUT "$K8S_CL/aks-gone?api-version=2024-09-01" \
    '{"location":"eastus","tags":{"createdBy":"akswiz"},"identity":{"type":"SystemAssigned"},"properties":{"dnsPrefix":"aks-gone","agentPoolProfiles":[{"name":"nodepool1","mode":"System","count":1,"vmSize":"Standard_D2_v2","osType":"Linux","type":"VirtualMachineScaleSets"}]}}'
k8s_wait
k8s_dev_compute k8s-gone aks-gone
is "$K8S_STATE" Succeeded "a Kubernetes compute on a cluster akswiz created"
az delete k8s-gone --yes
is "$rc" 6 "the cluster refused: the delete is partly applied"
journaled_plan k8s-gone "$T/x.json"
: >"$T/journal.log"
az apply "$T/x.json"
is "$rc" 0 "applying it again finishes it"
like "$T/out" 'delete of k8s-gone succeeded' "and says so"
is "$(changes)" "$(echo "delete $K8S_CL/aks-gone" | tr 'A-Z' 'a-z')" \
    "only the cluster's DELETE is sent"
done_testing
