/*
 * The terminal (see display.h).  Deliberate choices:
 * - AKSWIZ_NO_DISPLAY=1 runs curses on /dev/null: the screen is still
 *   composed in memory, so :save-display shows exactly what a person
 *   would see, without a tty (STYLE.md §9).
 * - ncurses handles SIGWINCH itself and hands us KEY_RESIZE; we only add
 *   handlers that restore the terminal on the way out (including crashes,
 *   which then re-raise the signal so the exit status stays honest) and
 *   flags for SIGHUP/SIGTERM that the loop turns into "save the draft".
 * - Monochrome (NO_COLOR, --no-color, or no colours) keeps every mark as
 *   text; colour only adds to what the text already says.
 */
#include "config.h"
#include "tui/display.h"

#include <errno.h>
#include <limits.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "common/err.h"
#include "common/i18n.h"
#include "tui/keys.h"

static const struct display_glyphs glyphs_utf8 = {
	"\u2500", "\u2713", "\u2717", "!", "\u00b7", "(\u2022)", "( )",
	"[x]", "[ ]", "\u203a", "\u2026", "\u00d7", "\u00b7", "\u2191",
	"\u2193", { "\u280b", "\u2819", "\u2838", "\u2834" }
};
static const struct display_glyphs glyphs_ascii = {
	"-", "+", "x", "!", "-", "(*)", "( )",
	"[x]", "[ ]", ">", "~", "x", "-", "^", "v",
	{ "|", "/", "-", "\\" }
};
const struct display_glyphs *glyph = &glyphs_ascii;

static SCREEN		*display_screen;
static FILE		*display_null_in, *display_null_out;
static bool		 display_is_headless, display_is_active;
static bool		 display_colour;
static volatile sig_atomic_t display_got_hup, display_got_term;

/* Restore the terminal and re-raise a fatal signal with its default action. */
static void
display_crash(int sig)
{
	if (display_is_active && !display_is_headless)
		endwin();
	display_is_active = false;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* SIGHUP and SIGTERM: let the loop save the draft and leave cleanly. */
static void
display_flag(int sig)
{
	if (sig == SIGHUP)
		display_got_hup = 1;
	else
		display_got_term = 1;
}

/* Catch a signal without SA_RESTART, so that poll() returns at once. */
static void
display_catch(int sig, void (*fn)(int))
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* Define the colour pairs, or nothing in monochrome. */
static void
display_colours(bool no_color)
{
	display_colour = !no_color && has_colors();
	if (!display_colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_GREEN, -1);
	init_pair(5, COLOR_CYAN, -1);
}

/*
 * Teach curses the sequences terminals send beyond their terminfo entry
 * (tmux's ESC [ 1 ~ for Home under TERM=xterm-256color ...); a sequence
 * terminfo already binds, or one that would hide a longer one, is left.
 */
static void
display_keys(void)
{
	const char	*seq;
	struct key	 k;
	size_t		 i;

	for (i = 0; keys_sequence(i, &seq, &k); i++)
		if (k.fn && key_defined(seq) == 0)
			define_key(seq, (int)k.code);
}

/* Start curses on the terminal, or on /dev/null when headless. */
bool
display_init(bool no_color, struct err *err)
{
	const char	*s = getenv("AKSWIZ_NO_DISPLAY");
	const char	*term = getenv("TERM");

	glyph = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 ?
	    &glyphs_utf8 : &glyphs_ascii;
	display_is_headless = s != NULL && *s != '\0' && strcmp(s, "0") != 0;
	if (term == NULL || *term == '\0')
		term = display_is_headless ? "xterm" : NULL;
	if (display_is_headless) {
		display_null_out = fopen("/dev/null", "w");
		display_null_in = fopen("/dev/null", "r");
		if (display_null_out == NULL || display_null_in == NULL)
			return err_set(err, ERR_IO, _("cannot open %s: %s"),
			    "/dev/null", strerror(errno));
		display_screen = newterm(term, display_null_out,
		    display_null_in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return err_set(err, ERR_USAGE, _("the wizard needs a "
			    "terminal; use \"akswiz apply PLAN\" in scripts"));
		display_screen = newterm(term, stdout, stdin);
	}
	if (display_screen == NULL)
		return err_set(err, ERR_USAGE, _("cannot use terminal type "
		    "\"%s\""), term != NULL ? term : "");
	set_term(display_screen);
	display_is_active = true;
	atexit(display_done);
	display_catch(SIGSEGV, display_crash);
	display_catch(SIGBUS, display_crash);
	display_catch(SIGFPE, display_crash);
	display_catch(SIGABRT, display_crash);
	display_catch(SIGILL, display_crash);
	display_catch(SIGHUP, display_flag);
	display_catch(SIGTERM, display_flag);
	display_catch(SIGINT, display_flag);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	display_keys();
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	display_colours(no_color);
	return true;
}

/* Give the terminal back; safe twice and at exit. */
void
display_done(void)
{
	if (!display_is_active)
		return;
	display_is_active = false;
	endwin();
	if (display_screen != NULL)
		delscreen(display_screen);
	display_screen = NULL;
	if (display_null_out != NULL)
		fclose(display_null_out);
	if (display_null_in != NULL)
		fclose(display_null_in);
	display_null_out = display_null_in = NULL;
}

/* True while curses holds the terminal. */
bool
display_active(void)
{
	return display_is_active;
}

/* True with AKSWIZ_NO_DISPLAY (no terminal). */
bool
display_headless(void)
{
	return display_is_headless;
}

/* True below 60x20. */
bool
display_too_small(void)
{
	return COLS < DISPLAY_MIN_COLS || LINES < DISPLAY_MIN_LINES;
}

/* Resize the held screen. */
void
display_resize(int lines, int cols)
{
	resizeterm(lines, cols);
}

/* True once SIGHUP arrived. */
bool
display_hangup(void)
{
	return display_got_hup != 0;
}

/* True once SIGTERM or SIGINT arrived. */
bool
display_terminated(void)
{
	return display_got_term != 0;
}

/* The attributes of a style, in colour or monochrome. */
int
display_attr(enum display_style st)
{
	if (display_colour)
		switch (st) {
		case STYLE_TITLE:	return COLOR_PAIR(1) | A_BOLD;
		case STYLE_ERROR:	return COLOR_PAIR(2) | A_BOLD;
		case STYLE_WARNING:	return COLOR_PAIR(3) | A_BOLD;
		case STYLE_OK:		return COLOR_PAIR(4);
		case STYLE_DIM:		return A_DIM;
		case STYLE_SELECTED:	return A_REVERSE;
		case STYLE_KEY:		return COLOR_PAIR(5) | A_BOLD;
		case STYLE_FIELD:	return A_UNDERLINE;
		default:		return A_NORMAL;
		}
	switch (st) {
	case STYLE_TITLE:	return A_REVERSE | A_BOLD;
	case STYLE_ERROR:	return A_BOLD;
	case STYLE_WARNING:	return A_BOLD;
	case STYLE_SELECTED:	return A_REVERSE;
	case STYLE_KEY:		return A_BOLD;
	case STYLE_FIELD:	return A_UNDERLINE;
	default:		return A_NORMAL;
	}
}

/* Decode one character of s; advances *s, returns its width (>= 0). */
static int
display_next(const char **s, mbstate_t *st, wchar_t *wc)
{
	unsigned char	c = (unsigned char)**s;
	size_t		r;
	int		w;

	/* Printable ASCII is itself and one cell in every locale we run in
	 * (mbrtowc and wcwidth for each of a screen's 12,000 cells were
	 * most of a full redraw of browse). */
	if (c >= 0x20 && c < 0x7f && mbsinit(st)) {
		*wc = (wchar_t)c;
		*s += 1;
		return 1;
	}
	r = mbrtowc(wc, *s, MB_CUR_MAX, st);
	if (r == (size_t)-1 || r == (size_t)-2) {
		memset(st, 0, sizeof *st);
		*wc = L'?';
		r = 1;
	} else if (r == 0) {
		r = 1;
	}
	*s += r;
	if ((w = wcwidth(*wc)) < 0) {
		*wc = L'?';
		w = 1;
	}
	return w;
}

/* Display width of UTF-8 text. */
int
display_width(const char *s)
{
	mbstate_t	st;
	wchar_t		wc;
	int		w = 0;

	memset(&st, 0, sizeof st);
	while (*s != '\0')
		w += display_next(&s, &st, &wc);
	return w;
}

/*
 * Append s to the string in buf, padded with spaces to width cells (left
 * aligned; right aligned when width is negative): printf's %-20s and %3s
 * count bytes, which misaligns columns of Chinese text.
 */
void
display_cat(char *buf, size_t len, const char *s, int width)
{
	size_t	n = strlen(buf);
	int	pad = abs(width) - display_width(s);

	if (width < 0)
		for (; pad > 0 && n + 1 < len; pad--)
			buf[n++] = ' ';
	buf[n] = '\0';
	snprintf(buf + n, len - n, "%s", s);
	n = strlen(buf);
	if (width > 0)
		for (; pad > 0 && n + 1 < len; pad--)
			buf[n++] = ' ';
	buf[n] = '\0';
}

/*
 * display_cat for a column of width > 0 cells that s may overflow: s cut
 * to width with the glyph->more mark (never through a wide character),
 * or padded to it.
 */
void
display_cat_cut(char *buf, size_t len, const char *s, int width)
{
	mbstate_t	 st;
	wchar_t		 wc;
	const char	*p = s, *end = s;
	size_t		 n = strlen(buf), take;
	int		 used = 0, limit, cw;

	if (width <= 0 || display_width(s) <= width) {
		display_cat(buf, len, s, width);
		return;
	}
	limit = width - display_width(glyph->more);
	memset(&st, 0, sizeof st);
	while (*p != '\0') {
		cw = display_next(&p, &st, &wc);
		if (used + cw > limit)
			break;
		used += cw;
		end = p;
	}
	take = (size_t)(end - s);
	if (n + take >= len)
		take = len > n + 1 ? len - n - 1 : 0;
	memcpy(buf + n, s, take);
	buf[n + take] = '\0';
	display_cat(buf, len, glyph->more, width - used);
}

/* Draw text in at most width cells, never cutting a wide character. */
int
display_text(WINDOW *win, int y, int x, int width, const char *s, int attr,
    bool cut_mark)
{
	wchar_t		out[256];
	mbstate_t	st;
	wchar_t		wc;
	const char	*p;
	int		used = 0, limit = width, cw;
	size_t		n = 0;
	bool		cut;

	if (width <= 0)
		return 0;
	cut = display_width(s) > width;
	if (cut && cut_mark)
		limit = width - display_width(glyph->more);
	memset(&st, 0, sizeof st);
	for (p = s; *p != '\0' && n < sizeof out / sizeof out[0];) {
		cw = display_next(&p, &st, &wc);
		if (used + cw > limit)
			break;
		out[n++] = wc;
		used += cw;
	}
	wattron(win, attr);
	if (n > 0)
		mvwaddnwstr(win, y, x, out, (int)n);
	else
		wmove(win, y, x);
	if (cut && cut_mark && limit >= 0) {
		waddstr(win, glyph->more);
		used += display_width(glyph->more);
	}
	wattroff(win, attr);
	return used;
}

/*
 * The next unit of wrapping from *p: a word up to a space, except that a
 * double-width character (Chinese has no spaces) is a unit of its own,
 * with the narrow punctuation after it.  Returns its length in bytes.
 */
static size_t
display_unit(const char *p)
{
	mbstate_t	st;
	wchar_t		wc;
	const char	*q = p, *next;
	int		cw;

	memset(&st, 0, sizeof st);
	while (*q != '\0' && *q != ' ' && *q != '\n') {
		next = q;
		cw = display_next(&next, &st, &wc);
		if (cw == 2 && q != p)
			break;		/* a wide character starts a unit */
		q = next;
		if (cw == 2) {		/* and ends it, with its punctuation */
			while (*q != '\0' && *q != ' ' && *q != '\n') {
				next = q;
				display_next(&next, &st, &wc);
				if (wcschr(L",.;:!?)]}\"'\u3001\u3002\uff0c"
				    "\uff1b\uff1a\uff09\u201d\u300d", wc) == NULL)
					break;
				q = next;
			}
			break;
		}
	}
	return (size_t)(q - p);
}

/* The bytes of s's longest prefix that fits in width cells (one char at least). */
static size_t
display_prefix(const char *s, int width)
{
	mbstate_t	 st;
	wchar_t		 wc;
	const char	*p = s, *q;
	int		 used = 0, cw;

	memset(&st, 0, sizeof st);
	while (*p != '\0') {
		q = p;
		cw = display_next(&q, &st, &wc);
		if (used + cw > width && p != s)
			break;
		used += cw;
		p = q;
	}
	return (size_t)(p - s);
}

/* Draw s in width cells ending in the cut mark, whatever its length. */
static void
display_text_marked(WINDOW *win, int y, int x, int width, const char *s,
    int attr)
{
	int	mw = display_width(glyph->more), used;

	if (width <= mw) {
		display_text(win, y, x, width, glyph->more, attr, false);
		return;
	}
	wattron(win, attr);
	mvwhline(win, y, x, ' ', width);
	wattroff(win, attr);
	used = display_text(win, y, x, width - mw, s, attr, true);
	if (display_width(s) <= width - mw)	/* no mark drawn yet */
		display_text(win, y, x + used, mw, glyph->more, attr, false);
}

/*
 * Word-wrap text by display width into at most maxlines rows; draws
 * nothing when win is NULL (counting).  Text left over when the rows run
 * out is never dropped silently: the last row ends in the cut mark.
 */
static int
display_wrap_do(WINDOW *win, int y, int x, int width, int maxlines,
    const char *s, int attr, bool split)
{
	char		line[1024], last[1024] = "", tmp[1024];
	size_t		len = 0;
	int		rows = 0, lw = 0, ww, gap;
	const char	*p = s, *word;
	size_t		wl;
	bool		space;

#define WRAP_ROW() do {							\
		line[len] = '\0';					\
		if (win != NULL)					\
			display_text(win, y + rows, x, width, line, attr, \
			    true);					\
		memcpy(last, line, len + 1);				\
		rows++;							\
		len = 0;						\
		lw = 0;							\
	} while (0)
	if (width <= 0 || maxlines <= 0)
		return 0;
	while (*p != '\0' && rows < maxlines) {
		space = false;
		while (*p == ' ') {
			p++;
			space = true;
		}
		if (*p == '\n') {
			WRAP_ROW();
			p++;
			continue;
		}
		word = p;
		p += display_unit(p);
		wl = (size_t)(p - word);
		if (wl == 0)
			break;
		if (wl >= sizeof line - 2)
			wl = sizeof line - 2;
		memcpy(tmp, word, wl);
		tmp[wl] = '\0';
		ww = display_width(tmp);
		if (ww > width && split) {
			/* Longer than a row (a path, an ID): cut it by cells. */
			if (len > 0) {
				WRAP_ROW();
				if (rows >= maxlines) {
					p = word;
					break;
				}
			}
			wl = display_prefix(tmp, width);
			p = word + wl;
			tmp[wl] = '\0';
			memcpy(line, tmp, wl + 1);
			len = wl;
			WRAP_ROW();
			continue;
		}
		gap = len > 0 && space ? 1 : 0;
		if (len > 0 && (lw + gap + ww > width || len + 1 + wl >=
		    sizeof line)) {
			WRAP_ROW();
			gap = 0;
			if (rows >= maxlines) {
				p = word;	/* this word was not shown */
				break;
			}
		}
		if (gap) {
			line[len++] = ' ';
			lw++;
		}
		memcpy(line + len, word, wl);
		len += wl;
		lw += ww;
	}
	if (len > 0 && rows < maxlines)
		WRAP_ROW();
	while (*p == ' ' || *p == '\n')
		p++;
	if (*p != '\0' && rows > 0 && win != NULL)
		display_text_marked(win, y + rows - 1, x, width, last, attr);
#undef WRAP_ROW
	return rows;
}

/* Word-wrap text by display width; returns the rows used. */
int
display_wrap(WINDOW *win, int y, int x, int width, int maxlines,
    const char *s, int attr)
{
	if (win == NULL)
		return 0;
	return display_wrap_do(win, y, x, width, maxlines, s, attr, false);
}

/* Word-wrap, cutting a word longer than a row by cells. */
int
display_wrap_split(WINDOW *win, int y, int x, int width, int maxlines,
    const char *s, int attr)
{
	if (win == NULL)
		return 0;
	return display_wrap_do(win, y, x, width, maxlines, s, attr, true);
}

/* The rows text needs wrapped into width cells. */
int
display_wrap_rows(int width, const char *s, bool split)
{
	return display_wrap_do(NULL, 0, 0, width, INT_MAX, s, 0, split);
}

/*
 * Draw text from its skip-th cell on (a row scrolled sideways): a cut
 * mark at the start when something is left of the view, at the end when
 * something is right of it.  Returns the cells drawn.
 */
int
display_text_from(WINDOW *win, int y, int x, int width, const char *s,
    int skip, int attr)
{
	mbstate_t	 st;
	wchar_t		 wc;
	const char	*p = s;
	int		 cells = 0, cw, mw = display_width(glyph->more), used;

	if (skip <= 0)
		return display_text(win, y, x, width, s, attr, true);
	memset(&st, 0, sizeof st);
	/* Skip whole characters: skip cells, or one more for a wide one. */
	while (*p != '\0' && cells < skip) {
		const char	*q = p;

		cw = display_next(&q, &st, &wc);
		p = q;
		cells += cw;
	}
	if (*p == '\0' && cells <= skip)
		return 0;
	used = display_text(win, y, x, mw, glyph->more, attr, false);
	return used + display_text(win, y, x + used, width - used, p, attr,
	    true);
}

/* A horizontal line of width cells. */
void
display_hline(WINDOW *win, int y, int x, int width)
{
	int	i;

	wmove(win, y, x);
	for (i = 0; i < width; i++)
		waddstr(win, glyph->hline);
}

/* Clear a row from x to its end. */
void
display_clear_row(WINDOW *win, int y, int x)
{
	wmove(win, y, x);
	wclrtoeol(win);
}

bool
display_panel(WINDOW *win, int y, int bottom, int *scroll,
    display_panel_fn draw, void *arg)
{
	WINDOW	*pad;
	int	 rows, room = bottom - y;

	if (room <= 0 || (pad = newpad(DISPLAY_PANEL_ROWS, COLS)) == NULL)
		return false;
	rows = draw(arg, pad, 0, DISPLAY_PANEL_ROWS);
	if (*scroll > rows - room)
		*scroll = rows > room ? rows - room : 0;
	if (*scroll < 0)
		*scroll = 0;
	if (rows > 0)
		copywin(pad, win, *scroll, 0, y, 0, y + (rows < room ? rows :
		    room) - 1, COLS - 1, FALSE);
	delwin(pad);
	return rows > room;
}

/* Write the composed screen as trimmed UTF-8 text. */
bool
display_save(const char *path, struct err *err)
{
	FILE		*fp;
	cchar_t		 cc;
	wchar_t		 wch[CCHARW_MAX + 1];
	attr_t		 attrs;
	short		 pair;
	char		 line[4096], mb[MB_LEN_MAX];
	size_t		 len, keep, k;
	mbstate_t	 st;
	int		 y, x, w;

	if ((fp = fopen(path, "w")) == NULL)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
	for (y = 0; y < LINES; y++) {
		len = keep = 0;
		memset(&st, 0, sizeof st);
		for (x = 0; x < COLS; x += w) {
			w = 1;
			if (mvwin_wch(stdscr, y, x, &cc) == ERR)
				break;
			wch[0] = L' ';
			wch[1] = L'\0';
			getcchar(&cc, wch, &attrs, &pair, NULL);
			if (wch[0] == L'\0')
				wch[0] = L' ';
			if (wcwidth(wch[0]) == 2)
				w = 2;
			k = wcrtomb(mb, wch[0], &st);
			if (k == (size_t)-1) {
				mb[0] = '?';
				k = 1;
			}
			if (len + k >= sizeof line)
				break;
			memcpy(line + len, mb, k);
			len += k;
			if (wch[0] != L' ')
				keep = len;
		}
		fprintf(fp, "%.*s\n", (int)keep, line);
	}
	if (fclose(fp) != 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
	return true;
}
