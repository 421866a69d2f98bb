/*
 * Widgets on a held screen (AKSWIZ_NO_DISPLAY): a field is laid out by
 * display width and never cuts a double-width character, marks text
 * outside its box, edits by characters; a list filters by typing and
 * keeps the selection; text is cut with a mark, never mid-character.
 * Each row reads the cells back from curses.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../tap.h"
#include "common/err.h"
#include "tui/display.h"
#include "tui/widget.h"

/* Row y from x, width cells, as UTF-8 (a wide char once). */
static const char *
row(int y, int x, int width)
{
	static char	buf[1024];
	cchar_t		cc;
	wchar_t		wch[CCHARW_MAX + 1];
	attr_t		at;
	short		pair;
	size_t		len = 0, k;
	mbstate_t	st;
	int		i, w;

	memset(&st, 0, sizeof st);
	for (i = x; i < x + width; i += w) {
		w = 1;
		mvwin_wch(stdscr, y, i, &cc);
		getcchar(&cc, wch, &at, &pair, NULL);
		if (wcwidth(wch[0]) == 2)
			w = 2;
		k = wcrtomb(buf + len, wch[0], &st);
		if (k != (size_t)-1)
			len += k;
	}
	buf[len] = '\0';
	return buf;
}

/* A key event for a character or a request. */
static struct key_event
ev_char(wchar_t c)
{
	struct key_event	e;

	memset(&e, 0, sizeof e);
	e.key.code = (wint_t)c;
	e.req = keys_request(&e.key);
	return e;
}

static struct key_event
ev_req(enum request r)
{
	struct key_event	e;

	memset(&e, 0, sizeof e);
	e.key.fn = true;
	e.req = r;
	return e;
}

/* Text wrapped into width cells, with max rows at most. */
static const struct {
	const char	*text;
	int		 width, max, need, last_y;
	const char	*last;		/* row last_y as drawn */
	bool		 split;		/* display_wrap_split() */
	const char	*what;
} wrap_rows[] = {
	{ "use another, such as 10.0.0.10.", 12, 5, 3, 2, "10.0.0.10.  ", false,
	    "the end of a message" },
	{ "use another, such as 10.0.0.10.", 12, 2, 3, 1, "such as…    ", false,
	    "rows run out: the last one is marked" },
	{ "one two", 20, 1, 1, 0, "one two             ", false,
	    "a message that fits is not marked" },
	{ "请使用另一个地址，例如10.0.0.10。", 12, 9, 3, 2,
	    "10.0.0.10。 ", false, "Chinese wraps by display width" },
	{ "a\nb", 5, 1, 2, 0, "a…   ", false, "a line break past the last row" },
	{ "Saved to /abcdefghijklmno", 10, 5, 3, 2, "jklmno    ", true,
	    "split: a word longer than a row goes on, cut by cells" },
	{ "Saved to /abcdefghijklmno", 10, 5, 2, 1, "/abcdefgh…", false,
	    "a word longer than a row is cut, with a mark" },
};

/* display_cat_cut: text into a column of width cells. */
static const struct {
	const char	*what, *text;
	int		 width;
	const char	*want;
} cat_cut[] = {
	{ "shorter: padded", "abc", 5, "[abc  ]" },
	{ "as wide: as it is", "abcde", 5, "[abcde]" },
	{ "wider: cut with a mark", "abcdefgh", 5, "[abcd…]" },
	{ "a 64-digit hash at 32",
	  "89715133a502e3fbe046b6b516cbb5271d510db9ced7b760c8aca099f7c937bc",
	  32, "[89715133a502e3fbe046b6b516cbb52…]" },
	{ "wide chars: the mark and a blank, no half character", "测试测试", 6,
	  "[测试… ]" },
	{ "wide chars that fit", "测试", 4, "[测试]" },
};

int
main(void)
{
	struct widget_field	f;
	struct widget_list	l;
	struct key_event	e;
	struct err		err;
	char			out[256];
	size_t			i;

	setenv("AKSWIZ_NO_DISPLAY", "1", 1);
	setenv("COLUMNS", "80", 1);
	setenv("LINES", "24", 1);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	if (!ok(display_init(true, &err), "a held screen starts"))
		return tap_done();

	widget_field_init(&f);
	widget_field_set(&f, "名字");
	widget_field_draw(&f, stdscr, 0, 0, 8, false);
	is_str(row(0, 0, 8), "[名字  ]", "two wide chars fill 4 of 6 cells");
	widget_field_set(&f, "中文名字测试");
	f.cursor = 0;
	widget_field_draw(&f, stdscr, 1, 0, 8, false);
	is_str(row(1, 0, 8), "[中文… ]",
	    "no wide char cut: the 6th cell stays blank after the mark");
	widget_field_draw(&f, stdscr, 2, 0, 9, false);
	is_str(row(2, 0, 9), "[中文名…]", "7 cells: three wide chars and a mark");
	f.cursor = f.len;
	widget_field_draw(&f, stdscr, 3, 0, 9, true);
	is_str(row(3, 0, 9), "[…测试  ]",
	    "cursor at the end: text scrolls, mark on the left");

	widget_field_set(&f, "ab");
	e = ev_char(L'ü');
	widget_field_key(&f, &e);
	e = ev_req(REQ_LEFT);
	widget_field_key(&f, &e);
	e = ev_req(REQ_BACKSPACE);
	widget_field_key(&f, &e);
	widget_field_get(&f, out, sizeof out);
	is_str(out, "aü", "Backspace deletes before the cursor, by character");
	e = ev_char(L'q');
	ok(widget_field_key(&f, &e), "q is text in a field");
	widget_field_get(&f, out, sizeof out);
	is_str(out, "aqü", "typed where the cursor is");

	widget_list_init(&l);
	l.filtering = true;
	widget_list_add(&l, "Standard_D3_v2", "Standard_D3_v2  4 vCPU", false);
	widget_list_add(&l, "Standard_E4s_v3", "Standard_E4s_v3  4 vCPU", false);
	widget_list_add(&l, "Standard_NC6", "Standard_NC6  6 vCPU GPU", false);
	widget_list_select(&l, "Standard_E4s_v3");
	e = ev_char(L'e');
	widget_list_key(&l, &e, 5);
	e = ev_char(L'4');
	widget_list_key(&l, &e, 5);
	is_int(l.nvisible, 1, "typing narrows the rows (case-insensitive)");
	is_str(widget_list_selected(&l), "Standard_E4s_v3", "the selection is kept");
	e = ev_req(REQ_KILL_LINE);
	widget_list_key(&l, &e, 5);
	is_int(l.nvisible, 3, "Ctrl-U clears the filter");
	e = ev_char(L'x');
	widget_list_key(&l, &e, 5);
	is_int(l.nvisible, 0, "nothing matches");
	ok(widget_list_selected(&l) == NULL, "and nothing is selected");
	widget_list_done(&l);

	werase(stdscr);
	display_text(stdscr, 5, 0, 5, "测试测试", A_NORMAL, true);
	is_str(row(5, 0, 6), "测试… ", "text cut with a mark, no half character");
	is_int(display_width("a测b"), 4, "display width counts wide chars twice");
	/* A column's text: padded, or cut with a mark, never through a
	 * wide character. */
	for (i = 0; i < sizeof cat_cut / sizeof cat_cut[0]; i++) {
		snprintf(out, sizeof out, "[");
		display_cat_cut(out, sizeof out, cat_cut[i].text,
		    cat_cut[i].width);
		display_cat(out, sizeof out, "]", 0);
		is_str(out, cat_cut[i].want, "column of %d: %s", cat_cut[i].width,
		    cat_cut[i].what);
	}

	/* Wrapping: every row it needs, and a mark when rows run out. */
	for (i = 0; i < sizeof wrap_rows / sizeof wrap_rows[0]; i++) {
		werase(stdscr);
		is_int(display_wrap_rows(wrap_rows[i].width, wrap_rows[i].text,
		    wrap_rows[i].split), wrap_rows[i].need, "wrap: %s needs %d rows",
		    wrap_rows[i].what, wrap_rows[i].need);
		is_int((wrap_rows[i].split ? display_wrap_split : display_wrap)(
		    stdscr, 0, 0, wrap_rows[i].width,
		    wrap_rows[i].max, wrap_rows[i].text, A_NORMAL),
		    wrap_rows[i].need < wrap_rows[i].max ? wrap_rows[i].need :
		    wrap_rows[i].max, "wrap: %s in %d rows", wrap_rows[i].what,
		    wrap_rows[i].max);
		is_str(row(wrap_rows[i].last_y, 0, wrap_rows[i].width),
		    wrap_rows[i].last, "wrap: %s, last row", wrap_rows[i].what);
	}

	/* Scrolled sideways: marks on the side that is cut. */
	werase(stdscr);
	display_text_from(stdscr, 0, 0, 10, "--name ml-dev-cluster", 7,
	    A_NORMAL);
	is_str(row(0, 0, 10), "…ml-dev-c…", "scrolled: cut both sides, marked");
	display_text_from(stdscr, 1, 0, 10, "--name ml-dev", 7, A_NORMAL);
	is_str(row(1, 0, 10), "…ml-dev   ", "scrolled to the end: a mark left");
	display_text_from(stdscr, 2, 0, 10, "名前は測試です", 3, A_NORMAL);
	is_str(row(2, 0, 10), "…は測試で…", "scrolled: never half a wide char");

	display_done();
	return tap_done();
}
