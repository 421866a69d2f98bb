#!/bin/sh
# Browse refreshes itself while a compute is Creating, and only then: a
# create is submitted with --no-wait; browse starts and shows it Creating
# (the sandbox finishes an operation only when its status URL is polled,
# so it stays Creating until we say); then `akswiz watch` follows it to its
# end, browse's next refresh shows it Succeeded and the refreshing stops.
# The selection stays on the compute first selected (inf-attached, on the
# sandbox's first page) although abc-new, on the second page, came in
# above it.  The fake clock jumps to each refresh, so nothing here
# waits on wall time except for the two processes to meet.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 3

"$AKSWIZ" plan new create --compute-type AKS --name abc-new --vm-size Standard_D3_v2 \
    --agent-count 3 $SB_ARGS >create.json 2>plan.err
"$AKSWIZ" apply create.json --no-wait $SB_ARGS >apply.out 2>apply.err
status=$?
assert_status 0 "the create is submitted without waiting"

steps '
	:save-display done.screen
	:save-state done.state
	r
	:save-state again.state
'
AKSWIZ_SCRIPT="$work/script" timeout 30 "$AKSWIZ" browse $SB_ARGS \
    >stdout 2>stderr &
BROWSE=$!
# Wait until browse has read the list twice (it saw abc-new Creating and
# refreshes by itself), then finish the operation.
i=0
while [ "$(grep -c '"method":"GET","path":"[^"]*/workspaces/ml-workspace/computes","query":{"api-version"' journal.log)" -lt 3 ]; do
	if ! kill -0 "$BROWSE" 2>/dev/null || [ $i -gt 3000 ]; then
		echo "Bail out! browse did not refresh by itself"
		cat stderr
		exit 1
	fi
	i=$((i + 1))
	sleep 0.01
done
ok "browse refreshes by itself while abc-new is Creating"
"$AKSWIZ" watch abc-new $SB_ARGS >watch.out 2>watch.err
status=$?
assert_status 0 "watch followed the create to its end"
wait "$BROWSE"
status=$?
assert_status 0 "browse ends with its script"
assert_grep '^  abc-new      ✓ Succeeded FastProd 3 × D3_v2 = 12' done.screen \
    "the refreshed list shows abc-new Succeeded"
assert_equals done.state "the same compute selected; the refreshing stopped" <<EOF
screen: browse
selected: inf-attached
sort: name
filter: 
detail: closed
auto-refresh: off
row: abc-new AKS Succeeded
row: inf-attached AKS Succeeded
row: inf-created AKS Succeeded
row: inf-failed AKS Failed
row: cpu-cluster AmlCompute Succeeded
status: 
EOF
lists=$(grep -c '"method":"GET","path":"[^"]*/workspaces/ml-workspace/computes","query":{"api-version"' journal.log)
assert_grep '^selected: inf-attached' again.state "r reads the list again, same selection"
tap_n=$((tap_n + 1))
if [ "$lists" -ge 4 ]; then
	echo "ok $tap_n - the list was read $lists times"
else
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - the list was read $lists times"
fi
tap_done
