#!/bin/sh
# The manual pages format without a single warning (groff -ww, or
# mandoc -T lint when groff is missing), and document every plan command,
# flag and member; skipped when neither formatter is installed.
MAN="${top_srcdir:-.}/man"
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
for p in akswiz.1 akswiz-plan.5; do
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
echo "1..$n"
