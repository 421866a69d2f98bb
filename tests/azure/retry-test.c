/* Retry decisions as a table: status, headers, attempt -> action, delay. */
#include "config.h"

#include "azure/retry.h"
#include "tests/tap.h"

#define NOW	784111777	/* Sun, 06 Nov 1994 08:49:37 GMT */

struct row {
	const char		*name;
	enum retry_transport	 transport;
	long			 status;
	const char		*retry_after;
	bool			 no_retry;
	int			 attempt;
	uint64_t		 spent_ms;
	uint32_t		 random;
	enum retry_action	 want;
	int64_t			 want_delay;	/* -1: any */
};

static const struct row rows[] = {
	{ "200 is final", RETRY_TRANSPORT_OK, 200, NULL, false, 1, 0, 0,
	  RETRY_DONE, 0 },
	{ "404 is final", RETRY_TRANSPORT_OK, 404, NULL, false, 1, 0, 0,
	  RETRY_DONE, 0 },
	{ "400 is final", RETRY_TRANSPORT_OK, 400, NULL, false, 1, 0, 0,
	  RETRY_DONE, 0 },
	{ "401 is final here (http.c refreshes once)", RETRY_TRANSPORT_OK,
	  401, NULL, false, 1, 0, 0, RETRY_DONE, 0 },
	{ "429 with Retry-After seconds", RETRY_TRANSPORT_OK, 429, "7", false,
	  1, 0, 0, RETRY_AGAIN, 7000 },
	{ "429 Retry-After 0", RETRY_TRANSPORT_OK, 429, "0", false, 1, 0, 0,
	  RETRY_AGAIN, 0 },
	{ "503 Retry-After HTTP date 10 s ahead", RETRY_TRANSPORT_OK, 503,
	  "Sun, 06 Nov 1994 08:49:47 GMT", false, 1, 0, 0, RETRY_AGAIN, 10000 },
	{ "503 Retry-After date in the past", RETRY_TRANSPORT_OK, 503,
	  "Sun, 06 Nov 1994 08:00:00 GMT", false, 1, 0, 0, RETRY_AGAIN, 0 },
	{ "503 Retry-After RFC 850 date", RETRY_TRANSPORT_OK, 503,
	  "Sunday, 06-Nov-94 08:49:39 GMT", false, 1, 0, 0, RETRY_AGAIN, 2000 },
	{ "503 Retry-After asctime date", RETRY_TRANSPORT_OK, 503,
	  "Sun Nov  6 08:49:40 1994", false, 1, 0, 0, RETRY_AGAIN, 3000 },
	{ "500 backoff attempt 1, random 0: half of 800", RETRY_TRANSPORT_OK,
	  500, NULL, false, 1, 0, 0, RETRY_AGAIN, 400 },
	{ "500 backoff attempt 1, max jitter", RETRY_TRANSPORT_OK, 500, NULL,
	  false, 1, 0, 400, RETRY_AGAIN, 800 },
	{ "502 backoff doubles at attempt 3", RETRY_TRANSPORT_OK, 502, NULL,
	  false, 3, 0, 0, RETRY_AGAIN, 1600 },
	{ "504 malformed Retry-After falls back to backoff",
	  RETRY_TRANSPORT_OK, 504, "soon", false, 2, 0, 0, RETRY_AGAIN, 800 },
	{ "408 retried", RETRY_TRANSPORT_OK, 408, NULL, false, 1, 0, 0,
	  RETRY_AGAIN, 400 },
	{ "backoff at attempt 5", RETRY_TRANSPORT_OK, 500, NULL, false, 5,
	  0, 0, RETRY_AGAIN, 6400 },
	{ "attempt 6 is retried (Azure's SDKs try about 10 times)",
	  RETRY_TRANSPORT_OK, 503, "1", false, 6, 0, 0, RETRY_AGAIN, 1000 },
	{ "attempt 10 is retried", RETRY_TRANSPORT_OK, 429, "0", false, 10, 0,
	  0, RETRY_AGAIN, 0 },
	{ "max retries exhausted after 11 attempts", RETRY_TRANSPORT_OK, 503,
	  "1", false, 11, 0, 0, RETRY_GIVE_UP, 0 },
	{ "budget would be exceeded by Retry-After", RETRY_TRANSPORT_OK, 429,
	  "60", false, 2, 250000, 0, RETRY_GIVE_UP, 0 },
	{ "budget just fits", RETRY_TRANSPORT_OK, 429, "60", false, 2, 240000,
	  0, RETRY_AGAIN, 60000 },
	{ "a long Retry-After within the budget is honoured",
	  RETRY_TRANSPORT_OK, 429, "120", false, 1, 0, 0, RETRY_AGAIN,
	  120000 },
	{ "backoff at attempt 7", RETRY_TRANSPORT_OK, 503, NULL, false, 7, 0,
	  0, RETRY_AGAIN, 25600 },
	{ "connection refused retried", RETRY_TRANSPORT_CONNECT, 0, NULL,
	  false, 1, 0, 0, RETRY_AGAIN, 400 },
	{ "reset after sending retried (not a create)", RETRY_TRANSPORT_SENT,
	  0, NULL, false, 1, 0, 0, RETRY_AGAIN, 400 },
	{ "TLS failure never retried", RETRY_TRANSPORT_FATAL, 0, NULL, false,
	  1, 0, 0, RETRY_DONE, 0 },
	{ "create: reset after sending not resent", RETRY_TRANSPORT_SENT, 0,
	  NULL, true, 1, 0, 0, RETRY_DONE, 0 },
	{ "create: 503 not resent", RETRY_TRANSPORT_OK, 503, NULL, true, 1,
	  0, 0, RETRY_DONE, 0 },
	{ "create: 500 not resent", RETRY_TRANSPORT_OK, 500, NULL, true, 1,
	  0, 0, RETRY_DONE, 0 },
	{ "create: 429 (not performed) resent", RETRY_TRANSPORT_OK, 429, "2",
	  true, 1, 0, 0, RETRY_AGAIN, 2000 },
	{ "create: connection refused resent", RETRY_TRANSPORT_CONNECT, 0,
	  NULL, true, 1, 0, 0, RETRY_AGAIN, 400 },
};

/* Give-ups and their reasons (the policy's defaults). */
struct why_row {
	const char		*name;
	enum retry_transport	 transport;
	long			 status;
	const char		*retry_after;
	int			 attempt;
	uint64_t		 spent_ms;
	enum retry_why		 why;
	uint64_t		 asked_ms;
};

static const struct why_row whys[] = {
	{ "attempts spent", RETRY_TRANSPORT_OK, 503, NULL, 11, 0,
	  RETRY_WHY_ATTEMPTS, 0 },
	{ "connection failures spent", RETRY_TRANSPORT_CONNECT, 0, NULL, 11,
	  0, RETRY_WHY_ATTEMPTS, 0 },
	{ "Retry-After of an hour", RETRY_TRANSPORT_OK, 429, "3600", 1, 0,
	  RETRY_WHY_RETRY_AFTER, 3600000 },
	{ "Retry-After past what is left", RETRY_TRANSPORT_OK, 503, "90", 3,
	  250000, RETRY_WHY_RETRY_AFTER, 90000 },
	{ "Retry-After as a date an hour ahead", RETRY_TRANSPORT_OK, 429,
	  "Sun, 06 Nov 1994 09:49:37 GMT", 1, 0, RETRY_WHY_RETRY_AFTER,
	  3600000 },
	{ "backoff past the budget", RETRY_TRANSPORT_OK, 500, NULL, 9, 299000,
	  RETRY_WHY_BUDGET, 0 },
};

int
main(void)
{
	struct retry_policy	p;
	enum retry_action	a;
	uint64_t		d;
	size_t			i;

	retry_policy_init(&p, 0, 0);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row	*r = &rows[i];
		struct retry_input	 in = { r->transport, r->status,
		    r->retry_after, r->no_retry };

		a = retry_decide(&p, &in, r->attempt, r->spent_ms, NOW,
		    r->random, &d, NULL);
		is_str(retry_action_name(a), retry_action_name(r->want),
		    "%s: action", r->name);
		if (r->want == RETRY_AGAIN)
			is_int(d, r->want_delay, "%s: delay", r->name);
	}
	{
		struct retry_input in = { RETRY_TRANSPORT_OK, 500, NULL, false };

		is_str(retry_action_name(retry_decide(&p, &in, 8, 0, NOW, 0,
		    &d, NULL)), "again", "attempt 8 of 10 retried");
		is_int(d, 30000, "backoff capped at 60 s (half fixed)");
	}
	for (i = 0; i < sizeof whys / sizeof whys[0]; i++) {
		const struct why_row	*r = &whys[i];
		struct retry_input	 in = { r->transport, r->status,
		    r->retry_after, false };
		enum retry_why		 why;

		a = retry_decide(&p, &in, r->attempt, r->spent_ms, NOW, 0, &d,
		    &why);
		is_str(retry_action_name(a), "give-up", "%s: gives up",
		    r->name);
		is_int(why, r->why, "%s: why", r->name);
		if (r->why == RETRY_WHY_RETRY_AFTER)
			is_int(d, r->asked_ms, "%s: what was asked", r->name);
	}
	{
		struct retry_input in = { RETRY_TRANSPORT_OK, 503, NULL, false };
		uint64_t spent = 0;
		int n;

		/* 50% faults: the worst backoff of every retry still fits */
		for (n = 1; retry_decide(&p, &in, n, spent, NOW, UINT32_MAX,
		    &d, NULL) == RETRY_AGAIN; n++)
			spent += d;
		is_int(n, 11, "the longest backoffs: 10 retries fit the "
		    "budget");
		ok(spent <= 300000, "and wait at most 5 minutes in all "
		    "(%llu ms)", (unsigned long long)spent);
	}
	{
		/* The transient set: looked at again, not a verdict. */
		static const struct { long status; bool transient, retry; }
		    ts[] = {
			{ 200, false, false }, { 202, false, false },
			{ 400, false, false }, { 404, false, false },
			{ 408, true, true }, { 409, false, false },
			{ 429, true, true }, { 500, true, true },
			{ 501, true, false }, { 503, true, true },
			{ 504, true, true }, { 599, true, false },
		};

		for (i = 0; i < sizeof ts / sizeof ts[0]; i++) {
			is_int(retry_status_transient(ts[i].status),
			    ts[i].transient, "%ld %s transient",
			    ts[i].status, ts[i].transient ? "is" : "is not");
			is_int(retry_status_retryable(ts[i].status),
			    ts[i].retry, "%ld %s sent again by http.c",
			    ts[i].status, ts[i].retry ? "is" : "is not");
		}
	}
	is_int(retry_after_ms(NULL, NOW), -1, "absent Retry-After");
	is_int(retry_after_ms("", NOW), -1, "empty Retry-After");
	is_int(retry_after_ms("12abc", NOW), -1, "trailing junk");
	is_int(retry_after_ms(" 3 ", NOW), 3000, "spaces around seconds");
	is_int(retry_after_ms("Sun, 06 Xyz 1994 08:49:37 GMT", NOW), -1,
	    "bad month");
	return tap_done();
}
