#!/bin/sh
# Browse's load balancer and TLS (i, t) of a Kubernetes compute, the form
# of today's path against the sandbox: it reads the Azure ML extension
# again and starts from its settings; public or internal balancer, the
# router's service type (LoadBalancer, NodePort, ClusterIP, a line each;
# NodePort with an internal balancer refused as chosen, core's rule), TLS
# off (the plain-HTTP warning) or a certificate of your own whose files
# are asked every time and checked here (no Microsoft certificate on this
# path, said); Enter shows the update on the review.  Nothing is sent
# from the form or the review's Esc.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP no openssl"; exit 0; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout own.key -out own.pem \
    -days 3650 -subj "/CN=www.contoso.com" \
    -addext "subjectAltName=DNS:www.contoso.com" >/dev/null 2>&1
sandbox_start --polls 1
k8s_begin "$(sb_ready endpoint)" "$(sb_ready authority)" "$(sb_ready caFile)" \
    "$(sb_ready subscriptionId)" "$work"
k8s_dev_compute k8s-prod aks-prod ml
J=$work/journal.log

# The rows: inf-attached inf-created inf-failed k8s-prod ...
steps '
	<Down><Down><Down>
	i
	:save-display form.screen
	<Esc>
	:save-display back.screen
	i
	<Right>
	<Down><Right>
	:save-display nodeport.screen
	<Right>
	<Down><Right>
	:save-display custom.screen
	<Enter>
	:save-display custom-empty.screen
	<Down>WORK/own.pem<Down>WORK/own.key<Down><C-u>www.contoso.com
	<Enter>
	:save-display review.screen
	<Esc>
	t
	:save-state tls.state
	:save-display tls.screen
'
sed -i "s|WORK|$work|g" "$work/script"
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: runs"
assert_equals form.screen "80x24: the form, from the extension's settings" <<EOF
 Computes of the workspace                                           5 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Load balancer, router and TLS of k8s-prod:

  › Load balancer   (•) Public IP   ( ) Internal
    Router service  (•) LoadBalancer   ( ) NodePort   ( ) ClusterIP
    TLS             (•) Disabled   ( ) My own certificate

  LoadBalancer: an Azure load balancer gives the router its address, public or
  internal (the default).

  No Microsoft certificate on this path (legacy AKS computes only). The
  certificate and key files are asked every time: the extension never gives
  them back.

  ! TLS is off: scoring requests and their answers travel as plain HTTP.
  Enter reviews the plan; Esc cancels.





 Enter confirm  Esc cancel
EOF
assert_grep '^› k8s-prod ' back.screen "Esc: the list again"
assert_grep '✗ An internal load balancer cannot be combined with the NodePort' \
    nodeport.screen "NodePort with an internal balancer: refused as chosen"
assert_grep 'Certificate' custom.screen "a certificate of my own: its files asked"
assert_grep '✗' custom-empty.screen "Enter without the files: refused on the form"
assert_grep '^    Load balancer *Internal$' review.screen "the review: internal"
assert_grep '^    Router service *ClusterIP$' review.screen "the router's service type"
assert_grep "^    TLS *Custom: $work/own.pem, " review.screen \
    "TLS: my own certificate, from its file"
assert_grep 'Disabled' tls.screen "t opens the same form"
assert_grep 'TLS is off: scoring requests' tls.screen \
    "TLS off: the plain-HTTP warning"
assert_grep 'No Microsoft certificate' tls.screen "no Microsoft certificate, said"
if grep -a '"user-agent":"akswiz' "$J" | grep -a -q -v '"method":"GET"\|oauth2'; then
	not_ok "nothing sent from the form or the review"
else
	ok "nothing sent from the form or the review"
fi

# 60x20 and zh_CN: the form reads whole.
steps '
	<Down><Down><Down>
	t
	:save-display small.screen
	<PgDn>
	:save-display small-end.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep '^    Router service  (•) LoadBalancer   ( ) NodePort$' small.screen \
    "60x20: the form, its choices wrapped"
assert_grep 'PgUp/PgDn scroll' small.screen "60x20: it says it scrolls"
assert_grep 'Enter reviews the plan' small-end.screen "60x20: PgDn reaches its end"
. "$top_srcdir/tests/i18n/locale.sh"
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		<Down><Down><Down>
		i
		:save-display zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
	assert_status 0 "zh_CN: runs"
	assert_grep '^ 工作区的计算目标' zh.screen "zh_CN: translated around it"
	assert_grep 'LoadBalancer' zh.screen "zh_CN: the form"
else
	ok "# SKIP zh_CN.UTF-8 or its catalog is not available"
fi
tap_done
