#!/bin/sh
# Home and browse at 60x20 (a tmux split pane on a jump host): the home
# menu and what is wrong with the scope fit (the introduction gives way);
# browse's columns, headings and footer fit; the detail, the detach
# confirmation and the keys scroll instead of being cut.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create
COLUMNS=60; LINES=20

steps '
	:save-display home.screen
	<Down><Down><Down><Enter>
	:save-display list.screen
	d
	:save-display detach.screen
	<PgDn>
	:save-display detach-end.screen
	<Esc>?
	:save-display keys.screen
	<Esc>
'
run_akswiz $SB_ARGS
assert_status 0 "60x20: runs and quits"
assert_grep '^  Create an Azure Kubernetes Service cluster for Azure$' home.screen \
    "home at 60x20: the introduction wraps"
assert_grep '^    Quit$' home.screen "the whole menu shows"
assert_grep '^ Up/Down choose  Enter open  ? keys  q quit$' home.screen \
    "and the keys"
assert_equals list.screen "browse at 60x20: headings and footer whole" <<EOF
 Computes of the workspace                       4 computes
 ml-workspace · ml-rg · 0b1f6471-1bf0-4dda-aec3-cb9272f095…

  Name*          State       Purpose  Nodes × size    K8s
› inf-attached   ✓ Succeeded FastProd 3 × D4s_v3 = 12 1.29.4
  inf-created    ✓ Succeeded FastProd 3 × D3_v2 = 12  1.29.4
  inf-failed     ✗ Failed    FastProd 3 × DS3_v2 = 12
  cpu-cluster    ✓ Succeeded [AmlCom…











 / filter  d detach  i LB  t TLS  n new  a attach  ? keys
EOF
assert_grep 'PgUp/PgDn scroll  Enter confirm  Esc cancel' detach.screen \
    "the detach confirmation says it scrolls"
assert_grep 'Enter or y detaches; Esc keeps it attached.' detach-end.screen \
    "and scrolls to its end"
assert_grep 'kubectl delete cm azuremlfeconfig' detach-end.screen \
    "nothing of it is lost"
assert_grep '^  /       filter as you type (! first: rows NOT matching)$' \
    keys.screen "the keys are not cut"

steps '
	:save-display nope.screen
'
COLUMNS=60; LINES=20
run_akswiz $SB_ARGS -w nope
assert_grep '^  › Create an inference cluster' nope.screen \
    "a wrong workspace at 60x20: the menu is there"
assert_grep '^  from the list (Create or Attach on the home screen).$' nope.screen \
    "and the message whole"

# An open operation: its menu label is the short one at 60 columns.
"$AKSWIZ" plan new create --compute-type AKS --name zz-wait --vm-size Standard_D3_v2 \
    --agent-count 3 --subscription "$(sb_ready subscriptionId)" \
    -g ml-rg -w ml-workspace > wait.json 2>/dev/null
run_akswiz $SB_ARGS apply --no-wait wait.json
steps '
	:save-display ops.screen
	:resize 80x24
	:save-display ops-wide.screen
'
run_akswiz $SB_ARGS
assert_grep '^  › Follow the create of zz-wait (Creating)$' ops.screen \
    "60x20: a short label for an operation to follow, whole"
assert_grep '^  › Follow the create of zz-wait, still running when last seen (Creating)$' \
    ops-wide.screen "80x24: the long one"
tap_done
