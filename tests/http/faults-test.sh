#!/bin/sh
# Faults: with throttling, 5xx answers, dropped connections and latency
# injected, apply still ends in the right state with exactly one
# effective create; a create whose answer is lost is looked up, never
# sent again blindly; a truncated answer is fetched again.
. "$top_srcdir/tests/http/lib.sh"

# effective NAME: PUTs of compute NAME that the sandbox accepted (201/200).
effective() {
	grep -E "\"method\":\"PUT\",\"path\":\"[^\"]*/computes/$1\"" \
	    "$T/journal.log" | grep -c -E '"status":20[01]'
}

# 1. Noise everywhere: 429s, 503s, resets and latency on every path.
sb_start --allow-legacy-create --polls 3 --faults 'seed=7;GET:*=429@0.25:retry-after=0;*=503@0.15;GET:*=reset-before@0.1;*=latency:30ms@0.3'
plan_new "$T/c.json" create --compute-type AKS --name ml-noisy --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 0 "apply succeeds through 429s, 503s, resets and latency"
like "$T/out" 'create of ml-noisy succeeded' "and says so"
is "$(effective ml-noisy)" 1 "exactly one effective create"
grep -q '"status":429' "$T/journal.log"
ok $? "the sandbox did throttle"
grep -q '"status":503' "$T/journal.log"
ok $? "and did answer 503"
az show ml-noisy -o json
like "$T/out" '"provisioningState": "Succeeded"' "the end state is Succeeded"
sb_stop

# 2. The create's answer is lost after the sandbox acted on it.  The
# compute is then followed by GETs of itself, which do not count as polls
# of the operation: time (sped up) ends it.
sb_start --allow-legacy-create --speed 2000 --faults 'PUT:*/computes/*=reset-after#1'
plan_new "$T/c.json" create --compute-type AKS --name ml-lost --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 0 "a create whose answer was lost still ends Succeeded"
is "$(requests PUT '.*/computes/ml-lost')" 1 "it was not sent again"
n_get=$(grep -c -E '"method":"GET","path":"[^"]*/computes/ml-lost"' "$T/journal.log")
[ "$n_get" -ge 1 ]
ok $? "the compute was looked up instead"
sb_stop

# 2b. The answer is lost and the compute cannot be looked up either:
# nobody knows, so nothing is sent again and the journal stays open
# (60 503s: more than 5 look-ups of 11 attempts each).
sb_start --allow-legacy-create --speed 2000 --faults 'PUT:*/computes/*=reset-after#1;GET:*/computes/ml-unsure=503:retry-after=0#60'
plan_new "$T/c.json" create --compute-type AKS --name ml-unsure --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 5 "a create that cannot be confirmed exits 5"
like "$T/err" 'cannot tell whether Azure received the create of ml-unsure' \
    "saying that nobody knows"
is "$(requests PUT '.*/computes/ml-unsure')" 1 "it was not sent again"
j=$(ls "$T/state/akswiz/operations/"*ml-unsure*.json)
like "$j" '"open": true' "its journal entry stays open"
# The sandbox answers 503 a few more times; watch is run until it can read.
k=0
while :; do
	az watch ml-unsure
	k=$((k + 1))
	[ "$rc" -eq 0 ] || [ $k -ge 5 ] && break
done
is "$rc" 0 "once the compute can be read, watch settles it"
like "$T/out" 'create of ml-unsure succeeded' "as succeeded"
sb_stop

# 3. The create is refused with 503 before the sandbox acts: look, resend.
sb_start --allow-legacy-create --polls 2 --faults 'PUT:*/computes/*=503#1'
plan_new "$T/c.json" create --compute-type AKS --name ml-retry --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 0 "a create answered 503 is sent again after looking"
is "$(requests PUT '.*/computes/ml-retry')" 2 "two PUTs reached the sandbox"
is "$(effective ml-retry)" 1 "only one of them was effective"
first_put=$(grep -n '"method":"PUT"' "$T/journal.log" | head -n 1 | cut -d: -f1)
look=$(grep -n -E '"method":"GET","path":"[^"]*/computes/ml-retry"' "$T/journal.log" | head -n 1 | cut -d: -f1)
second_put=$(grep -n '"method":"PUT"' "$T/journal.log" | sed -n 2p | cut -d: -f1)
[ -n "$look" ] && [ "$first_put" -lt "$look" ] && [ "$look" -lt "$second_put" ]
ok $? "it looked between the two PUTs"
sb_stop

# 4. A truncated answer is detected and fetched again (a persistent one
# would take http.c's whole retry budget; malformed-test.sh covers errors).
sb_start --allow-legacy-create --faults 'GET:*/computes=truncate#1'
az list -o json
is "$rc" 0 "a truncated list page is fetched again"
like "$T/out" '"name": "inf-failed"' "and the list is complete"
is "$(requests GET '.*/workspaces/[^/]*/computes')" 3 "one page twice, then the next"
sb_stop

# 5. A service that keeps answering 503: apply gives up cleanly.
sb_start --allow-legacy-create --faults 'GET:*/workspaces/*=503:retry-after=0'
plan_new "$T/c.json" create --compute-type AKS --name ml-down --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 5 "a service that stays down: exit 5"
like "$T/err" '503|ServiceUnavailable|unavailable' "naming the status"
is "$(requests PUT '.*')" 0 "and nothing was created"

# 6. Operations that fail in the service: one line, details and a hint.
sb_start --allow-legacy-create --polls 2 --faults 'op:ml-quota=fail:OperationNotAllowed:Operation could not be completed as it results in exceeding approved Total Regional Cores quota. Additional details - Deployment Model: Resource Manager, Location: eastus, Current Limit: 10, Current Usage: 7, Additional Required: 12, (Minimum) New Limit Required: 19.;op:ml-vers=fail:BadRequest:Specified kubernetes version 1.12.4 is not supported. Supported versions are between 1.8 - 1.11 ;op:ml-small=fail:BadRequest:Agent coresCluster should have at least 12 cores to operate.'
plan_new "$T/c.json" create --compute-type AKS --name ml-quota --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 1 "a quota failure in the service exits 1"
like "$T/err" '^akswiz: create of ml-quota failed: OperationNotAllowed: Operation could not be completed' \
    "one readable line with the service's code and message"
like "$T/err" 'Hint: Ask for 9 more vCPU of quota \(a new limit of at least 19\)' \
    "the hint says how many more vCPU are needed"
j=$(ls "$T/state/akswiz/operations/"*ml-quota*.json)
like "$j" '"result": "Failed"' "the journal entry is closed as Failed"
like "$j" '"code": "OperationNotAllowed"' "with the code"
az apply "$T/c.json" -o json
is "$rc" 3 "applying it again is refused: the failed compute holds the name"
plan_new "$T/v.json" attach --compute-type AKS --name ml-vers \
    --compute-resource-id "/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod"
az apply "$T/v.json" -o json
is "$rc" 1 "a version failure exits 1"
like "$T/out" '"result": "failed"' "json: failed"
like "$T/out" '"hint": "Supported versions are 1.8 - 1.11: upgrade the cluster' \
    "json: the hint names the supported range"
plan_new "$T/s.json" create --compute-type AKS --name ml-small --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/s.json"
is "$rc" 1 "a production-size failure exits 1"
like "$T/err" 'Hint: Production needs at least 3 nodes and 12 vCPU' \
    "the hint names the production minimum"
sb_stop

done_testing
