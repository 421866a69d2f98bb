#!/bin/sh
# akswiz plan check | new | export, run as a user would: stdout, stderr
# and exit status of the real binary, on the fixtures in data/ and on bad
# input.
AKSWIZ="${top_builddir:-.}/akswiz"
DATA="${top_srcdir:-.}/tests/plan/data"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-plan-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

n=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() {
	n=$((n + 1)); echo "not ok $n - $1"
	for stream in out err; do sed "s/^/#   $stream: /" "$stream" | head -n 20; done
	echo "#   status: $status"
}
# run ARGS...: the binary's stdout in out, stderr in err, status in $status.
run() { "$AKSWIZ" "$@" >out 2>err; status=$?; }
# expect NAME STATUS: the last run exited with STATUS.
expect_status() { if [ "$status" = "$2" ]; then pass "$1"; else fail "$1"; fi; }
# expect_in NAME FILE TEXT: FILE has a line containing TEXT.
expect_in() { if grep -F -q -e "$3" "$2"; then pass "$1"; else fail "$1"; fi; }
expect_not_in() { if grep -F -q -e "$3" "$2"; then fail "$1"; else pass "$1"; fi; }
# expect_same NAME FILE: the last stdout equals FILE.
expect_same() {
	if cmp -s out "$2"; then pass "$1"; else
		fail "$1"; diff "$2" out | sed 's/^/#   /' | head -n 20
	fi
}
empty() { if [ -s "$2" ]; then fail "$1"; else pass "$1"; fi; }

SUB=00000000-0000-0000-0000-000000000001

# plan new: a good create plan, scope from global options on either side.
run --subscription "$SUB" plan new create --compute-type AKS --name mlprod \
    --vm-size Standard_D3_v2 --agent-count 3 -g ml-rg -w ml-ws
expect_status "plan new create: exit 0" 0
cat >want <<EOT
{
  "akswizPlan": 1,
  "operation": "create",
  "computeType": "AKS",
  "scope": {
    "subscription": "$SUB",
    "resourceGroup": "ml-rg",
    "workspace": "ml-ws"
  },
  "name": "mlprod",
  "purpose": "FastProd",
  "vmSize": "Standard_D3_v2",
  "nodeCount": 3,
  "loadBalancer": {
    "type": "PublicIp"
  },
  "tls": {
    "mode": "disabled"
  }
}
EOT
expect_same "plan new create: the canonical plan" want
empty "plan new create: nothing on stderr" err
cp out good.json

# ... and it checks clean, from a file and from standard input.
run plan check good.json
expect_status "plan check good plan: exit 0" 0
expect_in "plan check good plan: says so" out "No errors or warnings."
"$AKSWIZ" plan check - <good.json >out 2>err; status=$?
expect_status "plan check - reads standard input" 0

# plan new with problems: the plan is printed, verdicts go to stderr.
run plan new create --compute-type AKS --name ml-inf-01 --vm-size Standard_D3_v2 \
    --agent-count 2 --cluster-purpose FastProd --subscription "$SUB" \
    -g ml-rg -w ml-ws
expect_status "plan new with errors: exit 1" 1
expect_in "plan new with errors: plan still printed" out '"nodeCount": 2,'
expect_in "plan new with errors: verdict names field and flag" err \
    "nodeCount (--agent-count)  Production needs at least 3 nodes; this has 2 nodes."
expect_in "plan new with errors: summary" err "errors, 0 warnings"
cp out bad.json

# plan check of that plan: every verdict, table and json.
run plan check bad.json
expect_status "plan check with errors: exit 1" 1
expect_in "plan check: table header" out "SEVERITY  FIELD"
expect_in "plan check: name verdict" out \
    'error     name (--name)              The name may not end in a hyphen and digits ("-01")'
run plan check -o json bad.json
expect_status "plan check -o json: exit 1" 1
expect_in "plan check -o json: id" out '"id": "PROD_NODES",'
expect_in "plan check -o json: field" out '"field": "nodeCount",'
expect_in "plan check -o json: flag" out '"flag": "--agent-count",'
expect_in "plan check -o json: args" out '"args": ["2"]'
expect_in "plan check -o json: English message" out \
    '"message": "Production needs at least 3 nodes; this has 2 nodes.",'
run plan check -o json good.json
expect_status "plan check -o json good: exit 0" 0
if [ "$(cat out)" = "[]" ]; then pass "plan check -o json good: []"; else fail "plan check -o json good: []"; fi
run plan check -o tsv bad.json
expect_in "plan check -o tsv: tab-separated" out "$(printf 'error\tnodeCount\tPROD_NODES\tProduction needs at least 3 nodes; this has 2 nodes.')"

# TLS mode follows the flags given.
run plan new attach --compute-type AKS --name scoring --compute-resource-id \
    "/subscriptions/$SUB/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-one" \
    --ssl-cert-file cert.pem --ssl-key-file key.pem --ssl-cname www.contoso.com \
    --subscription "$SUB" -g ml-rg -w ml-ws
expect_in "plan new attach: custom TLS" out '"mode": "custom",'
expect_in "plan new attach: key as a path" out '"keyFile": "key.pem",'
run plan new create --compute-type AKS --name mlprod --ssl-leaf-domain-label=contoso \
    --ssl-overwrite-domain
expect_in "plan new: --flag=value and Microsoft TLS" out '"mode": "microsoft",'
expect_in "plan new: overwrite" out '"overwriteExistingDomain": true'

# plan new: usage errors.
run plan new attach --compute-type AKS --name x --vm-size Standard_D3_v2
expect_status "flag of another operation: exit 2" 2
expect_in "flag of another operation: message" err \
    'akswiz: --vm-size does not apply to "plan new attach"'
run plan new create --compute-type AKS --agent-count three
expect_status "--agent-count three: exit 2" 2
expect_in "--agent-count three: message" err \
    'akswiz: --agent-count must be a whole number, not "three"'
# A count given is kept and checked: 0 is not the default 3 (issue 10, 12).
run plan new create --compute-type AKS --name mlprod --vm-size Standard_D3_v2 --agent-count 0 \
    --subscription "$SUB" -g ml-rg -w ml-ws
expect_status "--agent-count 0: exit 1" 1
expect_in "--agent-count 0: kept in the plan" out '"nodeCount": 0,'
expect_in "--agent-count 0: refused in the SDK's words" err \
    "nodeCount (--agent-count)  The agent count must be a positive integer, from 1 to 1000."
expect_not_in "--agent-count 0: not planned as the default" err \
    "No node count given"
cp out zero.json
run plan check zero.json
expect_status "plan check of nodeCount 0: exit 1" 1
expect_in "plan check of nodeCount 0: refused" out \
    "The agent count must be a positive integer"
run plan new create --compute-type AKS --cluster-purpose Prod
expect_in "--cluster-purpose Prod: message" err \
    'akswiz: --cluster-purpose must be FastProd or DevTest, not "Prod"'
run plan new create --compute-type AKS --nmae x
expect_status "unknown flag: exit 2" 2
expect_in "unknown flag: message" err 'akswiz: unknown flag "--nmae"'
run plan new scale
expect_status "unknown operation: exit 2" 2
run plan new create --compute-type AKS --name
expect_in "flag without value" err "akswiz: --name needs a value"
run plan new --help
expect_status "plan new --help: exit 0" 0
expect_in "plan new --help: lists flags" out "--ssl-leaf-domain-label"
run plan new detach --name myaks --underlying-resource-action Delete \
    --subscription "$SUB" -g ml-rg -w ml-ws
expect_status "plan new detach: exit 0" 0
expect_in "plan new detach: action" out '"underlyingResourceAction": "Delete"'

# plan check: unreadable and malformed input is exit 2 with the place.
run plan check missing.json
expect_status "missing file: exit 2" 2
expect_in "missing file: message" err \
    "akswiz: cannot open missing.json: No such file or directory"
printf '{\n  "akswizPlan": 1,\n  "operation": create\n}\n' >syntax.json
run plan check syntax.json
expect_status "malformed: exit 2" 2
expect_in "malformed: file, line and column" err \
    "akswiz: syntax.json: line 3, column 16: malformed JSON"
sed 's/"nodeCount": 3/"nodeCount": "3"/' good.json >type.json
run plan check type.json
expect_status "wrong type: exit 2" 2
expect_in "wrong type: message" err \
    "akswiz: type.json: nodeCount must be a whole number, not a string"
sed 's/"akswizPlan": 1/"akswizPlan": 3/' good.json >v3.json
run plan check v3.json
expect_in "version 3: message" err \
    "akswiz: v3.json: akswizPlan 3 is not supported: this akswiz reads version 2"
head -c 100 good.json >cut.json
run plan check cut.json
expect_status "truncated: exit 2" 2
expect_in "truncated: message" err "the document ends before the JSON is complete"
{ printf '{"akswizPlan": 1, "description": "'
  head -c 10485760 /dev/zero | tr '\0' x; printf '"}'; } |
    "$AKSWIZ" plan check - >out 2>err; status=$?
expect_status "10 MB on stdin: exit 2" 2
expect_in "10 MB on stdin: message" err \
    "akswiz: standard input: the plan is more than the 1048576 bytes a plan may have"
run plan check
expect_status "plan check without a file: exit 2" 2

# Bad input gets a message that says what is wrong (issue 10, 22).
echo null >null.json
run plan check null.json
expect_status "a plan that is null: exit 2" 2
expect_in "a plan that is null: says so" err \
    "akswiz: null.json: the plan must be an object, not null"
sed 's/"nodeCount": 3/"nodeCount": 9223372036854775808/' good.json >huge.json
run plan check huge.json
expect_status "nodeCount 2^63: exit 2" 2
expect_in "nodeCount 2^63: out of range, no clamped number" err \
    "akswiz: huge.json: nodeCount is out of range: a node count is a whole number from 1 to 1000"
expect_not_in "nodeCount 2^63: the clamped number is not shown" err \
    "9223372036854775807"
sed 's/"nodeCount": 3/"nodeCount": 1e300/' good.json >exp.json
run plan check exp.json
expect_in "nodeCount 1e300: the number as written" err \
    "akswiz: exp.json: nodeCount must be a whole number, not 1e300"
expect_not_in "nodeCount 1e300: not \"a number with a fraction\"" err \
    "fraction"
run apply exp.json
expect_status "apply of a malformed plan: exit 2" 2
expect_in "apply of a malformed plan: names the file" err \
    "akswiz: exp.json: nodeCount must be a whole number, not 1e300"
run apply syntax.json
expect_in "apply of malformed JSON: names the file" err \
    "akswiz: syntax.json: line 3, column 16: malformed JSON"

# plan export: each kind against the expected text.
for f in create-full attach-ilb detach; do
	for k in az python arm; do
		run plan export --as "$k" "$DATA/$f.json"
		expect_same "plan export --as $k $f" "$DATA/$f.$k"
	done
done
# The az export is valid shell: run it with a stand-in az that prints its
# arguments one per line, and the quoted path comes back whole.
run plan export --as az "$DATA/update.json"
( az() { printf '%s\n' "$@"; }; . ./out ) >args 2>&1
if grep -x -q -F "certs/Bob's cert.pem" args; then
	pass "the az export quotes for the shell"
else
	fail "the az export quotes for the shell"; sed 's/^/#   /' args
fi
run plan export --as=az "$DATA/create-min.json"
expect_status "export of a plan without scope: exit 0" 0
expect_same "export of a plan without scope: printed" "$DATA/create-min.az"
empty "export of a plan without scope: nothing to warn about" err
run plan check "$DATA/create-min.json"
expect_status "check of a plan without scope: exit 0" 0
expect_in "check of a plan without scope: the scope comes when applied" out \
    "--subscription, --resource-group, --workspace are not in the plan"
# plan new without a scope says so once, not once per member (issue 10, 11).
run plan new create --compute-type AKS --name mlprod --vm-size Standard_D3_v2 --agent-count 3
expect_status "plan new without a scope: exit 0" 0
if [ "$(grep -c "not in the plan" err)" = 1 ]; then
	pass "plan new without a scope: one info line"
else
	fail "plan new without a scope: one info line"
fi
expect_in "plan new without a scope: names what is missing" err \
    "--subscription, --resource-group, --workspace are not in the plan: the ones in effect when the plan is applied"
run plan new create --compute-type AKS --name mlprod --vm-size Standard_D3_v2 --agent-count 3 \
    --subscription "$SUB"
expect_in "plan new with a subscription only: the two missing" err \
    "--resource-group, --workspace are not in the plan"
sed 's/"aks-dev"/"aks-1"/' "$DATA/create-min.json" >bad-name.json
run plan export --as=az bad-name.json
expect_status "export of a plan with errors: exit 1" 1
expect_in "export of a plan with errors: still printed" out "--name aks-1"
expect_in "export of a plan with errors: says why" err \
    'The name may not end in a hyphen and digits ("-1")'
run plan export --as yaml "$DATA/detach.json"
expect_status "--as yaml: exit 2" 2
expect_in "--as yaml: message" err 'akswiz: --as must be az, python or arm, not "yaml"'
run plan export "$DATA/detach.json"
expect_status "export without --as: exit 2" 2

# plan check and plan new run the certificate checks apply and the wizard
# run: a key of another certificate, a CNAME not covered (issue 10, 13).
. "${top_srcdir:-.}/tests/lib/tls-pairs.sh"
if tls_pairs .; then
	for cmd in check new; do
		for bad in key cname; do
			key=good.key cname=www.contoso.com
			[ "$bad" = key ] && key=other.key
			[ "$bad" = cname ] && cname=scoring.fabrikam.com
			run plan new create --compute-type AKS --name mlprod --vm-size Standard_D3_v2 \
			    --agent-count 3 --ssl-cert-file good.crt \
			    --ssl-key-file "$key" --ssl-cname "$cname" \
			    --subscription "$SUB" -g ml-rg -w ml-ws
			if [ "$cmd" = check ]; then
				cp out cert.json
				run plan check cert.json
				cp out verdicts
			else
				cp err verdicts
			fi
			expect_status "plan $cmd, wrong $bad: exit 1" 1
			case $bad in
			key) expect_in "plan $cmd: a key that does not match" \
			    verdicts "The key in other.key does not belong to the certificate in good.crt." ;;
			cname) expect_in "plan $cmd: a CNAME not covered" \
			    verdicts "The certificate does not cover scoring.fabrikam.com; it covers www.contoso.com." ;;
			esac
		done
	done
	run plan new create --compute-type AKS --name mlprod --vm-size Standard_D3_v2 \
	    --agent-count 3 --ssl-cert-file good.crt --ssl-key-file good.key \
	    --ssl-cname www.contoso.com --subscription "$SUB" -g ml-rg -w ml-ws
	expect_status "plan new, a good certificate: exit 0" 0
	cp out cert.json
	run plan check cert.json
	expect_status "plan check, a good certificate: exit 0" 0
else
	pass "# SKIP no openssl(1) for the certificate checks"
fi

# A key file's contents never reach an export.
printf -- '-----BEGIN PRIVATE KEY-----\nSECRETKEYBYTES\n-----END PRIVATE KEY-----\n' >key.pem
printf -- '-----BEGIN CERTIFICATE-----\nCERTBYTES\n-----END CERTIFICATE-----\n' >cert.pem
run plan new create --compute-type AKS --name mlprod --vm-size Standard_D3_v2 --agent-count 3 \
    --ssl-cert-file cert.pem --ssl-key-file key.pem --ssl-cname www.contoso.com \
    --subscription "$SUB" -g ml-rg -w ml-ws
cp out tls.json
for k in az python arm; do
	run plan export --as "$k" tls.json
	expect_not_in "export --as $k: no key contents" out SECRETKEYBYTES
done
expect_in "export --as arm: placeholder for the key" out '"key": "<PEM text of key.pem>",'


# Today's path: plan new create --compute-type Kubernetes.
run plan new create --compute-type AKS --subscription 0b1f6471-1bf0-4dda-aec3-cb9272f09590 \
    -g ml-rg -w ml-workspace --compute-type Kubernetes --name ml-prod \
    --description "Inference, team A" --cluster-purpose FastProd \
    --location eastus --vm-size Standard_D4s_v3 --agent-count 3 \
    --cluster-name aks-prod --cluster-resource-group aks-rg \
    --dns-name-prefix aks-prod-dns --nodepool-name system \
    --kubernetes-version 1.29 --namespace team-a \
    --load-balancer-type InternalLoadBalancer --vnet-resourcegroup-name net-rg \
    --vnet-name ml-vnet --subnet-name aks-subnet --service-cidr 10.0.0.0/16 \
    --dns-service-ip 10.0.0.10 --network-plugin azure \
    --ssl-cert-file certs/contoso.pem --ssl-key-file certs/contoso-key.pem \
    --ssl-cname www.contoso.com
expect_same "Kubernetes: the flags make the version 2 plan" "$DATA/create-k8s.json"
expect_in "Kubernetes: the internal balancer's address, said" err \
    "The internal load balancer takes an address in the subnet of the cluster's nodes."
run plan new create --compute-type Arc --name ml-a
expect_status "a compute type other than Kubernetes or AKS: exit 2" 2
expect_in "its message" err '--compute-type must be Kubernetes or AKS, not "Arc"'
run plan new create --compute-type kubernetes --name ml-a \
    --cluster-purpose DevTest --vm-size Standard_D2_v2 --agent-count 1 \
    --inference-router-service-type nodeport
expect_status "Kubernetes dev-test: exit 0" 0
expect_in "the service type in its canonical spelling" out \
    '"inferenceRouterServiceType": "NodePort",'
expect_in "TLS off is a warning" err \
    "TLS is off: scoring requests and their answers travel as plain HTTP."
run plan new create --compute-type Kubernetes --name ml-a \
    --inference-router-service-type Ingress
expect_status "an unknown service type: exit 2" 2
expect_in "its message" err \
    '--inference-router-service-type must be LoadBalancer, NodePort or ClusterIP, not "Ingress"'
run plan new create --compute-type Kubernetes --name ml-a \
    --cluster-purpose DevTest --vm-size Standard_D2_v2 --agent-count 1 \
    --inference-router-service-type NodePort \
    --load-balancer-type InternalLoadBalancer
expect_status "NodePort with an internal balancer: exit 1" 1
expect_in "its message" err \
    "An internal load balancer cannot be combined with the NodePort service type"
run plan new create --compute-type Kubernetes --name ml-a \
    --cluster-purpose DevTest --vm-size Standard_D2_v2 --agent-count 1 \
    --ssl-leaf-domain-label ml-a
expect_status "a Microsoft certificate on today's path: exit 1" 1
expect_in "its message says why" err \
    "A Microsoft-issued certificate exists only for legacy AKS computes"
run plan new create --compute-type Kubernetes --name ml-a \
    --cluster-purpose DevTest --vm-size Standard_D2_v2 --agent-count 1 \
    --docker-bridge-cidr 172.17.0.1/16
expect_status "a Docker bridge on today's path: exit 1" 1
expect_in "its message" err \
    "--docker-bridge-cidr does not apply to compute type Kubernetes; remove it."
run plan new create --compute-type AKS --name ml-a --vm-size Standard_D3_v2 --agent-count 3 \
    --cluster-name aks-a
expect_status "a cluster name on a legacy plan: exit 1" 1
expect_in "its message" err \
    "--cluster-name does not apply to compute type AKS; remove it."
expect_in "a legacy plan stays version 1" out '"akswizPlan": 1,'
run plan new create --compute-type Kubernetes --name ml-a \
    --vm-size Standard_D2_v2 --agent-count 3
expect_status "production on 2 vCPU nodes: exit 1" 1
expect_in "each node needs 4 vCPU and 14 GB" err \
    "Production needs each node to have at least 4 vCPU and 14 GB of memory"
run plan new create --compute-type Kubernetes --name ml-a \
    --cluster-purpose DevTest --vm-size Standard_D2_v2 --agent-count 1 \
    --cluster-name azure --nodepool-name System --dns-name-prefix -x
expect_status "AKS's name rules: exit 1" 1
expect_in "the reserved cluster name" err 'AKS reserves the cluster name "azure"'
expect_in "the pool name" err 'A node pool name must be 1 to 12 lower-case letters and digits'
expect_in "the DNS prefix" err 'The DNS prefix must be 1 to 54 letters'
run plan new create --compute-type Kubernetes --name ml-a \
    --cluster-purpose DevTest --vm-size Standard_D2_v2 --agent-count 1 \
    --kubernetes-version latest
expect_status "a Kubernetes version that is none: exit 1" 1
expect_in "its message" err '"latest" is not a Kubernetes version (such as 1.29 or 1.29.2).'
run plan new attach --compute-type Kubernetes --name ml-a
expect_status "an attach on today's path needs the cluster: exit 1" 1
expect_in "its message" err '--compute-resource-id is required to attach.'
run plan new attach --compute-type Kubernetes --name ml-a \
    --compute-resource-id /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod \
    --namespace team-a --inference-router-service-type NodePort \
    --load-balancer-type InternalLoadBalancer
expect_status "NodePort behind an internal load balancer: exit 1" 1
expect_in "its message" err 'An internal load balancer cannot be combined with the NodePort service type'
run plan new attach --compute-type Kubernetes --name ml-a \
    --compute-resource-id /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod \
    --ssl-leaf-domain-label ml
expect_status "a Microsoft certificate on today's attach: exit 1" 1
expect_in "its message" err 'A Microsoft-issued certificate exists only for legacy AKS computes'
run plan new detach --compute-type Kubernetes --name ml-a
expect_status "detach takes no compute type: exit 2" 2
expect_in "its message" err '--compute-type does not apply to "plan new detach"'
run plan new scale
expect_status "plan new scale: exit 2" 2
expect_in "unknown operation: message" err '"plan new" builds create, attach, detach, update or migrate plans, not "scale"'
run plan new update ml-a --vm-size Standard_D3_v2
expect_status "update takes no VM size: exit 2" 2
expect_in "its message" err '--vm-size does not apply to "plan new update"'

echo "1..$n"
