#!/bin/sh
# The deploy wizard's first page at 60x20 (a tmux split pane), in English
# and in Simplified Chinese, on the sandbox's first world (legacy AKS
# computes only): Deploy a model is the third entry on home, a legacy
# compute's refusal and the way out (m) read whole, and the reminder that
# v2 has no "no authentication" is shown whole where it fits and left out
# where it would be cut, never ended with a mark; m's migrate form, taller
# than 60x20, scrolls, and its Ctrl-S (the certificate saved first) says
# why it could not save.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/i18n/locale.sh"
sandbox_start
COLUMNS=60; LINES=20

steps '
	<Down><Down><Enter>
	:save-display target.screen
	:resize 80x24
	:save-display target-wide.screen
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^ Deploy a model  *Step 1 of 3$' target.screen \
    "60x20: the third entry on home opens the deploy wizard"
assert_grep '^    m migrates it now, on the same AKS cluster\.$' target.screen \
    "60x20: the legacy compute's way out, whole"
assert_no_grep 'auth_enabled' target.screen \
    "60x20: no room for the auth reminder whole, so it is left out"
assert_grep '^  No authentication (the old auth_enabled=False) does not exist in v2: key or$' \
    target-wide.screen "80x24: the auth reminder, whole"

# m on inf-attached (its own certificate): the migrate form scrolls at
# 60x20; Ctrl-S asks where to save the certificate; its cluster has no
# secret, so the save fails and the form opens at its end, on the reason.
steps '
	<Down><Down><Enter>
	<Down>m
	:save-display migrate.screen
	<PgDn>
	:save-display migrate-end.screen
	<C-s>
	:save-display save.screen
	<Enter>
	:wait-jobs
	:save-display refused.screen
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^  Migrate inf-attached to a Kubernetes compute on the same$' \
    migrate.screen "60x20: m opens the migrate form in place of the page"
assert_grep '^ PgUp/PgDn scroll  Enter review  Esc cancel$' migrate.screen \
    "60x20: the form is taller than the screen, and the keys say it scrolls"
assert_grep '^  Ctrl-S saves the certificate and key of inf-attached$' \
    migrate-end.screen "60x20: PgDn reaches the offer to save the certificate"
assert_grep '^  Enter reviews the plan; Esc cancels\.$' migrate-end.screen \
    "60x20: and the form's end"
assert_grep '^  › Certificate  \[\./inf-attached-cert\.pem' save.screen \
    "Ctrl-S: where to save them, ./NAME-cert.pem to start"
assert_grep '^ Enter save  Esc back  Tab move  F1 keys$' save.screen "Ctrl-S: its keys"
assert_grep '^  Could not save the certificate and key: the cluster has$' \
    refused.screen "no secret: the form opens at its end, on the reason"
if [ -e inf-attached-key.pem ] || [ -e inf-attached-cert.pem ]; then
	not_ok "no file written"
else
	ok "no file written"
fi

if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		<Down><Down><Enter>
		:save-display target-zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz $SB_ARGS
	assert_status 0
	assert_grep '^ 部署模型' target-zh.screen "zh_CN at 60x20: the deploy wizard"
	assert_grep '按 m 可立即在同一 AKS 群集上迁移它。$' target-zh.screen \
	    "zh_CN at 60x20: the way out, whole"
	sed 1,2d target-zh.screen >target-zh-page.screen	# the scope line is cut by design
	assert_no_grep '…$' target-zh-page.screen \
	    "zh_CN at 60x20: no line cut with a mark (the auth reminder has one row, not the two it needs)"
fi
tap_done
