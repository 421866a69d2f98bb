#!/bin/sh
# akswiz-sandbox --faults through the real server: each kind of fault as
# a client sees it on the wire, deterministic for a seed, and recorded in
# the journal.
. "$top_srcdir/tests/sandbox/lib.sh"
V=api-version=2024-04-01
SUBS="/subscriptions?api-version=2022-12-01"

sandbox_start --allow-legacy-create --journal "$T/journal" --faults \
    'seed=7;GET:*/subscriptions=429#1:retry-after=3;GET:*/subscriptions=503#1;GET:*/resourcegroups=reset-before#1;GET:*/locations=truncate#1;GET:*/providers/Microsoft.Compute/skus=latency:50ms#1;op:fz-*=fail:QuotaExceeded:Quota exceeded for family standardDv2'
arm GET "$SUBS"
is "$STATUS/$(hdr Retry-After)" 429/3 "429 with Retry-After"
like "$(j .error.code)" "?*" "429 has an ARM error body"
arm GET "$SUBS"
is "$STATUS" 503 "then 503"
arm GET "$SUBS"
is "$STATUS" 200 "then served (#1 each)"

rg="$EP/subscriptions/$SUB/resourcegroups?api-version=2021-04-01"
$CURL -o "$T/body" "$rg"; rc=$?
is "$rc" 52 "reset-before: connection closed, nothing answered (curl 52)"
arm GET "$rg"
is "$STATUS" 200 "the next one is served"

loc="$EP/subscriptions/$SUB/locations?api-version=2022-12-01"
$CURL -H "Authorization: Bearer $TOK" -o "$T/body" "$loc"; rc=$?
is "$rc" 18 "truncate: a partial body (curl 18)"
arm GET "$loc"
is "$STATUS/$(j -l .value)" 200/3 "the next one is whole"

arm GET "/subscriptions/$SUB/providers/Microsoft.Compute/skus?api-version=2021-07-01"
is "$STATUS" 200 "latency: still answered"

# An operation made to fail: accepted, then Failed with the given error.
arm PUT "$WSP/computes/fz-one?$V" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2"}}}'
is "$STATUS" 201 "the PUT of a doomed compute is accepted"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"; arm GET "$op"
is "$(j .status)/$(j .error.code)" Failed/QuotaExceeded "its operation fails with the given code"
is "$(j .error.message)" "Quota exceeded for family standardDv2" "and message"
arm GET "$WSP/computes/fz-one?$V"
is "$(j .properties.provisioningErrors[0].error.code)" QuotaExceeded "the compute shows it"

# The journal records every request, faults included.
n=$(grep -c '"path":"/subscriptions"' "$T/journal")
is "$n" 3 "the journal has the three subscription calls"
grep -q '"status":429' "$T/journal"; tap $? "with the 429"
sandbox_stop

# reset-after: the request is served (the compute exists) but unanswered.
sandbox_start --allow-legacy-create --faults 'PUT:*/computes/*=reset-after#1'
$CURL -o "$T/body" -X PUT -H "Authorization: Bearer $TOK" \
    -H 'Content-Type: application/json' \
    --data-binary '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2"}}}' \
    "$EP$WSP/computes/ra-one?$V"; rc=$?
is "$rc" 52 "reset-after: no answer"
arm GET "$WSP/computes/ra-one?$V"
is "$STATUS/$(j .properties.provisioningState)" 200/Creating "yet the compute was created: look before retrying"
sandbox_stop

# Bad specs are refused at start.
"$SB" --world "$WORLD" --state-dir "$T/st" --no-tls --faults 'GET:*=teapot' \
    >"$T/out" 2>"$T/err"; rc=$?
is "$rc" 1 "a malformed fault spec is refused"
like "$(cat "$T/err")" "*teapot*" "naming the bad item"
done_testing
