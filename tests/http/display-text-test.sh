#!/bin/sh
# What the service says reaches the terminal as text, never as commands,
# and tables are cut by display width, not bytes:
#  - a compute description and an error message holding ESC, BEL, a C1
#    CSI and a right-to-left override (seeded through the world file and
#    an injected operation failure) are printed escaped by show, list,
#    -o tsv, -o json and apply;
#  - the Chinese `clusters` table stays valid UTF-8 within 80 columns.
. "$top_srcdir/tests/http/lib.sh"
. "$top_srcdir/tests/i18n/locale.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
CSI=$(printf '\302\233')
RLO=$(printf '\342\200\256')

# raw FILE TEXT: FILE holds none of the raw control characters.
raw() {
	if grep -q -e "$ESC" -e "$BEL" -e "$CSI" -e "$RLO" "$1"; then
		ok 1 "$2"
		od -c "$1" | grep -m 3 -e '033' -e '007' | sed 's/^/#   /'
	else
		ok 0 "$2"
	fi
}

# The shipped world with escapes in inf-failed's description and error.
sed -e 's/"Failed create"/"Failed \\u001b[2J\\u001b]0;pwned\\u0007create \\u009b31mred \\u202eevil"/' \
    -e 's/"Operation could not be completed as it results/"\\u001b[31mOperation could not be completed as it results/' \
    -e "s/\"Training cluster\"/\"$(printf '\350\256\255\347\273\203\351\233\206\347\276\244%.0s' 1 2 3 4 5 6 7 8 9 10 11 12)\"/" \
    "$top_srcdir/data/sandbox-world.json" >"$T/world.json"
grep -q 'u001b\[2J' "$T/world.json" && grep -q 'u001b\[31mOperation' "$T/world.json"
ok $? "the world file is seeded with escapes"

sb_start --allow-legacy-create --world "$T/world.json" --polls 1 --faults "op:ml-esc=fail:BadRequest:${ESC}[1mAgent${BEL} ${ESC}[2Jcount ${CSI}31mis wrong"

az show inf-failed
is "$rc" 0 "show inf-failed works"
raw "$T/out" "show: no raw control character"
like "$T/out" 'Failed \^\[\[2J\^\[\]0;pwned\^Gcreate \\u009b31mred \\u202eevil' \
    "show: the description, its controls visible"
like "$T/out" '\^\[\[31mOperation could not be completed' \
    "show: the error, its ESC visible"

az show inf-failed -o tsv
raw "$T/out" "show -o tsv: no raw control character"
like "$T/out" '\^\[\[2J' "show -o tsv: escaped"

az show inf-failed -o json
raw "$T/out" "show -o json: no raw control character"
like "$T/out" '"errorMessage": "\^\[\[31mOperation' \
    "show -o json: escaped where it came in"

az list --all
is "$rc" 0 "list --all: exit 0"
raw "$T/out" "list: no raw control character"

# A long Chinese description, shown on several lines.
az show cpu-cluster
is "$rc" 0 "show cpu-cluster: exit 0"
iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1
ok $? "show: a long Chinese description is wrapped between characters"
[ "$(grep -c '' "$T/out")" -gt 1 ] && [ "$(LC_ALL=C.UTF-8 wc -L <"$T/out")" -le 80 ]
ok $? "show: on several lines, none wider than 80 columns"

plan_new "$T/c.json" create --compute-type AKS --name ml-esc --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json"
is "$rc" 1 "apply of an operation failing with escapes exits 1"
raw "$T/err" "apply: no raw control character on stderr"
raw "$T/out" "apply: none on stdout"
like "$T/err" 'BadRequest: \^\[\[1mAgent\^G \^\[\[2Jcount \\u009b31mis wrong' \
    "apply: the service's message, its controls visible"

# Chinese: the clusters table, cut by display width.
if i18n_locale_tree "$T/locale" && i18n_have_locale zh_CN.UTF-8; then
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 az clusters
	is "$rc" 0 "clusters in Chinese works"
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1
	ok $? "clusters in Chinese: valid UTF-8 (no character cut in half)"
	w=$(LC_ALL=zh_CN.UTF-8 wc -L <"$T/out")
	[ "$w" -le 80 ]
	ok $? "clusters in Chinese: within 80 columns ($w)"
	like "$T/out" '\.\.\.$' "clusters in Chinese: a cut verdict ends in ..."
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 az list --all
	is "$rc" 0 "list in Chinese: exit 0"
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1
	ok $? "list in Chinese: valid UTF-8"
else
	echo "# zh_CN.UTF-8 or the catalogs are missing: Chinese not checked"
fi
sb_stop

done_testing
