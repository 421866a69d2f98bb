#!/bin/sh
# A full dev-test create, offline: name, purpose, size filtered and one
# node, defaults for network, load balancer and TLS, the review, the plan
# saved and shown as the az command.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	ml-dev
	:save-display name.screen
	<Enter>
	<Down>
	:save-display purpose.screen
	<Enter>
	D3_v2<Tab><C-u>1
	:save-display size.screen
	<Enter><Enter><Enter><Enter>
	:save-display review.screen
	<Down><Enter>
	:save-display saveas.screen
	<Enter>
	:save-display saved.screen
	:save-state saved.state
	<Down><Enter>
	:save-display az.screen
	<Esc>
	:save-state back.state
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0

assert_equals name.screen "the name step checks the name as it is typed" <<EOF
 Create inference cluster                                           Step 1 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by, for good: 3 to 24 letters,
  digits and hyphens; it starts with a letter, ends with a letter or digit but
  not in a hyphen and digits ("-01"), and is not amlcompute, local or
  containerinstance.

  › Name  [ml-dev                                          ]

    ✓ "ml-dev" follows the rules. Whether it is free is checked when the
      workspace can be read.










 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals purpose.screen "purpose: each choice explained, dev-test caveat" <<EOF
 Create inference cluster                                           Step 2 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Purpose
  What the cluster is for decides how big it must be.

    ( ) Production
        For live traffic: at least 3 nodes and 12 vCPU in total, so that the
        service can keep scoring while a node is replaced.

  › (•) Dev-test
        For trying things out: one node or more. Not for production traffic;
        inference may be slower.

    · Dev-test is not suited to production traffic and may increase
      inference times.







 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals size.screen "size: filtered list, one node, the live sizing line" <<EOF
 Create inference cluster                                           Step 3 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  VM size and nodes
  Every node has the same VM size, which cannot be changed later; the node
  count can. Type to filter the list, Tab to reach the node count.

  Filter: D3_v2                                                 1 of 128 sizes
  Offline: built-in sizes; quota is checked online.
    Size                  vCPU    GB  Marks Quota Family
  › Standard_D3_v2           4  14.0              standardDv2Family








  Nodes   [1     ]  Region  [                ]  +/- nodes
  ✓ 1 node x 4 vCPU = 4 vCPU: meets dev-test (at least 1 node).


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals review.screen "review: the whole plan, nothing in the way" <<EOF
 Review the plan                                                         Create
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       ml-dev
    Purpose            Dev-test
    VM size and nodes  1 × Standard_D3_v2 (4 vCPU in total)
    Network            Basic (Azure creates it)
    Load balancer      Public IP
    TLS                Disabled

  Nothing known stands in the way of this plan.







 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
assert_equals saveas.screen "save: the default path under XDG_STATE_HOME" <<EOF
 Review the plan                                                         Create
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

    Submit
  › Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       ml-dev
    Purpose            Dev-test
    VM size and nodes  1 × Standard_D3_v2 (4 vCPU in total)
    Network            Basic (Azure creates it)
    Load balancer      Public IP
    TLS                Disabled

  Nothing known stands in the way of this plan.






 Save to  [WORK/state/akswiz/plans/ml-dev.json         ]
 Enter save  Esc cancel  Tab complete
EOF
assert_equals saved.screen "saved: the path and how to apply it" <<EOF
 Review the plan                                                         Create
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

    Submit
  › Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       ml-dev
    Purpose            Dev-test
    VM size and nodes  1 × Standard_D3_v2 (4 vCPU in total)
    Network            Basic (Azure creates it)
    Load balancer      Public IP
    TLS                Disabled

  Nothing known stands in the way of this plan.

  Saved to WORK/state/akswiz/plans/ml-dev.json. To
  perform it from a shell: akswiz apply
  WORK/state/akswiz/plans/ml-dev.json


 Saved to WORK/state/akswiz/plans/ml-dev.json
 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
plan=state/akswiz/plans/ml-dev.json
assert_grep '"purpose": "DevTest"' $plan "the saved plan is dev-test"
assert_grep '"vmSize": "Standard_D3_v2"' $plan "the saved plan has the size"
assert_grep '"nodeCount": 1' $plan "the saved plan has one node"
assert_grep '^saved: .*ml-dev.json' saved.state "the model knows it is saved"
assert_equals az.screen "the equivalent az command" <<'EOF'
 The equivalent az command
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  az ml computetarget create aks \
      --name ml-dev \
      --subscription 00000000-0000-0000-0000-000000000001 \
      --resource-group rg1 \
      --workspace-name ws1 \
      --cluster-purpose DevTest \
      --vm-size Standard_D3_v2 \
      --agent-count 1 \
      --load-balancer-type PublicIp











 Up/Down scroll  w write it to a file  Esc back
EOF
assert_grep '^screen: review' back.state "Esc leaves the export for the review"
tap_done
