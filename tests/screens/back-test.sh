#!/bin/sh
# Esc goes back one step and loses nothing typed; Esc on the first step of
# a wizard opened from home goes home and keeps the plan as the draft (as
# akswiz(1) says: Esc keeps everything), which home continues; Ctrl-C
# asks before quitting with unsaved work.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	<Enter>
	<Down><Enter>
	ml-back<Enter><Down><Enter>
	E4s<Tab><C-u>5
	<Esc><Esc>
	:save-display name-again.screen
	<Enter><Enter>
	:save-state size-again.state
	<Esc><Esc><Esc><Esc>
	:save-display leave.screen
	:save-state home.state
	<Up><Enter>
	:save-state draft.state
	<Esc>
	<Down><Enter>
	:save-state wizard-again.state
	<Enter>x<C-c>
	:save-display confirm.screen
	<Esc>
	:save-state stayed.state
	<C-c>y
'
run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals name-again.screen "back on the name step, the name is kept" <<EOF
 Create inference cluster                                           Step 2 of 7
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by, for good: 3 to 24 letters,
  digits and hyphens; it starts with a letter, ends with a letter or digit but
  not in a hyphen and digits ("-01"), and is not amlcompute, local or
  containerinstance.

  › Name  [ml-back                                         ]

    ✓ "ml-back" follows the rules. Whether it is free is checked when the
      workspace can be read.










 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^purpose: DevTest' size-again.state "the purpose is kept"
assert_grep '^sizeFilter: E4s' size-again.state "the size filter is kept"
assert_grep '^nodeCount: 5' size-again.state "the node count is kept"
assert_grep '^ The plan is kept: continue it from this menu\.$' leave.screen \
    "Esc on the first step goes home and says the plan is kept"
assert_grep 'Continue .*"ml-back"' leave.screen "home offers to continue it"
assert_grep '^screen: home' home.state "Esc on the first step goes home"
assert_grep '^name: ml-back' draft.state "home continues the kept plan"
assert_grep '^nodeCount: 5' draft.state "with everything typed"
assert_grep '^name: $' wizard-again.state "Enter opens a new create wizard"
assert_equals confirm.screen "Ctrl-C with unsaved work asks first" <<EOF
 Create inference cluster                                           Step 2 of 8
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by, for good: 3 to 24 letters,
  digits and hyphens; it starts with a letter, ends with a letter or digit but
  not in a hyphen and digits ("-01"), and is not amlcompute, local or
  containerinstance.

  › Name  [x                                               ]
          ✗ The name must be 3 to 24 characters long; "x" has 1.











 Quit and lose the unsaved plan? Press y to quit, any other key to stay.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^screen: wizard' stayed.state "any other key stays"
tap_done
