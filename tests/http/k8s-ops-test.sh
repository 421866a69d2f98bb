#!/bin/sh
# akswiz scale, detach --uninstall-extension / --delete-cluster and akswiz
# delete on today's path, against the sandbox: computes of type
# Kubernetes (an AKS cluster with the azureml extension) and a legacy AKS
# one.  What the user sees (exit status, stdout, stderr) and what the
# sandbox received (its request journal: exactly the requests expected).
# The Kubernetes computes are made through the sandbox's own API (curl,
# with the sandbox's service principal), as the operations under test
# only change them.
. "$top_srcdir/tests/http/lib.sh"

command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP no curl"; exit 0; }
sb_start --polls 2

# token: the sandbox's service principal's token in $TOK, $CURL to use.
token() {
	CURL="curl -s --max-time 20 --cacert $SB_CA"
	TOK=$($CURL "$SB_URL/$AZURE_TENANT_ID/oauth2/v2.0/token" \
	    -d grant_type=client_credentials -d client_id="$AZURE_CLIENT_ID" \
	    --data-urlencode client_secret="$AZURE_CLIENT_SECRET" \
	    -d scope=https://management.azure.com/.default |
	    sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
	[ -n "$TOK" ] || { echo "Bail out! no token from the sandbox"; exit 1; }
}
token
AKS="/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
EXT="providers/Microsoft.KubernetesConfiguration/extensions/azureml"
WSP="/subscriptions/$SB_SUB/resourceGroups/$SB_RG/providers/Microsoft.MachineLearningServices/workspaces/$SB_WS"

# arm METHOD PATH [BODY]: the status; the body in $T/body.
arm() {
	$CURL -o "$T/body" -D "$T/headers" -w '%{http_code}' -X "$1" \
	    -H "Authorization: Bearer $TOK" \
	    ${3:+-H 'Content-Type: application/json' --data-binary "$3"} \
	    "$SB_URL$2"
}

# settle: follow the last answer's operation to its end.
settle() {
	op=$(sed -n 's/^[Aa]zure-[Aa]sync[Oo]peration: *//p' "$T/headers" |
	    tr -d '\r')
	[ -n "$op" ] || return 0
	i=0
	while [ $i -lt 20 ]; do
		$CURL -H "Authorization: Bearer $TOK" "$op" |
		    grep -q -E '"status" *: *"(Succeeded|Failed|Canceled)"' &&
		    return 0
		i=$((i + 1))
	done
}

# kube NAME CLUSTER [SETTINGS]: the azureml extension on the cluster (with
# these extra settings), then NAME attached as a Kubernetes compute.
kube() {
	arm PUT "$AKS/$2/$EXT?api-version=2024-11-01" "{\"properties\":{\"extensionType\":\"Microsoft.AzureML.Kubernetes\",\"scope\":{\"cluster\":{\"releaseNamespace\":\"azureml\"}},\"configurationSettings\":{\"enableInference\":\"True\",\"inferenceRouterServiceType\":\"LoadBalancer\",\"allowInsecureConnections\":\"True\"${3:+,$3}}}}" >/dev/null
	settle
	arm PUT "$WSP/computes/$1?api-version=2024-10-01" "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"Kubernetes\",\"resourceId\":\"$AKS/$2\"}}" >/dev/null
	settle
}

# ours CLUSTER: a new AKS cluster in aks-rg with akswiz's tag, as akswiz
# creates them.
ours() {
	arm PUT "$AKS/$1?api-version=2024-09-01" "{\"location\":\"eastus\",\"tags\":{\"createdBy\":\"akswiz\"},\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"dnsPrefix\":\"$1\",\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"mode\":\"System\",\"count\":3,\"vmSize\":\"Standard_D4s_v3\",\"osType\":\"Linux\"}]}}" >/dev/null
	settle
}

# pool_count CLUSTER POOL: the pool's count as the sandbox has it.
pool_count() {
	arm GET "$AKS/$1/agentPools/$2?api-version=2024-09-01" >/dev/null
	tr -d ' \n' <"$T/body" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'
}

# lines METHOD PATH-ERE: the journal's lines of such requests.
lines() {
	grep -a -E "\"method\":\"$1\",\"path\":\"$2\"" "$T/journal.log"
}

kube k8s-prod aks-prod
kube k8s-dev aks-small '"clusterPurpose":"DevTest","inferenceRouterHA":"False"'
arm GET "$WSP/computes/k8s-prod?api-version=2024-10-01" >/dev/null
grep -q '"provisioningState" *: *"Succeeded"' "$T/body"
ok $? "set-up: k8s-prod is a Succeeded Kubernetes compute on aks-prod"
: >"$T/journal.log"

# --- scale ------------------------------------------------------------
az scale k8s-prod --agent-count 4
is "$rc" 2 "scale without a terminal and without --yes: exit 2"
like "$T/err" 'scale needs --yes when not run on a terminal' "and says so"
az scale k8s-prod
is "$rc" 2 "scale without --agent-count: exit 2"
is "$(lines '[A-Z]+' '.*' | wc -l)" 0 "nothing reached the sandbox"

az --readonly scale k8s-prod --agent-count 4 --yes
is "$rc" 3 "scale --readonly: exit 3"
like "$T/err" 'scale would change Azure, which --readonly forbids' "says so"
az --readonly delete k8s-prod --yes
is "$rc" 3 "delete --readonly: exit 3"
is "$(lines '[A-Z]+' '/subscriptions/.*' | wc -l)" 0 "nothing reached Resource Manager"

az scale k8s-prod --agent-count 5 --yes
is "$rc" 0 "production up to 5 nodes: exit 0"
like "$T/out" '^scale of k8s-prod succeeded\.$' "says it succeeded"
like "$T/err" 'scale k8s-prod: Succeeded' "with its progress on stderr"
is "$(lines PUT '.*/agentPools/nodepool1' | wc -l)" 1 "exactly one PUT of the pool"
lines PUT '.*/managedClusters/aks-prod/agentPools/nodepool1' |
    grep -q '"count":5' && lines PUT '.*/agentPools/nodepool1' |
    grep -q '"vmSize":"Standard_D4s_v3"' && lines PUT '.*/agentPools/nodepool1' |
    grep -q '"mode":"System"'
ok $? "the PUT sends the pool as fetched, its count 5 (api-version 2024-09-01)"
lines PUT '.*/agentPools/nodepool1' | grep -q '2024-09-01'
ok $? "at api-version 2024-09-01"
is "$(lines '(PUT|PATCH|POST|DELETE)' '/subscriptions/.*' | wc -l)" 1 \
    "and no other write to Resource Manager"
is "$(pool_count aks-prod nodepool1)" 5 "the pool has 5 nodes"

: >"$T/journal.log"
az scale k8s-prod --agent-count 2 --yes
is "$rc" 3 "production down to 2 nodes: refused (exit 3)"
like "$T/err" 'Production needs at least 3 nodes; this has 2 nodes' \
    "names the production rule"
like "$T/err" 'Production needs nodes x vCPU of at least 12; 2 x 4 vCPU = 8 vCPU' \
    "and the vCPU rule, with the pool's VM size"
is "$(lines PUT '.*' | wc -l)" 0 "no PUT was sent"
lines GET '.*/managedClusters/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml' |
    grep -q .
ok $? "the purpose was read from the azureml extension"

az scale k8s-dev --agent-count 1 --yes
is "$rc" 0 "dev-test (the extension's clusterPurpose) down to 1 node: exit 0"
is "$(pool_count aks-small nodepool1)" 1 "the dev-test pool has 1 node"
az scale k8s-dev --agent-count 0 --yes
is "$rc" 3 "0 nodes: refused (exit 3)"
az scale k8s-dev --agent-count 1 --yes
is "$rc" 0 "the 1 node it has already: exit 0"
like "$T/out" 'has 1 node already; nothing to do' "\"1 node\", not \"1 nodes\""
kube k8s-ha aks-preview '"clusterPurpose":"DevTest"'
: >"$T/journal.log"
az scale k8s-ha --agent-count 2 --yes
is "$rc" 3 "dev-test with the router's high availability on (the default): 2 nodes refused"
like "$T/err" "The inference router's high availability runs 3 replicas and needs at least 3 nodes; the cluster has 2 nodes" \
    "in core's words"
is "$(lines PUT '.*' | wc -l)" 0 "nothing was sent"

: >"$T/journal.log"
az scale k8s-prod --agent-count 5 --yes
is "$rc" 0 "the count it has already: exit 0"
like "$T/out" 'has 5 nodes already; nothing to do' "says there is nothing to do"
is "$(lines PUT '.*' | wc -l)" 0 "and sends nothing"

# Several pools: the System one by default, another by --nodepool-name.
arm PUT "$AKS/aks-prod/agentPools/userpool?api-version=2024-09-01" \
    '{"properties":{"count":1,"vmSize":"Standard_D4s_v3","mode":"User","osType":"Linux"}}' >/dev/null
settle
: >"$T/journal.log"
az scale k8s-prod --agent-count 4 --yes
is "$rc" 0 "two pools, none named: exit 0"
is "$(lines PUT '.*/agentPools/nodepool1' | wc -l)/$(lines PUT '.*/agentPools/userpool' | wc -l)" \
    1/0 "the System pool is scaled"
az scale k8s-prod --agent-count 3 --nodepool-name userpool --yes
is "$rc" 0 "--nodepool-name userpool: exit 0"
is "$(pool_count aks-prod userpool)/$(pool_count aks-prod nodepool1)" 3/4 \
    "that pool is scaled, the other left alone"
az scale k8s-prod --agent-count 3 --nodepool-name nosuch --yes
is "$rc" 3 "a pool that does not exist: exit 3"
like "$T/err" 'AKS cluster aks-prod has no node pool named "nosuch"' "names it"

# A User pool is not held to the System pool's VM minimum (2 vCPU, 4 GB):
# the plan records the pool's mode.
arm PUT "$AKS/aks-small/agentPools/smallpool?api-version=2024-09-01" \
    '{"properties":{"count":1,"vmSize":"Standard_B1s","mode":"User","osType":"Linux"}}' >/dev/null
settle
az scale k8s-dev --agent-count 2 --nodepool-name smallpool --yes
is "$rc" 0 "a User pool of 1 vCPU 1 GB scales: exit 0"
is "$(pool_count aks-small smallpool)" 2 "that pool has 2 nodes"
tr -d ' \n' <"$(ls -t "$T/state/akswiz/operations/"*k8s-dev*.json | head -n 1)" >"$T/j"
like "$T/j" '"nodepoolName":"smallpool","nodepoolMode":"User"' \
    "the journaled plan records the pool's mode"

# A legacy AKS compute: its cluster's pool, the compute's purpose.
: >"$T/journal.log"
az scale inf-attached --agent-count 4 --yes
is "$rc" 0 "a legacy AKS compute: exit 0"
is "$(lines PUT '.*/managedClusters/aks-attached/agentPools/nodepool1' | wc -l)" 1 \
    "its AKS cluster's pool is scaled"
az scale inf-attached --agent-count 2 --yes
is "$rc" 3 "the compute's purpose (FastProd) refuses 2 nodes"
az scale cpu-cluster --agent-count 2 --yes
is "$rc" 3 "an AmlCompute: exit 3"
like "$T/err" 'cpu-cluster is a compute of type AmlCompute' "says why"
az scale no-such --agent-count 3 --yes
is "$rc" 3 "a compute that does not exist: exit 3"

# --no-wait, then watch: the step is journaled and followed to its end.
: >"$T/journal.log"
az scale k8s-prod --agent-count 6 --yes --no-wait
is "$rc" 0 "scale --no-wait: exit 0"
like "$T/out" 'akswiz watch k8s-prod' "says how to follow it"
az watch k8s-prod
is "$rc" 0 "watch: exit 0"
like "$T/out" 'scale of k8s-prod succeeded' "watch followed it to the end"
is "$(lines PUT '.*/agentPools/nodepool1' | wc -l)" 1 "with one PUT, never repeated"
is "$(pool_count aks-prod nodepool1)" 6 "the pool has 6 nodes"

# A pool with the cluster autoscaler on is refused, with the reason.
arm PUT "$AKS/aks-prod/agentPools/autopool?api-version=2024-09-01" \
    '{"properties":{"count":2,"vmSize":"Standard_D4s_v3","mode":"User","osType":"Linux","enableAutoScaling":true,"minCount":1,"maxCount":5}}' >/dev/null
settle
: >"$T/journal.log"
az scale k8s-prod --agent-count 4 --nodepool-name autopool --yes
is "$rc" 3 "a pool with the autoscaler on: refused (exit 3)"
like "$T/err" 'node pool autopool of AKS cluster aks-prod has the cluster autoscaler on \(1 to 5 nodes\), which sets its node count itself' \
    "says why, with the autoscaler's range"
is "$(lines PUT '.*' | wc -l)" 0 "nothing was sent"

# --- detach -----------------------------------------------------------
: >"$T/journal.log"
az detach k8s-prod --delete-cluster --yes
is "$rc" 3 "--delete-cluster on a cluster akswiz did not create: exit 3"
like "$T/err" 'AKS cluster aks-prod was not created by akswiz \(it has no createdBy=akswiz tag\)' \
    "says why"
az detach inf-created --uninstall-extension --yes
is "$rc" 3 "--uninstall-extension on a legacy compute: exit 3"
like "$T/err" 'is for Kubernetes computes; inf-created is of type AKS' "says why"
is "$(lines DELETE '.*' | wc -l)" 0 "nothing was deleted"

az detach k8s-dev --uninstall-extension --yes
is "$rc" 0 "detach --uninstall-extension: exit 0"
like "$T/out" 'The AKS cluster is kept, without the Azure ML extension' "says what is kept"
lines DELETE '.*/computes/k8s-dev' | grep -q '"underlyingResourceAction":"Detach"'
ok $? "DELETE of the compute with underlyingResourceAction=Detach"
is "$(lines DELETE '.*/managedClusters/aks-small/providers/Microsoft.KubernetesConfiguration/extensions/azureml' | wc -l)" 1 \
    "then one DELETE of the azureml extension"
is "$(lines DELETE '.*' | wc -l)" 2 "and no other DELETE"
arm GET "$AKS/aks-small/$EXT?api-version=2024-11-01" >/dev/null
arm GET "$AKS/aks-small?api-version=2024-09-01" | grep -q 200
ok $? "the cluster is kept"

kube k8s-dev2 aks-small
arm DELETE "$AKS/aks-small/$EXT?api-version=2024-11-01&forceDelete=true" >/dev/null
: >"$T/journal.log"
az detach k8s-dev2 --uninstall-extension --yes
is "$rc" 0 "--uninstall-extension where there is no extension: exit 0"
like "$T/err" 'the AKS cluster of k8s-dev2 has no Azure ML extension \(azureml\): there is nothing to uninstall' \
    "says there is nothing to uninstall"
is "$(lines DELETE '.*/extensions/.*' | wc -l)" 0 "and sends no DELETE for it"
kube k8s-dev2 aks-small
: >"$T/journal.log"
az detach k8s-dev2 --yes
is "$rc" 0 "detach of a Kubernetes compute: exit 0"
like "$T/out" 'The AKS cluster and its Azure ML extension are kept' "says so"
unlike "$T/out" 'azureml-fe leftovers' "without the legacy advice on leftovers"
is "$(lines DELETE '.*' | wc -l)" 1 "one DELETE, the compute's"
is "$(arm GET "$AKS/aks-small/$EXT?api-version=2024-11-01")" 200 "the extension is kept"

# --- delete -----------------------------------------------------------
az delete k8s-prod
is "$rc" 2 "delete without a terminal and without --yes: exit 2"
: >"$T/journal.log"
az delete k8s-prod --yes
is "$rc" 0 "delete of a Kubernetes compute: exit 0"
like "$T/err" 'AKS cluster aks-prod was not created by akswiz \(it has no createdBy=akswiz tag\): it is kept' \
    "a cluster akswiz did not create is kept, and said so"
lines DELETE '.*/computes/k8s-prod' | grep -q '"underlyingResourceAction":"Delete"'
ok $? "DELETE of the compute with underlyingResourceAction=Delete"
is "$(lines DELETE '.*' | wc -l)" 1 "and nothing else deleted"
is "$(arm GET "$AKS/aks-prod?api-version=2024-09-01")" 200 "the cluster is there"
az show k8s-prod
is "$rc" 1 "the compute is gone"

# A cluster akswiz created (its createdBy=akswiz tag): delete takes it too.
ours aks-mine
kube k8s-mine aks-mine
arm GET "$AKS/aks-mine?api-version=2024-09-01" >/dev/null
grep -q '"createdBy" *: *"akswiz"' "$T/body"
ok $? "set-up: aks-mine carries the createdBy=akswiz tag"
: >"$T/journal.log"
az delete k8s-mine --yes
is "$rc" 0 "delete of a compute on a cluster akswiz created: exit 0"
like "$T/err" 'delete-cluster k8s-mine \(step 2 of 2\): Succeeded' \
    "its second step deletes the cluster"
lines DELETE '.*' | sed -n 1p | grep -q '/computes/k8s-mine.*"underlyingResourceAction":"Delete"'
ok $? "first the compute, underlyingResourceAction=Delete"
lines DELETE '.*' | sed -n 2p | grep -q "\"path\":\"[^\"]*/managedClusters/aks-mine\""
ok $? "then the cluster"
is "$(lines DELETE '.*' | wc -l)" 2 "and nothing else"
is "$(arm GET "$AKS/aks-mine?api-version=2024-09-01")" 404 "the cluster is gone"

# detach --delete-cluster on a cluster akswiz created.
ours aks-mine2
kube k8s-mine2 aks-mine2
: >"$T/journal.log"
az detach k8s-mine2 --delete-cluster --yes
is "$rc" 0 "detach --delete-cluster of a cluster akswiz created: exit 0"
lines DELETE '.*' | sed -n 1p | grep -q '/computes/k8s-mine2.*"underlyingResourceAction":"Detach"'
ok $? "the compute is detached"
lines DELETE '.*' | sed -n 2p | grep -q "\"path\":\"[^\"]*/managedClusters/aks-mine2\""
ok $? "then the cluster deleted"
is "$(arm GET "$AKS/aks-mine2?api-version=2024-09-01")" 404 "the cluster is gone"

# On a terminal, delete asks (script(1) gives it one).
if command -v script >/dev/null 2>&1; then
	kube k8s-tty aks-prod
	A="$AKSWIZ --endpoint $SB_URL --authority $SB_AUTH --ca-file $SB_CA --subscription $SB_SUB -g $SB_RG -w $SB_WS"
	# on_tty ANSWER ARGS: akswiz ARGS on a terminal that answers
	# ANSWER; what it showed in $T/tty, its status in $rc.
	on_tty() {
		printf '%s\n' "$1" | timeout 60 script -qec "$A $2" /dev/null \
		    >"$T/tty" 2>&1
		rc=$?
	}
	: >"$T/journal.log"
	on_tty n "delete k8s-tty"
	is "$rc" 1 "on a terminal, answering no deletes nothing (exit 1)"
	like "$T/tty" 'Delete compute k8s-tty from workspace ml-workspace\? \[y/N\]' \
	    "the question names the compute"
	is "$(lines DELETE '.*' | wc -l)" 0 "no DELETE was sent"
	on_tty n "scale k8s-tty --agent-count 3"
	is "$rc" 1 "scale on a terminal, answering no: exit 1"
	like "$T/tty" 'Scale node pool nodepool1 of AKS cluster aks-prod from 6 to 3 nodes\? \[y/N\]' \
	    "the question names the pool, the cluster and both counts"
	is "$(lines PUT '.*' | wc -l)" 0 "no PUT was sent"
	ours aks-mine3
	kube k8s-mine3 aks-mine3
	: >"$T/journal.log"
	on_tty y "delete k8s-mine3"
	is "$rc" 1 "deleting a cluster akswiz created: y is not its name (exit 1)"
	like "$T/tty" 'DELETE AKS cluster aks-mine3 with everything on it\?  Type the cluster.s name \(aks-mine3\) to confirm:' \
	    "the question asks for the cluster's name"
	is "$(lines DELETE '.*' | wc -l)" 0 "nothing was deleted"
	on_tty aks-mine3 "delete k8s-mine3"
	is "$rc" 0 "the cluster's name typed: deleted (exit 0)"
	is "$(lines DELETE '.*/managedClusters/aks-mine3' | wc -l)" 1 "the cluster too"
	on_tty y "delete inf-created"
	is "$rc" 1 "a legacy compute Azure ML created: y is not its name (exit 1)"
	like "$T/tty" 'Delete compute inf-created from workspace ml-workspace, and with it the AKS cluster Azure ML created for it\?  Type the compute.s name \(inf-created\) to confirm:' \
	    "the question says the cluster goes with it"
	on_tty inf-created "delete inf-created"
	is "$rc" 0 "its name typed: deleted (exit 0)"
	lines DELETE '.*/computes/inf-created' | grep -q '"underlyingResourceAction":"Delete"'
	ok $? "with underlyingResourceAction=Delete, one request"
else
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
		n=$((n + 1)); echo "ok $n # SKIP no script(1)"
	done
fi

# The first answer to the pool's PUT is lost (the sandbox scales it, then
# closes the connection): akswiz looks at the pool before sending again,
# finds the count taken, and follows it: one PUT.
sb_start --speed 2000 --faults 'PUT:*/agentPools/nodepool1=reset-after#1'
token
: >"$T/journal.log"
az scale inf-attached --agent-count 5 --yes
is "$rc" 0 "scale through a lost answer: exit 0"
is "$(lines PUT '.*/managedClusters/aks-attached/agentPools/nodepool1' | wc -l)" 1 \
    "exactly one PUT of the pool"
is "$(pool_count aks-attached nodepool1)" 5 "the pool has 5 nodes"

# Killed while step 2 (the extension's DELETE) was being sent, held back
# and then dropped: the journal has step 1 done; watch never sends the
# detach again, looks at the extension, and sends its DELETE.
sb_start --polls 2 --faults 'DELETE:*/extensions/azureml=latency:8s#1;DELETE:*/extensions/azureml=reset-before#1'
token
kube k8s-kill aks-prod
"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" detach k8s-kill \
    --uninstall-extension --yes >"$T/detach.out" 2>&1 </dev/null &
detach=$!
step2_sent() {
	cat "$T/state/akswiz/operations/"*k8s-kill*.json 2>/dev/null |
	    tr -d ' \n' | grep -q '"step":2,.*"state":"Submitting"'
}
wait_until $detach step2_sent
kill -9 $detach 2>/dev/null
wait $detach 2>/dev/null
is "$?" 137 "detach --uninstall-extension was killed while step 2 was sent"
j=$(ls "$T/state/akswiz/operations/"*k8s-kill*.json)
tr -d ' \n' <"$j" >"$T/j1"
like "$T/j1" '"stepList":\[\{"kind":"detachCompute","target":"[^"]*/computes/k8s-kill","state":"Succeeded","result":"Succeeded"' \
    "the journal has step 1, the detach, done"
like "$T/j1" '\},\{"kind":"deleteExtension","target":"[^"]*/managedClusters/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml"' \
    "and step 2, the extension's DELETE"
az watch k8s-kill
is "$rc" 0 "watch finishes it"
like "$T/out" 'detach of k8s-kill succeeded' "and says so"
is "$(lines DELETE '.*/computes/k8s-kill' | wc -l)" 1 "the detach was never sent again"
is "$(arm GET "$AKS/aks-prod/$EXT?api-version=2024-11-01")" 404 \
    "the extension is gone"

done_testing
