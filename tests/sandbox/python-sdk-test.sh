#!/bin/sh
# Microsoft's Python SDK (Debian's python3-azure, at its default
# api-versions) against akswiz-sandbox: the 11 steps of a create, attach,
# list, show, detach and delete flow (tests/sandbox/python-sdk-flow.py),
# one TAP line each.  /usr/bin/python3 on purpose: a python3 earlier on
# PATH may lack the Debian packages.  Skipped only when they are missing.
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import azure.identity, azure.mgmt.resource, azure.mgmt.compute, azure.mgmt.containerservice, azure.mgmt.machinelearningservices' 2>/dev/null; then
	echo "1..0 # SKIP python3-azure is not installed"
	exit 0
fi
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --allow-legacy-create --journal "$T/journal"

python_flow "$top_srcdir/tests/sandbox/python-sdk-flow.py"
is "$rc" 0 "the SDK flow exits 0"
put=$(grep '"method":"PUT"' "$T/journal" | grep -c '"api-version":"2022-10-01"')
like "$put" "[1-9]*" "the sandbox received the ML SDK's PUTs at its default, 2022-10-01"
get=$(grep '/managedClusters' "$T/journal" | grep -c '"api-version":"2022-11-01"')
like "$get" "[1-9]*" "and managedClusters at the SDK's default, 2022-11-01"
secret=$("$JGET" .clientSecret <"$T/ready.json")
tap $(grep -qF -- "$secret" "$T/journal" "$T/py.out" "$T/py.err"; [ $? = 1 ]; echo $?) \
    "the secret is in no journal and no output"
done_testing
