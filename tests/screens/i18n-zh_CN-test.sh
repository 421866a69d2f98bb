#!/bin/sh
# The create wizard in Simplified Chinese (zh_CN.UTF-8) at 80x24: every step, the
# verdicts and the review are translated and laid out by display width
# (columns line up, wrapping never cuts a double-width character).
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/i18n/locale.sh"

if ! i18n_have_locale zh_CN.UTF-8; then
	echo "1..0 # SKIP the zh_CN.UTF-8 locale is not available (locale-gen)"
	exit 0
fi
if ! i18n_locale_tree "$work/locale"; then
	echo "1..0 # SKIP no catalogs (msgfmt missing and po/*.gmo not built)"
	exit 0
fi
LC_ALL=zh_CN.UTF-8; LANG=zh_CN.UTF-8; export LC_ALL LANG

steps '
	ml-prod
	:save-display name.screen
	<Enter>
	:save-display purpose.screen
	<Enter>
	D3_v2<Tab><C-u>2
	<Enter>
	:save-display size.screen
	+
	<Enter>
	<Right><Down>vnet-rg<Down>vnet-a
	<Enter>
	:save-display network.screen
	<Up><Up><Up><Left>
	<Enter><Enter><Enter>
	:save-display review.screen
	<F1>
	:save-display keys.screen
	<Esc>
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals name.screen "the name step: help text wrapped, the verdict translated" <<EOF
 创建推理群集                                                   第 1 步,共 6 步
 工作区 ws1 · 资源组 rg1 · 订阅 00000000-0000-0000-0000-000000000001

  计算名称
  工作区用来识别此群集的名称,以后无法更改: 3 到 24 个字母、数字和连字符;以字母
  开头,以字母或数字结尾,但不能以连字符加数字(“-01”)结尾,也不能是 amlcompute、
  local 或 containerinstance。

  › 名称  [ml-prod                                         ]

    ✓ “ml-prod”符合规则。能读取工作区时再检查它是否可用。












 Enter 下一步  Esc 返回  Tab 移动  F1 按键  Ctrl-C 退出
EOF
assert_equals purpose.screen "the purpose step: production and dev-test" <<EOF
 创建推理群集                                                   第 2 步,共 6 步
 工作区 ws1 · 资源组 rg1 · 订阅 00000000-0000-0000-0000-000000000001

  用途
  群集的用途决定了它必须有多大。

  › (•) 生产
        用于实时流量: 至少 3 个节点,共至少 12 个 vCPU,以便在更换节点时服务仍
        能继续评分。

    ( ) 开发/测试
        用于试用: 一个或多个节点。不适用于生产流量;推理可能较慢。











 Enter 下一步  Esc 返回  Tab 移动  F1 按键  Ctrl-C 退出
EOF
assert_equals size.screen "the size step: column heads aligned, the refusal translated" <<EOF
 创建推理群集                                                   第 3 步,共 6 步
 工作区 ws1 · 资源组 rg1 · 订阅 00000000-0000-0000-0000-000000000001

  VM 大小和节点
  所有节点的 VM 大小相同,以后无法更改;节点数可以更改。输入文字可筛选列表,按
  Tab 转到节点数。

  筛选: D3_v2                                                   1 / 128 个大小
  离线: 使用内置大小;配额在联机时检查。
    大小                  vCPU    GB  标记  配额 系列
  › Standard_D3_v2           4  14.0             standardDv2Family







  节点    [2     ]  区域    [                ]  +/- 节点
  ✗ 生产群集至少需要 3 个节点;此处只有 2 个节点。
  ✗ 生产群集需要节点数 x vCPU 至少为 12;2 x 4 vCPU = 8 vCPU。

 还不行: 请先修正标出的问题。
 Enter 下一步  Esc 返回  Tab 移动  F1 按键  Ctrl-C 退出
EOF
assert_equals network.screen "a custom network: the missing part named in Simplified Chinese" <<EOF
 创建推理群集                                                   第 4 步,共 6 步
 工作区 ws1 · 资源组 rg1 · 订阅 00000000-0000-0000-0000-000000000001

  网络
  “基本”由 Azure 创建虚拟网络。“高级”将群集放入现有的虚拟网络: 需要全部六项设
  置。

    网络              ( ) 基本(由 Azure 创建)   (•) 高级(您的 VNet)
    VNet 资源组       [vnet-rg                                         ]
    VNet              [vnet-a                                          ]
  › 子网              [                                                ]
                      ✗ 自定义虚拟网络需要全部六项设置(VNet 资源组、VNet、子
                        网、服务 CIDR、DNS 服务 IP、Docker 网桥 CIDR);缺少子网
                        名称。
    服务 CIDR         [10.0.0.0/16                                     ]
    DNS 服务 IP       [10.0.0.10                                       ]
    Docker 网桥 CIDR  [172.17.0.1/16                                   ]





 还不行: 请先修正标出的问题。
 Enter 下一步  Esc 返回  Tab 移动  F1 按键  Ctrl-C 退出
EOF
assert_equals review.screen "the review: the step titles make one column" <<EOF
 审阅计划                                                                  创建
 工作区 ws1 · 资源组 rg1 · 订阅 00000000-0000-0000-0000-000000000001

  › 提交
    保存计划
    显示等效的 az 命令
    显示 Python 代码片段
    显示 ARM 请求
    计算名称           ml-prod
    用途               生产
    VM 大小和节点      3 × Standard_D3_v2(共 12 个 vCPU)
    网络               基本(由 Azure 创建)
    负载均衡器         公共 IP
    TLS                已禁用

  没有已知问题会阻碍此计划。







 Enter 选择  Esc 返回  Ctrl-S 保存  F1 按键  q 退出
EOF
assert_equals keys.screen "the keys of the review screen" <<EOF
 审阅计划                                                                  创建
 工作区 ws1 · 资源组 rg1 · 订阅 00000000-0000-0000-0000-000000000001
  ── 此屏幕的按键 ────────────────────────────────────────────────────────────
    ? <F1>        显示此屏幕的按键
    q <C-c>       退出(有未保存的工作时先询问)
    <Up>          上移
    <Down>        下移
    <Enter>       确认: 选择,或转到下一步
    <Esc>         返回上一步;已输入的内容不会丢失
    <C-s>         保存计划

    按任意键关闭。
  ────────────────────────────────────────────────────────────────────────────










 Enter 选择  Esc 返回  Ctrl-S 保存  F1 按键  q 退出
EOF
tap_done
