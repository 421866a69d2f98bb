#!/bin/sh
# The browse screen in Simplified Chinese and Swedish at 80x24, against the
# sandbox: the list's columns (translated heads and cells, cut by display
# width inside the screen), a detail pane and the keys.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/i18n/locale.sh"

if ! i18n_have_locale zh_CN.UTF-8 || ! i18n_have_locale sv_SE.UTF-8; then
	echo "1..0 # SKIP zh_CN.UTF-8 or sv_SE.UTF-8 is not available (locale-gen)"
	exit 0
fi
if ! i18n_locale_tree "$work/locale"; then
	echo "1..0 # SKIP no catalogs (msgfmt missing and po/*.gmo not built)"
	exit 0
fi
sandbox_start --polls 2
steps '
	:save-display list.screen
	<Enter>
	:save-display attached.screen
	<Esc>
	?
	:save-display keys.screen
	<Esc>
'

LC_ALL=zh_CN.UTF-8; LANG=zh_CN.UTF-8; export LC_ALL LANG
run_akswiz browse $SB_ARGS
assert_status 0 "zh_CN: browse exits 0"
assert_equals list.screen "zh_CN: the list" <<EOF
 工作区的计算目标                                                  4 个计算目标
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

  名称*        状态        用途     节点 × 大小     版本   区域    LB     TLS
› inf-attached ✓ Succeeded FastProd 3 × D4s_v3 = 12 1.29.4 eastus  内部   自定义
  inf-created  ✓ Succeeded FastProd 3 × D3_v2 = 12  1.29.4 eastus  公共   关闭
  inf-failed   ✗ Failed    FastProd 3 × DS3_v2 = 12        eastus  公共   关闭
  cpu-cluster  ✓ Succeeded [AmlCom…                        eastus















 Enter 详情  / 筛选  d 拆离  i LB  t TLS  x 删除  n 创建  a 附加  ? 按键
EOF
assert_equals attached.screen "zh_CN: an attached cluster's detail" <<EOF
 工作区的计算目标                                                  4 个计算目标
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

 inf-attached
 类型                    AKS(推理群集)
 状态                    ✓ Succeeded
 说明                    Attached AKS cluster
 来源                    已附加到工作区(拆离会保留群集)
 用途                    FastProd
 节点 × 大小 = vCPU      3 × Standard_D4s_v3 = 12
 区域                    eastus
 负载均衡器              内部,子网 aks-subnet
 TLS                     Enabled
 评分主机                scoring.contoso.example
 创建时间                2026-10-01T09:00:00.0000000+00:00
 修改时间                2026-10-01T09:00:00.0000000+00:00
 计算目标 ID             /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/r…
 AKS 群集                /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/r…
 Kubernetes 版本         1.29.4
 群集状态                Succeeded, Running
 节点池                  nodepool1: 3 × Standard_D4s_v3 (System)


 Enter 详情  / 筛选  d 拆离  i LB  t TLS  x 删除  n 创建  a 附加  ? 按键
EOF
assert_equals keys.screen "zh_CN: the keys" <<EOF
 工作区的计算目标                                                  4 个计算目标
 工作区 ml-workspace · 资源组 ml-rg · 订阅 0b1f6471-1bf0-4dda-aec3-cb9272f09590

  Up Down PgUp PgDn  移动
  Enter              打开详细信息窗格
  Esc                关闭详细信息,或返回
  /                  边输入边筛选(以 ! 开头: 不匹配的行)
  s                  按下一列排序
  r                  立即刷新(计算目标变化时自动刷新)
  d                  拆离(保留 AKS 群集)
  i                  在公共和内部负载均衡器之间切换
  t                  更改 TLS
  f                  完成计划未完成的部分(其更新)
  x                  删除工作区创建的群集
  c                  更改该群集节点池的节点数
  m                  将旧版 AKS 计算目标迁移到当前路径
  e                  计算目标的联机终结点和部署
  n                  创建群集
  a                  附加群集
  q                  退出



 按任意键关闭帮助
EOF

LC_ALL=sv_SE.UTF-8; LANG=sv_SE.UTF-8; export LC_ALL LANG
run_akswiz browse $SB_ARGS
assert_status 0 "sv: browse exits 0"
assert_equals list.screen "sv: the list" <<EOF
 Arbetsytans beräkningsmål                                      4 beräkningsmål
 Arbetsyta ml-workspace · grupp ml-rg · prenum. 0b1f6471-1bf0-4dda-aec3-cb9272…

  Namn*        Tillstånd   Syfte    Noder × storlek K8s    Region  LB     TLS
› inf-attached ✓ Succeeded FastProd 3 × D4s_v3 = 12 1.29.4 eastus  intern egen
  inf-created  ✓ Succeeded FastProd 3 × D3_v2 = 12  1.29.4 eastus  publik av
  inf-failed   ✗ Failed    FastProd 3 × DS3_v2 = 12        eastus  publik av
  cpu-cluster  ✓ Succeeded [AmlCom…                        eastus















 / filtrera  d koppla från  i LB  t TLS  x ta bort  n ny  a anslut  ? tangenter
EOF
assert_equals attached.screen "sv: an attached cluster's detail" <<EOF
 Arbetsytans beräkningsmål                                      4 beräkningsmål
 Arbetsyta ml-workspace · grupp ml-rg · prenum. 0b1f6471-1bf0-4dda-aec3-cb9272…

 inf-attached
 Typ                     AKS (härledningskluster)
 Tillstånd               ✓ Succeeded
 Beskrivning             Attached AKS cluster
 Ursprung                anslutet till arbetsytan (frånkoppling behåller
                         klustret)
 Syfte                   FastProd
 Noder × storlek = vCPU  3 × Standard_D4s_v3 = 12
 Region                  eastus
 Lastbalanserare         intern, undernät aks-subnet
 TLS                     Enabled
 Bedömningsvärd          scoring.contoso.example
 Skapat                  2026-10-01T09:00:00.0000000+00:00
 Ändrat                  2026-10-01T09:00:00.0000000+00:00
 Beräkningsmålets ID     /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/r…
 AKS-kluster             /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/r…
 Kubernetes-version      1.29.4
 Klustrets tillstånd     Succeeded, Running


 / filtrera  d koppla från  i LB  t TLS  x ta bort  n ny  a anslut  ? tangenter
EOF
assert_equals keys.screen "sv: the keys" <<EOF
 Arbetsytans beräkningsmål                                      4 beräkningsmål
 Arbetsyta ml-workspace · grupp ml-rg · prenum. 0b1f6471-1bf0-4dda-aec3-cb9272…

  Up Down PgUp PgDn  flytta
  Enter              öppna detaljpanelen
  Esc                stäng detaljerna, eller gå tillbaka
  /                  filtrera vid skrivning (! först: rader som INTE matchar)
  s                  sortera efter nästa kolumn
  r                  uppdatera nu (automatiskt medan ett beräkningsmål ändras)
  d                  koppla från (AKS-klustret behålls)
  i                  växla mellan offentlig och intern lastbalanserare
  t                  ändra TLS
  f                  slutför det som en plan lämnade ogjort (dess uppdatering)
  x                  ta bort ett kluster som arbetsytan skapade
  c                  ändra antalet noder i klustrets nodpool
  m                  flytta ett äldre AKS-beräkningsmål till dagens väg
  e                  beräkningsmålets onlineslutpunkter och distributioner
  n                  skapa ett kluster
  a                  anslut ett kluster
  q                  avsluta



 Valfri tangent stänger hjälpen
EOF
tap_done
