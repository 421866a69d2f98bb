#!/bin/sh
# A production create is refused at 2 nodes, with the problem next to the
# node count, and goes on at 3; "+" and "-" change the count.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	ml-prod<Enter><Enter>
	D3_v2<Tab><C-u>2
	<Enter>
	:save-display two.screen
	:save-state two.state
	+
	:save-display three.screen
	<Enter>
	:save-state next.state
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals two.screen "2 nodes: Next refused, the problem under the count" <<EOF
 Create inference cluster                                           Step 3 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  VM size and nodes
  Every node has the same VM size, which cannot be changed later; the node
  count can. Type to filter the list, Tab to reach the node count.

  Filter: D3_v2                                                 1 of 128 sizes
  Offline: built-in sizes; quota is checked online.
    Size                  vCPU    GB  Marks Quota Family
  › Standard_D3_v2           4  14.0              standardDv2Family







  Nodes   [2     ]  Region  [                ]  +/- nodes
  ✗ Production needs at least 3 nodes; this has 2 nodes.
  ✗ Production needs nodes x vCPU of at least 12; 2 x 4 vCPU = 8 vCPU.

 Not yet: fix what is marked first.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: size (3 of 6)' two.state "still on the size step"
assert_grep '^verdict: error nodeCount PROD_NODES' two.state "the model has the error"
assert_equals three.screen "3 nodes: meets production" <<EOF
 Create inference cluster                                           Step 3 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  VM size and nodes
  Every node has the same VM size, which cannot be changed later; the node
  count can. Type to filter the list, Tab to reach the node count.

  Filter: D3_v2                                                 1 of 128 sizes
  Offline: built-in sizes; quota is checked online.
    Size                  vCPU    GB  Marks Quota Family
  › Standard_D3_v2           4  14.0              standardDv2Family







  Nodes   [3     ]  Region  [                ]  +/- nodes
  ✓ 3 nodes x 4 vCPU = 12 vCPU: meets production (at least 3 nodes, at least
    12 vCPU).


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: network (4 of 6)' next.state "Next goes on to the network"
assert_grep '^nodeCount: 3' next.state "with 3 nodes"
tap_done
