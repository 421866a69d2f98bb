/*
 * The long-running-operation state machine of azure-api.md section 2.1,
 * as pure decisions: the first response and each poll's response go in
 * (a struct http_response and the current time), "poll URL at T", "do the
 * final GET", "succeeded" or "failed: ..." come out.  No I/O here, so
 * tables can test it; azure/ops.c does the calls and the waiting.
 *
 * Which URL is polled: Azure-AsyncOperation if given, else Location, else
 * (PUT) the resource itself, reading properties.provisioningState.  The
 * next poll time follows Retry-After (seconds or an HTTP date), 30 s when
 * it is missing, clamped to [LRO_MIN_INTERVAL_MS, LRO_MAX_INTERVAL_MS].
 */
#ifndef AKSWIZ_AZURE_LRO_H
#define AKSWIZ_AZURE_LRO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct http_response;

#define LRO_DEFAULT_INTERVAL_MS	30000
#define LRO_MIN_INTERVAL_MS	1000
#define LRO_MAX_INTERVAL_MS	600000
#define LRO_URL_LEN		2048

enum lro_method {
	LRO_PUT,		/* create, attach, update */
	LRO_DELETE		/* detach, delete */
};

enum lro_poll_kind {
	LRO_POLL_NONE,
	LRO_POLL_ASYNC,		/* Azure-AsyncOperation: status body */
	LRO_POLL_LOCATION,	/* Location: 202 until done */
	LRO_POLL_RESOURCE	/* the resource: provisioningState */
};

enum lro_action {
	LRO_WAIT,		/* poll poll_url at next_poll_ms */
	LRO_FINAL_GET,		/* GET resource_url, then lro_final() */
	LRO_SUCCEEDED,
	LRO_FAILED,		/* error_* say why */
	LRO_CANCELED
};

struct lro_state {
	enum lro_method		 method;
	char			 resource_url[LRO_URL_LEN];
	char			 poll_url[LRO_URL_LEN];
	enum lro_poll_kind	 kind;
	char			 status[48];	/* last status seen, raw */
	bool			 status_changed; /* by the last step */
	enum lro_action		 action;	/* the last decision */
	uint64_t		 started_ms;
	uint64_t		 next_poll_ms;
	uint64_t		 min_interval_ms; /* see lro_init */
	uint64_t		 default_interval_ms; /* no Retry-After */
	int			 polls;
	long			 http_status;	/* of the failing answer */
	char			 error_code[64];
	char			 error_message[512];
	char			 error_detail[512];	/* innermost detail */
};

/*
 * Start the machine for a call on resource_url.  min_interval_ms 0 means
 * LRO_MIN_INTERVAL_MS.
 */
void		lro_init(struct lro_state *, enum lro_method,
		    const char *resource_url, uint64_t now_ms,
		    uint64_t min_interval_ms);
/*
 * Resume an operation from the journal: poll url of the given kind (NONE:
 * the resource) as soon as now.
 */
void		lro_resume(struct lro_state *, enum lro_method,
		    const char *resource_url, enum lro_poll_kind,
		    const char *poll_url, const char *status, uint64_t now_ms,
		    uint64_t min_interval_ms);
/* Decide after the first response (PUT 200/201, DELETE 200/202/204). */
enum lro_action	lro_start(struct lro_state *, const struct http_response *,
		    uint64_t now_ms);
/* Decide after a poll of poll_url. */
enum lro_action	lro_poll(struct lro_state *, const struct http_response *,
		    uint64_t now_ms);
/* Decide after the final GET of the resource (PUT only). */
enum lro_action	lro_final(struct lro_state *, const struct http_response *,
		    uint64_t now_ms);
/*
 * Milliseconds to wait from Retry-After (delta-seconds or an HTTP date),
 * LRO_DEFAULT_INTERVAL_MS when missing or malformed, clamped.
 */
uint64_t	lro_retry_after_ms(const char *header, uint64_t now_ms,
		    uint64_t min_ms);
/* "async", "location", "resource", "none" (journal) and back. */
const char	*lro_poll_kind_name(enum lro_poll_kind);
enum lro_poll_kind lro_poll_kind_parse(const char *);
/*
 * Extract code, message and the innermost detail from an ARM error body
 * (also {"error":{"error":...}}, {"statusCode","message"} and
 * provisioningErrors[0].error).  False if the body has no error.
 */
bool		lro_error_from_json(const char *body, char *code, size_t,
		    char *message, size_t, char *detail, size_t);

#endif
