/*
 * Retry decisions (see retry.h).  Backoff is exponential from base_ms with
 * "equal jitter" (half fixed, half random) so that many clients throttled
 * together do not come back together; Retry-After, when the server sends
 * one, is used as is (plus nothing) because ARM means it.  A request marked
 * no_retry (a create) is sent again only when it certainly was not
 * performed: the connection never opened, or the server said 429.
 */
#include "config.h"
#include "azure/retry.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
retry_policy_init(struct retry_policy *p, uint64_t budget_ms, int max_retries)
{
	p->base_ms = 800;
	p->max_delay_ms = 60000;
	p->budget_ms = budget_ms != 0 ? budget_ms : 300000;
	p->max_retries = max_retries != 0 ? max_retries : 10;
}

bool
retry_status_retryable(long status)
{
	switch (status) {
	case 408: case 429: case 500: case 502: case 503: case 504:
		return true;
	default:
		return false;
	}
}

bool
retry_status_transient(long status)
{
	return status == 408 || status == 429 || status >= 500;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t		era;
	unsigned	yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int
month_number(const char *s)
{
	static const char	months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int			i;

	for (i = 0; i < 12; i++)
		if (strncmp(months + 3 * i, s, 3) == 0)
			return i + 1;
	return 0;
}

/* Parse the three HTTP date forms into epoch seconds; false if malformed. */
static bool
parse_http_date(const char *s, time_t *out)
{
	char		mon[4], wday[16];
	int		d, y, hh, mm, ss, m;

	/* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
	if (sscanf(s, "%15[A-Za-z], %d %3s %d %d:%d:%d GMT", wday, &d, mon, &y,
	    &hh, &mm, &ss) == 7) {
		/* nothing */
	/* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
	} else if (sscanf(s, "%15[A-Za-z], %d-%3s-%d %d:%d:%d GMT", wday, &d,
	    mon, &y, &hh, &mm, &ss) == 7) {
		if (y < 100)
			y += y < 70 ? 2000 : 1900;
	/* asctime: Sun Nov  6 08:49:37 1994 */
	} else if (sscanf(s, "%15s %3s %d %d:%d:%d %d", wday, mon, &d, &hh,
	    &mm, &ss, &y) == 7) {
		/* nothing */
	} else
		return false;
	if ((m = month_number(mon)) == 0 || d < 1 || d > 31 || hh < 0 ||
	    hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 || y < 1970)
		return false;
	*out = (time_t)(days_from_civil(y, (unsigned)m, (unsigned)d) * 86400 +
	    hh * 3600 + mm * 60 + ss);
	return true;
}

int64_t
retry_after_ms(const char *value, time_t now)
{
	const char	*p;
	char		*end;
	unsigned long	 secs;
	time_t		 when;

	if (value == NULL)
		return -1;
	while (isspace((unsigned char)*value))
		value++;
	if (*value == '\0')
		return -1;
	if (isdigit((unsigned char)*value)) {
		secs = strtoul(value, &end, 10);
		for (p = end; isspace((unsigned char)*p); p++)
			;
		if (*p != '\0')
			return -1;
		if (secs > 86400UL * 365)
			secs = 86400UL * 365;
		return (int64_t)secs * 1000;
	}
	if (!parse_http_date(value, &when))
		return -1;
	return when <= now ? 0 : (int64_t)(when - now) * 1000;
}

enum retry_action
retry_decide(const struct retry_policy *p, const struct retry_input *in,
    int attempt, uint64_t spent_ms, time_t now, uint32_t random,
    uint64_t *delay_ms, enum retry_why *why)
{
	uint64_t	delay;
	int64_t		after;
	int		shift;
	enum retry_why	dummy;

	if (why == NULL)
		why = &dummy;
	*why = RETRY_WHY_NONE;
	*delay_ms = 0;
	switch (in->transport) {
	case RETRY_TRANSPORT_OK:
		if (!retry_status_retryable(in->status))
			return RETRY_DONE;
		if (in->no_retry && in->status != 429)
			return RETRY_DONE;
		break;
	case RETRY_TRANSPORT_CONNECT:
		break;
	case RETRY_TRANSPORT_SENT:
		if (in->no_retry)
			return RETRY_DONE;
		break;
	case RETRY_TRANSPORT_FATAL:
		return RETRY_DONE;
	}
	after = in->transport == RETRY_TRANSPORT_OK ?
	    retry_after_ms(in->retry_after, now) : -1;
	/* a wait longer than the whole budget is worth no further try */
	if (after >= 0 && spent_ms + (uint64_t)after > p->budget_ms) {
		*why = RETRY_WHY_RETRY_AFTER;
		*delay_ms = (uint64_t)after;
		return RETRY_GIVE_UP;
	}
	if (attempt > p->max_retries) {
		*why = RETRY_WHY_ATTEMPTS;
		return RETRY_GIVE_UP;
	}
	if (after >= 0)
		delay = (uint64_t)after;
	else {
		shift = attempt - 1 < 20 ? attempt - 1 : 20;
		delay = p->base_ms << shift;
		if (delay > p->max_delay_ms)
			delay = p->max_delay_ms;
		delay = delay / 2 + random % (delay / 2 + 1);
	}
	if (spent_ms + delay > p->budget_ms) {
		*why = RETRY_WHY_BUDGET;
		return RETRY_GIVE_UP;
	}
	*delay_ms = delay;
	return RETRY_AGAIN;
}

const char *
retry_action_name(enum retry_action a)
{
	switch (a) {
	case RETRY_DONE:	return "done";
	case RETRY_AGAIN:	return "again";
	case RETRY_GIVE_UP:	return "give-up";
	}
	return "?";
}
