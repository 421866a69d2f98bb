/*
 * Generic widgets: a text field, a filterable list, and a form of fields
 * and choices.  Each splits key handling (*_key(), no curses) from drawing
 * (*_draw(), the only curses code), as htop's LineEditor does.
 */
#ifndef AKSWIZ_TUI_WIDGET_H
#define AKSWIZ_TUI_WIDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "core/verdict.h"
#include "tui/curses.h"
#include "tui/keys.h"

/* ---- text field ---- */

#define FIELD_MAX	512

struct widget_field {
	wchar_t		 text[FIELD_MAX];
	size_t		 len;
	size_t		 cursor;	/* in characters */
	size_t		 scroll;	/* first character shown */
	bool		 touched;	/* edited since set */
	bool		 path;		/* Tab completes file names */
};

void	widget_field_init(struct widget_field *);
/* Replace the text (UTF-8); the cursor goes to the end. */
void	widget_field_set(struct widget_field *, const char *);
/* The text as UTF-8 into buf; false if it was cut. */
bool	widget_field_get(const struct widget_field *, char *, size_t);
/* Edit on a key; true if the text or the cursor changed. */
bool	widget_field_key(struct widget_field *, const struct key_event *);
/* Complete a file name at the end of the text; true if it changed. */
bool	widget_field_complete(struct widget_field *);
/* Draw as "[text   ]" in width cells (brackets included). */
void	widget_field_draw(struct widget_field *, WINDOW *, int y, int x,
	    int width, bool focused);

/* ---- filterable list ---- */

struct widget_list_item {
	char	*key;		/* owned: the id the screen acts on */
	char	*text;		/* owned: the row as shown */
	bool	 dim;		/* shown dimmed (not selectable is up to the screen) */
};

struct widget_list {
	struct widget_list_item	*items;
	size_t			 n, alloc;
	size_t			*visible;	/* indices matching the filter */
	size_t			 nvisible;
	size_t			 sel;		/* index into visible */
	size_t			 top;		/* first visible row drawn */
	char			 filter[128];
	bool			 filtering;	/* typed text goes to the filter */
	/* Does a row (by key) match the filter?  NULL: its text contains it. */
	bool			(*match)(const char *key, const char *filter);
	bool			 sideways;	/* Left/Right scroll the rows */
	int			 hscroll;	/* cells scrolled sideways */
	int			 width;		/* cells of a row when last drawn */
};

void	widget_list_init(struct widget_list *);
void	widget_list_done(struct widget_list *);
void	widget_list_clear(struct widget_list *);
/* Add a row (copies key and text). */
void	widget_list_add(struct widget_list *, const char *key,
	    const char *text, bool dim);
/* Recompute the rows matching the filter; keeps the selection if it can. */
void	widget_list_refilter(struct widget_list *);
/* Move or filter on a key; true if something changed. */
bool	widget_list_key(struct widget_list *, const struct key_event *,
	    int page);
/* The selected row's key (borrowed until the list changes), or NULL. */
const char *widget_list_selected(const struct widget_list *);
/* Select the row with this key; false if it is not visible. */
bool	widget_list_select(struct widget_list *, const char *key);
/* Draw rows y..y+height-1; only the visible rows are drawn. */
void	widget_list_draw(struct widget_list *, WINDOW *, int y, int x,
	    int height, int width, bool focused);

/* ---- form ---- */

enum form_kind {
	FORM_FIELD,
	FORM_CHOICE,
	FORM_CHECK
};

#define FORM_ITEMS	32	/* the deploy wizard's resources page has 27 */

struct form_item {
	enum form_kind		 kind;
	const char		*label;		/* N_() */
	struct widget_field	*field;		/* FORM_FIELD (borrowed) */
	int			*choice;	/* FORM_CHOICE (borrowed) */
	const char *const	*choices;	/* N_() labels */
	int			 nchoices;
	bool			*check;		/* FORM_CHECK (borrowed) */
	enum plan_field		 pf;		/* verdicts shown under it */
	bool			 hidden;
};

struct widget_form {
	struct form_item	items[FORM_ITEMS];
	int			n;
	int			focus;
};

void	widget_form_init(struct widget_form *);
struct form_item *widget_form_add(struct widget_form *, enum form_kind,
	    const char *label, enum plan_field);
/* The focused item, or NULL. */
struct form_item *widget_form_focused(struct widget_form *);
/* Focus the item showing this field; false if none is visible. */
bool	widget_form_focus_field(struct widget_form *, enum plan_field);
/* Move focus or edit; true if something changed. */
bool	widget_form_key(struct widget_form *, const struct key_event *);
/*
 * Draw from row y; under each item its worst verdict (errors and warnings
 * only once touched, or always with show_all).  Returns rows used.
 */
int	widget_form_draw(struct widget_form *, WINDOW *, int y, int x,
	    int width, int maxrows, const struct verdicts *, bool show_all);

#endif
