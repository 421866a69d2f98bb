/*
 * Errors of operations that can fail (I/O, HTTP, sign-in, TLS): a
 * caller-owned struct filled by err_set(), which returns false so that
 * failing is one line.  Failure paths never allocate.
 */
#ifndef AKSWIZ_COMMON_ERR_H
#define AKSWIZ_COMMON_ERR_H

#include <stdbool.h>

enum err_kind {
	ERR_NONE = 0,
	ERR_USAGE,		/* bad command line or input */
	ERR_IO,			/* files */
	ERR_PARSE,		/* malformed document */
	ERR_NETWORK,		/* connection, DNS, timeout */
	ERR_TLS,		/* certificate verification */
	ERR_AUTH,		/* sign-in */
	ERR_HTTP,		/* an HTTP status the caller did not expect */
	ERR_SERVICE,		/* the service refused (ARM error body) */
	ERR_BUSY,		/* another process holds what is needed */
	ERR_INTERNAL,
	ERR_REFUSED		/* refused here, nothing sent: --readonly, a
				   URL on a host the token may not go to */
};

struct err {
	enum err_kind	 kind;
	long		 http_status;	/* 0 unless it came from HTTP */
	bool		 retryable;
	char		 msg[256];	/* for the user, translated */
	char		 detail[512];	/* service code and text as received */
};

void	err_clear(struct err *);
bool	err_set(struct err *, enum err_kind, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
bool	err_detail(struct err *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
