/*
 * A growable byte buffer with a hard cap: appending past the cap fails
 * instead of growing, so that a huge answer cannot take the program down.
 * The contents are always NUL-terminated.
 */
#ifndef AKSWIZ_COMMON_BUF_H
#define AKSWIZ_COMMON_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char	*data;		/* owned; NUL-terminated; NULL until first use */
	size_t	 len;
	size_t	 alloc;
	size_t	 cap;		/* most bytes it may hold; 0 means no cap */
};

void	 buf_init(struct buf *, size_t cap);
void	 buf_done(struct buf *);
void	 buf_reset(struct buf *);
bool	 buf_add(struct buf *, const void *, size_t);
bool	 buf_adds(struct buf *, const char *);
bool	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* The contents, never NULL (borrowed until the next change). */
const char *buf_str(const struct buf *);
/* Take the contents; the buffer is left empty. Caller frees. */
char	*buf_take(struct buf *);

#endif
