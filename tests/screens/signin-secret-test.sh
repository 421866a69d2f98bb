#!/bin/sh
# Sign in with a service principal and a typed secret: the secret is
# masked on the screen and appears in no saved screen, state, log or
# journal; home then shows the principal; sign out forgets it.  Then a
# device code that expires (the fake clock) says so.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start
ARGS="--endpoint $(sb_ready endpoint) --authority $(sb_ready authority) \
    --ca-file $(sb_ready caFile)"
TENANT=$AZURE_TENANT_ID CLIENT=$AZURE_CLIENT_ID SECRET=$AZURE_CLIENT_SECRET
unset AZURE_CLIENT_ID AZURE_CLIENT_SECRET

steps "
	<Down><Down><Down><Down>
	<Enter>
	<Down>
	<Enter>
	<Tab>
	$CLIENT
	<Tab>
	$SECRET
	:save-display form.screen
	:save-state form.state
	<Enter>
	:wait-jobs
	:save-display home.screen
	<Enter>
	:save-display account.screen
	<Down><Down><Down><Down><Down>
	<Enter>
	:wait-jobs
	:save-display signedout.screen
	<Enter>
	<Enter>
	:wait-jobs
	:save-display expired.screen
"
run_akswiz $ARGS --debug="$work/debug.log"
assert_status 0
assert_grep 'Client secret' form.screen "the form asks for the secret"
assert_grep '\*\*\*\*\*\*' form.screen "the secret is masked"
assert_grep "$CLIENT" form.screen "the client id is shown as typed"
assert_grep 'Signed in as' home.screen "home shows the principal after sign-in"
assert_grep "Method: secret" account.screen "the account says how"
assert_grep 'Signed out' signedout.screen "sign out says so"
assert_grep 'Not signed in' signedout.screen "and home knows no one is signed in"
found=
for f in form.screen form.state home.screen account.screen \
    signedout.screen "$work/debug.log" "$work/journal.log" "$work/stderr" \
    "$work/stdout" state/akswiz/tui.log; do
	[ -f "$f" ] && grep -q -F -e "$SECRET" "$f" && found="$found $f"
done
if [ -z "$found" ]; then ok "the secret is in no screen, state, log or journal"
else not_ok "the secret is in no screen, state, log or journal:$found"; fi
# With the fake clock, a device code's 15 minutes pass at once.
assert_grep 'Sign-in failed: the code .* expired' expired.screen \
    "an expired device code says so"
if [ -s "$work/debug.log" ]; then ok "the debug log was written"
else not_ok "the debug log was written"; fi
tap_done
