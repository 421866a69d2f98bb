/*
 * Time for the whole program.  The fake clock is process-wide state by
 * design: it stands in for the system clock, which is process-wide too.
 */
#include "config.h"
#include "common/clock.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool	 fake_checked;
static bool	 fake_on;
static uint64_t	 fake_ms;

static void
clock_check_fake(void)
{
	const char	*s;
	time_t		 t;

	if (fake_checked)
		return;
	fake_checked = true;
	if ((s = getenv("AKSWIZ_FAKE_CLOCK")) != NULL && *s != '\0' &&
	    clock_parse_iso8601(s, &t)) {
		fake_on = true;
		fake_ms = (uint64_t)t * 1000;
	}
}

bool
clock_is_fake(void)
{
	clock_check_fake();
	return fake_on;
}

uint64_t
clock_now_ms(void)
{
	struct timespec	ts;

	clock_check_fake();
	if (fake_on)
		return fake_ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

time_t
clock_now(void)
{
	return (time_t)(clock_now_ms() / 1000);
}

uint64_t
clock_mono_ms(void)
{
	struct timespec	ts;

	clock_check_fake();
	if (fake_on)
		return fake_ms;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
clock_advance_ms(uint64_t ms)
{
	clock_check_fake();
	if (fake_on)
		fake_ms += ms;
}

void
clock_sleep_ms(uint64_t ms)
{
	struct timespec	ts;

	clock_check_fake();
	if (fake_on) {
		fake_ms += ms;
		return;
	}
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static bool
clock_digits(const char **p, int n, int *out)
{
	int	v = 0;

	while (n-- > 0) {
		if (!isdigit((unsigned char)**p))
			return false;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*out = v;
	return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long
clock_days_from_civil(int y, int m, int d)
{
	int		era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)era * 146097 + doe - 719468;
}

bool
clock_parse_iso8601(const char *s, time_t *out)
{
	const char	*p = s;
	int		 y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;

	if (!clock_digits(&p, 4, &y) || *p++ != '-' ||
	    !clock_digits(&p, 2, &mo) || *p++ != '-' ||
	    !clock_digits(&p, 2, &d) || (*p != 'T' && *p != 't' && *p != ' '))
		return false;
	p++;
	if (!clock_digits(&p, 2, &h) || *p++ != ':' ||
	    !clock_digits(&p, 2, &mi) || *p++ != ':' ||
	    !clock_digits(&p, 2, &sec))
		return false;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		p++;
		if (!clock_digits(&p, 2, &oh) || *p++ != ':' ||
		    !clock_digits(&p, 2, &om))
			return false;
	} else
		return false;
	if (*p != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || sec > 60)
		return false;
	*out = (time_t)(clock_days_from_civil(y, mo, d) * 86400L +
	    h * 3600L + mi * 60L + sec - sign * (oh * 3600L + om * 60L));
	return true;
}

void
clock_format_iso8601(time_t t, char *buf, size_t len)
{
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
