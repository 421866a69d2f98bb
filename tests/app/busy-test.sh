#!/bin/sh
# The driver follows a journaled operation for the interface as for
# `akswiz watch`: while an `akswiz apply` follows its create (and holds
# the compute's lock), the home screen's "Follow the create" says which
# akswiz is changing the compute and sends nothing; once that akswiz is
# gone, the same choice follows the create to its end.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 30

"$AKSWIZ" plan new create --compute-type AKS --name ml-busy --cluster-purpose DevTest \
    --vm-size Standard_D2_v2 --agent-count 1 > plan.json 2> plan.err
# The real clock and a poll a second: the apply is still polling while
# the screens run.
AKSWIZ_POLL_MIN_MS=1000 AKSWIZ_FAKE_CLOCK= "$AKSWIZ" $SB_ARGS \
    apply plan.json > apply.out 2> apply.err &
pid=$!
wait_running
puts() {
	grep -c '"method":"PUT","path":"[^"]*/computes/ml-busy"' \
	    "$work/journal.log"
}
steps '
	<Enter>
	:save-display busy.screen
	:save-state busy.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^result: error' busy.state \
    "the create another akswiz follows is not followed twice"
tr -d '\n' < busy.screen | tr -s ' ' > busy.joined; echo >> busy.joined
assert_grep "another akswiz is changing ml-busy: create by process $pid " \
    busy.joined "the screen names the akswiz that follows it"
if kill -0 $pid 2>/dev/null; then
	ok "that akswiz still follows it"
else
	not_ok "that akswiz still follows it"
fi
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if [ "$(puts)" -eq 1 ]; then
	ok "one PUT reached the service"
else
	not_ok "one PUT reached the service ($(puts))"
fi

steps '
	<Enter>
	:save-display followed.screen
	:save-state followed.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^result: succeeded' followed.state \
    "once it is gone, the create is followed to its end"
assert_grep 'create of ml-busy succeeded' followed.screen "and says so"
if [ "$(puts)" -eq 1 ]; then
	ok "still one PUT: following sends nothing again"
else
	not_ok "still one PUT: following sends nothing again ($(puts))"
fi
tap_done
