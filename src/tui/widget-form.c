/*
 * A form: labelled fields, choices and check boxes, one per row, with the
 * verdict of each right under it so that an error is read next to what
 * caused it.  Tab/Down and Shift-Tab/Up move; Left/Right/Space change a
 * choice; a path field completes on Tab before moving on.
 */
#include "config.h"
#include "tui/widget.h"

#include <string.h>

#include "common/i18n.h"
#include "tui/display.h"
#include "tui/tui.h"

#define FORM_LABEL_MAX	26
#define FORM_FIELD_MAX	50
/* Below this many cells right of the labels, verdicts use the whole row. */
#define FORM_NARROW	44
/* Rows of the scratch pad a form is laid out on to measure it. */
#define FORM_PAD_ROWS	200

/* An empty form. */
void
widget_form_init(struct widget_form *f)
{
	memset(f, 0, sizeof *f);
}

/* Add an item. */
struct form_item *
widget_form_add(struct widget_form *f, enum form_kind kind,
    const char *label, enum plan_field pf)
{
	struct form_item	*it;

	if (f->n >= FORM_ITEMS)
		return NULL;
	it = &f->items[f->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->label = label;
	it->pf = pf;
	return it;
}

/* The focused item. */
struct form_item *
widget_form_focused(struct widget_form *f)
{
	if (f->focus < 0 || f->focus >= f->n || f->items[f->focus].hidden)
		return NULL;
	return &f->items[f->focus];
}

/* Focus the item of a field. */
bool
widget_form_focus_field(struct widget_form *f, enum plan_field pf)
{
	int	i;

	for (i = 0; i < f->n; i++)
		if (!f->items[i].hidden && f->items[i].pf == pf) {
			f->focus = i;
			return true;
		}
	return false;
}

/* Move focus by dir to the next visible item; false at either end. */
static bool
widget_form_move(struct widget_form *f, int dir)
{
	int	i;

	for (i = f->focus + dir; i >= 0 && i < f->n; i += dir)
		if (!f->items[i].hidden) {
			f->focus = i;
			return true;
		}
	return false;
}

/* Move focus or edit the focused item. */
bool
widget_form_key(struct widget_form *f, const struct key_event *ev)
{
	struct form_item	*it = widget_form_focused(f);

	if (it == NULL && !widget_form_move(f, 1))
		return false;
	it = widget_form_focused(f);
	switch (it->kind) {
	case FORM_FIELD:
		if (ev->req == REQ_NEXT_FIELD && it->field->path &&
		    widget_field_complete(it->field))
			return true;
		if (widget_field_key(it->field, ev))
			return true;
		break;
	case FORM_CHOICE:
		if (ev->req == REQ_LEFT && *it->choice > 0) {
			(*it->choice)--;
			return true;
		}
		if ((ev->req == REQ_RIGHT && *it->choice + 1 <
		    it->nchoices) || ev->req == REQ_TOGGLE) {
			*it->choice = (*it->choice + 1) % it->nchoices;
			return true;
		}
		break;
	case FORM_CHECK:
		if (ev->req == REQ_TOGGLE) {
			*it->check = !*it->check;
			return true;
		}
		break;
	}
	switch (ev->req) {
	case REQ_NEXT_FIELD:
	case REQ_DOWN:
		return widget_form_move(f, 1);
	case REQ_PREV_FIELD:
	case REQ_UP:
		return widget_form_move(f, -1);
	default:
		return false;
	}
}

/* The worst error or warning on a field, or NULL. */
static const struct verdict *
widget_form_verdict(const struct verdicts *vs, enum plan_field pf)
{
	const struct verdict	*v;

	if (vs == NULL || pf == FIELD_NONE)
		return NULL;
	if ((v = verdicts_find(vs, pf, SEV_ERROR)) != NULL)
		return v;
	return verdicts_find(vs, pf, SEV_WARNING);
}

/* Draw the items from first on; start[i] is the row item i began on. */
static int
widget_form_items(struct widget_form *f, WINDOW *w, int y, int x, int width,
    int maxrows, const struct verdicts *vs, bool show_all, int first,
    int *start)
{
	const struct verdict	*v;
	struct form_item	*it;
	char			 text[1024];
	int			 i, j, lw = 0, vx, row = 0, cx, fw, pw, mw, mx;

	pw = display_width(glyph->pointer);
	for (i = 0; i < f->n; i++)
		if (!f->items[i].hidden &&
		    (j = display_width(_(f->items[i].label))) > lw)
			lw = j;
	lw = lw + 2 > FORM_LABEL_MAX ? FORM_LABEL_MAX : lw + 2;
	vx = x + pw + 1 + lw;
	fw = width - (vx - x);
	if (fw > FORM_FIELD_MAX)
		fw = FORM_FIELD_MAX;
	for (i = first; i < f->n && row < maxrows; i++) {
		it = &f->items[i];
		start[i] = row;
		if (it->hidden)
			continue;
		if (i == f->focus)
			display_text(w, y + row, x, pw, glyph->pointer,
			    display_attr(STYLE_KEY), false);
		display_text(w, y + row, x + pw + 1, lw - 1, _(it->label),
		    i == f->focus ? display_attr(STYLE_KEY) : (int)A_NORMAL,
		    true);
		switch (it->kind) {
		case FORM_FIELD:
			widget_field_draw(it->field, w, y + row, vx, fw,
			    i == f->focus);
			break;
		case FORM_CHOICE:
			cx = vx;
			for (j = 0; j < it->nchoices; j++) {
				snprintf(text, sizeof text, "%s %s",
				    j == *it->choice ? glyph->radio_on :
				    glyph->radio_off, _(it->choices[j]));
				mw = display_width(text);
				/* What does not fit goes on the next row. */
				if (cx + mw > x + width && cx > vx &&
				    row + 1 < maxrows) {
					row++;
					cx = vx;
				}
				display_text(w, y + row, cx, mw, text,
				    j == *it->choice && i == f->focus ?
				    display_attr(STYLE_SELECTED) :
				    (int)A_NORMAL,
				    false);
				cx += mw + 3;
			}
			break;
		case FORM_CHECK:
			display_text(w, y + row, vx, fw, *it->check ?
			    glyph->check_on : glyph->check_off, A_NORMAL,
			    false);
			break;
		}
		row++;
		v = widget_form_verdict(vs, it->pf);
		if (v != NULL && (show_all || it->kind != FORM_FIELD ||
		    it->field->touched) && row < maxrows) {
			const char	*mark = v->severity == SEV_ERROR ?
			    glyph->error : glyph->warning;
			int		 st = v->severity == SEV_ERROR ?
			    STYLE_ERROR : STYLE_WARNING;

			/* Narrow: under the label too, not in a thin column. */
			mx = width - (vx - x) < FORM_NARROW ? x + pw + 1 : vx;
			display_text(w, y + row, mx, 2, mark,
			    display_attr(st), false);
			tui_verdict_text(v, text, sizeof text);
			/* The whole message: what to do is often at its end,
			 * and a value longer than a row (an image, a path)
			 * goes on over rows, never cut. */
			row += display_wrap_split(w, y + row, mx + 2,
			    width - (mx - x) - 2, maxrows - row, text,
			    display_attr(st));
		}
	}
	return row;
}

/*
 * Draw the items, each with its worst verdict under it.  When they do not
 * all fit, the form scrolls so that the focused item and its whole
 * verdict show (laid out once on a scratch pad to know the heights).
 */
int
widget_form_draw(struct widget_form *f, WINDOW *w, int y, int x, int width,
    int maxrows, const struct verdicts *vs, bool show_all)
{
	static WINDOW	*pad;
	static int	 padcols;
	int		 start[FORM_ITEMS + 1], first = 0, end, rows, i;

	if (maxrows <= 0)
		return 0;
	if (pad == NULL || padcols < x + width + 1) {
		if (pad != NULL)
			delwin(pad);
		padcols = x + width + 1;
		pad = newpad(FORM_PAD_ROWS, padcols);
	}
	if (pad != NULL && f->focus >= 0 && f->focus < f->n) {
		werase(pad);
		rows = widget_form_items(f, pad, 0, x, width, FORM_PAD_ROWS,
		    vs, show_all, 0, start);
		start[f->n] = rows;
		if (rows > maxrows) {
			/* The focused item ends where the next one starts. */
			end = start[f->focus + 1];
			for (i = f->focus + 1; i < f->n && f->items[i].hidden;
			    i++)
				end = start[i + 1];
			while (first < f->focus &&
			    end - start[first] > maxrows)
				first++;
			while (first < f->focus && f->items[first].hidden)
				first++;
		}
	}
	return widget_form_items(f, w, y, x, width, maxrows, vs, show_all,
	    first, start);
}
