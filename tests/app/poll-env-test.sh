#!/bin/sh
# AKSWIZ_POLL_MIN_MS has one meaning for the commands and the interface
# (app/run.c reads it for both): the shortest wait between polls, from 10
# to 600000 ms, other values ignored.  The same create, on the same
# sandbox (Retry-After: 0, so the floor decides every wait), takes the
# same time on the fake clock in akswiz apply and on the progress screen:
# 1 s a poll when the value is ignored ("5" is below the range, "20abc" is
# not a number; the interface once polled every 5 and 20 ms), 3 s a poll
# for "3000".
. "$top_srcdir/tests/screens/libtest.sh"

for v in 5 20abc 3000; do
	case $v in
	3000) want=6 ;;
	*) want=2 ;;
	esac
	# A fresh world each time: three Production creates exceed the quota.
	if [ -n "$SB_PID" ]; then
		kill "$SB_PID" 2>/dev/null
		wait "$SB_PID" 2>/dev/null
		SB_PID=
	fi
	rm -rf "$work/sb"
	sandbox_start --allow-legacy-create --polls 2
	AKSWIZ_POLL_MIN_MS=$v
	export AKSWIZ_POLL_MIN_MS

	steps '
		ml-tui<Enter><Enter><Enter><Enter><Enter><Enter>
		<Enter>
		:save-display tui.screen
	'
	run_akswiz create --compute-type AKS $SB_ARGS
	assert_status 0
	assert_grep "^  Elapsed   $want s (" tui.screen \
	    "AKSWIZ_POLL_MIN_MS=$v: the progress screen's create takes $want s"

	"$AKSWIZ" plan new create --compute-type AKS --name ml-cli --cluster-purpose DevTest \
	    --vm-size Standard_D2_v2 --agent-count 1 > plan.json 2> plan.err
	"$AKSWIZ" $SB_ARGS apply plan.json > cli.out 2> "$work/stderr"
	status=$?
	assert_status 0
	assert_grep "^akswiz: create ml-cli: Succeeded ($want s)\$" \
	    "$work/stderr" \
	    "AKSWIZ_POLL_MIN_MS=$v: akswiz apply's create takes $want s too"
done
tap_done
