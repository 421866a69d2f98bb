#!/bin/sh
# A preflight that cannot be done (the service answers 400 to the quota
# look-up the driver makes before sending) sends nothing and journals
# nothing: the progress screen says why, and the plan typed in the wizard
# is still unsaved, so Ctrl-C asks before losing it (it once quit at
# once, as if the journal kept the plan).  A plan that was sent is kept by
# its journal entry: Ctrl-C then quits without asking.
. "$top_srcdir/tests/screens/libtest.sh"
# The wizard's own look-up of the region's usages goes through (+1); the
# preflight's is refused.
sandbox_start --allow-legacy-create --polls 2 --faults 'GET:*/usages=400+1#1'

steps '
	ml-nopre<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
	:save-state failed.state
	:save-display failed.screen
	<C-c>
	:save-display quit.screen
	:save-state quit.state
	x
	:save-state stayed.state
'
run_akswiz create --compute-type AKS $SB_ARGS
assert_status 0
assert_grep '^result: error' failed.state "the preflight fails"
assert_grep 'HTTP 400 BadRequest' failed.screen "the screen says why"
if grep -q '"method":"PUT"' "$work/journal.log"; then
	not_ok "nothing is sent"
else
	ok "nothing is sent"
fi
if ls state/akswiz/operations/*.json >/dev/null 2>&1; then
	not_ok "nothing is journaled"
else
	ok "nothing is journaled"
fi
assert_grep '^ Quit and lose the unsaved plan? Press y to quit, any other key to stay\.$' \
    quit.screen "Ctrl-C asks before losing the plan"
assert_grep '^screen: progress' stayed.state "and any other key stays"

# The same plan once the quota look-up answers: sent, journaled, kept.
steps '
	ml-nopre<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
	:save-state done.state
	<C-c>
	:save-display done-quit.screen
'
run_akswiz create --compute-type AKS $SB_ARGS
assert_status 0
assert_grep '^result: succeeded' done.state "the create is sent and succeeds"
# Quit at once: the script's next line never runs.
if [ -e done.state ] && [ ! -e done-quit.screen ]; then
	ok "then Ctrl-C quits without asking: the journal keeps the plan"
else
	not_ok "then Ctrl-C quits without asking: the journal keeps the plan"
	sed 's/^/#   /' done-quit.screen 2>/dev/null | tail -n 3
fi
tap_done
