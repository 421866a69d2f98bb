#!/bin/sh
# Resume after a killed session: a create is submitted, akswiz is killed
# (-9) while the operation runs; the next start finds the journal, offers
# to follow the operation, and follows it to its end.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start --allow-legacy-create --polls 30

# The first run uses the real clock and polls once a second, so that it is
# still polling when it is killed.
steps '
	ml-resume<Enter><Enter><Enter><Enter><Enter><Enter>
	<Enter>
'
AKSWIZ_POLL_MIN_MS=1000 AKSWIZ_FAKE_CLOCK= AKSWIZ_SCRIPT="$work/script" \
    "$AKSWIZ" create --compute-type AKS $SB_ARGS >/dev/null 2>&1 &
pid=$!
# Kill it once its journal says the operation is under way.
wait_running
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if ls state/akswiz/operations/*.json >/dev/null 2>&1; then
	ok "the submitted create was journaled before akswiz was killed"
else
	not_ok "the submitted create was journaled before akswiz was killed"
fi

steps '
	:save-display home.screen
	<Enter>
	:save-display followed.screen
	:save-state followed.state
'
run_akswiz $SB_ARGS
assert_status 0
# The journal's name has the real time of the first run.
sed -i 's|operations/[^ ]*|operations/JOURNAL|' followed.screen
assert_equals home.screen "home offers to follow the operation" <<EOF
 akswiz: Azure ML inference clusters
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Create an Azure Kubernetes Service cluster for Azure Machine Learning
  inference, or attach one you have, then deploy models to it. Every step
  explains itself and is checked before anything is sent.

  Signed in as 3f9a1c2b-7d4e-4f5a-8b6c-9d0e1f2a3b4c

  › Follow the create of ml-resume, still running when last seen (InProgress)
    Create an inference cluster
    Attach an existing AKS cluster
    Deploy a model
    Browse clusters
    Sign in / account
    Quit







 Up/Down choose  Enter open  ? keys  q quit
EOF
assert_equals followed.screen "followed to its end" <<EOF
 Created ml-resume                                                    Succeeded
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  State     Succeeded
  Elapsed   0 s (it usually takes about 10 minutes)
  Journal   WORK/state/akswiz/operations/JOURNAL
            Z-ml-resume-RANDOM.json

           0 s  Succeeded

  ✓ create of ml-resume succeeded.












 Enter home  Esc home
EOF
assert_grep '^result: succeeded' followed.state "the resumed create succeeded"
tap_done
