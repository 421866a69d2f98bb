/*
 * A request to an online endpoint's scoring URI (invoke.h).
 */
#include "config.h"
#include "azure/invoke.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "azure/http.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"

/* "Name: value" (caller frees; a secret's with arm_secret_free). */
static char *
header(const char *name, const char *value)
{
	size_t	 n = strlen(name) + strlen(value) + 3;
	char	*h = xmalloc(n);

	snprintf(h, n, "%s: %s", name, value);
	return h;
}

bool
arm_endpoint_invoke(struct arm *a, const char *sub, const char *rg,
    const char *ws, const struct arm_endpoint *e, const char *deployment,
    const char *body, size_t len, struct arm_endpoint_reply *out,
    struct err *err)
{
	struct arm_endpoint_token t = { 0 };
	struct http_request	 req;
	struct http_response	 rsp;
	char			*k1 = NULL, *k2 = NULL, *auth = NULL,
				*route = NULL;
	const char		*secret;
	uint64_t		 t0;
	size_t			 n;
	bool			 ok, token;

	memset(out, 0, sizeof *out);
	token = e->auth_mode != NULL && strcasecmp(e->auth_mode,
	    "AMLToken") == 0;
	ok = token ? arm_endpoint_token(a, sub, rg, ws, e->name, &t, err) :
	    arm_endpoint_keys(a, sub, rg, ws, e->name, &k1, &k2, err);
	secret = token ? t.access_token : k1;
	if (ok && secret == NULL)
		ok = err_set(err, ERR_PARSE, _("the service gave no key or "
		    "token for online endpoint %s"), e->name);
	if (ok) {
		n = strlen(secret) + sizeof "Authorization: Bearer ";
		auth = xmalloc(n);
		snprintf(auth, n, "Authorization: Bearer %s", secret);
		memset(&req, 0, sizeof req);
		req.method = "POST";
		req.url = e->scoring_uri;
		req.body = body;
		req.body_len = len;
		req.no_retry = true;
		req.extra_headers[0] = auth;
		if (deployment != NULL && deployment[0] != '\0')
			req.extra_headers[1] = route = header(
			    "azureml-model-deployment", deployment);
		http_response_init(&rsp);
		t0 = clock_mono_ms();
		ok = http_call(a->http, &req, &rsp, err);
		out->ms = clock_mono_ms() - t0;
		if (ok) {
			out->status = rsp.status;
			out->body = xstrdup(buf_str(&rsp.body));
		}
		http_response_done(&rsp);
		arm_secret_free(auth);
		free(route);
	}
	arm_secret_free(k1);
	arm_secret_free(k2);
	arm_endpoint_token_done(&t);
	return ok;
}

void
arm_endpoint_reply_done(struct arm_endpoint_reply *r)
{
	free(r->body);
	r->body = NULL;
}

bool
arm_endpoint_read_request(const char *path, bool dash_is_stdin, struct buf *b,
    struct err *err)
{
	FILE	*fp = dash_is_stdin && strcmp(path, "-") == 0 ? stdin :
		    fopen(path, "rb");
	char	 chunk[8192];
	size_t	 n;
	bool	 ok = true;

	if (fp == NULL)
		return err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno));
	while (ok && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		ok = buf_add(b, chunk, n);
	if (!ok || ferror(fp))
		ok = err_set(err, ERR_IO, _("cannot read %s: %s"), path, !ok ?
		    _("larger than 16 MiB") : strerror(errno));
	if (fp != stdin)
		fclose(fp);
	return ok;
}
