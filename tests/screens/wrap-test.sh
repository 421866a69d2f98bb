#!/bin/sh
# Every message readable whole (issue 10, item 4): a verdict that needs
# three lines or more is wrapped to its end, where it says what to do
# (the DNS service IP's "use another, such as 10.0.0.10", a cluster's
# authorized IP ranges), at 80x24 and at 60x20, where the form scrolls to
# keep the focused field and its verdict in view; a long message above
# the key hints takes the rows it needs.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	ml-net<Enter><Enter><Enter>
	<Right><Down>vnet-rg<Down>vnet-a<Down>snet-a
	<Down><Down><C-u>10.0.0.1
	:save-display dns80.screen
	:resize 60x20
	:save-display dns60.screen
	<Enter>
	:save-display dns60-next.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
# Three rows under the field, the last with the advice (it was cut).
sed -n '/› DNS service IP/,/Docker bridge CIDR/p' dns80.screen > dns80.part
cat > dns80.want <<EOF
  › DNS service IP       [10.0.0.1                                        ]
                         ✗ DNS service IP 10.0.0.1 is the network address or
                           first host of 10.0.0.0/16, which Kubernetes
                           reserves; use another, such as 10.0.0.10.
    Docker bridge CIDR   [172.17.0.1/16                                   ]
EOF
if cmp -s dns80.part dns80.want; then
	ok "80x24: a three-line verdict is shown to its end"
else
	not_ok "80x24: a three-line verdict is shown to its end"
	diff dns80.want dns80.part | sed 's/^/#   /'
fi
for f in dns60.screen dns60-next.screen; do
	assert_grep 'reserves; use another, such as 10.0.0.10.' $f \
	    "60x20 ($f): the verdict's advice shows"
	assert_grep '› DNS service IP' $f "60x20 ($f): with the field it is about"
done

# A status message longer than a row (a save path) is shown whole.
mkdir -p "$work/plans-kept-in-a-directory-with-a-long-name/and-another-level"
steps '
	ml-dev<Enter><Down><Enter>D3_v2<Tab><C-u>1<Enter><Enter><Enter><Enter>
	:resize 60x20
	<C-s><C-u>'"$work"'/plans-kept-in-a-directory-with-a-long-name/and-another-level/ml-dev.json<Enter>
	:save-display saved60.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
{ tr -d '\n ' < saved60.screen; echo; } > saved60.joined
assert_grep "Savedto$work/plans-kept-in-a-directory-with-a-long-name/and-another-level/ml-dev.json" \
    saved60.joined "60x20: \"Saved to PATH\" shows the whole path"

# The selected cluster's authorized IP ranges: what they must include.
sandbox_start --allow-legacy-create
steps '
	<Down><Down><Down><Down><Down>
	:save-display ranges.screen
	:resize 60x20
	:save-display ranges60.screen
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_status 0
assert_grep '› aks-ranges' ranges.screen "80x24: the cluster with IP ranges is selected"
assert_grep "plane's ranges\.$" ranges.screen "80x24: its verdict shows to its end"
assert_grep "plane's ranges\.$" ranges60.screen "60x20: its verdict shows to its end"
tap_done
