/*
 * Typed Resource Manager calls (arm.h); the parsers are in arm-parse.c.
 * Lists follow nextLink verbatim until it is absent, null or empty (or
 * ARM_MAX_PAGES, against a loop).
 */
#include "config.h"
#include "azure/arm.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "azure/armerror.h"
#include "azure/http.h"
#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/rules-k8s.h"
#include "core/scope.h"

/* Calls. */

/* Set up a client for endpoint (its trailing slashes dropped). */
void
arm_init(struct arm *a, struct http_client *http,
    const struct http_token_source *auth, const char *endpoint)
{
	size_t	len;

	memset(a, 0, sizeof *a);
	a->http = http;
	a->auth = auth;
	snprintf(a->endpoint, sizeof a->endpoint, "%s", endpoint);
	len = strlen(a->endpoint);
	while (len > 0 && a->endpoint[len - 1] == '/')
		a->endpoint[--len] = '\0';
}

bool
arm_readonly(const struct arm *a)
{
	return a != NULL && http_client_readonly(a->http);
}

/* Percent-encode a path segment (RFC 3986 unreserved characters pass). */
void
arm_path_segment(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
			buf_add(b, s, 1);
		else
			buf_addf(b, "%%%02X", c);
	}
}

/*
 * Build endpoint + path; in fmt, %s takes an escaped segment and %p an
 * unescaped path (an ARM id).  The api-version is appended.
 */
static char *
url(const struct arm *a, const char *api, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;
	const char	*p;

	buf_init(&b, 0);
	buf_adds(&b, a->endpoint);
	va_start(ap, fmt);
	for (p = fmt; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 's') {
			arm_path_segment(&b, va_arg(ap, const char *));
			p++;
		} else if (p[0] == '%' && p[1] == 'p') {
			const char *id = va_arg(ap, const char *);

			if (id[0] != '/')
				buf_adds(&b, "/");
			buf_adds(&b, id);
			p++;
		} else
			buf_add(&b, p, 1);
	}
	va_end(ap);
	buf_addf(&b, "%capi-version=%s", strchr(fmt, '?') ? '&' : '?', api);
	return buf_take(&b);
}

/* The compute's URL with the ML api-version (caller frees). */
char *
arm_compute_url(const struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name)
{
	return url(a, ARM_API_ML, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.MachineLearningServices/workspaces/%s/"
	    "computes/%s", sub, rg, ws, name);
}

/* The first page of the workspace's compute list (caller frees). */
char *
arm_computes_url(const struct arm *a, const char *sub, const char *rg,
    const char *ws)
{
	return url(a, ARM_API_ML, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.MachineLearningServices/workspaces/%s/"
	    "computes", sub, rg, ws);
}

/* The workspace's URL with the ML api-version (caller frees). */
char *
arm_workspace_url(const struct arm *a, const char *sub, const char *rg,
    const char *ws)
{
	return url(a, ARM_API_ML, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.MachineLearningServices/workspaces/%s",
	    sub, rg, ws);
}

/* One request through http.c; counts it. */
static bool
call(struct arm *a, const char *method, const char *u, const char *body,
    bool no_retry, struct http_response *rsp, struct err *err)
{
	struct http_request	 req;

	memset(&req, 0, sizeof req);
	req.method = method;
	req.url = u;
	req.body = body;
	req.body_len = body != NULL ? strlen(body) : 0;
	req.auth = a->auth;
	req.no_retry = no_retry;
	a->requests++;
	return http_call(a->http, &req, rsp, err);
}

/* Any method on an absolute URL; any status is an answer. */
bool
arm_send(struct arm *a, const char *method, const char *u, const char *body,
    bool no_retry, struct http_response *rsp, struct err *err)
{
	return call(a, method, u, body, no_retry, rsp, err);
}

/* GET an absolute URL; any status is an answer. */
bool
arm_get_raw(struct arm *a, const char *u, struct http_response *rsp,
    struct err *err)
{
	return call(a, "GET", u, NULL, false, rsp, err);
}

/* GET u and expect 200; the body is left in rsp. */
static bool
get_ok(struct arm *a, const char *u, struct http_response *rsp,
    struct err *err)
{
	if (!call(a, "GET", u, NULL, false, rsp, err))
		return false;
	if (rsp->status != 200)
		return arm_error_summary(buf_str(&rsp->body), rsp->status, err);
	return true;
}

typedef void (*page_list_free)(void *);

/*
 * Adapters so that get_pages() calls each parser, and the free function of
 * its list, with its own type: a list that fails part-way (a page refused
 * or unreadable) is emptied, not left half-filled for the caller to leak.
 */
#define PAGE_ADAPTER(fn, type) \
static bool \
fn##_page(const char *b, void *l, char **next, struct err *err) \
{ \
	return fn(b, (struct type *)l, next, err); \
} \
static void \
fn##_free(void *l) \
{ \
	type##_free((struct type *)l); \
}
PAGE_ADAPTER(arm_parse_subscriptions, arm_subscription_list)
PAGE_ADAPTER(arm_parse_groups, arm_group_list)
PAGE_ADAPTER(arm_parse_workspaces, arm_workspace_list)
PAGE_ADAPTER(arm_parse_clusters, arm_cluster_list)
PAGE_ADAPTER(arm_parse_usages, arm_usage_list)

/* The computes' parser is public: browse reads them a page at a time. */
bool
arm_parse_computes_page(const char *b, void *l, char **next, struct err *err)
{
	return arm_parse_computes(b, (struct arm_compute_list *)l, next, err);
}

static void
arm_parse_computes_free(void *l)
{
	arm_compute_list_free((struct arm_compute_list *)l);
}

void
arm_pager_init(struct arm_pager *p, struct arm *a, char *first)
{
	p->arm = a;
	p->next = first;
	p->pages = 0;
	p->prefetch = false;
	p->ahead = NULL;
}

void
arm_pager_prefetch(struct arm_pager *p)
{
	p->prefetch = true;
}

bool
arm_pager_more(const struct arm_pager *p)
{
	return p->next != NULL;
}

/*
 * A prefetching pager's state: the page being read and the one asked for
 * early, in two answers kept from page to page (their buffers reused).
 * The caller's thread asks for the next page itself (it is running: the
 * request leaves at once) while a thread of the pager's parses this one:
 * one thread for the whole list, handed each page (a thread made and
 * joined per page cost a clone, a stack's mmap, mprotect and madvise, 100
 * times for 10,000 computes).
 */
struct arm_ahead {
	struct arm		*arm;
	char			*url;		/* asked for early */
	bool			 early;		/* rsp[!cur] answers url */
	struct http_response	 rsp[2];	/* [cur] read, [!cur] early */
	int			 cur;
	struct err		 err;		/* the early call's */
	bool			 ok;
	/* the parsing thread, and the page it parses meanwhile */
	pthread_t		 thread;
	bool			 running;	/* thread made */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	bool			 posted;	/* a page to parse, or quit */
	bool			 quit;
	arm_page_parser		 parse;
	void			*list;
	const char		*body;
	char			*next;
	struct err		 parse_err;
	bool			 parse_ok;
};

/* The parsing thread: a page at a time, as posted, until quit. */
static void *
ahead_parse(void *arg)
{
	struct arm_ahead	*h = arg;

	pthread_mutex_lock(&h->lock);
	for (;;) {
		while (!h->posted)
			pthread_cond_wait(&h->cond, &h->lock);
		if (h->quit)
			break;
		pthread_mutex_unlock(&h->lock);
		h->parse_ok = h->parse(h->body, h->list, &h->next,
		    &h->parse_err);
		pthread_mutex_lock(&h->lock);
		h->posted = false;
		pthread_cond_broadcast(&h->cond);
	}
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

/* Wake the thread for the page posted, or to quit. */
static void
ahead_hand(struct arm_ahead *h, bool quit)
{
	pthread_mutex_lock(&h->lock);
	h->posted = true;
	h->quit = quit;
	pthread_cond_broadcast(&h->cond);
	pthread_mutex_unlock(&h->lock);
}

/* Hand the thread its page (made on first use); false if none runs. */
static bool
ahead_post(struct arm_ahead *h)
{
	if (!h->running) {
		h->posted = h->quit = false;
		if (pthread_create(&h->thread, NULL, ahead_parse, h) != 0)
			return false;
		h->running = true;
	}
	ahead_hand(h, false);
	return true;
}

/* Wait for the page posted to be parsed. */
static void
ahead_wait(struct arm_ahead *h)
{
	pthread_mutex_lock(&h->lock);
	while (h->posted)
		pthread_cond_wait(&h->cond, &h->lock);
	pthread_mutex_unlock(&h->lock);
}

static void
ahead_free(struct arm_ahead *h)
{
	if (h == NULL)
		return;
	if (h->running) {
		ahead_hand(h, true);
		pthread_join(h->thread, NULL);
	}
	pthread_cond_destroy(&h->cond);
	pthread_mutex_destroy(&h->lock);
	http_response_done(&h->rsp[0]);
	http_response_done(&h->rsp[1]);
	free(h->url);
	free(h);
}

/*
 * One page of a prefetching pager: the answer asked for early when it is
 * for u, else a GET; then, when its nextLink can be read already, that
 * page is asked for here while this one is parsed on a thread.
 */
static bool
pager_next_ahead(struct arm_pager *p, const char *u, arm_page_parser parse,
    void *list, char **next, struct err *err)
{
	struct arm_ahead	*h = p->ahead;
	struct http_response	*rsp;
	char			*early = NULL;
	bool			 ok;

	if (h == NULL) {
		h = p->ahead = xcalloc(1, sizeof *h);
		h->arm = p->arm;
		pthread_mutex_init(&h->lock, NULL);
		pthread_cond_init(&h->cond, NULL);
		http_response_init(&h->rsp[0]);
		http_response_init(&h->rsp[1]);
	}
	if (h->early && strcmp(h->url, u) == 0) {
		h->cur = !h->cur;
		rsp = &h->rsp[h->cur];
		if (!(ok = h->ok))
			*err = h->err;
		else if (rsp->status != 200)
			ok = arm_error_summary(buf_str(&rsp->body),
			    rsp->status, err);
	} else {
		rsp = &h->rsp[h->cur];
		ok = get_ok(p->arm, u, rsp, err);
	}
	h->early = false;
	if (!ok)
		return false;
	if (p->pages + 1 < ARM_MAX_PAGES)
		early = arm_page_next_link(rsp->body.data, rsp->body.len);
	h->parse = parse;
	h->list = list;
	h->body = buf_str(&rsp->body);
	h->next = NULL;
	err_clear(&h->parse_err);
	if (early == NULL || !ahead_post(h)) {
		free(early);
		return parse(h->body, list, next, err);
	}
	free(h->url);
	h->url = early;
	err_clear(&h->err);
	h->ok = call(p->arm, "GET", early, NULL, false, &h->rsp[!h->cur],
	    &h->err);
	ahead_wait(h);
	*next = h->next;
	if (!h->parse_ok)
		*err = h->parse_err;
	/* an early page that is not the one to follow is not taken */
	h->early = h->parse_ok && *next != NULL && strcmp(h->url, *next) == 0;
	return h->parse_ok;
}

/* One page: GET, 200 expected, parsed; the cap against a nextLink loop. */
bool
arm_pager_next(struct arm_pager *p, arm_page_parser parse, void *list,
    struct err *err)
{
	struct http_response	 rsp;
	char			*u = p->next, *next = NULL;
	bool			 ok;

	p->next = NULL;
	if (u == NULL)
		return true;
	if (p->prefetch)
		ok = pager_next_ahead(p, u, parse, list, &next, err);
	else {
		http_response_init(&rsp);
		ok = get_ok(p->arm, u, &rsp, err) &&
		    parse(buf_str(&rsp.body), list, &next, err);
		http_response_done(&rsp);
	}
	free(u);
	if (!ok) {
		free(next);
		return false;
	}
	if (++p->pages >= ARM_MAX_PAGES && next != NULL) {
		free(next);
		return err_set(err, ERR_PARSE, _("the list did not end after "
		    "%d pages"), p->pages);
	}
	p->next = next;
	return true;
}

void
arm_pager_done(struct arm_pager *p)
{
	ahead_free(p->ahead);
	p->ahead = NULL;
	free(p->next);
	p->next = NULL;
	arm_parse_release();
}

/* Fetch every page of a list, starting at first (taken over). */
static bool
get_pages(struct arm *a, char *first, arm_page_parser parse,
    page_list_free drop, void *list, struct err *err)
{
	struct arm_pager	p;
	bool			ok = true;

	arm_pager_init(&p, a, first);
	while (ok && arm_pager_more(&p))
		ok = arm_pager_next(&p, parse, list, err);
	arm_pager_done(&p);
	if (!ok)
		drop(list);
	return ok;
}

/* get_pages() for another file's lists (azure/arm-endpoints.c). */
bool
arm_list_pages(struct arm *a, char *first, arm_page_parser parse,
    void (*drop)(void *), void *list, struct err *err)
{
	return get_pages(a, first, parse, drop, list, err);
}

/* Every subscription the token sees. */
bool
arm_list_subscriptions(struct arm *a, struct arm_subscription_list *l,
    struct err *err)
{
	return get_pages(a, url(a, ARM_API_SUBSCRIPTIONS, "/subscriptions"),
	    arm_parse_subscriptions_page,
	    arm_parse_subscriptions_free, l, err);
}

/* Every resource group of a subscription. */
bool
arm_list_groups(struct arm *a, const char *sub, struct arm_group_list *l,
    struct err *err)
{
	return get_pages(a, url(a, ARM_API_GROUPS,
	    "/subscriptions/%s/resourcegroups", sub),
	    arm_parse_groups_page,
	    arm_parse_groups_free, l, err);
}

/* The workspaces of a group, or of the subscription. */
bool
arm_list_workspaces(struct arm *a, const char *sub, const char *rg,
    struct arm_workspace_list *l, struct err *err)
{
	char	*u = rg == NULL ?
	    url(a, ARM_API_ML, "/subscriptions/%s/providers/"
	    "Microsoft.MachineLearningServices/workspaces", sub) :
	    url(a, ARM_API_ML, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.MachineLearningServices/workspaces", sub, rg);

	return get_pages(a, u, arm_parse_workspaces_page,
	    arm_parse_workspaces_free, l, err);
}

/* One workspace. */
bool
arm_get_workspace(struct arm *a, const char *sub, const char *rg,
    const char *ws, struct arm_workspace *w, struct err *err)
{
	struct http_response	 rsp;
	char			*u = arm_workspace_url(a, sub, rg, ws);
	bool			 ok;

	http_response_init(&rsp);
	ok = get_ok(a, u, &rsp, err) &&
	    arm_parse_workspace(buf_str(&rsp.body), w, err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

/*
 * A failed call on the workspace's scope: when Resource Manager's answer
 * (a 404 whose code is in err->detail, "HTTP 404 Code: ...") says the
 * subscription, the group or the workspace does not exist, err->msg
 * becomes core's verdict on it, which says how to choose another.
 */
bool
arm_scope_explain(struct err *err, const char *sub, const char *rg,
    const char *ws)
{
	struct plan_scope	 sc;
	struct verdicts		 vs;
	char			 code[64];

	if (err->http_status != 404 ||
	    sscanf(err->detail, "HTTP %*d %63[^: ]", code) != 1)
		return false;
	memset(&sc, 0, sizeof sc);
	snprintf(sc.subscription, sizeof sc.subscription, "%s", sub);
	snprintf(sc.resource_group, sizeof sc.resource_group, "%s", rg);
	snprintf(sc.workspace, sizeof sc.workspace, "%s", ws);
	verdicts_init(&vs);
	if (!scope_missing(404, code, &sc, &vs))
		return false;
	verdict_render(&vs.v[0], _(msg_format(vs.v[0].msg)), err->msg,
	    sizeof err->msg);
	return true;
}

/* The workspace, or err saying which part of the scope is missing. */
bool
arm_check_workspace(struct arm *a, const char *sub, const char *rg,
    const char *ws, struct arm_workspace *w, struct err *err)
{
	if (arm_get_workspace(a, sub, rg, ws, w, err))
		return true;
	arm_scope_explain(err, sub, rg, ws);
	return false;
}

/* Every compute of a workspace, page by page. */
bool
arm_list_computes(struct arm *a, const char *sub, const char *rg,
    const char *ws, struct arm_compute_list *l, struct err *err)
{
	return get_pages(a, arm_computes_url(a, sub, rg, ws),
	    arm_parse_computes_page,
	    arm_parse_computes_free, l, err);
}

/* One compute; a 404 of the compute alone is "not found", not an error. */
bool
arm_get_compute(struct arm *a, const char *sub, const char *rg,
    const char *ws, const char *name, struct arm_compute *c, bool *found,
    struct err *err)
{
	struct http_response	 rsp;
	char			*u = arm_compute_url(a, sub, rg, ws, name);
	bool			 ok;

	*found = false;
	memset(c, 0, sizeof *c);
	c->agent_count = -1;
	http_response_init(&rsp);
	ok = call(a, "GET", u, NULL, false, &rsp, err);
	free(u);
	if (ok && rsp.status == 404) {
		/* A missing workspace is an error, a missing compute not. */
		if (strstr(buf_str(&rsp.body), "ResourceGroupNotFound") ||
		    strstr(buf_str(&rsp.body), "SubscriptionNotFound") ||
		    strstr(buf_str(&rsp.body), "WorkspaceNotFound"))
			ok = arm_error_summary(buf_str(&rsp.body), 404, err);
	} else if (ok && rsp.status != 200)
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	else if (ok) {
		ok = arm_parse_compute(buf_str(&rsp.body), c, err);
		*found = ok;
	}
	http_response_done(&rsp);
	return ok;
}

/* PUT a compute body, never retried blindly (no_retry). */
bool
arm_put_compute(struct arm *a, const char *u, const char *body,
    struct http_response *rsp, struct err *err)
{
	return call(a, "PUT", u, body, true, rsp, err);
}

/* DELETE a compute with underlyingResourceAction. */
bool
arm_delete_compute(struct arm *a, const char *u, const char *action,
    struct http_response *rsp, struct err *err)
{
	char	*full;
	bool	 ok;

	xasprintf(&full, "%s&underlyingResourceAction=%s", u, action);
	ok = call(a, "DELETE", full, NULL, false, rsp, err);
	free(full);
	return ok;
}

/* The AKS clusters of a group, or of the subscription. */
bool
arm_list_clusters(struct arm *a, const char *sub, const char *rg,
    struct arm_cluster_list *l, struct err *err)
{
	char	*u = rg == NULL ?
	    url(a, ARM_API_AKS, "/subscriptions/%s/providers/"
	    "Microsoft.ContainerService/managedClusters", sub) :
	    url(a, ARM_API_AKS, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.ContainerService/managedClusters", sub, rg);

	return get_pages(a, u, arm_parse_clusters_page,
	    arm_parse_clusters_free, l, err);
}

/* One AKS cluster by its ARM ID. */
bool
arm_get_cluster(struct arm *a, const char *id, struct arm_cluster *c,
    struct err *err)
{
	struct http_response	 rsp;
	char			*u = url(a, ARM_API_AKS, "%p", id);
	bool			 ok;

	memset(c, 0, sizeof *c);
	http_response_init(&rsp);
	ok = get_ok(a, u, &rsp, err) &&
	    arm_parse_cluster(buf_str(&rsp.body), c, err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

/* registrationState of a provider document (GET or register). */
static bool
provider_state(struct http_response *rsp, char *state, size_t len,
    struct err *err)
{
	json_object	*o, *v;
	bool		 ok;

	if (rsp->status != 200)
		return arm_error_summary(buf_str(&rsp->body), rsp->status,
		    err);
	o = json_tokener_parse(buf_str(&rsp->body));
	ok = o != NULL && json_object_object_get_ex(o, "registrationState",
	    &v) && json_object_is_type(v, json_type_string);
	if (ok)
		snprintf(state, len, "%s", json_object_get_string(v));
	else
		/* TRANSLATORS: registrationState is a JSON member's name. */
		err_set(err, ERR_PARSE, _("the resource provider's answer "
		    "has no registrationState"));
	json_object_put(o);
	return ok;
}

/* GET a provider, or (reg) POST its register. */
static bool
provider_call(struct arm *a, bool reg, const char *sub, const char *ns,
    char *state, size_t len, struct err *err)
{
	struct http_response	 rsp;
	char			*u = url(a, ARM_API_PROVIDERS, reg ?
				    "/subscriptions/%s/providers/%s/register" :
				    "/subscriptions/%s/providers/%s", sub, ns);
	bool			 ok;

	http_response_init(&rsp);
	ok = call(a, reg ? "POST" : "GET", u, reg ? "" : NULL, false, &rsp,
	    err) && provider_state(&rsp, state, len, err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

bool
arm_get_provider(struct arm *a, const char *sub, const char *ns,
    char *state, size_t len, struct err *err)
{
	return provider_call(a, false, sub, ns, state, len, err);
}

bool
arm_register_provider(struct arm *a, const char *sub, const char *ns,
    char *state, size_t len, struct err *err)
{
	return provider_call(a, true, sub, ns, state, len, err);
}

bool
arm_resource_exists(struct arm *a, const char *id, const char *api_version,
    bool *exists, struct err *err)
{
	struct http_response	 rsp;
	char			*u = url(a, api_version, "%p", id);
	bool			 ok;

	*exists = false;
	http_response_init(&rsp);
	ok = arm_get_raw(a, u, &rsp, err);
	if (ok && rsp.status == 200)
		*exists = true;
	else if (ok && rsp.status != 404)
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

/* A cluster's extension; a 404 is "not installed", not an error. */
bool
arm_get_extension(struct arm *a, const char *id, const char *name,
    struct arm_extension *x, bool *found, struct err *err)
{
	struct http_response	 rsp;
	char			*u = url(a, ARM_API_EXTENSIONS, "%p/providers/"
				    "Microsoft.KubernetesConfiguration/"
				    "extensions/%s", id, name != NULL ? name :
				    EXT_NAME);
	bool			 ok;

	*found = false;
	memset(x, 0, sizeof *x);
	http_response_init(&rsp);
	ok = call(a, "GET", u, NULL, false, &rsp, err);
	free(u);
	/* The extension missing names its own type; the cluster missing,
	 * the cluster's (an error). */
	if (ok && rsp.status == 404 && (strstr(buf_str(&rsp.body),
	    "KubernetesConfiguration") || strstr(buf_str(&rsp.body),
	    "ExtensionNotFound")))
		;
	else if (ok && rsp.status != 200)
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	else if (ok) {
		ok = arm_parse_extension(buf_str(&rsp.body), x, err);
		*found = ok;
	}
	http_response_done(&rsp);
	return ok;
}

/* The cluster user's kubeconfig, decoded. */
bool
arm_cluster_credentials(struct arm *a, const char *id, char **kubeconfig,
    struct err *err)
{
	struct http_response	 rsp;
	char			*u = url(a, ARM_API_AKS,
				    "%p/listClusterUserCredential", id);
	bool			 ok;

	http_response_init(&rsp);
	ok = call(a, "POST", u, "", false, &rsp, err);
	if (ok && rsp.status != 200)
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	else if (ok)
		ok = arm_parse_credentials(buf_str(&rsp.body), kubeconfig,
		    err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

bool
arm_list_k8s_versions(struct arm *a, const char *sub, const char *loc,
    struct arm_k8s_version_list *l, struct err *err)
{
	struct http_response	 rsp;
	char			*u;
	bool			 ok;

	u = url(a, ARM_API_AKS, "/subscriptions/%s/providers/"
	    "Microsoft.ContainerService/locations/%s/kubernetesVersions",
	    sub, loc);
	http_response_init(&rsp);
	ok = call(a, "GET", u, NULL, false, &rsp, err);
	free(u);
	if (ok && rsp.status == 200) {
		ok = arm_parse_k8s_versions(buf_str(&rsp.body), l, err);
		http_response_done(&rsp);
		return ok;
	}
	if (ok && rsp.status != 404 && rsp.status != 400) {
		ok = arm_error_summary(buf_str(&rsp.body), rsp.status, err);
		http_response_done(&rsp);
		return ok;
	}
	http_response_done(&rsp);
	if (!ok)
		return false;
	/* Older regions or clouds: the legacy orchestrators list. */
	u = url(a, ARM_API_ORCHESTRATORS, "/subscriptions/%s/providers/"
	    "Microsoft.ContainerService/locations/%s/orchestrators?"
	    "resource-type=managedClusters", sub, loc);
	http_response_init(&rsp);
	ok = get_ok(a, u, &rsp, err) &&
	    arm_parse_orchestrators(buf_str(&rsp.body), l, err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

/* The VM sizes a region offers (Microsoft.Compute). */
bool
arm_list_vm_sizes(struct arm *a, const char *sub, const char *loc,
    struct arm_vm_size_list *l, struct err *err)
{
	struct http_response	 rsp;
	char			*u = url(a, ARM_API_COMPUTE,
				    "/subscriptions/%s/"
				    "providers/Microsoft.Compute/locations/%s/"
				    "vmSizes", sub, loc);
	bool			 ok;

	http_response_init(&rsp);
	ok = get_ok(a, u, &rsp, err) &&
	    arm_parse_vm_sizes(buf_str(&rsp.body), l, err);
	http_response_done(&rsp);
	free(u);
	return ok;
}

/* The vCPU usages and limits of a region. */
bool
arm_list_usages(struct arm *a, const char *sub, const char *loc,
    struct arm_usage_list *l, struct err *err)
{
	return get_pages(a, url(a, ARM_API_COMPUTE, "/subscriptions/%s/"
	    "providers/Microsoft.Compute/locations/%s/usages", sub, loc),
	    arm_parse_usages_page,
	    arm_parse_usages_free, l, err);
}
