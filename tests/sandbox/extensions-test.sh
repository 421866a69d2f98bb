#!/bin/sh
# Cluster extensions (kubernetes-path.md B.2-B.8) in akswiz-sandbox: the
# Azure ML extension's create, get, list, patch and delete with their
# long-running operations; its rules (core's rules-k8s.h) ending the
# operation Failed with the health check's code; protected settings never
# answered nor journaled; the api-versions Azure publishes.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --journal "$T/journal.jsonl" --state "$T/state.json"
V=api-version=2024-11-01
CL="/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters"
X="providers/Microsoft.KubernetesConfiguration/extensions"
CERT=$(printf '%s' '-----BEGIN CERTIFICATE-----sandbox-test-cert' | base64 -w0)
KEY=$(printf '%s' '-----BEGIN PRIVATE KEY-----sandbox-test-key' | base64 -w0)
# body SETTINGS [PROTECTED] [SCOPE]
body() {
	printf '{"properties":{"extensionType":"Microsoft.AzureML.Kubernetes","autoUpgradeMinorVersion":true,"releaseTrain":"stable","scope":%s,"configurationSettings":{%s},"configurationProtectedSettings":{%s}}}' \
	    "${3:-{\"cluster\":{\"releaseNamespace\":\"azureml\"\}\}}" "$1" "${2:-}"
}
DEVTEST='"enableTraining":"False","enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"False","clusterPurpose":"DevTest"'
finish() {	# poll the last operation to its end
	op=$(hdr Azure-AsyncOperation)
	arm GET "$op"; arm GET "$op"
}

# Create: 201, Creating, the LRO headers; then Succeeded.
arm PUT "$CL/aks-small/$X/azureml?$V" "$(body "$DEVTEST")"
is "$STATUS/$(j .properties.provisioningState)" 201/Creating "create: 201 Creating"
is "$(j .id)" "/subscriptions/$SUB/resourcegroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-small/$X/azureml" "its id"
is "$(j .type)/$(j .name)" Microsoft.KubernetesConfiguration/extensions/azureml "type and name"
like "$(hdr Azure-AsyncOperation)" "*/$X/azureml/operations/*?api-version=2024-11-01" "Azure-AsyncOperation under the extension"
is "$(hdr x-ms-async-operation-timeout)" PT48H "x-ms-async-operation-timeout"
like "$(hdr Operation-Location)" "*/operations/*" "Operation-Location"
arm GET "$CL/aks-small/$X/azureml?$V"
is "$(j .properties.provisioningState)" Creating "GET while it runs: Creating"
arm PUT "$CL/aks-small/$X/azureml2?$V" "$(body "$DEVTEST")"
op=$(hdr Azure-AsyncOperation)
arm GET "$op"
is "$STATUS/$(j .status)" 200/InProgress "first poll: InProgress"
arm GET "$op"
is "$(j .status)" Succeeded "second poll: Succeeded"
like "$(j .startTime)/$(j .endTime)" "20*/20*" "start and end times"
arm GET "$CL/aks-small/$X/azureml2?$V"
is "$(j .properties.provisioningState)" Succeeded "the resource follows: Succeeded"
tap "$([ -n "$(j .properties.currentVersion)" ]; echo $?)" "currentVersion once installed"
is "$(j .properties.configurationSettings.inferenceRouterServiceType)" LoadBalancer "settings answered"
is "$(j .properties.scope.cluster.releaseNamespace)" azureml "scope answered"
arm GET "$CL/aks-small/$X?$V"
is "$STATUS" 200 "list"
tap "$([ "$(j .value[0].name)" = azureml ] || [ "$(j .value[1].name)" = azureml ]; echo $?)" "the list holds azureml"
is "$(j .value[2].name)" "" "and nothing of another cluster"

# HTTPS: the protected settings are never answered, nor journaled.
arm PUT "$CL/aks-prod/$X/azureml?$V" "$(body '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"False","sslCname":"ml.contoso.com"' "\"scoringFe.sslCert\":\"$CERT\",\"scoringFe.sslKey\":\"$KEY\"")"
is "$STATUS" 201 "HTTPS create"
is "$(j .properties.configurationProtectedSettings)" "{}" "protected settings answered empty"
tap "$(grep -q "$CERT" "$T/body"; [ $? = 1 ]; echo $?)" "no certificate in the answer"
finish
is "$(j .status)" Succeeded "HTTPS with certificate, key and CNAME: Succeeded"
arm GET "$CL/aks-prod/$X/azureml?$V"
is "$(j .properties.configurationProtectedSettings)" "{}" "GET: protected settings empty"
tap "$(grep -q -e "$CERT" -e "$KEY" "$T/journal.jsonl"; [ $? = 1 ]; echo $?)" "the journal holds neither certificate nor key"
tap "$(grep -q "configurationProtectedSettings\":\"<redacted>" "$T/journal.jsonl"; echo $?)" "the journal shows them redacted"

# The update does not merge protected settings: a PATCH without them
# leaves TLS without its certificate, and the health check says so.
arm PATCH "$CL/aks-prod/$X/azureml?$V" '{"properties":{"configurationSettings":{"sslCname":"ml2.contoso.com"}}}'
is "$STATUS/$(j .properties.provisioningState)" 202/Updating "PATCH: 202 Updating"
is "$(j .properties.configurationSettings.sslCname)/$(j .properties.configurationSettings.inferenceRouterServiceType)" ml2.contoso.com/LoadBalancer "public settings merged"
finish
is "$(j .status)/$(j .error.code)" Failed/ExtensionOperationFailed "no protected settings sent: Failed"
like "$(j .error.message)" "*failed pre-install: pod healthcheck failed: E40007*" "the health check's E40007"
arm GET "$CL/aks-prod/$X/azureml?$V"
is "$(j .properties.provisioningState)/$(j .properties.statuses[0].code)/$(j .properties.statuses[0].displayStatus)" Failed/E40007/INVALID_SSL_SETTING "the status entry"
like "$(j .properties.statuses[0].message)" "Scoring needs TLS settings*" "in akswiz's words"
arm PATCH "$CL/aks-prod/$X/azureml?$V" "{\"properties\":{\"configurationProtectedSettings\":{\"scoringFe.sslCert\":\"$CERT\",\"scoringFe.sslKey\":\"$KEY\"}}}"
finish
is "$(j .status)" Succeeded "sent whole again: Succeeded"

# The rules, each ending Failed with what the health check reports.
rule() {	# rule CLUSTER NAME WANT-CODE DESC SETTINGS [PROTECTED] [SCOPE]
	arm PUT "$CL/$1/$X/$2?$V" "$(body "$5" "${6:-}" "${7:-}")"
	is "$STATUS" 201 "$4: accepted"
	finish
	is "$(j .status)" Failed "$4: Failed"
	arm GET "$CL/$1/$X/$2?$V"
	is "$(j .properties.statuses[0].code)" "$3" "$4: $3"
}
rule aks-small ha E40002 "HA (the default) on the 2 nodes of aks-small" '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"'
arm PUT "$CL/aks-old/$X/ha3?$V" "$(body '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"')"
finish
is "$(j .status)" Succeeded "HA on the 3 nodes of aks-old: Succeeded"
rule aks-old nocname E40007 "TLS without CNAME" '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer"' "\"scoringFe.sslCert\":\"$CERT\",\"scoringFe.sslKey\":\"$KEY\""
rule aks-old nodeport E40003 "NodePort with an internal provider" '"enableInference":"True","inferenceRouterServiceType":"NodePort","internalLoadBalancerProvider":"azure","allowInsecureConnections":"True"'
rule aks-old notype HealthCheckFailed "no service type" '"enableInference":"True","allowInsecureConnections":"True"'
rule aks-old nsscope HealthCheckFailed "namespace scope" "$DEVTEST" "" '{"namespace":{"targetNamespace":"ml"}}'
like "$(j .properties.statuses[0].message)" "*not in namespace \"ml\"*" "namespace scope: the message names it"
arm PUT "$CL/aks-old/$X/flux?$V" '{"properties":{"extensionType":"microsoft.flux"}}'
finish
is "$(j .status)" Succeeded "another extension type is not held to Azure ML's rules"
arm PUT "$CL/aks-old/$X/lower?$V" "$(body '"enableInference":"True"' | sed 's/Microsoft.AzureML.Kubernetes/microsoft.azureml.kubernetes/')"
finish
is "$(j .status)" Failed "the extension type matches in any case"

# Requests the service refuses at once.
arm PUT "$CL/aks-small/$X/bad?$V" '{"properties":{}}'
is "$STATUS/$(j .error.code)" 400/InvalidRequestContent "no extensionType"
arm PUT "$CL/nosuch/$X/azureml?$V" "$(body "$DEVTEST")"
is "$STATUS/$(j .error.code)" 404/ResourceNotFound "a missing cluster: 404"
arm GET "$CL/aks-small/$X/nosuch?$V"
is "$STATUS/$(j .error.code)" 404/ResourceNotFound "a missing extension: 404"
arm GET "$CL/aks-small/$X/azureml2?api-version=2020-07-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "an unpublished api-version"
for v in 2021-09-01 2022-03-01 2022-07-01 2022-11-01 2023-05-01 2024-11-02-preview 2025-03-01; do
	arm GET "$CL/aks-small/$X/azureml2?api-version=$v"
	is "$STATUS/$(j .name)" 200/azureml2 "api-version $v"
	case $v in
	2021-*) want=/ ;;
	2022-03-01|2022-07-01) want=1.1.64/ ;;
	*) want=/1.1.64 ;;
	esac
	is "$(j .properties.installedVersion)/$(j .properties.currentVersion)" "$want" "api-version $v: its shape of the version"
done

# Delete: 202 and its operation; forceDelete at once; again: 204.
arm DELETE "$CL/aks-small/$X/azureml2?$V"
is "$STATUS" 202 "DELETE: 202"
is "$(hdr x-ms-async-operation-timeout)" PT1H "delete timeout PT1H"
op=$(hdr Azure-AsyncOperation)
arm GET "$CL/aks-small/$X/azureml2?$V"
is "$(j .properties.provisioningState)" Deleting "Deleting"
arm GET "$op"; arm GET "$op"
is "$(j .status)" Succeeded "delete Succeeded"
arm GET "$op"
is "$STATUS/$(j .status)" 200/Succeeded "its status stays after the extension is gone"
arm GET "$CL/aks-small/$X/azureml2?$V"
is "$STATUS" 404 "gone"
arm DELETE "$CL/aks-small/$X/azureml2?$V"
is "$STATUS" 204 "deleting it again: 204"
arm DELETE "$CL/aks-small/$X/azureml?$V&forceDelete=true"
is "$STATUS" 200 "forceDelete: 200 at once"
arm GET "$CL/aks-small/$X/azureml?$V"
is "$STATUS" 404 "forced away"

# The extensions are saved with the world, without the protected settings.
sandbox_stop
tap "$(grep -q '"extensionType": *"Microsoft.AzureML.Kubernetes"' "$T/state.json"; echo $?)" "the saved world holds the extensions"
tap "$(grep -q -e "$CERT" -e "$KEY" "$T/state.json"; [ $? = 1 ]; echo $?)" "and neither certificate nor key"
sandbox_start --state "$T/state.json"
arm GET "$CL/aks-prod/$X/azureml?$V"
is "$STATUS/$(j .properties.provisioningState)" 200/Succeeded "an extension survives a restart"

# A fault switch: an extension's operation ends Failed as B.7 shows.
sandbox_stop
sandbox_start --faults 'op:aks-small/flt=fail:ExtensionOperationFailed:The extension operation failed with the following error:  Error: [ InnerError: [Helm installation failed]]'
arm PUT "$CL/aks-small/$X/flt?$V" "$(body "$DEVTEST")"
is "$STATUS" 201 "fault: the PUT is accepted"
finish
is "$(j .status)/$(j .error.code)" Failed/ExtensionOperationFailed "fault: the operation fails with the rule's code"
like "$(j .error.message)" "The extension operation failed with the following error:*" "and its message"
arm GET "$CL/aks-small/$X/flt?$V"
is "$(j .properties.provisioningState)" Failed "fault: the extension is Failed"
arm PUT "$CL/aks-small/$X/other?$V" "$(body "$DEVTEST")"
finish
is "$(j .status)" Succeeded "another extension is not touched by the rule"

# A subscription without the provider registered is refused.
sandbox_stop
SUB0=$SUB
sed "s|\"subscriptionId\": \"$SUB0\",|\"subscriptionId\": \"$SUB0\", \"providers\": {\"Microsoft.KubernetesConfiguration\": \"NotRegistered\"},|" \
    "$WORLD" >"$T/world.json"
WORLD="$T/world.json" sandbox_start
arm PUT "$CL/aks-small/$X/azureml?$V" "$(body "$DEVTEST")"
is "$STATUS/$(j .error.code)" 409/MissingSubscriptionRegistration "unregistered KubernetesConfiguration: 409"
done_testing
