#!/bin/sh
# --readonly protects Azure: apply and detach say at once that it forbids
# them (exit 3) and send nothing; reading commands still work, and the
# listKeys-style reads stay allowed.
. "$top_srcdir/tests/http/lib.sh"

sb_start --allow-legacy-create --polls 1
plan_new "$T/c.json" create --compute-type AKS --name ml-ro --vm-size Standard_D3_v2 --agent-count 3

: >"$T/journal.log"
az --readonly apply "$T/c.json"
is "$rc" 3 "apply --readonly: exit 3"
like "$T/err" 'apply would change Azure, which --readonly forbids' \
    "apply --readonly: says --readonly forbids it"
is "$(wc -l <"$T/journal.log" | tr -d ' ')" 0 "apply --readonly: nothing was sent at all"

az apply "$T/c.json" --readonly -o json
is "$rc" 3 "--readonly after the command, -o json: exit 3"
like "$T/out" '^\{"result": "refused", "readonly": true, "verdicts": \[\]\}$' \
    "-o json: the outcome object of a refusal"

az --readonly detach inf-attached --yes
is "$rc" 3 "detach --readonly: exit 3"
like "$T/err" 'detach would change Azure, which --readonly forbids' \
    "detach --readonly: says so"
is "$(requests DELETE '.*')" 0 "detach --readonly: no DELETE"

az --readonly list
is "$rc" 0 "list --readonly works"
like "$T/out" 'inf-attached' "and lists"
az --readonly show inf-attached
is "$rc" 0 "show --readonly works"
az --readonly clusters
is "$rc" 0 "clusters --readonly works"
is "$(requests 'PUT|PATCH|DELETE' '.*')" 0 "no writing request in all of it"

# Without --readonly, the same commands do change Azure.
az apply "$T/c.json"
is "$rc" 0 "apply without --readonly creates"
is "$(requests PUT '.*/computes/ml-ro')" 1 "with one PUT"

done_testing
