#!/bin/sh
# akswiz-sandbox --faults as curl(1) sees each kind: 429 with Retry-After,
# 500, 503, a reset before the answer (curl exit 52), a reset after it,
# a truncated body (curl exit 18), latency, an operation that ends Failed
# with the given error; a malformed spec refused naming the bad part; and
# the same seed giving the same answers on two runs.
. "$top_srcdir/tests/sandbox/lib.sh"
V=api-version=2024-04-01
SUBS="/subscriptions?api-version=2022-12-01"

# A malformed spec stops the sandbox before it listens.
"$SB" --world "$WORLD" --state-dir "$T/bad" --faults 'seed=1;GET:x=teapot' \
    >"$T/bad.out" 2>"$T/bad.err"
rc=$?
[ $rc != 0 ]
tap $? "a malformed --faults spec: exit status $rc"
like "$(cat "$T/bad.err")" "*GET:x=teapot*unknown fault kind*" \
    "the message names the bad rule"

sandbox_start --allow-legacy-create --faults "GET:subscriptions=429:retry-after=3#1;GET:subscriptions=500#1;GET:subscriptions=503:retry-after=2#1;GET:subscriptions=reset-before#1;GET:subscriptions=reset-after#1;GET:subscriptions=truncate#1;GET:resourcegroups=latency:100ms;op:failnew*=fail:QuotaExceeded:Quota exceeded for family standardDv2 in eastus."

# Each GET of /subscriptions meets the next rule, in order.
arm GET "$SUBS"
is "$STATUS/$(j .error.code)" 429/TooManyRequests "429 with an ARM error body"
is "$(hdr Retry-After)" 3 "  and Retry-After: 3"
arm GET "$SUBS"
is "$STATUS/$(j .error.code)" 500/InternalServerError "500"
arm GET "$SUBS"
is "$STATUS/$(j .error.code)/$(hdr Retry-After)" 503/ServiceUnavailable/2 \
    "503 with Retry-After: 2"
arm GET "$SUBS"
rc=$?
case $rc in 52|56) tap 0 "reset before the answer: curl exit $rc" ;;
*) tap 1 "reset before the answer: curl exit $rc" ;; esac
arm GET "$SUBS"
rc=$?
case $rc in 52|56|18) tap 0 "reset after the answer: curl exit $rc" ;;
*) tap 1 "reset after the answer: curl exit $rc" ;; esac
arm GET "$SUBS"
is "$?" 18 "truncated body: curl exit 18 (partial file)"
arm GET "$SUBS"
is "$STATUS/$(j -l .value)" 200/2 "then the faults are spent"
arm GET "/subscriptions/$SUB/resourcegroups?api-version=2021-04-01"
is "$STATUS" 200 "latency delays but answers"

# An operation that ends Failed with the given error.
arm PUT "$WSP/computes/failnew?$V" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2","clusterPurpose":"FastProd"}}}'
is "$STATUS" 201 "create accepted"
op=$(hdr Azure-AsyncOperation)
i=0
arm GET "$op"
while [ "$(j .status)" = InProgress ] && [ $i -lt 20 ]; do
	arm GET "$op"
	i=$((i + 1))
done
is "$(j .status)/$(j .error.code)" Failed/QuotaExceeded \
    "the operation fails with the code"
is "$(j .error.message)" \
    "Quota exceeded for family standardDv2 in eastus." "  and the message"
arm GET "$WSP/computes/failnew?$V"
is "$(j .properties.provisioningState)" Failed "the compute shows Failed"
sandbox_stop

# The same seed, the same answers; another seed, other answers.
run() {
	sandbox_start --allow-legacy-create --faults "seed=$1;GET:subscriptions=500@0.5"
	out=
	for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
		arm GET "$SUBS"
		out="$out$STATUS "
	done
	sandbox_stop
	echo "$out"
}
first=$(run 42)
second=$(run 42)
is "$second" "$first" "seed 42 twice: the same statuses"
like "$first" "*500*200*" "  some fail and some pass"
third=$(run 7)
[ "$third" != "$first" ]
tap $? "seed 7: other statuses"
done_testing
