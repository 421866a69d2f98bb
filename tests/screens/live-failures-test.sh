#!/bin/sh
# Against the sandbox: a workspace whose resource group forbids public IPs
# fails the create; the screen decodes the failure and Enter goes back to
# the load balancer step.  The failed compute keeps its name, so preflight
# refuses the retry and routes to the name step; another name with an
# internal load balancer succeeds.  A size whose family has no quota left
# is refused on the size step before anything is sent.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 2

steps '
	ml-secure<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
	:save-display failed.screen
	:save-state failed.state
	<Enter>
	:save-display lb.screen
	<Right><Tab>aks-subnet<Enter><Enter>
	<Enter>
	:save-state refused.state
	:save-display refused.screen
	<Enter><C-u>ml-secure-b<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
	:save-state internal.state
'
run_akswiz create --compute-type AKS $SB_ARGS -g secure-rg -w secure-workspace
assert_status 0
assert_equals failed.screen "the policy failure, decoded, with the way back" <<EOF
 Could not create ml-secure                                              Failed
 Workspace secure-workspace · group secure-rg · subscription 0b1f6471-1bf0-4dd…

  State     Failed
  Elapsed   0 s (it usually takes about 10 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-secure-RANDOM.json

           0 s  Creating
           0 s  InProgress
           0 s  Failed

  ✗ create of ml-secure failed: RequestDisallowedByPolicy: Resource
    'kubernetes-a08b35b68' was disallowed by policy. Reasons: 'load balancer
    should not have public IP'. See error details for policy resource IDs.
    A policy forbids public IP addresses: use an internal load balancer
    (loadBalancer.type InternalLoadBalancer with a subnet).

  Enter goes back to the Load balancer step to change it; nothing typed is
  lost.



 Enter fix it  Esc quit
EOF
assert_grep '^result: failed' failed.state "the create failed"
assert_equals lb.screen "Enter goes back to the load balancer step" <<EOF
 Create inference cluster                                           Step 5 of 6
 Workspace secure-workspace · group secure-rg · subscription 0b1f6471-1bf0-4dd…

  Load balancer
  A public IP makes the scoring endpoint reachable from the internet; an
  internal load balancer keeps it inside a subnet of your virtual network.

  › Load balancer  (•) Public IP   ( ) Internal















 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^result: refused' refused.state "the failed compute keeps its name: preflight refuses it"
assert_equals refused.screen "the refusal says why and where to fix it" <<EOF
 Could not create ml-secure
 Workspace secure-workspace · group secure-rg · subscription 0b1f6471-1bf0-4dd…


  Preflight refused the plan; nothing was sent:
  ✗ The workspace already has a compute named "ml-secure"; choose another
    name.

  Enter goes back to the Compute name step to change it; nothing typed is
  lost.













 Enter fix it  Esc quit
EOF
assert_grep '^result: succeeded' internal.state "another name and an internal load balancer succeed"
assert_grep '"loadBalancerType":"InternalLoadBalancer"' journal.log "the sandbox received an internal load balancer"

steps '
	ml-nd<Enter><Down><Enter>
	ND6s<Tab><C-u>1
	:save-display quota.screen
	<Enter>
	:save-state quota.state
'
run_akswiz create --compute-type AKS $SB_ARGS
assert_equals quota.screen "no quota left for the family: said on the size step" <<EOF
 Create inference cluster                                           Step 3 of 6
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  VM size and nodes
  Every node has the same VM size, which cannot be changed later; the node
  count can. Type to filter the list, Tab to reach the node count.

  Filter: ND6s                                                   1 of 51 sizes
    Size                 vCPU    GB  Marks Quota    Family
  › Standard_ND6s           6 112.0  GPU×1 0 free   standardNDSFamily







  Nodes   [1     ]  + and - add and remove nodes, or type the number
  ✗ Not enough Standard NDS Family vCPUs quota in eastus: limit 0, in use 0,
    this needs 6 more; 0 are free.
  ✓ 1 node x 6 vCPU = 6 vCPU: meets dev-test (at least 1 node).


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: size' quota.state "Next is refused"
assert_grep '^verdict: error [a-zA-Z]* QUOTA_FAMILY' quota.state "for the family's quota"
tap_done
