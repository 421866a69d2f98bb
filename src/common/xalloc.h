/* Allocation that aborts on exhaustion: callers never check for NULL. */
#ifndef AKSWIZ_COMMON_XALLOC_H
#define AKSWIZ_COMMON_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Copy src into dst of size dstsz, always terminated; false if it was cut. */
#include <stdbool.h>
bool	 strlcpy_ok(char *dst, const char *src, size_t dstsz);

#endif
