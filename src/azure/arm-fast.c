/*
 * A page of computes read in place (arm-fast.h).  The reader accepts
 * strict JSON only (RFC 8259, nesting at most FAST_DEPTH), a subset of
 * what json-c accepts, so that whatever it takes json-c would take too,
 * and it gives each member the meaning compute_from() in arm-parse.c
 * gives it: a string member of another JSON type counts as absent, the
 * text kept is escaped as core/text.h says, agentCount is a number or -1.
 * What it cannot decide alone it leaves to json-c: the element (see
 * odd), or the whole page (false).
 */
#include "config.h"
#include "azure/arm-fast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/xalloc.h"
#include "core/state.h"
#include "core/text.h"

#define FAST_DEPTH	24	/* json-c's own limit is 32 */
#define FAST_NUMBER	15	/* longer numbers are left to json-c */

/* The members kept, each read at one level of a compute object. */
enum field {
	F_NONE,
	/* the element */
	F_ID, F_NAME, F_LOCATION, F_PROPS,
	/* properties */
	F_TYPE, F_CLOC, F_PROV, F_DESC, F_RESID, F_ATTACHED, F_CREATED,
	F_MODIFIED, F_ERRORS, F_PPROPS,
	/* properties.properties */
	F_FQDN, F_COUNT, F_VM, F_VM_UPPER, F_PURPOSE, F_LBTYPE, F_LBSUBNET,
	F_SSL, F_NS, F_DEFIT, F_ITYPES, F_TRAIN,
	/* properties.properties.sslConfiguration */
	F_SSTATUS, F_CNAME, F_LEAF
};

enum level { L_ELEM, L_PROPS, L_PPROPS, L_SSL };

static const struct member {
	enum level	 level;
	const char	*name;
	size_t		 len;
	enum field	 f;
} members[] = {
#define M(lv, name, f)	{ lv, name, sizeof name - 1, f }
	M(L_ELEM, "id", F_ID), M(L_ELEM, "name", F_NAME),
	M(L_ELEM, "location", F_LOCATION), M(L_ELEM, "properties", F_PROPS),
	M(L_PROPS, "computeType", F_TYPE),
	M(L_PROPS, "computeLocation", F_CLOC),
	M(L_PROPS, "provisioningState", F_PROV),
	M(L_PROPS, "description", F_DESC),
	M(L_PROPS, "resourceId", F_RESID),
	M(L_PROPS, "isAttachedCompute", F_ATTACHED),
	M(L_PROPS, "createdOn", F_CREATED),
	M(L_PROPS, "modifiedOn", F_MODIFIED),
	M(L_PROPS, "provisioningErrors", F_ERRORS),
	M(L_PROPS, "properties", F_PPROPS),
	M(L_PPROPS, "clusterFqdn", F_FQDN),
	M(L_PPROPS, "agentCount", F_COUNT),
	M(L_PPROPS, "agentVmSize", F_VM),
	M(L_PPROPS, "agentVMSize", F_VM_UPPER),
	M(L_PPROPS, "clusterPurpose", F_PURPOSE),
	M(L_PPROPS, "loadBalancerType", F_LBTYPE),
	M(L_PPROPS, "loadBalancerSubnet", F_LBSUBNET),
	M(L_PPROPS, "sslConfiguration", F_SSL),
	M(L_PPROPS, "namespace", F_NS),
	M(L_PPROPS, "defaultInstanceType", F_DEFIT),
	M(L_PPROPS, "instanceTypes", F_ITYPES),
	M(L_PPROPS, "extensionInstanceReleaseTrain", F_TRAIN),
	M(L_SSL, "status", F_SSTATUS), M(L_SSL, "cname", F_CNAME),
	M(L_SSL, "leafDomainLabel", F_LEAF),
#undef M
};

struct rd {
	const char	*p, *end;
	int		 depth;
};

enum vtype { V_STR, V_NUM, V_TRUE, V_FALSE, V_NULL, V_OBJ, V_ARR };

struct val {
	enum vtype	 t;
	const char	*s;		/* a string's raw text, a number's */
	size_t		 n;
	bool		 esc;		/* the string has escapes */
	bool		 integer;	/* the number has no fraction or exponent */
};

/* One compute being read. */
struct el {
	struct arm_compute	*c;
	uint64_t		 seen;		/* members met (1 << field) */
	bool			 odd;		/* json-c reads it instead */
	bool			 props, ssl;	/* those members are objects */
	char			*vm_upper;	/* agentVMSize */
};

static bool	skip_value(struct rd *, struct val *);

static void
ws(struct rd *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' ||
	    *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

/* Enter the container at r->p; *empty when it closes at once (then left). */
static bool
enter(struct rd *r, char close, bool *empty)
{
	if (++r->depth > FAST_DEPTH)
		return false;
	r->p++;
	ws(r);
	if ((*empty = r->p < r->end && *r->p == close)) {
		r->p++;
		r->depth--;
	}
	return true;
}

/* After a member or an element: 1 another follows, 0 closed, -1 not JSON. */
static int
after(struct rd *r, char close)
{
	ws(r);
	if (r->p >= r->end)
		return -1;
	if (*r->p == ',') {
		r->p++;
		return 1;
	}
	if (*r->p != close)
		return -1;
	r->p++;
	r->depth--;
	return 0;
}

static bool	string(struct rd *, struct val *);

/* A member's name and its ':'. */
static bool
name(struct rd *r, struct val *key)
{
	ws(r);
	if (r->p >= r->end || *r->p != '"' || !string(r, key))
		return false;
	ws(r);
	if (r->p >= r->end || *r->p != ':')
		return false;
	r->p++;
	return true;
}

static int
hex(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The bytes a string's text stops at: controls (NUL too), '"' and '\\'. */
static const bool stops[256] = {
	[0x00] = true, [0x01] = true, [0x02] = true, [0x03] = true,
	[0x04] = true, [0x05] = true, [0x06] = true, [0x07] = true,
	[0x08] = true, [0x09] = true, [0x0a] = true, [0x0b] = true,
	[0x0c] = true, [0x0d] = true, [0x0e] = true, [0x0f] = true,
	[0x10] = true, [0x11] = true, [0x12] = true, [0x13] = true,
	[0x14] = true, [0x15] = true, [0x16] = true, [0x17] = true,
	[0x18] = true, [0x19] = true, [0x1a] = true, [0x1b] = true,
	[0x1c] = true, [0x1d] = true, [0x1e] = true, [0x1f] = true,
	['"'] = true, ['\\'] = true,
};

/* A string at r->p ('"'): its raw text; false if it is not strict JSON. */
static bool
string(struct rd *r, struct val *v)
{
	const unsigned char	*p = (const unsigned char *)r->p + 1;
	const unsigned char	*end = (const unsigned char *)r->end;
	unsigned		 u;
	int			 i, h;

	v->t = V_STR;
	v->esc = false;
	v->s = (const char *)p;
	for (;;) {
		/* the body ends in NUL, which stops this too */
		while (!stops[*p])
			p++;
		if (p >= end || *p < 0x20)
			return false;
		if (*p == '"')
			break;
		v->esc = true;
		if (++p >= end)
			return false;
		if (strchr("\"\\/bfnrt", *p) != NULL && *p != '\0') {
			p++;
			continue;
		}
		if (*p != 'u' || end - p < 5)
			return false;
		for (u = 0, i = 1; i <= 4; i++) {
			if ((h = hex(p[i])) < 0)
				return false;
			u = u * 16 + (unsigned)h;
		}
		if (u >= 0xd800 && u <= 0xdfff)
			return false;	/* surrogates: json-c's to judge */
		p += 5;
	}
	v->n = (size_t)(p - (const unsigned char *)v->s);
	r->p = (const char *)p + 1;
	return true;
}

static bool
digits(struct rd *r)
{
	const char	*s = r->p;

	while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
		r->p++;
	return r->p > s;
}

/* A number, strict and short. */
static bool
number(struct rd *r, struct val *v)
{
	v->t = V_NUM;
	v->s = r->p;
	v->integer = true;
	if (r->p < r->end && *r->p == '-')
		r->p++;
	if (r->p < r->end && *r->p == '0')
		r->p++;
	else if (!digits(r))
		return false;
	if (r->p < r->end && *r->p == '.') {
		r->p++;
		v->integer = false;
		if (!digits(r))
			return false;
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		v->integer = false;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		if (!digits(r))
			return false;
	}
	v->n = (size_t)(r->p - v->s);
	return v->n <= FAST_NUMBER;
}

static bool
literal(struct rd *r, const char *word, enum vtype t, struct val *v)
{
	size_t	n = strlen(word);

	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return false;
	r->p += n;
	v->t = t;
	return true;
}

/* An array or object skipped whole (open is '[' or '{'). */
static bool
skip_container(struct rd *r, char open)
{
	struct val	v;
	char		close = open == '{' ? '}' : ']';
	bool		empty;
	int		k;

	if (!enter(r, close, &empty))
		return false;
	if (empty)
		return true;
	do {
		if (open == '{' && !name(r, &v))
			return false;
		if (!skip_value(r, &v))
			return false;
	} while ((k = after(r, close)) == 1);
	return k == 0;
}

/* Any value: scalars read into v, containers skipped (V_OBJ, V_ARR). */
static bool
skip_value(struct rd *r, struct val *v)
{
	ws(r);
	if (r->p >= r->end)
		return false;
	switch (*r->p) {
	case '"':
		return string(r, v);
	case '{':
		v->t = V_OBJ;
		return skip_container(r, '{');
	case '[':
		v->t = V_ARR;
		return skip_container(r, '[');
	case 't':
		return literal(r, "true", V_TRUE, v);
	case 'f':
		return literal(r, "false", V_FALSE, v);
	case 'n':
		return literal(r, "null", V_NULL, v);
	default:
		return number(r, v);
	}
}

/* Whether the container at r->p (after ws) is empty: "[]" or "{}". */
static bool
empty_container(const struct rd *r)
{
	const char	*p = r->p + 1;

	while (p < r->end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p < r->end && (*p == ']' || *p == '}');
}

/* A string member's text as compute_from() keeps it (escaped). */
static char *
text(const struct val *v)
{
	char	*raw = xstrndup(v->s, v->n), *safe;
	size_t	 i;

	for (i = 0; i < v->n; i++)
		if ((unsigned char)v->s[i] < 0x20 ||
		    (unsigned char)v->s[i] >= 0x7f)
			break;
	if (i == v->n)
		return raw;
	safe = text_escape_dup(raw, 0);
	free(raw);
	return safe;
}

static enum field
member(enum level lv, const struct val *key)
{
	size_t	i;

	for (i = 0; i < sizeof members / sizeof members[0]; i++)
		if (members[i].level == lv && members[i].len == key->n &&
		    memcmp(members[i].name, key->s, key->n) == 0)
			return members[i].f;
	return F_NONE;
}

/* The string slot of a field, or NULL. */
static char **
slot(struct el *e, enum field f)
{
	struct arm_compute	*c = e->c;

	switch (f) {
	case F_ID:		return &c->id;
	case F_NAME:		return &c->name;
	case F_LOCATION:	return &c->location;
	case F_TYPE:		return &c->compute_type;
	case F_CLOC:		return &c->compute_location;
	case F_PROV:		return &c->provisioning_state;
	case F_DESC:		return &c->description;
	case F_RESID:		return &c->resource_id;
	case F_CREATED:		return &c->created_on;
	case F_MODIFIED:	return &c->modified_on;
	case F_FQDN:		return &c->cluster_fqdn;
	case F_VM:		return &c->agent_vm_size;
	case F_VM_UPPER:	return &e->vm_upper;
	case F_PURPOSE:		return &c->cluster_purpose;
	case F_LBTYPE:		return &c->lb_type;
	case F_LBSUBNET:	return &c->lb_subnet;
	case F_NS:		return &c->k8s_namespace;
	case F_DEFIT:		return &c->default_instance_type;
	case F_TRAIN:		return &c->release_train;
	case F_SSTATUS:		return &c->ssl_status;
	case F_CNAME:		return &c->ssl_cname;
	case F_LEAF:		return &c->ssl_leaf_label;
	default:		return NULL;
	}
}

static bool	object(struct rd *, struct el *, enum level);

/* The value of member f (r->p after the ':'). */
static bool
member_value(struct rd *r, struct el *e, enum field f)
{
	struct val	 v;
	char		**s;

	ws(r);
	if (r->p >= r->end)
		return false;
	if (*r->p == '{' && (f == F_PROPS || f == F_PPROPS || f == F_SSL)) {
		if (f == F_PROPS)
			e->props = true;
		if (f == F_SSL)
			e->ssl = true;
		return object(r, e, f == F_PROPS ? L_PROPS :
		    f == F_PPROPS ? L_PPROPS : L_SSL);
	}
	/* a first provisioning error, instance types: json-c's to read */
	if ((f == F_ERRORS && *r->p == '[' && !empty_container(r)) ||
	    (f == F_ITYPES && *r->p == '{' && !empty_container(r)))
		e->odd = true;
	if (!skip_value(r, &v))
		return false;
	if (f == F_COUNT) {
		if (v.t == V_NUM && v.integer)
			e->c->agent_count = (int)strtol(v.s, NULL, 10);
		else if (v.t == V_NUM || v.t == V_STR)
			e->odd = true;
	} else if (f == F_ATTACHED) {
		if (v.t == V_STR && v.esc)
			e->odd = true;
		e->c->is_attached = v.t == V_TRUE || (v.t == V_STR &&
		    v.n == 4 && strncasecmp(v.s, "true", 4) == 0);
	} else if ((s = slot(e, f)) != NULL && v.t == V_STR) {
		if (v.esc)
			e->odd = true;
		else {
			free(*s);
			*s = text(&v);
		}
	}
	return true;
}

/* An object of a compute (r->p at '{'); false if not strict JSON. */
static bool
object(struct rd *r, struct el *e, enum level lv)
{
	struct val	key;
	enum field	f;
	bool		empty;
	int		k;

	if (!enter(r, '}', &empty))
		return false;
	if (empty)
		return true;
	do {
		if (!name(r, &key))
			return false;
		f = F_NONE;
		if (key.esc)
			e->odd = true;	/* it may spell a member's name */
		else if ((f = member(lv, &key)) != F_NONE) {
			if (e->seen & ((uint64_t)1 << f))
				e->odd = true;	/* json-c keeps the last */
			e->seen |= (uint64_t)1 << f;
		}
		if (f != F_NONE) {
			if (!member_value(r, e, f))
				return false;
		} else if (!skip_value(r, &key))
			return false;
	} while ((k = after(r, '}')) == 1);
	return k == 0;
}

/* One element of "value" that is an object, appended if it has a name. */
static bool
element(struct rd *r, struct arm_compute_list *l)
{
	struct el		 e;
	struct arm_compute	*c;
	const char		*start = r->p;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 16;
		l->v = xreallocarray(l->v, l->alloc, sizeof *l->v);
	}
	c = &l->v[l->n];
	memset(c, 0, sizeof *c);
	c->agent_count = -1;
	memset(&e, 0, sizeof e);
	e.c = c;
	if (!object(r, &e, L_ELEM)) {
		free(e.vm_upper);
		arm_compute_done(c);
		return false;
	}
	if (c->agent_vm_size == NULL) {
		c->agent_vm_size = e.vm_upper;
		e.vm_upper = NULL;
	}
	free(e.vm_upper);
	if (e.props)
		c->prov = provisioning_state_parse(c->provisioning_state);
	if (e.ssl)
		c->tls = tls_status_parse(c->ssl_status);
	if (e.odd) {
		arm_compute_done(c);
		if (!arm_compute_from_text(start, (size_t)(r->p - start), c)) {
			arm_compute_done(c);
			return false;
		}
	}
	if (c->name != NULL)
		l->n++;
	else
		arm_compute_done(c);
	return true;
}

/* The "value" array (r->p at '['). */
static bool
elements(struct rd *r, struct arm_compute_list *l)
{
	struct val	v;
	bool		empty;
	int		k;

	if (!enter(r, ']', &empty))
		return false;
	if (empty)
		return true;
	do {
		ws(r);
		if (r->p < r->end && *r->p == '{') {
			if (!element(r, l))
				return false;
		} else if (!skip_value(r, &v))
			return false;	/* not an object: no compute */
	} while ((k = after(r, ']')) == 1);
	return k == 0;
}

/* The page's members; false leaves the page to json-c. */
static bool
page(struct rd *r, struct arm_compute_list *l, char **link)
{
	struct val	key, v;
	bool		have_value = false, have_link = false, empty;
	int		k = 0;

	ws(r);
	if (r->p >= r->end || *r->p != '{' || !enter(r, '}', &empty))
		return false;
	if (!empty)
		do {
			if (!name(r, &key) || key.esc)
				return false;
			ws(r);
			if (key.n == 5 && memcmp(key.s, "value", 5) == 0) {
				if (have_value)
					return false;
				have_value = true;
				if (r->p < r->end && *r->p == '[') {
					if (!elements(r, l))
						return false;
				} else if (!skip_value(r, &v) ||
				    v.t != V_NULL)
					return false;	/* json-c says */
			} else if (key.n == 8 &&
			    memcmp(key.s, "nextLink", 8) == 0) {
				if (have_link || !skip_value(r, &v) ||
				    (v.t == V_STR && v.esc))
					return false;
				have_link = true;
				if (v.t == V_STR && v.n > 0)
					*link = xstrndup(v.s, v.n);
			} else if (!skip_value(r, &v))
				return false;
		} while ((k = after(r, '}')) == 1);
	if (k < 0)
		return false;
	ws(r);
	return r->p == r->end;
}

bool
arm_fast_computes(const char *body, struct arm_compute_list *l, char **next)
{
	struct rd	 r;
	char		*link = NULL;
	size_t		 n0 = l->n;

	if (body == NULL)
		return false;
	r.p = body;
	r.end = body + strlen(body);
	r.depth = 0;
	if (!page(&r, l, &link)) {
		while (l->n > n0)
			arm_compute_done(&l->v[--l->n]);
		free(link);
		return false;
	}
	if (next != NULL)
		*next = link;
	else
		free(link);
	return true;
}
