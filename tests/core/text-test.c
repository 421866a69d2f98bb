/* core/text.c: escaping control characters and cutting by display width. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tests/tap.h"

static const struct {
	const char	*in;
	unsigned	 flags;
	const char	*out;
	const char	*why;
} escapes[] = {
	{ "plain text", 0, "plain text", "plain text passes" },
	{ "", 0, "", "empty" },
	{ "\xe4\xb8\xad\xe6\x96\x87\xe8\xaf\xb4\xe6\x98\x8e", 0,
	    "\xe4\xb8\xad\xe6\x96\x87\xe8\xaf\xb4\xe6\x98\x8e",
	    "Chinese passes" },
	{ "caf\xc3\xa9 \xe2\x9c\x93", 0, "caf\xc3\xa9 \xe2\x9c\x93",
	    "accents and a check mark pass" },
	{ "\x1b[2J\x1b[31mred", 0, "^[[2J^[[31mred",
	    "ESC sequences are shown, not obeyed" },
	{ "\x1b]0;owned\x07title", 0, "^[]0;owned^Gtitle",
	    "an OSC title change and BEL" },
	{ "a\x7f" "b", 0, "a^?b", "DEL" },
	{ "a\x01\x1f" "b", 0, "a^A^_b", "other C0 controls" },
	{ "\xc2\x9b" "31m", 0, "\\u009b31m", "C1 CSI (U+009B)" },
	{ "\xc2\x85", 0, "\\u0085", "C1 NEL" },
	{ "\xe2\x80\xae" "evil", 0, "\\u202eevil",
	    "a right-to-left override" },
	{ "\xe2\x81\xa6x", 0, "\\u2066x", "a bidi isolate" },
	{ "\x9b" "31m", 0, "\\x9B31m", "a lone C1 byte (not UTF-8)" },
	{ "\xff\xfe", 0, "\\xFF\\xFE", "bytes that are never UTF-8" },
	{ "\xc0\xaf", 0, "\\xC0\\xAF", "an overlong slash" },
	{ "\xed\xa0\x80", 0, "\\xED\\xA0\\x80", "a surrogate" },
	{ "\xe4\xb8", 0, "\\xE4\\xB8", "a cut character" },
	{ "line 1\nline 2", 0, "line 1 line 2", "a newline becomes a space" },
	{ "line 1\nline 2", TEXT_KEEP_NEWLINE, "line 1\nline 2",
	    "kept when asked" },
	{ "a\r\n\tb", TEXT_KEEP_NEWLINE, "a \n b",
	    "CR and tab become spaces" },
};

static const struct {
	const char	*in;
	size_t		 width;
	const char	*mark;
	const char	*out;
	const char	*why;
} cuts[] = {
	{ "short", 10, "...", "short", "fits: unchanged" },
	{ "exactly10!", 10, "...", "exactly10!", "exactly the width" },
	{ "a longer text", 10, "...", "a longe...", "ASCII cut with a mark" },
	{ "a longer text", 10, NULL, "a longer t", "no mark" },
	/* 6 ideographs, 12 columns */
	{ "\xe9\x9b\x86\xe7\xbe\xa4\xe7\x89\x88\xe6\x9c\xac\xe8\xbf\x87\xe4"
	    "\xbd\x8e", 12, "...",
	    "\xe9\x9b\x86\xe7\xbe\xa4\xe7\x89\x88\xe6\x9c\xac\xe8\xbf\x87\xe4"
	    "\xbd\x8e", "CJK that fits" },
	{ "\xe9\x9b\x86\xe7\xbe\xa4\xe7\x89\x88\xe6\x9c\xac\xe8\xbf\x87\xe4"
	    "\xbd\x8e", 10, "...", "\xe9\x9b\x86\xe7\xbe\xa4\xe7\x89\x88...",
	    "CJK cut by columns: three ideographs (6) and the mark (3)" },
	{ "\xe9\x9b\x86\xe7\xbe\xa4\xe7\x89\x88\xe6\x9c\xac\xe8\xbf\x87\xe4"
	    "\xbd\x8e", 8, "...", "\xe9\x9b\x86\xe7\xbe\xa4...",
	    "never half an ideograph: 2 ideographs + mark is 7 of 8" },
	{ "\xe9\x9b\x86\xe7\xbe\xa4\xe7\x89\x88", 5, "\xe2\x80\xa6",
	    "\xe9\x9b\x86\xe7\xbe\xa4\xe2\x80\xa6", "a one-column mark" },
	{ "ab\xe4\xb8\xad", 3, NULL, "ab", "no room for the last ideograph" },
};

static const struct {
	const char	*in;
	size_t		 width;
} widths[] = {
	{ "", 0 }, { "abc", 3 },
	{ "\xe9\x9b\x86\xe7\xbe\xa4", 4 },		/* 2 ideographs */
	{ "caf\xc3\xa9", 4 },
	{ "\xff", 1 },					/* invalid: 1 */
	{ "\xe2\x80\xa6", 1 },				/* ellipsis */
};

int
main(void)
{
	char	buf[256], small[8], tiny[4];
	char	*d;
	size_t	i;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "en_US.UTF-8") == NULL) {
		printf("1..0 # SKIP no UTF-8 locale\n");
		return 0;
	}
	for (i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
		text_escape(buf, sizeof buf, escapes[i].in, escapes[i].flags);
		is_str(buf, escapes[i].out, "escape: %s", escapes[i].why);
		ok(text_is_safe(escapes[i].in, escapes[i].flags) ==
		    (strcmp(escapes[i].in, escapes[i].out) == 0),
		    "is_safe agrees: %s", escapes[i].why);
	}
	d = text_escape_dup("\x1b[1mX", 0);
	is_str(d, "^[[1mX", "escape_dup");
	free(d);
	ok(text_escape_dup(NULL, 0) == NULL, "escape_dup of NULL");
	is_int(text_escape(small, sizeof small, "\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad", 0), 9, "escape returns the length needed");
	is_str(small, "\xe4\xb8\xad\xe4\xb8\xad",
	    "a small buffer holds whole characters only");
	snprintf(buf, sizeof buf, "Code: \x1b[31mred\x1b[0m");
	text_escape_inplace(buf, sizeof buf, 0);
	is_str(buf, "Code: ^[[31mred^[[0m", "escape in place");
	snprintf(small, sizeof small, "\x1b\x1b\x1b\x1b\x1b");
	text_escape_inplace(small, sizeof small, 0);
	is_str(small, "^[^[^[", "in place, cut between escapes");
	for (i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		text_cut(buf, sizeof buf, cuts[i].in, cuts[i].width,
		    cuts[i].mark);
		is_str(buf, cuts[i].out, "cut: %s", cuts[i].why);
		ok(text_width(buf) <= cuts[i].width, "cut: %s: within %zu "
		    "columns", cuts[i].why, cuts[i].width);
	}
	text_cut(small, sizeof small, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad",
	    80, NULL);
	is_str(small, "\xe4\xb8\xad\xe4\xb8\xad",
	    "cut: a small buffer never splits a character");
	/* zero columns wide, three characters long: it fits any width */
	text_cut(tiny, sizeof tiny, "\xcc\x81\xcc\x81\xcc\x81", 80, NULL);
	is_str(tiny, "\xcc\x81", "cut: zero-width characters in a small "
	    "buffer, whole");
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++)
		is_int(text_width(widths[i].in), widths[i].width,
		    "width of \"%s\"", widths[i].in);
	return tap_done();
}
