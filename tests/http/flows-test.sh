#!/bin/sh
# Create, attach, attach with an internal load balancer (two steps),
# update and detach, each to its end state, asserting on the output, the
# exit status, what the sandbox received (its journal) and our own
# operation journal; a policy failure with its hint; --no-wait then watch.
. "$top_srcdir/tests/http/lib.sh"
sb_start --allow-legacy-create --polls 3
CLUSTER=/subscriptions/$(ready_get subscriptionId)/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters

# Create.
plan_new "$T/create.json" create --compute-type AKS --name ml-inf-a --vm-size Standard_D3_v2 \
    --agent-count 3
az apply "$T/create.json"
is "$rc" 0 "apply create exits 0"
like "$T/out" '^create of ml-inf-a succeeded\.$' "says it succeeded"
like "$T/err" 'create ml-inf-a: Creating' "reports the first state"
like "$T/err" 'create ml-inf-a: Succeeded' "and the last"
is "$(requests PUT '.*/computes/ml-inf-a')" 1 "exactly one PUT"
grep '"method":"PUT"' "$T/journal.log" | grep -q '"agentCount":3,"agentVmSize":"Standard_D3_v2","clusterPurpose":"FastProd"'
ok $? "the PUT body carries the plan's size"
polls=$(grep -c '"method":"GET","path":"[^"]*computeOperationsStatus' "$T/journal.log")
[ "$polls" -ge 3 ]
ok $? "the operation was polled until done ($polls polls)"
az show ml-inf-a -o json
like "$T/out" '"provisioningState": "Succeeded", "origin": "created"' \
    "the compute exists and succeeded"
j=$(ls "$T/state/akswiz/operations/"*ml-inf-a*.json)
like "$j" '"open": false' "journal entry closed"
like "$j" '"result": "Succeeded"' "journal entry has the result"
like "$j" '"operationUrl": "https://127\.0\.0\.1:[0-9]+/.*computeOperationsStatus' \
    "journal entry has the operation URL"
like "$j" '"vmSize": "Standard_D3_v2"' "journal entry has the plan"
perm=$(stat -c %a "$j")
is "$perm" 600 "journal entry is mode 0600"

# A 24-character name still fits the list in 80 columns.
plan_new "$T/long.json" create --compute-type AKS --name ml-inference-cluster-abc \
    --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/long.json"
is "$rc" 0 "create with a 24-character name"
az list
like "$T/out" '^ml-inference-cluster-abc +AKS +Succeeded ' "it is listed"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T/out"
ok $? "and the table still fits 80 columns"
az list -o tsv
like "$T/out" "$(printf '\teastus\tAKS$')" "tsv keeps every column"

# Attach, public load balancer: one step.
plan_new "$T/attach.json" attach --compute-type AKS --name ml-att-a \
    --compute-resource-id "$CLUSTER/aks-prod"
az apply "$T/attach.json" -o json
is "$rc" 0 "apply attach exits 0"
like "$T/out" '"result": "succeeded", "state": "Succeeded"' "json outcome"
is "$(requests PUT '.*/computes/ml-att-a')" 1 "attach is one PUT"
grep '"method":"PUT"' "$T/journal.log" | grep -q '"resourceId":"/subscriptions/[^"]*/managedClusters/aks-prod"'
ok $? "the PUT names the cluster"
az show ml-att-a -o json
like "$T/out" '"origin": "attached"' "the compute is attached"

# The same cluster again: refused by preflight.
plan_new "$T/again.json" attach --compute-type AKS --name ml-att-b \
    --compute-resource-id "$CLUSTER/aks-prod"
az apply "$T/again.json"
is "$rc" 3 "attaching an attached cluster again is refused"
like "$T/err" 'already attached to workspace ml-workspace as "ml-att-a"' \
    "naming the existing attachment"
is "$(requests PUT '.*/computes/ml-att-b')" 0 "and nothing was sent"

# Attach with an internal load balancer: attach, then update.
plan_new "$T/ilb.json" attach --compute-type AKS --name ml-att-ilb \
    --compute-resource-id "$CLUSTER/aks-preview" \
    --load-balancer-type InternalLoadBalancer --load-balancer-subnet aks-subnet
az apply "$T/ilb.json"
is "$rc" 0 "attach with an internal load balancer exits 0"
like "$T/err" 'attach ml-att-ilb \(step 1 of 2\)' "step 1 is the attach"
like "$T/err" 'update ml-att-ilb \(step 2 of 2\)' "step 2 is the update"
is "$(requests PUT '.*/computes/ml-att-ilb')" 2 "two PUTs"
grep '"method":"PUT","path":"[^"]*ml-att-ilb"' "$T/journal.log" | head -n 1 |
    grep -q 'InternalLoadBalancer'
is $? 1 "the attach itself does not carry the internal load balancer"
grep '"method":"PUT","path":"[^"]*ml-att-ilb"' "$T/journal.log" | tail -n 1 |
    grep -q '"loadBalancerSubnet":"aks-subnet","loadBalancerType":"InternalLoadBalancer"'
ok $? "the update sets it"
az show ml-att-ilb -o json
like "$T/out" '"loadBalancerType": "InternalLoadBalancer"' \
    "the end state has the internal load balancer"
j=$(ls "$T/state/akswiz/operations/"*ml-att-ilb*.json)
like "$j" '"step": 2' "journal ends at step 2"
like "$j" '"steps": 2' "of 2"

# Update back to a public IP: the old subnet must not stay.
plan_new "$T/pub.json" attach --compute-type AKS --name ml-att-ilb \
    --compute-resource-id "$CLUSTER/aks-preview"
sed -e 's/"operation": "attach"/"operation": "update"/' \
    -e '/"clusterResourceId"/d' "$T/pub.json" >"$T/pub2.json"
az apply "$T/pub2.json"
is "$rc" 0 "an update back to a public IP succeeds"
grep '"method":"PUT","path":"[^"]*ml-att-ilb"' "$T/journal.log" | tail -n 1 |
    grep -q '"loadBalancerSubnet"'
is $? 1 "and does not send the old subnet"
az show ml-att-ilb -o json
like "$T/out" '"loadBalancerType": "PublicIp", "loadBalancerSubnet": null' \
    "the end state is a public IP without a subnet"

# Update (TLS off -> Microsoft certificate).
plan_new "$T/upd.json" create --compute-type AKS --name ml-inf-a --vm-size Standard_D3_v2 \
    --agent-count 3 --ssl-leaf-domain-label contoso
sed -e 's/"operation": "create"/"operation": "update"/' -e '/"vmSize"/d' \
    -e '/"nodeCount"/d' "$T/upd.json" >"$T/upd2.json"
az apply "$T/upd2.json"
is "$rc" 0 "apply update exits 0"
grep '"method":"PUT","path":"[^"]*ml-inf-a"' "$T/journal.log" | tail -n 1 |
    grep -q '"leafDomainLabel":"contoso"'
ok $? "the update PUT carries the new TLS settings"

# Detach: DELETE with underlyingResourceAction=Detach, then gone.
az detach ml-att-a --yes
is "$rc" 0 "detach exits 0"
like "$T/out" 'The AKS cluster is kept\.  Before attaching it again, delete the azureml-fe leftovers' \
    "detach says what re-attaching needs"
grep '"method":"DELETE"' "$T/journal.log" | grep -q '"underlyingResourceAction":"Detach"'
ok $? "DELETE with underlyingResourceAction=Detach"
az show ml-att-a
is "$rc" 1 "the compute is gone"
az clusters --compute-type AKS -o json
tr -d '\n ' <"$T/out" | grep -q '"name":"aks-prod",[^{]*"attachedAs":null,"attachable":true'
ok $? "the cluster can be attached again"

# A policy that forbids public IPs: the operation fails, with a hint.
SECURE=$(echo "$CLUSTER" | sed 's/aks-rg/secure-rg/')
"$AKSWIZ" plan new attach --compute-type AKS --name ml-pub --compute-resource-id "$SECURE/aks-secure" \
    --subscription "$SB_SUB" -g secure-rg -w secure-workspace >"$T/pol.json" 2>/dev/null
az apply "$T/pol.json" -g secure-rg -w secure-workspace
is "$rc" 1 "a policy denial fails the operation (exit 1)"
like "$T/err" 'RequestDisallowedByPolicy|disallowed by policy' "with the service's error"
like "$T/err" 'Hint: .*internal load balancer' "and a hint"

# --no-wait, then watch.
plan_new "$T/nw.json" create --compute-type AKS --name ml-inf-nw --vm-size Standard_D3_v2 \
    --agent-count 3
az apply "$T/nw.json" --no-wait
is "$rc" 0 "apply --no-wait exits 0"
like "$T/out" 'akswiz watch ml-inf-nw' "and says how to follow it"
j=$(ls "$T/state/akswiz/operations/"*ml-inf-nw*.json)
like "$j" '"open": true' "the journal entry is open"
az watch ml-inf-nw
is "$rc" 0 "watch exits 0"
like "$T/out" 'create of ml-inf-nw succeeded' "watch followed it to the end"
like "$j" '"open": false' "and closed the entry"
az watch
is "$rc" 0 "watch with nothing open exits 0"
like "$T/out" '^No open operations\.$' "and says so"

# On a terminal, detach asks (script(1) gives it one).
if command -v script >/dev/null 2>&1; then
	A="$AKSWIZ --endpoint $SB_URL --authority $SB_AUTH --ca-file $SB_CA --subscription $SB_SUB -g $SB_RG -w $SB_WS"
	printf 'n\n' | timeout 60 script -qec "$A detach inf-created" /dev/null >"$T/tty" 2>&1
	is "$?" 1 "on a terminal, answering no detaches nothing (exit 1)"
	like "$T/tty" 'Detach inf-created from workspace ml-workspace \(the AKS cluster is kept\)\? \[y/N\]' \
	    "the question names the compute and what is kept"
	is "$(requests DELETE '.*/computes/inf-created')" 0 "no DELETE was sent"
	printf 'y\n' | timeout 60 script -qec "$A detach inf-created" /dev/null >"$T/tty" 2>&1
	is "$?" 0 "answering yes detaches"
	is "$(requests DELETE '.*/computes/inf-created')" 1 "with one DELETE"
else
	for i in 1 2 3 4 5; do n=$((n + 1)); echo "ok $n # SKIP no script(1)"; done
fi

done_testing
