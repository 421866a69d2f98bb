/*
 * After a deploy (screen-progress.c): the endpoint's scoring URI, a call
 * of it with a sample body (the endpoint's key or token read from the
 * service, sent in the Authorization header of that one POST, never kept
 * nor shown).  Jobs on the worker thread; what they bring back is escaped
 * before it is shown.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "azure/arm-endpoints.h"
#include "azure/invoke.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"
#include "tui/deploy.h"

/* What "call it now" sends: the shape of azureml's sklearn samples. */
const char deploy_sample_body[] = "{\"data\": [[1, 2, 3, 4]]}";

/* The scoring URI (and the auth mode) of the deployed endpoint. */
static bool
deploy_call_endpoint(struct deploy_call *c, struct arm_endpoint *e)
{
	bool	found = false;

	memset(e, 0, sizeof *e);
	if (!arm_get_endpoint(c->arm, c->scope.subscription,
	    c->scope.resource_group, c->scope.workspace, c->endpoint, e,
	    &found, &c->err))
		return false;
	if (!found || e->scoring_uri == NULL) {
		/* TRANSLATORS: %s is an online endpoint. */
		err_set(&c->err, ERR_SERVICE, _("online endpoint %s has no "
		    "scoring URI yet"), c->endpoint);
		return false;
	}
	snprintf(c->scoring_uri, sizeof c->scoring_uri, "%s", e->scoring_uri);
	text_escape_inplace(c->scoring_uri, sizeof c->scoring_uri, 0);
	return true;
}

/* A reply to show: JSON indented, anything else as it came; escaped. */
static char *
deploy_call_reply(const char *body)
{
	struct json_object	*o = json_tokener_parse(body);
	char			*r;

	if (o == NULL)
		return text_escape_dup(body, TEXT_KEEP_NEWLINE);
	r = text_escape_dup(json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE), TEXT_KEEP_NEWLINE);
	json_object_put(o);
	return r;
}

/* POST the sample to the scoring URI with the endpoint's key or token. */
static void
deploy_call_invoke(struct deploy_call *c, const struct arm_endpoint *e)
{
	struct arm_endpoint_reply	 r = { 0 };

	c->ok = arm_endpoint_invoke(c->arm, c->scope.subscription,
	    c->scope.resource_group, c->scope.workspace, e, c->deployment,
	    deploy_sample_body, strlen(deploy_sample_body), &r, &c->err);
	if (c->ok) {
		c->status = r.status;
		c->latency_ms = r.ms;
		c->reply = deploy_call_reply(r.body != NULL ? r.body : "");
	}
	arm_endpoint_reply_done(&r);
}

/* Job: the scoring URI, then the call when asked. */
void
deploy_call_run(void *arg)
{
	struct deploy_call	*c = arg;
	struct arm_endpoint	 e;

	err_clear(&c->err);
	c->ok = false;
	if (!deploy_call_endpoint(c, &e)) {
		arm_endpoint_done(&e);
		return;
	}
	if (c->what == DEPLOY_CALL_INVOKE)
		deploy_call_invoke(c, &e);
	else
		c->ok = true;
	arm_endpoint_done(&e);
}

/* A job for the plan's endpoint and deployment. */
struct deploy_call *
deploy_call_new(struct arm *arm, const struct plan *p, int what)
{
	struct deploy_call	*c = xcalloc(1, sizeof *c);

	c->arm = arm;
	c->scope = p->scope;
	c->what = what;
	snprintf(c->endpoint, sizeof c->endpoint, "%s", p->endpoint_name);
	snprintf(c->deployment, sizeof c->deployment, "%s",
	    p->deployment.name);
	return c;
}

void
deploy_call_free(struct deploy_call *c)
{
	if (c == NULL)
		return;
	free(c->reply);
	free(c);
}
