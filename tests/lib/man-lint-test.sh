#!/bin/sh
# The manual pages format without a single warning (groff -ww, or
# mandoc -T lint when groff is missing), and document every plan command,
# flag and member; akswiz(1) documents every command of the table in
# src/cli/cmd.c (under COMMANDS), every global option of src/cli/main.c
# (under OPTIONS) and every environment variable src/ reads (under
# ENVIRONMENT).  Skipped when neither formatter is installed.
SRC="${top_srcdir:-.}/src"
MAN="${top_srcdir:-.}/man"
# Variables src/ reads that akswiz(1) need not document (none so far).
INTERNAL_ENV=""
if command -v groff >/dev/null 2>&1; then
	lint() { groff -t -man -ww -z "$1" 2>&1; }
	text() { groff -t -man -Tascii -rHY=0 -rLL=250n -P-cbou "$1" 2>/dev/null; }
elif command -v mandoc >/dev/null 2>&1; then
	lint() { mandoc -T lint -W warning "$1" 2>&1; }
	text() { mandoc -T ascii -O width=250 "$1" 2>/dev/null | col -b; }
else
	echo "1..0 # SKIP neither groff nor mandoc is installed"
	exit 0
fi
n=0
for p in akswiz.1 akswiz-plan.5 akswiz-sandbox.1; do
	n=$((n + 1))
	out=$(lint "$MAN/$p")
	if [ -f "$MAN/$p" ] && [ -z "$out" ]; then
		echo "ok $n - $p formats without warnings"
	else
		echo "not ok $n - $p formats without warnings"
		printf '%s\n' "$out" | sed 's/^/#   /'
	fi
done

# documents PAGE WHAT WORDS...: each word appears in the formatted page.
documents() {
	page=$1 what=$2
	shift 2
	n=$((n + 1))
	formatted=$(text "$MAN/$page")
	missing=""
	for w in "$@"; do
		printf '%s\n' "$formatted" | grep -F -q -e "$w" || missing="$missing $w"
	done
	if [ -z "$missing" ]; then echo "ok $n - $page documents $what"
	else echo "not ok $n - $page documents $what"; echo "#   missing:$missing"; fi
}
documents akswiz.1 "the plan commands, their flags and exit statuses" \
    "akswiz plan check" "akswiz plan new" "akswiz plan export" \
    --name --description --cluster-purpose --vm-size --agent-count \
    --location --compute-resource-id --load-balancer-type \
    --load-balancer-subnet --ssl-leaf-domain-label --ssl-overwrite-domain \
    --ssl-cert-file --ssl-key-file --ssl-cname --vnet-resourcegroup-name \
    --vnet-name --subnet-name --service-cidr --dns-service-ip \
    --docker-bridge-cidr --underlying-resource-action \
    --subscription --resource-group --workspace --output --cloud \
    "EXIT STATUS" ENVIRONMENT FILES EXAMPLES
documents akswiz-plan.5 "every member of the plan" \
    akswizPlan operation computeType scope.subscription \
    scope.resourceGroup scope.workspace name description purpose location \
    vmSize nodeCount clusterResourceId loadBalancer.type loadBalancer.subnet \
    network.vnetResourceGroup network.vnetName network.subnetName \
    network.serviceCidr network.dnsServiceIp network.dockerBridgeCidr \
    tls.mode tls.leafDomainLabel tls.overwriteExistingDomain tls.certFile \
    tls.keyFile tls.cname underlyingResourceAction

# section PAGE NAME: the formatted section NAME of PAGE (up to the next
# heading, a line that starts with a capital letter).
section() {
	text "$MAN/$1" | awk -v h="$2" '
	    $0 == h { on = 1; next }
	    on && /^[A-Z]/ { on = 0 }
	    on { print }'
}

# covers PAGE SECTION WHAT MIN WORDS...: each word appears as a whole word
# (not part of a longer name) in that section, and there are at least MIN
# words (so that a parser that found nothing cannot pass).
covers() {
	page=$1 sect=$2 what=$3 min=$4
	shift 4
	n=$((n + 1))
	body=$(section "$page" "$sect")
	missing=""
	for w in "$@"; do
		printf '%s\n' "$body" | grep -E -q -e \
		    "(^|[^A-Za-z0-9_-])$w([^A-Za-z0-9_-]|\$)" ||
		    missing="$missing '$(printf '%s' "$w" |
		    sed 's/\[\[:space:\]\]+/ /g')'"
	done
	if [ "$#" -ge "$min" ] && [ -z "$missing" ]; then
		echo "ok $n - $page documents $what under $sect ($# of them)"
	else
		echo "not ok $n - $page documents $what under $sect ($# of them)"
		echo "#   missing:$missing"
	fi
}

# The command table: lines such as { "list", N_("..."), cmd_list },
commands=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)",.*cmd_.*/akswiz \1/p' \
    "$SRC/cli/cmd.c" | tr ' ' '@')
# shellcheck disable=SC2086
covers akswiz.1 COMMANDS "every command of src/cli/cmd.c" 10 \
    $(printf '%s\n' $commands | sed 's/@/ /; s/ /[[:space:]]+/')

# The global options: { "name", 'c' or 0, G_..., OPT_... },
longs=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)",.*G_[A-Z]*,.*/--\1/p' \
    "$SRC/cli/main.c")
shorts=$(sed -n "s/^[[:space:]]*{ \"[a-z-]*\",[[:space:]]*'\\(.\\)',.*G_.*/-\\1/p" \
    "$SRC/cli/main.c")
# shellcheck disable=SC2086
covers akswiz.1 OPTIONS "every global option of src/cli/main.c" 10 \
    $longs $shorts --help --version

# The environment: getenv("X"), auth.c's env("X") and env_true("X"), and
# every "AKSWIZ_..." literal (scope variables are passed by name).
vars=$(find "$SRC" -name '*.c' -exec cat {} + |
    grep -o -E '(getenv|env|env_true)\("[A-Z][A-Z0-9_]*"|"AKSWIZ_[A-Z0-9_]+"' |
    sed 's/.*("//; s/"//g' | sort -u)
for v in $INTERNAL_ENV; do
	vars=$(printf '%s\n' $vars | grep -v -x -e "$v")
done
# shellcheck disable=SC2086
covers akswiz.1 ENVIRONMENT "every environment variable src/ reads" 25 $vars

echo "1..$n"
