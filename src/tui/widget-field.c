/*
 * A one-line text field edited by characters and drawn by display width:
 * a double-width character is never cut, and text outside the box is shown
 * by a mark inside the brackets.  Path fields complete file names on Tab.
 */
#include "config.h"
#include "tui/widget.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wctype.h>

#include "tui/display.h"

/* An empty field. */
void
widget_field_init(struct widget_field *f)
{
	memset(f, 0, sizeof *f);
}

/* Set the text; the cursor goes to the end. */
void
widget_field_set(struct widget_field *f, const char *s)
{
	mbstate_t	st;
	size_t		n;
	const char	*p = s;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(f->text, &p, FIELD_MAX - 1, &st);
	if (n == (size_t)-1)
		n = 0;
	f->len = n;
	f->text[n] = L'\0';
	f->cursor = n;
	f->scroll = 0;
}

/* The text as UTF-8. */
bool
widget_field_get(const struct widget_field *f, char *buf, size_t len)
{
	mbstate_t	 st;
	const wchar_t	*p = f->text;
	size_t		 n;

	memset(&st, 0, sizeof st);
	n = wcsrtombs(buf, &p, len, &st);
	if (n == (size_t)-1 || p != NULL) {
		if (len > 0)
			buf[n == (size_t)-1 ? 0 : len - 1] = '\0';
		return false;
	}
	return true;
}

/* Edit on a key. */
bool
widget_field_key(struct widget_field *f, const struct key_event *ev)
{
	if (keys_is_text(&ev->key)) {
		if (f->len + 1 >= FIELD_MAX)
			return false;
		memmove(f->text + f->cursor + 1, f->text + f->cursor,
		    (f->len - f->cursor + 1) * sizeof f->text[0]);
		f->text[f->cursor++] = (wchar_t)ev->key.code;
		f->len++;
		f->touched = true;
		return true;
	}
	switch (ev->req) {
	case REQ_BACKSPACE:
		if (f->cursor == 0)
			return false;
		f->cursor--;
		/* FALLTHROUGH */
	case REQ_DELETE:
		if (f->cursor >= f->len)
			return false;
		memmove(f->text + f->cursor, f->text + f->cursor + 1,
		    (f->len - f->cursor) * sizeof f->text[0]);
		f->len--;
		f->touched = true;
		return true;
	case REQ_KILL_LINE:
		f->len = f->cursor = f->scroll = 0;
		f->text[0] = L'\0';
		f->touched = true;
		return true;
	case REQ_LEFT:
		if (f->cursor == 0)
			return false;
		f->cursor--;
		return true;
	case REQ_RIGHT:
		if (f->cursor >= f->len)
			return false;
		f->cursor++;
		return true;
	case REQ_HOME:
		f->cursor = 0;
		return true;
	case REQ_END:
		f->cursor = f->len;
		return true;
	default:
		return false;
	}
}

/* Width of characters [from, to) of the field. */
static int
widget_field_span(const struct widget_field *f, size_t from, size_t to)
{
	int	w = 0, cw;

	for (; from < to; from++)
		w += (cw = wcwidth(f->text[from])) < 0 ? 1 : cw;
	return w;
}

/* Draw the field in its brackets, cursor in view. */
void
widget_field_draw(struct widget_field *f, WINDOW *w, int y, int x,
    int width, bool focused)
{
	int	inner = width - 2, mark = display_width(glyph->more);
	int	used = 0, cw, avail;
	size_t	i;
	cchar_t	cc;
	wchar_t	one[2];

	if (inner < 3)
		return;
	/* Keep the cursor in view, with room for the marks. */
	if (f->cursor < f->scroll)
		f->scroll = f->cursor;
	while (f->scroll < f->cursor && widget_field_span(f, f->scroll,
	    f->cursor) + 1 + (f->scroll > 0 ? mark : 0) + mark > inner)
		f->scroll++;
	if (f->scroll > 0 && widget_field_span(f, 0, f->len) < inner) {
		f->scroll = 0;
	}
	mvwaddstr(w, y, x, "[");
	wattron(w, display_attr(STYLE_FIELD));
	if (f->scroll > 0) {
		waddstr(w, glyph->more);
		used += mark;
	}
	for (i = f->scroll; i <= f->len; i++) {
		avail = inner - used;
		if (i == f->len) {
			if (focused && avail > 0) {
				wattron(w, A_REVERSE);
				waddch(w, ' ');
				wattroff(w, A_REVERSE);
				used++;
			}
			break;
		}
		cw = wcwidth(f->text[i]);
		if (cw < 0)
			cw = 1;
		/* Leave room for the "more" mark when text remains. */
		if (used + cw > inner || (used + cw > inner - mark &&
		    widget_field_span(f, i, f->len) > avail)) {
			if (avail >= mark) {
				waddstr(w, glyph->more);
				used += mark;
			}
			break;
		}
		one[0] = iswprint(f->text[i]) ? f->text[i] : L'?';
		one[1] = L'\0';
		setcchar(&cc, one, focused && i == f->cursor ? A_REVERSE :
		    0, 0, NULL);
		wadd_wch(w, &cc);
		used += cw;
	}
	for (; used < inner; used++)
		waddch(w, ' ');
	wattroff(w, display_attr(STYLE_FIELD));
	waddstr(w, "]");
}

/* Longest common prefix length of two strings. */
static size_t
widget_field_common(const char *a, const char *b)
{
	size_t	n = 0;

	while (a[n] != '\0' && a[n] == b[n])
		n++;
	return n;
}

/* Complete the file name at the end of the text. */
bool
widget_field_complete(struct widget_field *f)
{
	char		 text[FIELD_MAX * 4], dir[FIELD_MAX * 4], best[1024];
	char		 full[FIELD_MAX * 4 + 1100];
	const char	*base, *slash;
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	size_t		 blen, n;
	int		 matches = 0;

	if (!widget_field_get(f, text, sizeof text))
		return false;
	slash = strrchr(text, '/');
	if (slash != NULL) {
		n = (size_t)(slash - text) + 1;
		memcpy(dir, text, n);
		dir[n] = '\0';
		base = slash + 1;
	} else {
		strcpy(dir, "");
		base = text;
	}
	blen = strlen(base);
	if ((d = opendir(dir[0] != '\0' ? dir : ".")) == NULL)
		return false;
	best[0] = '\0';
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, base, blen) != 0 ||
		    strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (de->d_name[0] == '.' && base[0] != '.')
			continue;
		if (matches++ == 0)
			snprintf(best, sizeof best, "%s", de->d_name);
		else
			best[widget_field_common(best, de->d_name)] = '\0';
	}
	closedir(d);
	if (matches == 0 || strlen(best) < blen ||
	    (strlen(best) == blen && matches > 1))
		return false;
	snprintf(full, sizeof full, "%s%s", dir, best);
	if (matches == 1 && stat(full, &sb) == 0 && S_ISDIR(sb.st_mode))
		strcat(full, "/");
	if (strcmp(full, text) == 0)
		return false;
	widget_field_set(f, full);
	f->touched = true;
	return true;
}
