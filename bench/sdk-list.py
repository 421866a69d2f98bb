# Microsoft's Python SDK (Debian's python3-azure) listing a workspace's
# computes against akswiz-sandbox, each written as JSON (what
# `akswiz list -o json --all` does): bench/sdk-list-bench.sh times it
# beside akswiz.  The sandbox's ready file (READY) gives the endpoint, the
# service principal and the workspace.
import json
import os
import sys

from azure.identity import ClientSecretCredential
from azure.mgmt.machinelearningservices import (
    MachineLearningServicesMgmtClient as MLClient)

ready = json.load(open(os.environ["READY"]))
cred = ClientSecretCredential(ready["tenantId"], ready["clientId"],
                              ready["clientSecret"],
                              authority=ready["authority"],
                              instance_discovery=False)
mlc = MLClient(cred, ready["subscriptionId"], base_url=ready["endpoint"],
               credential_scopes=["https://management.azure.com/.default"])
n = 0
out = sys.stdout
for c in mlc.compute.list(ready["resourceGroup"], ready["workspace"]):
    out.write(json.dumps(c.as_dict()) + "\n")
    n += 1
print("%d computes" % n, file=sys.stderr)
