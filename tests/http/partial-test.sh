#!/bin/sh
# An attach with an internal load balancer and a custom certificate is two
# steps, the attach and an update.  The update carries the certificate,
# key and CNAME the plan names (the service does not echo them on GET and
# refuses an update without them); when a later step fails all the same,
# the plan is "partly applied": apply says which step failed and exits 6,
# the journal keeps the state, and applying the same plan again sends only
# the failed step.
. "$top_srcdir/tests/http/lib.sh"
command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }

openssl req -x509 -newkey rsa:2048 -nodes -days 60 -subj /CN=www.contoso.com \
    -addext subjectAltName=DNS:www.contoso.com -keyout "$T/key.pem" \
    -out "$T/cert.pem" >/dev/null 2>&1
ok $? "a test certificate was made"
keyline=$(sed -n 5p "$T/key.pem")
AKS="/subscriptions/SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"

# steps FILE: the entry's stepResults on one line.
steps() {
	tr -d ' \n' <"$1" | sed -n 's/.*"stepResults":\(\[[^]]*\]\).*/\1/p'
}

# attach_plan FILE NAME [CLUSTER]: an attach with an internal balancer
# and TLS, of aks-prod by default.
attach_plan() {
	plan_new "$1" attach --compute-type AKS --name "$2" \
	    --compute-resource-id "$(echo "$AKS" | sed "s/SUB/$SB_SUB/")/${3:-aks-prod}" \
	    --load-balancer-type InternalLoadBalancer \
	    --load-balancer-subnet aks-subnet --ssl-cert-file "$T/cert.pem" \
	    --ssl-key-file "$T/key.pem" --ssl-cname www.contoso.com
}

# 1. Nothing goes wrong: both steps succeed, the update has the TLS.
sb_start --polls 2
attach_plan "$T/a.json" ml-ilb-tls
az apply "$T/a.json"
is "$rc" 0 "attach with an internal balancer and a certificate succeeds"
like "$T/out" 'attach of ml-ilb-tls succeeded' "and says so"
is "$(requests PUT '.*/computes/ml-ilb-tls')" 2 "two PUTs: attach, update"
grep '"method":"PUT"' "$T/journal.log" | sed -n 2p >"$T/update.line"
like "$T/update.line" '"loadBalancerType":"InternalLoadBalancer"' \
    "the update sets the internal load balancer"
like "$T/update.line" '"sslConfiguration":\{"cert":"<redacted>","cname":"www.contoso.com","key":"<redacted>","status":"Enabled"\}' \
    "and carries the certificate, key and CNAME"
like "$T/update.line" '"status":200' "which the service accepts"
az show ml-ilb-tls -o json
like "$T/out" '"loadBalancerType": "InternalLoadBalancer"' \
    "the compute ends with the internal load balancer"
j=$(ls "$T/state/akswiz/operations/"*ml-ilb-tls*.json)
like "$j" '"result": "Succeeded"' "the journal says Succeeded"
is "$(steps "$j")" '["Succeeded","Succeeded"]' "step by step"
if grep -F -q "$keyline" "$j" "$T/out" "$T/err"; then ok 1 "no key in the journal"
else ok 0 "no key in the journal"; fi
sb_stop

# 2. The update fails: partly applied, said so, and finished by applying
# the same plan again, which sends only the update.
F='fail:InternalServerError+1#1:The load balancer could not be updated.'
sb_start --polls 2 --faults "op:ml-part=$F;op:ml-json=$F"
attach_plan "$T/p.json" ml-part
az apply "$T/p.json"
is "$rc" 6 "a failed second step exits 6 (partly applied)"
like "$T/err" 'attach of ml-part is partly applied' "apply says it is partly applied"
like "$T/err" 'update \(step 2 of 2\) failed' "names the failed step"
like "$T/err" 'The load balancer could not be updated' "quotes the service"
like "$T/err" 'apply the same plan again: only the update is sent again' \
    "and says how to finish"
unlike "$T/out" 'succeeded' "nothing claims success"
j=$(ls "$T/state/akswiz/operations/"*ml-part*.json)
like "$j" '"open": false' "the journal entry is closed"
like "$j" '"result": "PartlyApplied"' "as PartlyApplied"
like "$j" '"step": 2,' "at step 2"
like "$j" '"stepName": "update"' "the update"
is "$(steps "$j")" '["Succeeded","Failed"]' "step by step"
az apply "$T/p.json"
is "$rc" 0 "applying the same plan again finishes it"
is "$(requests PUT '.*/computes/ml-part')" 3 \
    "with one more PUT: the update, not the attach"
like "$j" '"result": "Succeeded"' "the same journal entry now says Succeeded"
is "$(steps "$j")" '["Succeeded","Succeeded"]' "step by step"
az show ml-part -o json
like "$T/out" '"loadBalancerType": "InternalLoadBalancer"' \
    "the compute has the internal load balancer"
az apply "$T/p.json"
is "$rc" 3 "a third apply is refused by preflight: the work is done"
is "$(requests PUT '.*/computes/ml-part')" 3 "and sends nothing"

attach_plan "$T/j.json" ml-json aks-preview
az apply "$T/j.json" -o json
is "$rc" 6 "-o json: exit 6 too"
like "$T/out" '"result": "partial"' "result partial"
like "$T/out" '"failedStep": 2, "steps": 2' "with the failed step"
sb_stop

done_testing
