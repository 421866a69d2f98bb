#!/bin/sh
# Retries as Azure's SDKs do them: through 50% injected faults (429s,
# 503s, dropped connections) on every read, preflight and apply still
# succeed, with one effective create; a Retry-After longer than akswiz
# waits is named as the reason it gave up.
. "$top_srcdir/tests/http/lib.sh"

# 1. Half of all reads fail: 429 and 503 (Retry-After 0), and resets.
sb_start --allow-legacy-create --polls 2 --faults "seed=${RETRY_SEED:-4};GET:*=429@0.3:retry-after=0;GET:*=503@0.25:retry-after=0;GET:*=reset-before@0.05"
plan_new "$T/c.json" create --compute-type AKS --name ml-half --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 0 "apply through 50% faulty reads succeeds"
like "$T/out" 'create of ml-half succeeded' "and says so"
unlike "$T/err" 'gave up' "no request gave up"
is "$(grep -E '"method":"PUT","path":"[^"]*/computes/ml-half"' "$T/journal.log" | grep -c -E '"status":20[01]')" 1 \
    "exactly one effective create"
for cmd in "clusters" "list --all" "vm-sizes -l eastus" "versions -l eastus" \
    "show ml-half" "clusters --purpose DevTest"; do
	az $cmd
	is "$rc" 0 "$cmd through the same faults"
	unlike "$T/err" 'gave up' "$cmd: no request gave up"
done
n429=$(grep -c '"status":429' "$T/journal.log")
n503=$(grep -c '"status":503' "$T/journal.log")
nget=$(grep -c '"method":"GET"' "$T/journal.log")
[ "$n429" -gt 10 ] && [ "$n503" -gt 10 ]
ok $? "the sandbox did fail reads ($n429 x 429, $n503 x 503 of $nget)"
sb_stop

# 2. A Retry-After longer than akswiz waits: give up at once, saying so.
sb_start --allow-legacy-create --faults 'GET:*/workspaces/*=429:retry-after=3600'
az list
is "$rc" 5 "a throttle of an hour: exit 5"
like "$T/err" 'Retry-After asked for 3600 s' "the message names the Retry-After"
is "$(requests GET '.*/computes')" 1 "and it did not try again"
sb_stop

done_testing
