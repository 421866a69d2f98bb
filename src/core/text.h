/*
 * Text from the service made safe to show, and cut by display width: the
 * one rule for every screen, table and message (the wizard, the CLI and
 * the sandbox alike).
 *
 * Escaping: service text (a compute description, an error message) may
 * hold terminal control sequences.  text_escape() makes every control
 * character visible instead of letting the terminal act on it: C0
 * controls and DEL in caret notation ("^[" for ESC, "^?" for DEL), C1
 * controls (U+0080-U+009F, CSI among them) and the bidirectional
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069, which reorder
 * what is shown) as "\u009b", bytes that are not UTF-8 as "\xNN".  Tab,
 * CR and LF become a space (LF is kept with TEXT_KEEP_NEWLINE).  UTF-8 is
 * decoded here, not through the locale, so Chinese text survives in any
 * locale.
 *
 * Width: columns on a terminal by wcwidth() of the locale (set by the
 * caller), a character wcwidth() does not know counting 1.  text_cut()
 * never splits a character, double-width ones included.
 */
#ifndef AKSWIZ_CORE_TEXT_H
#define AKSWIZ_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#define TEXT_KEEP_NEWLINE	0x1	/* keep LF (text of several lines) */

/* Whether text_escape() would change s. */
bool	text_is_safe(const char *s, unsigned flags);
/*
 * Write s escaped into dst (len bytes, NUL-terminated, cut between
 * characters when it does not fit).  Returns the length s escaped needs
 * (without the NUL), like snprintf.  dst may be NULL when len is 0.
 */
size_t	text_escape(char *dst, size_t len, const char *s, unsigned flags);
/* s escaped, newly allocated (caller frees); NULL for NULL. */
char	*text_escape_dup(const char *s, unsigned flags);
/* Escape the NUL-terminated text in buf (len bytes) in place. */
void	text_escape_inplace(char *buf, size_t len, unsigned flags);
/* Columns s takes on a terminal. */
size_t	text_width(const char *s);
/*
 * Copy s into dst (len bytes) in at most width columns; when s is wider,
 * it is cut between characters and ends in mark (whose columns count;
 * NULL or "" for no mark).  Returns dst.
 */
char	*text_cut(char *dst, size_t len, const char *s, size_t width,
	    const char *mark);

#endif
