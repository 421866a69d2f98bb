#!/bin/sh
# --readonly is enforced under every screen: even when a screen offers a
# change (the wizard's Submit), the HTTP layer refuses it before it is
# sent, the screen says why, and the sandbox receives no PUT.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --polls 3

steps '
	ml-ro<Enter><Enter>
	<Enter><Enter><Enter><Enter>
	<Enter>
	:save-display done.screen
	<Esc><Esc><Esc>
'
run_akswiz --readonly create $SB_ARGS
assert_grep '--readonly forbids changes in Azure' done.screen "the screen says --readonly forbids it"
assert_no_grep '"method":"PUT"' "$work/journal.log" "no PUT reached the sandbox"
assert_no_grep '"method":"DELETE"' "$work/journal.log" "nor a DELETE"
assert_grep '"method":"GET"' "$work/journal.log" "reads went through"
tap_done
