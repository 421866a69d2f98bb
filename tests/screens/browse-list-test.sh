#!/bin/sh
# Browse against the sandbox: the workspace's computes at 80x24, inference
# clusters first and the training cluster marked; sorting by state; the
# filter as you type, and "!" inverting it; the detail pane of each kind
# (attached with TLS and an internal load balancer, created, failed with
# its decoded error and hint, not an inference cluster); 200x60 splits
# list and detail; NO_COLOR marks states in text; --readonly hides the
# actions.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --polls 2

steps '
	:save-display list.screen
	:save-state list.state
	s
	:save-state sorted.state
	s
	/fail
	:save-display filter.screen
	:save-state filter.state
	<Backspace><Backspace><Backspace><Backspace>!inf<Enter>
	:save-state invert.state
	/<Esc>s<Home>
	<Enter>
	:save-display attached.screen
	<Esc><Down><Enter>
	:save-display created.screen
	<Esc><Down><Enter>
	:save-display failed.screen
	<Esc><Down><Enter>
	:save-display other.screen
	:save-state other.state
	<Esc><Up><Up><Enter>
	:resize 200x60
	:save-display wide.screen
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_equals list.screen "the list at 80x24, inference clusters first" <<EOF
 Computes of the workspace                                           4 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Name*        State       Purpose  Nodes × size    K8s    Region  LB     TLS
› inf-attached ✓ Succeeded FastProd 3 × D4s_v3 = 12 1.29.4 eastus  ILB    custom
  inf-created  ✓ Succeeded FastProd 3 × D3_v2 = 12  1.29.4 eastus  public off
  inf-failed   ✗ Failed    FastProd 3 × DS3_v2 = 12        eastus  public off
  cpu-cluster  ✓ Succeeded [AmlCom…                        eastus















 / filter  s sort  d detach  i LB  t TLS  x delete  n new  a attach  ? keys
EOF
assert_grep '^auto-refresh: off' list.state "nothing transitional: no auto refresh"
assert_equals sorted.state "s sorts by state, the selection stays" <<EOF
screen: browse
selected: inf-attached
sort: state
filter: 
detail: closed
auto-refresh: off
row: inf-failed AKS Failed
row: inf-attached AKS Succeeded
row: inf-created AKS Succeeded
row: cpu-cluster AmlCompute Succeeded
status: 
EOF
assert_grep '^row: inf-failed AKS Failed$' filter.state "/fail finds the failed cluster"
assert_no_grep '^row: inf-created' filter.state "and only it"
assert_grep 'Filter: fail_   (1 of 4)' filter.screen "the filter line counts what matches"
assert_equals invert.state "!inf shows the computes NOT matching" <<EOF
screen: browse
selected: cpu-cluster
sort: purpose
filter: !inf
detail: closed
auto-refresh: off
row: cpu-cluster AmlCompute Succeeded
status: 
EOF
assert_grep '^ TLS  *Enabled' attached.screen "attached: TLS"
assert_grep '^ Scoring host  *scoring.contoso.example' attached.screen "attached: the scoring host name"
assert_grep '^ Load balancer  *internal, subnet aks-subnet' attached.screen "attached: internal load balancer and subnet"
assert_grep 'attached to the workspace (detach keeps the cluster)' attached.screen "attached: says what detach keeps"
assert_grep '^ Kubernetes version  *1.29.4' attached.screen "the AKS cluster's version"
assert_grep '^ Node pools  *nodepool1: 3 × Standard_D4s_v3 (System)' attached.screen "its node pools"
assert_grep '^ Origin  *created by the workspace' created.screen "created: its origin"
assert_grep '^ Error  *OperationNotAllowed: Operation could not be completed' failed.screen "failed: the service's error"
assert_grep '^ *Hint  *Ask for 8 more vCPU of quota' failed.screen "failed: decoded with a hint"
assert_grep '^ Type  *AmlCompute' other.screen "other kinds: the type"
assert_grep 'Not an inference cluster' other.screen "marked as such"
assert_grep '^detail: open' other.state "Enter opened the detail"
assert_grep '│ inf-created' wide.screen "200x60: list and detail side by side"
assert_grep 'Compute ID  */subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGr' wide.screen "the compute's ID (its prefix kept once for all rows)"
assert_grep '^› inf-created  *✓ Succeeded  *FastProd  *3 × D3_v2 = 12  *1.29.4 ' wide.screen "200x60: the columns grow"
assert_grep '^ *│ Private cluster  *no' wide.screen "200x60: the cluster's private or not"
assert_grep '^ *│ Authorized IP ranges  *none' wide.screen "and its authorized ranges"

# NO_COLOR, --readonly, 200x60 from the start.
steps '
	:save-display plain.screen
	d
	:save-state readonly.state
	?
	:save-display help.screen
'
NO_COLOR=1 COLUMNS=200 LINES=60 run_akswiz browse --readonly $SB_ARGS
assert_status 0
assert_grep '✗ Failed' plain.screen "NO_COLOR: the state is marked in text"
assert_grep '✓ Succeeded' plain.screen "NO_COLOR: success too"
assert_grep '(read-only)' plain.screen "--readonly says so"
assert_no_grep 'd detach' plain.screen "--readonly offers no action"
assert_no_grep 'detach' help.screen "nor in the keys"
assert_grep '^screen: browse' readonly.state "d does nothing read-only"
assert_no_grep '"method":"DELETE"' "$work/journal.log" "nothing was sent"

# The home screen's entry opens the list; Esc goes back home.
steps '
	<Down><Down><Down><Enter>
	:save-state from-home.state
	<Esc>
	:save-state home.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^row: inf-attached AKS Succeeded' from-home.state "home: Browse clusters opens the list"
assert_grep '^screen: home' home.state "Esc goes back home"

# No workspace given: browse says how to give one.
steps '
	:save-display nows.screen
'
run_akswiz browse $(echo $SB_ARGS | sed 's/ -g [^ ]* -w [^ ]*//')
assert_status 0
assert_grep 'No workspace chosen: start akswiz browse with -w WORKSPACE' nows.screen \
    "without a workspace: says how to choose one"
tap_done
