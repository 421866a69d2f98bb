#!/bin/sh
# Each preflight verdict that needs the live world: a refused plan exits 3,
# sends no PUT, and -o json names the verdict's id; warnings do not stop
# an apply.
. "$top_srcdir/tests/http/lib.sh"
sb_start --allow-legacy-create --polls 1
CLUSTER=/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters

# refused ID PLAN-NEW-ARGS...: apply is refused with verdict ID.
refused() {
	id=$1
	shift
	plan_new "$T/p.json" "$@"
	az apply "$T/p.json" -o json
	tr -d '\n ' <"$T/out" >"$T/flat"
	if [ "$rc" -eq 3 ] && grep -q '"result":"refused"' "$T/flat" &&
	    grep -q "\"severity\":\"error\",[^}]*\"id\":\"$id\"" "$T/flat"; then
		ok 0 "refused with $id"
	else
		ok 1 "refused with $id (exit $rc)"
	fi
}

refused NAME_TAKEN create --name inf-created --vm-size Standard_D3_v2 \
    --agent-count 3
refused SIZE_NOT_OFFERED create --name ml-x --vm-size Standard_M128s \
    --agent-count 3 --location eastus
refused QUOTA_FAMILY create --name ml-x --vm-size Standard_DS3_v2 \
    --agent-count 3
refused QUOTA_REGIONAL create --name ml-x --vm-size Standard_D8s_v5 \
    --agent-count 6
refused CLUSTER_TOO_SMALL attach --compute-type AKS --name ml-x \
    --compute-resource-id "$CLUSTER/aks-small"
refused K8S_UNSUPPORTED attach --compute-type AKS --name ml-x \
    --compute-resource-id "$CLUSTER/aks-old"
refused CLUSTER_NOT_READY attach --compute-type AKS --name ml-x \
    --compute-resource-id "$CLUSTER/aks-stopped"
refused CLUSTER_ATTACHED attach --compute-type AKS --name ml-x \
    --compute-resource-id "$CLUSTER/aks-attached"
refused ATTACH_OTHER_SUBSCRIPTION attach --compute-type AKS --name ml-x \
    --compute-resource-id "/subscriptions/6e4a2d1c-3b5f-4a7e-8c9d-0f1e2d3c4b5a/resourceGroups/platform-rg/providers/Microsoft.ContainerService/managedClusters/aks-other-sub"
# Attached in another workspace of the subscription.
refused CLUSTER_ATTACHED attach --compute-type AKS --name ml-x \
    --compute-resource-id "/subscriptions/$SB_SUB/resourceGroups/ml-cn-rg/providers/Microsoft.ContainerService/managedClusters/aks-cn"
# A cluster that does not exist.
plan_new "$T/p.json" attach --compute-type AKS --name ml-x --compute-resource-id "$CLUSTER/aks-nowhere"
az apply "$T/p.json"
is "$rc" 3 "attaching a cluster that does not exist is refused"
like "$T/err" 'aks-nowhere|ResourceNotFound|not found' "naming it"
is "$(requests PUT '.*')" 0 "no refused plan sent a PUT"

# The table form explains itself on stderr.
plan_new "$T/p.json" create --compute-type AKS --name ml-x --vm-size Standard_DS3_v2 --agent-count 3
az apply "$T/p.json"
is "$rc" 3 "table form: exit 3"
like "$T/err" 'Not enough .* quota in eastus: limit 20, in use 16, this needs 12 more; 4 are free' \
    "the quota verdict says how much is missing"

# Warnings do not stop an apply: a preview version attaches ...
plan_new "$T/p.json" attach --compute-type AKS --name ml-prev --compute-resource-id "$CLUSTER/aks-preview"
az apply "$T/p.json"
is "$rc" 0 "a preview version attaches, with a warning"
like "$T/err" 'warning +cluster .*preview version' "the warning is shown"
# ... and a private cluster is tried, and fails in the service with details.
plan_new "$T/p.json" attach --compute-type AKS --name ml-prv --compute-resource-id "$CLUSTER/aks-private"
az apply "$T/p.json"
is "$rc" 1 "a private cluster out of reach fails the operation (exit 1)"
like "$T/err" 'warning +cluster .*private cluster' "after the warning"
like "$T/err" 'Details: .*private cluster' "with the service's details"

# A detach of a compute that does not exist is refused before any DELETE.
az detach no-such --yes
is "$rc" 3 "detach of a missing compute is refused"
is "$(requests DELETE '.*')" 0 "without a DELETE"

# A malformed plan is a usage error.
echo '{"akswizPlan": 1, "operation": ' >"$T/bad.json"
az apply "$T/bad.json"
is "$rc" 2 "a malformed plan exits 2"

# A certificate that cannot serve is refused before any request, as plan
# check and plan new refuse it (issue 10, 13): a key of another
# certificate, a CNAME the certificate does not cover.
. "$top_srcdir/tests/lib/tls-pairs.sh"
if tls_pairs "$T"; then
	for bad in key cname; do
		key=$T/good.key cname=www.contoso.com
		[ "$bad" = key ] && key=$T/other.key
		[ "$bad" = cname ] && cname=scoring.fabrikam.com
		plan_new "$T/p.json" create --compute-type AKS --name ml-tls --vm-size Standard_D3_v2 \
		    --agent-count 3 --ssl-cert-file "$T/good.crt" \
		    --ssl-key-file "$key" --ssl-cname "$cname"
		before=$(wc -l <"$T/journal.log")
		az apply "$T/p.json"
		is "$rc" 3 "apply, wrong $bad: refused by preflight (exit 3)"
		is "$(wc -l <"$T/journal.log")" "$before" \
		    "apply, wrong $bad: not one request"
		case $bad in
		key) like "$T/err" "The key in .*other.key does not belong to the certificate in .*good.crt" \
		    "apply: the key that does not match" ;;
		cname) like "$T/err" "The certificate does not cover scoring.fabrikam.com; it covers www.contoso.com" \
		    "apply: the CNAME not covered" ;;
		esac
	done
fi

done_testing
