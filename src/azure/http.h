/*
 * The only code that talks HTTP.  One client keeps one connection per host
 * alive, retries what azure/retry.c says to retry, adds the bearer token
 * (refreshing it once on 401), a fresh x-ms-client-request-id per call and
 * the ARM headers, caps response bodies, and writes the redacted --debug log.
 * It follows no redirect (a 3xx is an error naming where it pointed), and
 * a read-only client (--readonly) refuses, before sending, every request
 * that would change something in Azure (core/trust.h says which).  A
 * client given token_origins sends a bearer token to those origins only:
 * a poll or next-page URL the service names on another host is refused,
 * not sent (the ARM token goes to Resource Manager and nowhere else, but
 * for a request's token_origin, a host Resource Manager's answers named).
 *
 * CURL * never leaves http.c.
 */
#ifndef AKSWIZ_AZURE_HTTP_H
#define AKSWIZ_AZURE_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/err.h"

#define HTTP_BODY_CAP	(16 * 1024 * 1024)	/* ARM's own limit is 8 MB */

/*
 * Where a bearer token comes from (azure/auth.c provides one).  With
 * force_refresh the cached token is not good enough (the server said 401).
 * The token is written to tok (NUL-terminated); false + err on failure.
 */
struct http_token_source {
	bool	(*get)(void *ctx, const char *scope, bool force_refresh,
		    char *tok, size_t toklen, struct err *);
	void	*ctx;
	const char *scope;		/* "https://management.azure.com/.default" */
};

struct http_config {
	const char	*ca_file;	/* extra trust, or NULL */
	const char	*debug_file;	/* redacted log, or NULL */
	const char	*user_agent;
	long		 connect_timeout_ms;	/* 0: default */
	long		 timeout_ms;		/* per attempt; 0: default */
	uint64_t	 retry_budget_ms;	/* total; 0: default */
	int		 max_retries;		/* 0: default */
	bool		 readonly;	/* --readonly: refuse writes unsent */
	/*
	 * Where a bearer token may go ("https://host[:port]"; NULL ends):
	 * the configured Resource Manager endpoint and the cloud's
	 * canonical one.  None: anywhere (a kubeconfig's own server).
	 */
	const char	*token_origins[2];
};

struct http_request {
	const char	*method;	/* "GET", "PUT", "POST", "DELETE" */
	const char	*url;		/* absolute */
	const char	*body;		/* or NULL */
	size_t		 body_len;
	const char	*content_type;	/* default application/json with a body */
	const struct http_token_source *auth;	/* NULL: no Authorization */
	bool		 no_retry;	/* a create: the caller looks first */
	const char	*extra_headers[8];	/* "Name: value", NULL-ended */
	long		 timeout_ms;	/* this call, per attempt; 0: client's */
	bool		 no_proxy;	/* IMDS: never through a proxy */
	const char	*accept;	/* default application/json */
	int		 max_attempts;	/* 0: the client's retry policy */
	/* Storage (azure/blob.c): a body of file bytes, logged by its size
	 * only; the request id the caller signed (Shared Key signs every
	 * x-ms- header), NULL: a fresh one.  "HEAD" gets no body. */
	bool		 body_binary;
	const char	*client_request_id;
	/* Or a body of body_len bytes of a file, at off of fd (a storage
	 * block): read straight into libcurl's buffer, never copied whole. */
	const struct http_file_body *body_file;
	/* One more origin this request's token may go to, that the caller
	 * learnt from Resource Manager (a workspace's discovery, a
	 * registry's: azure/registry.c), or NULL. */
	const char	*token_origin;
};

struct http_file_body {
	int		 fd;
	uint64_t	 off;
};

struct http_response {
	long		 status;
	char		 client_request_id[40];	/* what was sent */
	char		*retry_after;		/* raw header values or NULL */
	char		*azure_async_operation;
	char		*location;
	char		*request_id;		/* x-ms-request-id */
	char		*www_authenticate;
	struct buf	 body;
	int		 attempts;		/* 1 + retries */
	char		*ms_error_code;		/* x-ms-error-code (storage) */
	long long	 content_length;	/* a HEAD's, -1 unknown */
};

struct http_client;

struct http_client *http_client_new(const struct http_config *, struct err *);
void		 http_client_free(struct http_client *);
/*
 * Perform a request with retries.  True when an HTTP answer arrived (any
 * status but a redirect: the caller judges it); false with err for
 * transport failures, TLS failures (the message names the host and how to
 * trust a CA), an exceeded body cap, an exhausted retry budget (saying
 * when a Retry-After was the reason), a 3xx (ERR_SERVICE, "a redirect to
 * HOST"), or a write refused by a read-only client (ERR_REFUSED, nothing
 * sent).
 */
bool		 http_call(struct http_client *, const struct http_request *,
		    struct http_response *, struct err *);
void		 http_response_init(struct http_response *);
void		 http_response_done(struct http_response *);
/*
 * Whether the client is read-only (--readonly): screens ask this (through
 * arm_readonly()) to leave out what would be refused.
 */
bool		 http_client_readonly(const struct http_client *);
/* The --debug log's path (a client for another host logs there too). */
const char	*http_client_debug_file(const struct http_client *);
/* TLS handshakes done so far (for benchmarks: one per host is the goal). */
long		 http_client_handshakes(const struct http_client *);
/* A line for the --debug log (redacted; nothing without --debug). */
void		 http_client_log(struct http_client *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* Fill out (37 bytes) with a fresh random UUID v4; false if RAND failed. */
bool		 http_uuid4(char *out, size_t len);

#endif
