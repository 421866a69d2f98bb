#!/bin/sh
# Live without a workspace on the command line: create first asks for the
# subscription, then the workspace (filtered by typing, with its region),
# remembers the choice for the next start, and opens the wizard there.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --polls 2
ARGS="--endpoint $(sb_ready endpoint) --authority $(sb_ready authority) \
    --ca-file $(sb_ready caFile)"

# A config file of the user's own: a comment, another key, blank lines and
# an empty workspace line (no scope yet) -- all kept, the key in place.
mkdir -p "$XDG_CONFIG_HOME/akswiz"
cat > "$XDG_CONFIG_HOME/akswiz/config" <<EOF
# akswiz: my settings
workspace-note = the team's shared one
workspace =

# end
EOF

steps '
	<Enter>
	:save-display subscriptions.screen
	<Enter>
	:save-display workspaces.screen
	secure
	:save-display filtered.screen
	<Enter>
	:save-state wizard.state
	:save-display wizard.screen
'
run_akswiz $ARGS
assert_status 0
assert_equals subscriptions.screen "the subscriptions, live" <<EOF
 Choose a subscription                                                   1 of 2
 No workspace chosen yet

  Filter: (type to filter)

    Name                         ID                                   State
  › Contoso ML (sandbox)         0b1f6471-1bf0-4dda-aec3-cb9272f09590 Enabled
    Fabrikam Platform (sandbox)  6e4a2d1c-3b5f-4a7e-8c9d-0f1e2d3c4b5a Enabled















 Type to filter  Enter choose  Esc back  F1 keys
EOF
assert_equals workspaces.screen "the subscription's workspaces with their region" <<EOF
 Choose a workspace                                                      2 of 2
 No workspace chosen yet

  Subscription: Contoso ML (sandbox) (0b1f6471-1bf0-4dda-aec3-cb9272f09590)
  Filter: (type to filter)

    Workspace                    Resource group           Region
  › ml-workspace                 ml-rg                    eastus
    ml-workspace-cn              ml-cn-rg                 chinaeast2
    secure-workspace             secure-rg                eastus













 Type to filter  Enter choose  Esc back  F1 keys
EOF
assert_equals filtered.screen "typing filters the workspaces" <<EOF
 Choose a workspace                                                      2 of 2
 No workspace chosen yet

  Subscription: Contoso ML (sandbox) (0b1f6471-1bf0-4dda-aec3-cb9272f09590)
  Filter: secure

    Workspace                    Resource group           Region
  › secure-workspace             secure-rg                eastus















 Type to filter  Enter choose  Esc back  F1 keys
EOF
assert_grep '^operation: create' wizard.state "the create wizard opens"
assert_grep '^location: eastus' wizard.state "in the workspace's region"
assert_grep 'Workspace secure-workspace' wizard.screen "for the chosen workspace"
assert_grep '^workspace = secure-workspace' config/akswiz/config "the choice is remembered"
assert_equals config/akswiz/config "the config file keeps its comments and other keys, the workspace in its place" <<EOF
# akswiz: my settings
workspace-note = the team's shared one
workspace = secure-workspace

# end
subscription = 0b1f6471-1bf0-4dda-aec3-cb9272f09590
resource-group = secure-rg
EOF
tap_done
