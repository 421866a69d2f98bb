#!/bin/sh
# akswiz environment create --from: a registry environment copied into the
# workspace (azure/registry.c, cli/cmd-asset.c), judged by the sandbox's
# request journal: the workspace's discovery, the registry discovery and
# the registry's version read, then one PUT of the workspace's version
# under the registry's name and version; again (either spelling), nothing
# sent; an inference configuration copied too; a version or registry that
# is not there, and a workspace version
# of the same name and version with another image, refused and said.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start
WSP="/subscriptions/$SB_SUB/resourceGroups/$SB_RG/providers/Microsoft.MachineLearningServices/workspaces/$SB_WS"
REG="/mferp/managementfrontend/subscriptions/[^/]*/resourceGroups/[^/]*/providers/Microsoft.MachineLearningServices/registries/azureml"
# line METHOD ERE: the journal line number of the first such request.
line() { grep -n -E "\"method\":\"$1\",\"path\":\"$2\"" "$T/journal.log" | head -n 1 | cut -d: -f1; }

# 1. The latest sklearn-1.5, copied.
az environment create --from azureml://registries/azureml/environments/sklearn-1.5/labels/latest -o json
is "$rc" 0 "environment create --from: exit 0"
like "$T/err" '^akswiz: environment sklearn-1.5:28 copied from azureml://registries/azureml/environments/sklearn-1.5/versions/28$' "the copy said, with its source"
like "$T/out" '"image": "mcr.microsoft.com/azureml/curated/sklearn-1.5:28"' "the registry's latest image"
like "$T/out" '"condaFile": "name: sklearn-1.5' "its conda file"
is "$(requests GET "/registrymanagement/v1.0/registries/azureml/discovery")" 1 "the registry discovered once"
is "$(requests GET "$REG/environments/sklearn-1.5/versions\",\"query\":\\{\"\\\$orderBy\":\"createdtime desc\",\"\\\$top\":\"1\",\"api-version\":\"2021-10-01-dataplanepreview")" 1 \
    "latest: the registry's versions listed once, newest created first, one"
is "$(requests PUT "$WSP/environments/sklearn-1.5/versions/28")" 1 "one PUT of the workspace's sklearn-1.5:28"
g=$(line GET "$REG/environments/sklearn-1.5/versions")
p=$(line PUT "$WSP/environments/sklearn-1.5/versions/28")
[ -n "$g" ] && [ -n "$p" ] && [ "$g" -lt "$p" ]
ok $? "the registry read before the workspace's PUT"

# 2. Again, in the curated short spelling: the same content, nothing sent.
az environment create --from AzureML-sklearn-1.5@latest
is "$rc" 0 "AzureML-sklearn-1.5@latest: exit 0"
like "$T/err" 'environment sklearn-1.5:28 \(from azureml://registries/azureml/environments/sklearn-1.5/versions/28\) is in the workspace already' "said to be there already"
is "$(requests PUT "$WSP/environments/sklearn-1.5/versions/28")" 1 "still one PUT"
az environment list
like "$T/out" '^sklearn-1.5 +28$' "the copy is in the workspace's list"

# 3. A version by its number, with an inference configuration.
az environment create --from azureml://registries/azureml/environments/minimal-py312-inference/versions/12
is "$rc" 0 "versions/12: exit 0"
is "$(requests PUT "$WSP/environments/minimal-py312-inference/versions/12")" 1 "one PUT of minimal-py312-inference:12"
grep '"method":"PUT","path":"[^"]*/environments/minimal-py312-inference/versions/12"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"inferenceConfig":\{"livenessRoute":\{"path":"/","port":5001\},"readinessRoute":\{"path":"/","port":5001\},"scoringRoute":\{"path":"/score","port":5001\}\}' "its inference configuration copied"
like "$T/put.log" '"image":"mcr.microsoft.com/azureml/curated/minimal-py312-inference:12"' "its image"
unlike "$T/put.log" 'condaFile' "no conda file where the registry has none"

# 4. What is not there.
az environment create --from azureml://registries/azureml/environments/sklearn-1.5/versions/99
is "$rc" 5 "an unknown version: exit 5"
like "$T/err" 'registry azureml has no environment sklearn-1.5 version 99' "said"
is "$(requests PUT "$WSP/environments/sklearn-1.5/versions/99")" 0 "nothing registered"
az environment create --from azureml://registries/nosuch/environments/sklearn-1.5/versions/1
is "$rc" 5 "an unknown registry: exit 5"
like "$T/err" 'there is no registry nosuch' "said"
az environment create --from azureml://registries/azureml/environments/sklearn-1.5/labels/stable
is "$rc" 2 "a label akswiz does not resolve: exit 2"
az environment create --from AzureML-sklearn-1.5@latest --image x
is "$rc" 2 "--from with --image: exit 2"

# 5. The workspace has the name and version with another image.
az environment create --name sklearn-1.5 --version 27 --image example.com/other:1
az environment create --from azureml://registries/azureml/environments/sklearn-1.5/versions/27
is "$rc" 5 "another image under that version: exit 5"
like "$T/err" 'has environment sklearn-1.5:27 with another image or conda file' "said"
is "$(requests PUT "$WSP/environments/sklearn-1.5/versions/27")" 1 "only the first PUT"
is "$(comp akswiz environment create --fr)" "--from " "completion: environment create --from"
done_testing
