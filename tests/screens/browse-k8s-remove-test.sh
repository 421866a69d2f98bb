#!/bin/sh
# Browse's detach (d) and delete (x) of Kubernetes computes, end to end
# against the sandbox, each the plan `akswiz detach` or `akswiz delete`
# builds, through the review and progress screens: detach offers to
# uninstall the Azure ML extension and, for a cluster akswiz created (its
# createdBy=akswiz tag), to delete the cluster (its name typed); a cluster
# akswiz did not create is kept, and said so; delete of a compute whose
# cluster akswiz created takes the cluster too, its name typed to confirm.
# The sandbox receives exactly the requests expected; Esc sends nothing.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
sandbox_start --polls 1
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
k8s_dev_compute k8s-prod aks-prod ml
# A cluster akswiz created: its tag.
k8s_arm PUT "$K8S_CL/aks-own?api-version=2024-09-01" \
    '{"location":"eastus","tags":{"createdBy":"akswiz"},"identity":{"type":"SystemAssigned"},"properties":{"dnsPrefix":"aks-own","agentPoolProfiles":[{"name":"nodepool1","mode":"System","count":3,"vmSize":"Standard_D4s_v3","osType":"Linux"}]}}'
k8s_wait
k8s_dev_compute k8s-own aks-own
J=$work/journal.log
changes() { k8s_changes "$J"; }

# The rows: inf-attached inf-created inf-failed k8s-own k8s-prod ...
steps '
	<Down><Down><Down><Down>
	d
	:save-display detach.screen
	<Esc>
	:save-display back.screen
	<Up>
	d
	<Down>
	<Space>
	:save-display own-delete.screen
	<Esc>
	x
	:save-display delete.screen
	<Esc>
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: runs"
assert_equals detach.screen "80x24: detach of a Kubernetes compute" <<EOF
 Computes of the workspace                                           6 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Detach k8s-prod from workspace ml-workspace? Its AKS cluster aks-prod is
  kept unless you tick it below.

  AKS cluster aks-prod was not created by akswiz (it has no createdBy=akswiz
  tag): it is kept.

  › Uninstall extension  [ ]

  Enter reviews the plan; Esc cancels.











 Enter confirm  Esc cancel
EOF
assert_grep '^› k8s-prod ' back.screen "Esc: the list again"
assert_grep 'Type aks-own to confirm' own-delete.screen \
    "a cluster akswiz created: deleting it asks for its name"
assert_grep 'DELETE AKS cluster aks-own' delete.screen \
    "x on it: the cluster goes too, said"
assert_grep 'Type aks-own to confirm' delete.screen "its name typed to confirm"
if [ -z "$(changes)" ]; then
	ok "Esc from each form: nothing sent"
else
	not_ok "Esc from each form: nothing sent"
	changes | sed 's/^/#   /'
fi

# 60x20: the form reads whole.
steps '
	<Down><Down><Down><Down>
	d
	:save-display small.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep 'Uninstall extension' small.screen "60x20: the detach form"
assert_grep 'Enter reviews the plan' small.screen "60x20: with its keys"
. "$top_srcdir/tests/i18n/locale.sh"
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		<Down><Down><Down><Down>
		d
		:save-display zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
	assert_status 0 "zh_CN: runs"
	assert_grep '^ 工作区的计算目标' zh.screen "zh_CN: translated around it"
	assert_grep '› 卸载扩展  \[ \]' zh.screen "zh_CN: the detach form, translated"
else
	ok "# SKIP zh_CN.UTF-8 or its catalog is not available"
fi

# Detach with the extension: the review says what goes, the progress
# follows it; DELETE of the compute (Detach), then of the extension.
steps '
	<Down><Down><Down><Down>
	d
	<Space>
	<Enter>
	:save-display review.screen
	<Enter>
	:save-display progress.screen
	<Enter>
	:save-state after.state
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: detach submitted"
assert_grep '^    Azure ML extension *uninstalled$' review.screen \
    "the review: the extension is uninstalled"
assert_grep '^    The AKS cluster *kept$' review.screen "and the cluster kept"
assert_grep 'detach of k8s-prod succeeded' progress.screen \
    "the progress screen follows it to its end"
assert_no_grep '^row: k8s-prod ' after.state "back to the list: detached"
k8s_expect_changes "$J" "exactly: DELETE of the compute, then of the extension" <<EOF
DELETE $K8S_WSP/computes/k8s-prod
DELETE $K8S_CL/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml
EOF
assert_grep '"method":"DELETE","path":"[^"]*/computes/k8s-prod","query":{[^}]*"underlyingResourceAction":"Detach"' \
    "$J" "the compute is detached, not deleted"

# Delete of the compute whose cluster akswiz made: a wrong name sends
# nothing; the right one, through the review, deletes both.
steps '
	<Down><Down><Down>
	x
	aks<Enter>
	:save-state wrong.state
	-own<Enter>
	:save-display delete-review.screen
	<Enter>
	:save-display delete-progress.screen
	<Enter>
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: delete submitted"
assert_grep '^status: Type the name, aks-own, exactly; nothing was sent' \
    wrong.state "a wrong name: refused"
assert_grep '^    The AKS cluster *DELETED, with everything on it$' \
    delete-review.screen "the review: the cluster goes"
assert_grep 'delete of k8s-own succeeded' delete-progress.screen \
    "followed to its end"
k8s_expect_changes "$J" "exactly: DELETE of the compute, then of the cluster" <<EOF
DELETE $K8S_WSP/computes/k8s-own
DELETE $K8S_CL/aks-own
EOF
assert_grep '"method":"DELETE","path":"[^"]*/computes/k8s-own","query":{[^}]*"underlyingResourceAction":"Delete"' \
    "$J" "the compute is deleted"

tap_done
