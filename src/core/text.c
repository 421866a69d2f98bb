/*
 * Safe text and display width (see text.h).  The UTF-8 decoder is strict
 * (no overlong forms, no surrogates, nothing past U+10FFFF), so that a
 * byte the terminal could read as a control never passes as text.
 */
#include "config.h"
#include "core/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common/xalloc.h"

/*
 * Decode the character at s: its code point in *cp and its length in
 * bytes, or 0 when s does not start with valid UTF-8.
 */
static size_t
utf8_next(const unsigned char *s, uint32_t *cp)
{
	uint32_t	c = s[0], min;
	size_t		n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Whether a code point is shown as an escape. */
static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * The replacement of the character at s (n bytes, code point cp; n 0 for
 * an invalid byte) into rep; false when it stays as it is.
 */
static bool
replacement(const unsigned char *s, size_t n, uint32_t cp, unsigned flags,
    char rep[12])
{
	if (n == 0) {
		snprintf(rep, 12, "\\x%02X", s[0]);
		return true;
	}
	if (!is_control(cp))
		return false;
	if (cp == '\n' && (flags & TEXT_KEEP_NEWLINE))
		return false;
	if (cp == '\t' || cp == '\n' || cp == '\r')
		snprintf(rep, 12, " ");
	else if (cp < 0x20)
		snprintf(rep, 12, "^%c", (char)(cp + 0x40));
	else if (cp == 0x7f)
		snprintf(rep, 12, "^?");
	else
		snprintf(rep, 12, "\\u%04x", (unsigned)cp);
	return true;
}

bool
text_is_safe(const char *s, unsigned flags)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp = 0;
	size_t			 n;
	char			 rep[12];

	if (s == NULL)
		return true;
	while (*p != '\0') {
		n = utf8_next(p, &cp);
		if (replacement(p, n, cp, flags, rep))
			return false;
		p += n;
	}
	return true;
}

size_t
text_escape(char *dst, size_t len, const char *s, unsigned flags)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp = 0;
	size_t			 n, k, out = 0;
	bool			 full = false;
	char			 rep[12];
	const char		*piece;

	if (len > 0)
		dst[0] = '\0';
	if (s == NULL)
		return 0;
	while (*p != '\0') {
		n = utf8_next(p, &cp);
		if (replacement(p, n, cp, flags, rep)) {
			piece = rep;
			k = strlen(rep);
		} else {
			piece = (const char *)p;
			k = n;
		}
		/* whole characters only: once one does not fit, stop copying */
		if (!full && out + k < len) {
			memcpy(dst + out, piece, k);
			dst[out + k] = '\0';
		} else
			full = true;
		out += k;
		p += n != 0 ? n : 1;
	}
	return out;
}

char *
text_escape_dup(const char *s, unsigned flags)
{
	size_t	 n;
	char	*d;

	if (s == NULL)
		return NULL;
	/* Printable ASCII, most of what services send, stays as it is. */
	for (n = 0; (unsigned char)s[n] >= 0x20 &&
	    (unsigned char)s[n] < 0x7f; n++)
		;
	if (s[n] == '\0') {
		d = xmalloc(n + 1);
		memcpy(d, s, n + 1);
		return d;
	}
	n = text_escape(NULL, 0, s, flags) + 1;
	d = xmalloc(n);
	text_escape(d, n, s, flags);
	return d;
}

void
text_escape_inplace(char *buf, size_t len, unsigned flags)
{
	char	*copy;

	if (buf == NULL || len == 0 || text_is_safe(buf, flags))
		return;
	copy = xstrdup(buf);
	text_escape(buf, len, copy, flags);
	free(copy);
}

/* Columns of one character (a control or unknown one counts 1). */
static size_t
char_width(const unsigned char *p, size_t n, uint32_t cp)
{
	int	w;

	if (n == 0 || cp < 0x20)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : (size_t)w;
}

size_t
text_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp = 0;
	size_t			 n, w = 0;

	if (s == NULL)
		return 0;
	while (*p != '\0') {
		n = utf8_next(p, &cp);
		w += char_width(p, n, cp);
		p += n != 0 ? n : 1;
	}
	return w;
}

char *
text_cut(char *dst, size_t len, const char *s, size_t width,
    const char *mark)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp = 0;
	size_t			 n, k, out = 0, used = 0, limit, mw;

	if (len == 0)
		return dst;
	dst[0] = '\0';
	if (s == NULL)
		return dst;
	if (mark == NULL)
		mark = "";
	mw = text_width(mark);
	if (text_width(s) <= width) {
		if (strlen(s) < len) {
			snprintf(dst, len, "%s", s);
			return dst;
		}
		/* it fits the columns, not the buffer: cut by bytes, never
		 * inside a character (zero-width ones included) */
		limit = SIZE_MAX;
	} else
		limit = width > mw ? width - mw : 0;
	while (*p != '\0') {
		n = utf8_next(p, &cp);
		k = n != 0 ? n : 1;
		if (used + char_width(p, n, cp) > limit ||
		    out + k + strlen(mark) >= len)
			break;
		memcpy(dst + out, p, k);
		out += k;
		used += char_width(p, n, cp);
		p += k;
	}
	dst[out] = '\0';
	if (width >= mw && out + strlen(mark) < len)
		memcpy(dst + out, mark, strlen(mark) + 1);
	return dst;
}
