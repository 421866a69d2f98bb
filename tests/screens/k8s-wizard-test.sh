#!/bin/sh
# The create wizard on today's path against the sandbox, from `akswiz
# create` with no compute type given: Kubernetes is the first step's
# default and the legacy AKS compute is offered second, marked retired;
# the Kubernetes cluster's step (defaults: the compute's name, the
# workspace's group, namespace default) with AKS's name rule checked as
# typed; the router's service type with a line each, NodePort refused
# with an internal load balancer; no Microsoft certificate; the review
# and its az export (az aks create, az k8s-extension create, az ml
# compute attach);
# and the progress screen following the three steps (cluster, extension,
# compute) to Succeeded, one PUT of each in the sandbox's journal.  At
# 80x24, 60x20 and in zh_CN.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/i18n/locale.sh"

CLUSTERS='[^"]*/providers/Microsoft.ContainerService/managedClusters'

# puts ERE: how many PUTs of paths matching ERE the sandbox received.
puts() {
	grep -c -E "\"method\":\"PUT\",\"path\":\"$1\"" "$work/journal.log"
}

sandbox_start --polls 3
steps '
	:save-display type.screen
	:save-state type.state
	<Enter>
	ml-k8s<Enter>
	:save-display aks.screen
	<Enter><Enter><Enter><Enter>
	<Right><Tab><Right>
	:save-display lb.screen
	<Enter>
	:save-state lb.state
	<Left><S-Tab><Left><Enter>
	:save-display tls.screen
	<Enter>
	:save-display review.screen
	<Down><Down><Enter>
	w
	<Esc><Up><Up><Enter>
	:save-display done.screen
	:save-state done.state
'
run_akswiz create $SB_ARGS
assert_status 0
assert_equals type.screen "the first step: Kubernetes by default, the legacy type second and retired" <<EOF
 Create inference cluster                                           Step 1 of 8
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Compute type
  How the workspace runs the cluster. Kubernetes is today's path; Azure
  Machine Learning no longer creates AKS computes nor deploys models to them.

  › (•) Kubernetes
        Today's path: an AKS cluster with the Azure Machine Learning
        extension, attached as a Kubernetes compute.

    ( ) AKS (legacy, retired)
        Retired: Azure Machine Learning refuses new AKS computes and
        deployments to them. Only for a workspace that still accepts it.









 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^computeType: Kubernetes' type.state "the plan is of today's path"
assert_equals aks.screen "the cluster's step: its defaults said in full" <<EOF
 Create inference cluster                                           Step 3 of 8
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Kubernetes cluster
  akswiz creates this AKS cluster, installs the Azure Machine Learning
  extension on it and attaches it in the namespace. Empty fields take the
  compute's name and the workspace's resource group.

  › Cluster name    [                                                ]
    Resource group  [                                                ]
    Namespace       [default                                         ]

    ✓ Cluster ml-k8s in resource group ml-rg, compute in namespace default.










 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals lb.screen "the router's service types, each explained; NodePort with an internal balancer refused" <<EOF
 Create inference cluster                                           Step 7 of 8
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Load balancer
  A public IP makes the scoring endpoint reachable from the internet; an
  internal load balancer takes an address in the subnet of the cluster's
  nodes. The router's service type says how the router is exposed.

    Load balancer   ( ) Public IP   (•) Internal
  › Router service  ( ) LoadBalancer   (•) NodePort   ( ) ClusterIP
                    ✗ An internal load balancer cannot be combined with the
                      NodePort service type; choose LoadBalancer, or a public
                      load balancer.

    LoadBalancer: an Azure load balancer gives the router its address, public
    or internal (the default).
    NodePort: the router listens on a port of every node; no load balancer,
    and not with an internal one.
    ClusterIP: the router is reachable only from inside the cluster.




 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^verdict: error inferenceRouterServiceType K8S_NODEPORT_INTERNAL' \
    lb.state "Next is refused on NodePort with an internal balancer"
assert_grep '^step: lb' lb.state "and the wizard stays on the load balancer"
assert_equals tls.screen "TLS: no Microsoft certificate, off warns of plain HTTP" <<EOF
 Create inference cluster                                           Step 8 of 8
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  TLS
  Scoring can use HTTPS with your own certificate for your own host name
  (CNAME), or plain HTTP. A certificate issued by Microsoft exists only on the
  legacy AKS path.

  › TLS  (•) Disabled   ( ) Custom certificate
         ! TLS is off: scoring requests and their answers travel as plain
           HTTP.












 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals review.screen "the review: compute type, cluster, router" <<EOF
 Review the plan                                                         Create
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute type       Kubernetes
    Compute name       ml-k8s
    Kubernetes cluster ml-k8s, group ml-rg, namespace default
    Purpose            Production
    VM size and nodes  3 × Standard_D3_v2 (12 vCPU in total), in eastus
    Network            Basic (Azure creates it)
    Load balancer      Public IP, router LoadBalancer
    TLS                Disabled

  No errors; 1 warning to read:
  ! TLS is off: scoring requests and their answers travel as plain HTTP.




 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
az=state/akswiz/exports/ml-k8s-az.sh
assert_grep '^az aks create' $az "the review's az export: az aks create"
assert_grep '^az k8s-extension create' $az "then az k8s-extension create"
assert_grep '^az ml compute attach' $az "then az ml compute attach"
assert_equals done.screen "progress: the three steps, each with its state and time" <<EOF
 Created ml-k8s                                                       Succeeded
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Succeeded
  Elapsed   0 s (it usually takes about 10 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-k8s-RANDOM.json

  1.  create the AKS cluster                           Succeeded    0 s
  2.  install the Azure Machine Learning extension     Succeeded    0 s
  3.  attach the cluster as a Kubernetes compute       Succeeded    0 s

           0 s  Creating     step 2 of 3: install the Azure Machine Learning …
           0 s  InProgress   step 2 of 3: install the Azure Machine Learning …
           0 s  Succeeded    step 2 of 3: install the Azure Machine Learning …
           0 s  Creating     step 3 of 3: attach the cluster as a Kubernetes …
           0 s  InProgress   step 3 of 3: attach the cluster as a Kubernetes …
           0 s  Succeeded    step 3 of 3: attach the cluster as a Kubernetes …

  ✓ create of ml-k8s succeeded.



 Enter quit  Esc quit
EOF
assert_grep '^step: 1 create cluster Succeeded' done.state "step 1 succeeded"
assert_grep '^step: 2 install extension Succeeded' done.state "step 2 succeeded"
assert_grep '^step: 3 attach Succeeded' done.state "step 3 succeeded"
assert_grep '^result: succeeded' done.state "the create succeeded"
if [ "$(puts "$CLUSTERS/ml-k8s")/$(puts "$CLUSTERS/ml-k8s/providers/Microsoft.KubernetesConfiguration/extensions/azureml")/$(puts '[^"]*/computes/ml-k8s')" = 1/1/1 ]; then
	ok "one PUT of the cluster, of the extension, of the compute"
else
	not_ok "one PUT of the cluster, of the extension, of the compute"
fi
assert_grep '"method":"PUT","path":"[^"]*/computes/ml-k8s".*"computeType":"Kubernetes"' \
    "$work/journal.log" "the compute is of type Kubernetes"
assert_no_grep '"method":"PUT","path":"[^"]*/computes/ml-k8s".*"computeType":"AKS"' \
    "$work/journal.log" "no legacy compute is asked for"

# A cluster name AKS refuses, as typed, at 60x20.
sandbox_start --polls 3
steps '
	<Enter>
	ml-k8s<Enter>
	-bad<Enter>
	:save-display aks-small.screen
	<C-u><Enter><Enter><Enter><Enter>
	<Right><Tab><Right>
	:save-display lb-small.screen
	<Left><S-Tab><Left><Enter><Enter><Enter>
	:save-display done-small.screen
'
COLUMNS=60 LINES=20 run_akswiz create $SB_ARGS
assert_status 0
assert_equals aks-small.screen "60x20: AKS's cluster name rule, as typed" <<EOF
 Create inference cluster                       Step 3 of 8
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  Kubernetes cluster
  F1 explains this step and its keys.

  › Cluster name    [-bad                                ]
    ✗ The AKS cluster name must be 1 to 63 letters,
      digits, hyphens and underscores, starting and ending
      with a letter or a digit; "-bad" is not.
    Resource group  [                                    ]
    Namespace       [default                             ]






 Not yet: fix what is marked first.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals lb-small.screen "60x20: the chosen service type's line only" <<EOF
 Create inference cluster                       Step 7 of 8
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  Load balancer
  F1 explains this step and its keys.

    Load balancer   ( ) Public IP   (•) Internal
  › Router service  ( ) LoadBalancer   (•) NodePort
                    ( ) ClusterIP
    ✗ An internal load balancer cannot be combined with
      the NodePort service type; choose LoadBalancer, or a
      public load balancer.

    NodePort: the router listens on a port of every node;
    no load balancer, and not with an internal one.




 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals done-small.screen "60x20: the three steps fit" <<EOF
 Created ml-k8s                                   Succeeded
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  State     Succeeded
  Elapsed   0 s (it usually takes about 10 minutes)
  Journal   WORK/state/akswiz/operat
            ions/20300101T000000Z-ml-k8s-RANDOM.json

  1.  create the AKS cluster       Succeeded    0 s
  2.  install the Azure Machine    Succeeded    0 s
      Learning extension
  3.  attach the cluster as a      Succeeded    0 s
      Kubernetes compute


  ✓ create of ml-k8s succeeded.



 Enter quit  Esc quit
EOF

# A legacy create the sandbox refuses, as Azure does today: the progress
# screen offers the compute type again with Kubernetes chosen, and the
# same plan goes on to a Kubernetes compute.
sandbox_start --polls 3
steps '
	ml-old<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
	:save-display refused.screen
	<Enter>
	:save-display back.screen
	:save-state back.state
	<Enter><Enter><Enter><Enter><Enter><Enter><Enter><Enter><Enter>
	:save-state routed.state
'
run_akswiz create --compute-type AKS $SB_ARGS
assert_status 0
assert_equals refused.screen "the legacy refusal, its hint, and the way to today's path" <<EOF
 Could not create ml-old                                                 Failed
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Failed
  Elapsed   0 s (it usually takes about 10 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-old-RANDOM.json

           0 s  Failed

  ✗ create of ml-old failed: BadRequest: The request is invalid.
    NotSupported: Creation of new computes of type AKS is no longer supported.
    Use compute type Kubernetes: create the AKS cluster, install the Azure
    Machine Learning extension (Microsoft.AzureML.Kubernetes) on it and attach
    it as a Kubernetes compute.
    Azure Machine Learning no longer creates AKS computes: create a Kubernetes
    compute instead (--compute-type Kubernetes, the default).

  Enter goes back to the compute type with Kubernetes chosen; nothing typed is
  lost.



 Enter fix it  Esc quit
EOF
assert_grep '^ Create inference cluster  *Step 1 of 8$' back.screen \
    "Enter: back at the compute type"
assert_grep '^  › (•) Kubernetes$' back.screen "with Kubernetes chosen"
assert_grep '^name: ml-old$' back.state "nothing typed is lost"
assert_grep '^computeType: Kubernetes' back.state "the plan is of today's path now"
assert_grep '^result: succeeded' routed.state "and goes on to a Kubernetes compute"
assert_grep '"method":"PUT","path":"[^"]*/managedClusters/ml-old"' \
    "$work/journal.log" "whose AKS cluster the sandbox received"

if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	sandbox_start --polls 3
	steps '
		<Enter>
		ml-k8s<Enter><Enter><Enter><Enter><Enter><Enter><Enter>
		:save-display review-zh.screen
		<Enter>
		:save-display done-zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz create $SB_ARGS
	assert_status 0
assert_equals review-zh.screen "zh_CN: the review, columns by display width" <<EOF
 审阅计划                                                                  创建
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

  › 提交
    保存计划
    显示等效的 az 命令
    显示 Python 代码片段
    显示 ARM 请求
    计算类型           Kubernetes
    计算名称           ml-k8s
    Kubernetes 群集    ml-k8s,资源组 ml-rg,命名空间 default
    用途               生产
    VM 大小和节点      3 × Standard_D3_v2(共 12 个 vCPU),位于 eastus
    网络               基本(由 Azure 创建)
    负载均衡器         公共 IP,路由器 LoadBalancer
    TLS                已禁用

  没有错误;有 1 个警告需要阅读:
  ! TLS 已关闭: 评分请求及其应答以明文 HTTP 传输。




 Enter 选择  Esc 返回  Ctrl-S 保存  F1 按键  q 退出
EOF
assert_equals done-zh.screen "zh_CN: the three steps by display width" <<EOF
 已创建 ml-k8s                                                        Succeeded
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

  状态      Succeeded
  已用时间  0 秒(通常需要约 10 分钟)
  日志      WORK/state/akswiz/operations/20300101T000000
            Z-ml-k8s-RANDOM.json

  1.  创建 AKS 群集                                    Succeeded    0 秒
  2.  安装 Azure Machine Learning 扩展                 Succeeded    0 秒
  3.  将群集附加为 Kubernetes 计算目标                 Succeeded    0 秒

          0 秒  Creating     第 2 步,共 3 步: 安装 Azure Machine Learning 扩展
          0 秒  InProgress   第 2 步,共 3 步: 安装 Azure Machine Learning 扩展
          0 秒  Succeeded    第 2 步,共 3 步: 安装 Azure Machine Learning 扩展
          0 秒  Creating     第 3 步,共 3 步: 将群集附加为 Kubernetes 计算目标
          0 秒  InProgress   第 3 步,共 3 步: 将群集附加为 Kubernetes 计算目标
          0 秒  Succeeded    第 3 步,共 3 步: 将群集附加为 Kubernetes 计算目标

  ✓ ml-k8s 的 create 操作已成功。



 Enter 退出  Esc 退出
EOF
else
	ok "# SKIP zh_CN.UTF-8 or its catalogs missing"
fi
tap_done
