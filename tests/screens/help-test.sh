#!/bin/sh
# The one keys overlay ("?" or F1, drawn by tui.c from the screen's
# request table): taller than a 60x20 pane it scrolls, PgDn to its last
# row and back, in English and in Chinese; where it fits, any key closes
# it, Down too, as its last line says.
. "$top_srcdir/tests/screens/libtest.sh"
sandbox_start
COLUMNS=60; LINES=20

steps '
	?
	:save-display home-keys.screen
	<Down>
	:save-display home-closed.screen
	<Down><Down><Down><Enter>
	:resize 60x23
	?
	:save-display fits.screen
	x
	:save-state closed.state
	:save-display closed.screen
'
run_akswiz $SB_ARGS
assert_status 0 "60x20: runs and quits"
assert_grep 'Keys of this screen' home-keys.screen "home: ? opens the keys"
assert_grep '^    Press any key to close\.$' home-keys.screen "they fit: any key closes"
assert_no_grep 'Keys of this screen' home-closed.screen "and Down closes them, as the line says"
assert_grep '^  Up Down PgUp PgDn$' fits.screen "browse at 60x20: a long key name on a row of its own"
assert_grep '^  q       quit$' fits.screen "every key fits"
assert_grep '^ Any key closes the help$' fits.screen "and any key closes them"
assert_grep '^screen: browse' closed.state "x closes the keys, no action starts"
assert_no_grep 'Type the name' closed.screen "no delete confirmation opened"
assert_grep '^ / filter ' closed.screen "the list is back"

# What is wrong with the workspace takes rows: the keys scroll under it.
steps '
	?
	:save-display top.screen
	<PgDn>
	:save-display end.screen
	<PgUp>
	:save-display back.screen
'
run_akswiz browse $SB_ARGS -w nope
assert_status 0 "a wrong workspace: runs and quits"
assert_grep 'nope' top.screen "what is wrong stays above the keys"
assert_grep '^ Up/Down scroll  any other key closes the help$' top.screen \
    "the keys say they scroll"
assert_no_grep '^  q  *quit$' top.screen "the last key is below the pane"
assert_grep '^  q  *quit$' end.screen "PgDn scrolls to the last key"
assert_no_grep 'Up Down PgUp PgDn' end.screen "the first ones gone above"
assert_grep '^  Up Down PgUp PgDn$' back.screen "PgUp scrolls back"

. "$top_srcdir/tests/i18n/locale.sh"
if ! i18n_have_locale zh_CN.UTF-8 || ! i18n_locale_tree "$work/locale"; then
	echo "# no zh_CN.UTF-8 locale or catalog: the Chinese part is left out"
	tap_done
	exit $?
fi
steps '
	?
	:save-display zh-top.screen
	<PgDn>
	:save-display zh-end.screen
'
LC_ALL=zh_CN.UTF-8; LANG=zh_CN.UTF-8; export LC_ALL LANG
run_akswiz browse $SB_ARGS -w nope
assert_status 0 "zh_CN at 60x20: browse exits 0"
assert_grep '上/下 滚动' zh-top.screen "zh_CN: the keys' hint line"
assert_no_grep '^  q  *退出$' zh-top.screen "zh_CN: the last key is below the pane"
assert_grep '^  q  *退出$' zh-end.screen "zh_CN: PgDn scrolls to it"
tap_done
