#!/bin/sh
# Browse's endpoints screen (issue 13, "Browse" and "Use it"): e on a
# Kubernetes compute lists its online endpoints with their deployments
# nested (state, instances, instance type, traffic) and a detail of the
# selected row; k shows the keys masked until v, p regenerates the primary
# key after a confirmation (Esc sends nothing); i sends a request file to
# the scoring URI and shows the status and the reply; l shows a
# deployment's logs.  At 80x24, 60x20 and in zh_CN; exactly the requests
# each action sends, from the sandbox's journal.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/screens/endpoints-world.sh"

# screen FILE: the saved screen with the sandbox's port made constant.
port=$(echo "$SB_URL" | sed 's/.*://')
screen() {
	sed "s/127\.0\.0\.1:$port/127.0.0.1:PORT/g" "$1" > "$1.p" && mv "$1.p" "$1"
}

before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e
	:save-display list.screen
	:save-state list.state
	<Down>
	:save-display blue.screen
	<Esc>
	:save-display back.screen
'
run_akswiz browse $SB_ARGS
assert_status 0
screen list.screen
assert_equals list.screen "80x24: the endpoints of k8s-dev, deployments nested" <<EOF
 Online endpoints on k8s-dev                                        2 endpoints
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

   Name                  State         Instances Type                   Traffic
 › ep-key                ✓ Succeeded             key auth
     blue                ✓ Succeeded   1-1 auto  defaultinstancetype       100%
     green               ✓ Succeeded   1         defaultinstancetype         0%
   ep-tok                ✓ Succeeded             AML token
 ──────────────────────────────────────────────────────────────────────────────
 Scoring URI     https://127.0.0.1:PORT/api/v1/endpoint/ep-key/score
 Auth mode       Key
 Traffic         blue=100
 Description     demo










 k keys  i invoke  l logs  c scale  t traffic  r refresh  Esc back  ? help
EOF
assert_grep '^row: ep-key/blue Succeeded 2$' list.state \
    "the model: the deployment under its endpoint"
assert_grep '^auto-refresh: off$' list.state "nothing changing: no refresh"
assert_grep '^ Model  *m:1$' blue.screen "a deployment's detail: its model, short"
assert_grep '^ Requests  *cpu 500m, memory 1Gi$' blue.screen "its requests"
assert_grep '^ Limits  *cpu 1, memory 2Gi$' blue.screen "its limits"
assert_grep '^ Scale  *autoscale, 1 to 1 instances$' blue.screen \
    "its scale settings"
assert_grep 'Computes of the workspace' back.screen "Esc goes back to browse"
journal_since "$before" > opened.log
assert_grep '"method":"GET","path":"[^"]*/onlineEndpoints","query":{"api-version":"2024-10-01"}' \
    opened.log "the endpoints listed"
assert_grep '"method":"GET","path":"[^"]*/onlineEndpoints/ep-key/deployments"' \
    opened.log "each endpoint's deployments"
assert_no_grep '"method":"\(POST\|PUT\|PATCH\|DELETE\)","path":"/subscriptions/' opened.log \
    "looking sends nothing else"

# The keys: masked until v; p asks first and Esc sends nothing; i sends
# the request file; l reads the logs, Tab the other container.
k8s_arm POST "$EP/ep-key/listKeys?$EP_V"
KEY1=$(sed -n 's/.*"primaryKey" *: *"\([^"]*\)".*/\1/p' "$work/k8s.body")
echo '{"data": [[1, 2, 3]]}' > "$work/request.json"
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e
	k
	:save-display keys.screen
	:save-state keys.state
	p
	:save-display confirm.screen
	<Esc>
	:save-display kept.screen
	v
	:save-display revealed.screen
	:save-state revealed.state
	<Esc>i
	:save-display invoke.screen
	request.json<Enter>
	:save-display invoked.screen
	<Esc><Down>l
	:save-display logs.screen
	<Tab>
	:save-display storage.screen
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_equals keys.screen "the keys, masked" <<EOF
 Online endpoints on k8s-dev                                        2 endpoints
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

 Keys of ep-key

 Primary key     ••••••••••••••••
 Secondary key   ••••••••••••••••
















 v reveal  p/s regenerate primary/secondary  Esc back
EOF
if [ -n "$KEY1" ]; then ok "the test knows the key"; else
	not_ok "the test knows the key"; fi
assert_no_grep "$KEY1" keys.screen "the key is not on screen"
assert_grep '^keys: masked$' keys.state "the model: masked"
assert_grep '^ Regenerate the Primary key of ep-key? Clients that use it stop' \
    confirm.screen "p asks first"
assert_no_grep 'Regenerate the' kept.screen "Esc: not regenerated"
assert_grep "^ Primary key  *$KEY1\$" revealed.screen "v reveals the key"
assert_grep '^keys: revealed$' revealed.state "the model: revealed"
for f in keys.state revealed.state stderr; do
	assert_no_grep "$KEY1" "$work/$f" "no key in $f"
done
assert_grep '^ Request  *\[  *\]$' invoke.screen "i asks for a request file"
assert_grep '^ Deployment  *< by traffic >$' invoke.screen "sent by traffic"
assert_grep '^ HTTP 200 in 0 ms$' invoked.screen "the status and the latency"
assert_grep '^ {"endpoint":"ep-key","deployment":"blue"' invoked.screen \
    "the reply: blue answered"
assert_grep '^ Logs of ep-key/blue · inference server$' logs.screen \
    "l: the deployment's inference server"
assert_grep '^ Booting worker with pid' logs.screen "its lines"
assert_grep '^ Model download completed$' storage.screen \
    "Tab: the storage initializer's"
journal_since "$before" | grep -v '"method":"GET"' | sed -e 's/.*"method":"\([A-Z]*\)","path":"[^"]*\(\/onlineEndpoints\/[^"]*\|\/api\/v1[^"]*\)".*"body":\(.*\),"status":.*/\1 \2 \3/' > sent.log
assert_equals sent.log "exactly these requests: keys, keys and score, logs twice" <<EOF
POST /onlineEndpoints/ep-key/listKeys {}
POST /onlineEndpoints/ep-key/listKeys {}
POST /api/v1/endpoint/ep-key/score {"data":[[1,2,3]]}
POST /onlineEndpoints/ep-key/deployments/blue/getLogs {"containerType":"InferenceServer","tail":200}
POST /onlineEndpoints/ep-key/deployments/blue/getLogs {"containerType":"StorageInitializer","tail":200}
EOF

# p then Enter regenerates the primary key, and the keys are read again.
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e
	kp<Enter>
	:save-display regenerated.screen
	v
	:save-display new.screen
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep '^ The Primary key of ep-key was regenerated\.$' regenerated.screen \
    "regenerated: said"
assert_no_grep "$KEY1" new.screen "the old key is gone"
assert_grep '^ Primary key  *[A-Za-z0-9]' new.screen "a new one shown"
journal_since "$before" |
    grep -c '"path":"[^"]*/regenerateKeys".*"body":{"keyType":"Primary"}' \
    > regen.count
assert_grep '^1$' regen.count "one regenerateKeys of the primary key"

# An AMLToken endpoint: the token, masked, with its expiry.
steps '
	/k8s-dev<Enter>e
	<Down><Down><Down>k
	:save-display token.screen
'
run_akswiz browse $SB_ARGS
assert_grep '^ Token of ep-tok$' token.screen "k on ep-tok: its token"
assert_grep '^ Access token  *••••' token.screen "masked"
assert_grep '^ Expires  *20' token.screen "with its expiry"
assert_grep '^ Refresh after  *20' token.screen "and when to refresh it"
assert_no_grep 'regenerate' token.screen "no key to regenerate"

# A named deployment: Tab, Right picks blue, again green; the header
# routes it there (the sandbox's reply names the deployment that answered).
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e
	irequest.json<Tab><Right><Right>
	:save-display named.screen
	<Enter>
	:save-display named-sent.screen
'
run_akswiz browse $SB_ARGS
assert_grep '^ Deployment  *< green >$' named.screen "Right, Right picks green"
assert_grep '^ HTTP 200' named-sent.screen "sent"
assert_grep '"deployment":"green"' named-sent.screen "green answered, not blue"

# ?: the keys of the list, then of the keys view, whole at 60x20.
steps '
	/k8s-dev<Enter>e?
	:save-display help.screen
	<Esc>k?
	:save-display keys-help.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep '^  x       delete a deployment or an endpoint' help.screen \
    "?: the list's keys, x among them"
assert_grep '^ Any key closes the help$' help.screen "they fit at 60x20"
assert_grep '^  p       regenerate the primary key' keys-help.screen \
    "?: the keys view's own"
assert_no_grep '^  x  ' keys-help.screen "and only its own"

# f follows the logs (read again every few seconds, f again stops); the
# states read without colour; a wide terminal gives the columns room.
steps '
	/k8s-dev<Enter>e<Down>lf
	:save-display follow.screen
	:save-state follow.state
	f
	:save-state stopped.state
'
NO_COLOR=1 run_akswiz browse $SB_ARGS
assert_grep '^ Logs of ep-key/blue · inference server (following)$' \
    follow.screen "f: following, said"
assert_grep '^follow: on$' follow.state "the model: following"
assert_grep '^follow: off$' stopped.state "f again: stopped"
steps '
	/k8s-dev<Enter>e
	:save-display nocolor.screen
'
NO_COLOR=1 run_akswiz browse $SB_ARGS
assert_grep '^     blue  *✓ Succeeded' nocolor.screen "NO_COLOR: the state is marked in text"
steps '
	/k8s-dev<Enter>e
	:save-display wide.screen
'
COLUMNS=160 LINES=40 run_akswiz browse $SB_ARGS
assert_grep '^     blue  *✓ Succeeded   1-1 auto  defaultinstancetype  *100%$' \
    wide.screen "160x40: the rows, whole"

# The request's JSON typed in place of a file's path.
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e
	i{"data":[[7]]}<Enter>
	:save-display inline.screen
'
run_akswiz browse $SB_ARGS
assert_grep '"input":{"data":\[\[7\]\]}' inline.screen "inline JSON: sent and echoed"
journal_since "$before" | grep '/score"' > inline.log
assert_grep '"body":{"data":\[\[7\]\]}' inline.log "the sandbox got it as typed"

# 60x20, and in Chinese.
steps '
	/k8s-dev<Enter>e
	:save-display small.screen
	k
	:save-display small-keys.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_status 0 "60x20: runs"
assert_grep '^     blue  .*✓ Succeeded   1-1 auto  .*100%$' \
    small.screen "60x20: the deployment's row fits"
assert_grep '^ k keys  i invoke  l logs' small.screen "60x20: the keys"
assert_grep '^ Secondary key   ••••' small-keys.screen "60x20: the keys view"
# The logs at 60x20: lines longer than a row wrap, and the view still
# opens on the last line, as End comes back to it after Home.
steps '
	/k8s-dev<Enter>e
	<Down>l
	:save-display small-logs.screen
	<Home>
	:save-display small-logs-top.screen
	<End>
	:save-display small-logs-end.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_status 0 "60x20 logs: runs"
"$AKSWIZ" deployment get-logs ep-key blue $SB_ARGS >small-logs.txt 2>&1
last=$(tail -n 1 small-logs.txt)
for f in small-logs small-logs-end; do
	if [ -n "$last" ] && grep -qxF " $last" "$f.screen"; then
		ok "60x20: $f shows the log's last line ($last)"
	else
		not_ok "60x20: $f shows the log's last line ($last)"
		sed 's/^/#   /' "$f.screen"
	fi
done
assert_grep '^ Azure ML Inferencing HTTP server' small-logs-top.screen \
    "60x20: Home shows the first"
steps '
	/k8s-dev<Enter>e
	:save-display zh.screen
	<Down>
	:save-display zh-blue.screen
'
LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
assert_status 0 "zh_CN: runs"
assert_grep 'blue .*100%$' zh.screen "zh_CN: the deployment's row"
assert_grep 'cpu 500m, memory 1Gi$' zh-blue.screen "zh_CN: its detail"

# A legacy AKS compute takes no endpoints: said, with m; --readonly
# shows the keys but sends nothing to a scoring URI.
steps '
	/inf-created<Enter>e
	:save-state legacy.state
'
run_akswiz browse $SB_ARGS
assert_grep '^status: inf-created is a legacy AKS compute: online endpoints run on Kubernetes computes only; m migrates it' \
    legacy.state "a legacy compute: no endpoints, m said"
before=$(wc -l < "$work/journal.log")
steps '
	/k8s-dev<Enter>e
	i
	:save-state ro.state
	:save-display ro.screen
'
run_akswiz --readonly browse $SB_ARGS
assert_grep '^mode: list$' ro.state "--readonly: i does not open"
assert_no_grep ' i invoke' ro.screen "--readonly: not offered"
journal_since "$before" > ro.log
assert_no_grep '"method":"POST"' ro.log "--readonly: nothing posted"

# A deployment being created: the list is read again by itself while it
# is, and no more once it succeeded (its operation polled, here by the
# test once the screen has read the list twice).
k8s_arm PUT "$EP/ep-key/deployments/red?$EP_V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":1},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$K8S_WSP/models/m/versions/2\",\"scaleSettings\":{\"scaleType\":\"Default\"}}}"
cp "$work/k8s.headers" "$work/red.headers"
# (the list, not red's GET: the sandbox counts that as a poll)
k8s_arm GET "$EP/ep-key/deployments?$EP_V"
sed 's/{"id":/\n&/g' "$work/k8s.body" | grep '"name":"red"' >"$work/red.json"
assert_grep '"provisioningState":"Creating"' "$work/red.json" "red is being created"
before=$(wc -l < "$work/journal.log")
red_lists() {
	journal_since "$before" |
	    grep -c '"path":"[^"]*/onlineEndpoints/ep-key/deployments","query"'
}
(
	i=0
	while [ "$(red_lists)" -lt 2 ] && [ $i -lt 400 ]; do
		i=$((i + 1))
		sleep 0.02
	done
	cp "$work/red.headers" "$work/k8s.headers"
	k8s_wait
) &
poller=$!
steps '
	/k8s-dev<Enter>e
	:save-state done.state
'
run_akswiz browse $SB_ARGS
wait $poller
assert_status 0 "the list stops refreshing once nothing changes"
assert_grep '^row: ep-key/red Succeeded 1$' done.state "red created, shown"
assert_grep '^auto-refresh: off$' done.state "no more refreshing"
tap_done
