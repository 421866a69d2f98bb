#!/bin/sh
# src/core/vmcatalogue-gen.awk: a malformed line of data/vm-sizes.tsv stops
# the build with the reason; a good one becomes the expected table row.
gen="$top_srcdir/src/core/vmcatalogue-gen.awk"
lib="$top_srcdir/src/common/tsv-table.awk"	# loaded first, as the build does
awk=${AWK:-awk}
tmp=${TMPDIR:-/tmp}/core-vmgen.$$
mkdir "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
T='	'

# refuse WHY LINE...: the generator must fail and name the reason.
refuse() {
	why=$1
	shift
	n=$((n + 1))
	printf '%s\n' "$@" >"$tmp/in"
	if $awk -f "$lib" -f "$gen" <"$tmp/in" >"$tmp/out" 2>"$tmp/err"; then
		echo "not ok $n - refuses: $why (accepted)"
	elif grep -q -F "$why" "$tmp/err"; then
		echo "ok $n - refuses: $why"
	else
		echo "not ok $n - refuses: $why"
		sed 's/^/#   /' "$tmp/err"
	fi
}

good="Standard_D3_v2${T}4${T}14${T}standardDv2Family${T}0${T}0"
refuse "expected 6 tab-separated fields, found 5" \
    "Standard_D3_v2${T}4${T}14${T}standardDv2Family${T}0"
refuse "expected 6 tab-separated fields, found 1" \
    "Standard_D3_v2 4 14 standardDv2Family 0 0"
refuse "bad size name" "D3_v2${T}4${T}14${T}standardDv2Family${T}0${T}0"
refuse "duplicate size" "$good" "$good"
refuse "vcpus is not a positive integer" \
    "Standard_D3_v2${T}0${T}14${T}standardDv2Family${T}0${T}0"
refuse "vcpus is not a positive integer" \
    "Standard_D3_v2${T}four${T}14${T}standardDv2Family${T}0${T}0"
refuse "memory_gb is not a positive number" \
    "Standard_D3_v2${T}4${T}14GB${T}standardDv2Family${T}0${T}0"
refuse "memory_gb is not a positive number" \
    "Standard_D3_v2${T}4${T}0${T}standardDv2Family${T}0${T}0"
refuse "family is not a quota family name" \
    "Standard_D3_v2${T}4${T}14${T}Dv2${T}0${T}0"
refuse "gpus is not a count" \
    "Standard_D3_v2${T}4${T}14${T}standardDv2Family${T}-1${T}0"
refuse "fpga is not 0 or 1" \
    "Standard_D3_v2${T}4${T}14${T}standardDv2Family${T}0${T}yes"
refuse "no sizes" ""

n=$((n + 1))
printf '%s\n' "$good" "Standard_D1_v2${T}1${T}3.5${T}standardDv2Family${T}0${T}0" \
    "Standard_PB6s${T}6${T}112${T}standardPBSFamily${T}0${T}1" |
    $awk -f "$lib" -f "$gen" >"$tmp/out" 2>"$tmp/err"
if grep -q -F '{ "Standard_D3_v2", 4, 14.0, "standardDv2Family", 0, false },' "$tmp/out" &&
    grep -q -F '{ "Standard_D1_v2", 1, 3.5, "standardDv2Family", 0, false },' "$tmp/out" &&
    grep -q -F '{ "Standard_PB6s", 6, 112.0, "standardPBSFamily", 0, true },' "$tmp/out"; then
	echo "ok $n - good lines become table rows"
else
	echo "not ok $n - good lines become table rows"
	sed 's/^/#   /' "$tmp/out" "$tmp/err"
fi

# The shipped data passes (as the build runs it: comments out, sorted).
n=$((n + 1))
if grep -v '^#' "$top_srcdir/data/vm-sizes.tsv" | LC_ALL=C sort |
    $awk -f "$lib" -f "$gen" >"$tmp/out" 2>"$tmp/err"; then
	echo "ok $n - data/vm-sizes.tsv is well-formed"
else
	echo "not ok $n - data/vm-sizes.tsv is well-formed"
	sed 's/^/#   /' "$tmp/err"
fi
echo "1..$n"
