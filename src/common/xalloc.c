/*
 * Out of memory is not a condition akswiz recovers from: it prints one line
 * and aborts, so that every other allocation site stays simple.
 */
#include "config.h"
#include "common/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
xalloc_fail(size_t size)
{
	fprintf(stderr, "akswiz: out of memory (%zu bytes)\n", size);
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	if ((p = malloc(size == 0 ? 1 : size)) == NULL)
		xalloc_fail(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		xalloc_fail(n * size);
	return p;
}

void *
xrealloc(void *old, size_t size)
{
	void	*p;

	if ((p = realloc(old, size == 0 ? 1 : size)) == NULL)
		xalloc_fail(size);
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xalloc_fail(SIZE_MAX);
	return xrealloc(old, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	 ap, ap2;
	char	 small[256];
	int	 len;

	/*
	 * Format into a small buffer first: most strings fit, and gcc 12
	 * with UBSan warns about vsnprintf(NULL, 0, ...) ("null format
	 * string"), which -Werror would turn into a failed build.
	 */
	va_start(ap, fmt);
	va_copy(ap2, ap);
	len = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (len < 0) {
		va_end(ap2);
		xalloc_fail(0);
	}
	*ret = xmalloc((size_t)len + 1);
	if ((size_t)len < sizeof small)
		memcpy(*ret, small, (size_t)len + 1);
	else
		vsnprintf(*ret, (size_t)len + 1, fmt, ap2);
	va_end(ap2);
	return len;
}

bool
strlcpy_ok(char *dst, const char *src, size_t dstsz)
{
	size_t	len = strlen(src);

	if (dstsz == 0)
		return false;
	if (len >= dstsz) {
		memcpy(dst, src, dstsz - 1);
		dst[dstsz - 1] = '\0';
		return false;
	}
	memcpy(dst, src, len + 1);
	return true;
}
