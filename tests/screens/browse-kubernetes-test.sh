#!/bin/sh
# Browse with computes of type Kubernetes (today's path) at 80x24 and
# 60x20, in English and Chinese: listed among the inference clusters with
# their type, their cluster's nodes, size and version and their Azure ML
# extension's load balancer, TLS and state; an extension that failed its
# health check says so in the list and gives the check's code and message
# in the detail; one removed says "No ext".  Clusters and extensions are
# read for the rows on screen and the selected one only, once until r.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
# --polls 4: a GET of a running resource is a poll too, and browse reads
# the updated extension three times before its fourth read ends it.
sandbox_start --polls 4
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
DEV='"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"False","clusterPurpose":"DevTest"'
k8s_extension aks-prod "$DEV"
k8s_attach k8s-prod aks-prod ml
k8s_extension aks-small "$DEV"
k8s_attach k8s-small aks-small
k8s_extension aks-small '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True","inferenceRouterHA":"True"'
k8s_extension aks-ranges '"enableInference":"True","inferenceRouterServiceType":"LoadBalancer","allowInsecureConnections":"True"'
k8s_attach k8s-noext aks-ranges
k8s_remove_extension aks-ranges

steps '
	:save-display list.screen
	:save-state list.state
	<Down><Down><Down><Down>
	<Enter>
	:save-display prod.screen
	<Esc><Down><Enter>
	:save-display small.screen
	<Esc><Up><Up><Enter>
	:save-display noext.screen
	<Esc>i
	:save-state action.state
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_equals list.screen "80x24: Kubernetes computes among the inference clusters" <<EOF
 Computes of the workspace                                           7 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Name*        State       Purpose  Nodes × size    K8s    Region  LB     TLS
› inf-attached ✓ Succeeded FastProd 3 × D4s_v3 = 12 1.29.4 eastus  ILB    custom
  inf-created  ✓ Succeeded FastProd 3 × D3_v2 = 12  1.29.4 eastus  public off
  inf-failed   ✗ Failed    FastProd 3 × DS3_v2 = 12        eastus  public off
  k8s-noext    ! No ext    k8s      3 × D4s_v3 = 12 1.29.4 eastus
  k8s-prod     ✓ Succeeded k8s dev  3 × D4s_v3 = 12 1.29.4 eastus  public off
  k8s-small    ✗ Ext fail  k8s      2 × D2s_v3 = 4  1.29.4 eastus  public off
  cpu-cluster  ✓ Succeeded [AmlCom…                        eastus












 / filter  s sort  d detach  i LB  t TLS  x delete  n new  a attach  ? keys
EOF
assert_grep '^row: k8s-small Kubernetes Succeeded extension Failed$' list.state \
    "the failed extension in the model"
assert_grep '^row: k8s-noext Kubernetes Succeeded extension -$' list.state \
    "and the missing one"
assert_grep '^ Type  *Kubernetes (an AKS cluster with the Azure Machine$' prod.screen \
    "detail: the type"
assert_grep '^ Purpose  *DevTest$' prod.screen "detail: the purpose from the extension"
assert_grep '^ Extension  *azureml 1\.1\.64 (stable)$' prod.screen \
    "detail: the extension's version and release train"
assert_grep '^ Extension state  *✓ Succeeded$' prod.screen "detail: its state"
assert_grep '^ Router service  *LoadBalancer$' prod.screen \
    "detail: the router's service type"
assert_grep '^ Extension state  *✗ Failed$' small.screen "a failed extension"
assert_grep '^ Health check  *E40002: The inference router' small.screen \
    "with the health check's code and message"
assert_grep '^ Extension  *not installed: the compute cannot serve' noext.screen \
    "no extension: said"
assert_no_grep '^ Load balancer' noext.screen "and no load balancer made up"
assert_grep '^status: The AKS cluster of k8s-noext has no Azure ML extension: there is nothing to update' \
    action.state "i without the extension: nothing to update, said"
grep '"user-agent":"akswiz' "$work/journal.log" >"$work/akswiz.log"
assert_no_grep '"method":"DELETE"' "$work/akswiz.log" "nothing was sent"

# 60x20, and in Chinese.
steps '
	:save-display small.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep '^  k8s-small      ✗ Ext fail  k8s      2 × D2s_v3 = 4  1\.29\.4$' \
    small.screen "60x20: the failed extension fits"
assert_grep '^  k8s-prod       ✓ Succeeded k8s dev  3 × D4s_v3 = 12 1\.29\.4$' \
    small.screen "60x20: a healthy one"
steps '
	:save-display zh.screen
	<Down><Down><Down><Down><Down><Enter>
	:save-display zh-detail.screen
'
LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
assert_status 0 "zh_CN: runs"
assert_grep '^  k8s-small  .* 2 × D2s_v3 = 4  1\.29\.4 eastus ' zh.screen \
    "zh_CN: the Kubernetes rows"
assert_grep 'E40002' zh-detail.screen "zh_CN: the health check's code in the detail"

# A long list: clusters are read for the rows on screen and the selected
# one, never for every compute; once, until r.
i=10
while [ $i -lt 32 ]; do
	k8s_cluster "aks-z$i"
	k8s_extension "aks-z$i" "$DEV"
	k8s_attach "z$i" "aks-z$i"
	i=$((i + 1))
done
before=$(wc -l <"$work/journal.log")
steps '
	:save-state long.state
'
run_akswiz browse $SB_ARGS
tail -n +"$((before + 1))" "$work/journal.log" |
    grep '"user-agent":"akswiz' >"$work/first.log"
n=$(grep -c '"method":"GET","path":"[^"]*/extensions/azureml"' "$work/first.log")
if [ "$n" -ge 10 ] && [ "$n" -le 18 ]; then
	ok "$n extensions read for a screenful of 29 computes"
else
	not_ok "a screenful of extensions read, not all 29 (got $n)"
fi
before=$(wc -l <"$work/journal.log")
steps '
	<Down><Up>
	:save-state again.state
	<End>
	:save-state end.state
	r
	:save-state refresh.state
'
run_akswiz browse $SB_ARGS
tail -n +"$((before + 1))" "$work/journal.log" |
    grep '"user-agent":"akswiz' >"$work/long.log"
assert_grep '^row: z15 Kubernetes Succeeded extension Succeeded$' long.state \
    "a row on screen: its extension read"
assert_grep '^row: z31 Kubernetes Succeeded$' long.state \
    "a row below the screen: not read"
z31='"path":"[^"]*/aks-z31/providers/Microsoft.KubernetesConfiguration'
assert_grep '^row: z31 Kubernetes Succeeded extension Succeeded$' end.state \
    "End: the selected row's extension is read"
assert_grep '^row: z31 Kubernetes Succeeded extension Succeeded$' refresh.state \
    "r: known again after the refresh"
if [ "$(grep -c "$z31" "$work/long.log")" -eq 2 ]; then
	ok "the last row's extension: read once shown, and again after r"
else
	not_ok "the last row's extension: read once shown, and again after r"
fi
prod='"path":"[^"]*/aks-prod/providers/Microsoft.KubernetesConfiguration'
if [ "$(grep -c "$prod" "$work/long.log")" -eq 1 ]; then
	ok "a row read once: Down, Up and End do not read it again"
else
	not_ok "a row read once: Down, Up and End do not read it again"
fi

# An extension being updated: browse reads it again by itself until it is
# done (the sandbox ends the operation after four polls, browse's reads of
# the extension among them).
k8s_arm PUT "$K8S_CL/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml?api-version=2024-11-01" \
    "{\"properties\":{\"extensionType\":\"Microsoft.AzureML.Kubernetes\",\"scope\":{\"cluster\":{\"releaseNamespace\":\"azureml\"}},\"configurationSettings\":{$DEV}}}"
cp "$work/k8s.headers" "$work/update.headers"
before=$(wc -l <"$work/journal.log")
steps '
	:save-state updated.state
'
AKSWIZ_SCRIPT="$work/script" timeout 30 "$AKSWIZ" browse $SB_ARGS \
    >stdout 2>stderr &
BROWSE=$!
reads() {
	tail -n +"$((before + 1))" "$work/journal.log" | grep -c \
	    '"method":"GET","path":"[^"]*/aks-prod/providers/Microsoft.KubernetesConfiguration/extensions/azureml".*"user-agent":"akswiz'
}
i=0
while [ "$(reads)" -lt 3 ]; do
	if ! kill -0 "$BROWSE" 2>/dev/null || [ $i -gt 3000 ]; then
		break
	fi
	i=$((i + 1))
	sleep 0.01
done
if [ "$(reads)" -ge 3 ]; then
	ok "browse reads a changing extension again by itself"
else
	not_ok "browse reads a changing extension again by itself"
fi
cp "$work/update.headers" "$work/k8s.headers"
k8s_wait
wait "$BROWSE"
status=$?
assert_status 0 "browse ends with its script"
assert_grep '^row: k8s-prod Kubernetes Succeeded extension Succeeded$' \
    updated.state "the extension's end state is shown"
assert_grep '^auto-refresh: off$' updated.state "and the refreshing stopped"
tap_done
