#!/bin/sh
# The frame around every screen: the home screen, "?" shows the keys of
# the current screen, a terminal below 60x20 gets a message instead of a
# broken layout and the screen comes back when it grows, and line drawing
# and marks fall back to ASCII outside a UTF-8 locale.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	:save-display home.screen
	?
	:save-display help.screen
	<Esc>
	:resize 50x16
	:save-display small.screen
	:resize 120x40
	:save-display large.screen
	:resize 80x24
	<Enter>
	<Enter>
	<F1>
	:save-display wizard-help.screen
	<Esc>
	:save-state after-help.state
'
run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals home.screen "the home screen" <<EOF
 akswiz: Azure ML inference clusters
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Create an Azure Kubernetes Service cluster for Azure Machine Learning
  inference, or attach one you have, then deploy models to it. Every step
  explains itself and is checked before anything is sent.

  Offline (AKSWIZ_OFFLINE is set): nothing is read from or sent to Azure in t…

  › Create an inference cluster
    Attach an existing AKS cluster
    Deploy a model
    Browse clusters
    Quit









 Up/Down choose  Enter open  ? keys  q quit
EOF
assert_equals help.screen "? shows the home screen's keys" <<EOF
 akswiz: Azure ML inference clusters
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001
  ── Keys of this screen ─────────────────────────────────────────────────────
    ? <F1>        show the keys of this screen
    q <C-c>       quit (asks first when work is unsaved)
    <Up>          move up
    <Down>        move down
    <Enter>       confirm: choose, or go to the next step

    Press any key to close.
  ────────────────────────────────────────────────────────────────────────────












 Up/Down choose  Enter open  ? keys  q quit
EOF
assert_equals small.screen "50x16 says the terminal is too small" <<EOF







The terminal is too small: akswiz needs at least
60 columns and 20 lines.

Enlarge the window, or press q to quit.
EOF
assert_grep 'Attach an existing AKS cluster' large.screen "120x40 draws the home screen again"
assert_equals wizard-help.screen "F1 in a text field shows the wizard's keys" <<EOF
 Create inference cluster                                           Step 2 of 8
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001
  ── Keys of this step: Compute name ─────────────────────────────────────────
    typing        the compute name; the rules are checked as you type
    Ctrl-U        clear the name
    Enter         the next step, once this one has no errors
    Esc           the step before; everything typed is kept
    Ctrl-C        quit (asking first when work is unsaved)

    Press any key to close.
  ────────────────────────────────────────────────────────────────────────────












 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^step: name (2 of 8)' after-help.state "closing the keys leaves the step as it was"

LC_ALL=C; export LC_ALL
steps '
	ab<Enter>
	:save-display ascii.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_equals ascii.screen "ASCII marks outside UTF-8" <<EOF
 Create inference cluster                                           Step 1 of 6
 Workspace ws1 - group rg1 - subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by, for good: 3 to 24 letters,
  digits and hyphens; it starts with a letter, ends with a letter or digit but
  not in a hyphen and digits ("-01"), and is not amlcompute, local or
  containerinstance.

  > Name  [ab                                              ]
          x The name must be 3 to 24 characters long; "ab" has 2.











 Not yet: fix what is marked first.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
tap_done
