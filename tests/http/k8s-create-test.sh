#!/bin/sh
# A create on today's path (compute type Kubernetes) against the sandbox:
# three steps, each one PUT of its own resource (the AKS cluster, the
# azureml extension on it, the compute of type Kubernetes), with the
# bodies of kubernetes-path.md A.3, B.10 and C.1; the preflight of this
# path (providers registered, or registered with --register-providers;
# the cluster's name free); a lost first answer; a kill -9 after step 1
# and after step 2 that `akswiz watch` finishes without repeating a step;
# a step 2 refused, then the same plan applied again sends only the rest.
. "$top_srcdir/tests/http/lib.sh"

CLUSTERS="[^\"]*/providers/Microsoft.ContainerService/managedClusters"
EXT="$CLUSTERS/[^/\"]*/providers/Microsoft.KubernetesConfiguration/extensions/azureml"

# The body of the only PUT whose path matches ERE, on one line.
put_body() {
	grep -E "\"method\":\"PUT\",\"path\":\"$1\"" "$T/journal.log" |
	    sed -n 's/.*"body":\({.*}\),"status".*/\1/p' >"$T/body"
}

# new_k8s FILE NAME [FLAGS]: a dev-test plan of today's path.
new_k8s() {
	f=$1 name=$2
	shift 2
	plan_new "$f" create --compute-type Kubernetes --name "$name" \
	    --cluster-purpose DevTest --vm-size Standard_D2_v2 \
	    --agent-count 1 "$@"
}

# 1. The whole create, with its three bodies.
sb_start --polls 2
new_k8s "$T/k.json" ml-k8s --namespace team-a
like "$T/k.json" '"akswizPlan": 2' "the plan is of version 2"
az apply "$T/k.json"
is "$rc" 0 "apply creates it"
like "$T/out" '^create of ml-k8s succeeded\.$' "and says so"
like "$T/err" 'create cluster ml-k8s \(step 1 of 4\): Succeeded' \
    "step 1 creates the cluster"
like "$T/err" 'install extension ml-k8s \(step 2 of 4\): Succeeded' \
    "step 2 installs the extension"
like "$T/err" 'create namespace ml-k8s \(step 3 of 4\): Succeeded' \
    "step 3 creates the namespace team-a, which is not default"
like "$T/err" 'attach ml-k8s \(step 4 of 4\): Succeeded' \
    "step 4 attaches the compute"
is "$(requests PUT "$CLUSTERS/ml-k8s")" 1 "one PUT of the cluster"
is "$(requests PUT "$EXT")" 1 "one PUT of the extension"
is "$(requests PUT '[^"]*/computes/ml-k8s')" 1 "one PUT of the compute"
is "$(grep -c '"method":"POST","path":"[^"]*/register"' "$T/journal.log")" 0 \
    "registered providers are not registered again"
grep -E '"method":"PUT"' "$T/journal.log" | grep -v '"path":"/[^"]*/oauth2' |
    sed -n 's/.*"path":"\([^"]*\)".*/\1/p' >"$T/order"
like "$T/order" 'managedClusters/ml-k8s$' "the cluster first"
is "$(sed -n 1p "$T/order" | grep -c 'managedClusters/ml-k8s$')/$(sed -n 2p "$T/order" | grep -c 'extensions/azureml$')/$(sed -n 3p "$T/order" | grep -c 'computes/ml-k8s$')" \
    1/1/1 "then the extension, then the compute"
grep -E '"method":"PUT","path":"[^"]*/managedClusters/ml-k8s"' "$T/journal.log" >"$T/line"
like "$T/line" '"query":\{"api-version":"2024-09-01"\}' "the cluster at 2024-09-01"
grep -E "\"method\":\"PUT\",\"path\":\"$EXT\"" "$T/journal.log" >"$T/line"
like "$T/line" '"query":\{"api-version":"2024-11-01"\}' "the extension at 2024-11-01"
put_body "$CLUSTERS/ml-k8s"
like "$T/body" '"tags":\{"createdBy":"akswiz"\}' \
    "the cluster carries the akswiz tag"
like "$T/body" '"identity":\{"type":"SystemAssigned"\}' \
    "and a system-assigned identity"
like "$T/body" '"agentPoolProfiles":\[\{"count":1,"mode":"System","name":"nodepool1","osType":"Linux","type":"VirtualMachineScaleSets","vmSize":"Standard_D2_v2"\}\]' \
    "one System pool of the plan's size and count"
like "$T/body" '"dnsPrefix":"ml-k8s"' "a DNS prefix from the name"
put_body "$EXT"
like "$T/body" '"extensionType":"Microsoft.AzureML.Kubernetes"' \
    "the Azure ML extension"
like "$T/body" '"scope":\{"cluster":\{"releaseNamespace":"azureml"\}\}' \
    "for the whole cluster"
like "$T/body" '"clusterPurpose":"DevTest"' "its purpose"
like "$T/body" '"inferenceRouterHA":"False"' "no router HA on dev-test"
like "$T/body" '"inferenceRouterServiceType":"LoadBalancer"' \
    "the router behind a load balancer"
like "$T/body" '"allowInsecureConnections":"True"' "TLS off"
put_body '[^"]*/computes/ml-k8s'
like "$T/body" '"computeType":"Kubernetes"' "a compute of type Kubernetes"
like "$T/body" '"resourceId":"/subscriptions/[^"]*/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/ml-k8s"' \
    "naming the cluster"
like "$T/body" '"properties":\{"namespace":"team-a"\}' "in the plan's namespace"
# The namespace through the cluster's Kubernetes API, between the
# extension and the compute, once; its token in no journal or output.
is "$(requests POST '/kube/[^"]*/api/v1/namespaces')" 1 \
    "one POST of the namespace"
grep -E '"method":"(PUT|POST)","path":"[^"]*(extensions/azureml|/api/v1/namespaces|computes/ml-k8s)"' \
    "$T/journal.log" | sed -n 's/.*"path":"\([^"]*\)".*/\1/p' >"$T/order"
is "$(sed -n 2p "$T/order" | grep -c '/api/v1/namespaces$')/$(sed -n 3p "$T/order" | grep -c 'computes/ml-k8s$')" \
    1/1 "after the extension, before the compute"
grep -E '"method":"POST","path":"/kube/[^"]*/api/v1/namespaces"' \
    "$T/journal.log" >"$T/line"
like "$T/line" '"body":\{"apiVersion":"v1","kind":"Namespace","metadata":\{"name":"team-a"\}\}' \
    "a Namespace named team-a"
like "$T/line" '"status":201' "created (201)"
grep -E '"method":"PUT","path":"[^"]*/computes/ml-k8s"' "$T/journal.log" >"$T/line"
like "$T/line" '"query":\{"api-version":"2024-10-01"\}' "at ML api-version 2024-10-01"
az show ml-k8s -o json
like "$T/out" '"computeType": "Kubernetes"' "show has it as Kubernetes"
like "$T/out" '"provisioningState": "Succeeded"' "Succeeded"

# The cluster's name is taken now: preflight refuses before any PUT.
new_k8s "$T/k2.json" ml-k8s-b --cluster-name ml-k8s
az apply "$T/k2.json"
is "$rc" 3 "a cluster name in use is refused by preflight"
like "$T/err" 'Resource group ml-rg already has an AKS cluster named ml-k8s; choose another name with --cluster-name\.' \
    "with the reason and the flag"
is "$(requests PUT "$CLUSTERS/ml-k8s")" 1 "the cluster was not sent again"
is "$(requests PUT '[^"]*/computes/ml-k8s-b')" 0 "nor the compute"

# A Kubernetes version the region does not offer is refused by preflight;
# one it offers is asked for in the cluster's body.
new_k8s "$T/v.json" ml-old --kubernetes-version 1.10
az apply "$T/v.json"
is "$rc" 3 "a version the region does not offer is refused"
like "$T/err" 'Kubernetes 1\.10 is not supported; supported versions are between' \
    "with the region's range"
is "$(requests PUT "$CLUSTERS/ml-old")" 0 "nothing was sent"
new_k8s "$T/v2.json" ml-new --kubernetes-version 1.28
az apply "$T/v2.json"
is "$rc" 0 "a version the region offers is created"
put_body "$CLUSTERS/ml-new"
like "$T/body" '"kubernetesVersion":"1.28"' "the cluster asks for it"

# With a custom certificate: the extension gets the CNAME and TLS on; the
# certificate and key travel as protected settings, read from the files
# when sent and found in no log, journal or output.
if command -v openssl >/dev/null 2>&1; then
	openssl req -x509 -newkey rsa:2048 -nodes -days 60 \
	    -subj /CN=www.contoso.com -addext subjectAltName=DNS:www.contoso.com \
	    -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
	keyline=$(sed -n 5p "$T/key.pem")
	key64=$(base64 -w0 <"$T/key.pem" | cut -c 200-260)
	new_k8s "$T/t.json" ml-tls --ssl-cert-file "$T/cert.pem" \
	    --ssl-key-file "$T/key.pem" --ssl-cname www.contoso.com
	az apply "$T/t.json" --debug="$T/debug.log"
	is "$rc" 0 "a create with a custom certificate succeeds"
	grep -E "\"method\":\"PUT\",\"path\":\"$CLUSTERS/ml-tls/" \
	    "$T/journal.log" >"$T/line"
	like "$T/line" '"allowInsecureConnections":"False"' "TLS on"
	like "$T/line" '"sslCname":"www.contoso.com"' "for the plan's CNAME"
	cat "$T/debug.log" "$T/out" "$T/err" \
	    "$T/state/akswiz/operations/"*ml-tls*.json >"$T/all.txt"
	like "$T/debug.log" 'PUT https://[^ ]*/extensions/azureml' \
	    "the debug log has the extension's request"
	if grep -F -q -e "$keyline" -e "$key64" "$T/all.txt"; then
		ok 1 "the key is in no log, journal or output, as PEM or base64"
	else
		ok 0 "the key is in no log, journal or output, as PEM or base64"
	fi
	like "$T/state/akswiz/operations/"*ml-tls*.json '"keyFile": ' \
	    "the journal names the key file only"
fi
sb_stop

# 2. A subscription where the providers are not registered.
SUB0=$(sed -n 's/.*"subscriptionId": "\([^"]*\)".*/\1/p' \
    "$top_srcdir/data/sandbox-world.json" | head -n 1)
sed "s|\"subscriptionId\": \"$SUB0\",|\"subscriptionId\": \"$SUB0\", \"providers\": {\"Microsoft.ContainerService\": \"NotRegistered\", \"Microsoft.KubernetesConfiguration\": \"NotRegistered\"},|" \
    "$top_srcdir/data/sandbox-world.json" >"$T/world.json"
sb_start --polls 2 --world "$T/world.json"
new_k8s "$T/r.json" ml-reg
az apply "$T/r.json"
is "$rc" 3 "unregistered providers are refused by preflight"
like "$T/err" 'Resource provider Microsoft.ContainerService is not registered in subscription [^ ]*: apply with --register-providers' \
    "naming Microsoft.ContainerService and the way"
like "$T/err" 'Resource provider Microsoft.KubernetesConfiguration is not registered' \
    "and Microsoft.KubernetesConfiguration"
is "$(grep -c '"method":"PUT"' "$T/journal.log")" 0 "nothing was sent"
az apply --register-providers "$T/r.json"
is "$rc" 0 "--register-providers registers them and creates"
is "$(requests POST '/subscriptions/[^/]*/providers/Microsoft.ContainerService/register')" 1 \
    "one POST register of Microsoft.ContainerService"
is "$(requests POST '/subscriptions/[^/]*/providers/Microsoft.KubernetesConfiguration/register')" 1 \
    "one of Microsoft.KubernetesConfiguration"
is "$(requests PUT "$CLUSTERS/ml-reg")/$(requests PUT "$EXT")/$(requests PUT '[^"]*/computes/ml-reg')" \
    1/1/1 "then one PUT of each resource"
sb_stop

# 3. The cluster's first answer is lost after the sandbox acted on it: it
# is looked up, not sent again, and followed by GETs of itself, which do
# not count as polls of the operation: time (sped up) ends it.
sb_start --speed 2000 --faults 'PUT:*/managedClusters/ml-lost=reset-after#1'
new_k8s "$T/l.json" ml-lost
az apply "$T/l.json"
is "$rc" 0 "a create whose cluster answer was lost still succeeds"
is "$(requests PUT "$CLUSTERS/ml-lost")" 1 "the cluster was not sent again"
is "$(requests PUT "$EXT")/$(requests PUT '[^"]*/computes/ml-lost')" 1/1 \
    "one PUT of the extension and of the compute"
sb_stop

# sent NAME STEP: the journal entry of NAME has step STEP sent.
sent() {
	cat "$T/state/akswiz/operations/"*-"$1"-*.json 2>/dev/null |
	    tr -d ' \n' | grep -q "\"step\":$2,.*\"state\":\"Submitting\""
}

# kill_at NAME STEP FAULT: on a fresh sandbox with FAULT (holding back
# step STEP's PUT), apply a plan for NAME and kill -9 it once step STEP
# is sent; $j is its journal entry.
kill_at() {
	sb_start --polls 2 --faults "$3"
	new_k8s "$T/$1.json" "$1"
	"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
	    --ca-file "$SB_CA" apply "$T/$1.json" >"$T/apply.out" 2>&1 \
	    </dev/null &
	apply=$!
	wait_until $apply sent "$1" "$2"
	kill -9 $apply 2>/dev/null
	wait $apply 2>/dev/null
	is "$?" 137 "apply was killed after step $(($2 - 1))"
	j=$(ls "$T/state/akswiz/operations/"*-"$1"-*.json)
}

# 4. kill -9 after step 1 (the extension's PUT held back), then watch.
kill_at ml-kill 2 'PUT:*/extensions/azureml=latency:8s#1'
tr -d ' \n' <"$j" >"$T/j1"
like "$T/j1" '"stepList":\[\{"kind":"createCluster","target":"/subscriptions/[^"]*/managedClusters/ml-kill","state":"Succeeded","result":"Succeeded"' \
    "the journal has step 1 done"
like "$T/j1" '\{"kind":"installExtension","target":"[^"]*/extensions/azureml"' \
    "then the extension"
like "$T/j1" '\{"kind":"attachKubernetes","target":"[^"]*/computes/ml-kill"' \
    "then the compute"
az watch ml-kill
is "$rc" 0 "watch finishes the plan"
like "$T/out" 'create of ml-kill succeeded' "and says so"
is "$(requests PUT "$CLUSTERS/ml-kill")" 1 "the cluster was never sent again"
is "$(requests PUT '[^"]*/computes/ml-kill')" 1 "the compute once"
az show ml-kill -o json
like "$T/out" '"provisioningState": "Succeeded"' "the compute is there"
sb_stop

# 4b. kill -9 after step 2 (the compute's PUT held back), then watch: the
# cluster and the extension are not sent again.
kill_at ml-kill2 3 'PUT:*/computes/ml-kill2=latency:8s#1'
az watch ml-kill2
is "$rc" 0 "watch finishes the plan"
is "$(requests PUT "$CLUSTERS/ml-kill2")/$(requests PUT "$EXT")" 1/1 \
    "neither the cluster nor the extension was sent again"
az show ml-kill2 -o json
like "$T/out" '"computeType": "Kubernetes"' "the compute is there"
sb_stop

# 5. Step 2 refused: the create is partly applied (exit 6); applying the
# same plan again sends only the extension and the compute.
sb_start --polls 2 --faults 'PUT:*/extensions/azureml=400#1'
new_k8s "$T/p.json" ml-part
az apply "$T/p.json"
is "$rc" 6 "a refused extension leaves the create partly applied"
like "$T/err" 'create of ml-part is partly applied: its install extension \(step 2 of 3\) failed' \
    "which says the step by its whole name"
az apply "$T/p.json"
is "$rc" 0 "applying it again finishes it"
like "$T/out" '^create of ml-part succeeded\.$' "and says so"
is "$(requests PUT "$CLUSTERS/ml-part")" 1 "the cluster was not sent again"
is "$(requests PUT "$EXT")/$(requests PUT '[^"]*/computes/ml-part')" 2/1 \
    "the extension again, then the compute"
sb_stop

done_testing
