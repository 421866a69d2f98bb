#!/bin/sh
# Microsoft's Python SDK (Debian's python3-azure, at its default
# api-versions) against akswiz-sandbox's today's-path surfaces: provider
# registration, an AKS cluster created, scaled and deleted, the Azure ML
# extension, a Kubernetes compute (tests/sandbox/python-sdk-k8s-flow.py,
# one TAP line a step).  Skipped only when the packages are missing.
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import azure.identity, azure.mgmt.resource, azure.mgmt.containerservice, azure.mgmt.kubernetesconfiguration, azure.mgmt.machinelearningservices' 2>/dev/null; then
	echo "1..0 # SKIP python3-azure is not installed"
	exit 0
fi
. "$top_srcdir/tests/sandbox/lib.sh"
SUB0=$(sed -n 's/.*"subscriptionId": "\([^"]*\)".*/\1/p' "$WORLD" | head -n 1)
sed "s|\"subscriptionId\": \"$SUB0\",|\"subscriptionId\": \"$SUB0\", \"providers\": {\"Microsoft.KubernetesConfiguration\": \"NotRegistered\"},|" \
    "$WORLD" >"$T/world.json"
WORLD="$T/world.json" sandbox_start --journal "$T/journal"

python_flow "$top_srcdir/tests/sandbox/python-sdk-k8s-flow.py"
is "$rc" 0 "the SDK flow exits 0"
for v in "Microsoft.KubernetesConfiguration/extensions/azureml 2022-03-01" \
    "managedClusters/pyaks 2022-11-01" "computes/pyk8s 2022-10-01" \
    "providers/Microsoft.KubernetesConfiguration 2022-09-01"; do
	n=$(grep '"method":"PUT"\|"method":"POST"' "$T/journal" | grep -F "${v% *}" | grep -c "\"api-version\":\"${v#* }\"")
	like "$n" "[1-9]*" "the sandbox received ${v% *} at the SDK's default, ${v#* }"
done
done_testing
