/*
 * The parsers of Resource Manager answers (arm.h).  Every parser copies
 * what it needs out of the json-c tree and drops the tree; a member the
 * answer lacks stays NULL (strings) or 0/-1 (numbers), and a member of the
 * wrong JSON type counts as lacking.  No I/O here: the tests feed the
 * parsers the published examples.
 */
#include "config.h"
#include "azure/arm.h"

#include <ctype.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/evp.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan.h"
#include "core/rules-k8s.h"
#include "core/state.h"
#include "core/text.h"
#include "plan/plan-k8s.h"

/* JSON helpers: NULL or 0 when absent or of another type. */
static json_object *
jget(json_object *o, const char *key, json_type t)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, t))
		return NULL;
	return v;
}

/*
 * A copy of a string member, or NULL.  Control characters come out
 * escaped (core/text.h): whatever shows a description, a name or an
 * error message later cannot be made to drive the terminal.
 */
static char *
jdup(json_object *o, const char *key)
{
	json_object	*v = jget(o, key, json_type_string);

	return v != NULL ? text_escape_dup(json_object_get_string(v), 0) :
	    NULL;
}

/*
 * The copies a compute read in place (arm_parse_computes_each) made: its
 * strings point into the page's json-c tree, but for those that had to be
 * escaped, and the ones made up (joined names, an error's detail), kept
 * here until the row is written.
 */
struct copies {
	char	**v;
	size_t	  n, alloc;
};

/* s (made for the compute) kept in k to be freed with it; s without k. */
static char *
keep(struct copies *k, char *s)
{
	if (k == NULL || s == NULL)
		return s;
	if (k->n == k->alloc) {
		k->alloc = k->alloc ? k->alloc * 2 : 8;
		k->v = xreallocarray(k->v, k->alloc, sizeof *k->v);
	}
	return k->v[k->n++] = s;
}

static void
copies_free(struct copies *k)
{
	while (k->n > 0)
		free(k->v[--k->n]);
}

/*
 * A copy of the string value v (escaped, as jdup()), or with k the json-c
 * string itself when text_escape() leaves it as it is (printable ASCII
 * nearly always), an escaped copy in k if not; NULL if v is no string.
 */
static char *
vstr(json_object *v, struct copies *k)
{
	const char	*s;
	size_t		 n;

	if (!json_object_is_type(v, json_type_string))
		return NULL;
	s = json_object_get_string(v);
	if (k == NULL)
		return text_escape_dup(s, 0);
	for (n = 0; (unsigned char)s[n] >= 0x20 &&
	    (unsigned char)s[n] < 0x7f; n++)
		;
	if (s[n] == '\0' || text_is_safe(s, 0))
		return (char *)(uintptr_t)s;
	return keep(k, text_escape_dup(s, 0));
}

/* An integer value, also sent as a string ("86399"); def if not one. */
static long
vlong(json_object *v, long def)
{
	if (v == NULL)
		return def;
	if (json_object_is_type(v, json_type_int))
		return (long)json_object_get_int64(v);
	if (json_object_is_type(v, json_type_double))
		return (long)json_object_get_double(v);
	if (json_object_is_type(v, json_type_string)) {
		char		*end;
		const char	*s = json_object_get_string(v);
		long		 n = strtol(s, &end, 10);

		return end != s && *end == '\0' ? n : def;
	}
	return def;
}

/* An integer member, also when sent as a string ("86399"); def if absent. */
static long
jlong(json_object *o, const char *key, long def)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return def;
	return vlong(v, def);
}

/* A boolean value (also "true" as a string); false if not one. */
static bool
vbool(json_object *v)
{
	if (json_object_is_type(v, json_type_boolean))
		return json_object_get_boolean(v);
	/* Some answers send "true"/"True" as strings. */
	return json_object_is_type(v, json_type_string) &&
	    strcasecmp(json_object_get_string(v), "true") == 0;
}

/* A boolean member (also "true" as a string); false if absent. */
static bool
jbool(json_object *o, const char *key)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return false;
	return vbool(v);
}

/*
 * The members of o named in keys[n], in one pass over o (no hash lookups:
 * a compute has some twenty members to read, and as many lookups were a
 * tenth of a long list's instructions); out[i] is keys[i]'s value, NULL
 * when o lacks it or is no object.  The caller checks each value's type.
 */
static void
members(json_object *o, const char *const keys[], size_t n,
    json_object *out[])
{
	size_t	i;

	memset(out, 0, n * sizeof *out);
	if (o == NULL || !json_object_is_type(o, json_type_object))
		return;
	json_object_object_foreach(o, key, val) {
		for (i = 0; i < n; i++)
			if (key[0] == keys[i][0] && strcmp(key, keys[i]) == 0) {
				out[i] = val;
				break;
			}
	}
}

/* v if it is of type t, else NULL. */
static json_object *
vtype(json_object *v, json_type t)
{
	return json_object_is_type(v, t) ? v : NULL;
}

/*
 * A list's pages are parsed with one json-c tokener, kept here from a page
 * to the next (a list parses a page at a time, maybe on another thread):
 * a tokener made afresh for each page cost 3% of a 10,000-compute list's
 * instructions (its stack's allocation made malloc consolidate the chunks
 * the page before freed).  arm_parse_release() frees the one kept.
 */
static _Atomic(struct json_tokener *) spare_tokener;

static struct json_tokener *
tokener_take(bool page)
{
	struct json_tokener	*tok = NULL;

	if (page)
		tok = atomic_exchange(&spare_tokener, NULL);
	if (tok == NULL)
		return json_tokener_new();
	json_tokener_reset(tok);
	return tok;
}

static void
tokener_give(struct json_tokener *tok, bool page)
{
	if (page)
		tok = atomic_exchange(&spare_tokener, tok);
	if (tok != NULL)
		json_tokener_free(tok);
}

void
arm_parse_release(void)
{
	tokener_give(NULL, true);
}

/*
 * Parse body as JSON of type t; false-like NULL + ERR_PARSE otherwise.
 * A list page (page) reuses the tokener of the one before.
 */
static json_object *
parse_json(const char *body, json_type t, bool page, struct err *err)
{
	json_object		*root;
	struct json_tokener	*tok;

	if (body == NULL || *body == '\0') {
		err_set(err, ERR_PARSE, _("the service sent an empty answer"));
		return NULL;
	}
	tok = tokener_take(page);
	root = json_tokener_parse_ex(tok, body, (int)strlen(body));
	if (root == NULL ||
	    json_tokener_get_error(tok) != json_tokener_success) {
		if (json_tokener_get_error(tok) == json_tokener_continue)
			err_set(err, ERR_PARSE, _("the service's answer ends "
			    "in the middle of its JSON (truncated)"));
		else
			err_set(err, ERR_PARSE, _("the service sent malformed "
			    "JSON (%s)"), json_tokener_error_desc(
			    json_tokener_get_error(tok)));
		tokener_give(tok, page);
		json_object_put(root);
		return NULL;
	}
	tokener_give(tok, page);
	if (!json_object_is_type(root, t)) {
		err_set(err, ERR_PARSE, _("the service sent JSON of an "
		    "unexpected shape"));
		json_object_put(root);
		return NULL;
	}
	return root;
}

static json_object *
parse_root(const char *body, json_type t, struct err *err)
{
	return parse_json(body, t, false, err);
}

/*
 * The "value" (or key) array of a list answer (*arr NULL if absent), and
 * its nextLink.  False if the member is there but not a list.
 */
static bool
list_array(json_object *root, const char *key, char **next,
    json_object **arr, struct err *err)
{
	json_object	*nl, *v;

	*arr = jget(root, key, json_type_array);
	if (next != NULL) {
		*next = NULL;
		nl = jget(root, "nextLink", json_type_string);
		if (nl != NULL && json_object_get_string_len(nl) > 0)
			*next = xstrdup(json_object_get_string(nl));
	}
	if (*arr == NULL && json_object_object_get_ex(root, key, &v) &&
	    v != NULL) {
		if (next != NULL) {
			free(*next);
			*next = NULL;
		}
		return err_set(err, ERR_PARSE, _("the service sent \"%s\" "
		    "that is not a list"), key);
	}
	return true;
}

#define LIST_GROW(list) do {						\
	if ((list)->n == (list)->alloc) {				\
		(list)->alloc = (list)->alloc ? (list)->alloc * 2 : 16;	\
		(list)->v = xreallocarray((list)->v, (list)->alloc,	\
		    sizeof *(list)->v);					\
	}								\
	memset(&(list)->v[(list)->n], 0, sizeof *(list)->v);		\
} while (0)

/*
 * A list page's tree (caller puts it), its "value" array in *arr (NULL if
 * absent) and its nextLink; NULL + err if the page is no list.
 */
static json_object *
page_value(const char *body, char **next, json_object **arr,
    struct err *err)
{
	json_object	*root;

	if ((root = parse_json(body, json_type_object, true, err)) == NULL)
		return NULL;
	if (!list_array(root, "value", next, arr, err)) {
		json_object_put(root);
		return NULL;
	}
	return root;
}

/*
 * One page of a list answer: each element of its "value" array goes to
 * add(), which keeps it or not; nextLink goes to *next (when next is not
 * NULL).
 */
static bool
parse_page(const char *body, char **next, void (*add)(json_object *, void *),
    void *list, struct err *err)
{
	json_object	*root, *arr;
	size_t		 i;

	if ((root = page_value(body, next, &arr, err)) == NULL)
		return false;
	for (i = 0; arr != NULL && i < json_object_array_length(arr); i++)
		add(json_object_array_get_idx(arr, i), list);
	json_object_put(root);
	return true;
}

/* What ends a run of a JSON string's text: its quote, an escape, NUL. */
static const bool string_stop[256] = { ['"'] = true, ['\\'] = true,
	[0] = true };

/* Back from p (>= b) over JSON's white space. */
static const char *
back_space(const char *b, const char *p)
{
	while (p > b && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p--;
	return p;
}

/*
 * The nextLink of a page that ends with it, as Resource Manager's do
 * (...,"nextLink":"URL"}), read backwards from the end: the last member
 * of the top-level object when the body is JSON, without reading the
 * rest (a forward scan of every page was 5% of a long list's
 * instructions).  Every quote met is checked to be no escaped one (its
 * neighbour outside the string is ':', ',' or '{', never a backslash),
 * and the link has no escapes.  NULL when the page does not end so.  A
 * body that is not JSON at all is refused by its parse, which drops the
 * page asked for early.
 */
static char *
late_next_link(const char *b, size_t len)
{
	const char	*p, *q, *end;

	if (len < sizeof "{\"nextLink\":\"\"}" - 1)
		return NULL;
	p = back_space(b, b + len - 1);
	if (*p != '}' || p == b)
		return NULL;
	end = p = back_space(b, p - 1);
	if (*p != '"' || p == b)
		return NULL;
	/* the link: back to its opening quote, no backslash on the way */
	for (q = p - 1; q > b && *q != '"'; q--)
		if (*q == '\\')
			return NULL;
	if (q == end - 1 || q <= b)
		return NULL;
	p = back_space(b, q - 1);
	if (*p != ':' || p == b)
		return NULL;
	p = back_space(b, p - 1);
	if (p - b < 10 || memcmp(p - 9, "\"nextLink\"", 10) != 0)
		return NULL;
	p = back_space(b, p - 10);
	if (*p != ',' && *p != '{')
		return NULL;
	return xstrndup(q + 1, (size_t)(end - (q + 1)));
}

/*
 * The nextLink of a list page, read before the page is parsed: the string
 * member "nextLink" of the top-level object (the last one, as json-c
 * keeps), when the body is one balanced object and the link has no
 * escapes; NULL otherwise (then nothing is asked for early).
 */
char *
arm_page_next_link(const char *b, size_t len)
{
	const char	*p, *end = b + len, *s, *link = NULL;
	char		*late;
	size_t		 link_len = 0;
	int		 depth = 0;
	bool		 want_key = false, is_next = false, escaped;

	if ((late = late_next_link(b, len)) != NULL)
		return late;
	for (p = b; p < end && isspace((unsigned char)*p); p++)
		;
	if (p == end || *p != '{')
		return NULL;
	for (; p < end; p++) {
		switch (*p) {
		case '"':
			/* to the closing quote (the body ends in NUL) */
			escaped = false;
			for (s = ++p; p < end; p++) {
				while (!string_stop[(unsigned char)*p])
					p++;
				if (*p != '\\')
					break;
				escaped = true;
				if (++p == end)
					break;
			}
			if (p >= end || *p != '"')
				return NULL;
			if (depth != 1)
				break;
			if (want_key) {
				is_next = p - s == 8 &&
				    memcmp(s, "nextLink", 8) == 0;
				want_key = false;
			} else if (is_next) {
				if (escaped)
					return NULL;
				link = s;
				link_len = (size_t)(p - s);
				is_next = false;
			}
			break;
		case '{':
		case '[':
			if (++depth == 1)
				want_key = true;
			break;
		case '}':
		case ']':
			if (--depth == 0) {
				for (p++; p < end &&
				    isspace((unsigned char)*p); p++)
					;
				if (p != end || link == NULL ||
				    link_len == 0)
					return NULL;
				return xstrndup(link, link_len);
			}
			if (depth < 0)
				return NULL;
			break;
		case ',':
			if (depth == 1)
				want_key = true;
			/* FALLTHROUGH */
		case ':':
			break;
		default:
			/* a value that is not a string ends a nextLink */
			if (depth == 1 && !want_key &&
			    !isspace((unsigned char)*p))
				is_next = false;
			break;
		}
	}
	return NULL;
}

/* Resource group from an ARM id (".../resourceGroups/NAME/..."). */
static char *
id_resource_group(const char *id)
{
	const char	*p, *e;

	if (id == NULL)
		return NULL;
	for (p = id; (p = strchr(p, '/')) != NULL; p++)
		if (strncasecmp(p, "/resourceGroups/", 16) == 0) {
			p += 16;
			e = strchr(p, '/');
			return e != NULL ? xstrndup(p, (size_t)(e - p)) :
			    xstrdup(p);
		}
	return NULL;
}

/* Subscriptions. */

/* Keep one element of a subscriptions page, if it is usable. */
static void
subscription_add(json_object *e, void *list)
{
	struct arm_subscription_list	*l = list;

	if (!json_object_is_type(e, json_type_object))
		return;
	LIST_GROW(l);
	l->v[l->n].id = jdup(e, "subscriptionId");
	l->v[l->n].name = jdup(e, "displayName");
	l->v[l->n].state = jdup(e, "state");
	l->v[l->n].tenant = jdup(e, "tenantId");
	if (l->v[l->n].id != NULL)
		l->n++;
}

/* A page of subscriptions. */
bool
arm_parse_subscriptions(const char *body, struct arm_subscription_list *l,
    char **next, struct err *err)
{
	return parse_page(body, next, subscription_add, l, err);
}

/* Free the list and its strings. */
void
arm_subscription_list_free(struct arm_subscription_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].name);
		free(l->v[i].state);
		free(l->v[i].tenant);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Resource groups. */

/* Keep one element of a groups page, if it is usable. */
static void
group_add(json_object *e, void *list)
{
	struct arm_group_list	*l = list;

	LIST_GROW(l);
	l->v[l->n].name = jdup(e, "name");
	l->v[l->n].location = jdup(e, "location");
	if (l->v[l->n].name != NULL)
		l->n++;
	else
		free(l->v[l->n].location);
}

/* A page of resource groups. */
bool
arm_parse_groups(const char *body, struct arm_group_list *l, char **next,
    struct err *err)
{
	return parse_page(body, next, group_add, l, err);
}

/* Free the list and its strings. */
void
arm_group_list_free(struct arm_group_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].location);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Workspaces. */

/* The members of a workspace object. */
static void
workspace_from(json_object *e, struct arm_workspace *w)
{
	w->id = jdup(e, "id");
	w->name = jdup(e, "name");
	w->location = jdup(e, "location");
	w->resource_group = id_resource_group(w->id);
}

/* Free a workspace's strings. */
void
arm_workspace_done(struct arm_workspace *w)
{
	free(w->id);
	free(w->name);
	free(w->location);
	free(w->resource_group);
	memset(w, 0, sizeof *w);
}

/* One workspace answer. */
bool
arm_parse_workspace(const char *body, struct arm_workspace *w,
    struct err *err)
{
	json_object	*root;

	memset(w, 0, sizeof *w);
	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	workspace_from(root, w);
	json_object_put(root);
	if (w->name == NULL) {
		arm_workspace_done(w);
		return err_set(err, ERR_PARSE, _("the workspace answer has no "
		    "name"));
	}
	return true;
}

/* Keep one element of a workspaces page, if it is usable. */
static void
workspace_add(json_object *elem, void *list)
{
	struct arm_workspace_list	*l = list;

	LIST_GROW(l);
	workspace_from(elem, &l->v[l->n]);
	if (l->v[l->n].name != NULL)
		l->n++;
	else
		arm_workspace_done(&l->v[l->n]);
}

/* A page of workspaces. */
bool
arm_parse_workspaces(const char *body, struct arm_workspace_list *l,
    char **next, struct err *err)
{
	return parse_page(body, next, workspace_add, l, err);
}

/* Free the list and its entries. */
void
arm_workspace_list_free(struct arm_workspace_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		arm_workspace_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Computes. */

/* "Code: message", or the message alone without a code (caller frees). */
static char *
code_message(const char *code, const char *msg)
{
	size_t	 len = strlen(msg) + (code != NULL ? strlen(code) : 0) + 3;
	char	*s = xmalloc(len);

	snprintf(s, len, "%s%s%s", code != NULL ? code : "",
	    code != NULL ? ": " : "", msg);
	return s;
}

/*
 * "Code: message" of the innermost error under e (details[0], then its
 * details[0] ...), which says why a "BadRequest: The request is invalid"
 * failed; NULL when e has no details.  Caller frees.
 */
static char *
compute_error_detail(json_object *e)
{
	json_object	*d, *in = NULL, *v;
	const char	*code = NULL, *msg;
	int		 depth;

	for (depth = 0; depth < 16; depth++) {
		d = jget(e, "details", json_type_array);
		if (d == NULL || json_object_array_length(d) == 0 ||
		    !json_object_is_type(json_object_array_get_idx(d, 0),
		    json_type_object))
			break;
		e = in = json_object_array_get_idx(d, 0);
	}
	if (in == NULL || (v = jget(in, "message", json_type_string)) == NULL)
		return NULL;
	msg = json_object_get_string(v);
	if ((v = jget(in, "code", json_type_string)) != NULL)
		code = json_object_get_string(v);
	return code_message(code, msg);
}

/* The names of a Kubernetes compute's instanceTypes map, "a, b". */
static char *
instance_type_names(json_object *types)
{
	struct buf	 b;
	char		*safe, *out;

	if (types == NULL)
		return NULL;
	buf_init(&b, 0);
	json_object_object_foreach(types, key, val) {
		(void)val;
		safe = text_escape_dup(key, 0);
		buf_addf(&b, "%s%s", b.len ? ", " : "", safe);
		free(safe);
	}
	out = b.len ? buf_take(&b) : NULL;
	buf_done(&b);
	return out;
}

/* The members of a compute read (members()), by level. */
static const char *const compute_keys[] = { "id", "name", "location",
	"properties" };
enum { CK_ID, CK_NAME, CK_LOCATION, CK_PROPERTIES, CK_N };
static const char *const compute_props_keys[] = { "computeType",
	"computeLocation", "provisioningState", "description", "resourceId",
	"isAttachedCompute", "createdOn", "modifiedOn", "provisioningErrors",
	"properties" };
enum { CP_TYPE, CP_LOCATION, CP_STATE, CP_DESCRIPTION, CP_RESOURCE_ID,
	CP_ATTACHED, CP_CREATED, CP_MODIFIED, CP_ERRORS, CP_PROPERTIES,
	CP_N };
/* AKS's properties, then KubernetesProperties (kubernetes-path.md C.2) */
static const char *const compute_pp_keys[] = { "clusterFqdn",
	"agentCount", "agentVmSize", "agentVMSize", "clusterPurpose",
	"loadBalancerType", "loadBalancerSubnet", "sslConfiguration",
	"namespace", "defaultInstanceType", "instanceTypes",
	"extensionInstanceReleaseTrain" };
enum { CQ_FQDN, CQ_COUNT, CQ_SIZE, CQ_SIZE_2020, CQ_PURPOSE, CQ_LB_TYPE,
	CQ_LB_SUBNET, CQ_SSL, CQ_NAMESPACE, CQ_DEFAULT_TYPE, CQ_TYPES,
	CQ_TRAIN, CQ_N };
static const char *const compute_ssl_keys[] = { "status", "cname",
	"leafDomainLabel" };
enum { CS_STATUS, CS_CNAME, CS_LEAF, CS_N };

/*
 * The members of a compute object, AKS properties included: copies, or
 * with k the tree's strings (k keeps what had to be made).
 */
static void
compute_from(json_object *e, struct arm_compute *c, struct copies *k)
{
	json_object	*ev[CK_N], *pv[CP_N], *qv[CQ_N], *sv[CS_N];
	json_object	*pe, *err;

	members(e, compute_keys, CK_N, ev);
	c->id = vstr(ev[CK_ID], k);
	c->name = vstr(ev[CK_NAME], k);
	c->location = vstr(ev[CK_LOCATION], k);
	c->agent_count = -1;
	if (vtype(ev[CK_PROPERTIES], json_type_object) == NULL)
		return;
	members(ev[CK_PROPERTIES], compute_props_keys, CP_N, pv);
	c->compute_type = vstr(pv[CP_TYPE], k);
	c->compute_location = vstr(pv[CP_LOCATION], k);
	c->provisioning_state = vstr(pv[CP_STATE], k);
	c->prov = provisioning_state_parse(c->provisioning_state);
	c->description = vstr(pv[CP_DESCRIPTION], k);
	c->resource_id = vstr(pv[CP_RESOURCE_ID], k);
	c->is_attached = vbool(pv[CP_ATTACHED]);
	c->created_on = vstr(pv[CP_CREATED], k);
	c->modified_on = vstr(pv[CP_MODIFIED], k);
	pe = vtype(pv[CP_ERRORS], json_type_array);
	if (pe != NULL && json_object_array_length(pe) > 0) {
		err = json_object_array_get_idx(pe, 0);
		if (jget(err, "error", json_type_object) != NULL)
			err = jget(err, "error", json_type_object);
		c->error_code = vstr(jget(err, "code", json_type_string), k);
		c->error_message = vstr(jget(err, "message",
		    json_type_string), k);
		c->error_detail = keep(k, compute_error_detail(err));
	}
	if (vtype(pv[CP_PROPERTIES], json_type_object) == NULL)
		return;
	members(pv[CP_PROPERTIES], compute_pp_keys, CQ_N, qv);
	c->cluster_fqdn = vstr(qv[CQ_FQDN], k);
	c->agent_count = (int)vlong(qv[CQ_COUNT], -1);
	c->agent_vm_size = vstr(qv[CQ_SIZE], k);
	if (c->agent_vm_size == NULL)
		c->agent_vm_size = vstr(qv[CQ_SIZE_2020], k);
	c->cluster_purpose = vstr(qv[CQ_PURPOSE], k);
	c->lb_type = vstr(qv[CQ_LB_TYPE], k);
	c->lb_subnet = vstr(qv[CQ_LB_SUBNET], k);
	if (vtype(qv[CQ_SSL], json_type_object) != NULL) {
		members(qv[CQ_SSL], compute_ssl_keys, CS_N, sv);
		c->ssl_status = vstr(sv[CS_STATUS], k);
		c->tls = tls_status_parse(c->ssl_status);
		c->ssl_cname = vstr(sv[CS_CNAME], k);
		c->ssl_leaf_label = vstr(sv[CS_LEAF], k);
	}
	/* KubernetesProperties (kubernetes-path.md C.2) */
	c->k8s_namespace = vstr(qv[CQ_NAMESPACE], k);
	c->default_instance_type = vstr(qv[CQ_DEFAULT_TYPE], k);
	c->instance_types = keep(k, instance_type_names(vtype(qv[CQ_TYPES],
	    json_type_object)));
	c->release_train = vstr(qv[CQ_TRAIN], k);
}

/* Free a compute's strings. */
void
arm_compute_done(struct arm_compute *c)
{
	char	**s[] = { &c->id, &c->name, &c->location, &c->compute_type,
		    &c->compute_location, &c->provisioning_state,
		    &c->description, &c->resource_id, &c->created_on,
		    &c->modified_on, &c->cluster_fqdn, &c->agent_vm_size,
		    &c->cluster_purpose, &c->lb_type, &c->lb_subnet,
		    &c->ssl_status, &c->ssl_cname, &c->ssl_leaf_label,
		    &c->k8s_namespace, &c->default_instance_type,
		    &c->instance_types, &c->release_train, &c->error_code, &c->error_message, &c->error_detail };
	size_t	i;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		free(*s[i]);
	memset(c, 0, sizeof *c);
	c->agent_count = -1;
}

/* One compute answer. */
bool
arm_parse_compute(const char *body, struct arm_compute *c, struct err *err)
{
	json_object	*root;

	memset(c, 0, sizeof *c);
	c->agent_count = -1;
	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	compute_from(root, c, NULL);
	json_object_put(root);
	if (c->name == NULL) {
		arm_compute_done(c);
		return err_set(err, ERR_PARSE, _("the compute answer has no "
		    "name"));
	}
	return true;
}

/* Keep one element of a computes page, if it is usable. */
static void
compute_add(json_object *elem, void *list)
{
	struct arm_compute_list	*l = list;

	LIST_GROW(l);
	compute_from(elem, &l->v[l->n], NULL);
	if (l->v[l->n].name != NULL)
		l->n++;
	else
		arm_compute_done(&l->v[l->n]);
}

/* A page of computes. */
bool
arm_parse_computes(const char *body, struct arm_compute_list *l, char **next,
    struct err *err)
{
	return parse_page(body, next, compute_add, l, err);
}

/*
 * A page of computes handed to row() one at a time, read in place: each
 * compute's strings are the page's own (escaped where they must be, as
 * arm_parse_computes() escapes them), valid during the call only.  For a
 * list written as it is read (akswiz list), it spares a copy of every
 * string and its free.
 */
bool
arm_parse_computes_each(const char *body, char **next,
    void (*row)(const struct arm_compute *, void *), void *arg,
    struct err *err)
{
	json_object		*root, *arr;
	struct copies		 k = { 0 };
	struct arm_compute	 c;
	size_t			 i;

	if ((root = page_value(body, next, &arr, err)) == NULL)
		return false;
	for (i = 0; arr != NULL && i < json_object_array_length(arr); i++) {
		memset(&c, 0, sizeof c);
		compute_from(json_object_array_get_idx(arr, i), &c, &k);
		if (c.name != NULL)
			row(&c, arg);
		copies_free(&k);
	}
	free(k.v);
	json_object_put(root);
	return true;
}

/* Free the list and its entries. */
void
arm_compute_list_free(struct arm_compute_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		arm_compute_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Managed clusters. */

/* The members of a managed cluster object and its pools. */
static void
cluster_from(json_object *e, struct arm_cluster *c)
{
	json_object	*p, *ps, *pools, *api, *ranges, *net;
	struct buf	 b;
	size_t		 i, n;

	c->id = jdup(e, "id");
	c->name = jdup(e, "name");
	c->location = jdup(e, "location");
	c->created_by = jdup(jget(e, "tags", json_type_object),
	    PLAN_K8S_TAG);
	if ((p = jget(e, "properties", json_type_object)) == NULL)
		return;
	c->provisioning_state = jdup(p, "provisioningState");
	c->prov = provisioning_state_parse(c->provisioning_state);
	if ((ps = jget(p, "servicePrincipalProfile", json_type_object)) !=
	    NULL && (api = jget(ps, "clientId", json_type_string)) != NULL &&
	    strcasecmp(json_object_get_string(api), "msi") != 0) {
		api = jget(jget(e, "identity", json_type_object), "type",
		    json_type_string);
		c->service_principal = api == NULL || strcasecmp(
		    json_object_get_string(api), "None") == 0;
	}
	if ((ps = jget(p, "powerState", json_type_object)) != NULL)
		c->power_state = jdup(ps, "code");
	c->version = jdup(p, "currentKubernetesVersion");
	if (c->version == NULL)
		c->version = jdup(p, "kubernetesVersion");
	c->fqdn = jdup(p, "fqdn");
	c->private_fqdn = jdup(p, "privateFQDN");
	if ((api = jget(p, "apiServerAccessProfile", json_type_object))
	    != NULL) {
		c->private_cluster = jbool(api, "enablePrivateCluster");
		ranges = jget(api, "authorizedIPRanges", json_type_array);
		if (ranges != NULL && json_object_array_length(ranges) > 0) {
			buf_init(&b, 0);
			n = json_object_array_length(ranges);
			for (i = 0; i < n; i++) {
				json_object *r = json_object_array_get_idx(
				    ranges, i);

				if (!json_object_is_type(r, json_type_string))
					continue;
				char *safe = text_escape_dup(
				    json_object_get_string(r), 0);

				buf_addf(&b, "%s%s", b.len ? ", " : "", safe);
				free(safe);
			}
			c->authorized_ranges = b.len ? buf_take(&b) : NULL;
			buf_done(&b);
		}
	}
	if ((net = jget(p, "networkProfile", json_type_object)) != NULL)
		c->lb_sku = jdup(net, "loadBalancerSku");
	if ((pools = jget(p, "agentPoolProfiles", json_type_array)) != NULL) {
		n = json_object_array_length(pools);
		c->pools = xcalloc(n ? n : 1, sizeof *c->pools);
		for (i = 0; i < n; i++) {
			json_object *a = json_object_array_get_idx(pools, i);

			if (!json_object_is_type(a, json_type_object))
				continue;
			c->pools[c->npools].name = jdup(a, "name");
			c->pools[c->npools].count = (int)jlong(a, "count", 0);
			c->pools[c->npools].vm_size = jdup(a, "vmSize");
			c->pools[c->npools].mode = jdup(a, "mode");
			c->pools[c->npools].autoscale = jbool(a,
			    "enableAutoScaling");
			c->pools[c->npools].min_count = (int)jlong(a,
			    "minCount", -1);
			c->pools[c->npools].max_count = (int)jlong(a,
			    "maxCount", -1);
			c->npools++;
		}
	}
}

/* Free a cluster's strings and pools. */
void
arm_cluster_done(struct arm_cluster *c)
{
	size_t	i;

	free(c->id);
	free(c->name);
	free(c->location);
	free(c->provisioning_state);
	free(c->power_state);
	free(c->version);
	free(c->fqdn);
	free(c->private_fqdn);
	free(c->authorized_ranges);
	free(c->lb_sku);
	free(c->created_by);
	for (i = 0; i < c->npools; i++) {
		free(c->pools[i].name);
		free(c->pools[i].vm_size);
		free(c->pools[i].mode);
	}
	free(c->pools);
	memset(c, 0, sizeof *c);
}

/* One managed cluster answer. */
bool
arm_parse_cluster(const char *body, struct arm_cluster *c, struct err *err)
{
	json_object	*root;

	memset(c, 0, sizeof *c);
	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	cluster_from(root, c);
	json_object_put(root);
	if (c->id == NULL) {
		arm_cluster_done(c);
		return err_set(err, ERR_PARSE, _("the cluster answer has no "
		    "id"));
	}
	return true;
}

/* Keep one element of a clusters page, if it is usable. */
static void
cluster_add(json_object *elem, void *list)
{
	struct arm_cluster_list	*l = list;

	LIST_GROW(l);
	cluster_from(elem, &l->v[l->n]);
	if (l->v[l->n].id != NULL)
		l->n++;
	else
		arm_cluster_done(&l->v[l->n]);
}

/* A page of managed clusters. */
bool
arm_parse_clusters(const char *body, struct arm_cluster_list *l, char **next,
    struct err *err)
{
	return parse_page(body, next, cluster_add, l, err);
}

/* Free the list and its entries. */
void
arm_cluster_list_free(struct arm_cluster_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		arm_cluster_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Cluster extensions. */

/* The members of an extension object (protected settings never read). */
static void
extension_from(json_object *e, struct arm_extension *x)
{
	json_object	*p, *set, *st, *ei;
	size_t		 i, n;

	x->id = jdup(e, "id");
	x->name = jdup(e, "name");
	if ((p = jget(e, "properties", json_type_object)) == NULL)
		return;
	x->extension_type = jdup(p, "extensionType");
	x->version = jdup(p, "version");
	x->current_version = jdup(p, "currentVersion");
	if (x->current_version == NULL)	/* 2022-03-01 and 2022-07-01 */
		x->current_version = jdup(p, "installedVersion");
	x->release_train = jdup(p, "releaseTrain");
	x->auto_upgrade = jbool(p, "autoUpgradeMinorVersion");
	x->release_namespace = jdup(jget(jget(p, "scope", json_type_object),
	    "cluster", json_type_object), "releaseNamespace");
	x->provisioning_state = jdup(p, "provisioningState");
	x->prov = provisioning_state_parse(x->provisioning_state);
	if ((set = jget(p, "configurationSettings", json_type_object))
	    != NULL) {
		n = (size_t)json_object_object_length(set);
		x->setting_keys = xcalloc(n ? n : 1, sizeof *x->setting_keys);
		x->setting_values = xcalloc(n ? n : 1,
		    sizeof *x->setting_values);
		json_object_object_foreach(set, key, val) {
			if (x->nsettings == n ||
			    !json_object_is_type(val, json_type_string))
				continue;
			x->setting_keys[x->nsettings] = text_escape_dup(key, 0);
			x->setting_values[x->nsettings++] = text_escape_dup(
			    json_object_get_string(val), 0);
		}
	}
	if ((st = jget(p, "statuses", json_type_array)) != NULL) {
		n = json_object_array_length(st);
		x->statuses = xcalloc(n ? n : 1, sizeof *x->statuses);
		for (i = 0; i < n; i++) {
			json_object *o = json_object_array_get_idx(st, i);

			if (!json_object_is_type(o, json_type_object))
				continue;
			x->statuses[x->nstatuses].code = jdup(o, "code");
			x->statuses[x->nstatuses].display_status = jdup(o,
			    "displayStatus");
			x->statuses[x->nstatuses].level = jdup(o, "level");
			x->statuses[x->nstatuses++].message = jdup(o,
			    "message");
		}
	}
	if ((ei = jget(p, "errorInfo", json_type_object)) != NULL) {
		x->error_code = jdup(ei, "code");
		x->error_message = jdup(ei, "message");
	}
}

/* Free an extension's strings. */
void
arm_extension_done(struct arm_extension *x)
{
	char	**s[] = { &x->id, &x->name, &x->extension_type, &x->version,
		    &x->current_version, &x->release_train,
		    &x->release_namespace, &x->provisioning_state,
		    &x->error_code, &x->error_message };
	size_t	i;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		free(*s[i]);
	for (i = 0; i < x->nsettings; i++) {
		free(x->setting_keys[i]);
		free(x->setting_values[i]);
	}
	free(x->setting_keys);
	free(x->setting_values);
	for (i = 0; i < x->nstatuses; i++) {
		free(x->statuses[i].code);
		free(x->statuses[i].display_status);
		free(x->statuses[i].level);
		free(x->statuses[i].message);
	}
	free(x->statuses);
	memset(x, 0, sizeof *x);
}

/* One extension answer. */
bool
arm_parse_extension(const char *body, struct arm_extension *x,
    struct err *err)
{
	json_object	*root;

	memset(x, 0, sizeof *x);
	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	extension_from(root, x);
	json_object_put(root);
	if (x->name == NULL) {
		arm_extension_done(x);
		return err_set(err, ERR_PARSE, _("the extension answer has no "
		    "name"));
	}
	return true;
}

/* A public setting's value, the key compared without case. */
const char *
arm_extension_setting(const struct arm_extension *x, const char *key)
{
	size_t	i;

	for (i = 0; key != NULL && i < x->nsettings; i++)
		if (strcasecmp(x->setting_keys[i], key) == 0)
			return x->setting_values[i];
	return NULL;
}

/* The load balancer the settings make, read with core's names (B.5). */
const char *
arm_extension_lb_type(const struct arm_extension *x)
{
	const char		*router = arm_extension_router(x);
	const char		*provider = arm_extension_setting(x,
				    EXT_SET_ILB_PROVIDER);
	enum router_service	 r = ROUTER_LOADBALANCER;

	if (router != NULL && !router_service_parse(router, &r))
		return router;		/* as set, whatever it is */
	/* k8s_extension_settings() sets an internal provider but with
	 * NodePort, where it means nothing. */
	if (r != ROUTER_NODEPORT && provider != NULL &&
	    strcasecmp(provider, "azure") == 0)
		return lb_type_name(LB_INTERNAL);
	return r == ROUTER_LOADBALANCER ? lb_type_name(LB_PUBLIC) :
	    router_service_name(r);
}

/* TLS as the settings have it: off only when insecure is allowed. */
const char *
arm_extension_ssl_status(const struct arm_extension *x)
{
	return tls_status_text(ext_setting_true(arm_extension_setting(x,
	    EXT_SET_INSECURE)) ? TLS_STATUS_DISABLED : TLS_STATUS_ENABLED);
}

/* The settings akswiz reads back, by core's names (rules-k8s.h). */
const char *
arm_extension_purpose(const struct arm_extension *x)
{
	return arm_extension_setting(x, EXT_SET_PURPOSE);
}

const char *
arm_extension_router(const struct arm_extension *x)
{
	return arm_extension_setting(x, EXT_SET_ROUTER);
}

const char *
arm_extension_cname(const struct arm_extension *x)
{
	return arm_extension_setting(x, EXT_SET_CNAME);
}

/* "code: message" of the first Error status, else of errorInfo. */
char *
arm_extension_problem(const struct arm_extension *x)
{
	const char	*code = x->error_code, *msg = x->error_message;
	size_t		 i;

	for (i = 0; i < x->nstatuses; i++)
		if (x->statuses[i].level != NULL &&
		    strcasecmp(x->statuses[i].level, "Error") == 0 &&
		    x->statuses[i].message != NULL) {
			code = x->statuses[i].code;
			msg = x->statuses[i].message;
			break;
		}
	return msg != NULL ? code_message(code, msg) : NULL;
}

/* The first kubeconfig of listClusterUserCredential, base64-decoded. */
bool
arm_parse_credentials(const char *body, char **kubeconfig, struct err *err)
{
	json_object	*root, *arr, *v;
	const char	*b64;
	unsigned char	*out;
	size_t		 len;
	int		 n;

	*kubeconfig = NULL;
	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	arr = jget(root, "kubeconfigs", json_type_array);
	v = arr != NULL && json_object_array_length(arr) > 0 ?
	    jget(json_object_array_get_idx(arr, 0), "value",
	    json_type_string) : NULL;
	if (v == NULL) {
		json_object_put(root);
		return err_set(err, ERR_PARSE, _("the credentials answer has "
		    "no kubeconfig"));
	}
	b64 = json_object_get_string(v);
	len = strlen(b64);
	out = xmalloc(len / 4 * 3 + 4);
	n = EVP_DecodeBlock(out, (const unsigned char *)b64, (int)len);
	if (n < 0 || len % 4 != 0) {
		json_object_put(root);
		free(out);
		return err_set(err, ERR_PARSE, _("the kubeconfig is not "
		    "base64"));
	}
	/* EVP_DecodeBlock counts padding as zero bytes. */
	if (len >= 1 && b64[len - 1] == '=')
		n--;
	if (len >= 2 && b64[len - 2] == '=')
		n--;
	json_object_put(root);
	out[n] = '\0';
	*kubeconfig = (char *)out;
	return true;
}

/* Kubernetes versions. */

/* Append a version to the list. */
static void
version_add(struct arm_k8s_version_list *l, const char *v, bool def,
    bool preview)
{
	LIST_GROW(l);
	l->v[l->n].version = text_escape_dup(v, 0);
	l->v[l->n].is_default = def;
	l->v[l->n].is_preview = preview;
	l->n++;
}

bool
arm_parse_k8s_versions(const char *body, struct arm_k8s_version_list *l,
    struct err *err)
{
	json_object	*root, *arr, *e, *v;
	size_t		 i;

	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	if ((arr = jget(root, "values", json_type_array)) == NULL) {
		json_object_put(root);
		return err_set(err, ERR_PARSE, _("the Kubernetes versions "
		    "answer has no \"values\" list"));
	}
	for (i = 0; i < json_object_array_length(arr); i++) {
		e = json_object_array_get_idx(arr, i);
		if ((v = jget(e, "version", json_type_string)) == NULL)
			continue;
		version_add(l, json_object_get_string(v),
		    jbool(e, "isDefault"), jbool(e, "isPreview"));
	}
	json_object_put(root);
	return true;
}

/* The Kubernetes entries of the legacy orchestrators answer. */
bool
arm_parse_orchestrators(const char *body, struct arm_k8s_version_list *l,
    struct err *err)
{
	json_object	*root, *arr, *e, *t, *v;
	size_t		 i;

	if ((root = parse_root(body, json_type_object, err)) == NULL)
		return false;
	arr = jget(jget(root, "properties", json_type_object),
	    "orchestrators", json_type_array);
	if (arr == NULL) {
		json_object_put(root);
		return err_set(err, ERR_PARSE, _("the orchestrators answer "
		    "has no list"));
	}
	for (i = 0; i < json_object_array_length(arr); i++) {
		e = json_object_array_get_idx(arr, i);
		t = jget(e, "orchestratorType", json_type_string);
		v = jget(e, "orchestratorVersion", json_type_string);
		if (t == NULL || v == NULL ||
		    strcasecmp(json_object_get_string(t), "Kubernetes") != 0)
			continue;
		version_add(l, json_object_get_string(v), jbool(e, "default"),
		    jbool(e, "isPreview"));
	}
	json_object_put(root);
	return true;
}

void
arm_k8s_version_list_free(struct arm_k8s_version_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].version);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* VM sizes and usages. */

/* Keep one element of a vm sizes page, if it is usable. */
static void
vm_size_add(json_object *e, void *list)
{
	struct arm_vm_size_list	*l = list;

	if (jget(e, "name", json_type_string) == NULL)
		return;
	LIST_GROW(l);
	l->v[l->n].name = jdup(e, "name");
	l->v[l->n].vcpus = (int)jlong(e, "numberOfCores", 0);
	l->v[l->n].memory_mb = jlong(e, "memoryInMB", 0);
	l->n++;
}

/* The vmSizes answer. */
bool
arm_parse_vm_sizes(const char *body, struct arm_vm_size_list *l,
    struct err *err)
{
	return parse_page(body, NULL, vm_size_add, l, err);
}

/* Free the list and its strings. */
void
arm_vm_size_list_free(struct arm_vm_size_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Keep one element of a usages page, if it is usable. */
static void
usage_add(json_object *e, void *list)
{
	struct arm_usage_list	*l = list;
	json_object	*name;

	name = jget(e, "name", json_type_object);
	if (jget(name, "value", json_type_string) == NULL)
		return;
	LIST_GROW(l);
	l->v[l->n].name = jdup(name, "value");
	l->v[l->n].label = jdup(name, "localizedValue");
	l->v[l->n].current = jlong(e, "currentValue", 0);
	l->v[l->n].limit = jlong(e, "limit", 0);
	l->n++;
}

/* A page of usages. */
bool
arm_parse_usages(const char *body, struct arm_usage_list *l, char **next,
    struct err *err)
{
	return parse_page(body, next, usage_add, l, err);
}

/* Free the list and its strings. */
void
arm_usage_list_free(struct arm_usage_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].label);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The usage named name, without case. */
const struct arm_usage *
arm_usage_find(const struct arm_usage_list *l, const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < l->n; i++)
		if (strcasecmp(l->v[i].name, name) == 0)
			return &l->v[i];
	return NULL;
}

