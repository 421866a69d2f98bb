#!/bin/sh
# Deploy a model from the home screen, against the sandbox: the home
# entry; the target page lists the workspace's inference computes (legacy
# AKS ones dimmed and refused with the service's message and the command
# that migrates them), suggests an endpoint name and checks it as typed
# (3-32 characters; one of the workspace's on another compute refused; one
# on this compute is added to), says that v2 has no no-auth mode; the what
# page checks the model (a local file, its size said, or NAME:VERSION), the
# code folder and the scoring script inside it, and the environment; the
# resources page checks the requests against the compute's cluster (its
# nodes read from AKS): "fits N instances", or the request that does not
# fit on a node; Esc goes back keeping everything typed; the review shows
# the deploy plan and saves it as JSON.  At 80x24, 60x20 and in zh_CN.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
. "$top_srcdir/tests/i18n/locale.sh"

sandbox_start --polls 1
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
k8s_dev_compute k8s-prod aks-prod ml
k8s_dev_compute k8s-two aks-small
EP="$K8S_WSP/onlineEndpoints"
for e in ep-key:k8s-prod ep-two:k8s-two; do
	k8s_arm PUT "$EP/${e%%:*}?api-version=2024-10-01" "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"authMode\":\"Key\",\"compute\":\"$K8S_WSP/computes/${e#*:}\"}}"
	k8s_wait
done
printf 'sklearn model\n' > "$work/model.pkl"		# 14 bytes
mkdir -p "$work/src"
printf 'def init():\n    pass\n' > "$work/src/score.py"

# Home: the entry is last but Quit.
steps '
	:save-state home.state
	<Down><Down><Enter>
	:save-display target.screen
	<Up><Up>
	:save-display legacy.screen
	<Down><Down><Tab><C-u>ep
	:save-display short.screen
	<C-u>ep-two
	:save-display other.screen
	<C-u>ep-key
	:save-display existing.screen
	<C-u>my-ep<Enter>
	<Enter>
	:save-display what-empty.screen
	model.pkl<Down>src<Down>../score.py<Down><Down>img:1
	:save-display what-bad.screen
	<Up><Up><C-u>score.py
	:save-display what.screen
	<Enter>
	:save-display resources.screen
	<Down>500m<Down>100Gi
	:save-display nofit.screen
	<C-u>1Gi
	:save-display fit.screen
	<Esc><Esc>
	:save-state back.state
	<Enter><Enter>
	<Down><Down><Down><Down><Right>
	:save-display autoscale.screen
	<Left><Enter>
	:save-display review.screen
	<C-s><C-u>plan.json<Enter>
	:save-state saved.state
	<Down><Down><Enter>
	:save-display az.screen
	<End>
	:save-display az-end.screen
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^item: deploy$' home.state "home offers Deploy a model"
assert_equals target.screen "the target page: inference computes, the Kubernetes one chosen" <<EOF
 Deploy a model                                                     Step 1 of 3
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Where: compute and endpoint

    inf-created          AKS (legacy: migrate it first)
    inf-attached         AKS (legacy: migrate it first)
    inf-failed           AKS (legacy: migrate it first)
  › k8s-prod             Kubernetes
    k8s-two              Kubernetes

    Endpoint    [k8s-prod-ep                                     ]
    Deployment  [blue                                            ]
    Auth mode   (•) key   ( ) aml_token
  Endpoints on this compute (type a name to add to one): ep-key
  No authentication (the old auth_enabled=False) does not exist in v2: key or
  aml_token.






 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals legacy.screen "a legacy AKS compute is refused with the way out" <<EOF
 Deploy a model                                                     Step 1 of 3
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Where: compute and endpoint

    inf-created          AKS (legacy: migrate it first)
  › inf-attached         AKS (legacy: migrate it first)
    inf-failed           AKS (legacy: migrate it first)
    k8s-prod             Kubernetes
    k8s-two              Kubernetes
  ✗ Creation of Online Endpoints or deployments on AKS compute type is no
    longer supported. inf-attached is a legacy AKS compute: move it onto a
    Kubernetes compute with "akswiz plan new migrate inf-attached".
    m migrates it now, on the same AKS cluster.

    Endpoint    [inf-attached-ep                                 ]
    Deployment  [blue                                            ]
    Auth mode   (•) key   ( ) aml_token
  A new endpoint is created for the deployment.
  No authentication (the old auth_enabled=False) does not exist in v2: key or
  aml_token.


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep 'must be 3 to 32' short.screen "the endpoint's name is checked as typed"
assert_grep 'online endpoint ep-two is on compute' other.screen \
    "an endpoint of another compute is refused"
assert_grep 'ep-key exists on this compute' existing.screen \
    "an endpoint of this compute is added to"
assert_equals what-empty.screen "the what page: Next refused, what is missing said" <<EOF
 Deploy a model                                                     Step 2 of 3
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  What: model, code, environment

  › Model           [                                                ]
                    ✗ --model is required to deploy.
    Code            [                                                ]
    Scoring script  [                                                ]
    Environment     [                                                ]
                    ✗ --environment is required to deploy.
    or image        [                                                ]
    Conda file      [                                                ]

  The workspace has no registered model: type a local file or folder.







 Fix what is marked first.
 Enter next  Esc back  F4 pick  F1 keys  Ctrl-C quit
EOF
assert_equals what-bad.screen "the scoring script must be inside the code folder" <<EOF
 Deploy a model                                                     Step 2 of 3
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  What: model, code, environment

    Model           [model.pkl                                       ]
    Code            [src                                             ]
    Scoring script  [../score.py                                     ]
    Environment     [                                                ]
  › or image        [img:1                                           ]
    Conda file      [                                                ]

  ✓ model.pkl: a file of 14 bytes
  ✗ ../score.py: the scoring script must be inside the code folder.









 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep 'model.pkl: a file of 14 bytes' what.screen "the model file and its size"
assert_grep 'src/score.py: the scoring script' what.screen "the scoring script found"
assert_equals resources.screen "the resources page: the compute's cluster read" <<EOF
 Deploy a model                                                     Step 3 of 3
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Resources and scale

  › Instance type       [                                                ]
    CPU request         [                                                ]
    Memory request      [                                                ]
    CPU limit           [                                                ]
    Memory limit        [                                                ]
    GPU                 [                                                ]
    Scale               (•) fixed count   ( ) autoscale
    Instances           [1                                               ]
    Request timeout ms  [                                                ]
    Max concurrent      [                                                ]
    Max queue wait ms   [                                                ]
    App Insights        [ ]
    Probes              (•) defaults   ( ) custom

  The cluster: 3 nodes of Standard_D4s_v3, Kubernetes 1.29.4. Give requests to
  see how many instances fit.


 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep 'memory request (102400Mi) does not fit on one' nofit.screen \
    "a request that does not fit on a node"
assert_grep 'Fits 18 instances on the cluster' fit.screen "how many instances fit"
assert_grep '^page: 1$' back.state "Esc went back to the first page"
assert_grep '^endpoint: my-ep$' back.state "keeping the endpoint"
assert_grep '^model: model.pkl$' back.state "the model"
assert_grep '^script: score.py$' back.state "the script"
assert_grep '^memory: 1Gi$' back.state "and the requests"
assert_equals autoscale.screen "autoscale: its own fields" <<EOF
 Deploy a model                                                     Step 3 of 3
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Resources and scale

    Instance type         [                                                ]
    CPU request           [500m                                            ]
    Memory request        [1Gi                                             ]
    CPU limit             [                                                ]
    Memory limit          [                                                ]
    GPU                   [                                                ]
  › Scale                 ( ) fixed count   (•) autoscale
    Minimum instances     [                                                ]
    Maximum instances     [                                                ]
    Target utilization %  [                                                ]
    Polling interval s    [                                                ]
    Request timeout ms    [                                                ]
    Max concurrent        [                                                ]
    Max queue wait ms     [                                                ]
    App Insights          [ ]

  ✓ Fits 18 instances on the cluster's 3 nodes of Standard_D4s_v3.

 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals review.screen "the review of the deploy" <<EOF
 Review the plan                                                         Deploy
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       k8s-prod
    Endpoint           my-ep (auth key)
    Deployment         blue
    Model              model.pkl
    Scoring script     src/score.py
    Environment        image img:1, conda -
    Resources          CPU 500m, memory 1Gi
    Scale              1 instance

  Nothing known stands in the way of this plan.





 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
assert_grep '"operation": "deploy"' plan.json "the saved plan is a deploy"
assert_grep '"endpointName": "my-ep"' plan.json "of endpoint my-ep"
assert_grep '"model": "model.pkl"' plan.json "the model"
assert_grep '"scoringScript": "score.py"' plan.json "the scoring script"
assert_grep '"memory": "1Gi"' plan.json "the memory request"
assert_grep '"name": "k8s-prod"' plan.json "on compute k8s-prod"
assert_grep '^  az ml online-endpoint create --file endpoint.yml' az.screen \
    "the review's az export: the endpoint"
assert_grep 'az ml online-deployment create' az-end.screen "and the deployment"

# m on a legacy AKS compute: browse's migrate form in place, Esc leaves it,
# Enter reviews the migration; nothing is sent before Submit.
steps '
	<Down><Down><Enter>
	<Up><Up><Up>
	:save-display offer.screen
	m
	:save-display migrate.screen
	<Esc>
	:save-state unmigrated.state
	m<Enter>
	:save-display migrate-review.screen
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep 'm migrates it now, on the same AKS cluster' offer.screen \
    "a legacy compute: m offered"
assert_grep 'Migrate inf-created to a Kubernetes compute on the same AKS' \
    migrate.screen "m: the migrate form"
assert_grep '^page: 1$' unmigrated.state "Esc: back on the page"
assert_grep '^ Review the plan  *Migrate$' migrate-review.screen \
    "Enter: the migration's review"
assert_grep 'New name  *inf-created-k8s' migrate-review.screen \
    "to inf-created-k8s"
if grep -a '"user-agent":"akswiz' "$work/journal.log" |
    grep -q -E '"method":"(PUT|PATCH|DELETE)"'; then
	not_ok "nothing was changed"
else
	ok "nothing was changed"
fi

# Offline: the compute's name is typed, the endpoint's suggested from it,
# and the review (which cannot submit) shows the plan.
steps '
	<Down><Down><Enter>
	:save-display offline.screen
	k8s-x<Enter>
	m:1<Down><Down><Down>e:1<Enter>
	<Enter>
	:save-display offline-review.screen
'
AKSWIZ_OFFLINE=1 run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_grep "Offline: type the compute's name" offline.screen \
    "offline: the compute is typed"
assert_grep 'Endpoint  *k8s-x-ep (auth key)' offline-review.screen \
    "the endpoint suggested from it, in the review"

# A number field that cannot be read ("-1", "abc") is marked with what was
# typed: never taken for "not given" (-1), never judged as a 0 nobody typed.
number_steps() {	# number_steps TEXT NAME
	steps "
		<Down><Down><Enter>
		k8s-x<Enter>
		m:1<Down><Down><Down>e:1<Enter>
		<Down><Down><Down><Down><Down><Down><Down><C-u>$1
		:save-display $2.screen
		<Enter>
		:save-display $2-next.screen
	"
}
for typed in -1 abc; do
	number_steps "$typed" "number$typed"
	AKSWIZ_OFFLINE=1 run_akswiz -w ws1 -g rg1 --subscription $SUB
	assert_status 0
	assert_grep "^  › Instances  *\[$typed  *\]\$" "number$typed.screen" \
	    "$typed typed in the instances"
	assert_grep '✗ Instances must be a whole number, 0 or more, not$' \
	    "number$typed.screen" "$typed: marked under the field"
	assert_grep "^  *\"$typed\"\\.\$" "number$typed.screen" \
	    "$typed: with what was typed"
	assert_no_grep 'it is 0' "number$typed.screen" \
	    "$typed: never the verdict on a 0 nobody typed"
	assert_grep '^ Fix what is marked first\.' "number$typed-next.screen" \
	    "$typed: Enter does not go on to the review"
done
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	number_steps abc number-zh
	COLUMNS=60 LINES=20 LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 \
	    AKSWIZ_OFFLINE=1 run_akswiz -w ws1 -g rg1 --subscription $SUB
	assert_status 0
	assert_grep '“abc”' number-zh.screen \
	    "zh_CN at 60x20: what was typed, in the message"
else
	ok "# SKIP zh_CN.UTF-8 or its catalogs missing"
fi

# A memory of a bare number is bytes to Kubernetes: "1" (the guide's
# memory_gb=1) is warned of under the field, with the units to write,
# and does not stop the review.
steps '
	<Down><Down><Enter>
	k8s-x<Enter>
	m:1<Down><Down><Down>e:1<Enter>
	<Down>0.5<Down>1
	:save-display memory-bare.screen
	<Enter>
	:save-display memory-bare-review.screen
'
AKSWIZ_OFFLINE=1 run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_grep '^ *! The memory "1" has no unit, so Kubernetes reads it$' \
    memory-bare.screen "memory 1: warned under the field"
assert_grep '^ *as bytes; for gibibytes give "1Gi", for mebibytes$' \
    memory-bare.screen "with the units to write"
assert_grep '^ Review the plan' memory-bare-review.screen \
    "a warning does not stop the review"

# A value longer than a row in a field's message goes on over rows,
# never cut: the image typed into the environment field by mistake.
IMG=mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest
steps "
	<Down><Down><Enter>
	k8s-x<Enter>
	m:1<Down><Down><Down>$IMG
	:save-display long.screen
"
COLUMNS=60 LINES=20 AKSWIZ_OFFLINE=1 run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_status 0
sed -n 's/^ *//p' long.screen | tr -d '\n' >long.joined
assert_grep "\"$IMG\" is not NAME:VERSION" long.joined \
    "60x20: the image whole in the environment's message, over rows"
assert_no_grep '✗.*…' long.screen "no message cut with a mark"

# Ctrl-C with something typed asks first; another key stays.
steps '
	<Down><Down><Enter>
	<Tab>x
	<C-c>
	:save-display quit-ask.screen
	n
	:save-state stayed.state
'
run_akswiz $SB_ARGS
assert_grep 'Quit and lose the unsaved plan?' quit-ask.screen \
    "typed: Ctrl-C asks first"
assert_grep '^endpoint: k8s-prod-epx$' stayed.state "n stays, with what was typed"

# --readonly: a deploy changes Azure, so home does not offer it.
steps '
	:save-state ro-home.state
'
run_akswiz --readonly $SB_ARGS
assert_status 0
assert_no_grep '^item: deploy$' ro-home.state "--readonly: no Deploy a model"

# 60x20: every page whole.
steps '
	<Down><Down><Enter>
	:save-display target-small.screen
	<F1>
	:save-display help-small.screen
	<Esc><Enter>
	model.pkl<Down><Down><Down><Down>img:1
	:save-display what-small.screen
	<Enter><Down>250m<Down>1Gi
	:save-display resources-small.screen
'
COLUMNS=60 LINES=20 run_akswiz $SB_ARGS
assert_status 0
assert_equals target-small.screen "60x20: the target page" <<EOF
 Deploy a model                                 Step 1 of 3
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  Where: compute and endpoint

    inf-attached         AKS (legacy: migrate it first)  ↑
    inf-failed           AKS (legacy: migrate it first)
  › k8s-prod             Kubernetes                      ↓

    Endpoint    [k8s-prod-ep                             ]
    Deployment  [blue                                    ]
    Auth mode   (•) key   ( ) aml_token
  Endpoints on this compute (type a name to add to one):
  ep-key
  No authentication (the old auth_enabled=False) does not
  exist in v2: key or aml_token.



 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep 'Keys of this page: Where' help-small.screen "F1: the keys of the page"
assert_grep 'a new endpoint.s name, or one of this' help-small.screen \
    "what typing does there"
assert_equals what-small.screen "60x20: the what page" <<EOF
 Deploy a model                                 Step 2 of 3
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  What: model, code, environment

    Model           [model.pkl                           ]
    Code            [                                    ]
    Scoring script  [                                    ]
    Environment     [                                    ]
  › or image        [img:1                               ]
    Conda file      [                                    ]

  ✓ model.pkl: a file of 14 bytes






 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals resources-small.screen "60x20: the resources page, the fit whole" <<EOF
 Deploy a model                                 Step 3 of 3
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  Resources and scale

    Instance type       [                                ]
    CPU request         [250m                            ]
  › Memory request      [1Gi                             ]
    CPU limit           [                                ]
    Memory limit        [                                ]
    GPU                 [                                ]
    Scale               (•) fixed count   ( ) autoscale
    Instances           [1                               ]
    Request timeout ms  [                                ]
    Max concurrent      [                                ]

  ✓ Fits 34 instances on the cluster's 3 nodes of
    Standard_D4s_v3.

 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF

# The probes: the service's defaults, or custom fields checked as typed
# (a liveness success threshold must be 1) and saved into the plan.
steps '
	<Down><Down><Enter>
	<Tab><C-u>ep-probe<Enter>
	model.pkl<Down><Down><Down><Down>img:1<Enter>
	<Down>250m<Down>1Gi<Down><Down><Down><Down><Down><Down><Down><Down><Down><Down>
	:save-display probes-default.screen
	<Right><Down><Down><Down><Down>3
	:save-display probes-bad.screen
	:save-state probes-bad.state
	<Backspace>1<Down><Down><Down>5
	:save-display probes-small.screen
	<F1>
	:save-display probes-help.screen
	<Esc><Enter><C-s><C-u>probes.json<Enter>
'
COLUMNS=60 LINES=20 run_akswiz $SB_ARGS
assert_status 0
assert_grep 'Probes  *(•) defaults   ( ) custom' probes-default.screen \
    "the probes: the service's defaults at first"
assert_no_grep 'Liveness' probes-default.screen "no probe field shown then"
assert_grep 'A liveness probe.s success threshold must be 1, as' \
    probes-bad.screen "a liveness success threshold of 3 refused as typed"
assert_grep '^verdict: error deploy.livenessProbe.successThreshold DEPLOY_PROBE_LIVENESS_SUCCESS$' \
    probes-bad.state "by core's rule, on its field"
assert_grep 'Readiness period s  *\[5 ' probes-small.screen \
    "60x20: the page scrolls to the readiness fields"
assert_grep 'on Probes: the service.s default' probes-help.screen \
    "F1 says what the Probes choice does"
assert_grep '"livenessProbe": {' probes.json "the saved plan has the liveness probe"
assert_grep '"successThreshold": 1' probes.json "with its success threshold"
assert_grep '"periodSeconds": 5' probes.json "and the readiness period"

if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		<Down><Down><Enter>
		:save-display target-zh.screen
		<Enter>model.pkl<Down><Down><Down><Down>img:1<Enter>
		<Down>250m<Down>1Gi
		:save-display resources-zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz $SB_ARGS
	assert_status 0
	assert_equals target-zh.screen "zh_CN: the target page by display width" <<EOF
 部署模型                                                       第 1 步,共 3 步
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

  位置: 计算目标和终结点

    inf-created          AKS(旧版: 请先迁移)
    inf-attached         AKS(旧版: 请先迁移)
    inf-failed           AKS(旧版: 请先迁移)
  › k8s-prod             Kubernetes
    k8s-two              Kubernetes

    终结点        [k8s-prod-ep                                     ]
    部署          [blue                                            ]
    身份验证模式  (•) key   ( ) aml_token
  此计算目标上的终结点(输入名称以添加到其中之一): ep-key
  v2 中没有“无身份验证”(旧的 auth_enabled=False): 请选择 key 或 aml_token。







 Enter 下一步  Esc 返回  Tab 移动  F1 按键  Ctrl-C 退出
EOF
	assert_equals resources-zh.screen "zh_CN: the resources page" <<EOF
 部署模型                                                       第 3 步,共 3 步
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

  资源和缩放

    实例类型            [                                                ]
    CPU 请求            [250m                                            ]
  › 内存请求            [1Gi                                             ]
    CPU 限制            [                                                ]
    内存限制            [                                                ]
    GPU                 [                                                ]
    缩放                (•) 固定实例数   ( ) 自动缩放
    实例数              [1                                               ]
    请求超时(毫秒)      [                                                ]
    最大并发请求数      [                                                ]
    最大队列等待(毫秒)  [                                                ]
    App Insights        [ ]
    探测                (•) 默认   ( ) 自定义

  ✓ 可容纳 34 个实例(群集的 3 个 Standard_D4s_v3 节点)。



 Enter 审阅  Esc 返回  Tab 移动  F1 按键  Ctrl-C 退出
EOF
else
	ok "# SKIP zh_CN.UTF-8 or its catalogs missing"
fi

# The workspace's registered models: listed on the What page, and a
# NAME:VERSION it does not have refused as typed.
for v in 1 3; do
	k8s_arm PUT "$K8S_WSP/models/sk/versions/$v?api-version=2024-10-01" "{\"properties\":{\"modelUri\":\"azureml://subscriptions/$(sb_ready subscriptionId)/resourcegroups/ml-rg/workspaces/ml-workspace/datastores/workspaceblobstore/paths/LocalUpload/sk/model.pkl\"}}"
done
steps '
	<Down><Down><Enter>
	<Tab><C-u>ep-assets<Enter>
	sk:2
	:save-display registered.screen
	<C-u>nope:1
	:save-display unregistered.screen
'
run_akswiz $SB_ARGS
assert_grep "^  F4 picks the workspace's 1 registered model, or type a local path\.$" \
    registered.screen "the registered models offered"
assert_no_grep 'has no model' registered.screen "sk:2 (3 is the latest) taken"
assert_grep 'The workspace has no model nope:1' unregistered.screen \
    "a model the workspace does not have refused as typed"
assert_grep 'sk:2: a registered model' registered.screen \
    "the one it has noted as registered"
assert_no_grep 'nope:1: a registered model' unregistered.screen \
    "the one it does not have never called registered"
tap_done
