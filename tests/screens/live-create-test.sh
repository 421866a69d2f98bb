#!/bin/sh
# Against the sandbox: the name is checked against the workspace's computes,
# the size list is the region's with the family quota left, and a submitted
# create is followed to its end (the sandbox finishes after 3 polls; the
# fake clock makes the wait instant).
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 3

steps '
	inf-created
	:save-display taken.screen
	<C-u>ml-live<Enter><Enter>
	:save-display size.screen
	<Enter><Enter><Enter><Enter>
	:save-display review.screen
	<Enter>
	:save-display done.screen
	:save-state done.state
	<Enter>
	:save-state end.state
'
run_akswiz create --compute-type AKS $SB_ARGS
assert_status 0
assert_equals taken.screen "a name the workspace already has is refused" <<EOF
 Create inference cluster                                           Step 1 of 6
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Compute name
  The name the workspace will know this cluster by, for good: 3 to 24 letters,
  digits and hyphens; it starts with a letter, ends with a letter or digit but
  not in a hyphen and digits ("-01"), and is not amlcompute, local or
  containerinstance.

  › Name  [inf-created                                     ]
          ✗ The workspace already has a compute named "inf-created"; choose
            another name.











 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals size.screen "the region's sizes with the family quota left" <<EOF
 Create inference cluster                                           Step 3 of 6
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  VM size and nodes
  Every node has the same VM size, which cannot be changed later; the node
  count can. Type to filter the list, Tab to reach the node count.

  Filter: (type to filter)                                      51 of 51 sizes
    Size                 vCPU    GB  Marks Quota    Family
    Standard_A4_v2          4   8.0        20 free  standardAv2Family        ↑
    Standard_A8_v2          8  16.0        20 free  standardAv2Family
    Standard_B2s            2   4.0        20 free  standardBSFamily
    Standard_B2ms           2   8.0        20 free  standardBSFamily
    Standard_B4ms           4  16.0        20 free  standardBSFamily
    Standard_D1_v2          1   3.5        38 free  standardDv2Family
    Standard_D2_v2          2   7.0        38 free  standardDv2Family
  › Standard_D3_v2          4  14.0        38 free  standardDv2Family        ↓

  Nodes   [3     ]  + and - add and remove nodes, or type the number
  ✓ 3 nodes x 4 vCPU = 12 vCPU: meets production (at least 3 nodes, at least
    12 vCPU).


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals review.screen "the review in the workspace's region" <<EOF
 Review the plan                                                         Create
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       ml-live
    Purpose            Production
    VM size and nodes  3 × Standard_D3_v2 (12 vCPU in total), in eastus
    Network            Basic (Azure creates it)
    Load balancer      Public IP
    TLS                Disabled

  Nothing known stands in the way of this plan.







 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
assert_equals done.screen "the create followed to Succeeded" <<EOF
 Created ml-live                                                      Succeeded
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Succeeded
  Elapsed   0 s (it usually takes about 10 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-live-RANDOM.json

           0 s  Creating
           0 s  InProgress
           0 s  Succeeded

  ✓ create of ml-live succeeded.










 Enter quit  Esc quit
EOF
assert_grep '^result: succeeded' done.state "the operation succeeded"
assert_no_grep 'screen:' end.state "Enter ends the program started as akswiz create"
assert_grep '"method":"PUT","path":"[^"]*/computes/ml-live' journal.log \
    "the sandbox received the PUT of ml-live"

# A Microsoft certificate: the host name previewed in the workspace's region.
steps '
	ml-tls<Enter><Enter><Enter><Enter><Enter>
	<Right><Tab>scoring
	:save-display leaf.screen
'
run_akswiz create --compute-type AKS $SB_ARGS
assert_grep 'Scoring host name: scoring######.eastus.cloudapp.azure.com' \
    leaf.screen "the leaf label's host name in the workspace's region"
tap_done
