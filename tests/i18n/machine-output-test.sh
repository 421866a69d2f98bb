#!/bin/sh
# Machine output never changes with the language: -o json and -o tsv of
# plan check, plan new, list and show, the plan documents (plan new, plan
# export), the exit statuses and the --debug log are byte-identical under
# LANG=C, zh_CN.UTF-8 and sv_SE.UTF-8 (with the catalogs loaded), against
# the sandbox.  Only the debug log's times, request ids and the sandbox's
# rate-limit counters are masked.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/i18n/locale.sh"

if ! i18n_locale_tree "$T/locale"; then
	echo "1..0 # SKIP no catalogs (msgfmt missing and po/*.gmo not built)"
	exit 0
fi
langs=C
for l in zh_CN.UTF-8 sv_SE.UTF-8; do
	if i18n_have_locale "$l"; then
		langs="$langs $l"
	else
		echo "# $l is not available (locale-gen): not compared"
	fi
done
if [ "$langs" = C ]; then
	echo "1..0 # SKIP neither zh_CN.UTF-8 nor sv_SE.UTF-8 is available"
	exit 0
fi
unset LANGUAGE

sb_start --allow-legacy-create

# A bad plan (errors in several rules) and a good one, made under C.
bad=$T/bad.json
good=$T/good.json
LC_ALL=C "$AKSWIZ" plan new create --compute-type AKS --name ml-1 --vm-size Standard_D1_v2 \
    --agent-count 2 --load-balancer-type InternalLoadBalancer \
    --ssl-cert-file /nonexistent.pem --subscription "$SB_SUB" -g "$SB_RG" \
    -w "$SB_WS" >"$bad" 2>/dev/null
plan_new "$good" create --compute-type AKS --name ml-inf --vm-size Standard_D3_v2 \
    --agent-count 3

# run NAME ARGS...: akswiz against the sandbox under $loc; stdout and the
# exit status go to $T/$loc/NAME (stderr, which people read, is free).
run() {
	name=$1
	shift
	LC_ALL=$loc LANG=$loc timeout 120 "$AKSWIZ" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" \
	    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" "$@" \
	    >"$T/$loc/$name" 2>"$T/$loc/$name.err" </dev/null
	echo "exit status $?" >>"$T/$loc/$name"
}

for loc in $langs; do
	mkdir -p "$T/$loc"
	run check-json plan check -o json "$bad"
	run check-tsv plan check -o tsv "$bad"
	run check-good-json plan check -o json "$good"
	run new-create plan new create --compute-type AKS --name ml-x --vm-size Standard_D3_v2 \
	    --agent-count 2
	run new-attach plan new attach --compute-type AKS --name ml-y --compute-resource-id \
	    "/subscriptions/$SB_SUB/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1"
	run new-bad plan new create --compute-type AKS --name 1-bad --agent-count x
	run export-az plan export --as az "$good"
	run export-arm plan export --as arm "$good"
	run export-python plan export --as python "$good"
	run list-json list -o json
	run list-tsv list -o tsv
	run show-json show inf-attached -o json
	run show-tsv show inf-attached -o tsv
	run show-missing show no-such-compute -o json
	run versions-json versions -l eastus -o json
	run clusters-tsv clusters -o tsv
	run usage-error list extra -o json
	run debug list -o json --debug="$T/$loc/debug.log"
	sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' \
	    -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g' \
	    -e 's/^< Date: .*/< Date: DATE/' \
	    -e 's/:[0-9]{8}T[0-9]{6}Z:/:TIME:/' \
	    -e 's/^(< x-ms-ratelimit-remaining-[a-z-]*:) [0-9]+/\1 N/' \
	    "$T/$loc/debug.log" >"$T/$loc/debug"
done

# The files must say something: a comparison of empty files proves nothing.
like "$T/C/check-json" '"severity": ?"error"' "plan check -o json lists errors"
like "$T/C/check-json" '^exit status 1$' "plan check of a bad plan exits 1"
like "$T/C/list-json" '"name": "inf-attached"' "list -o json has the computes"
like "$T/C/debug" '^> Authorization: \[REDACTED\]' "the debug log has requests"

for loc in $langs; do
	[ "$loc" = C ] && continue
	for f in check-json check-tsv check-good-json new-create new-attach \
	    new-bad export-az export-arm export-python list-json list-tsv \
	    show-json show-tsv show-missing versions-json clusters-tsv \
	    usage-error debug; do
		if cmp -s "$T/C/$f" "$T/$loc/$f"; then
			ok 0 "$loc: $f is the same as under C"
		else
			ok 1 "$loc: $f is the same as under C"
			diff -u "$T/C/$f" "$T/$loc/$f" | head -n 20 |
			    sed 's/^/#   /'
		fi
	done
	# ... while what people read is translated.
	case $loc in
	zh_CN*)	word='错误' ;;
	sv_SE*)	word='fel' ;;
	esac
	grep -q "$word" "$T/$loc/new-create.err"
	ok $? "$loc: the verdicts people read are translated ($word)"
done
done_testing
