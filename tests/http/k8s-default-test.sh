#!/bin/sh
# Kubernetes is the default: `plan new create` without --compute-type
# makes a plan of today's path, and the sandbox, like Azure today, refuses
# to create a new compute of type AKS unless started with
# --allow-legacy-create (or its world says so); the refusal comes with a
# hint naming --compute-type Kubernetes.
. "$top_srcdir/tests/http/lib.sh"

# A plan of today's path by default.
sb_start --polls 2
plan_new "$T/k.json" create --name ml-def --cluster-purpose DevTest \
    --vm-size Standard_D2_v2 --agent-count 1
like "$T/k.json" '"computeType": "Kubernetes"' \
    "plan new create without --compute-type: Kubernetes"
plan_new "$T/a.json" create --compute-type AKS --name ml-old \
    --cluster-purpose DevTest --vm-size Standard_D3_v2 --agent-count 1
like "$T/a.json" '"computeType": "AKS"' "--compute-type AKS: the legacy type"

# The sandbox refuses new AKS computes by default ...
az apply "$T/a.json"
[ "$rc" -ne 0 ]
ok $? "apply of a legacy create fails"
cat "$T/out" "$T/err" >"$T/both"
like "$T/both" 'no longer supported' "with the service's refusal"
like "$T/both" '--compute-type Kubernetes' \
    "and a hint naming --compute-type Kubernetes"
is "$(requests PUT '[^"]*/computes/ml-old')" 1 "the compute's PUT reached it"
grep -E '"method":"PUT","path":"[^"]*/computes/ml-old"' "$T/journal.log" \
    >"$T/line"
like "$T/line" '"status":400' "and was refused with 400"
# ... and the default plan goes through.
az apply "$T/k.json"
is "$rc" 0 "apply of the default plan succeeds"
like "$T/out" '^create of ml-def succeeded\.$' "and says so"
is "$(requests PUT '[^"]*/managedClusters/ml-def')" 1 "a managed cluster"

# --allow-legacy-create accepts them again.
sb_start --polls 2 --allow-legacy-create
az apply "$T/a.json"
is "$rc" 0 "--allow-legacy-create: the legacy create succeeds"
like "$T/out" '^create of ml-old succeeded\.$' "and says so"

# So does the world setting refuseAksCreate false.
sed 's/"refuseAksCreate": true/"refuseAksCreate": false/' \
    "$top_srcdir/data/sandbox-world.json" >"$T/world.json"
like "$T/world.json" '"refuseAksCreate": false' "a world that accepts them"
sb_start --polls 2 --world "$T/world.json"
az apply "$T/a.json"
is "$rc" 0 "refuseAksCreate false: the legacy create succeeds"
echo "1..$n"
[ "$failed" -eq 0 ]
