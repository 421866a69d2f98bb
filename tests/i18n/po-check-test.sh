#!/bin/sh
# The catalogs: msgfmt --check --check-format is clean for each po file,
# every message is translated, the plural forms are the language's, and
# the "N cells" limits of TRANSLATORS comments hold (wcswidth).
set -u
: "${top_srcdir:?run from make check}"

if ! command -v msgfmt >/dev/null 2>&1; then
	echo "1..0 # SKIP msgfmt is not installed"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-po.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

for ll in sv zh_CN zh_TW; do
	po=$top_srcdir/po/$ll.po
	if msgfmt --check --check-format --statistics -o "$work/$ll.mo" \
	    "$po" 2>"$work/err"; then
		ok "$ll: msgfmt --check --check-format is clean"
	else
		not_ok "$ll: msgfmt --check --check-format is clean"
		sed 's/^/#   /' "$work/err"
	fi
	# "576 translated messages." and nothing fuzzy or untranslated.
	if grep -q 'translated message' "$work/err" &&
	    ! grep -q -e fuzzy -e untranslated "$work/err"; then
		ok "$ll: every message is translated"
	else
		not_ok "$ll: every message is translated"
		sed 's/^/#   /' "$work/err"
	fi
	case $ll in
	sv)	want='nplurals=2; plural=(n != 1);' ;;
	*)	want='nplurals=1; plural=0;' ;;
	esac
	if grep -q "Plural-Forms: $want" "$po"; then
		ok "$ll: plural forms $want"
	else
		not_ok "$ll: plural forms $want"
	fi
	# Every msgid of the template is in the catalog (none missing after
	# the template was regenerated).
	if command -v msgcmp >/dev/null 2>&1 &&
	    [ -f "$top_srcdir/po/akswiz.pot" ]; then
		if msgcmp "$po" "$top_srcdir/po/akswiz.pot" 2>"$work/cmp"; then
			ok "$ll: covers every message of akswiz.pot"
		else
			not_ok "$ll: covers every message of akswiz.pot"
			sed 's/^/#   /' "$work/cmp" | head -n 20
		fi
	fi
done

# "TRANSLATORS: ... N cells": the translation's display width.
if command -v python3 >/dev/null 2>&1; then
	if python3 - "$top_srcdir/po" > "$work/cells" 2>&1 <<'PY'
import re, sys, unicodedata
def width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c):
            continue
        w += 2 if unicodedata.east_asian_width(c) in 'WF' else 1
    return w
def unq(lines):
    return ''.join(bytes(l[l.index('"') + 1:l.rindex('"')], 'utf-8')
                   .decode('unicode_escape').encode('latin-1').decode('utf-8')
                   for l in lines)
bad = 0
for ll in ('sv', 'zh_CN', 'zh_TW'):
    text = open('%s/%s.po' % (sys.argv[1], ll), encoding='utf-8').read()
    for block in text.split('\n\n'):
        m = re.search(r'#\. TRANSLATORS:[^\n]*?(?:\n#\.[^\n]*?)*?\b(\d+) cells', block)
        if not m:
            continue
        lines = block.split('\n')
        i = [k for k, l in enumerate(lines) if l.startswith('msgstr')]
        for k in i:
            j = k + 1
            while j < len(lines) and lines[j].startswith('"'):
                j += 1
            s = unq(lines[k:j])
            # a number printed in %ld: five digits (quotas are below 100000)
            s2 = re.sub(r'%l?d', '99999', s)
            if width(s2) > int(m.group(1)):
                print('%s: "%s" is %d cells, more than %s' %
                      (ll, s, width(s2), m.group(1)))
                bad += 1
sys.exit(1 if bad else 0)
PY
	then
		ok "translations respect their \"N cells\" limits"
	else
		not_ok "translations respect their \"N cells\" limits"
		sed 's/^/#   /' "$work/cells"
	fi
fi
echo "1..$n"
[ "$failed" -eq 0 ]
