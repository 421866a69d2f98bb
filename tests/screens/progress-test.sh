#!/bin/sh
# The progress screen tells the truth at the end (issue 10, item 11): the
# title says what was done ("Attached", "Detached"), not "Attaching"
# forever; the usual duration is the operation's (a detach is not "about
# 10 minutes"); the elapsed time is the whole operation's, never
# restarting at step 2; Enter and Esc say where they go (the list when
# browse opened it, quit when the wizard was the first screen).  The fake
# clock moves 30 s per poll (Retry-After: 30), so times are exact.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 2 --retry-after 30
unset AKSWIZ_POLL_MIN_MS

# Attach with an internal load balancer: two steps.
steps '
	<Enter><C-u>ml-internal<Enter><Enter>
	<Right><Tab>default<Enter><Enter><Enter>
	:save-display attach-done.screen
	:save-state attach-done.state
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_status 0
assert_grep '^result: succeeded' attach-done.state "the two-step attach succeeds"
assert_grep '^ Attached ml-internal  *Succeeded$' attach-done.screen \
    "done: the title says it was attached"
assert_no_grep 'Attaching' attach-done.screen "done: no \"Attaching\" left"
assert_grep '^  Elapsed   2 min 0 s (it usually takes about 5 minutes)$' \
    attach-done.screen "the elapsed time is both steps' together"
assert_grep '^ *1 min 0 s  Updating  *step 2 of 2' attach-done.screen \
    "step 2 begins where step 1 ended, not at 0 s"
assert_grep '^ *2 min 0 s  Succeeded  *step 2 of 2' attach-done.screen \
    "and ends at the total"
assert_grep '^ Enter quit  Esc quit$' attach-done.screen \
    "started as \"akswiz attach\": Enter and Esc quit, and say so"

# Detach from browse: its own title, duration and way back.
steps '
	d<Enter>
	:save-display detach-done.screen
	<Enter>
	:save-state after.state
'
run_akswiz browse $SB_ARGS
assert_status 0
assert_grep '^ Detached inf-attached ' detach-done.screen "done: \"Detached\""
assert_grep 'it usually takes about a minute)$' detach-done.screen \
    "a detach usually takes about a minute, not 10"
assert_grep '^ Enter back to the list  Esc back to the list$' \
    detach-done.screen "opened from browse: Enter goes back to the list, and says so"
assert_grep '^screen: browse' after.state "and Enter does"
# A failure at 60x20: the decoded reason, its hint and the way back all
# show whole; the transitions give up their rows first.
steps '
	:resize 60x20
	ml-secure<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
	:save-display failed60.screen
'
run_akswiz create --compute-type AKS $SB_ARGS -g secure-rg -w secure-workspace
assert_status 0
tr -d '\n' < failed60.screen | tr -s ' ' > failed60.joined; echo >> failed60.joined
assert_grep "(loadBalancer.type InternalLoadBalancer with a subnet)\." failed60.joined \
    "60x20: the failure's hint shows to its end"
assert_grep "Enter goes back to the Load balancer step to change it; nothing typed is lost\." \
    failed60.joined "60x20: and the way back, whole"
sed -n '/✗/,$p' failed60.screen > failed60.outcome
assert_no_grep '…' failed60.outcome "60x20: nothing of the outcome is cut"
tap_done
