#!/bin/sh
# --readonly on the screens: `akswiz create --readonly` opens the home
# screen, which says why nothing that changes Azure is offered, instead of
# a wizard whose Submit would be refused; the sandbox receives no PUT,
# PATCH or DELETE (the HTTP layer's refusal itself is tested in
# tests/azure/http-test and tests/http/readonly-test.sh).
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 3

steps '
	:save-display home.screen
	<Enter>
	:save-display after-enter.screen
	<Esc><Esc><Esc>
'
run_akswiz --readonly create --compute-type AKS $SB_ARGS
assert_grep 'Read-only (--readonly)' home.screen "create --readonly opens home, saying it is read-only"
assert_no_grep 'Create an inference cluster' home.screen "  and offering no create"
assert_no_grep 'Step 1 of 6' after-enter.screen "Enter on its menu opens no wizard"
assert_no_grep '"method":"PUT"' "$work/journal.log" "no PUT reached the sandbox"
assert_no_grep '"method":"DELETE"' "$work/journal.log" "nor a DELETE"
assert_grep '"method":"GET"' "$work/journal.log" "reads went through"
tap_done
