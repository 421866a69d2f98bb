/*
 * The browse model (tui/browse.h) without curses: inference computes
 * first, each sort column, the substring filter and its "!" inversion,
 * the selection kept on the same compute across a refresh (even when it
 * moves, or when the filter hides it), the auto-refresh decision, nodes
 * and vCPU text, and column widths at 80 and 200 columns; Kubernetes
 * computes among the inference clusters, their extension's state searched;
 * a list's pages appended as they arrive and settled once a frame (sorted
 * in, filtered, the selection kept) giving the order of the whole list
 * set at once, their strings taken over rather than copied, and the short
 * values most rows share kept once; a row's own strings packed in one
 * block, the compute ID's prefix kept once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "azure/journal.h"
#include "tui/browse.h"

struct spec {
	const char	*name, *type, *state, *purpose, *size, *region, *lb;
	int		 nodes;
};

static const struct spec world[] = {
	{ "inf-created", "AKS", "Succeeded", "FastProd", "Standard_D3_v2",
	    "eastus", "PublicIp", 3 },
	{ "cpu-cluster", "AmlCompute", "Succeeded", "", "", "eastus", "",
	    -1 },
	{ "inf-failed", "AKS", "Failed", "FastProd", "Standard_D3_v2",
	    "westeurope", "PublicIp", 3 },
	{ "b-dev", "AKS", "Creating", "DevTest", "Standard_D2_v2", "eastus",
	    "InternalLoadBalancer", 1 },
};
#define NWORLD	(sizeof world / sizeof world[0])

/* Rows for the specs, with states overridden by states[] when not NULL. */
static struct browse_row *
rows(const char *const *states)
{
	struct browse_row	*r = browse_rows_new(NWORLD);
	size_t			 i;

	for (i = 0; i < NWORLD; i++) {
		browse_row_set(&r[i], &r[i].name, world[i].name);
		browse_row_set(&r[i], &r[i].type, world[i].type);
		browse_row_set(&r[i], &r[i].state, states != NULL ? states[i] :
		    world[i].state);
		browse_row_set(&r[i], &r[i].purpose, world[i].purpose);
		browse_row_set(&r[i], &r[i].size, world[i].size);
		browse_row_set(&r[i], &r[i].region, world[i].region);
		browse_row_set(&r[i], &r[i].lb, world[i].lb);
		r[i].nodes = world[i].nodes;
		browse_row_finish(&r[i]);
	}
	return r;
}

/* The names in view, space separated. */
static const char *
names(const struct compute_page *p)
{
	static char	buf[4096];
	size_t		i;

	buf[0] = '\0';
	for (i = 0; i < p->nview; i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, p->rows[p->view[i]].name);
	}
	return buf;
}

/* The footer: by priority, in order, "? keys" always. */
static void
hints_test(void)
{
	static const struct browse_hint h[] = {
		{ "Enter detail", 4 }, { "/ filter", 2 }, { "s sort", 5 },
		{ "r refresh", 6 }, { NULL, 0 }, { "d detach", 2 },
		{ "i LB", 2 }, { "t TLS", 2 }, { "x delete", 3 },
		{ "n new", 1 }, { "a attach", 1 }, { "? keys", 0 },
	};
	static const struct {
		int		 width;
		const char	*want;
	} rows[] = {
		{ 200, "Enter detail  / filter  s sort  r refresh  d detach  "
		    "i LB  t TLS  x delete  n new  a attach  ? keys" },
		{ 78, "/ filter  s sort  d detach  i LB  t TLS  x delete  "
		    "n new  a attach  ? keys" },
		{ 58, "/ filter  d detach  i LB  t TLS  n new  a attach  "
		    "? keys" },
		{ 30, "i LB  n new  a attach  ? keys" },
		{ 6, "? keys" },
		{ 3, "" },
	};
	char	buf[256];
	size_t	i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		browse_hints_fit(h, sizeof h / sizeof h[0], rows[i].width, buf,
		    sizeof buf);
		is_str(buf, rows[i].want, "footer at %d cells", rows[i].width);
		ok((int)strlen(buf) <= rows[i].width, "fits %d cells",
		    rows[i].width);
	}
}

/* Unfinished: a closed entry that did not succeed at step 2 or later. */
static void
journal_test(void)
{
	static const struct {
		bool		 open;
		int		 step, nsteps;
		const char	*result;
		int		 want;
	} rows[] = {
		{ false, 2, 2, "PartlyApplied", 2 },
		{ false, 2, 2, "Failed", 0 },	/* not journaled as partial */
		{ false, 2, 2, "Succeeded", 0 },
		{ false, 1, 2, "Failed", 0 },	/* nothing applied */
		{ false, 1, 1, "Failed", 0 },
		{ true, 2, 2, "", 0 },		/* still running: watch */
		{ false, 3, 2, "PartlyApplied", 0 },	/* damaged */
	};
	struct journal_entry	 e;
	struct browse_row	*r = browse_rows_new(1);
	size_t			 i;

	browse_row_finish(r);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		memset(&e, 0, sizeof e);
		e.open = rows[i].open;
		e.step = rows[i].step;
		e.nsteps = rows[i].nsteps;
		snprintf(e.result, sizeof e.result, "%s", rows[i].result);
		snprintf(e.operation, sizeof e.operation, "attach");
		snprintf(e.step_name, sizeof e.step_name, "update");
		snprintf(e.error_code, sizeof e.error_code, "BadRequest");
		snprintf(e.error_message, sizeof e.error_message, "no");
		snprintf(e.path, sizeof e.path, "/j.json");
		browse_row_journal(r, &e);
		is_int(r->failed_step, rows[i].want, "journal %s step %d of "
		    "%d, %s", rows[i].open ? "open" : "closed", rows[i].step,
		    rows[i].nsteps, rows[i].result);
	}
	is_str(r->more->failed_error, "BadRequest: no", "the journaled error");
	browse_row_journal(r, NULL);
	is_int(r->failed_step, 0, "no journal: nothing unfinished");
	browse_rows_free(r, 1);
}

/* Kubernetes computes are inference clusters; their extension's state. */
static void
kubernetes_test(void)
{
	static const struct {
		const char	*name, *type, *ext_state;
		bool		 inference, kubernetes;
	} rows[] = {
		{ "k8s-a", "Kubernetes", "Failed", true, true },
		{ "legacy", "AKS", "", true, false },
		{ "train", "AmlCompute", "", false, false },
		{ "k8s-b", "kubernetes", "-", true, true },
	};
	struct browse_row	*r = browse_rows_new(4);
	struct compute_page	 p;
	size_t			 i;

	for (i = 0; i < 4; i++) {
		browse_row_set(&r[i], &r[i].name, rows[i].name);
		browse_row_set(&r[i], &r[i].type, rows[i].type);
		browse_row_set(&r[i], &r[i].state, "Succeeded");
		browse_row_set(&r[i], &browse_row_more(&r[i])->ext_state,
		    rows[i].ext_state);
		browse_row_finish(&r[i]);
		is_int(browse_row_inference(&r[i]), rows[i].inference,
		    "%s (%s): inference cluster or not", rows[i].name,
		    rows[i].type);
		is_int(browse_row_kubernetes(&r[i]), rows[i].kubernetes,
		    "%s: Kubernetes or not", rows[i].name);
	}
	is_int(browse_row_ext_prov(&r[0]), PROV_FAILED, "extension Failed");
	is_int(browse_row_ext_prov(&r[1]), PROV_UNKNOWN, "not read: unknown");
	browse_page_init(&p);
	browse_page_set(&p, r, 4);
	is_str(names(&p), "k8s-a k8s-b legacy train",
	    "Kubernetes and AKS computes first, by name");
	browse_page_filter(&p, "failed");
	is_str(names(&p), "k8s-a", "the extension's state is searched");
	ok(!browse_page_transitional(&p), "nothing changing: no auto refresh");
	r = browse_rows_new(1);
	browse_row_set(r, &r->name, "k8s-c");
	browse_row_set(r, &r->type, "Kubernetes");
	browse_row_set(r, &r->state, "Succeeded");
	browse_row_set(r, &browse_row_more(r)->ext_state, "Creating");
	browse_row_finish(r);
	browse_page_set(&p, r, 1);
	ok(browse_page_transitional(&p),
	    "an extension being installed: auto refresh");
	browse_page_done(&p);
}

/* Page i of a list of n rows "c-NNN", in reverse name order. */
static struct browse_row *
page_rows(size_t first, size_t count, size_t n)
{
	struct browse_row	*r = browse_rows_new(count);
	char			 name[32];
	size_t			 i;

	for (i = 0; i < count; i++) {
		snprintf(name, sizeof name, "c-%03zu", n - 1 - (first + i));
		browse_row_set(&r[i], &r[i].name, name);
		/* Every third an inference cluster: they sort first. */
		browse_row_set(&r[i], &r[i].type, (first + i) % 3 == 0 ? "AKS" :
		    "AmlCompute");
		browse_row_set(&r[i], &r[i].state, "Succeeded");
		browse_row_finish(&r[i]);
	}
	return r;
}

/* Pages appended as they come, settled once a frame, not once a page. */
static void
append_test(void)
{
	struct compute_page	 p, whole;
	struct browse_row	*r, *one, *two;
	char			*s, *kept, want[4096];
	size_t			 i, n = 100;

	/* The world in two pages: the first set, the second appended. */
	r = rows(NULL);
	one = browse_rows_new(2);
	two = browse_rows_new(2);
	memcpy(one, r, 2 * sizeof *r);		/* inf-created, cpu-cluster */
	memcpy(two, r + 2, 2 * sizeof *r);	/* inf-failed, b-dev */
	free(r);
	browse_page_init(&p);
	browse_page_set(&p, one, 2);
	is_str(names(&p), "inf-created cpu-cluster", "page 1 set");
	browse_page_move(&p, 1, 10);
	browse_page_append(&p, two, 2);
	is_int((int)p.n, 4, "page 2 appended: 4 rows");
	is_str(names(&p), "inf-created cpu-cluster",
	    "not shown before it is settled");
	browse_page_settle(&p);
	is_str(names(&p), "b-dev inf-created inf-failed cpu-cluster",
	    "settled: sorted in, inference first");
	is_str(browse_page_selected(&p)->name, "cpu-cluster",
	    "the selection stays on its compute");
	browse_page_done(&p);

	/* A filter typed while pages arrive covers the unsettled rows. */
	browse_page_init(&p);
	browse_page_append(&p, rows(NULL), NWORLD);
	browse_page_filter(&p, "westeurope");
	is_str(names(&p), "inf-failed", "a filter settles first");
	browse_page_done(&p);

	/* 100 rows in pages of 7, settled every other page: as if whole. */
	browse_page_init(&p);
	browse_page_init(&whole);
	browse_page_set(&whole, page_rows(0, n, n), n);
	for (i = 0; i < n; i += 7) {
		browse_page_append(&p, page_rows(i, i + 7 < n ? 7 : n - i, n),
		    i + 7 < n ? 7 : n - i);
		if ((i / 7) % 2 == 1)
			browse_page_settle(&p);
	}
	browse_page_settle(&p);
	snprintf(want, sizeof want, "%s", names(&whole));
	is_str(names(&p), want, "100 rows in 15 pages: the order of the "
	    "whole list");
	ok(strncmp(want, "c-000 c-003", 11) == 0,
	    "which is inference first, by name (%.24s)", want);
	browse_page_cycle_sort(&p);
	browse_page_cycle_sort(&whole);
	snprintf(want, sizeof want, "%s", names(&whole));
	is_str(names(&p), want, "and sorts again the same");
	browse_page_done(&p);
	browse_page_done(&whole);

	/* Strings change owner: not copied; "" and NULL cost nothing. */
	r = browse_rows_new(1);
	s = strdup("inf-taken");
	kept = s;
	browse_row_take(r, &r->name, &s);
	ok(r->name == kept && s == NULL, "take: the string itself, not a "
	    "copy");
	s = strdup("");
	browse_row_take(r, &r->type, &s);
	ok(s == NULL && r->type[0] == '\0', "take: \"\" becomes the "
	    "shared empty string");
	s = NULL;
	browse_row_take(r, &r->state, &s);
	browse_row_finish(r);
	ok(r->state == r->type && r->purpose == r->type,
	    "unknown members share one empty string");
	browse_row_set(r, &r->type, "AKS");
	is_str(r->type, "AKS", "set replaces the shared empty string");
	browse_rows_free(r, 1);

	/* Values most rows share: one copy for all of them. */
	r = browse_rows_new(3000);
	for (i = 0; i < 3000; i++) {
		char	buf[64];

		s = strdup("Succeeded");
		browse_row_share(&r[i], &r[i].state, &s);
		/* 3000 different regions: more than the pool holds. */
		snprintf(buf, sizeof buf, "region-%zu", i);
		s = strdup(buf);
		browse_row_share(&r[i], &r[i].region, &s);
		s = strdup("a value longer than any the pool keeps, "
		    "such as a description");
		browse_row_share(&r[i], &r[i].description, &s);
		browse_row_finish(&r[i]);
	}
	ok(r[0].state == r[2999].state, "share: one \"Succeeded\" for "
	    "3000 rows");
	ok(r[0].description != r[1].description &&
	    strcmp(r[0].description, r[1].description) == 0,
	    "a long value: each row its own");
	is_str(r[2999].region, "region-2999", "past the pool's bound, a "
	    "row keeps its own value");
	browse_row_set(&r[5], &r[5].state, "Failed");
	is_str(r[6].state, "Succeeded", "set on one row leaves the "
	    "others' shared value");
	browse_rows_free(r, 3000);	/* valgrind: each freed once */
}

/* A row's own strings in one block; the compute ID's prefix once. */
static void
pack_test(void)
{
	static const struct {
		const char	*text, *want, *why;
	} filters[] = {
		{ "INF-1", "Inf-1", "a name, whatever the case" },
		{ "aks", "Inf-0 Inf-1 Inf-2", "a value of the pool" },
		{ "!aks", "", "not it" },
		{ "ks", "Inf-0 Inf-1 Inf-2", "the pool's answer follows the "
		    "text" },
		{ "1.30", "Inf-1", "a value set later" },
		{ "inf-0\taks", "", "each member alone, not across two" },
		{ "inf-22", "", "not past a member's end" },
	};
	static const char *const prefix = "/subscriptions/s/resourceGroups/"
	    "g/providers/Microsoft.MachineLearningServices/workspaces/w/"
	    "computes/";
	struct browse_row	*r = browse_rows_new(3);
	struct compute_page	 p;
	char			 id[512], buf[512], *s;
	size_t			 i;

	for (i = 0; i < 3; i++) {
		char	name[16];

		snprintf(name, sizeof name, "Inf-%zu", i);
		snprintf(id, sizeof id, "%s%s", prefix, i == 2 ? "other" :
		    name);
		{
			const struct browse_str	own[] = {
				{ &r[i].name, name },
				{ &r[i].created, "2026-01-02T03:04:05Z" },
				{ &r[i].modified, i == 1 ?
				    "2026-02-03T04:05:06Z" :
				    "2026-01-02T03:04:05Z" },
				{ &r[i].description, "" },
				{ &r[i].fqdn, NULL },
			};

			s = strdup("AKS");
			browse_row_share(&r[i], &r[i].type, &s);
			browse_row_pack(&r[i], id, own,
			    sizeof own / sizeof own[0]);
		}
		browse_row_finish(&r[i]);
	}
	ok(r[0].name >= r[0].block && r[0].created > r[0].name &&
	    r[0].created < r[0].block + r[0].nblock,
	    "pack: name and created in the row's block");
	ok(r[0].modified == r[0].created && r[1].modified != r[1].created,
	    "pack: a value twice in a row kept once");
	is_str(r[1].modified, "2026-02-03T04:05:06Z", "pack: others each "
	    "their own");
	ok(r[0].description[0] == '\0' && r[0].fqdn[0] == '\0' &&
	    r[0].description == r[0].fqdn, "pack: \"\" and NULL are the "
	    "shared empty string");
	ok(r[0].id == r[1].id, "pack: one copy of the ID's prefix for the "
	    "rows");
	snprintf(id, sizeof id, "%sInf-1", prefix);
	is_str(browse_row_id(&r[1], buf, sizeof buf), id,
	    "pack: the ID is the prefix and the name");
	snprintf(id, sizeof id, "%sother", prefix);
	is_str(browse_row_id(&r[2], buf, sizeof buf), id,
	    "pack: an ID not ending in the name is kept whole");
	ok(r[2].id >= r[2].block && r[2].id < r[2].block + r[2].nblock,
	    "pack: in the row's block");
	/* A member of the block replaced. */
	browse_row_set(&r[1], &r[1].created, "later");
	browse_row_set(&r[1], &browse_row_more(&r[1])->version, "1.30.0");
	browse_row_finish(&r[1]);
	is_str(r[1].created, "later", "set on a packed row: the new value");
	/* What few rows have: apart, and shared "" until written. */
	ok(r[0].more == r[2].more && r[0].more->cname[0] == '\0',
	    "rows without rare members share one set of \"\"");
	browse_row_set(&r[1], &browse_row_more(&r[1])->cname, "score.example");
	is_str(r[1].more->cname, "score.example", "browse_row_more: the "
	    "row's own, written");
	ok(r[0].more != r[1].more && r[0].more->cname[0] == '\0' &&
	    r[2].more->cname[0] == '\0', "and the other rows' unchanged");
	ok(sizeof(struct browse_row) <= 168, "a row is at most 168 bytes "
	    "(%zu)", sizeof(struct browse_row));
	/* The filter: in members of the block and of the pool, any case. */
	browse_page_init(&p);
	browse_page_set(&p, r, 3);
	for (i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		browse_page_filter(&p, filters[i].text);
		is_str(names(&p), filters[i].want, "filter '%s': %s",
		    filters[i].text, filters[i].why);
	}
	browse_page_done(&p);	/* valgrind: the blocks freed once each */
}

int
main(void)
{
	static const char *const done[] = { "Succeeded", "Succeeded",
	    "Failed", "Succeeded" };
	struct compute_page	 p;
	char			 buf[128];
	int			 w[BROWSE_COL__COUNT], i, sum;

	pack_test();	/* before append_test fills the pool */
	kubernetes_test();
	append_test();
	browse_page_init(&p);
	browse_page_set(&p, rows(NULL), NWORLD);
	is_str(names(&p), "b-dev inf-created inf-failed cpu-cluster",
	    "inference first, then by name; other types last");
	is_str(browse_page_selected(&p)->name, "b-dev", "first row selected");
	ok(browse_page_transitional(&p), "a Creating compute: auto refresh");

	/* Sort by each column in turn. */
	browse_page_cycle_sort(&p);
	is_str(browse_col_name(p.sort), "state", "s: by state");
	is_str(names(&p), "b-dev inf-failed inf-created cpu-cluster",
	    "Creating < Failed < Succeeded, still inference first");
	is_str(browse_page_selected(&p)->name, "b-dev",
	    "the selection follows the compute");
	browse_page_cycle_sort(&p);
	browse_page_cycle_sort(&p);
	is_str(browse_col_name(p.sort), "nodes", "then purpose, then nodes");
	is_str(names(&p), "inf-created inf-failed b-dev cpu-cluster",
	    "by vCPU, largest first");
	browse_page_cycle_sort(&p);
	browse_page_cycle_sort(&p);
	is_str(names(&p), "b-dev inf-created inf-failed cpu-cluster",
	    "by region");
	for (i = 0; i < 3; i++)
		browse_page_cycle_sort(&p);
	is_str(browse_col_name(p.sort), "name", "after TLS, by name again");

	/* Filter: substring, any column, case-insensitive; ! inverts. */
	browse_page_select(&p, "inf-failed");
	browse_page_filter(&p, "EAST");
	is_str(names(&p), "b-dev inf-created cpu-cluster", "filter 'EAST'");
	is_str(browse_page_selected(&p)->name, "cpu-cluster",
	    "a hidden selection stays in range");
	browse_page_filter(&p, "!east");
	is_str(names(&p), "inf-failed", "'!east' shows the others");
	browse_page_filter(&p, "!");
	is_int((int)p.nview, 4, "'!' alone hides nothing");
	browse_page_filter(&p, "internal");
	is_str(names(&p), "b-dev", "the load balancer is searched");
	browse_page_filter(&p, "nothing-like-this");
	is_int((int)p.nview, 0, "no match: nothing shown");
	ok(browse_page_selected(&p) == NULL, "and nothing selected");
	browse_page_filter(&p, "");

	/* A refresh keeps the selection on the same compute. */
	browse_page_select(&p, "inf-failed");
	browse_page_set(&p, rows(done), NWORLD);
	is_str(browse_page_selected(&p)->name, "inf-failed",
	    "refresh: same compute selected");
	ok(!browse_page_transitional(&p), "nothing transitional: no refresh");
	browse_page_select(&p, "b-dev");
	browse_page_cycle_sort(&p);	/* by state: b-dev moves */
	browse_page_set(&p, rows(done), NWORLD);
	is_str(browse_page_selected(&p)->name, "b-dev",
	    "a compute that moved in the order stays selected");
	browse_page_cycle_sort(&p);
	for (i = 0; i < 6; i++)
		browse_page_cycle_sort(&p);

	/* Moving keeps the selection inside the window. */
	browse_page_move(&p, 3, 2);
	is_int((int)p.sel, 3, "down 3");
	is_int((int)p.top, 2, "the window follows");
	browse_page_move(&p, 10, 2);
	is_int((int)p.sel, 3, "not past the end");
	browse_page_move(&p, -10, 2);
	is_int((int)p.sel, 0, "not before the start");
	is_int((int)p.top, 0, "window at the top");

	/* The states. */
	is_int(browse_state_kind(provisioning_state_parse("Updating")),
	    BROWSE_STATE_BUSY, "Updating");
	is_int(browse_state_kind(provisioning_state_parse("Deleting")),
	    BROWSE_STATE_BUSY, "Deleting");
	is_int(browse_state_kind(provisioning_state_parse("Canceled")),
	    BROWSE_STATE_FAILED, "Canceled");
	is_int(browse_state_kind(provisioning_state_parse("Unknown")),
	    BROWSE_STATE_OTHER, "Unknown");
	is_int(browse_state_kind(provisioning_state_parse(NULL)),
	    BROWSE_STATE_OTHER, "no state");
	/* Whatever core/state counts as in progress is busy here too. */
	is_int(browse_state_kind(provisioning_state_parse("Migrating")),
	    BROWSE_STATE_BUSY, "Migrating");
	is_int(browse_state_kind(provisioning_state_parse("cancelled")),
	    BROWSE_STATE_FAILED, "cancelled, any spelling and case");
	{
		static const char *const moving[] = { "Succeeded",
		    "Migrating", "Failed", "Succeeded" };
		struct compute_page	 q;

		browse_page_init(&q);
		browse_page_set(&q, rows(moving), NWORLD);
		ok(browse_page_transitional(&q),
		    "a Migrating compute: auto refresh");
		browse_page_done(&q);
	}

	/* Nodes, size and vCPU. */
	browse_nodes_text(browse_page_find(&p, "inf-created"), "x", false,
	    buf, sizeof buf);
	is_str(buf, "3 x Standard_D3_v2 = 12", "nodes x size = vCPU");
	browse_nodes_text(browse_page_find(&p, "inf-created"), "x", true,
	    buf, sizeof buf);
	is_str(buf, "3 x D3_v2 = 12", "brief: without Standard_");
	browse_nodes_text(browse_page_find(&p, "cpu-cluster"), "x", true,
	    buf, sizeof buf);
	is_str(buf, "", "nothing known: empty");

	/* Columns fit 80 columns (78 for the table) and grow. */
	browse_layout(78, w);
	for (sum = 0, i = 0; i < BROWSE_COL__COUNT; i++) {
		ok(w[i] > 0, "80 columns show column %s",
		    browse_col_name((enum browse_col)i));
		sum += w[i];
	}
	is_int(sum + BROWSE_COL__COUNT - 1, 78, "and fill the width exactly");
	browse_layout(196, w);
	for (sum = 0, i = 0; i < BROWSE_COL__COUNT; i++)
		sum += w[i];
	is_int(sum + BROWSE_COL__COUNT - 1, 196, "200 columns: all used");
	ok(w[BROWSE_COL_NODES] >= 24, "nodes get their full text at 200");
	browse_layout(40, w);
	is_int(w[BROWSE_COL_TLS], 0, "a narrow table drops columns from the "
	    "right");
	ok(w[BROWSE_COL_NAME] >= 12, "but keeps the name");

	/* At 80 columns every column is at its minimum: no heading cut. */
	browse_layout(78, w);
	for (i = 0; i < BROWSE_COL__COUNT; i++)
		ok((int)strlen(browse_col_brief((enum browse_col)i)) + 1 <=
		    w[i] || strstr(browse_col_brief((enum browse_col)i),
		    "\xc3\x97") != NULL, "80 columns: heading %s fits with "
		    "the sort mark", browse_col_name((enum browse_col)i));
	/* 60 columns (58 for the table): name to version. */
	browse_layout(56, w);
	ok(w[BROWSE_COL_NAME] > 0 && w[BROWSE_COL_STATE] > 0 &&
	    w[BROWSE_COL_NODES] > 0, "60 columns: name, state, nodes shown");

	hints_test();
	journal_test();
	browse_page_done(&p);
	return tap_done();
}
