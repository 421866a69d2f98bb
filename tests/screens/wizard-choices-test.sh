#!/bin/sh
# Choices that depend on each other (issue 10, items 1 and 11): an
# internal load balancer takes the Microsoft certificate away; the TLS
# step then keeps a focus that works, says what changed, still offers a
# custom certificate, and gives the Microsoft certificate back when Public
# IP is chosen again.  On the Basic network Azure creates one subnet,
# aks-subnet: the wizard offers it and refuses another name; on the
# Advanced network it offers the VNet's subnet.  plan check agrees.
. "$top_srcdir/tests/screens/libtest.sh"

# The keys of the issue, as a user typed them.
steps '
	tls-a<Enter><Enter><Enter><Enter><Enter>
	<Right><Tab>
	<Esc><Right><Tab>aks-subnet<Enter>
	:save-display locked.screen
	:save-state locked.state
	<Esc><S-Tab><Left>
	:save-display public.screen
	<Enter>
	:save-state restored.state
	<Esc><Right><Enter><Right>
	:save-state custom.state
	:save-display custom.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals locked.screen "TLS after an internal load balancer: a focus, and what changed" <<EOF
 Create inference cluster                                           Step 6 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  TLS
  Scoring can use HTTPS, with a certificate Microsoft issues for a host name
  under the region's cloudapp domain, or with your own certificate for your
  own host name (CNAME).

  ! The Microsoft certificate you chose is not supported with an internal load
    balancer, so TLS is Disabled now. Choose a custom certificate, or go back
    and choose Public IP to get the Microsoft certificate back as you left it.

  › TLS  (•) Disabled   ( ) Custom certificate










 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^tls: disabled' locked.state "TLS is Disabled under an internal load balancer"
assert_equals public.screen "the load balancer step says nothing while public" <<EOF
 Create inference cluster                                           Step 5 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Load balancer
  A public IP makes the scoring endpoint reachable from the internet; an
  internal load balancer keeps it inside a subnet of your virtual network.

  › Load balancer  (•) Public IP   ( ) Internal















 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^tls: microsoft' restored.state "Public IP again gives the Microsoft certificate back"
assert_grep '^tls: custom' custom.state "a custom certificate can be reached under an internal load balancer"
assert_equals custom.screen "the custom certificate's fields" <<EOF
 Create inference cluster                                           Step 6 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  TLS
  Scoring can use HTTPS, with a certificate Microsoft issues for a host name
  under the region's cloudapp domain, or with your own certificate for your
  own host name (CNAME).

  A Microsoft certificate is not offered: it is not supported with an internal
  load balancer.

  › TLS               ( ) Disabled   (•) Custom certificate
    Certificate file  [                                                ]
    Key file          [                                                ]
    CNAME             [                                                ]








 Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF

# Basic network: aks-subnet is offered, another name is refused.
steps '
	ml-net<Enter><Enter><Enter><Enter><Right>
	:save-display offered.screen
	:save-state offered.state
	<Tab>snet-scoring<Enter>
	:save-display basic.screen
	:save-state basic.state
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_grep '^loadBalancer: InternalLoadBalancer aks-subnet$' offered.state "aks-subnet is offered on the Basic network"
assert_equals offered.screen "the offered subnet" <<EOF
 Create inference cluster                                           Step 5 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Load balancer
  A public IP makes the scoring endpoint reachable from the internet; an
  internal load balancer keeps it inside a subnet of your virtual network.

  › Load balancer  ( ) Public IP   (•) Internal
    Subnet         [aks-subnet                                      ]














 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: lb' basic.state "another subnet on the Basic network: Next is refused"
assert_grep '^verdict: error loadBalancer.subnet LB_SUBNET_BASIC' basic.state "the model has LB_SUBNET_BASIC"
assert_equals basic.screen "the refusal says which subnet works" <<EOF
 Create inference cluster                                           Step 5 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Load balancer
  A public IP makes the scoring endpoint reachable from the internet; an
  internal load balancer keeps it inside a subnet of your virtual network.

    Load balancer  ( ) Public IP   (•) Internal
  › Subnet         [snet-scoring                                    ]
                   ✗ The Basic network has only the subnet "aks-subnet", not
                     "snet-scoring"; use it, or the Advanced network.











 Not yet: fix what is marked first.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF

# Advanced network: the VNet's subnet is offered, and any name is taken.
steps '
	ml-vnet<Enter><Enter><Enter>
	<Right><Tab>net-rg<Tab>ml-vnet<Tab>snet-nodes<Enter><Right>
	:save-state vnet.state
	<Tab>snet-scoring<Enter>
	:save-state vnet-other.state
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_grep '^loadBalancer: InternalLoadBalancer snet-nodes$' vnet.state "the VNet's subnet is offered on the Advanced network"
assert_grep '^step: tls' vnet-other.state "another subnet of the VNet is taken"

# plan check says the same.
"$AKSWIZ" plan new create --compute-type AKS --name ml-net --load-balancer-type \
    InternalLoadBalancer --load-balancer-subnet snet-scoring > basic.json \
    2> stderr
"$AKSWIZ" plan check -o tsv basic.json > check.out 2>&1
assert_grep 'LB_SUBNET_BASIC' check.out "plan check: another subnet on the Basic network"
tap_done
