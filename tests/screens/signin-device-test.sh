#!/bin/sh
# Sign in from the home screen with a device code against a sandbox: no
# credential at start (home says so and offers sign-in), the device-code
# screen shows the address and the code, the sandbox approves after its
# polls, home then shows the identity; Esc cancels a wait.
. "$top_srcdir/tests/screens/libtest.sh"
# Real time: the sandbox's device code counts its polls in real seconds.
unset AKSWIZ_FAKE_CLOCK
sandbox_start --device-approve-after 2
ARGS="--endpoint $(sb_ready endpoint) --authority $(sb_ready authority) \
    --ca-file $(sb_ready caFile)"
unset AZURE_CLIENT_ID AZURE_CLIENT_SECRET

steps '
	:save-display home-before.screen
	<Down><Down><Down><Down>
	<Enter>
	:save-display account.screen
	<Enter>
	:save-display device.screen
	:save-state device.state
	:wait-jobs
	:save-display home-after.screen
	<Enter>
	:save-display account-after.screen
'
run_akswiz $ARGS
assert_status 0
assert_grep 'Not signed in' home-before.screen "home says no one is signed in"
assert_grep 'Sign in / account' home-before.screen "and offers sign-in"
assert_grep 'Not signed in' account.screen "the account screen says so too"
assert_grep 'Device code' account.screen "device code is offered"
assert_grep 'Service principal with a secret' account.screen "secret is offered"
code=$(sed -n 's/^code: //p' device.state)
uri=$(sed -n 's/^uri: //p' device.state)
if [ -n "$code" ] && [ -n "$uri" ]; then ok "the prompt reached the screen"
else not_ok "the prompt reached the screen"; code=NO-CODE uri=NO-URI; fi
spaced=$(printf '%s' "$code" | sed 's/./& /g; s/ $//')
assert_grep "$uri" device.screen "the device screen shows the address"
assert_grep "$spaced" device.screen "and the code, letter-spaced"
assert_grep 'Signed in as alice@' home-after.screen "home shows the identity after approval"
assert_grep 'Token valid until' account-after.screen "the account shows the token's expiry"
assert_grep 'Sign out' account-after.screen "and offers sign-out"

# Esc cancels the wait (the sandbox never approves: 0 polls).
kill "$SB_PID"; wait "$SB_PID" 2>/dev/null; SB_PID=
sandbox_start --device-approve-after 0
ARGS="--endpoint $(sb_ready endpoint) --authority $(sb_ready authority) \
    --ca-file $(sb_ready caFile)"
unset AZURE_CLIENT_ID AZURE_CLIENT_SECRET
steps '
	<Down><Down><Down><Down>
	<Enter>
	<Enter>
	:save-display waiting.screen
	<Esc>
	:save-display cancelled.screen
	:wait-jobs
	:save-display after-cancel.screen
	q
	y
'
run_akswiz $ARGS
assert_grep 'Waiting for the sign-in' waiting.screen "the screen waits"
assert_grep 'Sign-in cancelled' cancelled.screen "Esc cancels the wait"
# The worker stops polling as well: waiting for the jobs ends at once
# instead of when the code expires (the run would hit its time limit).
assert_grep 'Sign in / account' after-cancel.screen "the worker is free again after Esc"
assert_no_grep 'Waiting for the sign-in' cancelled.screen "and leaves the device screen"
tap_done
