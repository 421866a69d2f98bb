/*
 * The sandbox's world: loaded from a JSON file into plain structs (only a
 * compute's resource body stays a json-c object, because clients may PUT
 * any field the service knows), saved back in the same format so that a
 * --state file is simply a world that has lived.
 *
 * The "aad" section is not read here: aad_new() gets it as is.  Its
 * fields (shared with aad.c): "tenantId"; "servicePrincipals": [{
 * "clientId", "displayName", "clientSecret", "certificates": [...] }] --
 * the first one with a clientSecret is the built-in service principal
 * that --ready-file hands out; "publicClients": [client ids allowed to use
 * the device code flow]; "users": [{"userPrincipalName", "objectId"}];
 * "tokenLifetimeSeconds"; "deviceCodeApprovalPolls".
 *
 * Operations finish in world_tick(), called on every request: after N
 * polls of their status URL, or GETs of their resource, when
 * settings.pollsToComplete is N > 0 (what tests use: polls count, wall
 * time does not), else when their service
 * time divided by --speed has passed.  The outcome (success, or the error
 * it ends with) is decided when the operation starts.
 */
#include "config.h"

#include "sandbox/world.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "common/atomicfile.h"
#include "common/buf.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/vmcatalogue.h"

static const char *
jstr(struct json_object *o, const char *key, const char *def)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return def;
	return json_object_get_string(v);
}

static long
jint(struct json_object *o, const char *key, long def)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !(json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double)))
		return def;
	return (long)json_object_get_int64(v);
}

static bool
jbool(struct json_object *o, const char *key, bool def)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_boolean))
		return def;
	return json_object_get_boolean(v);
}

static struct json_object *
jarr(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_array))
		return NULL;
	return v;
}

static void
cpy(char *dst, size_t len, const char *src)
{
	strlcpy_ok(dst, src != NULL ? src : "", len);
}

/*
 * The world's copy of s, made once: the subscription, group and workspace
 * of 50,000 computes are a handful of strings, looked for from the
 * newest.
 */
static const char *
intern(struct sb_world *w, const char *s)
{
	size_t i;

	if (s == NULL)
		s = "";
	for (i = w->nstrs; i > 0; i--)
		if (strcmp(w->strs[i - 1], s) == 0)
			return w->strs[i - 1];
	w->strs = xreallocarray(w->strs, w->nstrs + 1, sizeof *w->strs);
	w->strs[w->nstrs] = xstrndup(s, SB_NAME - 1);
	return w->strs[w->nstrs++];
}

/* "standardDv2Family" -> "Standard Dv2 Family vCPUs" */
static void
family_label(const char *family, char *buf, size_t len)
{
	char core[SB_NAME];
	size_t n;

	if (strcasecmp(family, "cores") == 0) {
		cpy(buf, len, "Total Regional vCPUs");
		return;
	}
	if (strncasecmp(family, "standard", 8) == 0)
		family += 8;
	cpy(core, sizeof core, family);
	n = strlen(core);
	if (n > 6 && strcmp(core + n - 6, "Family") == 0)
		core[n - 6] = '\0';
	snprintf(buf, len, "Standard %.90s Family vCPUs", core);
}

/* The "settings" section, with the defaults of akswiz-sandbox(1). */
static void
load_settings(struct sb_settings *s, struct json_object *o)
{
	s->page_size = (int)jint(o, "computePageSize", 2);
	if (s->page_size < 1)
		s->page_size = 1;
	s->polls_to_complete = (int)jint(o, "pollsToComplete", 0);
	s->create_seconds = (int)jint(o, "createSeconds", 600);
	s->attach_seconds = (int)jint(o, "attachSeconds", 300);
	s->update_seconds = (int)jint(o, "updateSeconds", 120);
	s->delete_seconds = (int)jint(o, "deleteSeconds", 60);
	s->retry_after = (int)jint(o, "retryAfterSeconds", 5);
	s->refuse_aks_create = jbool(o, "refuseAksCreate", true);
	s->policy_sync = jbool(o, "policyDenialSync", false);
	cpy(s->dns_suffix, sizeof s->dns_suffix,
	    jstr(o, "dnsSuffix", "cloudapp.azure.com"));
}

/* A subscription with its groups and per-region quotas. */
static void
load_sub(struct sb_subscription *s, struct json_object *o)
{
	struct json_object *a, *q;
	size_t i, j;

	cpy(s->id, sizeof s->id, jstr(o, "subscriptionId", ""));
	cpy(s->display, sizeof s->display, jstr(o, "displayName", s->id));
	cpy(s->state, sizeof s->state, jstr(o, "state", "Enabled"));
	cpy(s->quota_id, sizeof s->quota_id,
	    jstr(o, "quotaId", "PayAsYouGo_2014-09-01"));
	if ((a = jarr(o, "resourceGroups")) != NULL) {
		s->ngroups = json_object_array_length(a);
		s->groups = xcalloc(s->ngroups + 1, sizeof *s->groups);
		for (i = 0; i < s->ngroups; i++) {
			struct json_object *g = json_object_array_get_idx(a, i);
			struct json_object *p;
			struct sb_group *gr = &s->groups[i];

			cpy(gr->name, sizeof gr->name, jstr(g, "name", ""));
			cpy(gr->location, sizeof gr->location,
			    jstr(g, "location", "eastus"));
			if (json_object_object_get_ex(g, "denyPublicIpPolicy",
			    &p) && json_object_is_type(p, json_type_object)) {
				gr->deny_public_ip = true;
				cpy(gr->policy_name, sizeof gr->policy_name,
				    jstr(p, "assignmentName",
				    "deny-public-ip"));
				cpy(gr->policy_display,
				    sizeof gr->policy_display, jstr(p,
				    "displayName",
				    "load balancer should not have public IP"));
			}
		}
	}
	if (json_object_object_get_ex(o, "quotas", &q) &&
	    json_object_is_type(q, json_type_object)) {
		s->nquotas = (size_t)json_object_object_length(q);
		s->quotas = xcalloc(s->nquotas + 1, sizeof *s->quotas);
		i = 0;
		json_object_object_foreach(q, loc, list) {
			struct sb_quota *qq = &s->quotas[i++];

			cpy(qq->location, sizeof qq->location, loc);
			if (!json_object_is_type(list, json_type_array))
				continue;
			qq->n = json_object_array_length(list);
			qq->u = xcalloc(qq->n + 1, sizeof *qq->u);
			for (j = 0; j < qq->n; j++) {
				struct json_object *e =
				    json_object_array_get_idx(list, j);
				struct sb_usage *u = &qq->u[j];

				cpy(u->name, sizeof u->name,
				    jstr(e, "name", ""));
				family_label(u->name, u->label,
				    sizeof u->label);
				cpy(u->label, sizeof u->label,
				    jstr(e, "localizedName", u->label));
				u->limit = jint(e, "limit", 0);
				u->usage = jint(e, "currentValue", 0);
			}
		}
	}
}

/* A region: its VM sizes and Kubernetes versions. */
static void
load_location(struct sb_location *l, struct json_object *o)
{
	struct json_object *a;
	size_t i, j;

	cpy(l->name, sizeof l->name, jstr(o, "name", ""));
	cpy(l->display, sizeof l->display, jstr(o, "displayName", l->name));
	if ((a = jarr(o, "vmSizes")) != NULL) {
		l->nsizes = json_object_array_length(a);
		l->sizes = xcalloc(l->nsizes + 1, sizeof *l->sizes);
		for (i = 0; i < l->nsizes; i++)
			l->sizes[i] = xstrdup(json_object_get_string(
			    json_object_array_get_idx(a, i)));
	}
	if ((a = jarr(o, "kubernetesVersions")) != NULL) {
		l->nk8s = json_object_array_length(a);
		l->k8s = xcalloc(l->nk8s + 1, sizeof *l->k8s);
		for (i = 0; i < l->nk8s; i++) {
			struct json_object *v = json_object_array_get_idx(a, i);
			struct json_object *p = jarr(v, "patches");
			struct sb_k8s *k = &l->k8s[i];

			cpy(k->version, sizeof k->version,
			    jstr(v, "version", ""));
			k->is_default = jbool(v, "default", false);
			k->preview = jbool(v, "preview", false);
			k->retired = jbool(v, "retired", false);
			for (j = 0; p != NULL && j <
			    json_object_array_length(p) && j < 4; j++)
				cpy(k->patches[k->npatches++], SB_ID,
				    json_object_get_string(
				    json_object_array_get_idx(p, j)));
		}
	}
}

/* An AKS cluster and its node pools. */
static void
load_cluster(struct sb_cluster *c, struct json_object *o)
{
	struct json_object *a;
	size_t i;

	cpy(c->sub, sizeof c->sub, jstr(o, "subscriptionId", ""));
	cpy(c->group, sizeof c->group, jstr(o, "resourceGroup", ""));
	cpy(c->name, sizeof c->name, jstr(o, "name", ""));
	cpy(c->location, sizeof c->location, jstr(o, "location", "eastus"));
	cpy(c->version, sizeof c->version,
	    jstr(o, "kubernetesVersion", "1.29.4"));
	cpy(c->state, sizeof c->state,
	    jstr(o, "provisioningState", "Succeeded"));
	cpy(c->power, sizeof c->power, jstr(o, "powerState", "Running"));
	cpy(c->dns_prefix, sizeof c->dns_prefix, jstr(o, "dnsPrefix", c->name));
	cpy(c->tier, sizeof c->tier, jstr(o, "tier", "Free"));
	c->private_cluster = jbool(o, "privateCluster", false);
	c->created_by_aml = jbool(o, "createdByAml", false);
	cpy(c->sp_client_id, sizeof c->sp_client_id,
	    jstr(o, "servicePrincipalClientId", ""));
	if ((a = jarr(o, "authorizedIPRanges")) != NULL)
		for (i = 0; i < json_object_array_length(a) && i < 4; i++)
			cpy(c->ranges[c->nranges++], SB_ID,
			    json_object_get_string(
			    json_object_array_get_idx(a, i)));
	if ((a = jarr(o, "agentPools")) != NULL)
		for (i = 0; i < json_object_array_length(a) && i < 4; i++) {
			struct json_object *p = json_object_array_get_idx(a, i);
			struct sb_pool *pl = &c->pools[c->npools++];

			cpy(pl->name, sizeof pl->name,
			    jstr(p, "name", "nodepool1"));
			pl->count = (int)jint(p, "count", 3);
			cpy(pl->vm_size, sizeof pl->vm_size,
			    jstr(p, "vmSize", "Standard_D4s_v3"));
			cpy(pl->mode, sizeof pl->mode,
			    jstr(p, "mode", "System"));
			world_pool_autoscale_set(pl, p);
		}
	world_cluster_tags_set(c, json_object_object_get_ex(o, "tags", &a) ?
	    a : NULL);
}

void
world_cluster_tags_set(struct sb_cluster *c, struct json_object *tags)
{
	c->ntags = 0;
	if (tags == NULL || !json_object_is_type(tags, json_type_object))
		return;
	json_object_object_foreach(tags, k, v) {
		if (c->ntags == (int)(sizeof c->tags / sizeof c->tags[0]))
			break;
		cpy(c->tags[c->ntags].key, sizeof c->tags[0].key, k);
		cpy(c->tags[c->ntags++].value, sizeof c->tags[0].value,
		    json_object_get_string(v));
	}
}

struct json_object *
world_cluster_tags_json(const struct sb_cluster *c)
{
	struct json_object	*o = json_object_new_object();
	int			 i;

	for (i = 0; i < c->ntags; i++)
		json_object_object_add(o, c->tags[i].key,
		    json_object_new_string(c->tags[i].value));
	return o;
}

void
world_pool_autoscale_set(struct sb_pool *pl, struct json_object *p)
{
	pl->autoscale = jbool(p, "enableAutoScaling", false);
	pl->min_count = pl->autoscale ? (int)jint(p, "minCount", 1) : 0;
	pl->max_count = pl->autoscale ? (int)jint(p, "maxCount", 1) : 0;
}

static const char *const op_kind_names[] = {
	"create", "attach", "update", "detach", "delete"
};

/* Operations saved by world_save(); compute named, not indexed. */
static void
load_ops(struct sb_world *w, struct json_object *a)
{
	size_t i, k;

	for (i = 0; a != NULL && i < json_object_array_length(a); i++) {
		struct json_object *o = json_object_array_get_idx(a, i);
		struct json_object *v;
		struct sb_op *op;
		long c;

		c = world_compute(w, jstr(o, "subscriptionId", ""),
		    jstr(o, "resourceGroup", ""), jstr(o, "workspace", ""),
		    jstr(o, "compute", ""));
		if (c < 0)
			continue;
		w->ops = xreallocarray(w->ops, w->nops + 1, sizeof *w->ops);
		op = &w->ops[w->nops++];
		memset(op, 0, sizeof *op);
		cpy(op->id, sizeof op->id, jstr(o, "id", ""));
		for (k = 0; k < 5; k++)
			if (strcmp(jstr(o, "kind", ""), op_kind_names[k]) == 0)
				op->kind = (enum sb_op_kind)k;
		cpy(op->sub, sizeof op->sub, jstr(o, "subscriptionId", ""));
		cpy(op->location, sizeof op->location,
		    jstr(o, "location", ""));
		op->compute = (size_t)c;
		op->start_ms = (uint64_t)jint(o, "startMs", 0);
		op->end_ms = (uint64_t)jint(o, "endMs", 0);
		op->duration_s = (int)jint(o, "durationSeconds", 0);
		op->polls = (int)jint(o, "polls", 0);
		op->done = jbool(o, "done", false);
		if (json_object_object_get_ex(o, "fail", &v))
			op->fail = json_object_get(v);
		if (json_object_object_get_ex(o, "update", &v))
			op->update = json_object_get(v);
	}
}

/* Past the white space at p. */
static char *
skip_space(char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/*
 * Past the JSON value at p (white space before it skipped), or NULL when
 * it does not end.  Only strings and nesting are followed: json-c checks
 * the rest when it parses what this delimits.
 */
static char *
skip_value(char *p)
{
	int depth = 0;

	p = skip_space(p);
	do {
		switch (*p) {
		case '\0':
			return NULL;
		case '"':
			for (p++; *p != '"'; p++)
				if (*p == '\0' || (*p == '\\' && *++p == '\0'))
					return NULL;
			p++;
			break;
		case '{':
		case '[':
			depth++;
			p++;
			break;
		case '}':
		case ']':
			if (depth-- == 0)
				return NULL;
			p++;
			break;
		default:
			if (depth == 0)
				return p + strcspn(p, ",]} \t\r\n");
			p++;
		}
	} while (depth > 0);
	return p;
}

/* The array of the top-level member "computes" of the text: [*b, *e). */
static bool
find_computes(char *text, char **b, char **e)
{
	char *p = skip_space(text), *k;
	size_t klen;

	if (*p != '{')
		return false;
	for (p = skip_space(p + 1); *p == '"'; p = skip_space(p + 1)) {
		k = p;
		if ((p = skip_value(p)) == NULL)
			return false;
		klen = (size_t)(p - k);
		p = skip_space(p);
		if (*p != ':')
			return false;
		*b = skip_space(p + 1);
		if ((*e = p = skip_value(*b)) == NULL)
			return false;
		if (klen == 10 && strncmp(k, "\"computes\"", 10) == 0 &&
		    **b == '[')
			return true;
		p = skip_space(p);
		if (*p != ',')
			return false;
	}
	return false;
}

static void	add_compute_text(struct sb_world *, const char *,
		    const char *, const char *, const char *,
		    struct json_object *);

/* One element of the computes array of a world file. */
static void
load_compute(struct sb_world *w, struct json_object *o)
{
	struct json_object *res;

	if (!json_object_object_get_ex(o, "resource", &res) ||
	    !json_object_is_type(res, json_type_object))
		return;
	add_compute_text(w, jstr(o, "subscriptionId", ""),
	    jstr(o, "resourceGroup", ""), jstr(o, "workspace", ""),
	    jstr(res, "name", ""), res);
}

/*
 * The computes of the world file's text, one at a time (a whole parsed
 * world takes ten times its size); their array is then left empty in the
 * text.  False when an element is not JSON.
 */
static bool
load_computes(struct sb_world *w, char *text, const char **why)
{
	enum json_tokener_error jerr;
	struct json_object *o;
	char *b, *e, *p, *q, c;

	if (!find_computes(text, &b, &e))
		return true;	/* json-c says what is wrong, if anything */
	for (p = skip_space(b + 1); p < e && *p != ']'; p = skip_space(p)) {
		if ((q = skip_value(p)) == NULL || q > e) {
			/* TRANSLATORS: why a world file is refused, after
			   "FILE is not a JSON world file: ". */
			*why = _("a compute does not end");
			return false;
		}
		c = *q;
		*q = '\0';
		o = json_tokener_parse_verbose(p, &jerr);
		*q = c;
		if (o == NULL) {
			*why = json_tokener_error_desc(jerr);
			return false;
		}
		if (json_object_is_type(o, json_type_object))
			load_compute(w, o);
		json_object_put(o);
		p = skip_space(q);
		if (*p == ',')
			p++;
	}
	memset(b, ' ', (size_t)(e - b));
	b[0] = '[';
	b[1] = ']';
	return true;
}

/* The whole file, NUL-terminated; NULL with errno. */
static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t len = 0, alloc = 0, n;

	if (f == NULL)
		return NULL;
	do {
		if (alloc - len < 65536)
			text = xrealloc(text, alloc = alloc * 2 + 65536);
		n = fread(text + len, 1, alloc - len - 1, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		fclose(f);
		free(text);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	text[len] = '\0';
	return text;
}

/* Load a world (or a saved state: same format). */
struct sb_world *
world_load(const char *path, struct err *err)
{
	struct sb_world *w;
	struct json_object *root, *a, *d;
	enum json_tokener_error jerr = json_tokener_success;
	const char *why = NULL;
	char *text;
	size_t i;

	if (access(path, R_OK) != 0 || (text = read_file(path)) == NULL) {
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	w = xcalloc(1, sizeof *w);
	root = NULL;
	if (load_computes(w, text, &why))
		root = json_tokener_parse_verbose(text, &jerr);
	free(text);
	if (root == NULL || !json_object_is_type(root, json_type_object)) {
		json_object_put(root);
		world_free(w);
		err_set(err, ERR_PARSE, _("%s is not a JSON world file: %s"),
		    path, why != NULL ? why : jerr != json_tokener_success ?
		    json_tokener_error_desc(jerr) : "not an object");
		return NULL;
	}
	w->root = root;
	json_object_object_get_ex(root, "aad", &w->aad);
	cpy(w->tenant, sizeof w->tenant, jstr(root, "tenantId",
	    jstr(w->aad, "tenantId", "")));
	d = NULL;
	json_object_object_get_ex(root, "settings", &d);
	load_settings(&w->settings, d);
	d = NULL;
	json_object_object_get_ex(root, "defaults", &d);
	w->seq = (uint64_t)jint(root, "nextId", 1);
	w->reads = 11999;
	w->writes = 1199;
	w->deletes = 14999;

	if ((a = jarr(root, "subscriptions")) != NULL) {
		w->nsubs = json_object_array_length(a);
		w->subs = xcalloc(w->nsubs + 1, sizeof *w->subs);
		for (i = 0; i < w->nsubs; i++)
			load_sub(&w->subs[i], json_object_array_get_idx(a, i));
	}
	if ((a = jarr(root, "locations")) != NULL) {
		w->nlocs = json_object_array_length(a);
		w->locs = xcalloc(w->nlocs + 1, sizeof *w->locs);
		for (i = 0; i < w->nlocs; i++)
			load_location(&w->locs[i],
			    json_object_array_get_idx(a, i));
	}
	if ((a = jarr(root, "workspaces")) != NULL) {
		w->nwss = json_object_array_length(a);
		w->wss = xcalloc(w->nwss + 1, sizeof *w->wss);
		for (i = 0; i < w->nwss; i++) {
			struct json_object *o = json_object_array_get_idx(a, i);
			struct sb_workspace *ws = &w->wss[i];

			cpy(ws->sub, sizeof ws->sub,
			    jstr(o, "subscriptionId", ""));
			cpy(ws->group, sizeof ws->group,
			    jstr(o, "resourceGroup", ""));
			cpy(ws->name, sizeof ws->name, jstr(o, "name", ""));
			cpy(ws->location, sizeof ws->location,
			    jstr(o, "location", "eastus"));
			cpy(ws->friendly, sizeof ws->friendly,
			    jstr(o, "friendlyName", ws->name));
			cpy(ws->workspace_id, sizeof ws->workspace_id,
			    jstr(o, "workspaceId", ""));
		}
	}
	if ((a = jarr(root, "clusters")) != NULL)
		for (i = 0; i < json_object_array_length(a); i++)
			load_cluster(world_add_cluster(w),
			    json_object_array_get_idx(a, i));
	/* Those load_computes() could not find (a file written otherwise). */
	if ((a = jarr(root, "computes")) != NULL) {
		for (i = 0; i < json_object_array_length(a); i++)
			load_compute(w, json_object_array_get_idx(a, i));
		json_object_object_add(root, "computes",
		    json_object_new_array());
	}
	load_ops(w, jarr(root, "operations"));

	cpy(w->def_sub, sizeof w->def_sub, jstr(d, "subscription",
	    w->nsubs > 0 ? w->subs[0].id : ""));
	cpy(w->def_group, sizeof w->def_group, jstr(d, "resourceGroup",
	    w->nwss > 0 ? w->wss[0].group : ""));
	cpy(w->def_ws, sizeof w->def_ws, jstr(d, "workspace",
	    w->nwss > 0 ? w->wss[0].name : ""));
	w->dirty = false;
	return w;
}

/* Free the world and everything in it. */
void
world_free(struct sb_world *w)
{
	size_t i, j;

	if (w == NULL)
		return;
	for (i = 0; i < w->nsubs; i++) {
		for (j = 0; j < w->subs[i].nquotas; j++)
			free(w->subs[i].quotas[j].u);
		free(w->subs[i].quotas);
		free(w->subs[i].groups);
	}
	free(w->subs);
	for (i = 0; i < w->nlocs; i++) {
		for (j = 0; j < w->locs[i].nsizes; j++)
			free(w->locs[i].sizes[j]);
		free(w->locs[i].sizes);
		free(w->locs[i].k8s);
	}
	free(w->locs);
	free(w->wss);
	free(w->clusters);
	for (i = 0; i < w->ncomputes; i++) {
		json_object_put(w->computes[i].res);
		free(w->computes[i].text);
		free(w->computes[i].name);
	}
	free(w->computes);
	free(w->parsed);
	for (i = 0; i < w->nstrs; i++)
		free(w->strs[i]);
	free(w->strs);
	for (i = 0; i < w->nops; i++) {
		json_object_put(w->ops[i].fail);
		json_object_put(w->ops[i].update);
	}
	free(w->ops);
	json_object_put(w->root);
	free(w);
}

/* A cluster in the world file's format. */
static struct json_object *
save_cluster(const struct sb_cluster *c)
{
	struct json_object *o = json_object_new_object();
	struct json_object *a;
	int i;

	json_object_object_add(o, "subscriptionId",
	    json_object_new_string(c->sub));
	json_object_object_add(o, "resourceGroup",
	    json_object_new_string(c->group));
	json_object_object_add(o, "name", json_object_new_string(c->name));
	json_object_object_add(o, "location",
	    json_object_new_string(c->location));
	json_object_object_add(o, "kubernetesVersion",
	    json_object_new_string(c->version));
	json_object_object_add(o, "provisioningState",
	    json_object_new_string(c->state));
	json_object_object_add(o, "powerState",
	    json_object_new_string(c->power));
	json_object_object_add(o, "dnsPrefix",
	    json_object_new_string(c->dns_prefix));
	json_object_object_add(o, "tier", json_object_new_string(c->tier));
	json_object_object_add(o, "privateCluster",
	    json_object_new_boolean(c->private_cluster));
	json_object_object_add(o, "createdByAml",
	    json_object_new_boolean(c->created_by_aml));
	if (c->sp_client_id[0] != '\0')
		json_object_object_add(o, "servicePrincipalClientId",
		    json_object_new_string(c->sp_client_id));
	a = json_object_new_array();
	for (i = 0; i < c->nranges; i++)
		json_object_array_add(a, json_object_new_string(c->ranges[i]));
	json_object_object_add(o, "authorizedIPRanges", a);
	a = json_object_new_array();
	for (i = 0; i < c->npools; i++) {
		struct json_object *p = json_object_new_object();

		json_object_object_add(p, "name",
		    json_object_new_string(c->pools[i].name));
		json_object_object_add(p, "count",
		    json_object_new_int(c->pools[i].count));
		json_object_object_add(p, "vmSize",
		    json_object_new_string(c->pools[i].vm_size));
		json_object_object_add(p, "mode",
		    json_object_new_string(c->pools[i].mode));
		if (c->pools[i].autoscale) {
			json_object_object_add(p, "enableAutoScaling",
			    json_object_new_boolean(true));
			json_object_object_add(p, "minCount",
			    json_object_new_int(c->pools[i].min_count));
			json_object_object_add(p, "maxCount",
			    json_object_new_int(c->pools[i].max_count));
		}
		json_object_array_add(a, p);
	}
	json_object_object_add(o, "agentPools", a);
	if (c->ntags > 0)
		json_object_object_add(o, "tags", world_cluster_tags_json(c));
	return o;
}

/* The subscriptions with their current quota usage. */
static void
save_usages(struct sb_world *w, struct json_object *subs)
{
	size_t i, j, k;

	for (i = 0; subs != NULL && i < json_object_array_length(subs) &&
	    i < w->nsubs; i++) {
		struct json_object *so = json_object_array_get_idx(subs, i);
		struct json_object *q = json_object_new_object();

		for (j = 0; j < w->subs[i].nquotas; j++) {
			struct sb_quota *qq = &w->subs[i].quotas[j];
			struct json_object *a = json_object_new_array();

			for (k = 0; k < qq->n; k++) {
				struct json_object *e;

				e = json_object_new_object();

				json_object_object_add(e, "name",
				    json_object_new_string(qq->u[k].name));
				json_object_object_add(e, "localizedName",
				    json_object_new_string(qq->u[k].label));
				json_object_object_add(e, "limit",
				    json_object_new_int64(qq->u[k].limit));
				json_object_object_add(e, "currentValue",
				    json_object_new_int64(qq->u[k].usage));
				json_object_array_add(a, e);
			}
			json_object_object_add(q, qq->location, a);
		}
		json_object_object_add(so, "quotas", q);
	}
}

/* key (JSON text) then the string s as JSON, to out. */
static void
save_string(struct buf *out, const char *key, const char *s)
{
	struct json_object *o = json_object_new_string(s);

	buf_adds(out, key);
	buf_adds(out, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

/* Write the world to path atomically (temporary file + rename). */
bool
world_save(struct sb_world *w, const char *path, struct err *err)
{
	struct json_object *a;
	const char *text;
	char *b, *e;
	struct buf out;
	size_t i, len;
	bool ok;

	world_settle(w);
	a = json_object_new_array();
	for (i = 0; i < w->nclusters; i++)
		if (!w->clusters[i].gone)
			json_object_array_add(a, save_cluster(&w->clusters[i]));
	json_object_object_add(w->root, "clusters", a);
	/* The computes are written from their text into the array left
	 * empty, below. */
	json_object_object_add(w->root, "computes", json_object_new_array());
	a = json_object_new_array();
	for (i = 0; i < w->nops; i++) {
		struct sb_op *op = &w->ops[i];
		struct sb_compute *c = &w->computes[op->compute];
		struct json_object *o;

		if (c->gone && op->done)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(op->id));
		json_object_object_add(o, "kind",
		    json_object_new_string(op_kind_names[op->kind]));
		json_object_object_add(o, "subscriptionId",
		    json_object_new_string(op->sub));
		json_object_object_add(o, "location",
		    json_object_new_string(op->location));
		json_object_object_add(o, "resourceGroup",
		    json_object_new_string(c->group));
		json_object_object_add(o, "workspace",
		    json_object_new_string(c->ws));
		json_object_object_add(o, "compute",
		    json_object_new_string(c->name));
		json_object_object_add(o, "startMs",
		    json_object_new_int64((int64_t)op->start_ms));
		json_object_object_add(o, "endMs",
		    json_object_new_int64((int64_t)op->end_ms));
		json_object_object_add(o, "durationSeconds",
		    json_object_new_int(op->duration_s));
		json_object_object_add(o, "polls",
		    json_object_new_int(op->polls));
		json_object_object_add(o, "done",
		    json_object_new_boolean(op->done));
		if (op->fail != NULL)
			json_object_object_add(o, "fail",
			    json_object_get(op->fail));
		if (op->update != NULL)
			json_object_object_add(o, "update",
			    json_object_get(op->update));
		json_object_array_add(a, o);
	}
	json_object_object_add(w->root, "operations", a);
	save_usages(w, jarr(w->root, "subscriptions"));
	json_object_object_add(w->root, "nextId",
	    json_object_new_int64((int64_t)w->seq));

	/* Mode 0600: the aad section holds client secrets. */
	text = json_object_to_json_string_length(w->root,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	if (!find_computes((char *)text, &b, &e))
		return err_set(err, ERR_INTERNAL,
		    "world_save: no computes member written");
	buf_init(&out, 0);
	buf_add(&out, text, (size_t)(b - text));
	buf_adds(&out, "[");
	for (i = 0; i < w->ncomputes; i++) {
		const struct sb_compute *c = &w->computes[i];

		if (c->gone)
			continue;
		buf_adds(&out, out.data[out.len - 1] == '[' ? "\n    " :
		    ",\n    ");
		save_string(&out, "{\"subscriptionId\": ", c->sub);
		save_string(&out, ", \"resourceGroup\": ", c->group);
		save_string(&out, ", \"workspace\": ", c->ws);
		buf_adds(&out, ", \"resource\": ");
		buf_adds(&out, c->text != NULL ? c->text : "{}");
		buf_adds(&out, "}");
	}
	buf_adds(&out, out.data[out.len - 1] == '[' ? "]" : "\n  ]");
	buf_adds(&out, e);
	ok = atomicfile_write(path, out.data, out.len, 0600, err);
	buf_done(&out);
	if (!ok)
		return false;
	w->dirty = false;
	return true;
}

/* The subscription with this id (case-insensitive), or NULL. */
struct sb_subscription *
world_sub(struct sb_world *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->nsubs; i++)
		if (strcasecmp(w->subs[i].id, id) == 0)
			return &w->subs[i];
	return NULL;
}

/* The subscription's group of this name, or NULL. */
struct sb_group *
world_group(struct sb_subscription *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->ngroups; i++)
		if (strcasecmp(s->groups[i].name, name) == 0)
			return &s->groups[i];
	return NULL;
}

/* The region of this name, or NULL. */
struct sb_location *
world_location(struct sb_world *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->nlocs; i++)
		if (strcasecmp(w->locs[i].name, name) == 0)
			return &w->locs[i];
	return NULL;
}

/* The workspace, or NULL. */
struct sb_workspace *
world_workspace(struct sb_world *w, const char *sub, const char *group,
    const char *name)
{
	size_t i;

	for (i = 0; i < w->nwss; i++)
		if (strcasecmp(w->wss[i].sub, sub) == 0 &&
		    strcasecmp(w->wss[i].group, group) == 0 &&
		    strcasecmp(w->wss[i].name, name) == 0)
			return &w->wss[i];
	return NULL;
}

/* The (not deleted) AKS cluster, or NULL. */
struct sb_cluster *
world_cluster(struct sb_world *w, const char *sub, const char *group,
    const char *name)
{
	size_t i;

	for (i = 0; i < w->nclusters; i++)
		if (!w->clusters[i].gone &&
		    strcasecmp(w->clusters[i].sub, sub) == 0 &&
		    strcasecmp(w->clusters[i].group, group) == 0 &&
		    strcasecmp(w->clusters[i].name, name) == 0)
			return &w->clusters[i];
	return NULL;
}

/* The index of the (not deleted) compute, or -1. */
long
world_compute(struct sb_world *w, const char *sub, const char *group,
    const char *ws, const char *name)
{
	size_t i;

	for (i = 0; i < w->ncomputes; i++) {
		struct sb_compute *c = &w->computes[i];

		if (!c->gone && strcasecmp(c->sub, sub) == 0 &&
		    strcasecmp(c->group, group) == 0 &&
		    strcasecmp(c->ws, ws) == 0 &&
		    strcasecmp(c->name, name) == 0)
			return (long)i;
	}
	return -1;
}

/* A quota line of a subscription in a region, or NULL. */
struct sb_usage *
world_usage(struct sb_subscription *s, const char *location,
    const char *name)
{
	size_t i, j;

	for (i = 0; i < s->nquotas; i++) {
		if (strcasecmp(s->quotas[i].location, location) != 0)
			continue;
		for (j = 0; j < s->quotas[i].n; j++)
			if (strcasecmp(s->quotas[i].u[j].name, name) == 0)
				return &s->quotas[i].u[j];
	}
	return NULL;
}

/* Whether the region offers the VM size. */
bool
world_size_offered(const struct sb_location *l, const char *size)
{
	size_t i;

	for (i = 0; i < l->nsizes; i++)
		if (strcasecmp(l->sizes[i], size) == 0)
			return true;
	return false;
}

/* The operation with this id, or NULL. */
struct sb_op *
world_op(struct sb_world *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->nops; i++)
		if (strcasecmp(w->ops[i].id, id) == 0)
			return &w->ops[i];
	return NULL;
}

/* A new compute (takes res); returns its index. */
size_t
world_add_compute(struct sb_world *w, const char *sub, const char *group,
    const char *ws, const char *name, struct json_object *res)
{
	struct sb_compute *c;

	if ((w->ncomputes & (w->ncomputes - 1)) == 0)	/* 0, 1, 2, 4 ... */
		w->computes = xreallocarray(w->computes,
		    w->ncomputes == 0 ? 1 : w->ncomputes * 2,
		    sizeof *w->computes);
	c = &w->computes[w->ncomputes];
	memset(c, 0, sizeof *c);
	c->sub = intern(w, sub);
	c->group = intern(w, group);
	c->ws = intern(w, ws);
	c->name = xstrndup(name != NULL ? name : "", SB_NAME - 1);
	c->res = res;
	w->parsed = xreallocarray(w->parsed, w->nparsed + 1,
	    sizeof *w->parsed);
	w->parsed[w->nparsed++] = w->ncomputes;
	w->dirty = true;
	return w->ncomputes++;
}

/* A compute read from a world file: its resource as compact text. */
static void
add_compute_text(struct sb_world *w, const char *sub, const char *group,
    const char *ws, const char *name, struct json_object *res)
{
	size_t i = world_add_compute(w, sub, group, ws, name, NULL);

	w->nparsed--;
	w->computes[i].text = xstrdup(json_object_to_json_string_ext(res,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

struct json_object *
world_compute_res(struct sb_world *w, struct sb_compute *c)
{
	if (c->res != NULL)
		return c->res;
	if (c->text == NULL ||
	    (c->res = json_tokener_parse(c->text)) == NULL ||
	    !json_object_is_type(c->res, json_type_object)) {
		json_object_put(c->res);
		c->res = json_object_new_object();
	}
	free(c->text);
	c->text = NULL;
	w->parsed = xreallocarray(w->parsed, w->nparsed + 1,
	    sizeof *w->parsed);
	w->parsed[w->nparsed++] = (size_t)(c - w->computes);
	return c->res;
}

struct json_object *
world_compute_peek(const struct sb_compute *c)
{
	struct json_object *o;

	if (c->res != NULL)
		return json_object_get(c->res);
	if (c->text == NULL || (o = json_tokener_parse(c->text)) == NULL)
		return json_object_new_object();
	return o;
}

bool
world_compute_may_hold(const struct sb_compute *c, const char *s)
{
	size_t n = strlen(s), i;
	const char *t;

	if (c->res != NULL || c->text == NULL)
		return true;
	if (n > 0 && s[n - 1] == '/')	/* ARM ids match without it */
		n--;
	/* Only what JSON writes as is can be looked for in the text. */
	for (i = 0; i < n; i++)
		if (s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] < 0x20 ||
		    (unsigned char)s[i] >= 0x7f)
			return true;
	for (t = c->text; *t != '\0'; t++)
		if (strncasecmp(t, s, n) == 0)
			return true;
	return false;
}

void
world_settle(struct sb_world *w)
{
	size_t i;

	for (i = 0; i < w->nparsed; i++) {
		struct sb_compute *c = &w->computes[w->parsed[i]];

		if (c->res == NULL)
			continue;
		free(c->text);
		c->text = xstrdup(json_object_to_json_string_ext(c->res,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(c->res);
		c->res = NULL;
	}
	w->nparsed = 0;
}

/* A new, zeroed cluster at the end of the list. */
struct sb_cluster *
world_add_cluster(struct sb_world *w)
{
	struct sb_cluster *c;

	w->clusters = xreallocarray(w->clusters, w->nclusters + 1,
	    sizeof *w->clusters);
	c = &w->clusters[w->nclusters++];
	memset(c, 0, sizeof *c);
	w->dirty = true;
	return c;
}

/* A fresh GUID-shaped id (deterministic per world: a counter). */
void
world_guid(struct sb_world *w, char *buf, size_t len)
{
	snprintf(buf, len, "5a4d0b0c-0000-4000-8000-%012llx",
	    (unsigned long long)w->seq++);
	w->dirty = true;
}

/* A new operation on a compute (its id filled in). */
struct sb_op *
world_add_op(struct sb_world *w, enum sb_op_kind kind, size_t compute,
    uint64_t now_ms)
{
	struct sb_op *op;
	const struct sb_settings *s = &w->settings;

	w->ops = xreallocarray(w->ops, w->nops + 1, sizeof *w->ops);
	op = &w->ops[w->nops++];
	memset(op, 0, sizeof *op);
	world_guid(w, op->id, sizeof op->id);
	op->kind = kind;
	op->compute = compute;
	op->start_ms = now_ms;
	op->duration_s = kind == SB_OP_CREATE ? s->create_seconds :
	    kind == SB_OP_ATTACH ? s->attach_seconds :
	    kind == SB_OP_UPDATE ? s->update_seconds : s->delete_seconds;
	cpy(op->sub, sizeof op->sub, w->computes[compute].sub);
	return op;
}

/* "2026-11-23T07:31:20.0000000+00:00", as the service writes times. */
void
world_time(uint64_t ms, char *buf, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03u0000+00:00",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (unsigned)(ms % 1000));
}

/* The cluster's ARM id, as AKS spells it. */
void
world_cluster_id(const struct sb_cluster *c, char *buf, size_t len)
{
	snprintf(buf, len, "/subscriptions/%s/resourcegroups/%s/providers/"
	    "Microsoft.ContainerService/managedClusters/%s", c->sub, c->group,
	    c->name);
}

/* The compute's ARM id. */
void
world_compute_id(const struct sb_compute *c, char *buf, size_t len)
{
	snprintf(buf, len, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.MachineLearningServices/workspaces/%s/computes/%s",
	    c->sub, c->group, c->ws, c->name);
}

/* properties.properties of a compute, created if missing. */
static struct json_object *
inner_props(struct json_object *res)
{
	struct json_object *p, *pp;

	if (!json_object_object_get_ex(res, "properties", &p))
		return NULL;
	if (!json_object_object_get_ex(p, "properties", &pp)) {
		pp = json_object_new_object();
		json_object_object_add(p, "properties", pp);
	}
	return pp;
}

static void
set_str(struct json_object *o, const char *key, const char *val)
{
	json_object_object_add(o, key, json_object_new_string(val));
}

/* The fields a Succeeded AKS compute shows about its cluster. */
static void
describe_cluster(struct sb_world *w, struct json_object *res,
    const struct sb_cluster *cl)
{
	struct json_object *pp = inner_props(res);
	struct json_object *svc, *s, *p, *t;
	char fqdn[SB_TEXT];
	unsigned ip = (unsigned)(w->seq * 37u % 200u) + 20u;

	if (pp == NULL)
		return;
	/* A Kubernetes compute shows nothing of the AKS schema. */
	if (json_object_object_get_ex(res, "properties", &p) &&
	    json_object_object_get_ex(p, "computeType", &t) &&
	    strcmp(json_object_get_string(t), "Kubernetes") == 0)
		return;
	snprintf(fqdn, sizeof fqdn, "%s-%08x.hcp.%s.azmk8s.io",
	    cl->dns_prefix, (unsigned)(w->seq * 2654435761u), cl->location);
	set_str(pp, "clusterFqdn", fqdn);
	if (cl->npools > 0) {
		json_object_object_add(pp, "agentCount",
		    json_object_new_int(cl->pools[0].count));
		set_str(pp, "agentVmSize", cl->pools[0].vm_size);
	}
	svc = json_object_new_array();
	s = json_object_new_object();
	set_str(s, "systemServiceType", "ScoringFront");
	{
		char addr[32];
		struct json_object *lb;

		if (json_object_object_get_ex(pp, "loadBalancerType", &lb) &&
		    strcmp(json_object_get_string(lb),
		    "InternalLoadBalancer") == 0)
			snprintf(addr, sizeof addr, "10.0.0.%u", ip);
		else
			snprintf(addr, sizeof addr, "20.62.%u.%u", ip,
			    ip / 2 + 1);
		set_str(s, "publicIpAddress", addr);
	}
	set_str(s, "version", "1.0.1");
	json_object_array_add(svc, s);
	json_object_object_add(pp, "systemServices", svc);
}

/* Add (or remove, sign < 0) a created cluster's cores to the quota. */
static void
charge_quota(struct sb_world *w, const struct sb_cluster *cl, int sign)
{
	struct sb_subscription *s = world_sub(w, cl->sub);
	const struct vm_size *vm;
	struct sb_usage *u;
	long cores;
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < cl->npools; i++) {
		if ((vm = vm_catalogue_find(cl->pools[i].vm_size)) == NULL)
			continue;
		cores = (long)cl->pools[i].count * vm->vcpus * sign;
		if ((u = world_usage(s, cl->location, "cores")) != NULL)
			u->usage += cores;
		if ((u = world_usage(s, cl->location, vm->family)) != NULL)
			u->usage += cores;
	}
}

/* A create succeeded: AML made an AKS cluster in the workspace's group. */
static void
create_cluster(struct sb_world *w, struct sb_compute *c)
{
	struct json_object *res = world_compute_res(w, c), *p = NULL, *pp;
	struct sb_cluster *cl;
	struct sb_location *loc;
	const char *location;
	char id[SB_TEXT];
	size_t i;

	json_object_object_get_ex(res, "properties", &p);
	pp = inner_props(res);
	location = jstr(p, "computeLocation", jstr(res, "location",
	    "eastus"));
	cl = world_add_cluster(w);
	cpy(cl->sub, sizeof cl->sub, c->sub);
	cpy(cl->group, sizeof cl->group, c->group);
	snprintf(cl->name, sizeof cl->name, "%.100s%05llx", c->name,
	    (unsigned long long)(w->seq * 7919u % 0xfffffu));
	cpy(cl->location, sizeof cl->location, location);
	cpy(cl->state, sizeof cl->state, "Succeeded");
	cpy(cl->power, sizeof cl->power, "Running");
	cpy(cl->dns_prefix, sizeof cl->dns_prefix, cl->name);
	cpy(cl->tier, sizeof cl->tier, "Free");
	cpy(cl->version, sizeof cl->version, "1.29.4");
	if ((loc = world_location(w, location)) != NULL)
		for (i = 0; i < loc->nk8s; i++)
			if (loc->k8s[i].is_default)
				cpy(cl->version, sizeof cl->version,
				    loc->k8s[i].npatches > 0 ?
				    loc->k8s[i].patches[loc->k8s[i].npatches
				    - 1] : loc->k8s[i].version);
	cl->created_by_aml = true;
	cl->npools = 1;
	cpy(cl->pools[0].name, sizeof cl->pools[0].name, "agentpool");
	cpy(cl->pools[0].mode, sizeof cl->pools[0].mode, "System");
	cl->pools[0].count = (int)jint(pp, "agentCount", 3);
	cpy(cl->pools[0].vm_size, sizeof cl->pools[0].vm_size,
	    jstr(pp, "agentVmSize", "Standard_D3_v2"));
	charge_quota(w, cl, 1);
	world_cluster_id(cl, id, sizeof id);
	set_str(p, "resourceId", id);
	describe_cluster(w, res, cl);
}

/* The cluster an attached or created compute stands on, or NULL. */
static struct sb_cluster *
compute_cluster(struct sb_world *w, struct sb_compute *c)
{
	struct json_object *p = NULL;
	char id[SB_TEXT];
	size_t i;
	const char *rid;

	json_object_object_get_ex(world_compute_res(w, c), "properties", &p);
	rid = jstr(p, "resourceId", "");
	for (i = 0; i < w->nclusters; i++) {
		if (w->clusters[i].gone)
			continue;
		world_cluster_id(&w->clusters[i], id, sizeof id);
		if (strcasecmp(id, rid) == 0)
			return &w->clusters[i];
	}
	return NULL;
}

/* Apply an operation's outcome to its compute. */
static void
op_finish(struct sb_world *w, struct sb_op *op, uint64_t now_ms)
{
	struct sb_compute *c = &w->computes[op->compute];
	struct json_object *p = NULL, *a, *e;
	struct sb_cluster *cl;
	char t[64];

	op->done = true;
	op->end_ms = now_ms;
	w->dirty = true;
	if (c->gone)
		return;
	json_object_object_get_ex(world_compute_res(w, c), "properties", &p);
	world_time(now_ms, t, sizeof t);
	if (p != NULL)
		set_str(p, "modifiedOn", t);
	if (op->fail != NULL) {
		if (op->kind == SB_OP_DETACH || op->kind == SB_OP_DELETE) {
			set_str(p, "provisioningState", "Failed");
			return;
		}
		set_str(p, "provisioningState", "Failed");
		a = json_object_new_array();
		e = json_object_new_object();
		json_object_object_add(e, "error", json_object_get(op->fail));
		json_object_array_add(a, e);
		json_object_object_add(p, "provisioningErrors", a);
		return;
	}
	switch (op->kind) {
	case SB_OP_CREATE:
		create_cluster(w, c);
		json_object_object_add(p, "isAttachedCompute",
		    json_object_new_boolean(false));
		break;
	case SB_OP_ATTACH:
		if ((cl = compute_cluster(w, c)) != NULL)
			describe_cluster(w, world_compute_res(w, c), cl);
		json_object_object_add(p, "isAttachedCompute",
		    json_object_new_boolean(true));
		break;
	case SB_OP_UPDATE:
		if (op->update != NULL)
			json_object_object_add(p, "properties",
			    json_object_get(op->update));
		if ((cl = compute_cluster(w, c)) != NULL)
			describe_cluster(w, world_compute_res(w, c), cl);
		break;
	case SB_OP_DELETE:
		/* Only a cluster AML created goes with it. */
		if ((cl = compute_cluster(w, c)) != NULL &&
		    cl->created_by_aml) {
			charge_quota(w, cl, -1);
			cl->gone = true;
		}
		c->gone = true;
		return;
	case SB_OP_DETACH:
		c->gone = true;
		return;
	}
	set_str(p, "provisioningState", "Succeeded");
	json_object_object_del(p, "provisioningErrors");
}

/* Finish every operation whose time (or poll count) has come. */
void
world_tick(struct sb_world *w, uint64_t now_ms, double speed)
{
	size_t i;

	for (i = 0; i < w->nops; i++) {
		struct sb_op *op = &w->ops[i];
		bool due;

		if (op->done)
			continue;
		if (w->settings.polls_to_complete > 0)
			due = op->polls >= w->settings.polls_to_complete;
		else
			due = (double)(now_ms - op->start_ms) * speed >=
			    (double)op->duration_s * 1000.0;
		if (due)
			op_finish(w, op, now_ms);
	}
}
