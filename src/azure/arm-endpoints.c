/*
 * Online endpoints and Kubernetes deployments (arm-endpoints.h): URLs,
 * calls and the parse of OnlineEndpointTrackedResource and
 * OnlineDeploymentTrackedResource (deploy.md 1c).
 */
#include "config.h"
#include "azure/arm-endpoints.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "azure/armerror.h"
#include "azure/http.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"

/* The member key of o when it is of type t, else NULL. */
static json_object *
member(json_object *o, const char *key, json_type t)
{
	json_object	*v = NULL;

	if (o != NULL && json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, key, &v) && v != NULL &&
	    json_object_is_type(v, t))
		return v;
	return NULL;
}

/* A string member copied, control characters escaped; NULL if absent. */
static char *
member_text(json_object *o, const char *key)
{
	json_object	*v = member(o, key, json_type_string);

	return v == NULL ? NULL :
	    text_escape_dup(json_object_get_string(v), 0);
}

/* A number member (an integer, or a string of digits); def if absent. */
static long long
member_number(json_object *o, const char *key, long long def)
{
	json_object	*v;
	char		*end;
	long long	 n;

	if ((v = member(o, key, json_type_int)) != NULL)
		return (long long)json_object_get_int64(v);
	if ((v = member(o, key, json_type_string)) == NULL)
		return def;
	n = strtoll(json_object_get_string(v), &end, 10);
	return *end == '\0' && end != json_object_get_string(v) ? n : def;
}

/* A {name: percent} object as "name=percent name=percent", or NULL. */
static char *
weights(json_object *o)
{
	struct buf	b;
	char		*s;

	if (o == NULL || json_object_object_length(o) == 0)
		return NULL;
	buf_init(&b, 0);
	json_object_object_foreach(o, k, v) {
		if (b.len > 0)
			buf_adds(&b, " ");
		buf_addf(&b, "%s=%lld", k, (long long)json_object_get_int64(v));
	}
	s = text_escape_dup(buf_str(&b), 0);
	buf_done(&b);
	return s;
}

/* Parse body as a JSON object, or fill err. */
static json_object *
parse_object(const char *body, struct err *err)
{
	json_object	*o = json_tokener_parse(body);

	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		err_set(err, ERR_PARSE, _("the service's answer is not valid "
		    "JSON"));
		return NULL;
	}
	return o;
}

static void
endpoint_from(json_object *e, struct arm_endpoint *ep)
{
	json_object	*p = member(e, "properties", json_type_object);
	const char	*slash;

	memset(ep, 0, sizeof *ep);
	ep->id = member_text(e, "id");
	ep->name = member_text(e, "name");
	ep->location = member_text(e, "location");
	ep->provisioning_state = member_text(p, "provisioningState");
	ep->auth_mode = member_text(p, "authMode");
	ep->scoring_uri = member_text(p, "scoringUri");
	ep->swagger_uri = member_text(p, "swaggerUri");
	ep->compute = member_text(p, "compute");
	if (ep->compute != NULL) {
		slash = strrchr(ep->compute, '/');
		ep->compute_name = xstrdup(slash != NULL ? slash + 1 :
		    ep->compute);
	}
	ep->traffic = weights(member(p, "traffic", json_type_object));
	ep->mirror_traffic = weights(member(p, "mirrorTraffic",
	    json_type_object));
	ep->description = member_text(p, "description");
}

static void
deployment_from(json_object *e, struct arm_deployment *d)
{
	json_object	*p = member(e, "properties", json_type_object);
	json_object	*sc = member(p, "scaleSettings", json_type_object);
	json_object	*rr = member(p, "containerResourceRequirements",
			    json_type_object);
	json_object	*req = member(rr, "containerResourceRequests",
			    json_type_object);
	json_object	*lim = member(rr, "containerResourceLimits",
			    json_type_object);
	json_object	*rs = member(p, "requestSettings", json_type_object);

	memset(d, 0, sizeof *d);
	d->id = member_text(e, "id");
	d->name = member_text(e, "name");
	d->instance_count = member_number(member(e, "sku", json_type_object),
	    "capacity", -1);
	d->provisioning_state = member_text(p, "provisioningState");
	d->compute_type = member_text(p, "endpointComputeType");
	d->instance_type = member_text(p, "instanceType");
	d->model = member_text(p, "model");
	d->description = member_text(p, "description");
	d->scale_type = member_text(sc, "scaleType");
	d->min_instances = member_number(sc, "minInstances", -1);
	d->max_instances = member_number(sc, "maxInstances", -1);
	d->cpu_request = member_text(req, "cpu");
	d->memory_request = member_text(req, "memory");
	d->gpu_request = member_text(req, "gpu");
	d->cpu_limit = member_text(lim, "cpu");
	d->memory_limit = member_text(lim, "memory");
	d->gpu_limit = member_text(lim, "gpu");
	d->request_timeout = member_text(rs, "requestTimeout");
	d->max_concurrent = member_number(rs,
	    "maxConcurrentRequestsPerInstance", -1);
}

bool
arm_parse_endpoint(const char *body, struct arm_endpoint *ep,
    struct err *err)
{
	json_object	*o = parse_object(body, err);

	if (o == NULL)
		return false;
	endpoint_from(o, ep);
	json_object_put(o);
	return true;
}

bool
arm_parse_deployment(const char *body, struct arm_deployment *d,
    struct err *err)
{
	json_object	*o = parse_object(body, err);

	if (o == NULL)
		return false;
	deployment_from(o, d);
	json_object_put(o);
	return true;
}

/* The items of a page's "value" and its nextLink (NULL when it ends). */
static json_object *
page_items(const char *body, json_object **root, char **next,
    struct err *err)
{
	json_object	*v;
	const char	*n;

	*next = NULL;
	if ((*root = parse_object(body, err)) == NULL)
		return NULL;
	if ((v = member(*root, "nextLink", json_type_string)) != NULL &&
	    *(n = json_object_get_string(v)) != '\0')
		*next = xstrdup(n);
	if ((v = member(*root, "value", json_type_array)) == NULL) {
		free(*next);
		*next = NULL;
		json_object_put(*root);
		err_set(err, ERR_PARSE, _("the service's list has no "
		    "\"value\""));
		return NULL;
	}
	return v;
}

/* Room for one more item of size bytes in *v. */
static void
grow(void **v, size_t n, size_t *alloc, size_t size)
{
	if (n < *alloc)
		return;
	*alloc = *alloc ? *alloc * 2 : 8;
	*v = xreallocarray(*v, *alloc, size);
}

static void
endpoint_add(json_object *e, void *list)
{
	struct arm_endpoint_list *l = list;

	grow((void **)&l->v, l->n, &l->alloc, sizeof *l->v);
	endpoint_from(e, &l->v[l->n++]);
}

static void
deployment_add(json_object *e, void *list)
{
	struct arm_deployment_list *l = list;

	grow((void **)&l->v, l->n, &l->alloc, sizeof *l->v);
	deployment_from(e, &l->v[l->n++]);
}

/* One page's items, each given to add. */
static bool
parse_list_page(const char *body, void (*add)(json_object *, void *),
    void *list, char **next, struct err *err)
{
	json_object	*root, *v = page_items(body, &root, next, err);
	size_t		 i, n;

	if (v == NULL)
		return false;
	n = json_object_array_length(v);
	for (i = 0; i < n; i++)
		add(json_object_array_get_idx(v, i), list);
	json_object_put(root);
	return true;
}

bool
arm_parse_endpoints_page(const char *body, void *list, char **next,
    struct err *err)
{
	return parse_list_page(body, endpoint_add, list, next, err);
}

bool
arm_parse_deployments_page(const char *body, void *list, char **next,
    struct err *err)
{
	return parse_list_page(body, deployment_add, list, next, err);
}

void
arm_endpoint_done(struct arm_endpoint *ep)
{
	free(ep->id);
	free(ep->name);
	free(ep->location);
	free(ep->provisioning_state);
	free(ep->auth_mode);
	free(ep->scoring_uri);
	free(ep->swagger_uri);
	free(ep->compute);
	free(ep->compute_name);
	free(ep->traffic);
	free(ep->mirror_traffic);
	free(ep->description);
	memset(ep, 0, sizeof *ep);
}

void
arm_endpoint_list_free(struct arm_endpoint_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		arm_endpoint_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
arm_deployment_done(struct arm_deployment *d)
{
	free(d->id);
	free(d->name);
	free(d->provisioning_state);
	free(d->compute_type);
	free(d->instance_type);
	free(d->scale_type);
	free(d->model);
	free(d->cpu_request);
	free(d->memory_request);
	free(d->gpu_request);
	free(d->cpu_limit);
	free(d->memory_limit);
	free(d->gpu_limit);
	free(d->request_timeout);
	free(d->description);
	memset(d, 0, sizeof *d);
}

void
arm_deployment_list_free(struct arm_deployment_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		arm_deployment_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
arm_endpoint_token_done(struct arm_endpoint_token *t)
{
	arm_secret_free(t->access_token);
	free(t->token_type);
	memset(t, 0, sizeof *t);
}

/* A path segment, percent-encoded. */
static void
segment(struct buf *b, const char *s)
{
	buf_adds(b, "/");
	arm_path_segment(b, s);
}

char *
arm_endpoint_url(const struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name, const char *dep, const char *action)
{
	struct buf	b;

	buf_init(&b, 0);
	buf_adds(&b, a->endpoint);
	buf_adds(&b, "/subscriptions");
	segment(&b, sub);
	buf_adds(&b, "/resourceGroups");
	segment(&b, rg);
	buf_adds(&b, "/providers/Microsoft.MachineLearningServices/"
	    "workspaces");
	segment(&b, ws);
	buf_adds(&b, "/onlineEndpoints");
	if (name != NULL)
		segment(&b, name);
	if (name != NULL && dep != NULL) {
		buf_adds(&b, "/deployments");
		if (*dep != '\0')
			segment(&b, dep);
	}
	if (action != NULL)
		segment(&b, action);
	buf_addf(&b, "?api-version=%s", ARM_API_ENDPOINTS);
	return buf_take(&b);
}

static void
endpoints_drop(void *l)
{
	arm_endpoint_list_free(l);
}

static void
deployments_drop(void *l)
{
	arm_deployment_list_free(l);
}

bool
arm_list_endpoints(struct arm *a, const char *sub, const char *rg,
    const char *ws, struct arm_endpoint_list *l, struct err *err)
{
	memset(l, 0, sizeof *l);
	return arm_list_pages(a, arm_endpoint_url(a, sub, rg, ws, NULL, NULL,
	    NULL), arm_parse_endpoints_page, endpoints_drop, l, err);
}

bool
arm_list_deployments(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *endpoint, struct arm_deployment_list *l,
    struct err *err)
{
	memset(l, 0, sizeof *l);
	return arm_list_pages(a, arm_endpoint_url(a, sub, rg, ws, endpoint,
	    "", NULL), arm_parse_deployments_page, deployments_drop, l, err);
}

/*
 * GET u: true with the body in rsp on 200, true with *found false on a
 * 404 about the resource itself, false with err otherwise (a missing
 * workspace, group or subscription is an error).
 */
static bool
get_one(struct arm *a, char *u, struct http_response *rsp, bool *found,
    struct err *err)
{
	const char	*b;
	bool		 ok;

	*found = false;
	http_response_init(rsp);
	ok = arm_get_raw(a, u, rsp, err);
	free(u);
	if (!ok)
		return false;
	b = buf_str(&rsp->body);
	if (rsp->status == 200) {
		*found = true;
		return true;
	}
	if (rsp->status == 404 && strstr(b, "ResourceGroupNotFound") ==
	    NULL && strstr(b, "SubscriptionNotFound") == NULL &&
	    strstr(b, "WorkspaceNotFound") == NULL)
		return true;
	return arm_error_summary(b, rsp->status, err);
}

bool
arm_get_endpoint(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name, struct arm_endpoint *ep, bool *found,
    struct err *err)
{
	struct http_response	rsp;
	bool			ok;

	memset(ep, 0, sizeof *ep);
	ok = get_one(a, arm_endpoint_url(a, sub, rg, ws, name, NULL, NULL),
	    &rsp, found, err);
	if (ok && *found)
		ok = *found = arm_parse_endpoint(buf_str(&rsp.body), ep, err);
	http_response_done(&rsp);
	return ok;
}

bool
arm_get_deployment(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *endpoint, const char *name,
    struct arm_deployment *d, bool *found, struct err *err)
{
	struct http_response	rsp;
	bool			ok;

	memset(d, 0, sizeof *d);
	ok = get_one(a, arm_endpoint_url(a, sub, rg, ws, endpoint, name,
	    NULL), &rsp, found, err);
	if (ok && *found)
		ok = *found = arm_parse_deployment(buf_str(&rsp.body), d, err);
	http_response_done(&rsp);
	return ok;
}

void
arm_secret_free(char *s)
{
	if (s != NULL)
		explicit_bzero(s, strlen(s));
	free(s);
}

/* POST an action of the endpoint (no body); 200 expected, body in rsp. */
static bool
post_action(struct arm *a, const char *sub, const char *rg, const char *ws,
    const char *name, const char *action, struct http_response *rsp,
    struct err *err)
{
	char	*u = arm_endpoint_url(a, sub, rg, ws, name, NULL, action);
	bool	 ok;

	http_response_init(rsp);
	ok = arm_send(a, "POST", u, "{}", false, rsp, err);
	free(u);
	if (ok && rsp->status != 200)
		ok = arm_error_summary(buf_str(&rsp->body), rsp->status, err);
	return ok;
}

/* A string member of a secret answer, copied as is (never escaped). */
static char *
secret_member(json_object *o, const char *key)
{
	json_object	*v = member(o, key, json_type_string);

	return v != NULL ? xstrdup(json_object_get_string(v)) : NULL;
}

/* Clear a response body that held a secret. */
static void
rsp_clear(struct http_response *rsp)
{
	if (rsp->body.data != NULL)
		explicit_bzero(rsp->body.data, rsp->body.len);
	http_response_done(rsp);
}

bool
arm_endpoint_keys(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name, char **primary, char **secondary,
    struct err *err)
{
	struct http_response	 rsp;
	json_object		*o;
	bool			 ok;

	*primary = *secondary = NULL;
	ok = post_action(a, sub, rg, ws, name, "listKeys", &rsp, err) &&
	    (o = parse_object(buf_str(&rsp.body), err)) != NULL;
	if (ok) {
		*primary = secret_member(o, "primaryKey");
		*secondary = secret_member(o, "secondaryKey");
		json_object_put(o);
	}
	rsp_clear(&rsp);
	return ok;
}

bool
arm_endpoint_token(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name, struct arm_endpoint_token *t,
    struct err *err)
{
	struct http_response	 rsp;
	json_object		*o;
	bool			 ok;

	memset(t, 0, sizeof *t);
	ok = post_action(a, sub, rg, ws, name, "token", &rsp, err) &&
	    (o = parse_object(buf_str(&rsp.body), err)) != NULL;
	if (ok) {
		t->access_token = secret_member(o, "accessToken");
		t->token_type = member_text(o, "tokenType");
		t->expiry = member_number(o, "expiryTimeUtc", -1);
		t->refresh_after = member_number(o, "refreshAfterTimeUtc", -1);
		json_object_put(o);
	}
	rsp_clear(&rsp);
	return ok;
}

#define REGENERATE_POLLS	120
#define REGENERATE_MAX_MS	10000

bool
arm_endpoint_regenerate(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name, const char *key_type,
    uint64_t min_poll_ms, struct err *err)
{
	struct http_response	 rsp;
	char			*u = arm_endpoint_url(a, sub, rg, ws, name, NULL,
				    "regenerateKeys"), *loc = NULL, body[64];
	uint64_t		 ms;
	bool			 ok;
	int			 i;

	snprintf(body, sizeof body, "{\"keyType\":\"%s\"}", key_type);
	http_response_init(&rsp);
	ok = arm_send(a, "POST", u, body, true, &rsp, err);
	free(u);
	for (i = 0; ok && rsp.status == 202 && i < REGENERATE_POLLS; i++) {
		if (rsp.location == NULL)
			break;
		ms = rsp.retry_after != NULL ?
		    (uint64_t)strtoul(rsp.retry_after, NULL, 10) * 1000 : 0;
		if (ms < min_poll_ms)
			ms = min_poll_ms;
		if (ms > REGENERATE_MAX_MS)
			ms = REGENERATE_MAX_MS;
		free(loc);
		loc = xstrdup(rsp.location);
		http_response_done(&rsp);
		clock_sleep_ms(ms);
		http_response_init(&rsp);
		ok = arm_get_raw(a, loc, &rsp, err);
	}
	free(loc);
	if (ok && rsp.status == 202)
		ok = err_set(err, ERR_SERVICE, _("the key regeneration had not "
		    "ended after %d polls"), REGENERATE_POLLS);
	else if (ok && rsp.status != 200 && rsp.status != 204)
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	http_response_done(&rsp);
	return ok;
}

bool
arm_deployment_logs(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *endpoint, const char *name,
    const char *container, long tail, char **content, struct err *err)
{
	struct http_response	 rsp;
	json_object		*o, *v;
	char			*u = arm_endpoint_url(a, sub, rg, ws, endpoint,
				    name, "getLogs"), body[96];
	bool			 ok;

	*content = NULL;
	if (tail >= 0)
		snprintf(body, sizeof body, "{\"containerType\":\"%s\","
		    "\"tail\":%ld}", container, tail);
	else
		snprintf(body, sizeof body, "{\"containerType\":\"%s\"}",
		    container);
	http_response_init(&rsp);
	ok = arm_send(a, "POST", u, body, false, &rsp, err);
	free(u);
	if (ok && rsp.status != 200)
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	if (ok && (o = parse_object(buf_str(&rsp.body), err)) != NULL) {
		v = member(o, "content", json_type_string);
		*content = xstrdup(v != NULL ? json_object_get_string(v) : "");
		json_object_put(o);
	} else
		ok = false;
	http_response_done(&rsp);
	return ok;
}
