#!/bin/sh
# kill -9 of `akswiz apply` in the middle of an operation, then
# `akswiz watch` finishes it from the journal; and an access token that
# expires while an operation is polled is refreshed without a word.
. "$top_srcdir/tests/http/lib.sh"
sb_start --allow-legacy-create --polls 40

plan_new "$T/c.json" create --compute-type AKS --name ml-killed --vm-size Standard_D3_v2 --agent-count 3
AKSWIZ_POLL_MIN_MS=300 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
    --ca-file "$SB_CA" apply "$T/c.json" >"$T/apply.out" 2>&1 </dev/null &
apply=$!
# Poll the sandbox's journal until the operation has been polled once:
# by then the journal entry holds the operation URL.
wait_request GET '[^"]*computeOperationsStatus' $apply
kill -9 $apply 2>/dev/null
wait $apply 2>/dev/null
is "$?" 137 "apply was killed mid-operation"
j=$(ls "$T/state/akswiz/operations/"*ml-killed*.json)
like "$j" '"open": true' "its journal entry is still open"
like "$j" '"operationUrl": "https://' "with the operation URL"

az watch
is "$rc" 0 "watch exits 0"
like "$T/err" 'resuming create of ml-killed' "watch resumes the operation"
like "$T/out" 'create of ml-killed succeeded' "and follows it to the end"
like "$j" '"open": false' "the entry is closed"
like "$j" '"result": "Succeeded"' "with the result"
is "$(requests PUT '.*/computes/ml-killed')" 1 "the create was sent once"
az show ml-killed -o json
like "$T/out" '"provisioningState": "Succeeded"' "the compute is there"
sb_stop

# Killed in the second step of an attach with an internal load balancer:
# watch finishes the update from the journal, not the attach again.
sb_start --allow-legacy-create --polls 30
plan_new "$T/ilb.json" attach --compute-type AKS --name ml-ilb-k \
    --compute-resource-id "/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod" \
    --load-balancer-type InternalLoadBalancer --load-balancer-subnet aks-subnet
AKSWIZ_POLL_MIN_MS=50 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
    --ca-file "$SB_CA" apply "$T/ilb.json" >"$T/apply.out" 2>&1 </dev/null &
apply=$!
i=0
until [ "$(requests PUT '.*/computes/ml-ilb-k')" -ge 2 ] 2>/dev/null &&
    grep -q '"step": 2' "$T/state/akswiz/operations/"*ml-ilb-k*.json 2>/dev/null &&
    grep -q '"operationUrl": "https' "$T/state/akswiz/operations/"*ml-ilb-k*.json; do
	i=$((i + 1))
	if [ $i -gt 2000 ] || ! kill -0 $apply 2>/dev/null; then break; fi
	sleep 0.01
done
kill -9 $apply 2>/dev/null
wait $apply 2>/dev/null
is "$?" 137 "apply was killed in step 2"
AKSWIZ_POLL_MIN_MS=20 az watch ml-ilb-k
is "$rc" 0 "watch finishes it"
like "$T/err" 'resuming update of ml-ilb-k \(step 2 of 2\)' "from step 2"
is "$(requests PUT '.*/computes/ml-ilb-k')" 2 "with no PUT of its own"
az show ml-ilb-k -o json
like "$T/out" '"loadBalancerType": "InternalLoadBalancer"' \
    "the end state has the internal load balancer"
sb_stop

# A journal entry whose request never got an answer: watch looks first.
sb_start --allow-legacy-create --polls 2
mkdir -p "$T/state/akswiz/operations"
cat >"$T/state/akswiz/operations/20300101T000000Z-ml-ghost-000000.json" <<EOF
{"version": 1, "id": "20300101T000000Z-ml-ghost-000000", "open": true,
 "operation": "create", "subscription": "$SB_SUB", "resourceGroup": "$SB_RG",
 "workspace": "$SB_WS", "compute": "ml-ghost", "step": 1, "steps": 1,
 "stepName": "create", "method": "PUT",
 "resourceUrl": "$SB_URL/subscriptions/$SB_SUB/resourceGroups/$SB_RG/providers/Microsoft.MachineLearningServices/workspaces/$SB_WS/computes/ml-ghost?api-version=2024-04-01",
 "pollKind": null, "operationUrl": null, "startTime": "2030-01-01T00:00:00Z",
 "state": "Submitting", "plan": null}
EOF
az watch ml-ghost
is "$rc" 1 "a create that never reached Azure is reported (exit 1)"
like "$T/err" 'never reached Azure' "as such"
is "$(requests PUT '.*')" 0 "and is not sent by watch"
sb_stop

# Tokens that live 2 seconds, an operation that takes longer.
sb_start --allow-legacy-create --polls 12 --token-lifetime 2
plan_new "$T/c.json" create --compute-type AKS --name ml-tok --vm-size Standard_D3_v2 --agent-count 3
AKSWIZ_POLL_MIN_MS=400 az apply "$T/c.json"
is "$rc" 0 "an operation outlives its access token"
tokens=$(grep -c '"method":"POST","path":"[^"]*/oauth2/v2.0/token"' "$T/journal.log")
[ "$tokens" -ge 2 ]
ok $? "the token was renewed ($tokens token requests)"
if grep -q '"status":401' "$T/journal.log"; then
	n401=$(grep -c '"status":401' "$T/journal.log")
else
	n401=0
fi
unlike "$T/err" '401|sign-in|expired' "without the user seeing it ($n401 401s)"

done_testing
