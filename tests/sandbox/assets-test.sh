#!/bin/sh
# A workspace's assets and default datastore in akswiz-sandbox
# (kubernetes-path.md E, F.5): model, code and environment containers and
# versions (PUT, GET, list with $orderBy/$top, codes by content hash,
# DELETE), the immutable asset path, modelType in both spellings,
# environments' defaults, workspaceblobstore and its listSecrets,
# startPendingUpload (2023-04-01 on only), and the account key never in
# the journal.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --state "$T/state.json" --journal "$T/journal"
V=api-version=2024-10-01
HOSTPORT=${EP#https://}

# The default datastore.
arm GET "$WSP/datastores?$V"
is "$STATUS/$(j .value[0].name)/$(j .value[1].name)" "200/workspaceblobstore/" "one datastore: workspaceblobstore"
arm GET "$WSP/datastores/workspaceblobstore?$V"
is "$STATUS/$(j .properties.datastoreType)/$(j .properties.isDefault)" "200/AzureBlob/true" "an AzureBlob datastore, the default"
is "$(j .properties.accountName)" mlworkspacestorage "its account: the workspace's"
like "$(j .properties.containerName)" "azureml-blobstore-d3c1a9e0-1111-4000-8000-0000000000e1" "its container, azureml-blobstore-{workspaceId}"
is "$(j .properties.endpoint)/$(j .properties.protocol)" "$HOSTPORT/https" "its endpoint: the sandbox's host:port"
is "$(j .properties.credentials.credentialsType)/$(j .properties.credentials.secrets.key)" "AccountKey/" "credentials by account key, no key shown"
arm GET "$WSP?api-version=2024-04-01"
like "$(j .properties.storageAccount)" "*/Microsoft.Storage/storageAccounts/mlworkspacestorage" "the workspace names the same account"
arm GET "$WSP/datastores/nosuch?$V"
is "$STATUS/$(j .error.code)" 404/ResourceNotFound "another datastore: 404"
arm POST "$WSP/datastores/workspaceblobstore/listSecrets?$V"
is "$STATUS/$(j .secretsType)" 200/AccountKey "listSecrets: an account key"
KEY=$(j .key)
like "$KEY" "????????????????*==" "the key is base64"
arm POST "$WSP/datastores/workspaceblobstore/listSecrets?$V"
is "$(j .key)" "$KEY" "the same key again"

# startPendingUpload.
arm POST "$WSP/codes/c1/versions/1/startPendingUpload?$V" '{"pendingUploadType":"TemporaryBlobReference"}'
is "$STATUS/$(j .pendingUploadType)/$(j .blobReferenceForConsumption.credential.credentialType)" 200/TemporaryBlobReference/SAS "startPendingUpload: a SAS"
like "$(j .blobReferenceForConsumption.blobUri)" "$EP/mlworkspacestorage/?*" "a container on the sandbox's blob store"
like "$(j .blobReferenceForConsumption.credential.sasUri)" "$(j .blobReferenceForConsumption.blobUri)?sv=*&sr=c&sp=*&se=*&sig=*" "its SAS URI: a container SAS"
like "$(j .blobReferenceForConsumption.storageAccountArmId)" "/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.Storage/storageAccounts/mlworkspacestorage" "the account's ARM id"
like "$(j .pendingUploadId)" "????????-*" "a pendingUploadId"
C1=$(j .blobReferenceForConsumption.blobUri)
arm POST "$WSP/codes/c1/versions/1/startPendingUpload?$V" '{}'
is "$(j .pendingUploadType)" None "pendingUploadType defaults to None"
[ "$(j .blobReferenceForConsumption.blobUri)" != "$C1" ]; tap $? "a fresh container each time"
arm POST "$WSP/codes/c1/versions/1/startPendingUpload?api-version=2023-04-01" '{}'
is "$STATUS" 200 "startPendingUpload at 2023-04-01"
arm POST "$WSP/codes/c1/versions/1/startPendingUpload?api-version=2022-10-01" '{}'
is "$STATUS" 404 "startPendingUpload before 2023-04-01: 404"
arm POST "$WSP/models/m/versions/1/startPendingUpload?$V" '{}'
is "$STATUS" 404 "no startPendingUpload on workspace models"
arm POST "$WSP/codes/c1/versions/1/startPendingUpload?$V" '{"pendingUploadType":"Other"}'
is "$STATUS" 400 "an unknown pendingUploadType"

# Code versions.
arm PUT "$WSP/codes/c1/versions/1?$V" "{\"properties\":{\"codeUri\":\"$C1/src\",\"properties\":{\"hash_sha256\":\"abc123\",\"hash_version\":\"202208\"}}}"
is "$STATUS/$(j .name)/$(j .properties.provisioningState)" "201/1/Succeeded" "a code version: 201"
is "$(j .id)" "$WSP/codes/c1/versions/1" "its id"
is "$(j .type)/$(j .properties.isAnonymous)" "Microsoft.MachineLearningServices/workspaces/codes/versions/false" "its type, isAnonymous false"
like "$(j .systemData.createdAt)" "20*" "systemData"
arm PUT "$WSP/codes/c1/versions/1?$V" "{\"properties\":{\"codeUri\":\"$C1/src\",\"description\":\"again\",\"properties\":{\"hash_sha256\":\"abc123\"}}}"
is "$STATUS/$(j .properties.description)" 200/again "the same path again: 200"
arm PUT "$WSP/codes/c1/versions/1?$V" "{\"properties\":{\"codeUri\":\"$C1/other\"}}"
is "$STATUS/$(j .error.code)/$(j .error.message)" "400/UserError/Asset paths cannot be updated." "another path: the service's refusal"
arm GET "$WSP/codes/c1/versions/1?$V"
is "$(j .properties.codeUri)" "$C1/src" "the path is unchanged"
arm PUT "$WSP/codes/c1/versions/2?$V" '{"properties":{}}'
is "$STATUS" 400 "a code version without codeUri"
arm PUT "$WSP/codes/c2/versions/7?$V" "{\"properties\":{\"codeUri\":\"$C1/src2\",\"properties\":{\"hash_sha256\":\"abc123\"}}}"
arm GET "$WSP/codes/any/versions?$V&hash=abc123&hashVersion=202208"
is "$STATUS/$(j .value[0].id)/$(j .value[1].id)/$(j .value[2].id)" "200/$WSP/codes/c2/versions/7/$WSP/codes/c1/versions/1/" "by hash: every name's versions of that content, newest first"
arm GET "$WSP/codes/c1/versions?$V&hash=nosuch"
is "$(j .value[0].id)" "" "an unknown hash: none"

# Model versions.
model() {	# model NAME VERSION [TYPE]
	arm PUT "$WSP/models/$1/versions/$2?$V" "{\"properties\":{\"modelUri\":\"azureml://subscriptions/$SUB/resourcegroups/$RG/workspaces/$WS/datastores/workspaceblobstore/paths/LocalUpload/h$2/model.pkl\"${3:+,\"modelType\":\"$3\"}}}"
}
model m 1 custom_model
is "$STATUS/$(j .properties.modelType)" 201/custom_model "modelType custom_model"
model m 2 CustomModel
is "$STATUS/$(j .properties.modelType)" 201/CustomModel "modelType CustomModel"
model m 3
is "$STATUS/$(j .properties.modelType)" 201/CustomModel "no modelType: CustomModel"
model m 4 pickle
is "$STATUS/$(j .error.code)" 400/UserError "an unknown modelType"
arm PUT "$WSP/models/m/versions/5?$V" '{"properties":{}}'
is "$STATUS" 400 "a model version without modelUri"
model -bad 1
is "$STATUS" 400 "a name starting with '-'"
arm GET "$WSP/models/m?$V"
is "$STATUS/$(j .properties.latestVersion)/$(j .properties.nextVersion)" "200/3/4" "the container: latestVersion, nextVersion"
arm GET "$WSP/models/m/versions?$V"
is "$(j .value[0].name) $(j .value[1].name) $(j .value[2].name)" "3 2 1" "versions newest first"
arm GET "$WSP/models/m/versions?$V&\$orderBy=createdtime%20asc&\$top=2"
is "$(j .value[0].name) $(j .value[1].name) $(j .value[2].name)" "1 2 " "\$orderBy asc, \$top 2"
arm GET "$WSP/models?$V"
is "$(j .value[0].name)/$(j .value[1].name)" "m/" "the models' containers"
model m 1 custom_model
is "$STATUS" 200 "the same model version again: 200"
arm DELETE "$WSP/models/m/versions/2?$V"
is "$STATUS" 200 "DELETE a version"
arm GET "$WSP/models/m/versions/2?$V"
is "$STATUS" 404 "gone"
arm DELETE "$WSP/models/m/versions/2?$V"
is "$STATUS" 204 "DELETE again: 204"

# Environment versions.
arm PUT "$WSP/environments/sk/versions/1?$V" '{"properties":{"image":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest","condaFile":"name: sk\ndependencies:\n- python=3.10\n","inferenceConfig":{"livenessRoute":{"path":"/","port":5001}}}}'
is "$STATUS/$(j .properties.osType)/$(j .properties.environmentType)" 201/Linux/UserCreated "an environment: Linux, UserCreated"
like "$(j .properties.condaFile)" "name: sk*" "the conda file inline"
is "$(j .properties.inferenceConfig.livenessRoute.port)" 5001 "inferenceConfig kept"
arm PUT "$WSP/environments/sk/versions/1?$V" '{"properties":{"image":"mcr.microsoft.com/azureml/minimal-py312-inference:latest"}}'
is "$STATUS/$(j .error.message)" "400/Asset paths cannot be updated." "another image: refused"
arm PUT "$WSP/environments/sk/versions/2?$V" '{"properties":{"condaFile":"x"}}'
is "$STATUS" 400 "an environment without image or build"
arm PUT "$WSP/environments/sk/versions/3?$V" '{"properties":{"image":"x","osType":"Solaris"}}'
is "$STATUS" 400 "an unknown osType"

# api-versions: the online endpoints' (mfe.json) ones.
arm GET "$WSP/models/m/versions/1?api-version=2020-06-01"
is "$STATUS/$(j .error.code)" 400/InvalidApiVersionParameter "2020-06-01 has no assets"
like "$(j .error.message)" "*2022-05-01*for resource type 'Microsoft.MachineLearningServices/workspaces/models'." "  the error names the versions of models"
arm GET "$WSP/models/m/versions/1?api-version=2022-05-01"
is "$STATUS" 200 "2022-05-01"

# 2021-03-01-preview: the first shape, datastoreId and path, docker.
P21=api-version=2021-03-01-preview
DS="$WSP/datastores/workspaceblobstore"
arm PUT "$WSP/models/old/versions/1?$P21" "{\"properties\":{\"datastoreId\":\"$DS\",\"path\":\"LocalUpload/1/model.pkl\"}}"
is "$STATUS/$(j .properties.path)/$(j .properties.modelType)/$(j .properties.provisioningState)" "201/LocalUpload/1/model.pkl//" "2021-03-01-preview: a model is a datastoreId and a path"
arm PUT "$WSP/models/old/versions/1?$P21" "{\"properties\":{\"datastoreId\":\"$DS\",\"path\":\"LocalUpload/2/model.pkl\"}}"
is "$STATUS/$(j .error.message)" "400/Asset paths cannot be updated." "  its path does not change either"
arm PUT "$WSP/models/old/versions/2?$P21" "{\"properties\":{\"modelUri\":\"azureml://datastores/workspaceblobstore/paths/x\"}}"
is "$STATUS" 400 "  modelUri is not of that shape"
arm PUT "$WSP/environments/old/versions/1?$P21" '{"properties":{"docker":{"dockerSpecificationType":"Image","dockerImageUri":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04"},"condaFile":"name: x"}}'
is "$STATUS/$(j .properties.docker.dockerSpecificationType)/$(j .properties.osType)" "201/Image/" "  an environment is a docker specification"
arm PUT "$WSP/codes/old/versions/1?$P21" '{"properties":{"codeUri":"https://x/y"}}'
is "$STATUS" 400 "  a code needs a path"

# Kept across a restart.
sandbox_start --state "$T/state.json"
arm GET "$WSP/codes/c1/versions/1?$V"
is "$STATUS/$(j .properties.codeUri)" "200/$C1/src" "versions are kept in the state"
arm POST "$WSP/datastores/workspaceblobstore/listSecrets?$V"
is "$(j .key)" "$KEY" "and the account key"

n=$(grep -c -F "$KEY" "$T/journal")
is "$n" 0 "the account key is not in the journal"
done_testing
