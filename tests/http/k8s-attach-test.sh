#!/bin/sh
# Attach of an existing AKS cluster as compute type Kubernetes against the
# sandbox (kubernetes-path.md A.10, C.5, C.6): the azureml extension is
# installed when absent, kept when it has the plan's settings, sent again
# whole when its settings differ; the compute is attached after it.  A
# cluster with a service principal and one of another subscription are
# refused before any PUT; a kill -9 after the extension's step is finished
# by `akswiz watch` without sending the extension again.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"

CL="/subscriptions/[^/]*/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
ext() { echo "$CL/$1/providers/Microsoft.KubernetesConfiguration/extensions/azureml"; }
put_body() {
	grep -E "\"method\":\"PUT\",\"path\":\"$1\"" "$T/journal.log" |
	    tail -n 1 | sed -n 's/.*"body":\({.*}\),"status".*/\1/p' >"$T/body"
}
DEVTEST='"enableTraining":"False","enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","clusterPurpose":"DevTest","inferenceRouterHA":"False"'

# new_attach FILE NAME CLUSTER [FLAGS]: a dev-test attach of today's path.
new_attach() {
	f=$1 name=$2 cluster=$3
	shift 3
	plan_new "$f" attach --compute-type Kubernetes --name "$name" \
	    --compute-resource-id "/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/$cluster" \
	    --cluster-purpose DevTest "$@"
}

sb_start --polls 2
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"

# 1. A cluster without the extension: the extension, then the compute.
new_attach "$T/a.json" k8s-a aks-prod --namespace team-a
like "$T/a.json" '"operation": "attach"' "an attach plan"
like "$T/a.json" '"computeType": "Kubernetes"' "of compute type Kubernetes"
az apply "$T/a.json"
is "$rc" 0 "attach onto a cluster without the extension succeeds"
like "$T/err" 'install extension k8s-a \(step 1 of 3\): Succeeded' \
    "step 1 installs the extension"
like "$T/err" 'create namespace k8s-a \(step 2 of 3\): Succeeded' \
    "step 2 creates the namespace team-a, which the cluster lacks"
like "$T/err" 'attach k8s-a \(step 3 of 3\): Succeeded' \
    "step 3 attaches the compute"
is "$(requests POST '[^"]*/api/v1/namespaces')" 1 \
    "one POST of the namespace, through the cluster's Kubernetes API"
is "$(requests PUT "$(ext aks-prod)")" 1 "one PUT of the extension"
is "$(requests PUT '[^"]*/computes/k8s-a')" 1 "one PUT of the compute"
put_body "$(ext aks-prod)"
like "$T/body" '"clusterPurpose":"DevTest"' "the extension has the purpose"
like "$T/body" '"cluster_name_friendly":"aks-prod"' "and the cluster's name"
put_body '[^"]*/computes/k8s-a'
like "$T/body" '"computeType":"Kubernetes"' "the compute is of type Kubernetes"
like "$T/body" '"resourceId":"/subscriptions/[^"]*/managedClusters/aks-prod"' \
    "naming the cluster"
like "$T/body" '"namespace":"team-a"' "in the plan's namespace"

# 2. The extension is there with the same settings: only the compute.
k8s_extension aks-preview "$DEVTEST"
is "$K8S_STATE" Succeeded "an extension with dev-test settings is there"
new_attach "$T/s.json" k8s-s aks-preview
az apply "$T/s.json"
is "$rc" 0 "attach onto a cluster with the same settings succeeds"
like "$T/err" 'already has these settings' "and says the extension is kept"
is "$(requests PUT "$(ext aks-preview)")" 1 \
    "the extension is not sent again (1 PUT, the test's own)"
is "$(requests PUT '[^"]*/computes/k8s-s')" 1 "one PUT of the compute"

# 3. Other settings: the whole extension is sent again, then the compute.
k8s_cluster aks-other
k8s_extension aks-other "$(echo "$DEVTEST" | sed 's/"LoadBalancer"/"ClusterIP"/')"
is "$K8S_STATE" Succeeded "an extension with ClusterIP is there"
new_attach "$T/o.json" k8s-o aks-other
az apply "$T/o.json"
is "$rc" 0 "attach onto a cluster with other settings succeeds"
like "$T/err" 'inferenceRouterServiceType changes from "ClusterIP" to "LoadBalancer"' \
    "and says what changes"
is "$(requests PUT "$(ext aks-other)")" 2 \
    "the extension is sent again (the test's PUT and akswiz's)"
put_body "$(ext aks-other)"
like "$T/body" '"inferenceRouterServiceType":"LoadBalancer"' \
    "with the plan's service type"
is "$(requests PUT '[^"]*/computes/k8s-o')" 1 "one PUT of the compute"

# 3b. A cluster in another region than the workspace's: the extension's
# settings name the cluster's region (kubernetes-path.md B.4).
k8s_arm PUT "$K8S_CL/aks-weu?api-version=2024-09-01" \
    '{"location":"westeurope","identity":{"type":"SystemAssigned"},"properties":{"dnsPrefix":"aks-weu","agentPoolProfiles":[{"name":"nodepool1","mode":"System","count":3,"vmSize":"Standard_D4s_v3","osType":"Linux","type":"VirtualMachineScaleSets"}]}}'
k8s_wait
new_attach "$T/w.json" k8s-w aks-weu
az apply "$T/w.json"
is "$rc" 0 "attach onto a cluster of another region"
put_body "$(ext aks-weu)"
like "$T/body" '"location":"westeurope"' "the extension has the cluster's region"
like "$T/body" '"domain":"westeurope.cloudapp.azure.com"' "and its domain"

# 4. A cluster that signs in with a service principal is refused.
k8s_arm PUT "$K8S_CL/aks-sp?api-version=2024-09-01" \
    '{"location":"eastus","properties":{"dnsPrefix":"aks-sp","servicePrincipalProfile":{"clientId":"5b2c1d3e-0000-4000-8000-00000000aaaa","secret":"not-a-real-secret"},"agentPoolProfiles":[{"name":"nodepool1","mode":"System","count":3,"vmSize":"Standard_D4s_v3","osType":"Linux","type":"VirtualMachineScaleSets"}]}}'
k8s_wait
new_attach "$T/sp.json" k8s-sp aks-sp
az apply "$T/sp.json"
is "$rc" 3 "a service principal's cluster is refused by preflight"
like "$T/err" 'aks-sp signs in with a service principal; Azure Machine Learning needs a cluster with a managed identity' \
    "with the reason"
is "$(requests PUT "$(ext aks-sp)")/$(requests PUT '[^"]*/computes/k8s-sp')" \
    0/0 "nothing was sent"

# 5. A cluster of another subscription is refused.
OTHER=6e4a2d1c-3b5f-4a7e-8c9d-0f1e2d3c4b5a
plan_new "$T/x.json" attach --compute-type Kubernetes --name k8s-x \
    --compute-resource-id "/subscriptions/$OTHER/resourceGroups/platform-rg/providers/Microsoft.ContainerService/managedClusters/aks-x"
az apply "$T/x.json"
is "$rc" 3 "a cluster of another subscription is refused"
like "$T/err" "The cluster is in subscription $OTHER and the workspace in $SB_SUB" \
    "with both subscriptions"
is "$(requests PUT '[^"]*/computes/k8s-x')" 0 "nothing was sent"

# 5b. The attach candidates as Kubernetes: aks-prod, attached as the
# Kubernetes compute k8s-a, can be shared; aks-sp is refused; today's path
# is the default; the legacy verdicts (--compute-type AKS) still say a
# second attachment breaks the first.
az clusters -o json
cp "$T/out" "$T/default.json"
az clusters --compute-type Kubernetes -o json
is "$rc" 0 "clusters --compute-type Kubernetes"
is "$(cmp -s "$T/out" "$T/default.json" && echo same)" same \
    "clusters judges as today's path by default"
tr -d '\n' <"$T/out" | sed 's/}, *{"name"/}\n{"name"/g' >"$T/rows"
grep '"name": "aks-prod"' "$T/rows" >"$T/row"
like "$T/row" '"attachable": true' "aks-prod can be attached again"
like "$T/row" 'also attached to workspace ml-workspace as \\"k8s-a\\"; a Kubernetes compute can share the cluster' \
    "the attachment is shared, not broken"
grep '"name": "aks-sp"' "$T/rows" >"$T/row"
like "$T/row" '"attachable": false' "aks-sp cannot"
like "$T/row" 'signs in with a service principal' "for its service principal"
az clusters --compute-type Legacy
is "$rc" 2 "clusters: an unknown compute type is a usage error"
like "$T/err" '--compute-type must be Kubernetes or AKS, not "Legacy"' \
    "naming the flag"
az clusters --compute-type AKS -o json
tr -d '\n' <"$T/out" | sed 's/}, *{"name"/}\n{"name"/g' >"$T/rows"
grep '"name": "aks-prod"' "$T/rows" >"$T/row"
like "$T/row" 'attaching it again would break that attachment' \
    "--compute-type AKS judges as the legacy path does"
sb_stop

# 6. kill -9 after the extension's step (the compute's PUT held back):
# watch attaches the compute and does not send the extension again.
sb_start --polls 2 --faults 'PUT:*/computes/k8s-k=latency:8s#1'
new_attach "$T/k.json" k8s-k aks-prod
"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    apply "$T/k.json" >"$T/apply.out" 2>&1 </dev/null &
apply=$!
sent() {
	cat "$T/state/akswiz/operations/"*-k8s-k-*.json 2>/dev/null |
	    tr -d ' \n' | grep -q '"step":2,.*"state":"Submitting"'
}
wait_until $apply sent
kill -9 $apply 2>/dev/null
wait $apply 2>/dev/null
is "$?" 137 "apply was killed after the extension's step"
az watch k8s-k
is "$rc" 0 "watch finishes the attach"
like "$T/out" 'attach of k8s-k succeeded' "and says so"
is "$(requests PUT "$(ext aks-prod)")" 1 "the extension was sent once"
az show k8s-k -o json
like "$T/out" '"computeType": "Kubernetes"' "the compute is there"
sb_stop

# 7. Update of a Kubernetes compute's load balancer and TLS: plan new
# update looks the compute up (its cluster, the extension's purpose), and
# the step PUTs the whole extension with the certificate and key read
# again from their files; no secret reaches the plan, akswiz's journal,
# --debug or the output.  The same update again is sent again: the
# extension never returns its protected settings to compare.
if command -v openssl >/dev/null 2>&1; then
	sb_start --polls 2
	new_attach "$T/u0.json" k8s-u aks-prod
	az apply "$T/u0.json"
	is "$rc" 0 "a compute of type Kubernetes to update"
	openssl req -x509 -newkey rsa:2048 -nodes -days 60 \
	    -subj /CN=www.contoso.com -addext subjectAltName=DNS:www.contoso.com \
	    -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
	keyline=$(sed -n 5p "$T/key.pem")
	key64=$(base64 -w0 <"$T/key.pem" | cut -c 200-260)
	az plan new update k8s-u --load-balancer-type InternalLoadBalancer \
	    --ssl-cert-file "$T/cert.pem" --ssl-key-file "$T/key.pem" \
	    --ssl-cname www.contoso.com
	is "$rc" 0 "plan new update makes the plan"
	cp "$T/out" "$T/u.json"
	like "$T/u.json" '"operation": "update"' "an update plan"
	like "$T/u.json" '"computeType": "Kubernetes"' "of compute type Kubernetes"
	like "$T/u.json" '"clusterResourceId": "/subscriptions/[^"]*/managedClusters/aks-prod"' \
	    "naming the compute's cluster"
	like "$T/u.json" '"purpose": "DevTest"' "keeping the extension's purpose"
	az apply "$T/u.json" --debug="$T/debug.log"
	is "$rc" 0 "the update succeeds"
	like "$T/err" 'install extension k8s-u: Succeeded' \
	    "in one step, the extension"
	cat "$T/out" "$T/err" >"$T/both"
	like "$T/both" 'update of k8s-u succeeded' \
	    "the outcome names the update, not its step"
	like "$T/err" 'allowInsecureConnections changes from "True" to "False"' \
	    "saying what changes"
	like "$T/err" 'they are read from the plan.s files and sent again' \
	    "and that the certificate and key are sent again"
	is "$(requests PUT "$(ext aks-prod)")" 2 \
	    "one more PUT of the extension"
	is "$(requests PUT '[^"]*/computes/k8s-u')" 1 \
	    "the compute is not sent again"
	put_body "$(ext aks-prod)"
	like "$T/body" '"internalLoadBalancerProvider":"azure"' \
	    "the internal load balancer"
	like "$T/body" '"sslCname":"www.contoso.com"' "TLS for the CNAME"
	like "$T/body" '"configurationProtectedSettings":"<redacted>"' \
	    "the protected settings, masked in the sandbox's journal"
	az show k8s-u -o json
	like "$T/out" '"provisioningState": "Succeeded"' \
	    "the extension took them: TLS on without them would have failed"
	cat "$T/u.json" "$T/debug.log" "$T/out" "$T/err" \
	    "$T/state/akswiz/operations/"*k8s-u*.json >"$T/all.txt"
	if grep -F -q -e "$keyline" -e "$key64" "$T/all.txt"; then
		ok 1 "the key is in no plan, log, journal or output"
	else
		ok 0 "the key is in no plan, log, journal or output"
	fi
	az plan new update no-such-compute
	is "$rc" 2 "plan new update of a compute that is not there: exit 2"
	like "$T/err" 'workspace ml-workspace has no compute named "no-such-compute"' \
	    "with the reason"
	az apply "$T/u.json"
	is "$rc" 0 "the same update again"
	is "$(requests PUT "$(ext aks-prod)")" 3 \
	    "is sent again: the certificate cannot be compared"
	sb_stop
fi

done_testing
