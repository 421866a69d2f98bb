#!/bin/sh
# Changing endpoints from browse's endpoints screen (issue 13, "Change
# it"), each a plan of deploy-change through the review and progress
# screens: c scales a deployment, t sets the traffic split (its sum shown
# as typed, 100 required), x deletes a deployment (refused while it takes
# traffic, with the fix) or an endpoint (its name typed).  Esc sends
# nothing; exactly the requests of each plan, from the sandbox's journal.
. "$top_srcdir/tests/screens/libtest.sh"
# red (made below) fails whatever is done to it.
EP_FAULTS='op:ep-key/red=fail:ImageBuildFailure:The image of red could not be built'
. "$top_srcdir/tests/screens/endpoints-world.sh"

# changes_since N: akswiz's requests that change something after line N,
# as "METHOD path-from-onlineEndpoints body".
changes_since() {
	journal_since "$1" |
	    grep '"method":"\(PUT\|PATCH\|DELETE\|POST\)","path":"/subscriptions' |
	    grep -v '/listKeys"' |
	    sed -e 's/.*"method":"\([A-Z]*\)","path":"[^"]*\(\/onlineEndpoints\/[^"]*\)".*"body":\(.*\),"status":.*/\1 \2 \3/'
}

before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e<Down><Down>c
	:save-display scale.screen
	<C-u>3<Enter>
	:save-display review.screen
	<Esc>
	:save-state esc.state
	c<Esc>
	:save-state esc2.state
	c<C-u>3<Enter><Enter>
	:save-display progress.screen
	<Enter>
	:save-display after.screen
	:save-state after.state
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_equals scale.screen "c: the deployment's instance count" <<EOF
 Online endpoints on k8s-dev                                        2 endpoints
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

 Scale green of ep-key

 › Instances  [1                                               ]

















 Enter review  Tab next field  Esc cancel
EOF
assert_grep '^ Review the plan  *Scale$' review.screen "the review is titled as a scale"
assert_grep '^    Online endpoint    ep-key$' review.screen "the review: the endpoint"
assert_grep '^    Deployment         green$' review.screen "the deployment"
assert_grep '^    Instances          3$' review.screen "the count typed"
assert_grep '^screen: endpoints$' esc.state "Esc from the review: the endpoints again"
assert_grep '^mode: list$' esc2.state "Esc from the form: the list"
assert_grep '^ Changed an endpoint on k8s-dev  *Succeeded$' progress.screen \
    "the progress screen follows the plan to its end"
assert_grep '^row: ep-key/green Succeeded 3$' after.state \
    "Enter: the endpoints again, green with 3 instances"
changes_since "$before" > scale.log
assert_equals scale.log "exactly one PATCH of green's sku" <<EOF
PATCH /onlineEndpoints/ep-key/deployments/green {"sku":{"capacity":3,"name":"Default"}}
EOF

# c on blue (autoscale): its bounds, the fit on the compute's nodes
# checked as typed with core's rules (3 nodes of Standard_D4s_v3 hold 18
# instances of 500m and 1Gi); Enter does not go on while it does not fit.
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e<Down>c
	:save-display bounds.screen
	<Tab><C-u>40
	:save-display nofit.screen
	<Enter>
	:save-state nofit.state
	<C-u>2
	:save-display fits.screen
	<C-u>18
	:save-display beside.screen
	<Esc>
'
run_akswiz browse $SB_ARGS
assert_grep '^   Max instances  \[1  *\]$' bounds.screen "autoscale: min and max"
assert_grep "✗ 40 instances do not fit on the cluster's 3 nodes of" \
    nofit.screen "40: does not fit, said as typed"
assert_grep '^mode: scale$' nofit.state "Enter: no review"
assert_no_grep 'do not fit' fits.screen "2 fits"
# 18 of blue alone would fit; beside green's 3 instances they do not,
# as preflight counts them (the CLI's update says the same).
tr -d '\n' < beside.screen | tr -s ' ' > beside.joined; echo >> beside.joined
AKSWIZ_OFFLINE= "$AKSWIZ" $SB_ARGS online-deployment update --name blue \
    --endpoint-name ep-key --min-instances 1 --max-instances 18 \
    >cli.out 2>cli.err
held=$(sed -n 's/.*which hold at most \([0-9]*\);.*/\1/p' cli.err | head -n 1)
assert_grep "18 instances do not fit on the cluster's 3 nodes of Standard_D4s_v3, which hold at most ${held:-none};" \
    beside.joined "the fit counts the compute's other deployments, as preflight"
changes_since "$before" > fit.log
assert_equals fit.log "the fit sends nothing" <<EOF
EOF

# t: the split, its sum as typed; 50 alone is refused before the review.
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>et
	:save-display traffic.screen
	<C-u>50
	:save-display half.screen
	<Enter>
	:save-state half.state
	<Tab><C-u>50
	:save-display split.screen
	<Enter>
	:save-display split-review.screen
	<Enter><Enter>
	:save-state split.state
'
run_akswiz browse $SB_ARGS
assert_grep '^ › blue   \[100  *\]$' traffic.screen "t: blue's share now"
assert_grep '^   green  \[0  *\]$' traffic.screen "green's"
assert_grep '^ Sum: 100% (100 required)$' traffic.screen "the sum"
assert_grep '^ Sum: 50% (100 required)$' half.screen "the sum as typed"
assert_grep "^ ✗ The endpoint's traffic adds up to 50 percent" half.screen \
    "what is wrong, at once"
assert_grep '^mode: traffic$' half.state "Enter with 50%: no review"
assert_grep '^ Sum: 100% (100 required)$' split.screen "50 and 50"
assert_grep '^    Traffic            blue=50 green=50$' split-review.screen \
    "the review: the split"
assert_grep '^ Review the plan  *Traffic$' split-review.screen \
    "the review is titled as a traffic change"
assert_grep '^row: ep-key/green Succeeded 3$' split.state "back on the endpoints"
changes_since "$before" > split.log
assert_equals split.log "one PATCH of the endpoint's traffic, nothing else" <<EOF
PATCH /onlineEndpoints/ep-key {"properties":{"traffic":{"blue":50,"green":50}}}
EOF

# x: a deployment with traffic is refused, with the split that frees it;
# an endpoint is deleted once its name is typed, not before.
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e<Down>x
	:save-display refused.screen
	<Enter>
	:save-state refused.state
	<Esc><Down><Down>x
	:save-display delete.screen
	ep-to<Enter>
	:save-display typo.screen
	k<Enter>
	:save-display delete-review.screen
	<Enter><Enter>
	:save-state deleted.state
'
run_akswiz browse $SB_ARGS
assert_grep '^ Delete deployment blue of ep-key: type its name to confirm$' \
    refused.screen "x on blue"
assert_grep '^ ✗ .*blue' refused.screen "refused: it takes traffic"
assert_grep 'green=100' refused.screen "with the split that frees it"
assert_grep '^mode: delete$' refused.state "Enter: no review"
assert_grep '^ Delete online endpoint ep-tok and its 0 deployments' \
    delete.screen "x on ep-tok"
assert_grep '^ Type ep-tok to confirm; nothing is deleted otherwise\.$' \
    typo.screen "a wrong name: nothing"
assert_grep '^    Its deployments    DELETED with it$' delete-review.screen \
    "the review says the deployments go"
assert_no_grep '^row: ep-tok' deleted.state "ep-tok gone from the list"
changes_since "$before" > delete.log
assert_equals delete.log "exactly one DELETE, of ep-tok" <<EOF
DELETE /onlineEndpoints/ep-tok null
EOF

# 60x20 and zh_CN: the forms fit.
steps '
	/k8s-dev<Enter>et
	:save-display small.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep '^ Sum: 100% (100 required)$' small.screen "60x20: the split's form"
steps '
	/k8s-dev<Enter>e<Down><Down>c
	:save-display zh.screen
'
LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
assert_grep '\[3  *\]$' zh.screen "zh_CN: the scale form"

# A failed deployment: the service says why in its operation only; the
# detail gives what the journal kept of akswiz's last one on it.
k8s_arm PUT "$EP/ep-key/deployments/red?$EP_V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":1},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$K8S_WSP/models/m/versions/2\",\"scaleSettings\":{\"scaleType\":\"Default\"}}}"
k8s_wait
steps '
	/k8s-dev<Enter>e<End>
	:save-display red.screen
	c<C-u>2<Enter><Enter>
	:save-display red-progress.screen
	<Enter>
	:save-display red-failed.screen
'
run_akswiz browse $SB_ARGS
assert_grep '^ ›   red  *✗ Failed' red.screen "red failed"
assert_no_grep '^ Failure ' red.screen "nothing journaled: no reason made up"
assert_grep 'ImageBuildFailure: The image of red' red-progress.screen \
    "a scale of red fails too"
assert_grep '^ Failure  *ImageBuildFailure: The image of red could not be built$' \
    red-failed.screen "the detail says why, from the journal"

# --readonly: none of them.
steps '
	/k8s-dev<Enter>e<Down><Down>c
	:save-state ro.state
'
run_akswiz --readonly browse $SB_ARGS
assert_grep '^mode: list$' ro.state "--readonly: c does not open"
tap_done
