#!/bin/sh
# The deploy wizard's first page at 60x20 (a tmux split pane), in English
# and in Simplified Chinese, on the sandbox's first world (legacy AKS
# computes only): Deploy a model is the third entry on home, a legacy
# compute's refusal and the way out (m) read whole, and the reminder that
# v2 has no "no authentication" is shown whole where it fits and left out
# where it would be cut, never ended with a mark.
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
