#!/bin/sh
# The attach wizard on today's path, up to the review (the steps of the
# plan are k8s-attach's): the compute type first, Kubernetes chosen; the
# cluster picker; the namespace (default "default"); the router's service
# type; no Microsoft certificate; the review's rows and the plan saved:
# an attach of compute type Kubernetes with the cluster's ID, the
# namespace and the load balancer, router and TLS choices.
. "$top_srcdir/tests/screens/libtest.sh"

sandbox_start --polls 3
steps '
	:save-display type.screen
	<Enter>
	<Enter>
	:save-display name.screen
	<C-u>
	:save-display cleared.screen
	ml-att<Enter>
	:save-display ns.screen
	<C-u>team-a<Enter>
	<Enter>
	<Tab><Right><Enter>
	<Enter>
	:save-display review.screen
	<C-s><Enter>
	:save-state saved.state
'
run_akswiz attach $SB_ARGS
assert_status 0
assert_grep '^ Attach AKS cluster  *Step 1 of 7$' type.screen \
    "attach: the compute type is the first step"
assert_grep '^  › (•) Kubernetes$' type.screen "Kubernetes chosen"
assert_grep '^  › Name  \[aks-prod  *\]$' name.screen \
    "the name step suggests one from the cluster's name"
assert_grep '"aks-prod" follows the rules and is free in workspace' name.screen \
    "checked as free in the workspace"
assert_grep '^    "aks-prod", made from the cluster.s name, would do\.$' cleared.screen \
    "cleared: the suggestion said under it"
assert_grep '^    ( ) AKS (legacy, retired)$' type.screen \
    "the legacy type second, marked retired"
assert_equals ns.screen "attach: the namespace only, the cluster is the picker's" <<EOF
 Attach AKS cluster                                                 Step 4 of 7
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Kubernetes cluster
  The namespace of the cluster the compute runs models in (default: default).
  The Azure Machine Learning extension is installed for the whole cluster.

  › Namespace  [default                                         ]















 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^    Compute type       Kubernetes$' review.screen \
    "the review: the compute type"
assert_grep '^    AKS cluster        aks-prod (resource group aks-rg)$' \
    review.screen "the cluster picked"
assert_grep '^    Kubernetes cluster namespace team-a$' review.screen \
    "the namespace"
assert_grep '^    Load balancer      Public IP, router NodePort$' \
    review.screen "the load balancer and the router's service type"
plan=state/akswiz/plans/ml-att.json
assert_grep '^saved: .*ml-att.json' saved.state "the plan is saved"
assert_grep '"operation": "attach"' $plan "an attach"
assert_grep '"computeType": "Kubernetes"' $plan "of compute type Kubernetes"
assert_grep '"clusterResourceId": "/subscriptions/.*/managedClusters/aks-prod"' \
    $plan "with the cluster's ID"
assert_grep '"namespace": "team-a"' $plan "the namespace"
assert_grep '"inferenceRouterServiceType": "NodePort"' $plan \
    "the router's service type"
assert_grep '"mode": "disabled"' $plan "TLS off"

# 60x20: the namespace step reads whole.
steps '
	<Enter>
	<Enter>
	ml-att<Enter>
	:save-display ns-small.screen
'
COLUMNS=60 LINES=20 run_akswiz attach $SB_ARGS
assert_equals ns-small.screen "60x20: the namespace step" <<EOF
 Attach AKS cluster                             Step 4 of 7
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  Kubernetes cluster
  F1 explains this step and its keys.

  › Namespace  [default                                  ]












 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
tap_done
