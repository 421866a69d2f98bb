#!/bin/sh
# `akswiz clusters` says where each attached cluster is attached: in this
# workspace or in another one of the subscription (the facts of a cluster
# keep the workspace they found it attached in, end to end).
. "$top_srcdir/tests/http/lib.sh"
sb_start

az clusters --compute-type AKS -o json
ok $rc "clusters -o json exits 0"
tr -d '\n ' <"$T/out" >"$T/flat"
grep -q '"name":"aks-cn",[^{]*"attachedAs":"ml-workspace-cn/inf-cn","attachable":false' "$T/flat"
ok $? "a cluster attached in another workspace: that workspace and compute"
grep -q '"name":"aks-attached",[^{]*"attachedAs":"ml-workspace/inf-attached","attachable":false' "$T/flat"
ok $? "a cluster attached in this workspace: this workspace and compute"
grep -q '"name":"aks-prod",[^{]*"attachedAs":null,"attachable":true' "$T/flat"
ok $? "a free cluster: attached nowhere"

az clusters --compute-type AKS -o tsv
ok $rc "clusters -o tsv exits 0"
like "$T/out" "$(printf '^aks-cn\t1\\.28\\.9\t3\t12\tno\taks-cn is already attached to workspace ml-workspace-cn as "inf-cn"')" \
    "the verdict names the other workspace and the compute"
like "$T/out" "$(printf '^aks-attached\t.*\tno\taks-attached is already attached to workspace ml-workspace as "inf-attached"')" \
    "and this workspace for one attached here"

done_testing
