#!/bin/sh
# Bash completion: source completion/akswiz in bash and call _akswiz with
# COMP_WORDS as bash would; check what it offers.
set -u
: "${top_srcdir:?run from make check}"
if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-compl.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config/akswiz" "$work/state/akswiz/operations" "$work/d"
printf 'subscription = 0b1f6471-1bf0-4dda-aec3-cb9272f09590\nresource-group = ml-rg\nworkspace = ml-workspace\n' \
    >"$work/config/akswiz/config"
printf '{"operation": "create", "compute": "ml-inf-prod", "state": "Creating"}\n' \
    >"$work/state/akswiz/operations/a.json"
printf '{"operation": "attach", "compute": "ml-attached", "state": "Succeeded"}\n' \
    >"$work/state/akswiz/operations/b.json"
: >"$work/d/plan-one.json"

n=0
failed=0
# offers "WORDS" "WANT" DESCRIPTION: completing the last word of WORDS
# (a trailing space means an empty word) gives WANT (sorted, one line).
offers() {
	got=$(cd "$work/d" && XDG_CONFIG_HOME=$work/config \
	    XDG_STATE_HOME=$work/state HOME=$work bash -c '
		. "$1/completion/akswiz"
		read -r -a COMP_WORDS <<< "$2"
		case $2 in *" ") COMP_WORDS+=("") ;; esac
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$2; COMP_POINT=${#2}
		_akswiz akswiz
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
	' sh "$top_srcdir" "$1" 2>&1 | sed 's/ $//')
	n=$((n + 1))
	if [ "$got" = "$2" ]; then
		echo "ok $n - $3"
	else
		failed=$((failed + 1))
		echo "not ok $n - $3"
		echo "#   \"$1\" got  \"$got\""
		echo "#   \"$1\" want \"$2\""
	fi
}

offers "akswiz " "account apply attach browse clusters code create delete deployment detach endpoint environment list login logout model online-deployment online-endpoint plan scale show versions vm-sizes watch" \
    "the commands"
offers "akswiz li" "list" "a command by its start"
offers "akswiz --sandbox pl" "plan" "a command after a global option"
offers "akswiz plan " "check export new" "plan's subcommands"
offers "akswiz plan new " "attach create deploy detach migrate update" "the kinds of plan"
offers "akswiz plan new migrate ml-old --ss" \
    "--ssl-cert-file --ssl-cname --ssl-disable --ssl-key-file" \
    "migrate's TLS flags, --ssl-disable among them"
offers "akswiz plan new migrate ml-old --new" "--new-name" \
    "migrate's --new-name"
offers "akswiz plan new create --ssl-c" "--ssl-cert-file --ssl-cname" \
    "plan new's az ml flags"
offers "akswiz plan new create --cluster-purpose " "DevTest FastProd" \
    "purpose values"
offers "akswiz plan new create --load-balancer-type I" \
    "InternalLoadBalancer" "load balancer types"
offers "akswiz plan export --as " "arm az python" "export formats"
offers "akswiz plan check pl" "plan-one.json" "plan check takes a file"
offers "akswiz -o " "json table tsv" "output formats"
offers "akswiz list --output t" "table tsv" "output formats after a command"
offers "akswiz --cloud AzureC" "AzureChinaCloud AzureCloud" "clouds"
offers "akswiz list -w " "ml-workspace" "the workspace from the config file"
offers "akswiz list -g " "ml-rg" "the resource group from the config file"
offers "akswiz watch " "ml-attached ml-inf-prod" \
    "watch: compute names from the journal"
offers "akswiz show ml-i" "ml-inf-prod" "show: a journaled compute name"
offers "akswiz detach --" "--authority --ca-file --cloud --debug --delete-cluster --endpoint --help --no-color --no-wait --output --readonly --resource-group --sandbox --save-tls --subscription --uninstall-extension --version --workspace --yes" \
    "detach's options and the global ones"
offers "akswiz scale --ag" "--agent-count" "scale: its node count"
offers "akswiz scale --no" "--no-color --no-wait --nodepool-name" \
    "scale: the node pool"
offers "akswiz clusters --c" "--ca-file --cloud --compute-type" \
    "clusters: the compute type to judge for"
offers "akswiz plan new attach --comp" "--compute-resource-id --compute-type" \
    "plan new attach: today's path"
offers "akswiz clusters --compute-type " "AKS Kubernetes" \
    "compute types"
offers "akswiz plan new update ml-a --inference-router-service-type N" \
    "NodePort" "router service types"
offers "akswiz login --m" "--managed-identity" "login methods"
offers "akswiz vm-sizes -" "--authority --ca-file --cloud --debug --endpoint --help --location --no-color --output --readonly --resource-group --sandbox --subscription --version --workspace -g -h -l -o -w" \
    "vm-sizes takes -l"
offers "akswiz apply pl" "plan-one.json" "apply takes a plan file"
echo "1..$n"
[ "$failed" -eq 0 ]
