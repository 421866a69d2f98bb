/*
 * The split widget: a list with a detail pane beside it on wide
 * terminals, or the detail alone on small ones (tmux's mode-tree preview,
 * tig's OPEN_SPLIT).  It only lays out and draws a divider; the screen
 * draws the list and the detail through callbacks.
 */
#include "config.h"
#include "tui/browse.h"

#include <string.h>

#include "tui/curses.h"
#include "tui/display.h"

/* Small terminals show the detail instead of the list. */
bool
widget_split_full(const struct widget_split *w, int cols)
{
	return w->open && cols < WIDGET_SPLIT_MIN_COLS;
}

/* The list's share: all of it, or a little more than half when split. */
int
widget_split_list_width(const struct widget_split *w, int width)
{
	if (!w->open || width < WIDGET_SPLIT_MIN_COLS)
		return width;
	return width * 11 / 20;
}

/* Draw the list, the divider and the detail as the width allows. */
void
widget_split_draw(struct widget_split *w, WINDOW *win, int y, int x,
    int height, int width, widget_split_fn list, widget_split_fn detail,
    void *arg)
{
	const char	*bar = glyph->hline[0] == '-' ? "|" : "\u2502";
	int		 lw, row;

	if (height <= 0 || width <= 0)
		return;
	if (widget_split_full(w, width + x)) {
		detail(arg, win, y, x, height, width);
		return;
	}
	lw = widget_split_list_width(w, width);
	list(arg, win, y, x, height, lw);
	if (!w->open)
		return;
	for (row = 0; row < height; row++)
		display_text(win, y + row, x + lw, 1, bar,
		    display_attr(STYLE_DIM), false);
	detail(arg, win, y, x + lw + 1, height, width - lw - 1);
}
