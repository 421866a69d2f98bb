#!/bin/sh
# plan new deploy --code NAME:VERSION (issue 13, "Register": a code version
# the workspace has): registered with akswiz code create, then deployed by
# reference: no upload step, the deployment's codeConfiguration.codeId the
# version's ARM ID; a version the workspace lacks refused by preflight with
# nothing written; --code with --code-path, and --code without a scoring
# script, refused by plan new; the exports name azureml:NAME:VERSION.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sb_start --polls 1
k8s_deploy_world
CODEP="[^\"]*/workspaces/ml-workspace/codes/score/versions/2"
deploy_plan() {	# deploy_plan FILE ENDPOINT FLAGS...
	f=$1 ep=$2
	shift 2
	"$AKSWIZ" plan new deploy --compute k8s-dev --endpoint-name "$ep" \
	    --deployment-name blue --model sk:1 --environment env:1 --cpu 0.5 \
	    --memory-gb 1 "$@" >"$f" 2>"$T/plan.err"
}

# 1. The code version, registered the way a user does.
mkdir -p "$T/src"
printf 'def init():\n    pass\ndef run(d):\n    return d\n' >"$T/src/score.py"
az code create --name score --version 2 --path "$T/src"
is "$rc" 0 "code create score:2: exit 0"
uploads0=$(grep -c '"path":"/mlworkspacestorage/' "$T/journal.log")

# 2. The plan names it.
deploy_plan "$T/d.json" ep-code --code score:2 --scoring-script score.py
ok $? "plan new deploy --code score:2: exit 0"
like "$T/d.json" '"code": "score:2"' "the plan keeps the reference as given"
unlike "$T/d.json" '"codePath"' "and no local folder"

# 3. Applied: nothing uploaded, the deployment on that version.
az apply "$T/d.json"
is "$rc" 0 "apply exits 0"
unlike "$T/err" 'register code' "no register step for the code"
like "$T/err" 'create deployment k8s-dev \(step 2 of 3\): Succeeded' "the endpoint and the deployment: the plan's only steps before the traffic"
is "$(grep -c '"path":"/mlworkspacestorage/' "$T/journal.log")" "$uploads0" "nothing sent to storage by the deploy"
is "$(requests POST "$CODEP/startPendingUpload")" 1 "no upload started but code create's"
is "$(requests PUT "$CODEP")" 1 "no PUT of the code version but code create's"
is "$(requests PUT '[^"]*/onlineEndpoints/ep-code/deployments/blue')" 1 "one PUT of the deployment"
grep '"method":"PUT","path":"[^"]*/onlineEndpoints/ep-code/deployments/blue"' "$T/journal.log" >"$T/put.log"
like "$T/put.log" '"codeConfiguration":\{"codeId":"/subscriptions/[^"]*/resourceGroups/[^"]*/providers/Microsoft.MachineLearningServices/workspaces/ml-workspace/codes/score/versions/2","scoringScript":"score.py"\}' "its codeId: score:2's ARM ID, with the scoring script"

# 4. A version the workspace lacks: preflight refuses, nothing written.
n0=$(k8s_writes "$T/journal.log" | wc -l)
deploy_plan "$T/m.json" ep-missing --code azureml:score:9 --scoring-script score.py
ok $? "plan new deploy --code score:9 (offline: not looked up): exit 0"
az apply "$T/m.json"
is "$rc" 3 "a code version the workspace lacks: refused (exit 3)"
like "$T/err" 'deploy.code \(--code\) +The workspace has no code azureml:score:9 \(--code\); give a registered NAME:VERSION from akswiz code list, or a local folder with --code-path\.' "said, naming the flag and akswiz code list"
is "$(k8s_writes "$T/journal.log" | wc -l)" "$n0" "nothing written"
is "$(requests PUT '[^"]*/onlineEndpoints/ep-missing')" 0 "no PUT of the endpoint"

# 5. Refused by plan new: both, and no scoring script.
deploy_plan "$T/b.json" ep-b --code score:2 --code-path "$T/src" --scoring-script score.py
is "$?" 1 "--code with --code-path: plan new refuses it (exit 1)"
like "$T/plan.err" 'deploy.code \(--code\) +Give either a registered code version \(--code\) or a local folder \(--code-path\), not both\.' "said"
deploy_plan "$T/s.json" ep-s --code score:2
is "$?" 1 "--code without --scoring-script: refused (exit 1)"
like "$T/plan.err" 'deploy.scoringScript \(--scoring-script\)' "naming --scoring-script"
deploy_plan "$T/p.json" ep-p --code ./src --scoring-script score.py
is "$?" 1 "--code with a folder: refused (exit 1)"
like "$T/plan.err" 'The code "./src" \(--code\) is not NAME:VERSION of a registered code version' "said, pointing at --code-path"

# 6. Exports.
az plan export --as az "$T/d.json"
like "$T/out" '^#   code_configuration:$' "export --as az: the code configuration"
like "$T/out" '^#     code: "azureml:score:2"$' "its code: azureml:NAME:VERSION"
az plan export --as python "$T/d.json"
like "$T/out" 'code_configuration=CodeConfiguration\(code="azureml:score:2", scoring_script="score.py"\)' "export --as python: the same"
az plan export --as arm "$T/d.json"
like "$T/out" '"codeId": "/subscriptions/[^"]*/codes/score/versions/2"' "export --as arm: the version's ID"
unlike "$T/out" 'codeVersionId' "no stand-in for an upload"
sb_stop
is "$(comp akswiz plan new deploy --code)" "--code --code-path " "completion: --code beside --code-path"
done_testing
