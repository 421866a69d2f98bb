/*
 * Retry decisions, from plain data only (no CURL handle), so that a table
 * can test them: what happened on one attempt (status, Retry-After,
 * transport failure) plus the attempt number and time spent, in; "done",
 * "again after N ms" or "give up" (and why), out.  Retry-After beats
 * exponential backoff; the total budget bounds everything.
 *
 * The policy is Azure's SDKs' (azure-core's RetryPolicy): 10 retries,
 * exponential backoff from 0.8 s with jitter, a Retry-After honoured as
 * given, on 408, 429, 500, 502, 503 and 504 and on failed connections;
 * here one wait is at most 60 s and all the waits of one call at most
 * 5 minutes.
 */
#ifndef AKSWIZ_AZURE_RETRY_H
#define AKSWIZ_AZURE_RETRY_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

enum retry_action {
	RETRY_DONE,		/* the answer is final: hand it to the caller */
	RETRY_AGAIN,		/* wait delay_ms, then send again */
	RETRY_GIVE_UP		/* retryable, but the budget is spent */
};

enum retry_transport {
	RETRY_TRANSPORT_OK,		/* an HTTP answer arrived */
	RETRY_TRANSPORT_CONNECT,	/* nothing was sent: DNS, refused */
	RETRY_TRANSPORT_SENT,		/* timeout or reset after sending */
	RETRY_TRANSPORT_FATAL		/* TLS, body cap, bad URL: never */
};

struct retry_policy {
	uint64_t	base_ms;	/* first backoff (800) */
	uint64_t	max_delay_ms;	/* one backoff at most (60000) */
	uint64_t	budget_ms;	/* all waiting of one call (300000) */
	int		max_retries;	/* (10) */
};

/* Why a call gave up (RETRY_GIVE_UP), for the message. */
enum retry_why {
	RETRY_WHY_NONE,
	RETRY_WHY_ATTEMPTS,	/* max_retries spent */
	RETRY_WHY_BUDGET,	/* the next backoff would pass the budget */
	RETRY_WHY_RETRY_AFTER	/* the server asked to wait past it */
};

struct retry_input {
	enum retry_transport	 transport;
	long			 status;	/* when transport is OK */
	const char		*retry_after;	/* raw header or NULL */
	bool			 no_retry;	/* may only retry what was
						   certainly not performed */
};

/* The defaults above, with zero fields of over (may be NULL) kept. */
void	retry_policy_init(struct retry_policy *, uint64_t budget_ms,
	    int max_retries);
/* Whether a status is worth another try (408, 429, 500, 502, 503, 504). */
bool	retry_status_retryable(long status);
/*
 * Whether an answer says "not now" rather than "no": 408, 429 or any 5xx.
 * A poll of a long-running operation and a lost submit are looked at
 * again after such an answer (retry_status_retryable is the narrower set
 * http.c sends again by itself).
 */
bool	retry_status_transient(long status);
/*
 * Parse Retry-After: delta seconds or an HTTP date (IMF-fixdate, RFC 850
 * or asctime), relative to now.  Returns milliseconds (0 for a past date)
 * or -1 when absent or malformed.
 */
int64_t	retry_after_ms(const char *value, time_t now);
/*
 * Decide after attempt number `attempt` (1 = the first send), `spent_ms`
 * into the call.  random is any 32-bit random value (jitter); now is for
 * HTTP dates.  On RETRY_AGAIN, *delay_ms is the wait; on RETRY_GIVE_UP,
 * *why (may be NULL) says why, and with RETRY_WHY_RETRY_AFTER *delay_ms
 * is what the server asked for.
 */
enum retry_action retry_decide(const struct retry_policy *,
	    const struct retry_input *, int attempt, uint64_t spent_ms,
	    time_t now, uint32_t random, uint64_t *delay_ms,
	    enum retry_why *why);
/* "done", "again", "give-up": for the debug log and tests. */
const char *retry_action_name(enum retry_action);

#endif
