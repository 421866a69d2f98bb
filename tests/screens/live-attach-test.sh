#!/bin/sh
# Attach against the sandbox: every cluster of the subscription with its
# verdict; an already attached cluster is refused; a 2-node cluster is
# refused for production on the purpose step (its real vCPU) and attached
# as dev-test, followed to its end.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --polls 2

steps '
	:save-display clusters.screen
	<Down><Down><Down><Down><Down><Down>
	<Enter>
	:save-display attached.screen
	:save-state attached.state
	<Home><Down><Enter>
	:save-display small-name.screen
	<C-u>ml-small<Enter><Enter>
	:save-display purpose.screen
	:save-state purpose.state
	<Down><Enter><Enter><Enter>
	:save-display review.screen
	<Enter>
	:save-display done.screen
	:save-state done.state
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_status 0
assert_grep '^  › Name  *\[aks-small  *\]$' small-name.screen \
    "the name suggested from the cluster's (Ctrl-U, then typed, replaces it)"
assert_equals clusters.screen "the clusters, each with a verdict" <<EOF
 Attach AKS cluster                                                 Step 1 of 5
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  AKS cluster
  Choose the AKS cluster to attach. It must be in the workspace's
  subscription; each cluster says whether it can be attached.

    Cluster          Version Nodes vCPU  Region     Verdict
  › aks-prod         1.29.4      3   12  eastus     ✓ can be attached
    aks-small        1.29.4      2    4  eastus     ! too small for production
    aks-old          1.26.6      3   12  eastus     ✗ unsupported version
    aks-preview      1.30.0      3   12  eastus     ! preview version
    aks-private      1.29.4      3   12  eastus     ! private cluster
    aks-ranges       1.29.4      3   12  eastus     ! authorized IP ranges
    aks-attached     1.29.4      3   12  eastus     ✗ already attached as inf…
    aks-stopped      1.29.4      3   12  eastus     ✗ not running
    aks-secure       1.29.4      3   12  eastus     ✓ can be attached
    inf-createdx7k2q 1.29.4      3   12  eastus     ✗ already attached as inf…
    aks-cn           1.28.9      3   12  chinaeast2 ✗ already attached as inf…

  ✓ aks-prod can be attached.


 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_equals attached.screen "an attached cluster is refused, and why" <<EOF
 Attach AKS cluster                                                 Step 1 of 5
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  AKS cluster
  Choose the AKS cluster to attach. It must be in the workspace's
  subscription; each cluster says whether it can be attached.

    Cluster          Version Nodes vCPU  Region     Verdict
    aks-prod         1.29.4      3   12  eastus     ✓ can be attached
    aks-small        1.29.4      2    4  eastus     ! too small for production
    aks-old          1.26.6      3   12  eastus     ✗ unsupported version
    aks-preview      1.30.0      3   12  eastus     ! preview version
    aks-private      1.29.4      3   12  eastus     ! private cluster
    aks-ranges       1.29.4      3   12  eastus     ! authorized IP ranges
  › aks-attached     1.29.4      3   12  eastus     ✗ already attached as inf…
    aks-stopped      1.29.4      3   12  eastus     ✗ not running
    aks-secure       1.29.4      3   12  eastus     ✓ can be attached
    inf-createdx7k2q 1.29.4      3   12  eastus     ✗ already attached as inf↓

  ✗ aks-attached is already attached to workspace ml-workspace as
    "inf-attached"; attaching it again would break that attachment.

 Not yet: fix what is marked first.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: cluster' attached.state "Next is refused"
assert_equals purpose.screen "production is judged on the cluster's real size" <<EOF
 Attach AKS cluster                                                 Step 3 of 5
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Purpose
  What the cluster is for decides how big it must be.

  › (•) Production
        For live traffic: at least 3 nodes and 12 vCPU in total, so that the
        service can keep scoring while a node is replaced.

    ( ) Dev-test
        For trying things out: one node or more. Not for production traffic;
        inference may be slower.

    ✗ Production needs at least 3 nodes; this has 2 nodes.
    ✗ Production needs nodes x vCPU of at least 12; 2 x 2 vCPU = 4 vCPU.






 Not yet: fix what is marked first.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^verdict: error purpose PROD_' purpose.state "production refused for 2 nodes"
assert_equals review.screen "the attach plan as dev-test" <<EOF
 Review the plan                                                         Attach
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    AKS cluster        aks-small (resource group aks-rg)
    Compute name       ml-small
    Purpose            Dev-test
    Load balancer      Public IP
    TLS                Disabled

  Nothing known stands in the way of this plan.








 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
assert_equals done.screen "the attach followed to its end" <<EOF
 Attached ml-small                                                    Succeeded
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Succeeded
  Elapsed   0 s (it usually takes about 5 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-small-RANDOM.json

           0 s  Updating
           0 s  InProgress
           0 s  Succeeded

  ✓ attach of ml-small succeeded.










 Enter quit  Esc quit
EOF
assert_grep '^result: succeeded' done.state "the attach succeeded"
assert_grep '"method":"PUT","path":"[^"]*/computes/ml-small"' journal.log \
    "the sandbox received the attach of ml-small"

# A preview version is a warning, not a refusal: it can be attached.
steps '
	<Down><Down><Down>
	:save-state preview.state
	<Enter><C-u>ml-preview<Enter><Enter><Enter><Enter>
	:save-display preview-review.screen
	<Enter>
	:save-state preview-done.state
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_grep '^verdict: warning .* K8S_PREVIEW' preview.state "the preview cluster carries a warning"
assert_equals preview-review.screen "the review keeps the warning in view" <<EOF
 Review the plan                                                         Attach
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  › Submit
    Save the plan
    Show the equivalent az command
    Show the Python snippet
    Show the ARM request
    AKS cluster        aks-preview (resource group aks-rg)
    Compute name       ml-preview
    Purpose            Production
    Load balancer      Public IP
    TLS                Disabled

  No errors; 1 warning to read:
  ! Kubernetes 1.30.0 is a preview version; it may change or be withdrawn.







 Enter choose  Esc back  Ctrl-S save  F1 keys  q quit
EOF
assert_grep '^result: succeeded' preview-done.state "and it attaches"

# An internal load balancer on attach is a second step, an update after
# the attach: the progress shows both.
steps '
	<Enter><C-u>ml-internal<Enter><Enter>
	<Right><Tab>default<Enter><Enter><Enter>
	:save-display internal-done.screen
	:save-state internal-done.state
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_equals internal-done.screen "attach, then the load balancer update" <<EOF
 Attached ml-internal                                                 Succeeded
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Succeeded
  Elapsed   0 s (it usually takes about 5 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-internal-RANDOM.json

  1.  attach the cluster                               Succeeded    0 s
  2.  apply the load balancer and TLS                  Succeeded    0 s

           0 s  Updating     step 1 of 2: attach the cluster
           0 s  InProgress   step 1 of 2: attach the cluster
           0 s  Succeeded    step 1 of 2: attach the cluster
           0 s  Updating     step 2 of 2: apply the load balancer and TLS
           0 s  InProgress   step 2 of 2: apply the load balancer and TLS
           0 s  Succeeded    step 2 of 2: apply the load balancer and TLS

  ✓ attach of ml-internal succeeded.




 Enter quit  Esc quit
EOF
assert_grep '^result: succeeded' internal-done.state "both steps succeed"
tap_done
