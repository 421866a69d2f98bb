#!/bin/sh
# akswiz-sandbox --state: changes are saved as they happen and at exit
# (SIGTERM), and a restart carries on from them, operations included;
# without --state every start is fresh.
. "$top_srcdir/tests/sandbox/lib.sh"
V=api-version=2024-04-01
S="$T/state.json"
AKS="/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"

sandbox_start --allow-legacy-create --state "$S"
test -s "$S"; tap $? "the state file is written at start"
is "$(stat -c %a "$S")" 600 "mode 0600: it holds the world's client secrets"
arm PUT "$WSP/computes/inf-keep?$V" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2"}}}'
is "$STATUS" 201 "create"
op=$(hdr Azure-AsyncOperation)
grep -q '"inf-keep"' "$S"; tap $? "saved on change, before exit"
arm GET "$op"; arm GET "$op"
is "$(j .status)" Succeeded "create done"
arm PUT "$WSP/computes/inf-half?$V" "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\",\"resourceId\":\"$AKS/aks-prod\"}}"
half=$(hdr Azure-AsyncOperation)
half="/${half#*://*/}"	# a restart listens on another port
arm GET "$half"
is "$(j .status)" InProgress "an attach left half-way"
sandbox_stop
is "$SB_STATUS" 0 "SIGTERM: clean exit"
"$JGET" -l .computes <"$S" >/dev/null; tap $? "the state file is JSON"
if ls "$T"/state.json.tmp.* >/dev/null 2>&1; then tap 1 "no temporary file left"; else tap 0 "no temporary file left"; fi

# What a sandbox killed (kill -9) between writing and renaming leaves: the
# next start removes it (it holds the world's secrets), but not the file of
# a writer that still runs.
sh -c 'exit 0' & dead=$!
wait $dead
echo '{"aad":"secret"}' >"$T/state.json.tmp.$dead"
echo '{"aad":"secret"}' >"$T/ready.json.tmp.$dead"
sleep 600 & alive=$!
echo '{}' >"$T/state.json.tmp.$alive"
sandbox_start --allow-legacy-create --state "$S"
test ! -e "$T/state.json.tmp.$dead"; tap $? "a dead writer's state.json.tmp.PID is removed at start"
test ! -e "$T/ready.json.tmp.$dead"; tap $? "  and its ready.json.tmp.PID"
test -e "$T/state.json.tmp.$alive"; tap $? "  a live writer's is kept"
kill $alive; wait $alive 2>/dev/null; rm -f "$T/state.json.tmp.$alive"
arm GET "$WSP/computes/inf-keep?$V"
is "$STATUS/$(j .properties.provisioningState)" 200/Succeeded "the compute survives a restart"
arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/locations/eastus/usages?api-version=2024-07-01"
is "$(j .value[0].currentValue)" 68 "so does the quota it used"
arm GET "$half"
is "$STATUS/$(j .status)" 200/Succeeded "the half-way operation carries on and ends"
arm GET "$WSP/computes/inf-half?$V"
is "$(j .properties.provisioningState)" Succeeded "the attach is done"
sandbox_stop

sandbox_start --allow-legacy-create
arm GET "$WSP/computes/inf-keep?$V"
is "$STATUS" 404 "without --state a start is fresh"
done_testing
