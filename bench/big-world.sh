#!/bin/sh
# The shipped sandbox world plus N computes in ml-workspace, 100 to a list
# page, on stdout; for the benchmarks:
#	sh bench/big-world.sh N >world.json
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
awk -v n="$1" '
	{ sub(/"computePageSize": 2/, "\"computePageSize\": 100"); print }
	/^  "computes": \[/ && !done {
		for (i = 0; i < n; i++)
			printf "    {\"subscriptionId\": \"0b1f6471-1bf0-4dda-aec3-cb9272f09590\", \"resourceGroup\": \"ml-rg\", \"workspace\": \"ml-workspace\", \"resource\": {\"name\": \"bench%05d\", \"location\": \"eastus\", \"properties\": {\"computeType\": \"AKS\", \"computeLocation\": \"eastus\", \"provisioningState\": \"Succeeded\", \"createdOn\": \"2026-10-01T09:00:00.0000000+00:00\", \"modifiedOn\": \"2026-10-01T09:00:00.0000000+00:00\", \"isAttachedCompute\": false, \"properties\": {\"agentCount\": 3, \"agentVmSize\": \"Standard_D3_v2\", \"clusterPurpose\": \"FastProd\", \"loadBalancerType\": \"PublicIp\", \"sslConfiguration\": {\"status\": \"Disabled\"}}}}},\n", i
		done = 1
	}' "$srcdir/data/sandbox-world.json"
