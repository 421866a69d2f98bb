#!/bin/sh
# Microsoft's Python SDK (Debian's python3-azure,
# azure.mgmt.machinelearningservices at its default api-version,
# 2022-10-01) against akswiz-sandbox's online endpoints and deployments
# (tests/sandbox/python-sdk-endpoints-flow.py, one TAP line a step), and
# no key or token in the journal.  Skipped only when the packages are
# missing.
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import azure.identity, azure.mgmt.kubernetesconfiguration, azure.mgmt.machinelearningservices' 2>/dev/null; then
	echo "1..0 # SKIP python3-azure is not installed"
	exit 0
fi
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --journal "$T/journal"

python_flow "$top_srcdir/tests/sandbox/python-sdk-endpoints-flow.py"
is "$rc" 0 "the SDK flow exits 0"
n=$(grep '"method":"PUT"' "$T/journal" | grep -F onlineEndpoints/pyep/deployments/blue | grep -c '"api-version":"2022-10-01"')
like "$n" "[1-9]*" "the sandbox received the deployment at the SDK's default, 2022-10-01"
n=$(grep -c -e '"primaryKey":"[^<]' -e '"accessToken":"[^<]' "$T/journal")
is "$n" 0 "no key or token in the journal"
done_testing
