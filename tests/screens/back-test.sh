#!/bin/sh
# Esc goes back one step and loses nothing typed; Esc on the first step of
# a wizard opened from home asks before dropping the plan; Ctrl-C asks
# before quitting with unsaved work.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	<Enter>
	ml-back<Enter><Down><Enter>
	E4s<Tab><C-u>5
	<Esc><Esc>
	:save-display name-again.screen
	<Enter><Enter>
	:save-state size-again.state
	<Esc><Esc><Esc>
	:save-display leave.screen
	y
	:save-state home.state
	<Enter>
	:save-state wizard-again.state
	x<C-c>
	:save-display confirm.screen
	<Esc>
	:save-state stayed.state
	<C-c>y
'
run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_equals name-again.screen "back on the name step, the name is kept" <<EOF
 Create inference cluster                                           Step 1 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by: 3 to 24 letters, digits
  and hyphens, starting with a letter. It cannot be changed later.

  › Name  [ml-back                                         ]

    ✓ "ml-back" follows the rules. Whether it is free is checked when the
      workspace can be read.












 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^purpose: DevTest' size-again.state "the purpose is kept"
assert_grep '^sizeFilter: E4s' size-again.state "the size filter is kept"
assert_grep '^nodeCount: 5' size-again.state "the node count is kept"
assert_equals leave.screen "Esc on the first step asks before dropping the plan" <<EOF
 Create inference cluster                                           Step 1 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by: 3 to 24 letters, digits
  and hyphens, starting with a letter. It cannot be changed later.

  › Name  [ml-back                                         ]

    ✓ "ml-back" follows the rules. Whether it is free is checked when the
      workspace can be read.











 Leave the wizard and lose this plan? Press y to leave, any other key to stay.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^screen: home' home.state "y goes home"
assert_grep '^name: $' wizard-again.state "Enter opens a new create wizard"
assert_equals confirm.screen "Ctrl-C with unsaved work asks first" <<EOF
 Create inference cluster                                           Step 1 of 6
 Workspace ws1 · group rg1 · subscription 00000000-0000-0000-0000-000000000001

  Compute name
  The name the workspace will know this cluster by: 3 to 24 letters, digits
  and hyphens, starting with a letter. It cannot be changed later.

  › Name  [x                                               ]
          ✗ The name must be 3 to 24 characters long; "x" has 1.













 Quit and lose the unsaved plan? Press y to quit, any other key to stay.
 Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit
EOF
assert_grep '^screen: wizard' stayed.state "any other key stays"
tap_done
