#!/bin/sh
# The progress screen's running step counts its own time every second,
# not only when the operation is polled: the sandbox asks to be polled
# every 6 s (Retry-After) and finishes a deployment after one poll, so
# the deployment's row can show only "0 s" and "6 s" from polls; a row
# that ticks shows the seconds between.  A deploy from the home screen of `akswiz
# --sandbox`, its model and environment registered from the shell.
# Polls the pane, never sleeps for a fixed time.  Skipped without tmux.
set -u
. "${top_srcdir:-.}/tests/tmux/lib.sh"
. "$top_srcdir/tests/tmux/deploy-assets.sh"
deploy_sbenv 0 1
deploy_assets
deploy_sbenv 6 2

deploy_open
$T send-keys -t t Enter
wait_for "What: model, code, environment" "the What page"
$T send-keys -t t -l "churn:7"
$T send-keys -t t Down Down Down
$T send-keys -t t -l "sklearn-env:2"
wait_for "churn:7: a registered model" "a registered model"
$T send-keys -t t Enter
wait_for "Resources and scale" "the Resources page"
$T send-keys -t t Enter
wait_for "Review the plan" "the review"
$T send-keys -t t Enter
# The running step's row: the seconds it shows, until two follow each
# other (n then n + 1), which polls 6 s apart cannot make.
: >"$work/times"
i=0
ticked=no
while [ $i -lt 400 ] && [ $ticked = no ]; do
	$T capture-pane -p -t t >"$work/pane" 2>/dev/null
	sed -n 's/^ *[0-9]\.  create the online [a-z]*  *\([A-Z][A-Za-z]*\)  *\([0-9][0-9]*\) s *$/\1 \2/p' \
	    "$work/pane" | grep -v '^Succeeded' | cut -d' ' -f2 >>"$work/times"
	for t in $(sort -n -u "$work/times"); do
		grep -q -x "$((t + 1))" "$work/times" && ticked=yes
	done
	i=$((i + 1))
	sleep 0.05
done
if [ $ticked = yes ]; then
	ok "the running step's time ticks each second between polls"
else
	not_ok "the running step's time ticks each second between polls"
	sort -n -u "$work/times" | sed 's/^/#   /'
	sed 's/^/#   /' "$work/pane"
fi
$T send-keys -t t C-c
$T kill-session -t t
echo "1..$n"
[ "$failed" -eq 0 ]
