#!/bin/sh
# A deploy whose deployment ends Failed, decoded into what to change
# (issue 13): never scheduled (the resource flags named, and how many
# instances fit), an init() crash (the container's last log lines shown
# there), a timeout; an endpoint name another workspace of the region
# has.  The endpoint made before the failure: partly applied (exit 6),
# and the same plan applied again sends only the deployment and the
# traffic.  kill -9 during the deployment's operation: watch finishes it
# without a second PUT.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
deploy_plan() {
	f=$1 ep=$2
	shift 2
	"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name "$ep" \
	    --deployment-name blue --model sk:1 --environment env:1 --cpu 0.5 \
	    --memory-gb 1 "$@" >"$f" 2>/dev/null
}
puts() { requests PUT "[^\"]*/onlineEndpoints/$1"; }

sb_start --polls 1 --faults 'op:ep-sched/blue=fail:KubernetesError#1:Kubernetes Deployment Error: 0/3 nodes are available: 3 Insufficient cpu.;op:ep-crash/blue=fail:InferencingClientCreateDeploymentFailed:init crashed;op:ep-slow/blue=fail:DeploymentTimedOut:Timed out waiting for the deployment to become ready.'
k8s_deploy_world

# 1. Never scheduled: partly applied, the flags to change named.
deploy_plan "$T/s.json" ep-sched --instance-count 2
az apply "$T/s.json"
is "$rc" 6 "the endpoint made, the deployment failed: partly applied (exit 6)"
like "$T/err" 'deploy of k8s-dev is partly applied: its create deployment \(step 2 of 3\) failed: KubernetesError' "the failed step and the service's code"
like "$T/err" 'Insufficient cpu' "the scheduler's words"
like "$T/err" 'Hint: The deployment.s pods could not be scheduled: the nodes lack CPU\. Lower --cpu or --instance-count, or add nodes\. At most [0-9]+ instances of these requests fit on the cluster now\.' "the flags to change, and what fits"
like "$T/err" 'only the create deployment is sent again' "how to finish"
# Applied again (the fault was once): the deployment and the traffic only.
az apply "$T/s.json"
ok $rc "applied again, it succeeds"
like "$T/err" 'only its steps from step 2 on are sent' "only what is left"
is "$(puts 'ep-sched')" 1 "the endpoint was sent once"
is "$(puts 'ep-sched/deployments/blue')" 2 "the deployment twice: the failed one and the new one"
like "$T/out" 'traffic: blue=100' "the traffic set"

# 2. An init crash: the container's last log lines, right there.
deploy_plan "$T/c.json" ep-crash
az apply "$T/c.json"
is "$rc" 6 "an init crash: exit 6"
like "$T/err" "Details: the container's log ends:" "the log is shown"
like "$T/err" 'Traceback \(most recent call last\):' "with score.py's traceback"
like "$T/err" 'score.py", line 12, in init' "naming the line"
like "$T/err" 'Hint: The scoring container failed as it started' "and what to fix"

# 3. A timeout.
deploy_plan "$T/t.json" ep-slow
az apply "$T/t.json"
is "$rc" 6 "a timeout: exit 6"
like "$T/err" 'Hint: The deployment did not become ready in time' "said"
like "$T/err" 'online-deployment get-logs' "with where to look"

# 4. An endpoint name another workspace of the region has.
k8s_arm PUT "/subscriptions/$SB_SUB/resourceGroups/secure-rg/providers/Microsoft.MachineLearningServices/workspaces/secure-workspace/onlineEndpoints/ep-taken?api-version=2024-10-01" '{"location":"eastus","properties":{"authMode":"Key"}}'
deploy_plan "$T/x.json" ep-taken
az apply "$T/x.json"
is "$rc" 1 "a name taken in the region: the first step fails (exit 1)"
like "$T/err" 'Hint: Endpoint names are unique in a region: another workspace there has an endpoint named ep-taken\. Choose another --endpoint-name\.' "decoded into a hint"
is "$(puts 'ep-taken/deployments/blue')" 0 "no deployment was sent"
sb_stop

# 5. kill -9 while the deployment's operation runs (its first poll held
# back), then watch: followed to its end, the traffic set, no second PUT.
sb_start --polls 1 --faults 'GET:*/mfeOperationsStatus/*=latency:8s+1#1'
k8s_deploy_world
deploy_plan "$T/k.json" ep-kill
kill_polling "$T/k.json" k8s-dev 2
is "$kst" 137 "apply was killed during the deployment's operation"
az watch k8s-dev
is "$rc" 0 "watch finishes the deploy"
like "$T/out" 'deploy of blue on ep-kill succeeded; the endpoint.s traffic: blue=100\.' "and says so"
is "$(puts 'ep-kill/deployments/blue')" 1 "the deployment was sent once"
is "$(puts 'ep-kill')" 1 "the endpoint once"
is "$(requests PATCH '[^"]*/onlineEndpoints/ep-kill')" 1 "the traffic once"
sb_stop

# 6. The same, the deployment then failing: watch decodes it as apply does.
sb_start --polls 1 --faults 'GET:*/mfeOperationsStatus/*=latency:8s+1#1;op:ep-kf/blue=fail:KubernetesError:Kubernetes Deployment Error: 0/3 nodes are available: 3 Insufficient memory.'
k8s_deploy_world
deploy_plan "$T/kf.json" ep-kf
kill_polling "$T/kf.json" k8s-dev 2
az watch k8s-dev
is "$rc" 6 "watch: the deployment failed after the endpoint was made (exit 6)"
like "$T/err" 'Hint: The deployment.s pods could not be scheduled: the nodes lack memory\. Lower --memory-gb or --instance-count' "decoded there too"
done_testing
