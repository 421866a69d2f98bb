#!/bin/sh
# The deploy wizard's code field, against the sandbox: F4 lists the
# workspace's registered code versions with their paths, and Enter puts
# NAME:VERSION in the field, then read as a registered code version (the
# plan's deploy.code), not a local folder; an empty list is said under the field.  At 80x24,
# 60x20, and in zh_CN.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/screens/deploy-world.sh"
. "$top_srcdir/tests/i18n/locale.sh"

V='?api-version=2024-10-01'
deploy_world
k8s_arm PUT "$K8S_WSP/codes/score/versions/2$V" '{"properties":{"codeUri":"https://example.blob.core.windows.net/c/score"}}'
steps '
	<Down><Down><Enter>
	<Tab><Enter>
	<Down>
	:save-display code-field.screen
	<F4>
	:save-display code-pick.screen
	:save-state code-pick.state
	<Enter>
	:save-state code.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep "^  F4 picks the workspace's 1 code version, or type a local folder\.$" \
    code-field.screen "the code field says F4 picks a registered code version"
assert_grep '^pick: code$' code-pick.state "F4 opens the code versions"
assert_grep '^  Pick a registered code version$' code-pick.screen "titled"
assert_grep '^  › score  2  https://example\.blob\.core\.windows\.net/c/score$' \
    code-pick.screen "the code version, NAME and VERSION, and its path"
assert_grep '^code: score:2$' code.state "Enter picks NAME:VERSION"
assert_grep '^pick: none$' code.state "and closes the list"
assert_no_grep '^note: .*no such folder' code.state "not read as a local folder"

# The review names the registered code version and its script.
steps '
	<Down><Down><Enter>
	<Tab><Enter>
	model.pkl<Down><F4><Enter><Down>score.py<Down><Down>img:1<Enter>
	<Enter>
	:save-display review.screen
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^    Scoring script  *score:2, score\.py *$' review.screen \
    "the review: the registered code version and its script"

steps '
	<Down><Down><Enter>
	<Tab><Enter>
	<Down><F4>
	:save-display small.screen
'
COLUMNS=60 LINES=20 run_akswiz $SB_ARGS
assert_status 0
assert_grep '^  Pick a registered code version *$' small.screen "60x20: the picker"
assert_grep '^  › score  2  https://example\.blob\.core\.windows\.net/c/sco…$' \
    small.screen "60x20: the row, its path cut with a mark"
assert_grep '^ Enter pick  Esc back  typing filters *$' small.screen "60x20: the keys"
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	for size in 80x24 60x20; do
		steps '
			<Down><Down><Enter>
			<Tab><Enter>
			<Down><F4>
			:save-display pick-zh.screen
			<Enter>
			:save-state zh.state
		'
		COLUMNS=${size%x*} LINES=${size#*x} LC_ALL=zh_CN.UTF-8 \
		    LANG=zh_CN.UTF-8 run_akswiz $SB_ARGS
		assert_status 0
		assert_grep '^  › score  2  https://example\.blob\.core\.windows\.net/c/sco' \
    pick-zh.screen "zh_CN at $size: the row"
		assert_grep '^code: score:2$' zh.state "zh_CN at $size: picked"
	done
else
	ok "# SKIP zh_CN.UTF-8 or its catalogs missing"
fi

# Code uploaded by azure-ai-ml is named by its 64-digit hash: the name
# column stops at 32 cells, cut with a mark; Enter still picks it whole.
H=89715133a502e3fbe046b6b516cbb5271d510db9ced7b760c8aca099f7c937bc
k8s_arm PUT "$K8S_WSP/codes/$H/versions/1$V" '{"properties":{"codeUri":"https://example.blob.core.windows.net/c/h"}}'
steps '
	<Down><Down><Enter>
	<Tab><Enter>
	<Down><F4>
	:save-display hash.screen
	8971<Enter>
	:save-state hash.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep '^    89715133a502e3fbe046b6b516cbb52…  1  https://example\.blob\.core\.windows\.ne…$' \
    hash.screen "a 64-digit name cut at 32 cells, the columns kept"
assert_grep '^  › score                             2  https://example' hash.screen \
    "the other row in the same columns"
assert_grep "^code: $H:1\$" hash.state "Enter picks the whole name"

# No code registered: said under the field, F4 opens nothing.
deploy_world
steps '
	<Down><Down><Enter>
	<Tab><Enter>
	<Down>
	:save-display nocode.screen
	<F4>
	:save-state nocode.state
'
run_akswiz $SB_ARGS
assert_status 0
assert_grep "^  The workspace has no registered code: type a local folder\.$" \
    nocode.screen "an empty list is said under the field"
assert_grep '^pick: none$' nocode.state "F4 opens no empty list"
tap_done
