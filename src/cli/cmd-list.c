/*
 * akswiz list: the workspace's inference clusters (computes of type
 * Kubernetes, today's path, and AKS, the legacy one; the others are left
 * out, as the legacy SDK did), each with its type.  -o json prints an
 * array of session_compute_json() objects; the table fits 80 columns.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"

/* Fit s into width cells for the table ("..." marks a cut). */
static const char *
cut(const char *s, size_t width, char *buf, size_t len)
{
	if (s == NULL)
		return "";
	if (width < 4)
		return s;
	return text_cut(buf, len, s, width, "...");
}

/* Inference clusters (Kubernetes and AKS computes) only, unless all. */
static bool
wanted(const struct arm_compute *c, bool all)
{
	return all || (c->compute_type != NULL &&
	    (strcasecmp(c->compute_type, "AKS") == 0 ||
	    strcasecmp(c->compute_type, "Kubernetes") == 0));
}

/*
 * The row of a compute; a table cuts long sizes and regions, and brief
 * drops the "Standard_" every size starts with.  The type is the second
 * column of a table, the last of -o tsv (whose readers count columns).
 */
static void
fill(const struct arm_compute *c, bool table, bool brief, const char **cells,
    char *nodes, char *b1, char *b2)
{
	const char	*loc = c->compute_location != NULL ?
			    c->compute_location : c->location;
	const char	*size = c->agent_vm_size;

	if (brief && size != NULL && strncasecmp(size, "Standard_", 9) == 0)
		size += 9;

	if (c->agent_count >= 0)
		snprintf(nodes, 16, "%d", c->agent_count);
	else
		nodes[0] = '\0';
	cells[0] = c->name;
	cells[table ? 1 : 7] = c->compute_type;
	cells[table ? 2 : 1] = c->provisioning_state;
	cells[table ? 3 : 2] = session_compute_origin(c);
	cells[table ? 4 : 3] = c->cluster_purpose;
	cells[table ? 5 : 4] = nodes;
	cells[table ? 6 : 5] = table ? cut(size, 16, b1, 32) : size;
	cells[table ? 7 : 6] = table ? cut(loc, 14, b2, 32) : loc;
}

/*
 * The list as its pages arrive (akswiz(1)): each page's rows are written
 * once it is parsed, and dropped.  A table's columns are measured on its
 * first LIST_MEASURE rows (80 columns fitted as below), which are kept
 * until then; -o json opens its array with the first page read, and a
 * page that fails later closes it.
 */
#define LIST_MEASURE	1000
#define LIST_BUFFER	(64 * 1024)	/* stdout's buffer, not a terminal */
static char out_buffer[LIST_BUFFER];

struct list_out {
	enum output_format	 fmt;
	bool			 all;
	bool			 brief;
	size_t			 ncols;
	size_t			 n;		/* rows written */
	const char		*hdr[8];
	struct output_table	*t;		/* table and TSV */
	struct arm_compute_list	 first;		/* a table's, until measured */
	bool			 open;		/* "[" written */
};

/*
 * Fit 80 columns on a table's first rows: sizes without "Standard_",
 * then drop LOCATION, then VM SIZE, if the rows are too wide.
 */
static void
list_fit(struct list_out *o, const struct arm_compute_list *l)
{
	const char	*cells[8];
	char		 nodes[16], b1[32], b2[32];
	size_t		 w[8], i, k, total = 0;
	int		 pass;

	o->ncols = 8;
	for (pass = 0; pass < 2; pass++) {
		o->brief = pass == 1;
		for (k = 0; k < 8; k++)
			w[k] = output_width(o->hdr[k]);
		for (i = 0; i < l->n; i++) {
			fill(&l->v[i], true, o->brief, cells, nodes, b1, b2);
			for (k = 0; k < 8; k++)
				if (cells[k] != NULL &&
				    output_width(cells[k]) > w[k])
					w[k] = output_width(cells[k]);
		}
		for (k = 0, total = 2 * 7; k < 8; k++)
			total += w[k];
		if (total <= 80)
			break;
	}
	while (total > 80 && o->ncols > 6)
		total -= w[--o->ncols] + 2;
}

/* A row of the table or TSV. */
static void
list_add(struct list_out *o, const struct arm_compute *c)
{
	const char	*cells[8];
	char		 nodes[16], b1[32], b2[32];

	fill(c, o->fmt == OUTPUT_TABLE, o->brief, cells, nodes, b1, b2);
	output_table_add(o->t, cells);
	o->n++;
}

/* Measure a table on the rows kept, write them, and keep no more. */
static void
list_table_start(struct list_out *o)
{
	size_t	i;

	if (o->fmt == OUTPUT_TABLE)
		list_fit(o, &o->first);
	o->t = output_table_new(o->ncols, o->hdr);
	for (i = 0; i < o->first.n; i++)
		list_add(o, &o->first.v[i]);
	arm_compute_list_free(&o->first);
}

/* A table's first rows, kept to be measured, then written. */
static void
list_rows(struct list_out *o, struct arm_compute_list *l)
{
	struct arm_compute_list	*f = &o->first;
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		if (!wanted(&l->v[i], o->all))
			continue;
		if (f->n == f->alloc) {
			f->alloc = f->alloc ? f->alloc * 2 : 64;
			f->v = xreallocarray(f->v, f->alloc, sizeof *f->v);
		}
		f->v[f->n++] = l->v[i];		/* moved, not copied */
		memset(&l->v[i], 0, sizeof l->v[i]);
	}
	if (o->t == NULL && f->n >= LIST_MEASURE)
		list_table_start(o);
	if (o->t != NULL)
		output_table_flush(stdout, o->fmt, o->t);
}

/* A row read in place, written at once (JSON, or a table measured). */
static void
list_row(const struct arm_compute *c, void *arg)
{
	struct list_out	*o = arg;

	if (!wanted(c, o->all))
		return;
	if (o->fmt != OUTPUT_JSON) {
		list_add(o, c);
		return;
	}
	if (!o->open)
		fputs("[", stdout);
	o->open = true;
	fputs(o->n++ ? ",\n " : "\n ", stdout);
	session_compute_json(stdout, c);
}

/*
 * A page: parsed, its rows written, dropped.  Rows written at once are
 * read in place (no copy of their strings); a table's first rows, kept
 * to be measured, are copied.
 */
static bool
list_page(const char *body, void *arg, char **next, struct err *err)
{
	struct list_out		*o = arg;
	struct arm_compute_list	 l = { 0 };
	bool			 ok;

	if (o->t == NULL && o->fmt != OUTPUT_TABLE && o->fmt != OUTPUT_JSON)
		list_table_start(o);
	if (o->fmt == OUTPUT_JSON || o->t != NULL) {
		if (!(ok = arm_parse_computes_each(body, next, list_row, o,
		    err)))
			return false;
		/* an array is opened by its first page, rows or not */
		if (o->fmt == OUTPUT_JSON && !o->open)
			fputs("[", stdout);
		o->open = o->open || o->fmt == OUTPUT_JSON;
		if (o->t != NULL)
			output_table_flush(stdout, o->fmt, o->t);
		return true;
	}
	if ((ok = arm_parse_computes(body, &l, next, err)))
		list_rows(arg, &l);
	arm_compute_list_free(&l);
	return ok;
}

/* akswiz list [--all]. */
int
cmd_list(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = {
		/* TRANSLATORS: column headers; keep them short. */
		N_("NAME"), N_("TYPE"), N_("STATE"), N_("ORIGIN"),
		N_("PURPOSE"), N_("NODES"), N_("VM SIZE"), N_("LOCATION")
	};
	struct session		 s;
	struct arm_pager	 p;
	struct list_out		 o;
	struct err		 err;
	size_t			 i;
	bool			 ok = true;

	memset(&o, 0, sizeof o);
	o.fmt = g->output;
	o.ncols = 8;
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			o.all = true;
		else {
			cli_error(_("list: unexpected argument \"%s\""),
			    argv[i]);
			return EXIT_USAGE;
		}
	}
	for (i = 0; i < 8; i++)
		o.hdr[i] = o.fmt == OUTPUT_TABLE ? _(headers[i]) : headers[i];
	/*
	 * A pipe or a file gets the rows in large writes: with a buffer of
	 * its own, as glibc ignores the size of one it is to allocate (and
	 * wrote 4 KB at a time, 1,400 writes for 10,000 computes).
	 */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	arm_pager_init(&p, &s.arm, arm_computes_url(&s.arm, s.subscription,
	    s.resource_group, s.workspace));
	arm_pager_prefetch(&p);
	while (ok && arm_pager_more(&p))
		ok = arm_pager_next(&p, list_page, &o, &err);
	arm_pager_done(&p);
	/* What was read is written; a JSON array is closed all the same. */
	if (o.t == NULL && o.first.n > 0) {
		list_table_start(&o);
		output_table_flush(stdout, o.fmt, o.t);
	}
	if (o.open)
		fputs(o.n ? "\n]\n" : "]\n", stdout);
	else if (ok && o.fmt == OUTPUT_JSON)
		fputs("[]\n", stdout);
	else if (ok && o.n == 0 && o.fmt == OUTPUT_TABLE)
		printf(_("Workspace %s has no inference clusters.\n"),
		    s.workspace);
	output_table_free(o.t);
	if (!ok) {
		fflush(stdout);
		arm_scope_explain(&err, s.subscription, s.resource_group,
		    s.workspace);
		session_report(&err);
		session_close(&s);
		return session_exit_status(&err);
	}
	session_close(&s);
	return EXIT_OK;
}
