/*
 * A tiny TAP producer for unit tests: one "ok N - name" line per check,
 * the plan at the end.  Table-driven tests loop over rows and call these.
 */
#ifndef AKSWIZ_TESTS_TAP_H
#define AKSWIZ_TESTS_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline bool
tap_ok(bool cond, const char *fmt, ...)
{
	va_list	ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	return cond;
}

#define ok(cond, ...) tap_ok((cond), __VA_ARGS__)

#define is_int(got, want, ...) do {					\
	long long _g = (long long)(got), _w = (long long)(want);	\
	if (!tap_ok(_g == _w, __VA_ARGS__))				\
		printf("#   got %lld, want %lld\n", _g, _w);		\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *_g = (got), *_w = (want);				\
	bool _same = (_g == NULL && _w == NULL) ||			\
	    (_g != NULL && _w != NULL && strcmp(_g, _w) == 0);		\
	if (!tap_ok(_same, __VA_ARGS__))				\
		printf("#   got \"%s\"\n#  want \"%s\"\n",		\
		    _g ? _g : "(null)", _w ? _w : "(null)");		\
} while (0)

static inline void
tap_diag(const char *fmt, ...)
{
	va_list	ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Print the plan and return the exit status for main(). */
static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed == 0 ? 0 : 1;
}

#endif
