/*
 * The browse model (browse.h): rows made once from the service's answer
 * (its strings taken over, not copied), sorted once per refresh or sort
 * change and, while a list's pages arrive, once per frame (each batch
 * sorted alone and merged in), filtered on every keystroke by a
 * substring search, whatever the case, in each shown member of a row
 * (the values rows share looked in once; 10,000 rows are well under a
 * millisecond), the selection kept by name.
 */
#include "config.h"
#include "tui/browse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "common/i18n.h"
#include "azure/journal.h"
#include "common/xalloc.h"
#include "core/text.h"
#include "core/vmcatalogue.h"

/*
 * Each column's heading, and a short one for when the column has only
 * its minimum width (80 columns: every column at its minimum).
 */
static const struct {
	const char	*name;
	const char	*title;
	const char	*brief;
	int		 min, want;
} browse_cols[BROWSE_COL__COUNT] = {
	/* TRANSLATORS: browse column headings; the second of each pair is
	 * used when the column is narrow and has at most as many cells as
	 * the column's smallest width: 12, 11, 8, 15, 6, 7, 6, 6. */
	{ "name",	N_("Name"),	N_("Name"),		12, 24 },
	{ "state",	N_("State"),	N_("State"),		11, 12 },
	{ "purpose",	N_("Purpose"),	N_("Purpose"),		 8, 12 },
	{ "nodes",	N_("Nodes × size = vCPU"), N_("Nodes × size"), 15, 24 },
	{ "version",	N_("Version"),	N_("K8s"),		 6,  8 },
	{ "region",	N_("Region"),	N_("Region"),		 7, 14 },
	{ "lb",		N_("LB"),	N_("LB"),		 6,  8 },
	{ "tls",	N_("TLS"),	N_("TLS"),		 6,  8 },
};

/* Every unknown member: shared, never freed. */
static char	browse_empty[1];

/* The rare members of every row that has none: "", never written. */
static struct browse_row_more browse_more_none = {
	browse_empty, browse_empty, browse_empty, browse_empty, browse_empty,
	browse_empty, browse_empty, browse_empty, browse_empty, browse_empty,
	browse_empty, browse_empty, browse_empty, browse_empty, browse_empty,
	browse_empty, browse_empty
};

/*
 * Short values that most rows share ("AKS", "Succeeded", "eastus",
 * "Standard_D3_v2"): one copy each in a pool kept for the process, which
 * saves 10,000 rows a malloc'd copy of each, and the filter looks in each
 * once a keystroke rather than once a row (the byte before each copy).
 * The pool is bounded: past BROWSE_POOL_BLOCKS blocks, or for a long
 * value, a row keeps its own.
 */
#define BROWSE_POOL_BLOCK	4096
#define BROWSE_POOL_BLOCKS	16
#define BROWSE_POOL_LONGEST	32
#define BROWSE_POOL_SLOTS	1024	/* half of them filled at most */
static char	*browse_pool[BROWSE_POOL_BLOCKS];
static size_t	 browse_pool_n, browse_pool_used, browse_pool_count;
static char	*browse_pool_slot[BROWSE_POOL_SLOTS];

/* True for a string of the pool. */
static bool
browse_pooled(const char *s)
{
	size_t	i;

	for (i = 0; i < browse_pool_n; i++)
		if (s >= browse_pool[i] && s < browse_pool[i] + BROWSE_POOL_BLOCK)
			return true;
	return false;
}

/*
 * The pool's copy of s, added if there is room and s is no longer than
 * longest; NULL if not.
 */
static char *
browse_pool_find(const char *s, size_t longest)
{
	size_t		 h = 5381, len = strlen(s), i;
	char		*p;

	if (len > longest)
		return NULL;
	/* Half the slots at most: a probe always ends at an empty one. */
	for (i = 0; i < len; i++)
		h = h * 33 + (unsigned char)s[i];
	for (i = h % BROWSE_POOL_SLOTS; browse_pool_slot[i] != NULL;
	    i = (i + 1) % BROWSE_POOL_SLOTS)
		if (strcmp(browse_pool_slot[i], s) == 0)
			return browse_pool_slot[i];
	if (browse_pool_count >= BROWSE_POOL_SLOTS / 2)
		return NULL;
	if (browse_pool_n == 0 || browse_pool_used + len + 2 >
	    BROWSE_POOL_BLOCK) {
		if (browse_pool_n == BROWSE_POOL_BLOCKS)
			return NULL;
		browse_pool[browse_pool_n++] = xmalloc(BROWSE_POOL_BLOCK);
		browse_pool_used = 0;
	}
	/* A byte before each value: whether the filter's text is in it. */
	p = browse_pool[browse_pool_n - 1] + browse_pool_used + 1;
	p[-1] = 0;
	memcpy(p, s, len + 1);
	browse_pool_used += len + 2;
	browse_pool_slot[i] = p;
	browse_pool_count++;
	return p;
}

/* True for a string in the row's block. */
static bool
browse_in_block(const struct browse_row *r, const char *s)
{
	return r != NULL && r->block != NULL && s >= r->block &&
	    s < r->block + r->nblock;
}

/*
 * Free a member of r (NULL: of no row) unless it is the shared "", the
 * pool's or in the row's block.
 */
static void
browse_str_free(const struct browse_row *r, char *s)
{
	if (s != browse_empty && !browse_pooled(s) && !browse_in_block(r, s))
		free(s);
}

/* Start with no rows. */
void
browse_page_init(struct compute_page *p)
{
	memset(p, 0, sizeof *p);
}

/* Free the rows and the indices. */
void
browse_page_done(struct compute_page *p)
{
	browse_rows_free(p->rows, p->n);
	free(p->order);
	free(p->view);
	memset(p, 0, sizeof *p);
}

/* n rows with every string "". */
struct browse_row *
browse_rows_new(size_t n)
{
	struct browse_row	*r = xcalloc(n ? n : 1, sizeof *r);
	size_t			 i;

	for (i = 0; i < n; i++) {
		r[i].nodes = r[i].vcpu = -1;
		r[i].more = &browse_more_none;
	}
	return r;
}

/* Replace a member with a copy of value. */
void
browse_row_set(struct browse_row *r, char **member, const char *value)
{
	browse_str_free(r, *member);
	*member = value != NULL && *value != '\0' ? xstrdup(value) :
	    browse_empty;
}

/* Take over a value many rows share: the pool's copy when it has one. */
void
browse_row_share(struct browse_row *r, char **member, char **value)
{
	char	*p;

	if (*value != NULL && **value != '\0' &&
	    (p = browse_pool_find(*value, BROWSE_POOL_LONGEST)) != NULL) {
		browse_str_free(r, *member);
		free(*value);
		*value = NULL;
		*member = p;
		return;
	}
	browse_row_take(r, member, value);
}

/* Take over a string (NULL and "" become the shared ""). */
void
browse_row_take(struct browse_row *r, char **member, char **value)
{
	browse_str_free(r, *member);
	if (*value != NULL && **value != '\0') {
		*member = *value;
	} else {
		free(*value);
		*member = browse_empty;
	}
	*value = NULL;
}

#define BROWSE_ROW_STRINGS	14
#define BROWSE_MORE_STRINGS	17

/* The string members of a row, for filling "" and freeing. */
static void
browse_row_members(struct browse_row *r, char **m[BROWSE_ROW_STRINGS])
{
	char	**all[BROWSE_ROW_STRINGS] = { &r->id, &r->name, &r->type,
		&r->state, &r->purpose, &r->size, &r->region, &r->lb, &r->tls,
		&r->fqdn, &r->resource_id, &r->description, &r->created,
		&r->modified };

	memcpy(m, all, sizeof all);
}

/* The string members of a row's own rare members. */
static void
browse_more_members(struct browse_row_more *x,
    char **m[BROWSE_MORE_STRINGS])
{
	char	**all[BROWSE_MORE_STRINGS] = { &x->subnet, &x->cname,
		&x->leaf, &x->error_code, &x->error_message, &x->error_detail,
		&x->failed_op, &x->failed_step_name, &x->failed_error,
		&x->journal, &x->k8s_namespace, &x->power, &x->ext_version,
		&x->ext_problem, &x->router, &x->version, &x->ext_state };

	memcpy(m, all, sizeof all);
}

/* The row's own rare members, made ("" each) when it had none. */
struct browse_row_more *
browse_row_more(struct browse_row *r)
{
	if (r->more == &browse_more_none) {
		r->more = xmalloc(sizeof *r->more);
		*r->more = browse_more_none;
	}
	return r->more;
}

/* The prefix of a compute ID the name completes: ".../computes/". */
#define BROWSE_ID_SEP		"/computes/"
#define BROWSE_ID_PREFIX_MAX	512

/*
 * The first of v[0..i] whose value is v[i]'s (a compute never modified has
 * its creation time twice): the block keeps it once.
 */
static size_t
browse_pack_same(const struct browse_str *v, size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++)
		if (v[j].value != NULL && v[j].value[0] != '\0' &&
		    strcmp(v[j].value, v[i].value) == 0)
			return j;
	return i;
}

/* The prefix of the last ID packed (the pool's), and its length. */
static char	*id_prefix;
static size_t	 id_prefix_len;

/* The row's own strings in one block, the ID's prefix shared. */
void
browse_row_pack(struct browse_row *r, const char *id,
    const struct browse_str *v, size_t n)
{
	char	 prefix[BROWSE_ID_PREFIX_MAX], *p;
	size_t	 total = 0, idlen = 0, i, k, sep = strlen(BROWSE_ID_SEP);

	/* Point at the values for now, to compare the ID with the name. */
	for (i = 0; i < n; i++) {
		browse_str_free(r, *v[i].member);
		*v[i].member = v[i].value != NULL && v[i].value[0] != '\0' ?
		    (char *)v[i].value : browse_empty;
		if (*v[i].member != browse_empty && browse_pack_same(v, i) == i)
			total += strlen(v[i].value) + 1;
	}
	browse_str_free(r, r->id);
	r->id = browse_empty;
	r->id_by_name = false;
	if (id != NULL && id[0] != '\0') {
		idlen = strlen(id);
		k = r->name != NULL ? strlen(r->name) : 0;
		if (k > 0 && idlen > k + sep && idlen - k < sizeof prefix &&
		    strcmp(id + idlen - k, r->name) == 0 &&
		    strncmp(id + idlen - k - sep, BROWSE_ID_SEP, sep) == 0) {
			/* The last row's, mostly: no hash of it. */
			if (id_prefix != NULL && id_prefix_len == idlen - k &&
			    memcmp(id_prefix, id, idlen - k) == 0)
				p = id_prefix;
			else {
				memcpy(prefix, id, idlen - k);
				prefix[idlen - k] = '\0';
				p = browse_pool_find(prefix,
				    BROWSE_ID_PREFIX_MAX);
			}
			if (p != NULL) {
				id_prefix = r->id = p;
				id_prefix_len = idlen - k;
				r->id_by_name = true;
			}
		}
		if (!r->id_by_name)
			total += idlen + 1;
	}
	free(r->block);
	r->nblock = (unsigned)total;
	p = r->block = total > 0 ? xmalloc(total) : NULL;
	for (i = 0; i < n; i++) {
		if (*v[i].member == browse_empty)
			continue;
		if ((k = browse_pack_same(v, i)) != i) {
			*v[i].member = *v[k].member;
			continue;
		}
		k = strlen(*v[i].member) + 1;
		memcpy(p, *v[i].member, k);
		*v[i].member = p;
		p += k;
	}
	if (idlen > 0 && !r->id_by_name) {
		memcpy(p, id, idlen + 1);
		r->id = p;
		p += idlen + 1;
	}
}

/* The ID as the service gave it. */
const char *
browse_row_id(const struct browse_row *r, char *buf, size_t len)
{
	if (!r->id_by_name)
		return r->id;
	snprintf(buf, len, "%s%s", r->id, r->name);
	return buf;
}

/* The last values of the pool parsed, and what they gave. */
static struct {
	const char		*state, *tls, *size;	/* NULL: none */
	enum provisioning_state	 prov;
	enum tls_status		 tls_status;
	const struct vm_size	*vm;
} memo;

/* Fill unset members, the vCPU and the sort's inference flag. */
void
browse_row_finish(struct browse_row *r)
{
	const struct vm_size	*vm;
	char			**m[BROWSE_ROW_STRINGS];
	int			 i;

	browse_row_members(r, m);
	for (i = 0; i < BROWSE_ROW_STRINGS; i++)
		if (*m[i] == NULL)
			*m[i] = browse_empty;
	/*
	 * A value of the pool is parsed once for all the rows that share it
	 * (the VM size catalogue's search was most of making a row).
	 */
	if (r->state != memo.state || r->state == NULL) {
		memo.prov = provisioning_state_parse(r->state);
		memo.state = browse_pooled(r->state) ? r->state : NULL;
	}
	r->prov = memo.prov;
	if (r->tls != memo.tls || r->tls == NULL) {
		memo.tls_status = tls_status_parse(r->tls);
		memo.tls = browse_pooled(r->tls) ? r->tls : NULL;
	}
	r->tls_status = memo.tls_status;
	if (r->nodes >= 0) {
		if (r->size != memo.size || r->size == NULL) {
			memo.vm = vm_catalogue_find(r->size);
			memo.size = browse_pooled(r->size) ? r->size : NULL;
		}
		if ((vm = memo.vm) != NULL)
			r->vcpu = r->nodes * vm->vcpus;
	}
	r->inference = browse_row_inference(r);
}

/* Free n rows. */
void
browse_rows_free(struct browse_row *r, size_t n)
{
	size_t	i;
	char	**m[BROWSE_ROW_STRINGS], **x[BROWSE_MORE_STRINGS];
	int	j;

	if (r == NULL)
		return;
	for (i = 0; i < n; i++) {
		browse_row_members(&r[i], m);
		for (j = 0; j < BROWSE_ROW_STRINGS; j++)
			browse_str_free(&r[i], *m[j]);
		if (r[i].more != &browse_more_none) {
			browse_more_members(r[i].more, x);
			for (j = 0; j < BROWSE_MORE_STRINGS; j++)
				browse_str_free(&r[i], *x[j]);
			free(r[i].more);
		}
		free(r[i].block);
	}
	free(r);
}

/*
 * Unfinished when the last operation is journaled as partly applied (the
 * journal's rule: a step after the first failed or was not sent).
 */
void
browse_row_journal(struct browse_row *r, const struct journal_entry *e)
{
	char			 text[sizeof e->error_code +
				     sizeof e->error_message + 4];
	struct browse_row_more	*x;

	r->failed_step = r->nsteps = 0;
	if (e == NULL || !journal_entry_partly_applied(e) || e->step < 2 ||
	    e->nsteps < e->step)
		return;
	r->failed_step = e->step;
	r->nsteps = e->nsteps;
	x = browse_row_more(r);
	browse_row_set(r, &x->failed_op, e->operation);
	browse_row_set(r, &x->failed_step_name, e->step_name);
	snprintf(text, sizeof text, "%s%s%s", e->error_code,
	    e->error_code[0] != '\0' && e->error_message[0] != '\0' ?
	    ": " : "", e->error_message);
	browse_row_set(r, &x->failed_error, text);
	browse_row_set(r, &x->journal, e->path);
}

/* The kind of a provisioning state. */
enum browse_state
browse_state_kind(enum provisioning_state p)
{
	switch (provisioning_state_class(p)) {
	case STATE_CLASS_SUCCEEDED:
		return BROWSE_STATE_OK;
	case STATE_CLASS_FAILED:
	case STATE_CLASS_CANCELED:
		return BROWSE_STATE_FAILED;
	case STATE_CLASS_IN_PROGRESS:
		return BROWSE_STATE_BUSY;
	case STATE_CLASS_UNKNOWN:
		break;
	}
	return BROWSE_STATE_OTHER;
}

/* Kubernetes and AKS computes are the inference clusters. */
bool
browse_row_inference(const struct browse_row *r)
{
	return r->type != NULL && (strcasecmp(r->type, "AKS") == 0 ||
	    browse_row_kubernetes(r));
}

/* Today's path: a compute of type Kubernetes. */
bool
browse_row_kubernetes(const struct browse_row *r)
{
	return r->type != NULL && strcasecmp(r->type, "Kubernetes") == 0;
}

/* The extension's state, parsed; unknown while unread or absent. */
enum provisioning_state
browse_row_ext_prov(const struct browse_row *r)
{
	/* Most rows: not read, and no state's spelling is "". */
	if (r->more->ext_state[0] == '\0')
		return PROV_UNKNOWN;
	return provisioning_state_parse(r->more->ext_state);
}

/* A column's heading, N_() text. */
const char *
browse_col_title(enum browse_col c)
{
	return browse_cols[c].title;
}

/* The short heading (N_() text), for a column at its minimum width. */
const char *
browse_col_brief(enum browse_col c)
{
	return browse_cols[c].brief;
}

/* The key hints that fit, by priority, in their own order. */
void
browse_hints_fit(const struct browse_hint *h, size_t n, int width,
    char *buf, size_t len)
{
	bool	 in[32];
	int	 used = 0, need, prio;
	size_t	 i;

	memset(in, 0, sizeof in);
	if (n > sizeof in / sizeof in[0])
		n = sizeof in / sizeof in[0];
	for (prio = 0; prio <= BROWSE_HINT_PRIO_MAX; prio++)
		for (i = 0; i < n; i++) {
			if (h[i].prio != prio || h[i].text == NULL)
				continue;
			need = (int)text_width(h[i].text) + (used > 0 ? 2 : 0);
			if (used + need <= width) {
				in[i] = true;
				used += need;
			}
		}
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (in[i])
			snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
			    buf[0] != '\0' ? "  " : "", h[i].text);
}

/* A column's stable name. */
const char *
browse_col_name(enum browse_col c)
{
	return browse_cols[c].name;
}

/* "3 × Standard_D3_v2 = 12", or what of it is known. */
void
browse_nodes_text(const struct browse_row *r, const char *times, bool brief,
    char *buf, size_t len)
{
	const char	*size = r->size;

	/* Every Azure size starts so; the list has no room for it. */
	if (brief && strncasecmp(size, "Standard_", 9) == 0)
		size += 9;
	if (r->nodes < 0 && size[0] == '\0')
		snprintf(buf, len, "%s", "");
	else if (r->nodes < 0)
		snprintf(buf, len, "%s", size);
	else if (r->vcpu < 0)
		snprintf(buf, len, "%d %s %s", r->nodes, times, size);
	else
		snprintf(buf, len, "%d %s %s = %d", r->nodes, times, size,
		    r->vcpu);
}

/* Column widths: minimums from the left while they fit, then growth. */
void
browse_layout(int width, int widths[BROWSE_COL__COUNT])
{
	int	used = 0, c, last = -1, extra;

	for (c = 0; c < BROWSE_COL__COUNT; c++) {
		int	need = browse_cols[c].min + (c > 0 ? 1 : 0);

		widths[c] = 0;
		if (last == c - 1 && used + need <= width) {
			widths[c] = browse_cols[c].min;
			used += need;
			last = c;
		}
	}
	/* Grow each shown column towards what its text wants. */
	for (c = 0; c <= last && used < width; c++) {
		extra = browse_cols[c].want - widths[c];
		if (extra > width - used)
			extra = width - used;
		widths[c] += extra;
		used += extra;
	}
	/* What is left goes to the name. */
	if (last >= 0 && used < width)
		widths[BROWSE_COL_NAME] += width - used;
}

static const struct compute_page *sort_page;	/* for the comparator */

/* A column's sort text for a row. */
static const char *
browse_sort_text(const struct browse_row *r, enum browse_col c)
{
	switch (c) {
	case BROWSE_COL_STATE:		return r->state;
	case BROWSE_COL_PURPOSE:	return r->purpose;
	case BROWSE_COL_VERSION:	return r->more->version;
	case BROWSE_COL_REGION:		return r->region;
	case BROWSE_COL_LB:		return r->lb;
	case BROWSE_COL_TLS:		return r->tls;
	default:			return r->name;
	}
}

/* Inference first, then the sort column, then the name. */
static int
browse_compare(const void *a, const void *b)
{
	const struct browse_row	*x = &sort_page->rows[*(const uint32_t *)a];
	const struct browse_row	*y = &sort_page->rows[*(const uint32_t *)b];
	bool			 ix = x->inference;
	bool			 iy = y->inference;
	int			 d;

	if (ix != iy)
		return ix ? -1 : 1;
	if (sort_page->sort == BROWSE_COL_NODES) {
		if (x->vcpu != y->vcpu)
			return x->vcpu > y->vcpu ? -1 : 1;
	} else if ((d = strcasecmp(browse_sort_text(x, sort_page->sort),
	    browse_sort_text(y, sort_page->sort))) != 0)
		return d;
	return strcmp(x->name, y->name);
}

/* Sort the rows into order (view is rebuilt after). */
static void
browse_page_sort(struct compute_page *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		p->order[i] = (uint32_t)i;
	sort_page = p;
	qsort(p->order, p->n, sizeof *p->order, browse_compare);
	sort_page = NULL;
	p->sorted = p->n;
}

/* needle (lower case, n bytes, not "") in s, whatever the case of s. */
static bool
browse_has(const char *s, const char *needle, size_t n)
{
	size_t	i;

	for (; *s != '\0'; s++) {
		if ((char)tolower((unsigned char)*s) != needle[0])
			continue;
		for (i = 1; i < n && s[i] != '\0' &&
		    (char)tolower((unsigned char)s[i]) == needle[i]; i++)
			;
		if (i == n)
			return true;
		if (s[i] == '\0')
			return false;
	}
	return false;
}

/* The filter's text in a member: the pool's answer for its values. */
static bool
browse_member_has(const char *s, const char *needle, size_t n)
{
	if (s[0] == '\0')
		return false;
	if (browse_pooled(s))
		return s[-1] != 0;
	return browse_has(s, needle, n);
}

/*
 * The filter's text in a row: in its name, type, state, purpose, size,
 * version, region, load balancer, TLS or extension state.
 */
static bool
browse_row_has(const struct browse_row *r, const char *needle, size_t n)
{
	const char	*f[] = { r->name, r->type, r->state, r->purpose,
		r->size, r->more->version, r->region, r->lb, r->tls,
		r->more->ext_state };
	size_t		 i;

	for (i = 0; i < sizeof f / sizeof f[0]; i++)
		if (browse_member_has(f[i], needle, n))
			return true;
	return false;
}

/* Rebuild the view from the order and the filter, keeping sel on name. */
static void
browse_page_refilter(struct compute_page *p, const char *keep)
{
	char	 needle[sizeof p->filter], *s;
	bool	 invert = p->filter[0] == '!';
	size_t	 i, n;

	snprintf(needle, sizeof needle, "%s", p->filter + (invert ? 1 : 0));
	for (s = needle; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
	n = strlen(needle);
	/* Each value of the pool looked in once, not once a row. */
	for (i = 0; n > 0 && i < BROWSE_POOL_SLOTS; i++)
		if (browse_pool_slot[i] != NULL)
			browse_pool_slot[i][-1] = (char)browse_has(
			    browse_pool_slot[i], needle, n);
	p->nview = 0;
	for (i = 0; i < p->n; i++) {
		const struct browse_row	*r = &p->rows[p->order[i]];

		if (n == 0 || browse_row_has(r, needle, n) != invert)
			p->view[p->nview++] = p->order[i];
	}
	if (keep == NULL || !browse_page_select(p, keep)) {
		if (p->sel >= p->nview)
			p->sel = p->nview > 0 ? p->nview - 1 : 0;
	}
	if (p->top > p->sel)
		p->top = p->sel;
}

/* The selected row's name, copied (caller frees), or NULL. */
static char *
browse_page_keep(const struct compute_page *p)
{
	const struct browse_row	*r = browse_page_selected(p);

	return r != NULL ? xstrdup(r->name) : NULL;
}

/* Replace the rows, keeping the selection on the same compute. */
void
browse_page_set(struct compute_page *p, struct browse_row *rows, size_t n)
{
	char	*keep = browse_page_keep(p);

	browse_rows_free(p->rows, p->n);
	free(p->order);
	free(p->view);
	p->rows = rows;
	p->n = p->alloc = n;
	p->order = xcalloc(n ? n : 1, sizeof *p->order);
	p->view = xcalloc(n ? n : 1, sizeof *p->view);
	browse_page_sort(p);
	browse_page_refilter(p, keep);
	free(keep);
}

/* Add a page's rows; they are sorted in when the page is settled. */
void
browse_page_append(struct compute_page *p, struct browse_row *rows,
    size_t n)
{
	if (p->n + n > p->alloc) {
		p->alloc = p->alloc * 2 > p->n + n ? p->alloc * 2 : p->n + n;
		p->rows = xreallocarray(p->rows, p->alloc, sizeof *p->rows);
		p->order = xreallocarray(p->order, p->alloc,
		    sizeof *p->order);
		p->view = xreallocarray(p->view, p->alloc, sizeof *p->view);
	}
	if (n > 0)
		memcpy(p->rows + p->n, rows, n * sizeof *rows);
	free(rows);	/* the strings are the page's now */
	p->n += n;
}

/* Sort the rows appended since, merge them in, filter again. */
void
browse_page_settle(struct compute_page *p)
{
	uint32_t *tail = p->order + p->sorted, *out = p->view, *swap;
	size_t	 i, a = 0, b = 0, m = p->n - p->sorted;
	char	*keep;

	if (p->sorted >= p->n)
		return;
	keep = browse_page_keep(p);
	for (i = 0; i < m; i++)
		tail[i] = (uint32_t)(p->sorted + i);
	sort_page = p;
	qsort(tail, m, sizeof *tail, browse_compare);
	/* Merge into the view's room, which is rebuilt next anyway. */
	for (i = 0; i < p->n; i++)
		out[i] = b >= m || (a < p->sorted &&
		    browse_compare(&p->order[a], &tail[b]) <= 0) ?
		    p->order[a++] : tail[b++];
	sort_page = NULL;
	swap = p->order;
	p->order = p->view;
	p->view = swap;
	p->sorted = p->n;
	browse_page_refilter(p, keep);
	free(keep);
}

/* New filter text; the selection stays if the compute is still shown. */
void
browse_page_filter(struct compute_page *p, const char *text)
{
	char	*keep;

	browse_page_settle(p);
	keep = browse_page_keep(p);

	snprintf(p->filter, sizeof p->filter, "%s", text);
	browse_page_refilter(p, keep);
	free(keep);
}

/* Sort by the next column. */
void
browse_page_cycle_sort(struct compute_page *p)
{
	char	*keep = browse_page_keep(p);

	p->sort = (enum browse_col)((p->sort + 1) % BROWSE_COL__COUNT);
	browse_page_sort(p);
	browse_page_refilter(p, keep);
	free(keep);
}

/* The selected row, or NULL when nothing is shown. */
struct browse_row *
browse_page_selected(const struct compute_page *p)
{
	if (p->nview == 0 || p->sel >= p->nview)
		return NULL;
	return &p->rows[p->view[p->sel]];
}

/* Select by name among the rows shown. */
bool
browse_page_select(struct compute_page *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->nview; i++)
		if (strcmp(p->rows[p->view[i]].name, name) == 0) {
			p->sel = i;
			return true;
		}
	return false;
}

/* Move the selection; keep it inside the height rows from top. */
void
browse_page_move(struct compute_page *p, long delta, int height)
{
	long	sel = (long)p->sel + delta;

	if (p->nview == 0)
		return;
	if (sel < 0)
		sel = 0;
	if (sel >= (long)p->nview)
		sel = (long)p->nview - 1;
	p->sel = (size_t)sel;
	if (height < 1)
		height = 1;
	if (p->sel < p->top)
		p->top = p->sel;
	else if (p->sel >= p->top + (size_t)height)
		p->top = p->sel - (size_t)height + 1;
}

/* Any compute in progress (Creating, Updating, Deleting ...)? */
bool
browse_page_transitional(const struct compute_page *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		if (browse_state_kind(p->rows[i].prov) == BROWSE_STATE_BUSY ||
		    browse_state_kind(browse_row_ext_prov(&p->rows[i])) ==
		    BROWSE_STATE_BUSY)
			return true;
	return false;
}

/* The row of that name, shown or not. */
struct browse_row *
browse_page_find(const struct compute_page *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->rows[i].name, name) == 0)
			return &p->rows[i];
	return NULL;
}
