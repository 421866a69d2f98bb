#!/bin/sh
# 60x20, the smallest terminal drawn (issue 10, item 6): the scope row
# drops its labels rather than cut the subscription; key hints drop whole
# groups rather than cut one; the keys overlay wraps its lines and Down
# shows the keys that did not fit; the review keeps the saved note whole
# by scrolling its rows, and Left/Right scroll a cut row sideways, as on
# the scope screen, whose subscription IDs a narrow pane cuts.  In
# English and in Chinese (display width, not bytes).
. "$top_srcdir/tests/screens/libtest.sh"

# The real minimum: one column or one line less is too small.
steps '
	:resize 59x20
	:save-display narrow.screen
	:resize 60x19
	:save-display short.screen
	:resize 60x20
	:save-display min.screen
'
run_akswiz -w ws1 -g rg1 --subscription $SUB
assert_grep 'too small: akswiz needs at least' narrow.screen "59x20 is too small, and said"
assert_grep 'too small: akswiz needs at least' short.screen "60x19 is too small, and said"
assert_grep '› Create an inference cluster' min.screen "60x20, the minimum, draws home"

steps '
	:resize 60x20
	<F1>
	:save-display help.screen
	<Down>
	:save-state closed.state
	ml-dev<Enter><Down><Enter>D3_v2<Tab><C-u>1<Enter><Enter><Enter><Enter>
	<C-s><Enter>
	:save-display review.screen
	<End>
	:save-display review-end.screen
	<Right><Right><Right>
	:save-display review-right.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_grep '^ ws1 · rg1 · 00000000-0000-0000-0000-000000000001$' help.screen \
    "the scope row keeps the whole subscription ID"
assert_grep '^ *checked as you type$' help.screen "a key's help wraps instead of being cut"
assert_no_grep '…' help.screen "  nothing in the overlay is cut"
assert_grep '^step: name' closed.state "a key closes the overlay, the step stays"
assert_no_grep '…' review.screen "the review at 60x20 shows nothing cut but its rows"
tr -d '\n' < review.screen | tr -s ' ' > review.joined; echo >> review.joined
assert_grep 'To perform it from a shell: akswiz apply' review.joined \
    "the saved note shows whole under the rows"
assert_grep '› TLS  *Disabled' review-end.screen "End scrolls the rows to the last step"
assert_grep '^    …and nodes  1 × Standard_D3_v2 (4 vCPU in total)$' review-right.screen \
    "Right scrolls a cut row sideways to its end"

# The scope screen in a narrow pane: Right shows the subscription IDs
# whole; the next list starts unscrolled; the chosen ID is never cut.
sandbox_start --allow-legacy-create
steps '
	:resize 60x20
	:save-display subs.screen
	<Right><Right><Right>
	:save-display subs-right.screen
	<Enter>
	:save-display workspaces.screen
'
run_akswiz create --compute-type AKS --endpoint "$(sb_ready endpoint)" \
    --authority "$(sb_ready authority)" --ca-file "$(sb_ready caFile)"
assert_status 0
assert_grep '^  › Contoso ML (sandbox)  *0b1f6471-1bf0-4dda-aec3-…$' subs.screen \
    "60x20: the subscriptions, their IDs cut and marked"
assert_grep '^  › …  *0b1f6471-1bf0-4dda-aec3-cb9272f09590 Enabled$' subs-right.screen \
    "Right scrolls the rows and their heads to the whole ID"
assert_grep '^  (0b1f6471-1bf0-4dda-aec3-cb9272f09590)$' workspaces.screen \
    "the chosen subscription's ID whole, on a second row"
assert_grep '^  › ml-workspace ' workspaces.screen "the workspaces start unscrolled"
AKSWIZ_OFFLINE=1; export AKSWIZ_OFFLINE

. "$top_srcdir/tests/i18n/locale.sh"
if ! i18n_have_locale zh_CN.UTF-8 || ! i18n_locale_tree "$work/locale"; then
	echo "# no zh_CN.UTF-8 locale or catalog: the Chinese part is left out"
	tap_done
	exit $?
fi
LC_ALL=zh_CN.UTF-8; LANG=zh_CN.UTF-8; export LC_ALL LANG
steps '
	:resize 60x20
	ml-zh<Enter><Down><Enter>D3_v2<Tab><C-u>1<Enter><Enter><Enter><Enter>
	:save-display zh-review.screen
	<Down><Down><Enter>
	:save-display zh-az.screen
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
tail -n 1 zh-review.screen > zh-hints
assert_no_grep '…' zh-hints "zh_CN: the review's hints at 60 columns are not cut"
assert_grep '^  › ' zh-review.screen "zh_CN: the review is drawn at 60x20"
tail -n 1 zh-az.screen > zh-az-hints
assert_grep ' w ' zh-az-hints "zh_CN: the text page says w writes it to a file"
tap_done
