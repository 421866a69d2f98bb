/*
 * The JSON writer of src/plan (see plan-jw.h).  Deliberately tiny: only
 * objects, arrays of objects, strings, whole numbers and booleans, which
 * is all a plan or an ARM body of ours contains.
 */
#include "config.h"
#include "plan/plan-jw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "common/xalloc.h"

void
plan_jw_init(struct plan_jw *w)
{
	memset(w, 0, sizeof *w);
}

/* Make room for n more bytes and the NUL; old storage is wiped. */
static void
grow(struct plan_jw *w, size_t n)
{
	char	*s;
	size_t	 want;

	if (w->len + n + 1 <= w->alloc)
		return;
	want = w->alloc == 0 ? 256 : w->alloc;
	while (want < w->len + n + 1)
		want *= 2;
	s = xmalloc(want);
	if (w->s != NULL) {
		memcpy(s, w->s, w->len + 1);
		OPENSSL_cleanse(w->s, w->alloc);
		free(w->s);
	}
	w->s = s;
	w->alloc = want;
}

void
plan_jw_raw(struct plan_jw *w, const char *p, size_t n)
{
	grow(w, n);
	memcpy(w->s + w->len, p, n);
	w->len += n;
	w->s[w->len] = '\0';
}

static void
raws(struct plan_jw *w, const char *s)
{
	plan_jw_raw(w, s, strlen(s));
}

/* Escape quotes, backslashes and control characters; bytes >= 0x20 pass. */
void
plan_jw_quote(struct plan_jw *w, const char *v)
{
	const unsigned char	*p;
	char			 esc[8];

	raws(w, "\"");
	for (p = (const unsigned char *)v; *p != '\0'; p++) {
		switch (*p) {
		case '"':	raws(w, "\\\""); break;
		case '\\':	raws(w, "\\\\"); break;
		case '\b':	raws(w, "\\b"); break;
		case '\f':	raws(w, "\\f"); break;
		case '\n':	raws(w, "\\n"); break;
		case '\r':	raws(w, "\\r"); break;
		case '\t':	raws(w, "\\t"); break;
		default:
			if (*p < 0x20) {
				snprintf(esc, sizeof esc, "\\u%04x", *p);
				raws(w, esc);
			} else
				plan_jw_raw(w, (const char *)p, 1);
		}
	}
	raws(w, "\"");
}

static void
indent(struct plan_jw *w)
{
	int	i;

	for (i = 0; i < w->depth; i++)
		raws(w, "  ");
}

/* Start a member: separator, newline, indent and the key. */
static void
member(struct plan_jw *w, const char *key)
{
	raws(w, w->empty ? "\n" : ",\n");
	w->empty = false;
	indent(w);
	plan_jw_quote(w, key);
	raws(w, ": ");
}

void
plan_jw_begin(struct plan_jw *w, const char *key)
{
	if (key != NULL)
		member(w, key);
	raws(w, "{");
	w->depth++;
	w->empty = true;
}

/* Close an object or an array with its bracket. */
static void
close_with(struct plan_jw *w, const char *bracket)
{
	w->depth--;
	if (!w->empty) {
		raws(w, "\n");
		indent(w);
	}
	raws(w, bracket);
	w->empty = false;
}

void
plan_jw_end(struct plan_jw *w)
{
	close_with(w, "}");
}

void
plan_jw_begin_array(struct plan_jw *w, const char *key)
{
	member(w, key);
	raws(w, "[");
	w->depth++;
	w->empty = true;
}

void
plan_jw_element(struct plan_jw *w)
{
	raws(w, w->empty ? "\n" : ",\n");
	indent(w);
	raws(w, "{");
	w->depth++;
	w->empty = true;
}

void
plan_jw_end_array(struct plan_jw *w)
{
	close_with(w, "]");
}

void
plan_jw_str(struct plan_jw *w, const char *key, const char *v)
{
	member(w, key);
	plan_jw_quote(w, v);
}

void
plan_jw_int(struct plan_jw *w, const char *key, long long v)
{
	char	num[32];

	member(w, key);
	snprintf(num, sizeof num, "%lld", v);
	raws(w, num);
}

void
plan_jw_bool(struct plan_jw *w, const char *key, bool v)
{
	member(w, key);
	raws(w, v ? "true" : "false");
}

/* Hand the text over with its final newline. */
char *
plan_jw_take(struct plan_jw *w)
{
	char	*s;

	raws(w, "\n");
	s = w->s;
	plan_jw_init(w);
	return s;
}

/* Wipe and free the buffer. */
void
plan_jw_done(struct plan_jw *w)
{
	if (w->s != NULL) {
		OPENSSL_cleanse(w->s, w->alloc);
		free(w->s);
	}
	plan_jw_init(w);
}

/* Wipe text that may hold a key, then free it. */
void
plan_jw_free_secret(char *s)
{
	if (s == NULL)
		return;
	OPENSSL_cleanse(s, strlen(s));
	free(s);
}
