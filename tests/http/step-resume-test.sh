#!/bin/sh
# A plan of two steps (an attach with an internal load balancer: attach,
# then update) whose run stops after step 1: the journal records step 1
# as done and step 2 as not started, and `akswiz watch` sends only the
# update (one PUT), never the attach again, and the compute ends with the
# plan's load balancer.  Then a run killed while step 2 was sent: watch
# looks before it writes, and sends the update that had not taken effect.
. "$top_srcdir/tests/http/lib.sh"

# stepresults FILE: the entry's stepResults on one line.
stepresults() {
	tr -d ' \n' <"$1" | sed -n 's/.*"stepResults":\(\[[^]]*\]\).*/\1/p'
}

# apply_ilb NAME FAULTS: on a fresh sandbox with FAULTS, start applying an
# attach of aks-prod as NAME with an internal load balancer; $apply is
# the process.
apply_ilb() {
	sb_start --polls 2 --faults "$2"
	plan_new "$T/$1.json" attach --compute-type AKS --name "$1" \
	    --compute-resource-id "/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod" \
	    --load-balancer-type InternalLoadBalancer \
	    --load-balancer-subnet aks-subnet
	"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
	    --ca-file "$SB_CA" apply "$T/$1.json" >"$T/apply.out" 2>&1 \
	    </dev/null &
	apply=$!
}

# kill_when NAME TEST WHAT: once TEST holds, kill -9 the apply of NAME
# (WHAT: when); $j is its journal entry.
kill_when() {
	wait_until $apply "$2"
	kill -9 $apply 2>/dev/null
	wait $apply 2>/dev/null
	is "$?" 137 "apply was killed $3"
	j=$(ls "$T/state/akswiz/operations/"*"$1"*.json)
}

# The second GET of the compute is the update's look at it (the first is
# the attach's final GET): it is held back, and akswiz is killed then.
apply_ilb ml-step 'GET:*/computes/ml-step=latency:8s#1+1'
step1_done() {
	[ "$(stepresults "$T/state/akswiz/operations/"*ml-step*.json 2>/dev/null)" = '["Succeeded",null]' ]
}
kill_when ml-step step1_done "after step 1"
like "$j" '"open": true' "the journal entry is open"
like "$j" '"version": 2' "of version 2"
is "$(stepresults "$j")" '["Succeeded",null]' "step 1 done, step 2 not ended"
tr -d ' \n' <"$j" >"$T/j1"
like "$T/j1" '"stepList":\[\{"kind":"attachCompute","target":"/subscriptions/[^"]*/computes/ml-step","state":"Succeeded","result":"Succeeded"' \
    "stepList: the attach, done"
like "$T/j1" '\},\{"kind":"updateCompute","target":"/subscriptions/[^"]*/computes/ml-step","state":null,"result":null,"pollKind":null,"operationUrl":null\}\]' \
    "then the update, not started"
is "$(requests PUT '.*/computes/ml-step')" 1 "one PUT so far: the attach"

az watch ml-step
is "$rc" 0 "watch finishes the plan"
like "$T/out" 'attach of ml-step succeeded' "and says so"
is "$(requests PUT '.*/computes/ml-step')" 2 "with exactly one PUT of its own"
grep '"method":"PUT"' "$T/journal.log" | sed -n 2p >"$T/update.line"
like "$T/update.line" '"loadBalancerType":"InternalLoadBalancer"' \
    "the update (the attach does not carry the internal load balancer)"
like "$j" '"open": false' "the entry is closed"
is "$(stepresults "$j")" '["Succeeded","Succeeded"]' "both steps done"
az show ml-step -o json
like "$T/out" '"loadBalancerType": "InternalLoadBalancer"' \
    "the compute ends with the plan's load balancer"
sb_stop

# Killed while the update was being sent (held back, then dropped without
# an answer): the journal has step 2 without an operation URL.  watch
# looks at the compute before it writes: the update has not taken effect,
# so it is sent, and the compute ends with the plan's load balancer.
apply_ilb ml-look 'PUT:*/computes/ml-look=latency:8s#1+1;PUT:*/computes/ml-look=reset-before#1+1'
step2_sent() {
	{ tr -d ' \n' <"$T/state/akswiz/operations/"*ml-look*.json; } \
	    2>/dev/null | grep -q '"step":2,.*"state":"Submitting"'
}
kill_when ml-look step2_sent "while the update was sent"
like "$j" '"operationUrl": null' "the journal has no answer for it"
az watch ml-look
is "$rc" 0 "watch finishes the plan"
az show ml-look -o json
like "$T/out" '"loadBalancerType": "InternalLoadBalancer"' \
    "the update was sent: the compute has the plan's load balancer"
is "$(stepresults "$j")" '["Succeeded","Succeeded"]' "both steps done"
sb_stop

done_testing
