#!/bin/sh
# A deploy from the home screen that succeeds, against the sandbox: the
# progress screen titles it by its compute, lists the endpoint, deployment
# and traffic steps with their states, then gives the scoring URI and
# what c sends; c calls the endpoint with the endpoint's key and shows the
# status, the time and the reply on a page of its own; Esc comes back to
# the outcome, which says it was called.  The endpoint's key is in no
# screen, state or log of akswiz.  At 80x24, 60x20 and in zh_CN.  The
# model is a local file, uploaded.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/screens/deploy-world.sh"
. "$top_srcdir/tests/i18n/locale.sh"

deploy_world
steps "$(deploy_keys ep-a)
	:save-display done.screen
	:save-state done.state
	c
	:save-display reply.screen
	<Esc>
	:save-display called.screen
	:save-state called.state
	<C-c>
	:save-display quit.screen
"
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^result: succeeded' done.state "the deploy succeeded"
assert_grep '^ Deployed to k8s-prod  *Succeeded$' done.screen "titled by its compute"
assert_grep '[0-9]\.  create the online endpoint  *Succeeded' done.screen "the endpoint step"
assert_grep '[0-9]\.  create the online deployment  *Succeeded' done.screen "the deployment step"
assert_grep "[0-9]\.  set the endpoint's traffic  *Succeeded" done.screen "the traffic step"
assert_grep '^  Scoring URI: https://127\.0\.0\.1:[0-9]*/api/v1/endpoint/ep-a/score$' \
    done.screen "the scoring URI"
assert_grep '^  c calls it now with {"data": \[\[1, 2, 3, 4\]\]}$' done.screen \
    "what c sends"
assert_grep '^ c call it  Enter home  Esc home$' done.screen "c among the keys"
assert_grep "^ The endpoint's reply" reply.screen "c: the reply on its page"
assert_grep '^  HTTP 200 in [0-9]* ms$' reply.screen "its status and time"
assert_grep '^    "deployment": "blue",$' reply.screen "the reply, indented"
assert_grep '^  Called it: HTTP 200 in [0-9]* ms; c calls it again\.$' \
    called.screen "Esc: the outcome says it was called"
assert_grep '^call: ok 200 https://' called.state "one call, answered 200"
if [ ! -f quit.screen ]; then
	ok "submitted: Ctrl-C quits at once, nothing to lose"
else
	not_ok "submitted: Ctrl-C quits at once, nothing to lose"
	sed 's/^/#   /' quit.screen
fi
if grep -q -E '"method":"POST","path":"/api/v1/endpoint/ep-a/score"' \
    "$work/journal.log"; then
	ok "the scoring route received the call"
else
	not_ok "the scoring route received the call"
fi
k8s_arm POST "$K8S_WSP/onlineEndpoints/ep-a/listKeys?api-version=2024-10-01"
KEY=$(sed -n 's/.*"primaryKey" *: *"\([^"]*\)".*/\1/p' "$work/k8s.body")
if [ -n "$KEY" ] && ! grep -r -q -F -e "$KEY" "$work"/*.screen \
    "$work"/*.state "$work/state" "$work/stderr" 2>/dev/null; then
	ok "the endpoint's key is in no screen, state or log"
else
	not_ok "the endpoint's key is in no screen, state or log"
fi

steps "$(deploy_keys ep-b)
	c<Esc>
	:save-display small.screen
"
COLUMNS=60 LINES=20 run_akswiz $SB_ARGS
assert_status 0
assert_grep '^  ✓ deploy of blue on ep-b succeeded; the endpoint.s$' small.screen \
    "60x20: the outcome whole"
assert_grep '^  https://127\.0\.0\.1:[0-9]*/api/v1/endpoint/ep-b/score$' \
    small.screen "the scoring URI on its row"
assert_grep '^  Called it: HTTP 200' small.screen "and the call"

if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps "$(deploy_keys ep-c)
		:save-display done-zh.screen
	"
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz $SB_ARGS
	assert_status 0
	assert_grep 'ep-c/score$' done-zh.screen "zh_CN: the scoring URI"
	assert_grep '^ c 调用  Enter 主页  Esc 主页$' done-zh.screen \
	    "zh_CN: the keys by display width"
else
	ok "# SKIP zh_CN.UTF-8 or its catalogs missing"
fi
tap_done
