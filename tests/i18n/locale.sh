# Catalogs for tests: i18n_locale_tree DIR builds DIR/LL/LC_MESSAGES/akswiz.mo
# for sv, zh_CN and zh_TW from po/LL.po (msgfmt) or, without msgfmt, from
# the po/LL.gmo that gettext builds; AKSWIZ_LOCALEDIR points akswiz there.
# i18n_have_locale LOCALE: the C library knows LOCALE (locale -a).
#
#	. "$top_srcdir/tests/i18n/locale.sh"
#	i18n_locale_tree "$work/locale" || skip...

i18n_locale_tree() {
	for ll in sv zh_CN zh_TW; do
		mkdir -p "$1/$ll/LC_MESSAGES" || return 1
		mo=$1/$ll/LC_MESSAGES/akswiz.mo
		if command -v msgfmt >/dev/null 2>&1 &&
		    msgfmt -o "$mo" "$top_srcdir/po/$ll.po" 2>/dev/null; then
			:
		elif [ -f "$top_builddir/po/$ll.gmo" ]; then
			cp "$top_builddir/po/$ll.gmo" "$mo" || return 1
		elif [ -f "$top_srcdir/po/$ll.gmo" ]; then
			cp "$top_srcdir/po/$ll.gmo" "$mo" || return 1
		else
			return 1
		fi
	done
	AKSWIZ_LOCALEDIR=$1
	export AKSWIZ_LOCALEDIR
}

i18n_have_locale() {
	want=$(printf '%s' "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' |
	    grep -qx "$want"
}
