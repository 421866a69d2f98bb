#!/bin/sh
# An attach with an internal load balancer whose second step (the update)
# fails: the progress screen shows the failed step as failed, the plan as
# partly applied and how to finish it, never as succeeded.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --polls 2 \
    --faults 'op:ml-part=fail:InternalServerError+1#1:The load balancer could not be updated.'

steps '
	<Enter><C-u>ml-part<Enter><Enter>
	<Right><Tab>default<Enter><Enter><Enter>
	:save-display partial.screen
	:save-state partial.state
'
run_akswiz attach --compute-type AKS $SB_ARGS
assert_equals partial.screen "the failed update, shown as failed, and the way to finish" <<EOF
 Partly applied to ml-part                                               Failed
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Failed
  Elapsed   0 s (it usually takes about 5 minutes)
  Journal   WORK/state/akswiz/operations/20300101T000000
            Z-ml-part-RANDOM.json

  1.  attach the cluster                               Succeeded    0 s
  2.  apply the load balancer and TLS                  Failed       0 s

           0 s  Succeeded    step 1 of 2: attach the cluster
           0 s  Updating     step 2 of 2: apply the load balancer and TLS
           0 s  InProgress   step 2 of 2: apply the load balancer and TLS
           0 s  Failed       step 2 of 2: apply the load balancer and TLS

  ✗ attach of ml-part is partly applied: its update (step 2 of 2) failed:
    InternalServerError: The load balancer could not be updated.
    The steps before it took effect. Fix what the error says, then apply the
    same plan again: only the update is sent again.



 Enter quit  Esc quit
EOF
assert_grep '^result: partial' partial.state "the outcome is partial"
assert_grep '^transition: Failed update' partial.state "step 2 is the failed one"
assert_no_grep '✓' partial.screen "nothing is marked as succeeded"
tap_done
