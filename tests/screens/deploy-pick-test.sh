#!/bin/sh
# The deploy screens' pickers, against the sandbox: F4 on the endpoint
# lists this compute's endpoints (auth mode, state, deployments) and Enter
# puts one in the field with its auth mode; F4 on the model lists the
# workspace's registered models (latest version, type and path), typing
# filters, Esc goes back with the field as it was typed, Enter picks
# NAME:VERSION; F4 on the environment lists its environments (image); a
# local path typed still works.  A list the service refuses, and an empty
# one, are said under the field, which stays.  At 80x24, 60x20, zh_CN.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/screens/deploy-world.sh"
. "$top_srcdir/tests/i18n/locale.sh"

V='?api-version=2024-10-01'
pick_world() {
	deploy_world "$@"
	for m in sk:1 sk:3 other:2; do
		k8s_arm PUT "$K8S_WSP/models/${m%%:*}/versions/${m#*:}$V" '{"properties":{"modelType":"custom_model","modelUri":"azureml://datastores/workspaceblobstore/paths/'"${m%%:*}"'/model.pkl"}}'
	done
	k8s_arm PUT "$K8S_WSP/environments/sklearn-env/versions/4$V" '{"properties":{"image":"mcr.microsoft.com/azureml/sklearn:latest"}}'
	k8s_arm PUT "$K8S_WSP/onlineEndpoints/ep-key$V" '{"location":"eastus","identity":{"type":"SystemAssigned"},"properties":{"authMode":"AMLToken","compute":"'"$K8S_WSP"'/computes/k8s-prod"}}'
	k8s_wait
	k8s_arm PUT "$K8S_WSP/onlineEndpoints/ep-key/deployments/blue$V" '{"location":"eastus","properties":{"endpointComputeType":"Kubernetes","model":"'"$K8S_WSP"'/models/sk/versions/1","environmentId":"'"$K8S_WSP"'/environments/sklearn-env/versions/4"}}'
	k8s_wait
}

pick_world
steps '
	<Down><Down><Enter>
	<Tab>
	:save-display target.screen
	<F4>
	:save-display ep-pick.screen
	:save-state ep-pick.state
	<Enter>
	:save-state ep-picked.state
	<Enter>
	:save-display what.screen
	mo
	<F4>
	:save-display model-pick.screen
	:save-state model-pick.state
	qsk
	:save-display filtered.screen
	<Esc>
	:save-state esc.state
	<F4>oth<Enter>
	:save-state picked.state
	<Down><Down><Down>
	:save-display env-field.screen
	<F4>
	:save-display env-pick.screen
	<Enter>
	:save-state env.state
	<Up><Up><Up><C-u>model.pkl
	:save-state local.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep "^  F4 picks this compute's 1 endpoint, or type a new name\.$" \
    target.screen "the endpoint field says F4 picks this compute's endpoint"
assert_grep '^ Enter next  Esc back  F4 pick  F1 keys  Ctrl-C quit$' \
    target.screen "F4 among the keys on a field with a list"
assert_grep '^pick: endpoint$' ep-pick.state "F4 opens the endpoints"
assert_grep '^  Pick an endpoint of this compute$' ep-pick.screen "titled"
assert_grep '^  › ep-key  AMLToken  Succeeded  blue$' ep-pick.screen \
    "the endpoint with its auth mode, state and deployments"
assert_grep '^ Enter pick  Esc back  typing filters$' ep-pick.screen \
    "the picker's keys"
assert_grep '^endpoint: ep-key$' ep-picked.state "Enter picks the endpoint"
assert_grep '^auth: aml_token$' ep-picked.state "with its auth mode"
assert_grep '^pick: none$' ep-picked.state "and closes the list"
assert_grep '^deployment: green$' ep-picked.state \
    "ep-key has blue: the deployment's name suggested is green"
assert_grep "^  F4 picks one of the workspace's 2 registered models, or type a local path\.$" \
    what.screen "the model field says F4 picks a registered model"
assert_grep '^  Pick a registered model$' model-pick.screen "F4 opens the models"
assert_grep '^  › sk     3  custom_model azureml://datastores/workspaceblobstore/paths/sk/m…$' \
    model-pick.screen "a model: its latest version, its type and path"
assert_grep '^    other  2  custom_model ' model-pick.screen \
    "one row a model, in columns"
assert_grep '^  Filter: qsk_$' filtered.screen "typing filters (q too)"
assert_grep 'Nothing matches the filter' filtered.screen "and says when nothing matches"
assert_grep '^model: mo$' esc.state "Esc: the field as it was typed"
assert_grep '^pick: none$' esc.state "Esc closes the list"
assert_grep '^model: other:2$' picked.state "Enter picks NAME:VERSION of the filtered row"
assert_grep '^note: info other:2: a registered model$' picked.state \
    "the model picked is a registered one"
assert_grep "F4 picks the workspace's 1 environment, or give an image below\.$" \
    env-field.screen "the environment field says F4 picks"
assert_grep '^  › sklearn-env  4  mcr\.microsoft\.com/azureml/sklearn:latest$' \
    env-pick.screen "an environment with its image"
assert_grep '^environment: sklearn-env:4$' env.state "Enter picks the environment"
assert_grep '^model: model\.pkl$' local.state "a local path is still typed"
assert_grep '^note: info model\.pkl: a file of 14 bytes$' local.state \
    "and read as one"

# A deployment name the endpoint has, typed: refused under the field as
# typed, and Enter does not go on (the service would replace blue).
steps '
	<Down><Down><Enter>
	<Tab>
	<F4><Enter>
	<Tab><C-u>blue
	<Enter>
	:save-display dep-taken.screen
	:save-state dep-taken.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '✗ Endpoint ep-key already has a deployment named blue; choose$' \
    dep-taken.screen "blue typed on ep-key: refused under the field"
assert_grep '^ Fix what is marked first\.' dep-taken.screen \
    "Enter does not go on"
assert_grep '^page: 1$' dep-taken.state "still on the first page"

# 60x20, and in Chinese.
steps '
	<Down><Down><Enter>
	<Tab>
	:save-display small-target.screen
	<Enter>
	<F4>
	:save-display small.screen
'
COLUMNS=60 LINES=20 run_akswiz $SB_ARGS
assert_status 0
assert_grep "^  F4 picks this compute's 1 endpoint, or type a new name\. *$" \
    small-target.screen "60x20: the endpoint's offer"
assert_grep '^  exist in v2: key or aml_token\. *$' small-target.screen \
    "60x20: the target page still reads whole"

assert_grep '^  Pick a registered model *$' small.screen "60x20: the picker"
assert_grep '^    other  2  custom_model azureml://datastores/workspace…$' \
    small.screen "60x20: rows cut with a mark"
assert_grep '^ Enter pick  Esc back  typing filters *$' small.screen "60x20: the keys"
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		<Down><Down><Enter>
		<Tab><Enter>
		:save-display what-zh.screen
		<F4>
		:save-display pick-zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz $SB_ARGS
	assert_status 0
	assert_grep '^ Deploy a model\|^ 部署' pick-zh.screen "zh_CN: the picker's frame"
	assert_grep '^  › sk     3  custom_model ' pick-zh.screen "zh_CN: the rows"
	assert_grep 'F4' what-zh.screen "zh_CN: F4 said"
	steps '
		<Down><Down><Enter>
		<Tab><Enter>
		<F4>
		:save-display pick-zh-small.screen
	'
	COLUMNS=60 LINES=20 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 \
	    run_akswiz $SB_ARGS
	assert_status 0
	assert_grep '^  › sk     3  custom_model azureml://datastores/workspace…$' \
	    pick-zh-small.screen "zh_CN at 60x20: the rows cut by width"
else
	ok "# SKIP zh_CN.UTF-8 or its catalogs missing"
fi

# The models' list refused, no environment registered: said, fields kept.
deploy_world --faults 'GET:*/models=403'
steps '
	<Down><Down><Enter>
	<Tab><Enter>
	model.pkl
	:save-display refused.screen
	<F4>
	:save-display refused-f4.screen
	:save-state refused.state
	<Down><Down><Down>
	:save-display noenv.screen
	<F4>
	:save-state noenv.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep "^  The workspace's models could not be read (" refused.screen \
    "a refused list is said under the field"
assert_grep '^pick: none$' refused.state "F4 opens no list"
assert_grep '^model: model\.pkl$' refused.state "the field kept"
assert_grep "^  The workspace has no registered environment: give an image" \
    noenv.screen "an empty list is said under the field"
assert_grep '^pick: none$' noenv.state "F4 opens no empty list"
tap_done
