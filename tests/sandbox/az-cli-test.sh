#!/bin/sh
# The az CLI (Debian's azure-cli 2.45, at its default api-versions)
# against akswiz-sandbox registered as a custom cloud: sign in with a
# service principal, then account show, aks list and show, VM sizes and
# usages, the workspace's computes, and a cluster's life (aks create,
# show, scale, nodepool show, delete).  /usr/bin/az with its own
# AZURE_CONFIG_DIR in the test's folder; the sandbox CA through
# REQUESTS_CA_BUNDLE.  Skipped only when azure-cli is not installed.
AZ=/usr/bin/az
if ! [ -x "$AZ" ] || ! /usr/bin/python3 -c 'import azure.cli.core' 2>/dev/null; then
	echo "1..0 # SKIP azure-cli is not installed"
	exit 0
fi
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --journal "$T/journal"

# az's own environment, in the test's folder.  MSAL first asks
# login.microsoftonline.com to validate an authority it does not know,
# which no machine here reaches: a limit of the client, switched off in
# this test's Python environment only (a sitecustomize on PYTHONPATH).
mkdir -p "$T/py" "$T/az"
cat >"$T/py/sitecustomize.py" <<'PY'
try:
    import msal.application as _app
    _init = _app.ClientApplication.__init__

    def _no_discovery(self, *args, **kwargs):
        kwargs.setdefault("instance_discovery", False)
        _init(self, *args, **kwargs)

    _app.ClientApplication.__init__ = _no_discovery
except ImportError:
    pass
PY
unset HTTPS_PROXY https_proxy HTTP_PROXY http_proxy AZURE_CLIENT_SECRET
export AZURE_CONFIG_DIR="$T/az" REQUESTS_CA_BUNDLE="$CA" PYTHONPATH="$T/py"
export NO_PROXY=127.0.0.1 HOME="$T" PYTHONDONTWRITEBYTECODE=1
export AZURE_CORE_COLLECT_TELEMETRY=false AZURE_CORE_NO_COLOR=true
export AZURE_CORE_ONLY_SHOW_ERRORS=true AZURE_CORE_SURVEY_MESSAGE=false

azr() {	# azr ARGS...: run az; rc in $rc, stdout in $T/out, stderr in $T/err
	"$AZ" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" = 0 ] || sed 's/^/#   az: /' "$T/err" | head -n 8
}
out() { tr -d '\r' <"$T/out" | tr '\n' ' ' | sed 's/ *$//'; }

azr cloud register -n AkswizSandbox --endpoint-resource-manager "$EP" \
    --endpoint-active-directory "$EP" \
    --endpoint-active-directory-resource-id https://management.azure.com/ \
    --endpoint-active-directory-graph-resource-id https://graph.windows.net/
is "$rc" 0 "az cloud register: the sandbox as a custom cloud"
azr cloud set -n AkswizSandbox
is "$rc" 0 "az cloud set"

# The secret goes through a 0600 file (az reads "@file"), never argv.
"$JGET" .clientSecret <"$T/ready.json" | tr -d '\n' >"$T/secret"
chmod 600 "$T/secret"
azr login --service-principal -u "$("$JGET" .clientId <"$T/ready.json")" \
    -p "@$T/secret" --tenant "$TENANT" -o none
is "$rc" 0 "az login --service-principal (subscriptions at 2019-11-01)"
azr account show -s "$SUB" -o tsv --query '[id,tenantId,user.type]'
is "$rc/$(out)" "0/$SUB $TENANT servicePrincipal" "az account show"

azr aks list --subscription "$SUB" -o tsv --query '[].name'
is "$rc" 0 "az aks list (managedClusters at 2022-11-01)"
like "$(out)" "aks-prod *aks-private*" "lists the clusters"
azr aks show --subscription "$SUB" -g aks-rg -n aks-prod -o tsv \
    --query '[name,servicePrincipalProfile.clientId,identity.type,agentPoolProfiles[0].count]'
is "$rc/$(out)" "0/aks-prod msi SystemAssigned 3" "az aks show"

# Debian's azure-cli 2.45 asks for Compute 2022-11-01, but python3-azure
# (20230112) has no azure.mgmt.compute.v2022_11_01: that failure is the
# client's packaging, not the sandbox's; what az would send is sent with
# az rest at the same api-version.
C="$EP/subscriptions/$SUB/providers/Microsoft.Compute/locations/eastus"
azr vm list-sizes -l eastus -o tsv --query "[?name=='Standard_D3_v2'].numberOfCores"
if [ "$rc" = 0 ]; then
	is "$(out)" 4 "az vm list-sizes"
else
	like "$(cat "$T/err")" "*No module named 'azure.mgmt.compute.v2022_11_01'*" \
	    "az vm list-sizes fails only in the client (Debian's python3-azure lacks Compute 2022-11-01)"
fi
azr rest --method get --url "$C/vmSizes?api-version=2022-11-01" \
    --query "value[?name=='Standard_D3_v2'].numberOfCores" -o tsv
is "$rc/$(out)" 0/4 "VM sizes at Compute 2022-11-01 (az rest)"
azr rest --method get --url "$C/usages?api-version=2022-11-01" \
    --query "value[?name.value=='cores'].limit" -o tsv
is "$rc/$(out)" 0/100 "usages at Compute 2022-11-01 (az rest)"

azr rest --method get --url "$EP$WSP/computes?api-version=2024-04-01-preview" \
    --query 'value[].name' -o tsv
is "$rc" 0 "the workspace's computes at 2024-04-01-preview (az rest)"
like "$(out)" "inf-created inf-attached*" "lists them"

# A cluster's life with az aks: create, show, scale, delete.
azr aks create --subscription "$SUB" -g "$RG" -n azaks --node-count 1 \
    --node-vm-size Standard_D2_v2 --no-ssh-key --enable-managed-identity \
    --dns-name-prefix azaks -o tsv \
    --query '[provisioningState,agentPoolProfiles[0].count,servicePrincipalProfile.clientId]'
is "$rc/$(out)" "0/Succeeded 1 msi" "az aks create"
azr aks show --subscription "$SUB" -g "$RG" -n azaks -o tsv \
    --query '[provisioningState,dnsPrefix,powerState.code]'
is "$rc/$(out)" "0/Succeeded azaks Running" "az aks show of the new cluster"
azr aks scale --subscription "$SUB" -g "$RG" -n azaks --node-count 3 -o tsv \
    --query 'agentPoolProfiles[0].count'
is "$rc/$(out)" "0/3" "az aks scale to 3"
azr aks nodepool show --subscription "$SUB" -g "$RG" --cluster-name azaks \
    -n nodepool1 -o tsv --query '[count,mode]'
is "$rc/$(out)" "0/3 System" "az aks nodepool show"
azr aks delete --subscription "$SUB" -g "$RG" -n azaks --yes
is "$rc" 0 "az aks delete"
azr aks show --subscription "$SUB" -g "$RG" -n azaks
tap "$([ "$rc" != 0 ] && grep -q ResourceNotFound "$T/err"; echo $?)" "az aks show after the delete: not found"

like "$(grep -c '"api-version":"2019-11-01"' "$T/journal")" "[1-9]*" \
    "the sandbox saw az's subscriptions version"
like "$(grep '/managedClusters' "$T/journal" | grep -c '"api-version":"2022-11-01"')" "[1-9]*" \
    "and its managedClusters version"
secret=$(cat "$T/secret")
tap $(grep -qF -- "$secret" "$T/journal" "$T/out" "$T/err"; [ $? = 1 ]; echo $?) \
    "the secret is in no journal and no output"
done_testing
