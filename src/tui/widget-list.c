/*
 * A list of rows filtered by typing: every printable key narrows the rows
 * to those containing the filter (case-insensitive), Backspace widens,
 * Ctrl-U clears.  Only the rows in view are drawn, so a list of thousands
 * costs what a screenful costs.
 */
#include "config.h"
#include "tui/widget.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/xalloc.h"
#include "tui/display.h"

/* Cells Left or Right scroll a list sideways. */
#define WIDGET_LIST_STEP	8

/* An empty list. */
void
widget_list_init(struct widget_list *l)
{
	memset(l, 0, sizeof *l);
}

/* Drop every row. */
void
widget_list_clear(struct widget_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].text);
	}
	l->n = l->nvisible = l->sel = l->top = 0;
	l->hscroll = 0;		/* new rows start at their beginning */
}

/* Free the list. */
void
widget_list_done(struct widget_list *l)
{
	widget_list_clear(l);
	free(l->items);
	free(l->visible);
	memset(l, 0, sizeof *l);
}

/* Add a row. */
void
widget_list_add(struct widget_list *l, const char *key, const char *text,
    bool dim)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc == 0 ? 32 : l->alloc * 2;
		l->items = xreallocarray(l->items, l->alloc,
		    sizeof *l->items);
		l->visible = xreallocarray(l->visible, l->alloc,
		    sizeof *l->visible);
	}
	l->items[l->n].key = xstrdup(key);
	l->items[l->n].text = xstrdup(text);
	l->items[l->n].dim = dim;
	l->visible[l->nvisible++] = l->n;
	l->n++;
}

/* Case-insensitive (ASCII) substring test. */
static bool
widget_list_match(const char *hay, const char *needle)
{
	size_t	i, n = strlen(needle);

	if (n == 0)
		return true;
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0' &&
		    tolower((unsigned char)hay[i]) ==
		    tolower((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return true;
	}
	return false;
}

/* Recompute the rows that match the filter. */
void
widget_list_refilter(struct widget_list *l)
{
	const char	*was = widget_list_selected(l);
	char		*keep = was != NULL ? xstrdup(was) : NULL;
	size_t		 i;

	l->nvisible = 0;
	for (i = 0; i < l->n; i++)
		if (l->match != NULL ? l->match(l->items[i].key, l->filter) :
		    widget_list_match(l->items[i].text, l->filter))
			l->visible[l->nvisible++] = i;
	l->sel = l->top = 0;
	if (keep != NULL)
		widget_list_select(l, keep);
	free(keep);
}

/* The selected row's key. */
const char *
widget_list_selected(const struct widget_list *l)
{
	if (l->nvisible == 0 || l->sel >= l->nvisible)
		return NULL;
	return l->items[l->visible[l->sel]].key;
}

/* Select a row by key. */
bool
widget_list_select(struct widget_list *l, const char *key)
{
	size_t	i;

	for (i = 0; i < l->nvisible; i++)
		if (strcmp(l->items[l->visible[i]].key, key) == 0) {
			l->sel = i;
			return true;
		}
	return false;
}

/* Append the UTF-8 form of a typed character to the filter. */
static bool
widget_list_filter_add(struct widget_list *l, wint_t c)
{
	char		mb[MB_LEN_MAX];
	mbstate_t	st;
	size_t		k, len = strlen(l->filter);

	memset(&st, 0, sizeof st);
	k = wcrtomb(mb, (wchar_t)c, &st);
	if (k == (size_t)-1 || len + k + 1 > sizeof l->filter)
		return false;
	memcpy(l->filter + len, mb, k);
	l->filter[len + k] = '\0';
	widget_list_refilter(l);
	return true;
}

/* The widest row's cells (pointer and gap included). */
static int
widget_list_widest(const struct widget_list *l)
{
	size_t	i;
	int	w, max = 0;

	for (i = 0; i < l->nvisible; i++)
		if ((w = display_width(l->items[l->visible[i]].text)) > max)
			max = w;
	return max + display_width(glyph->pointer) + 1;
}

/* Move or filter on a key. */
bool
widget_list_key(struct widget_list *l, const struct key_event *ev, int page)
{
	size_t	len;

	if (keys_is_text(&ev->key) && l->filtering)
		return widget_list_filter_add(l, ev->key.code);
	switch (ev->req) {
	case REQ_UP:
		if (l->sel == 0)
			return false;
		l->sel--;
		return true;
	case REQ_DOWN:
		if (l->sel + 1 >= l->nvisible)
			return false;
		l->sel++;
		return true;
	case REQ_PAGE_UP:
		l->sel = l->sel > (size_t)page ? l->sel - (size_t)page : 0;
		return true;
	case REQ_PAGE_DOWN:
		if (l->nvisible == 0)
			return false;
		l->sel += (size_t)page;
		if (l->sel >= l->nvisible)
			l->sel = l->nvisible - 1;
		return true;
	case REQ_LEFT:
		if (!l->sideways || l->hscroll == 0)
			return false;
		l->hscroll = l->hscroll > WIDGET_LIST_STEP ?
		    l->hscroll - WIDGET_LIST_STEP : 0;
		return true;
	case REQ_RIGHT:
		if (!l->sideways || l->hscroll + l->width >=
		    widget_list_widest(l))
			return false;
		l->hscroll += WIDGET_LIST_STEP;
		return true;
	case REQ_HOME:
		l->sel = 0;
		return true;
	case REQ_END:
		l->sel = l->nvisible > 0 ? l->nvisible - 1 : 0;
		return true;
	case REQ_BACKSPACE:
		if ((len = strlen(l->filter)) == 0)
			return false;
		/* Drop one UTF-8 character. */
		while (len > 0 && ((unsigned char)l->filter[--len] & 0xc0) ==
		    0x80)
			;
		l->filter[len] = '\0';
		widget_list_refilter(l);
		return true;
	case REQ_KILL_LINE:
		if (l->filter[0] == '\0')
			return false;
		l->filter[0] = '\0';
		widget_list_refilter(l);
		return true;
	default:
		return false;
	}
}

/* Draw the rows in view only. */
void
widget_list_draw(struct widget_list *l, WINDOW *w, int y, int x,
    int height, int width, bool focused)
{
	size_t	i, row;
	int	pw = display_width(glyph->pointer), attr;

	if (height <= 0)
		return;
	l->width = width;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)height)
		l->top = l->sel - (size_t)height + 1;
	if (l->top + (size_t)height > l->nvisible)
		l->top = l->nvisible > (size_t)height ?
		    l->nvisible - (size_t)height : 0;
	for (row = 0; row < (size_t)height; row++) {
		i = l->top + row;
		if (i >= l->nvisible)
			break;
		attr = l->items[l->visible[i]].dim ?
		    display_attr(STYLE_DIM) : (int)A_NORMAL;
		if (i == l->sel) {
			if (focused)
				attr = display_attr(STYLE_SELECTED);
			wattron(w, attr);
			wmove(w, y + (int)row, x);
			whline(w, ' ', width);
			wattroff(w, attr);
			display_text(w, y + (int)row, x, pw, glyph->pointer,
			    attr, false);
		}
		display_text_from(w, y + (int)row, x + pw + 1, width - pw - 1,
		    l->items[l->visible[i]].text, l->hscroll, attr);
	}
	/* Rows out of view: a mark in the last cell of the first or last
	 * row in view (Up/Down, PgUp/PgDn, Home/End reach them). */
	if (l->top > 0)
		display_text(w, y, x + width - 1, 1, glyph->more_up,
		    display_attr(STYLE_DIM), false);
	if (l->top + (size_t)height < l->nvisible)
		display_text(w, y + height - 1, x + width - 1, 1,
		    glyph->more_down, display_attr(STYLE_DIM), false);
	if (l->nvisible == 0)
		display_text(w, y, x + pw + 1, width - pw - 1,
		    l->filter[0] != '\0' ? _("Nothing matches the filter.") :
		    _("Nothing to choose from."), display_attr(STYLE_DIM),
		    true);
}
