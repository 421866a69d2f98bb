#!/bin/sh
# akswiz model, code and environment against the sandbox (azure/assets.c,
# azure/blob.c, cli/cmd-asset.c), judged by the sandbox's request journal:
# a model file registered reads the datastore and its secret once, sends
# the blob and one PUT of the version; registering it again sends nothing;
# the same content under another version reuses the blob; a folder lands
# under LocalUpload/<hash>/<folder>/; a large file goes in blocks, and
# after a kill -9 mid-upload the next run sends only the blocks the
# storage account does not hold; a storage 403 is said, exit 5; the
# account key is nowhere in the output, the --debug log or the journal.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start
WSP="/subscriptions/$SB_SUB/resourceGroups/$SB_RG/providers/Microsoft.MachineLearningServices/workspaces/$SB_WS"
STORE="/mlworkspacestorage/azureml-blobstore-[^/\"]*"
mkdir -p "$T/m/mdir/sub"
printf 'model-bytes' >"$T/m/model.pkl"
printf 'a' >"$T/m/mdir/a.txt"
printf 'bb' >"$T/m/mdir/sub/b.txt"
printf 'name: env\ndependencies:\n  - python=3.12\n' >"$T/m/conda.yml"
# put COUNT: blob PUTs (Put Blob and Put Block) in the journal so far.
puts() { grep -c "\"method\":\"PUT\",\"path\":\"$STORE/$1\"" "$T/journal.log"; }

# 1. A model file.
az model create --name demo --version 1 --path "$T/m/model.pkl" --debug="$T/debug.log"
is "$rc" 0 "model create: exit 0"
like "$T/out" '^Path +azureml://subscriptions/.*/resourcegroups/ml-rg/workspaces/ml-workspace/datastores/workspaceblobstore/paths/LocalUpload/ebdeb00f8727a15bffe0fe7dda8782fe/model\.pkl$' \
    "the long-form azureml:// path under LocalUpload/<azure-ai-ml's hash>"
like "$T/out" '^Type +CustomModel$' "a custom model"
is "$(requests GET "$WSP/datastores/workspaceblobstore")" 1 "the datastore read once"
is "$(requests POST "$WSP/datastores/workspaceblobstore/listSecrets")" 1 "its secret read once"
is "$(puts 'LocalUpload/ebdeb00f8727a15bffe0fe7dda8782fe/model.pkl')" 1 "the file sent in one Put Blob"
is "$(requests PUT "$WSP/models/demo/versions/1")" 1 "one PUT of the version"
grep "\"path\":\"$STORE/" "$T/journal.log" | grep -v -c '"authorization":"SharedKey' >"$T/n"
is "$(cat "$T/n")" 0 "every storage request signed with Shared Key"
grep -c "\"path\":\"$STORE/.*\"authorization\":\"Bearer" "$T/journal.log" >"$T/n"
is "$(cat "$T/n")" 0 "the Azure token never sent to the storage account"

# 2. Again: nothing sent but the look.
az model create --name demo --version 1 --path "$T/m/model.pkl"
is "$rc" 0 "the same model again: exit 0"
is "$(requests POST "$WSP/datastores/workspaceblobstore/listSecrets")" 1 "no secret read"
is "$(puts 'LocalUpload/.*')" 1 "nothing uploaded"
is "$(requests PUT "$WSP/models/demo/versions/1")" 1 "no second PUT of the version"

# 3. The same content as another version: the blob is there already.
az model create --name demo --version 2 --path "$T/m/model.pkl" -o json
is "$rc" 0 "the same content as version 2"
like "$T/out" '"version": "2"' "prints version 2 as JSON"
is "$(puts 'LocalUpload/.*')" 1 "its blob not sent again"
is "$(requests PUT "$WSP/models/demo/versions/2")" 1 "one PUT of version 2"

# 4. A folder.
az model create --name folder --version 1 --path "$T/m/mdir" --type mlflow_model -o json
is "$rc" 0 "a folder as a model"
like "$T/out" '"path": "azureml://.*/paths/LocalUpload/[0-9a-f]{32}/mdir"' "its path: the folder under LocalUpload/<hash>"
like "$T/out" '"type": "MLFlowModel"' "its type"
is "$(puts 'LocalUpload/[0-9a-f]*/mdir/a.txt')" 1 "its file sent"
is "$(puts 'LocalUpload/[0-9a-f]*/mdir/sub/b.txt')" 1 "and the one in its subfolder"

# 5. list and show.
az model list
like "$T/out" '^demo +2$' "model list: demo's latest version"
like "$T/out" '^folder +1$' "and folder's"
az model list --name demo -o tsv
is "$(cut -f1,2 "$T/out" | sort | tr "\t\n" ": ")" "demo:1 demo:2 " "model list --name: its versions"
az model show --name demo --version 9
is "$rc" 1 "a version that is not there: exit 1"
like "$T/err" 'has no model demo:9' "and says so"
az model create --name 'bad name' --version 1 --path "$T/m/model.pkl"
is "$rc" 2 "a name Azure ML refuses: exit 2, nothing sent"

# 6. An environment: an image and a conda file, inline.
az environment create --name env --version 1 --image mcr.microsoft.com/azureml/minimal-py312-inference:latest --conda-file "$T/m/conda.yml" -o json
is "$rc" 0 "environment create: exit 0"
like "$T/out" '"image": "mcr.microsoft.com/azureml/minimal-py312-inference:latest"' "its image"
like "$T/out" '"condaFile": "name: env' "its conda file"
is "$(requests PUT "$WSP/environments/env/versions/1")" 1 "one PUT of the environment version"
# Again, the same: the version is found as it is, nothing sent (a deploy
# resumed after its PUT does the same); another image under it is refused.
az environment create --name env --version 1 --image mcr.microsoft.com/azureml/minimal-py312-inference:latest --conda-file "$T/m/conda.yml"
is "$rc" 0 "the same environment again: exit 0"
is "$(requests PUT "$WSP/environments/env/versions/1")" 1 "and no second PUT"
az environment create --name env --version 1 --image mcr.microsoft.com/azureml/other:1 --conda-file "$T/m/conda.yml"
is "$rc" 5 "another image under that version: exit 5"
like "$T/err" 'has environment env:1 with another image or conda file' "said"
is "$(requests PUT "$WSP/environments/env/versions/1")" 1 "nothing sent"
az environment list
like "$T/out" '^env +1$' "environment list"

# 6b. Code: a folder through startPendingUpload (a container SAS).
mkdir -p "$T/src/sub"
printf 'def run(d):\n    return d\n' >"$T/src/score.py"
printf 'x' >"$T/src/sub/util.txt"
az code create --name score --version 1 --path "$T/src" -o json --debug="$T/code-debug.log"
is "$rc" 0 "code create: exit 0"
like "$T/code-debug.log" 'sig=\[REDACTED\]' "the SAS's signature hidden in the --debug log"
unlike "$T/code-debug.log" 'sig=[^[]' "and never shown there"
like "$T/out" '"path": "https://127\.0\.0\.1:[0-9]+/mlworkspacestorage/[^/]+/src"' "its codeUri: the folder in the pending upload's container"
is "$(requests POST "$WSP/codes/score/versions/1/startPendingUpload")" 1 "one startPendingUpload"
grep '"path":"/mlworkspacestorage/[^/]*/src/' "$T/journal.log" | grep '"method":"PUT"' |
    grep -c 'sig=<redacted>\|"sig":"<redacted>"' >"$T/n"
is "$(cat "$T/n")" 2 "its two files sent with the SAS"
is "$(requests PUT "$WSP/codes/score/versions/1")" 1 "one PUT of the code version"
az code create --name score --version 1 --path "$T/src"
is "$rc" 0 "the same folder again: exit 0"
is "$(requests POST "$WSP/codes/score/versions/1/startPendingUpload")" 1 "nothing uploaded: its content hash matches"
printf 'y' >"$T/src/sub/util.txt"
az code create --name score --version 1 --path "$T/src"
is "$rc" 2 "other content under the same version: exit 2"
like "$T/err" 'already linked to other content' "and says so"
is "$(requests PUT "$WSP/codes/score/versions/1")" 1 "no second PUT"

# 7. Secrets: the account key nowhere.
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_arm POST "$WSP/datastores/workspaceblobstore/listSecrets?api-version=2024-04-01" '{}'
KEY=$(sed -n 's/.*"key" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
rm -f "$T/k8s.body"
[ -n "$KEY" ]; ok $? "the account key (read by curl, for the check)"
like "$T/debug.log" 'SharedKey|Authorization: \[REDACTED\]' "the --debug log has the storage requests"
for f in "$T/debug.log" "$T/journal.log" "$T/out" "$T/err"; do
	if grep -F -q -e "$KEY" "$f"; then ok 1 "the key not in $(basename "$f")"
	else ok 0 "the key not in $(basename "$f")"; fi
done

# 8. A large file in blocks, killed mid-upload: the next run sends only
# what the storage account does not hold.  36 MiB: five blocks of 8 MiB
# (the last 4 MiB); the third block is held back 60 s, then akswiz is
# killed with two blocks stored.
sb_stop
: >"$T/journal.log"
sb_start --faults 'PUT:*/big.bin=latency:60s+2#1'
head -c 37748736 /dev/urandom >"$T/m/big.bin"
"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" model create \
    --name big --version 1 --path "$T/m/big.bin" >"$T/big.out" 2>&1 </dev/null &
up=$!
stored() {
	[ "$(grep "\"method\":\"PUT\",\"path\":\"$STORE/LocalUpload/[0-9a-f]*/big.bin\",\"query\":{\"blockid\":\"[^\"]*\",\"comp\":\"block\"}" \
	    "$T/journal.log" 2>/dev/null | grep -c '"status":201')" -ge 2 ]
}
wait_until $up stored
kill -9 $up 2>/dev/null
wait $up 2>/dev/null
is "$?" 137 "the upload was killed"
like "$T/big.out" 'uploading big.bin \(36 MB\)' "a line named the large file"
unlike "$T/big.out" '\[[#.]+\]' "no bar: stderr is not a terminal"
grep "comp\":\"block\"" "$T/journal.log" | grep '"status":201' |
    sed 's/.*"blockid":"\([^"]*\)".*/\1/' | sort >"$T/first"
is "$(wc -l <"$T/first" | tr -d ' ')" 2 "two blocks stored before the kill"
is "$(requests PUT "$WSP/models/big/versions/1")" 0 "no version yet"
lines=$(wc -l <"$T/journal.log")
az model create --name big --version 1 --path "$T/m/big.bin"
is "$rc" 0 "the same command again finishes"
tail -n +"$((lines + 1))" "$T/journal.log" | grep "comp\":\"block\"" |
    grep '"status":201' | sed 's/.*"blockid":"\([^"]*\)".*/\1/' | sort >"$T/second"
# Three are missing (the one held back may have been stored meanwhile).
n2=$(wc -l <"$T/second" | tr -d ' ')
[ "$n2" -ge 2 ] && [ "$n2" -le 3 ]; ok $? "only the missing blocks sent ($n2 of 5)"
is "$(comm -12 "$T/first" "$T/second" | wc -l | tr -d ' ')" 0 "none of the stored ones again"
tail -n +"$((lines + 1))" "$T/journal.log" | grep '"method":"PUT"' |
    grep -c '"query":{"comp":"blocklist"}' >"$T/n"
is "$(cat "$T/n")" 1 "one Put Block List"
is "$(requests PUT "$WSP/models/big/versions/1")" 1 "one PUT of the version"

# 8b. The bytes the storage account holds are the file's: a file of
# three blocks (the last short), its first Put Block answered 500 once,
# then sent again (read from the file again), read back with Get Blob.
sb_stop
: >"$T/journal.log"
sb_start --faults 'PUT:*/again.bin=500#1'
head -c 20971525 /dev/urandom >"$T/m/again.bin"
az model create --name again --version 1 --path "$T/m/again.bin"
is "$rc" 0 "a block answered 500 once: model create still finishes"
grep '"comp":"block"}' "$T/journal.log" | grep -c '"status":500' >"$T/n"
is "$(cat "$T/n")" 1 "  one Put Block was answered 500"
grep '"comp":"block"}' "$T/journal.log" | grep -c '"status":201' >"$T/n"
is "$(cat "$T/n")" 3 "  then the three blocks stored"
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_arm POST "$WSP/datastores/workspaceblobstore/listSecrets?api-version=2024-04-01" '{}'
KEY=$(sed -n 's/.*"key" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
rm -f "$T/k8s.body"
BP=$(grep -o "\"path\":\"$STORE/LocalUpload/[0-9a-f]*/again.bin\"" "$T/journal.log" |
    head -n 1 | sed 's/"path":"\(.*\)"/\1/')
ACCT=$(echo "$BP" | cut -d/ -f2)
d=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
sig=$(printf 'GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:%s\nx-ms-version:2023-11-03\n/%s%s' "$d" "$ACCT" "$BP" |
    openssl dgst -sha256 -mac HMAC -macopt \
    "hexkey:$(printf '%s' "$KEY" | base64 -d | od -An -v -tx1 | tr -d ' \n')" -binary | base64 -w0)
curl -s --cacert "$SB_CA" -o "$T/back.bin" -w '%{http_code}' -H "x-ms-date: $d" \
    -H 'x-ms-version: 2023-11-03' -H "Authorization: SharedKey $ACCT:$sig" \
    "$SB_URL$BP" >"$T/n"
is "$(cat "$T/n")/$(wc -c <"$T/back.bin" | tr -d ' ')" "200/20971525" "Get Blob: the whole file"
is "$(sha256sum <"$T/back.bin")" "$(sha256sum <"$T/m/again.bin")" "  its bytes, the file's"
rm -f "$T/back.bin"

# 9. The storage account refuses (a 403): said, exit 5.
sb_stop
: >"$T/journal.log"
sb_start --faults 'PUT:*/model.pkl=403'
az model create --name demo --version 1 --path "$T/m/model.pkl"
is "$rc" 5 "a storage 403: exit 5"
like "$T/err" 'refused the upload \(HTTP 403' "and says the storage account refused it"
is "$(requests PUT "$WSP/models/demo/versions/1")" 0 "no version registered"

# Completion (completion/akswiz).
is "$(comp akswiz mod)" "model " "completion: model"
is "$(comp akswiz env)" "environment " "completion: environment"
is "$(comp akswiz model '')" "create list show " "completion: the verbs"
is "$(comp akswiz co)" "code " "completion: code"
is "$(comp akswiz code create --p)" "--path " "completion: code create --path"
is "$(comp akswiz model create --type '')" "custom_model mlflow_model triton_model " "completion: the model types"
is "$(comp akswiz environment create --con)" "--conda-file " "completion: --conda-file"
done_testing
