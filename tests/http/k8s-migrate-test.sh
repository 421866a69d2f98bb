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

# Its exports: the same five steps as commands, Python and requests.
az -n plan export --as az "$T/m.json"
is "$rc" 0 "the az export"
tr -d '\\\n' <"$T/out" | tr -s ' ' >"$T/flat"
like "$T/flat" 'kubectl annotate deployment azureml-fe azureml-fe-enable-upgrade=true --namespace default.*az k8s-extension create .*--config scoringFe.enableUpgrade=true.*kubectl create namespace ml.*az ml compute attach --name inf-created-k8s .*--type Kubernetes --resource-id /subscriptions/[^ ]*/managedClusters/inf-createdx7k2q .*--namespace ml.*az ml compute detach --name inf-created .*--yes' \
    "annotate, the extension as an upgrade, the namespace, attach, detach"
az -n plan export --as python "$T/m.json"
like "$T/out" 'patch_namespaced_deployment' "the Python export annotates"
like "$T/out" 'create_namespace\(\{"metadata": \{"name": "ml"\}\}\)' \
    "creates the namespace"
like "$T/out" 'begin_delete\("inf-created", action="Detach"\)' \
    "and detaches the legacy compute"
az -n plan export --as arm "$T/m.json"
like "$T/out" '^PATCH \{apiServer\}/apis/apps/v1/namespaces/default/deployments/azureml-fe$' \
    "the ARM export: the PATCH on the API server"
like "$T/out" '^Content-Type: application/merge-patch\+json$' "as a merge patch"
like "$T/out" '^POST \{apiServer\}/api/v1/namespaces$' "the namespace's POST"
like "$T/out" '^DELETE /subscriptions/[^ ]*/computes/inf-created\?api-version=[0-9-]*&underlyingResourceAction=Detach$' \
    "the legacy compute's detach"

az apply "$T/m.json" --debug="$T/debug.log"
is "$rc" 0 "apply migrates it"
like "$T/err" 'Namespace ml does not exist in cluster inf-createdx7k2q: the plan creates it\.' \
    "preflight says the plan creates the namespace"
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
# 2. What a migration refuses, before anything is sent: the legacy
# compute's own namespace (azureml-<workspace>) and name.
sb_start --polls 2
az plan new migrate inf-created --namespace azureml-ml-workspace
is "$rc" 1 "the legacy namespace azureml-<workspace> is refused"
like "$T/err" 'Namespace azureml-ml-workspace is the legacy compute.s \(azureml-<workspace>\): the Kubernetes compute needs another one; choose it with --namespace\.' \
    "with the reason and the flag"
az plan new migrate inf-created --new-name inf-created
is "$rc" 1 "the legacy compute's name for the new one is refused"
like "$T/err" 'The Kubernetes compute needs a name of its own: inf-created is the legacy compute.s, and both exist until the last step; choose another with --new-name\.' \
    "with the reason and the flag"
az plan new migrate inf-created --ssl-disable --ssl-cname a.example
is "$rc" 2 "--ssl-disable with a certificate is a usage error"
az plan new migrate cpu-cluster
is "$rc" 2 "a compute that is not AKS is not migrated"
like "$T/err" 'cpu-cluster is of compute type AmlCompute: only a legacy AKS compute is migrated' \
    "and says why"
sed 's/"name": "inf-created"/"name": "cpu-cluster"/' "$T/m.json" >"$T/aml.json"
az apply "$T/aml.json"
is "$rc" 3 "applying a migration of a compute that is not AKS is refused"
like "$T/err" 'cpu-cluster is of compute type AmlCompute: only a legacy AKS compute is migrated' \
    "by preflight, with the reason"
is "$(requests PATCH "$FE")" 0 "nothing was sent"
az plan new migrate no-such
is "$rc" 2 "a compute that is not there"
like "$T/err" 'workspace ml-workspace has no compute named "no-such"' "is named"
az plan new migrate inf-created --new-name inf-attached
is "$rc" 0 "a new name is checked against the workspace when applied"
cp "$T/out" "$T/taken.json"
az apply "$T/taken.json"
is "$rc" 3 "a new name in use is refused by preflight"
is "$(requests PATCH "$FE")/$(requests PUT '[^"]*/computes/inf-attached')" 0/0 \
    "before anything is sent"
# A namespace the cluster has already: looked at, not created.
az plan new migrate inf-created --namespace kube-public
cp "$T/out" "$T/kp.json"
az apply "$T/kp.json"
is "$rc" 0 "a migration into an existing namespace"
unlike "$T/err" 'the plan creates it' "preflight found the namespace"
like "$T/err" 'create namespace inf-created \(step 3 of 5\): Succeeded' \
    "its step finds it there"
is "$(requests POST "$NS")" 0 "and sends no POST"
sb_stop

# 3. A legacy compute with a Microsoft certificate: it cannot be kept;
# the message asks for a custom certificate or TLS off.
sb_start --polls 2 --allow-legacy-create
plan_new "$T/ms.json" create --compute-type AKS --name ml-ms \
    --cluster-purpose DevTest --vm-size Standard_D3_v2 --agent-count 1 \
    --ssl-leaf-domain-label mlms
az apply "$T/ms.json"
is "$rc" 0 "a legacy compute with a Microsoft certificate"
az plan new migrate ml-ms
is "$rc" 1 "its migration keeping the certificate is refused"
like "$T/err" 'ml-ms uses a certificate issued by Microsoft, which a Kubernetes compute cannot have: give your own with --ssl-cert-file, --ssl-key-file and --ssl-cname, or turn TLS off with --ssl-disable\.' \
    "and says what to do instead"
az plan new migrate ml-ms --ssl-disable
is "$rc" 0 "with TLS off it is a plan"
unlike "$T/out" '"tls"' "without TLS"
sb_stop

# sent NAME STEP: the journal entry of NAME has step STEP sent.
sent() {
	cat "$T/state/akswiz/operations/"*-"$1"-*.json 2>/dev/null |
	    tr -d ' \n' | grep -q "\"step\":$2,.*\"state\":\"Submitting\""
}

# 4. kill -9 after step 2 (the namespace's POST held back), then watch:
# neither the annotation nor the extension is sent again.
sb_start --polls 2 --faults 'POST:*/api/v1/namespaces=latency:6s#1'
az plan new migrate inf-created --namespace ml
cp "$T/out" "$T/k.json"
"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    apply "$T/k.json" >"$T/apply.out" 2>&1 </dev/null &
apply=$!
wait_until $apply sent inf-created 3
kill -9 $apply 2>/dev/null
wait $apply 2>/dev/null
is "$?" 137 "apply was killed after step 2"
j=$(ls -t "$T/state/akswiz/operations/"*-inf-created-*.json | head -n 1)
tr -d ' \n' <"$j" >"$T/j1"
like "$T/j1" '"stepList":\[\{"kind":"annotateFe","target":"/apis/apps/v1/namespaces/default/deployments/azureml-fe","state":"Succeeded","result":"Succeeded"' \
    "the journal has step 1 done, on the Kubernetes object"
like "$T/j1" '\{"kind":"installExtension","target":"[^"]*/extensions/azureml","state":"Succeeded","result":"Succeeded"' \
    "and step 2"
like "$T/j1" '\{"kind":"createNamespace","target":"/api/v1/namespaces/ml"' \
    "then the namespace"
like "$T/j1" '\{"kind":"detachCompute","target":"[^"]*/computes/inf-created"' \
    "and, last, the legacy compute's detach"
az watch inf-created
is "$rc" 0 "watch finishes the migration"
like "$T/out" 'migrate of inf-created succeeded' "and says so"
is "$(requests PATCH "$FE")/$(requests PUT "$EXT")" 1/1 \
    "neither the annotation nor the extension was sent again"
is "$(requests PUT '[^"]*/computes/inf-created-k8s')/$(requests DELETE '[^"]*/computes/inf-created')" 1/1 \
    "the compute once, the detach once"
sb_stop

# 5. The namespace's answer lost: it is looked at, not sent again.
sb_start --polls 2 --faults 'POST:*/api/v1/namespaces=reset-after#1'
az plan new migrate inf-created --namespace ml
cp "$T/out" "$T/r.json"
az apply "$T/r.json"
is "$rc" 0 "a migration whose namespace answer was lost succeeds"
is "$(requests POST "$NS")" 1 "the namespace was not sent again"
sb_stop

# 5b. The extension refused: partly applied (exit 6); applying the same
# plan again sends only what is left, the annotation not again.
sb_start --polls 2 --faults 'PUT:*/extensions/azureml=400#1'
az plan new migrate inf-created
cp "$T/out" "$T/p.json"
az apply "$T/p.json"
is "$rc" 6 "a refused extension leaves the migration partly applied"
like "$T/err" 'migrate of inf-created is partly applied: its install extension \(step 2 of 4\) failed' \
    "which says the step"
az apply "$T/p.json"
is "$rc" 0 "applying it again finishes it"
is "$(requests PATCH "$FE")/$(requests PUT "$EXT")/$(requests PUT '[^"]*/computes/inf-created-k8s')/$(requests DELETE '[^"]*/computes/inf-created')" 1/2/1/1 \
    "the annotation once, the extension again, then the rest once"
sb_stop

# 6. A legacy compute with a custom certificate: the service never returns
# it, so the plan needs the files; --save-tls saves them from the cluster
# (as detach --save-tls does) and keeps them.
if command -v openssl >/dev/null 2>&1; then
	sb_start --polls 2 --allow-legacy-create
	openssl req -x509 -newkey rsa:2048 -nodes -days 60 \
	    -subj /CN=www.contoso.com -addext subjectAltName=DNS:www.contoso.com \
	    -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
	keyline=$(sed -n 5p "$T/key.pem")
	plan_new "$T/tls.json" create --compute-type AKS --name ml-tls \
	    --cluster-purpose DevTest --vm-size Standard_D3_v2 --agent-count 1 \
	    --ssl-cert-file "$T/cert.pem" --ssl-key-file "$T/key.pem" \
	    --ssl-cname www.contoso.com
	az apply "$T/tls.json"
	is "$rc" 0 "a legacy compute with a custom certificate"
	az plan new migrate ml-tls
	is "$rc" 1 "without the files its migration has an error"
	like "$T/out" '"cname": "www.contoso.com"' "its CNAME is kept"
	mkdir "$T/save"
	az plan new migrate ml-tls --save-tls "$T/save"
	is "$rc" 0 "--save-tls saves them and the plan is whole"
	cp "$T/out" "$T/st.json"
	cmp -s "$T/key.pem" "$T/save/ml-tls-key.pem"
	ok $? "the saved key is the legacy compute's"
	is "$(stat -c %a "$T/save/ml-tls-key.pem")" 600 "mode 0600"
	like "$T/st.json" "\"keyFile\": \"$T/save/ml-tls-key.pem\"" \
	    "the plan names the saved files"
	az apply "$T/st.json"
	is "$rc" 0 "the migration keeps the certificate"
	grep -E "\"method\":\"PUT\",\"path\":\"[^\"]*/extensions/azureml\"" \
	    "$T/journal.log" >"$T/line"
	like "$T/line" '"allowInsecureConnections":"False"' "TLS on"
	like "$T/line" '"sslCname":"www.contoso.com"' "with its CNAME"
	cat "$T/out" "$T/err" "$T/st.json" "$T/journal.log" \
	    "$T/state/akswiz/operations/"*.json >"$T/all.txt"
	if grep -F -q -e "$keyline" "$T/all.txt"; then
		ok 1 "the key is in no output, plan or journal"
	else
		ok 0 "the key is in no output, plan or journal"
	fi
	sb_stop
fi

done_testing
