/*
 * A small JSON writer for the documents src/plan produces (plans, ARM
 * bodies): fixed layout (2-space indent, "key": value, one member per
 * line) chosen here rather than by json-c, so that canonical plans look
 * the same with every json-c version.  Its buffer may hold secrets (a
 * certificate's private key in an ARM body), so growing it and freeing it
 * wipe the old storage first.
 */
#ifndef AKSWIZ_PLAN_PLAN_JW_H
#define AKSWIZ_PLAN_PLAN_JW_H

#include <stdbool.h>
#include <stddef.h>

struct plan_jw {
	char	*s;		/* owned, NUL-terminated once anything is written */
	size_t	 len;
	size_t	 alloc;
	int	 depth;
	bool	 empty;		/* the open object has no member yet */
};

void	 plan_jw_init(struct plan_jw *);
/* Open an object: the document's own when key is NULL, else a member. */
void	 plan_jw_begin(struct plan_jw *, const char *key);
void	 plan_jw_end(struct plan_jw *);
/* Open an array member; its elements are objects (plan_jw_element). */
void	 plan_jw_begin_array(struct plan_jw *, const char *key);
/* Open an object element of the open array; plan_jw_end() closes it. */
void	 plan_jw_element(struct plan_jw *);
void	 plan_jw_end_array(struct plan_jw *);
void	 plan_jw_str(struct plan_jw *, const char *key, const char *value);
void	 plan_jw_int(struct plan_jw *, const char *key, long long value);
void	 plan_jw_bool(struct plan_jw *, const char *key, bool value);
/* Append a JSON string literal (quoted, escaped) for value. */
void	 plan_jw_quote(struct plan_jw *, const char *value);
/* Append raw text. */
void	 plan_jw_raw(struct plan_jw *, const char *, size_t);
/* The text with a final newline; the caller frees it.  The writer is reset. */
char	*plan_jw_take(struct plan_jw *);
/* Wipe and free what was written (for a document that held secrets). */
void	 plan_jw_done(struct plan_jw *);
/* Wipe and free text that held secrets (NULL is fine). */
void	 plan_jw_free_secret(char *);

#endif
