#!/bin/sh
# Long values are never lost to a cut (issue 10, item 7): at 60x20 the az
# command's long lines end in "…"; Right scrolls the page sideways to
# their end, Home back; w writes the whole text to a file, says where,
# and the file is exactly what "akswiz plan export --as az" prints (a
# copied command works).  The review (item 3 and 11): with --readonly no
# Submit is offered and a note says why, nothing is sent; the "Saved to"
# note follows the verdicts and its command names --sandbox on the
# sandbox cloud.
. "$top_srcdir/tests/screens/libtest.sh"

steps '
	:resize 60x20
	ml-dev<Enter><Down><Enter>D3_v2<Tab><C-u>1<Enter><Enter><Enter><Enter>
	<C-s><Enter>
	<Home><Down><Down><Enter>
	:save-display az.screen
	<Right><Right><Right><Right><Right>
	:save-display right.screen
	:save-state right.state
	w
	:save-display written.screen
	<Home>
	:save-state home.state
'
run_akswiz create --compute-type AKS -w ws1 -g rg1 --subscription $SUB
assert_status 0
assert_grep '^      --subscription 00000000-0000-0000-0000-000000000001…$' az.screen \
    "60x20: a line longer than the page ends in a mark"
assert_grep 'Arrows scroll  w write it to a file  Esc back' az.screen \
    "the hints say how to see the rest and how to keep it"
assert_grep '^  …bscription 00000000-0000-0000-0000-000000000001 \\$' right.screen \
    "Right scrolls sideways to the line's end, marked on the left"
assert_grep '^left: 8$' right.state "by 8 cells, and no further than the end"
sed "s|$work|WORK|g" written.screen | tr -d '\n ' > written.joined
echo >> written.joined
assert_grep 'WrittenwholetoWORK/state/akswiz/exports/ml-dev-az.sh' written.joined \
    "w says where it wrote, the path whole"
assert_grep '^left: 0$' home.state "Home scrolls back"
"$AKSWIZ" plan export --as az state/akswiz/plans/ml-dev.json > az.expected 2>&1
if cmp -s az.expected state/akswiz/exports/ml-dev-az.sh; then
	ok "the file is the whole command, as plan export prints it"
else
	not_ok "the file is the whole command, as plan export prints it"
	diff az.expected state/akswiz/exports/ml-dev-az.sh | sed 's/^/#   /'
fi
if [ "$(stat -c %a state/akswiz/exports/ml-dev-az.sh)" = 644 ]; then
	ok "the export is mode 0644 (it holds no secret)"
else
	not_ok "the export is mode 0644 (it holds no secret)"
fi

# --readonly: the review offers no Submit; Enter on the first row sends
# nothing.
sandbox_start --allow-legacy-create
steps '
	ml-ro<Enter><Down><Enter>D3_v2<Tab><C-u>1<Enter><Enter><Enter><Enter>
	:save-display readonly.screen
	<Home><Enter>
	:save-state readonly.state
'
run_akswiz --readonly create --compute-type AKS $SB_ARGS
assert_status 0
assert_no_grep 'Submit' readonly.screen "--readonly: Submit is not offered"
# (Where --readonly keeps the wizard closed altogether, the review is
# never reached; the two checks around this hold either way.)
if grep -q '^ Review the plan' readonly.screen; then
	assert_grep '^  › Save the plan' readonly.screen "--readonly: saving is"
	assert_grep 'Read-only (--readonly): the plan can be saved and shown,' \
	    readonly.screen "--readonly: a note says why"
fi
assert_no_grep '"method":"\(PUT\|PATCH\|DELETE\|POST\)","path":"/subscriptions' journal.log \
    "--readonly: the sandbox received nothing that changes Azure"

# The "Saved to" note: after the warnings, with --sandbox.
steps '
	ml-sb<Enter><Down><Enter>D3_v2<Tab><C-u>1<Enter><Enter><Enter><Enter>
	<C-s><Enter>
	:save-display sandbox-saved.screen
'
run_akswiz --sandbox create --compute-type AKS
assert_status 0
sed "s|$work|WORK|g" sandbox-saved.screen | tr -d '\n' | tr -s ' ' \
    > sandbox-saved.joined
echo >> sandbox-saved.joined
assert_grep 'To perform it from a shell: akswiz --sandbox apply WORK/state/akswiz/plans/ml-sb.json' \
    sandbox-saved.joined "on the sandbox cloud the command says --sandbox"
tap_done
