/*
 * The terminal: start and stop curses (or a screen held in memory only,
 * AKSWIZ_NO_DISPLAY=1), colours or honest monochrome, line drawing that
 * degrades to ASCII, text laid out by display width, the composed screen
 * saved as text for tests, and restoring the terminal on every exit path.
 */
#ifndef AKSWIZ_TUI_DISPLAY_H
#define AKSWIZ_TUI_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/curses.h"

/* The usual width: narrower, labels and hints are shortened. */
#define DISPLAY_WIDE_COLS	80

struct err;

#define DISPLAY_MIN_COLS	60
#define DISPLAY_MIN_LINES	20

/* Glyphs: Unicode in a UTF-8 locale, ASCII elsewhere. */
struct display_glyphs {
	const char	*hline;		/* "─" */
	const char	*ok;		/* "✓" */
	const char	*error;		/* "✗" */
	const char	*warning;	/* "!" */
	const char	*info;		/* "·" */
	const char	*radio_on;	/* "(•)" */
	const char	*radio_off;	/* "( )" */
	const char	*check_on;	/* "[x]" */
	const char	*check_off;	/* "[ ]" */
	const char	*pointer;	/* "›" selected row */
	const char	*more;		/* "…" text cut */
	const char	*times;		/* "×" */
	const char	*bullet;	/* "·" */
	const char	*more_up;	/* "↑" rows above the view */
	const char	*more_down;	/* "↓" rows below it */
	const char	*spinner[4];
};

enum display_style {
	STYLE_NORMAL,
	STYLE_TITLE,
	STYLE_ERROR,
	STYLE_WARNING,
	STYLE_OK,
	STYLE_DIM,
	STYLE_SELECTED,
	STYLE_KEY,
	STYLE_FIELD,
	STYLE__COUNT
};

extern const struct display_glyphs *glyph;

/* Start curses on the terminal, or on /dev/null with AKSWIZ_NO_DISPLAY. */
bool	display_init(bool no_color, struct err *);
/* Restore the terminal; safe to call twice and from signal handlers. */
void	display_done(void);
bool	display_active(void);
/* True when there is no real terminal (tests). */
bool	display_headless(void);
/* True below 60x20: screens show a message instead of drawing. */
bool	display_too_small(void);
/* Resize the held screen (script :resize, or SIGWINCH). */
void	display_resize(int lines, int cols);
/* curses attributes for a style (colour, or bold/reverse in monochrome). */
int	display_attr(enum display_style);
/* Set by SIGHUP/SIGTERM: the loop saves the draft and leaves. */
bool	display_hangup(void);
bool	display_terminated(void);

/* Display width of UTF-8 text (wcswidth, unprintables count 1). */
int	display_width(const char *);
/*
 * Append s to buf padded to width cells (right aligned if width < 0):
 * a %-20s that counts cells, not bytes.
 */
void	display_cat(char *buf, size_t len, const char *s, int width);
/* display_cat to a column of width > 0 cells, s cut there with a mark. */
void	display_cat_cut(char *buf, size_t len, const char *s, int width);
/*
 * Draw UTF-8 text at y,x in at most width cells, never cutting a double
 * width character; with cut_mark, text that does not fit ends in "…".
 * Returns the cells drawn.
 */
int	display_text(WINDOW *, int y, int x, int width, const char *,
	    int attr, bool cut_mark);
/*
 * Word-wrap text into width cells from row y, at most maxlines; rows used.
 * Text that does not fit in maxlines ends in "…" on the last row.
 */
int	display_wrap(WINDOW *, int y, int x, int width, int maxlines,
	    const char *, int attr);
/*
 * The same, except that a word longer than a row (a path, a resource ID,
 * a command) goes on over the next rows instead of being cut.
 */
int	display_wrap_split(WINDOW *, int y, int x, int width, int maxlines,
	    const char *, int attr);
/* The rows text needs, wrapped into width cells (split: as _split does). */
int	display_wrap_rows(int width, const char *, bool split);
/*
 * Draw text scrolled sideways by skip cells (with "…" marks where text is
 * cut on either side) in at most width cells; the cells drawn.
 */
int	display_text_from(WINDOW *, int y, int x, int width, const char *,
	    int skip, int attr);
/* Fill a row with the horizontal line glyph. */
void	display_hline(WINDOW *, int y, int x, int width);
/* Clear from x to the end of row y. */
void	display_clear_row(WINDOW *, int y, int x);
/*
 * A panel that may be taller than the rows from y to bottom (60x20):
 * draw(arg, pad, 0, DISPLAY_PANEL_ROWS) draws it whole on a pad and
 * returns its rows; the rows that fit are copied from *scroll, which is
 * kept in range.  True when it is taller than the room (PgUp/PgDn then
 * scroll it, and the hints should say so).
 */
#define DISPLAY_PANEL_ROWS	120	/* the tallest panel */
typedef int	(*display_panel_fn)(void *arg, WINDOW *, int y, int ymax);
bool	display_panel(WINDOW *, int y, int bottom, int *scroll,
	    display_panel_fn draw, void *arg);
/* Write the composed screen as trimmed UTF-8 lines, wide chars once. */
bool	display_save(const char *path, struct err *);
/* Install a function that saves the draft on SIGHUP (called from the loop). */

#endif
