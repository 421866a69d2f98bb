#!/bin/sh
# Screens open screens through requests (tui_open): browse's n and a open
# the create and the attach wizard over the list, Esc comes back to it;
# the home menu opens each of its screens; and browse's action keys are
# bound only on browse: in a wizard's name field they are text.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start

steps '
	n
	:save-state create.state
	<Esc>
	:save-state back.state
	a
	:save-state attach.state
	<Esc>
	:save-state back2.state
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep '^screen: wizard' create.state "browse: n opens a wizard"
assert_grep '^operation: create' create.state "the create wizard"
assert_grep '^screen: browse' back.state "Esc on its first step comes back to the list"
assert_grep '^screen: wizard' attach.state "a opens a wizard"
assert_grep '^operation: attach' attach.state "the attach wizard"
assert_grep '^screen: browse' back2.state "Esc comes back to the list again"

steps '
	<Enter>
	<Enter>
	ml-sdxtfina/r
	:save-state typed.state
	<C-c>y
'
run_akswiz $SB_ARGS
assert_grep '^operation: create' typed.state "home: Create opens the create wizard"
assert_grep '^name: ml-sdxtfina/r$' typed.state \
    "browse's keys (s d x t f i n a / r) are text in a wizard's field"

steps '
	<Down><Enter>
	:save-state home-attach.state
	<Esc>
	<Down><Enter>
	:save-state home-deploy.state
	<Esc>
	<Down><Enter>
	:save-state home-browse.state
	<Esc>
	<Down><Enter>
	:save-state home-signin.state
'
run_akswiz $SB_ARGS
assert_grep '^operation: attach' home-attach.state "home: Attach opens the attach wizard"
assert_grep '^screen: deploy' home-deploy.state "home: Deploy a model opens the deploy wizard"
assert_grep '^screen: browse' home-browse.state "home: Browse clusters opens the list"
assert_grep '^screen: signin' home-signin.state "home: Sign in / account opens the account"
tap_done
