#!/bin/sh
# A deploy of a local model file and a score.py folder with an image
# (issue 13, kubernetes-path.md E): the model and the code uploaded and
# registered, the image registered as an environment, then the endpoint,
# the deployment naming those versions, the traffic; the journaled plan
# keeps the versions' IDs.  Applied again after a failed deployment, the
# plan uploads nothing and registers nothing again.  Skipped on a sandbox
# without the workspace's datastore and asset versions.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start --polls 1 --faults 'op:ep-up/blue=fail:InferencingClientCreateDeploymentFailed#1:init crashed'
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_arm GET "$K8S_WSP/datastores/workspaceblobstore?api-version=2024-10-01"
if [ "$K8S_STATUS" != 200 ]; then
	echo "1..0 # SKIP the sandbox has no workspaceblobstore (assets)"
	exit 0
fi
k8s_dev_compute k8s-dev aks-prod ml
printf 'not really a pickle\n' >"$T/model.pkl"
mkdir -p "$T/src"
printf 'def init():\n    pass\n\ndef run(data):\n    return data\n' \
    >"$T/src/score.py"
uploads() { grep -a -c -E '"method":"PUT","path":"/[^"]*/(LocalUpload|[^"/]*/src)' "$T/journal.log"; }
versions() { k8s_writes "$T/journal.log" | grep -c -E "PUT .*/$1/[^/]*/versions/[^/]*$"; }

"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name ep-up \
    --deployment-name blue --model "$T/model.pkl" --code-path "$T/src" \
    --scoring-script score.py \
    --image mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest \
    --cpu 0.5 --memory-gb 1 >"$T/u.json" 2>/dev/null
az apply "$T/u.json"
is "$rc" 6 "the uploads and the endpoint done, the deployment failed once: exit 6"
like "$T/err" 'register model k8s-dev \(step 1 of 6\): Succeeded' "the model registered"
like "$T/err" 'register model k8s-dev \(step 1 of 6\): uploading model.pkl: 100%' "its upload's progress"
like "$T/err" 'register code k8s-dev \(step 2 of 6\): uploading score.py: 100%' "the code's"
like "$T/err" 'register code k8s-dev \(step 2 of 6\): Succeeded' "the code"
like "$T/err" 'register environment k8s-dev \(step 3 of 6\): Succeeded' "the environment"
is "$(versions models)" 1 "one model version"
is "$(versions codes)" 1 "one code version"
is "$(versions environments)" 1 "one environment version"
like "$T/journal.log" '"method":"PUT","path":"[^"]*/deployments/blue".*' "the deployment was sent"
grep '"method":"PUT","path":"[^"]*/deployments/blue"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"model":"/subscriptions/[^"]*/models/[^"]*/versions/[^"]*"' "naming the model's version"
like "$T/put.log" '"codeId":"/subscriptions/[^"]*/codes/[^"]*/versions/[^"]*","scoringScript":"score.py"' "the code's and its script"
like "$T/put.log" '"environmentId":"/subscriptions/[^"]*/environments/[^"]*/versions/[^"]*"' "the environment's"
j=$(ls "$T/state/akswiz/operations/"*-k8s-dev-*.json)
tr -d ' \n\\' <"$j" >"$T/j1"
like "$T/j1" '"registered":\{"model":"/subscriptions/[^"]*/models/' "the journaled plan keeps the versions"
up=$(uploads)
[ "$up" -ge 2 ]
ok $? "the model file and score.py were uploaded ($up blobs)"
az apply "$T/u.json"
ok $rc "applied again, it succeeds"
is "$(uploads)" "$up" "nothing uploaded again"
is "$(versions models)/$(versions codes)/$(versions environments)" 1/1/1 "nothing registered again"
like "$T/out" 'deploy of blue on ep-up succeeded' "said"
sb_stop

# kill -9 while the model's blob is on its way (held back), then watch:
# the upload and the registration finished, one version each.
sb_start --polls 1 --faults 'PUT:*/LocalUpload/*=latency:8s#1'
k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
k8s_dev_compute k8s-dev aks-prod ml
sed 's/ep-up/ep-kill/' "$T/u.json" >"$T/k.json"
"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" apply "$T/k.json" \
    >"$T/apply.out" 2>&1 </dev/null &
apply=$!
# The sandbox journals a request once answered, 8 s later, and the
# client's 100% comes with the answer: its 0% says the upload has begun,
# and 2 s later the blob is in the sandbox, held back.
wait_until $apply grep -q 'uploading model.pkl: 0%' "$T/apply.out"
sleep 2
kill -9 $apply 2>/dev/null
wait $apply 2>/dev/null
is "$?" 137 "apply was killed during the model's upload"
unlike "$T/apply.out" 'register model k8s-dev \(step 1 of 6\): Succeeded' \
    "before its answer"
az watch k8s-dev
is "$rc" 0 "watch finishes the deploy"
like "$T/out" 'deploy of blue on ep-kill succeeded' "said"
is "$(versions models)/$(versions codes)/$(versions environments)" 1/1/1 "one version of each"
is "$(requests PUT '[^"]*/onlineEndpoints/ep-kill/deployments/blue')" 1 "the deployment once"
done_testing
