#!/bin/sh
# The advanced network: every setting checked as it is typed, the problem
# under its field, Next refused until all six are right; Esc back and
# forth keeps them; basic again leaves them out of the plan.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	ml-net<Enter><Enter><Enter>
	<Right><Down>vnet-rg<Down>vnet-a<Down>snet-a
	<Down><Down><C-u>10.1.0.5
	:save-display dns.screen
	<Enter>
	:save-state refused.state
	<C-u>10.0.0.10
	<Down><C-u>10.0.0.0/24
	:save-display bridge.screen
	<C-u>172.17.0.1/16
	<Enter>
	:save-state lb.state
	<Esc>
	:save-state back.state
	<Enter><Enter><Enter>
	:save-state review.state
	:save-display review.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals dns.screen "a DNS service IP outside the service CIDR, said under it" <<EOF
 Create inference cluster                                           Step 4 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Network
  Basic lets Azure create the virtual network. Advanced puts the cluster in an
  existing virtual network: all six settings are needed.

    Network              ( ) Basic (Azure creates it)
                         (•) Advanced (your VNet)
    VNet resource group  [vnet-rg                                         ]
    VNet                 [vnet-a                                          ]
    Subnet               [snet-a                                          ]
    Service CIDR         [10.0.0.0/16                                     ]
  › DNS service IP       [10.1.0.5                                        ]
                         ✗ DNS service IP 10.1.0.5 is outside the service CIDR
                           10.0.0.0/16.
    Docker bridge CIDR   [172.17.0.1/16                                   ]






 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^verdict: error network.dnsServiceIp DNS_OUTSIDE' refused.state "Next is refused for it"
assert_grep '^step: network' refused.state "and stays on the network step"
assert_equals bridge.screen "a bridge overlapping the service CIDR" <<EOF
 Create inference cluster                                           Step 4 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Network
  Basic lets Azure create the virtual network. Advanced puts the cluster in an
  existing virtual network: all six settings are needed.

    Network              ( ) Basic (Azure creates it)
                         (•) Advanced (your VNet)
    VNet resource group  [vnet-rg                                         ]
    VNet                 [vnet-a                                          ]
    Subnet               [snet-a                                          ]
    Service CIDR         [10.0.0.0/16                                     ]
    DNS service IP       [10.0.0.10                                       ]
  › Docker bridge CIDR   [10.0.0.0/24                                     ]
                         ✗ Docker bridge CIDR 10.0.0.0/24 overlaps the service
                           CIDR 10.0.0.0/16.






 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: lb' lb.state "all six right: on to the load balancer"
assert_grep '^network: advanced' back.state "back on the network step, advanced is kept"
assert_equals review.screen "the review shows the network" <<EOF
 Review the plan                                                         Create
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    Compute name       ml-net
    Purpose            Production
    VM size and nodes  3 × Standard_D3_v2 (12 vCPU in total)
    Network            vnet-rg/vnet-a/snet-a, 10.0.0.0/16, 10.0.0.10, 172.17.…
    Load balancer      Public IP
    TLS                Disabled

  Nothing known stands in the way of this plan.







 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
tap_done
