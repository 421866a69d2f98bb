#!/bin/sh
# akswiz online-endpoint get-credentials, regenerate-keys and invoke
# against the sandbox (deploy.md 1c): keys and tokens masked unless
# --show-secrets, never in the --debug log; a key regenerated through its
# operation; a scoring call with the key or the token read from the
# service, sent as a header, its reply, status and latency shown.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
sb_start --polls 1
ep_world
E=$EP V=$EP_V
k8s_arm POST "$E/ep-key/listKeys?$V"
is "$K8S_STATUS" 200 "setup: the endpoint's keys"
k1=$(sed -n 's/.*"primaryKey" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
k2=$(sed -n 's/.*"secondaryKey" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
rm -f "$T/k8s.body"
has() { grep -F -q -e "$2" "$1"; echo $?; }

# get-credentials
az --debug="$T/debug.log" online-endpoint get-credentials --name ep-key
ok $rc "get-credentials exits 0"
like "$T/out" '^Auth mode +Key$' "the auth mode"
like "$T/out" '^Primary key +\*{8}$' "the primary key masked"
like "$T/out" '^Secondary key +\*{8}$' "the secondary key masked"
like "$T/err" 'masked; --show-secrets shows them' "and how to see them"
is "$(has "$T/out" "$k1")" 1 "the key nowhere in the output"
az --debug="$T/debug.log" online-endpoint get-credentials --name ep-key --show-secrets
like "$T/out" "^Primary key +$k1\$" "--show-secrets: the primary key"
like "$T/out" "^Secondary key +$k2\$" "--show-secrets: the secondary key"
az online-endpoint get-credentials --name ep-key --show-secrets -o json
is "$(cat "$T/out")" "{\"authMode\": \"Key\", \"primaryKey\": \"$k1\", \"secondaryKey\": \"$k2\"}" "-o json: the keys"
az online-endpoint get-credentials -n ep-key -o json
is "$(cat "$T/out")" '{"authMode": "Key", "primaryKey": "********", "secondaryKey": "********"}' "-o json: masked"
az --debug="$T/debug.log" online-endpoint get-credentials --name ep-tok --show-secrets -o json
ok $rc "get-credentials of a token endpoint"
like "$T/out" '^\{"authMode": "AMLToken", "accessToken": "[^"*]{10,}", "tokenType": "Bearer", "expiryTimeUtc": [0-9]+, "refreshAfterTimeUtc": [0-9]+}$' "-o json: the token, its expiry and refresh time"
tok=$(sed -n 's/.*"accessToken": "\([^"]*\)".*/\1/p' "$T/out")
az online-endpoint get-credentials --name ep-tok
like "$T/out" '^Access token +\*{8}$' "the token masked"
like "$T/out" '^Expires +20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]{8}Z$' "its expiry, in UTC"
like "$T/out" '^Refresh after +20[0-9][0-9]-' "its refresh time"
is "$(has "$T/out" "$tok")" 1 "the token nowhere in the output"
az online-endpoint get-credentials --name nosuch
is "$rc" 1 "an endpoint that does not exist: exit 1"

# regenerate-keys
az --readonly online-endpoint regenerate-keys --name ep-key --key-type secondary
is "$rc" 3 "--readonly: refused"
is "$(requests POST '.*/regenerateKeys')" 0 "nothing sent"
az online-endpoint regenerate-keys --name ep-key --key-type tertiary
is "$rc" 2 "an unknown key type: usage"
az online-endpoint regenerate-keys --name ep-key
is "$rc" 2 "no key type: usage"
az --debug="$T/debug.log" online-endpoint regenerate-keys --name ep-key --key-type secondary
ok $rc "regenerate-keys exits 0"
like "$T/out" 'regenerated the secondary key of online endpoint ep-key' "says so"
is "$(requests POST '.*/onlineEndpoints/ep-key/regenerateKeys')" 1 "one POST of regenerateKeys"
like "$T/journal.log" '"method":"GET","path":"[^"]*/mfeOperationResults/' "its Location polled"
k8s_arm POST "$E/ep-key/listKeys?$V"
k2new=$(sed -n 's/.*"secondaryKey" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
k1new=$(sed -n 's/.*"primaryKey" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
rm -f "$T/k8s.body"
ok "$([ "$k2new" != "$k2" ] && [ -n "$k2new" ]; echo $?)" "the secondary key changed"
is "$k1new" "$k1" "the primary key kept"

# invoke
printf '{"data": [[1, 2, 3]]}' >"$T/req.json"
az --debug="$T/debug.log" online-endpoint invoke --name ep-key --request-file "$T/req.json"
ok $rc "invoke exits 0"
like "$T/err" '^akswiz: ep-key: HTTP 200 in [0-9]+ ms$' "the status and the latency"
like "$T/out" '"deployment": *"blue"' "the reply: served by blue"
like "$T/out" '"input": *\{ *"data": *\[ *\[ *1, *2, *3 *\] *\] *\}' "the reply: the request went as the body"
like "$T/journal.log" '"method":"POST","path":"/api/v1/endpoint/ep-key/score"' "a POST to the scoring URI"
az online-endpoint invoke --name ep-key --request-file "$T/req.json" -o json
like "$T/out" '^\{"status": 200, "latencyMs": [0-9]+, "body": "\{.*blue' "-o json: status, latency, body"
az online-endpoint invoke --name ep-key --request-file "$T/req.json" --deployment-name green
is "$rc" 5 "a deployment the endpoint does not have: the service's answer, exit 5"
like "$T/err" 'HTTP 404' "its status"
az --debug="$T/debug.log" online-endpoint invoke --name ep-tok --request-file - <"$T/req.json"
is "$rc" 5 "a token endpoint without deployments: exit 5"
like "$T/out" 'No valid deployments to route to' "the router's message"
unlike "$T/out" 'Unauthorized' "the token was accepted"
az online-endpoint invoke --name ep-key
is "$rc" 2 "invoke without --request-file: usage"
n0=$(requests POST '.*/score')
az --readonly online-endpoint invoke --name ep-key --request-file "$T/req.json"
is "$rc/$(requests POST '.*/score')" "3/$n0" "--readonly: invoke refused, nothing sent"
az online-endpoint invoke --name ep-key --request-file "$T/none.json"
is "$rc" 2 "a request file that cannot be read: usage"

# get-logs (online-deployment)
az online-deployment get-logs --name blue --endpoint-name ep-key --lines 2
ok $rc "get-logs exits 0"
is "$(wc -l <"$T/out" | tr -d ' ')" 2 "--lines 2: two lines"
like "$T/journal.log" '"method":"POST","path":"[^"]*/onlineEndpoints/ep-key/deployments/blue/getLogs"' "a POST of getLogs"
az online-deployment get-logs --name blue --endpoint-name ep-key
ok $rc "get-logs without --lines"
like "$T/out" 'Entry Script Name: .*score.py' "the inference server's log"
az online-deployment get-logs --name blue -e ep-key --container storage-initializer -o json
ok $rc "the storage initializer's log"
like "$T/out" '^\{"content": "Downloading model to .*"\}$' "-o json: the storage initializer's content"
n0=$(requests POST '.*/getLogs')
az --readonly online-deployment get-logs --name blue -e ep-key
is "$rc/$(requests POST '.*/getLogs')" "0/$((n0 + 1))" "--readonly: getLogs reads, and is sent"
az online-deployment get-logs --name blue -e ep-key --container sidecar
is "$rc" 2 "an unknown container: usage"
az online-deployment get-logs --name blue -e ep-key --lines 0
is "$rc" 2 "--lines 0: usage"
az online-deployment get-logs --name green -e ep-key
is "$rc" 5 "a deployment that does not exist: the service's error"
like "$T/err" 'green' "named"

# Secrets never in the --debug log.
is "$(has "$T/debug.log" "$k1")" 1 "the primary key not in the --debug log"
is "$(has "$T/debug.log" "$k2")" 1 "the old secondary key not in the --debug log"
is "$(has "$T/debug.log" "$tok")" 1 "the token not in the --debug log"
like "$T/debug.log" 'listKeys' "(the log has the calls)"
# A regeneration that takes several polls: each 202 names its operation
# again with the api-version, and the key is regenerated to the end.
sb_start --polls 3
ep_world
: >"$T/journal.log"
az online-endpoint regenerate-keys --name ep-key --key-type primary
ok $rc "regenerate-keys through three polls exits 0"
polls=$(grep -c '"method":"GET","path":"[^"]*/mfeOperationResults/' "$T/journal.log")
ok "$([ "$polls" -ge 2 ]; echo $?)" "its operation polled more than once ($polls)"
is "$(grep '"method":"GET","path":"[^"]*/mfeOperationResults/' "$T/journal.log" | grep -c -v '"query":{"api-version"')" 0 "each poll with its api-version"
done_testing
