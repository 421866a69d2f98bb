#!/bin/sh
# Two `akswiz apply` of the same plan at once: one takes the compute's
# lock and does the work; the other sends nothing, says who holds the
# lock (process, journal entry) and exits 8 — no false failure, no second
# PUT, no Failed entry.  `watch` of that compute meanwhile does the same;
# once the first ends, the lock is gone.
. "$top_srcdir/tests/http/lib.sh"
sb_start --allow-legacy-create --polls 40
J="$T/state/akswiz/operations"

plan_new "$T/c.json" create --compute-type AKS --name ml-twice --vm-size Standard_D3_v2 --agent-count 3

# run_apply N: apply in the background, output in $T/N.out, $T/N.err.
run_apply() {
	AKSWIZ_POLL_MIN_MS=300 "$AKSWIZ" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" apply "$T/c.json" \
	    >"$T/$1.out" 2>"$T/$1.err" </dev/null &
}

run_apply a
pa=$!
run_apply b
pb=$!
wait $pa
ra=$?
wait $pb
rb=$?
echo "# statuses: a=$ra b=$rb"
if [ $ra -eq 0 ] && [ $rb -eq 8 ]; then
	won=a loser=b lpid=$pb wpid=$pa
elif [ $ra -eq 8 ] && [ $rb -eq 0 ]; then
	won=b loser=a lpid=$pa wpid=$pb
else
	won= loser=a wpid=
fi
[ -n "$won" ]
ok $? "one apply succeeds (0), the other finds the lock held (8)"
like "$T/$won.out" 'create of ml-twice succeeded' "the winner follows it to the end"
like "$T/$loser.err" "another akswiz is changing ml-twice: create by process $wpid on " \
    "the other says who holds the lock"
like "$T/$loser.err" 'Wait for it to end|Its journal entry is' \
    "and what to do"
unlike "$T/$loser.err" 'failed|Conflict|already' "no false failure"
is "$(requests PUT '.*/computes/ml-twice')" 1 "exactly one PUT reached the service"
is "$(ls "$J"/*ml-twice*.json | wc -l | tr -d ' ')" 1 "one journal entry"
like "$J"/*ml-twice*.json '"result": "Succeeded"' "and it says Succeeded"
unlike "$J"/*ml-twice*.json '"result": "Failed"' "nothing journaled Failed"

# While one runs, a second apply and a watch of the compute wait their turn.
plan_new "$T/c.json" create --compute-type AKS --name ml-third --vm-size Standard_D3_v2 --agent-count 3
run_apply c
pc=$!
wait_request PUT '[^"]*/computes/ml-third"' $pc
az apply "$T/c.json"
is "$rc" 8 "apply while another runs: exit 8"
like "$T/err" "another akswiz is changing ml-third: create by process $pc on " \
    "naming the process"
like "$T/err" "Its journal entry is $J/[^ ]*ml-third[^ ]*\\.json" \
    "and its journal entry, once it has one"
az watch ml-third
is "$rc" 8 "watch while apply follows it: exit 8"
like "$T/err" "another akswiz is changing ml-third" "saying who does"
wait $pc
is "$?" 0 "the running apply ends well"
is "$(requests PUT '.*/computes/ml-third')" 1 "one PUT"
ls "$J"/*.lock >/dev/null 2>&1
is "$?" 2 "no lock file is left"

done_testing
