/*
 * A request to an online endpoint's scoring URI (deploy.md 1c), as
 * `akswiz online-endpoint invoke` and browse's endpoints screen send it:
 * the endpoint's key (or an AMLToken endpoint's token) read from Resource
 * Manager and sent as bearer, never kept; routed to one deployment by the
 * azureml-model-deployment header when one is named.
 */
#ifndef AKSWIZ_AZURE_INVOKE_H
#define AKSWIZ_AZURE_INVOKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "azure/arm-endpoints.h"

struct arm_endpoint_reply {
	long		 status;	/* HTTP status */
	uint64_t	 ms;		/* the POST's latency */
	char		*body;		/* as sent (caller frees; escape it) */
};

/*
 * POST body (len bytes) to e's scoring URI, to deployment (NULL or "":
 * as the traffic decides), once (never retried: a lost answer is said).
 * False with err when the key or the call failed; an HTTP error status
 * is a reply.
 */
bool	arm_endpoint_invoke(struct arm *, const char *sub, const char *rg,
	    const char *ws, const struct arm_endpoint *e,
	    const char *deployment, const char *body, size_t len,
	    struct arm_endpoint_reply *, struct err *);
void	arm_endpoint_reply_done(struct arm_endpoint_reply *);

/*
 * A request's body from the file path ("-": standard input, when
 * dash_is_stdin: a command's, never a screen's) into b, as much as b's cap
 * allows; false with err (the file and why) otherwise.
 */
struct buf;
bool	arm_endpoint_read_request(const char *path, bool dash_is_stdin,
	    struct buf *b, struct err *);

#endif
