# Shared by the tests of `akswiz --sandbox`: a private folder $T (TMPDIR,
# HOME and the XDG folders in it, so the sandbox world is $W), no Azure
# credentials from the caller, $A the akswiz under test, and ok STATUS
# DESCRIPTION (one TAP line; on failure the run's stderr and stdout).
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-sb.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/tmp"
export TMPDIR="$T/tmp" HOME="$T/home" XDG_STATE_HOME="$T/state"
export XDG_CACHE_HOME="$T/cache" XDG_CONFIG_HOME="$T/config"
# SB_LEGACY=1: the sandbox accepts new legacy AKS computes (the tests
# that create them).
SB_LEGACY_OPT=${SB_LEGACY:+ --allow-legacy-create}
export AKSWIZ_POLL_MIN_MS=20 AKSWIZ_SANDBOX_OPTIONS="--polls ${SB_POLLS:-2} --retry-after 0$SB_LEGACY_OPT"
unset AZURE_CLIENT_SECRET AZURE_TENANT_ID AZURE_CLIENT_ID AKSWIZ_SUBSCRIPTION \
    AKSWIZ_RESOURCE_GROUP AKSWIZ_WORKSPACE AKSWIZ_ENDPOINT AKSWIZ_AUTHORITY
A="$top_builddir/akswiz"
W="$T/state/akswiz/sandbox"
n=0
failed=0
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
		echo "not ok $n - $2"; failed=$((failed + 1))
		sed 's/^/#   /' "$T/err" 2>/dev/null | head -n 10
		sed 's/^/#   /' "$T/out" 2>/dev/null | head -n 10; fi
}

# interrupt SIGNAL PLAN [GLOBAL OPTIONS]: akswiz --sandbox apply PLAN,
# slow, killed by SIGNAL once it says Creating; its exit status in $killed.
interrupt() {
	sig=$1 plan=$2
	shift 2
	AKSWIZ_POLL_MIN_MS=2000 \
	    AKSWIZ_SANDBOX_OPTIONS="--polls 50 --retry-after 0$SB_LEGACY_OPT" \
	    "$A" --sandbox "$@" apply "$plan" >"$T/out" 2>"$T/err" &
	pid=$!
	i=0
	until grep -q 'Creating' "$T/err" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 3000 ] && break
		sleep 0.01
	done
	kill -"$sig" $pid
	wait $pid 2>/dev/null
	killed=$?
}
