#!/bin/sh
# Changing a running endpoint, the edges: killed (kill -9) while the
# scale's PATCH was followed, `akswiz watch` finishes it without sending
# it again; on a terminal a delete asks for the name (script(1) gives it
# one), and the endpoint's question says its deployments go with it; the
# short forms `akswiz endpoint VERB E` of online-endpoint's other verbs.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/endpoint-world.sh"
sb_start --polls 3
ep_world

# Killed while the PATCH's operation was followed (its next poll far
# away): the journal holds it; watch follows it to its end.
: >"$T/journal.log"
AKSWIZ_POLL_MIN_MS=600000 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
    --ca-file "$SB_CA" --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" \
    deployment scale ep-key blue --instance-count 3 >"$T/scale.out" 2>&1 </dev/null &
scale=$!
followed() {
	cat "$T/state/akswiz/operations/"*k8s-dev*.json 2>/dev/null |
	    tr -d ' \n' | grep -q '"operationUrl":"http'
}
wait_until $scale followed
kill -9 $scale 2>/dev/null
wait $scale 2>/dev/null
is "$?" 137 "deployment scale was killed while its PATCH was followed"
is "$(requests PATCH '[^"]*/deployments/blue')" 1 "the PATCH was sent"
az watch k8s-dev
ok $rc "watch finishes it"
like "$T/out" 'scale deployment of k8s-dev succeeded' "and says so"
is "$(requests PATCH '[^"]*/deployments/blue')" 1 "the PATCH was not sent again"
az online-deployment show --name blue --endpoint-name ep-key -o json
like "$T/out" '"instanceCount": 3' "blue has 3 instances"

# The short forms.
az endpoint list
ok $rc "endpoint list"
like "$T/out" '^ep-key ' "lists ep-key"
az endpoint show ep-key
like "$T/out" '^Auth mode +Key$' "endpoint show E"
az endpoint get-credentials ep-key
like "$T/out" '^Primary key +\*{8}$' "endpoint get-credentials E: masked"
az endpoint get-logs ep-key --deployment-name blue --lines 2
ok $rc "endpoint get-logs E --deployment-name D"
is "$(wc -l <"$T/out" | tr -d ' ')" 2 "two lines"
az deployment get-logs ep-key blue --lines 3
is "$(wc -l <"$T/out" | tr -d ' ')" 3 "deployment get-logs E D: three lines"
echo '{"data": [1]}' >"$T/req.json"
timeout 60 "$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" endpoint invoke ep-key \
    --request-file - <"$T/req.json" >"$T/out" 2>"$T/err"
ok $? "endpoint invoke E --request-file - reads the standard input"
like "$T/err" 'ep-key: HTTP 200' "and the call succeeds"

# On a terminal, a delete asks for the name.
if command -v script >/dev/null 2>&1; then
	A="$AKSWIZ --endpoint $SB_URL --authority $SB_AUTH --ca-file $SB_CA --subscription $SB_SUB -g $SB_RG -w $SB_WS"
	on_tty() {
		printf '%s\n' "$1" | timeout 60 script -qec "$A $2" /dev/null \
		    >"$T/tty" 2>&1
		rc=$?
	}
	az endpoint update ep-key --traffic "blue=0"
	: >"$T/journal.log"
	on_tty y "online-deployment delete --name blue --endpoint-name ep-key"
	is "$rc" 1 "y is not the deployment's name: nothing deleted (exit 1)"
	like "$T/tty" 'Delete deployment blue of online endpoint ep-key\?  Type the deployment.s name \(blue\) to confirm:' \
	    "the question asks for the deployment's name"
	on_tty y "endpoint delete ep-key"
	is "$rc" 1 "y is not the endpoint's name (exit 1)"
	like "$T/tty" 'Delete online endpoint ep-key of workspace ml-workspace and, with it, its 1 deployment \(the service deletes them together\)\?' \
	    "the question says its deployments go with it"
	is "$(requests DELETE '.*')" 0 "no DELETE was sent"
	on_tty blue "deployment delete ep-key blue"
	is "$rc" 0 "the name typed: deleted (exit 0)"
	is "$(requests DELETE '[^"]*/deployments/blue')" 1 "one DELETE of blue"
	on_tty ep-key "endpoint delete ep-key"
	is "$rc" 0 "the endpoint's name typed: deleted (exit 0)"
	is "$(requests DELETE '[^"]*/onlineEndpoints/ep-key')" 1 "one DELETE of ep-key"
else
	for i in 1 2 3 4 5 6 7 8 9 10; do
		n=$((n + 1)); echo "ok $n # SKIP no script(1)"
	done
fi
sb_stop
done_testing
