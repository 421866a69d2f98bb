#!/bin/sh
# Details of the commands as a user meets them (issue 10, item 11): an
# unknown option is not called a command, vm-sizes and versions use the
# workspace's region without -l and say so, a bad location is said once,
# show wraps between words and names the TLS status, a 1-node cluster is
# "1 node".
. "$top_srcdir/tests/http/lib.sh"

# An option akswiz does not know, before any command.
"$AKSWIZ" --bogus >"$T/out" 2>"$T/err"
rc=$?
is "$rc" 2 "--bogus: usage error (exit 2)"
like "$T/err" '^akswiz: unknown option "--bogus"; "akswiz --help" lists the options$' \
    "--bogus: an unknown option"
unlike "$T/err" 'unknown command' "--bogus: not an unknown command"

# A world whose aks-small has one node of 2 vCPU.
awk '/"name": "aks-small"/ { small = 1 }
    small && /"count": 2/ { sub(/"count": 2/, "\"count\": 1"); small = 0 }
    { print }' "$top_srcdir/data/sandbox-world.json" >"$T/world.json"
sb_start --world "$T/world.json"

# vm-sizes and versions without -l: the workspace's region, said; asked
# for once, then cached (scope-cache-test.sh).
gets=1
for cmd in vm-sizes versions; do
	before=$(requests GET '.*/workspaces/[^/]*')
	az $cmd
	is "$rc" 0 "$cmd without -l: exit 0"
	like "$T/err" "^akswiz: $cmd of eastus, the region of workspace $SB_WS \\(-l LOCATION for another\\)$" \
	    "$cmd without -l: says which region"
	is "$(requests GET '.*/workspaces/[^/]*')" "$((before + gets))" \
	    "$cmd without -l: $gets GET of the workspace"
	gets=0
done
like "$T/out" '^1\.29' "versions without -l: the region's versions"
is "$(requests GET '.*/locations/eastus/vmSizes')" 1 \
    "vm-sizes without -l: listed eastus"
az -n --subscription "$SB_SUB" vm-sizes
is "$rc" 2 "vm-sizes without -l or a workspace: usage error"
like "$T/err" 'vm-sizes needs -l LOCATION, or a workspace' \
    "vm-sizes without -l or a workspace: says what to give"
is "$(requests GET '.*/locations/[^/]*/vmSizes')" 1 \
    "vm-sizes without -l or a workspace: no listing"

# A location that does not exist is named once.
az vm-sizes -l nowhere
is "$rc" 5 "vm-sizes -l nowhere: exit 5"
is "$(grep -c nowhere "$T/err")" 1 "vm-sizes -l nowhere: said once"
az versions -l nowhere
is "$(grep -c nowhere "$T/err")" 1 "versions -l nowhere: said once"

# show: long values broken between words, the TLS status in words.
az show inf-failed
is "$rc" 0 "show inf-failed: exit 0"
like "$T/out" '^Error message +Operation could not be completed as it results in exceeding$' \
    "show: a long message is broken after a whole word"
like "$T/out" '^ +approved standardDSv2Family Cores quota' \
    "show: the next line starts with the next word"
if awk '{ if (length($0) > 80) bad = 1 } END { exit bad }' "$T/out"; then
	ok 0 "show: no line over 80 columns"
else
	ok 1 "show: no line over 80 columns"
fi
. "$top_srcdir/tests/i18n/locale.sh"
for loc in sv_SE.UTF-8 zh_CN.UTF-8; do
	if i18n_locale_tree "$T/locale" && i18n_have_locale "$loc"; then
		( LC_ALL=$loc; export LC_ALL; az show inf-failed )
		w=$(LC_ALL=C.UTF-8 wc -L <"$T/out")
		[ "$w" -le 80 ] && [ "$w" -ge 60 ]
		ok $? "show in $loc: wrapped beside the widest label, $w columns"
		unset AKSWIZ_LOCALEDIR
	fi
done
az show inf-attached
like "$T/out" '^TLS +custom certificate$' "show: TLS Enabled is a custom certificate"
unlike "$T/out" '^TLS +Enabled' "show: not the raw status"
az -o tsv show inf-attached
like "$T/out" "$(printf '^TLS\tEnabled$')" "show -o tsv: the service's word"

# A cluster of one node is "1 node", not "1 nodes".
plan_new "$T/p.json" attach --compute-type AKS --name ml-x \
    --compute-resource-id "/subscriptions/$SB_SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-small"
az apply "$T/p.json"
is "$rc" 3 "attach of a 1-node cluster: refused"
like "$T/err" 'aks-small has 1 node and 2 vCPU; production needs at least 3 nodes' \
    "attach of a 1-node cluster: 1 node"
unlike "$T/err" '1 nodes' "attach of a 1-node cluster: not 1 nodes"

done_testing
