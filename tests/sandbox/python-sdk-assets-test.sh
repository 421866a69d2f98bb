#!/bin/sh
# Microsoft's Python SDKs (Debian's python3-azure: machinelearningservices
# at its default api-version, 2022-10-01, and azure-storage-blob) register
# a model through the default datastore and the sandbox's blob store
# (tests/sandbox/python-sdk-assets-flow.py, one TAP line a step); no key
# or signature in the journal.  Skipped only when the packages are
# missing.
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import azure.identity, azure.storage.blob, azure.mgmt.machinelearningservices' 2>/dev/null; then
	echo "1..0 # SKIP python3-azure is not installed"
	exit 0
fi
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --journal "$T/journal"

python_flow "$top_srcdir/tests/sandbox/python-sdk-assets-flow.py"
is "$rc" 0 "the SDK flow exits 0"
n=$(grep '"method":"PUT"' "$T/journal" | grep -F /models/skl/versions/1 | grep -c '"api-version":"2022-10-01"')
like "$n" "[1-9]*" "the model version came at the SDK's default, 2022-10-01"
n=$(grep -c 'comp":"block"' "$T/journal")
like "$n" "[4-9]" "the upload came in blocks"
arm POST "$WSP/datastores/workspaceblobstore/listSecrets?api-version=2024-10-01"
n=$(grep -c -F "$(j .key)" "$T/journal")
is "$n" 0 "the account key is not in the journal"
n=$(grep -c -e '"sig":"[^<]' -e '"authorization":"SharedKey [^<]' "$T/journal")
is "$n" 0 "no signature in the journal"
done_testing
