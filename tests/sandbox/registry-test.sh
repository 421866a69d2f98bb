#!/bin/sh
# The azureml registry in akswiz-sandbox (arm-registry.c): the workspace's
# discoveryUrl and its document, the registry discovery, a curated
# environment's versions by version and newest first (the "latest" label as
# azure-ai-ml reads it: $orderBy createdtime desc, $top 1), the ARM token
# asked for, and 404 with the ARM envelope for what is not there.
# (Debian's python3-azure has no registry operations, so curl only.)
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --journal "$T/journal"
DV=api-version=2021-10-01-dataplanepreview

arm GET "$WSP?api-version=2024-10-01"
DISC=$(j .properties.discoveryUrl)
ML=$(echo "$EP" | sed 's|//127.0.0.1:|//localhost:|')
is "$DISC" "$ML/discovery" "the workspace's discoveryUrl: the sandbox named localhost, another origin than ARM's"
arm GET "$DISC"
is "$STATUS/$(j .api)" "200/$ML" "the discovery document names the api host"
API=$(j .api)

NOAUTH=1 arm GET "$API/registrymanagement/v1.0/registries/azureml/discovery"
is "$STATUS/$(j .error.code)" 401/AuthenticationFailed "the registry discovery wants the ARM token"
arm GET "$API/registrymanagement/v1.0/registries/azureml/discovery"
is "$STATUS/$(j .registryName)/$(j .primaryRegion)" 200/azureml/eastus "the azureml registry is discovered"
RP=$(j .primaryRegionResourceProviderUri)
RSUB=$(j .subscriptionId)
RRG=$(j .resourceGroup)
is "$RP" "$ML/" "its resource provider is on the ML host, with a slash"
arm GET "$API/registrymanagement/v1.0/registries/nosuch/discovery"
is "$STATUS/$(j .error.code)" 404/UserError "an unknown registry: 404, the ARM envelope"

R="${RP}mferp/managementfrontend/subscriptions/$RSUB/resourceGroups/$RRG/providers/Microsoft.MachineLearningServices/registries/azureml"
arm GET "$R/environments/sklearn-1.5/versions/27?$DV"
is "$STATUS/$(j .name)/$(j .properties.image)" "200/27/mcr.microsoft.com/azureml/curated/sklearn-1.5:27" "a version by its number"
is "$(j .id)" "azureml://registries/azureml/environments/sklearn-1.5/versions/27" "its registry id"
like "$(j .properties.condaFile)" "*scikit-learn==1.5.1*" "its conda file, as text"
arm GET "$R/environments/sklearn-1.5/versions?$DV&%24orderBy=createdtime%20desc&%24top=1"
is "$STATUS/$(j .value[0].name)/$(j .value[1].name)" "200/28/" "latest: the newest created, one"
arm GET "$R/environments/sklearn-1.5/versions?$DV"
is "$(j .value[0].name)/$(j .value[1].name)" "28/27" "the list: newest first"
arm GET "$R/environments/minimal-py312-inference/versions/12?$DV"
is "$STATUS/$(j .properties.inferenceConfig.scoringRoute.path)" "200//score" "an inference environment's inferenceConfig"
arm GET "$R/environments/sklearn-1.5/versions/99?$DV"
is "$STATUS/$(j .error.code)" 404/UserError "an unknown version: 404"
arm GET "$R/environments/nosuch/versions?$DV"
is "$STATUS/$(j .value[0].name)" "200/" "an unknown name lists nothing"
arm GET "$R/environments/sklearn-1.5/versions/27"
is "$STATUS/$(j .error.code)" 400/MissingApiVersionParameter "the api-version is required"
arm PUT "$R/environments/sklearn-1.5/versions/29?$DV" '{"properties":{"image":"x"}}'
is "$STATUS" 405 "the curated registry is read-only here"
NOAUTH=1 arm GET "$R/environments/sklearn-1.5/versions/27?$DV"
is "$STATUS" 401 "its versions want the ARM token"
R2=$(echo "$R" | sed 's|/registries/azureml|/registries/other|')
arm GET "$R2/environments/sklearn-1.5/versions/27?$DV"
is "$STATUS/$(j .error.code)" 404/UserError "another registry: 404"
done_testing
