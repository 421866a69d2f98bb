#!/bin/sh
# A deploy whose answers are lost (issue 13, DESIGN.md "never loses an
# operation"): the endpoint's or the deployment's PUT takes effect and its
# answer never comes back; apply looks at the resource instead of sending
# it again and follows it to its end.  kill -9 while the endpoint's PUT is
# held back, once the sandbox has acted on it: `akswiz watch` finds the
# endpoint running with no operation URL journaled, follows the endpoint
# itself, and sends neither it nor anything before it again.  The sandbox
# runs with --polls 1, where a GET of a running resource counts as a poll
# (akswiz-sandbox(1)), as Azure's time would pass.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
deploy_plan() {
	"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name "$2" \
	    --deployment-name blue --model sk:1 --environment env:1 --cpu 0.5 \
	    --memory-gb 1 >"$1" 2>/dev/null
}
puts() { requests PUT "[^\"]*/onlineEndpoints/$1"; }

sb_start --polls 1 --faults 'PUT:*/onlineEndpoints/ep-lost=reset-after#1;PUT:*/onlineEndpoints/ep-dlost/deployments/blue=reset-after#1'
k8s_deploy_world
k8s_arm GET "$K8S_WSP/models/sk/versions/1?api-version=2024-10-01"
if [ "$K8S_STATUS" != 200 ]; then
	echo "1..0 # SKIP the sandbox has no model versions (assets)"
	exit 0
fi

# 1. The endpoint's answer lost: looked at, followed, not sent again.
deploy_plan "$T/e.json" ep-lost
az apply "$T/e.json"
is "$rc" 0 "the endpoint's answer lost: the deploy still succeeds"
like "$T/out" 'deploy of blue on ep-lost succeeded' "and says so"
like "$T/err" 'create endpoint k8s-dev \(step 1 of 3\): Succeeded' "the endpoint followed to its end"
is "$(puts ep-lost)" 1 "the endpoint sent once"
is "$(puts ep-lost/deployments/blue)" 1 "the deployment once"
az -n endpoint show ep-lost --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" -o json
like "$T/out" '"provisioningState": "Succeeded"' "the endpoint is there, Succeeded"

# 2. The deployment's answer lost: the same.
deploy_plan "$T/d.json" ep-dlost
az apply "$T/d.json"
is "$rc" 0 "the deployment's answer lost: the deploy still succeeds"
like "$T/out" 'deploy of blue on ep-dlost succeeded; the endpoint.s traffic: blue=100' "with its traffic"
is "$(puts ep-dlost/deployments/blue)" 1 "the deployment sent once"
sb_stop

# 3. kill -9 while the endpoint's PUT is held back (8 s; it has had 2 s
# to arrive); the sandbox acts on it after the kill, so the journal says
# Submitting and has no operation URL.
sb_start --polls 1 --faults 'PUT:*/onlineEndpoints/ep-kill=latency:8s#1'
k8s_deploy_world
deploy_plan "$T/k.json" ep-kill
"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" apply "$T/k.json" \
    >"$T/apply.out" 2>&1 </dev/null &
apply=$!
j=
until [ -n "$j" ] || ! kill -0 $apply 2>/dev/null; do
	j=$(grep -l '"state": *"Submitting"' \
	    "$T/state/akswiz/operations/"*-k8s-dev-*.json 2>/dev/null)
	sleep 0.01
done
sleep 2
kill -9 $apply 2>/dev/null
wait $apply 2>/dev/null
is "$?" 137 "apply was killed while the endpoint's PUT was held back"
wait_request PUT '[^"]*/onlineEndpoints/ep-kill' $$
is "$(puts ep-kill)" 1 "which the sandbox then acted on"
tr -d ' \n' <"$j" >"$T/j1"
like "$T/j1" '"state":"Submitting"' "the journal says Submitting"
like "$T/j1" '"operationUrl":null' "with no operation URL"
az watch k8s-dev
is "$rc" 0 "watch finishes the deploy"
like "$T/err" 'resuming create endpoint of k8s-dev \(step 1 of 3\), last seen Submitting' "from the endpoint's step"
like "$T/out" 'deploy of blue on ep-kill succeeded' "said"
is "$(puts ep-kill)" 1 "the endpoint not sent again"
is "$(puts ep-kill/deployments/blue)" 1 "the deployment once"
done_testing
