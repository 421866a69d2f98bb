#!/bin/sh
# A service-principal sign-in that fails (issue 10, items 10 and 11): the
# form stays open with the tenant and client ID as typed, the secret
# cleared and focused, the whole reason wrapped under the form, and the
# failure in the --debug log without the secret.  The secret's field is
# as wide as the others and its mask is the same whatever the length.
# At 60x20 the reason is still whole.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start
ARGS="--endpoint $(sb_ready endpoint) --authority $(sb_ready authority) \
    --ca-file $(sb_ready caFile)"
CLIENT=$AZURE_CLIENT_ID
unset AZURE_CLIENT_ID AZURE_CLIENT_SECRET
WRONG=not-the-secret-WRONG-1234567890

steps "
	<Down><Down><Down><Down>
	<Enter>
	<Down>
	<Enter>
	:save-display empty.screen
	<Tab>
	$CLIENT
	<Tab>
	abc
	:save-display short.screen
	<C-u>$WRONG
	:save-display long.screen
	<Enter>
	:wait-jobs
	:save-display failed.screen
	:save-state failed.state
"
run_akswiz $ARGS --debug="$work/debug.log"
assert_status 0
# The mask: eight stars whatever was typed; the field as wide as the others.
sed -n 's/^ *Client secret *//p' short.screen > short.field
sed -n 's/^ *Client secret *//p' long.screen > long.field
sed -n 's/^ *Client ID *//p' long.screen | sed 's/[^[]*\(\[.*\]\).*/\1/' > id.field
if cmp -s short.field long.field; then ok "the mask does not show the secret's length"
else not_ok "the mask does not show the secret's length"; cat short.field long.field | sed 's/^/#   /'; fi
if [ "$(awk '{ print length($0) }' long.field)" -eq "$(awk '{ print length($0) }' id.field)" ]
then ok "the secret's field is as wide as the client ID's"
else not_ok "the secret's field is as wide as the client ID's"; cat long.field id.field | sed 's/^/#   /'; fi
assert_grep '^ *Client secret *\[ *\]' empty.screen "an empty secret's field is drawn at full width"
assert_grep 'Sign in with a service principal and a secret' failed.screen "the form stays open after a failed sign-in"
assert_grep "^client-id: $CLIENT\$" failed.state "the client ID is kept"
assert_grep '^secret: empty' failed.state "the secret is cleared"
assert_grep '^focus: 2' failed.state "and focused, to be typed again"
assert_equals failed.screen "the whole reason under the form" <<EOF
 Sign in with a service principal and a secret
 No workspace chosen yet

  Tenant         [8a1f3c2e-4b5d-4e6f-9a0b-1c2d3e4f5a6b                       ]

  Client ID      [3f9a1c2b-7d4e-4f5a-8b6c-9d0e1f2a3b4c                       ]

  Client secret  [                                                           ]

  The secret is never shown, saved or logged.

  ✗ Sign-in failed: sign-in refused: invalid_client: AADSTS7000215: Invalid
    client secret provided. Ensure the secret being sent in the request is the
    client secret value, not the client secret ID, for a secret added to app
    '3f9a1c2b-7d4e-4f5a-8b6c-9d0e1f2a3b4c'.

    Type the secret again (it was cleared), correct what is wrong and press
    Enter to try again.




 Sign-in failed: the reason is under the form.
 Tab next field  Enter sign in  Esc back
EOF
assert_grep "sign-in (secret, tenant .*, client $CLIENT) failed" debug.log "the failure is in the --debug log"
assert_no_grep "$WRONG" debug.log "the secret is not in the --debug log"
assert_no_grep "$WRONG" journal.log "nor in the sandbox's journal"

# 60x20: the reason is whole.  (Skipped while this build's minimum
# terminal is larger: tui-display lowers it to 60x20.)
COLUMNS=60 LINES=20
run_akswiz $ARGS
if ! grep -q 'Sign in with a service principal' failed.screen; then
	ok "60x20: the whole reason under the form # SKIP minimum above 60x20"
else
	assert_equals failed.screen "60x20: the whole reason under the form" <<EOF
 Sign in with a service principal and a secret
 No workspace chosen yet

  Tenant         [8a1f3c2e-4b5d-4e6f-9a0b-1c2d3e4f5a6b   ]
  Client ID      [3f9a1c2b-7d4e-4f5a-8b6c-9d0e1f2a3b4c   ]
  Client secret  [                                       ]
  The secret is never shown, saved or logged.

  ✗ Sign-in failed: sign-in refused: invalid_client:
    AADSTS7000215: Invalid client secret provided. Ensure
    the secret being sent in the request is the client
    secret value, not the client secret ID, for a secret
    added to app '3f9a1c2b-7d4e-4f5a-8b6c-9d0e1f2a3b4c'.

    Type the secret again (it was cleared), correct what
    is wrong and press Enter to try again.


 Sign-in failed: the reason is under the form.
 Tab next field  Enter sign in  Esc back
EOF
fi
COLUMNS=80 LINES=24

# A certificate that cannot be read: the form keeps the path as typed.
steps "
	<Down><Down><Down><Down>
	<Enter>
	<Down><Down>
	<Enter>
	<Tab>
	$CLIENT
	<Tab>
	$work/no-such.pem
	<Enter>
	:wait-jobs
	:save-display cert.screen
	:save-state cert.state
"
run_akswiz $ARGS
assert_grep 'Sign in with a service principal and a certificate' cert.screen "a failed certificate sign-in keeps its form"
assert_grep "^certificate: $work/no-such.pem\$" cert.state "with the certificate path as typed"
assert_grep "^client-id: $CLIENT\$" cert.state "and the client ID"
assert_grep 'no-such.pem' cert.screen "the reason names the file"
tap_done
