#!/bin/sh
# The wizard's steps as a new user meets them (issue 10, items 11 and 6):
# every sizing problem at once on the VM step, as plan check lists them;
# the filter matches size names ("N": the N series, not every
# "Standard_" size); the table's columns line up; "1 node", not "1 nodes";
# the name help says how a name must end and which names are reserved;
# the dev-test caveat once on the attach purpose step; F1 explains the
# step it is pressed on; Esc on the first step keeps the plan.  At 60x20
# every step is usable whole (skipped while this build's minimum terminal
# is larger: tui-display lowers it).
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	ml-a<Enter>
	<Enter><Tab><C-u>1
	:save-display prod1.screen
	:save-state prod1.state
	<S-Tab>N
	:save-display filter.screen
	<C-u>D3_v2
	<Esc><Down><Enter><Tab><C-u>1
	:save-display dev1.screen
	<F1>
	:save-display size-help.screen
	<Esc><Enter><Enter>
	<F1>
	:save-display lb-help.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_grep '^verdict: error nodeCount PROD_NODES' prod1.state "1 production node: too few nodes"
assert_grep '^verdict: error nodeCount PROD_VCPU' prod1.state "and too few vCPU, both at once"
assert_grep 'Production needs at least 3 nodes; this has 1 node\.' prod1.screen "the screen shows the node problem"
assert_grep 'Production needs nodes x vCPU of at least 12; 1 x 4 vCPU' prod1.screen "and the vCPU problem under it"
assert_grep 'Filter: N  *22 of 128 sizes' filter.screen "\"N\" matches the N series only"
assert_no_grep 'Standard_D' filter.screen "no D series size matches \"N\""
assert_equals filter.screen "the size table's columns line up" <<EOF
 Create inference cluster                                           Step 3 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  VM size and nodes
  Every node has the same VM size, which cannot be changed later; the node
  count can. Type to filter the list, Tab to reach the node count.

  Filter: N                                                    22 of 128 sizes
  Offline: built-in sizes; quota is checked online.
    Size                  vCPU    GB  Marks Quota Family
  › Standard_NC12           12 112.0  GPU×2       standardNCFamily
    Standard_NC12s_v3       12 224.0  GPU×2       standardNCSv3Family
    Standard_NC16as_T4_v3   16 110.0  GPU×1       standardNCASv3_T4Family
    Standard_NC24           24 224.0  GPU×4       standardNCFamily
    Standard_NC24r          24 224.0  GPU×4       standardNCFamily
    Standard_NC24rs_v3      24 448.0  GPU×4       standardNCSv3Family
    Standard_NC24s_v3       24 448.0  GPU×4       standardNCSv3Family
    Standard_NC4as_T4_v3     4  28.0  GPU×1       standardNCASv3_T4Family    ↓

  Nodes   [1     ]  Region  [                ]  +/- nodes
  ✗ Production needs at least 3 nodes; this has 1 node.


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '✓ 1 node x 4 vCPU = 4 vCPU' dev1.screen "one node, singular"
assert_grep 'Keys of this step: VM size and nodes' size-help.screen "F1 on the size step names it"
assert_grep 'filter the sizes by name' size-help.screen "and says what typing does there"
assert_grep 'Keys of this step: Load balancer' lb-help.screen "F1 on the load balancer step names it"
assert_grep 'Public IP or Internal' lb-help.screen "and what Left/Right choose there"

# The name help: the end and reserved names.
steps '
	:save-display name.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_grep 'ends with a letter or digit' name.screen "the name help says how a name ends"
assert_grep 'containerinstance' name.screen "and which names are reserved"

# Esc on the first step of `akswiz create` keeps the plan as the draft.
steps '
	ml-kept<Esc>
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0 "Esc on the first step leaves without asking"
assert_grep '"name": *"ml-kept"' state/akswiz/draft.json "the plan is kept as the draft"

# 60x20: every step, whole.
rm -f state/akswiz/draft.json
steps '
	:save-display s60-name.screen
	ml-a<Enter>
	:save-display s60-purpose.screen
	<Enter><Tab><C-u>1
	:save-display s60-size.screen
	<C-u>3<Enter><Right><Tab>net-rg<Tab>ml-vnet<Tab>snet-nodes
	:save-display s60-network.screen
	<Enter><Right>
	:save-display s60-lb.screen
	<Enter><Right>
	:save-display s60-tls.screen
	<F1>
	:save-display s60-help.screen
	<Down><Down><Down><Down><Down><Down><Down><Down>
	:save-display s60-help-end.screen
'
COLUMNS=60 LINES=20
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
if ! grep -q 'Create inference cluster' s60-name.screen; then
	ok "60x20: the wizard's steps # SKIP minimum above 60x20"
else
	assert_equals s60-name.screen "60x20: the name step" <<EOF
 Create inference cluster                       Step 1 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001

  Compute name
  F1 explains this step and its keys.

  › Name  [                                              ]












 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_equals s60-purpose.screen "60x20: the purpose step" <<EOF
 Create inference cluster                       Step 2 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001

  Purpose
  F1 explains this step and its keys.

  › (•) Production
        For live traffic: at least 3 nodes and 12 vCPU
        in total, so that the service can keep scoring
        while a node is replaced.

    ( ) Dev-test
        For trying things out: one node or more. Not for
        production traffic; inference may be slower.





 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_equals s60-size.screen "60x20: the size step, both problems whole" <<EOF
 Create inference cluster                       Step 3 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001

  VM size and nodes
  F1 explains this step and its keys.

  Filter: (type to filter)                128 of 128 sizes
  Offline: built-in sizes; quota is checked online.
    Size                  vCPU    GB  Marks Quota Family
    Standard_D32s_v4        32 128.0              standar↑
    Standard_D32s_v5        32 128.0              standar…
  › Standard_D3_v2           4  14.0              standar↓

  Nodes   [1     ]  Region  [                ]  +/- nodes
  ✗ Production needs at least 3 nodes; this has 1 node.
  ✗ Production needs nodes x vCPU of at least 12; 1 x 4
    vCPU = 4 vCPU.


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_equals s60-network.screen "60x20: the network step" <<EOF
 Create inference cluster                       Step 4 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001

  Network
  F1 explains this step and its keys.

    Network              ( ) Basic (Azure creates it)
                         (•) Advanced (your VNet)
    VNet resource group  [net-rg                         ]
    VNet                 [ml-vnet                        ]
  › Subnet               [snet-nodes                     ]
    Service CIDR         [10.0.0.0/16                    ]
    DNS service IP       [10.0.0.10                      ]
    Docker bridge CIDR   [172.17.0.1/16                  ]





 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_equals s60-lb.screen "60x20: the load balancer step" <<EOF
 Create inference cluster                       Step 5 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001

  Load balancer
  F1 explains this step and its keys.

  › Load balancer  ( ) Public IP   (•) Internal
    Subnet         [snet-nodes                           ]











 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_equals s60-tls.screen "60x20: the TLS step" <<EOF
 Create inference cluster                       Step 6 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001

  TLS
  F1 explains this step and its keys.

  A Microsoft certificate is not offered: it is not
  supported with an internal load balancer.

  › TLS               ( ) Disabled
                      (•) Custom certificate
    Certificate file  [                                  ]
    Key file          [                                  ]
    CNAME             [                                  ]





 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_equals s60-help.screen "60x20: F1 explains the step" <<EOF
 Create inference cluster                       Step 6 of 6
 ws1 · rg1 · 00000000-0000-0000-0000-000000000001
  ── Keys of this step: TLS ──────────────────────────────
    Scoring can use HTTPS, with a certificate Microsoft
    issues for a host name under the region's cloudapp
    domain, or with your own certificate for your own
    host name (CNAME).

    Left/Right    Disabled, a Microsoft or a custom
                  certificate
    Tab           the next field; in a file name,
                  completes it first
    Space         tick or untick a box
    Enter         the next step, once this one has no
                  errors

    Down shows more; Esc closes.
  ────────────────────────────────────────────────────────

 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
	assert_grep 'quit (asking first' s60-help-end.screen \
	    "60x20: Down scrolls the keys to the last row"
fi
COLUMNS=80 LINES=24

# Attach, dev-test, a cluster whose size is known: the caveat once.
sandbox_start --allow-legacy-create --polls 2
steps '
	<Home><Down><Enter>
	ml-small<Enter><Down>
	:save-state attach-dev.state
	:save-display attach-dev.screen
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_grep '^step: purpose' attach-dev.state "attach: on the purpose step"
n=$(grep -c 'DEVTEST_CAVEAT' attach-dev.state)
if [ "$n" -eq 1 ]; then ok "attach dev-test: the caveat once in the model"
else not_ok "attach dev-test: the caveat once in the model ($n)"; fi
n=$(grep -c 'Dev-test is not suited' attach-dev.screen)
if [ "$n" -eq 1 ]; then ok "attach dev-test: the caveat once on the screen"
else not_ok "attach dev-test: the caveat once on the screen ($n)"; fi

# 60x20: the clusters with their verdicts whole, the selected one's problem
# in full under them.
steps '
	<Down><Down>
	:save-display s60-clusters.screen
'
COLUMNS=60 LINES=20
run_akswiz attach --compute-type AKS $SB_ARGS
if ! grep -q 'Attach AKS cluster' s60-clusters.screen; then
	ok "60x20: the attach step # SKIP minimum above 60x20"
else
	assert_equals s60-clusters.screen "60x20: the attach step" <<EOF
 Attach AKS cluster                             Step 1 of 5
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  AKS cluster
  F1 explains this step and its keys.

    Cluster          Version Verdict
    aks-prod         1.29.4  ✓ can be attached
    aks-small        1.29.4  ! too small for production
  › aks-old          1.26.6  ✗ unsupported version
    aks-preview      1.30.0  ! preview version
    aks-private      1.29.4  ! private cluster
    aks-ranges       1.29.4  ! authorized IP ranges
    aks-attached     1.29.4  ✗ already attached as inf-at↓

  ✗ Kubernetes 1.26.6 is not supported; supported versions
    are between 1.27 and 1.29.


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
fi
COLUMNS=80 LINES=24
tap_done
