/* Capped byte buffers (see buf.h). */
#include "config.h"
#include "common/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"

void
buf_init(struct buf *b, size_t cap)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->cap = cap;
}

void
buf_done(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->alloc = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Append n bytes; false (and nothing appended) if the cap would be passed. */
bool
buf_add(struct buf *b, const void *p, size_t n)
{
	size_t	need;

	if (b->cap != 0 && (n > b->cap || b->len > b->cap - n))
		return false;
	need = b->len + n + 1;
	if (need > b->alloc) {
		size_t	alloc = b->alloc < 256 ? 256 : b->alloc;

		while (alloc < need)
			alloc *= 2;
		b->data = xrealloc(b->data, alloc);
		b->alloc = alloc;
	}
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

bool
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	 small[512], *big;
	int	 len;
	bool	 ok;

	va_start(ap, fmt);
	len = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (len < 0)
		return false;
	if ((size_t)len < sizeof small)
		return buf_add(b, small, (size_t)len);
	big = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)len + 1, fmt, ap);
	va_end(ap);
	ok = buf_add(b, big, (size_t)len);
	free(big);
	return ok;
}

const char *
buf_str(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}

char *
buf_take(struct buf *b)
{
	char	*p = b->data != NULL ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->alloc = 0;
	return p;
}
