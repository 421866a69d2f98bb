/* Filling struct err; err == NULL is allowed and ignored. */
#include "config.h"
#include "common/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
err_clear(struct err *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
}

/* Record an error of the given kind; always returns false. */
bool
err_set(struct err *err, enum err_kind kind, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL)
		return false;
	err->kind = kind;
	err->retryable = false;
	err->http_status = 0;
	err->detail[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return false;
}

/* Add the service's own words to an error already set; returns false. */
bool
err_detail(struct err *err, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL)
		return false;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof err->detail, fmt, ap);
	va_end(ap);
	return false;
}
