#!/bin/sh
# A deploy from the home screen that fails, against the sandbox: a
# container that crashes in init() (an injected fault) is said with the
# last lines of its log and Enter goes back to the What page with
# everything typed; a deployment Kubernetes cannot schedule (an injected
# Unschedulable) sends Enter back to the Resources page; browse's
# endpoints screen then says why, and its log keeps the traceback's
# indentation at 60x20.  The model is a local file, uploaded.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/screens/deploy-world.sh"

deploy_world --faults 'op:my-ep/blue=fail:InferencingClientCreateDeploymentFailed:init crashed'
steps "$(deploy_keys my-ep '<Down>250m')
	:save-display crash.screen
	:save-state crash.state
	l
	:save-display log.screen
	<Esc>
	<Enter>
	:save-display back.screen
	:save-state back.state
"
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^result: partial' crash.state "the deploy failed after its endpoint"
assert_grep 'Partly applied to k8s-prod' crash.screen "and says so"
assert_grep 'init crashed' crash.screen "with the service's reason"
assert_grep 'l whole log' crash.screen "l offers the whole log"
assert_grep 'Traceback (most recent call last)' log.screen "l: the log's traceback"
assert_grep 'score.py", line 12, in init' log.screen "naming score.py's init"
assert_grep '^route: What: model, code, environment$' crash.state \
    "Enter goes to the What page"
assert_grep 'Enter goes back to the page "What: model, code, environment"' \
    crash.screen "as the screen says"
assert_grep '^screen: deploy$' back.state "Enter: back to the deploy screens"
assert_grep '^page: 2$' back.state "on the What page"
assert_grep "^model: $MODEL\$" back.state "the model kept"
assert_grep '^endpoint: my-ep$' back.state "the endpoint kept"
assert_grep '^cpu: 250m$' back.state "the requests kept"

# The same deployment on browse's endpoints screen, at 60x20: why, and l
# shows the log with the traceback's indentation kept where lines wrap.
steps '
	/k8s-prod<Enter>e<End>
	:save-display ep-failed.screen
	l
	:save-display ep-log.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_status 0
assert_grep '^ Failure  *InferencingClientCreateDeploymentFailed:$' \
    ep-failed.screen "60x20: the endpoints screen says why, from the journal"
assert_grep "^ Logs  *l shows the container's logs" ep-failed.screen \
    "and that l shows the logs"
assert_grep '^ Traceback (most recent call last):$' ep-log.screen "l: the traceback"
assert_grep '^   File "/var/azureml-app/onlinescoring/score.py", line 12,$' \
    ep-log.screen "its frame indented as in the log"
assert_grep '^   in init$' ep-log.screen "and wrapped under its indent"
assert_grep '^     model = joblib.load(model_path)$' ep-log.screen \
    "the source line indented further"

deploy_world --faults 'op:my-ep/blue=fail:Unschedulable:0/3 nodes are available: 3 Insufficient cpu.'
steps "$(deploy_keys my-ep '<Down>250m')
	:save-display unsched.screen
	:save-state unsched.state
	<Enter>
	:save-state back2.state
"
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^result: partial' unsched.state "an unschedulable deployment failed"
assert_grep 'Insufficient cpu' unsched.screen "the scheduler's reason shown"
assert_grep '^route: Resources and scale$' unsched.state \
    "Enter goes to the Resources page"
assert_grep '^page: 3$' back2.state "and does"
tap_done
