/*
 * Tables, TSV and JSON for the commands (see output.h).  Tables measure
 * cells with wcswidth() so that translated headers and messages in CJK
 * line up; the last column is never padded, so lines carry no trailing
 * blanks.
 */
#include "config.h"
#include "cli/output.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"
#include "core/verdict.h"

struct output_table {
	size_t	  ncols;
	size_t	  nrows;	/* rows of cells, headers not counted */
	char	**headers;
	char	**cells;	/* nrows x ncols */
	size_t	 *widths;	/* after a first output_table_flush() */
};

struct output_table *
output_table_new(size_t ncols, const char *const *headers)
{
	struct output_table	*t = xcalloc(1, sizeof *t);
	size_t			 i;

	t->ncols = ncols;
	t->headers = xcalloc(ncols, sizeof *t->headers);
	for (i = 0; i < ncols; i++)
		t->headers[i] = xstrdup(headers[i] != NULL ? headers[i] : "");
	return t;
}

void
output_table_free(struct output_table *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	for (i = 0; i < t->ncols * t->nrows; i++)
		free(t->cells[i]);
	free(t->headers);
	free(t->cells);
	free(t->widths);
	free(t);
}

void
output_table_add(struct output_table *t, const char *const *cells)
{
	size_t	i;

	t->cells = xreallocarray(t->cells, (t->nrows + 1) * t->ncols,
	    sizeof *t->cells);
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] =
		    text_escape_dup(cells[i] != NULL ? cells[i] : "", 0);
	t->nrows++;
}

/* Display columns of s, for aligning translated text. */
size_t
output_width(const char *s)
{
	return text_width(s);
}

/* A TSV cell: tabs and line breaks would split it, so they become spaces. */
static void
tsv_cell(FILE *fp, const char *s)
{
	char	*safe = text_escape_dup(s, 0);

	fputs(safe, fp);
	free(safe);
}

/* One table line: cells padded to their column, the last one not. */
static void
table_row(FILE *fp, const struct output_table *t, char *const *row,
    const size_t *widths)
{
	size_t	i, w, pad;

	for (i = 0; i < t->ncols; i++) {
		fputs(row[i], fp);
		if (i + 1 == t->ncols)
			break;
		/* a cell wider than its column (a later page) keeps 2 */
		w = output_width(row[i]);
		for (pad = w < widths[i] ? widths[i] + 2 - w : 2; pad > 0;
		    pad--)
			fputc(' ', fp);
	}
	fputc('\n', fp);
}

/* The TSV lines of the rows. */
static void
tsv_rows(FILE *fp, const struct output_table *t)
{
	size_t	r, i;

	for (r = 0; r < t->nrows; r++)
		for (i = 0; i < t->ncols; i++) {
			tsv_cell(fp, t->cells[r * t->ncols + i]);
			fputc(i + 1 == t->ncols ? '\n' : '\t', fp);
		}
}

/* The width of each column: its widest cell or header (caller frees). */
static size_t *
table_widths(const struct output_table *t)
{
	size_t	*widths, r, i, w;

	widths = xcalloc(t->ncols, sizeof *widths);
	for (i = 0; i < t->ncols; i++)
		widths[i] = output_width(t->headers[i]);
	for (r = 0; r < t->nrows; r++)
		for (i = 0; i < t->ncols; i++)
			if ((w = output_width(t->cells[r * t->ncols + i])) >
			    widths[i])
				widths[i] = w;
	return widths;
}

/* Print a table aligned under its headers, or as TSV rows. */
void
output_table_print(FILE *fp, enum output_format fmt,
    const struct output_table *t)
{
	size_t	*widths, r;

	if (fmt == OUTPUT_TSV) {
		tsv_rows(fp, t);
		return;
	}
	widths = table_widths(t);
	table_row(fp, t, t->headers, widths);
	for (r = 0; r < t->nrows; r++)
		table_row(fp, t, t->cells + r * t->ncols, widths);
	free(widths);
}

/* Print the rows added since the last flush, then forget them. */
void
output_table_flush(FILE *fp, enum output_format fmt, struct output_table *t)
{
	size_t	r;

	if (fmt == OUTPUT_TSV)
		tsv_rows(fp, t);
	else {
		if (t->widths == NULL) {
			t->widths = table_widths(t);
			table_row(fp, t, t->headers, t->widths);
		}
		for (r = 0; r < t->nrows; r++)
			table_row(fp, t, t->cells + r * t->ncols, t->widths);
	}
	for (r = 0; r < t->ncols * t->nrows; r++)
		free(t->cells[r]);
	t->nrows = 0;
}

/* The bytes a JSON string literal holds as they are (printable ASCII). */
static const bool json_plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	/* 0x80 and above: 0 */
};

/*
 * A JSON string literal, through the _unlocked stdio calls (a list writes
 * thousands; no two threads write one stream).  Control characters (C0,
 * DEL, C1, the bidi overrides) are written as \\u escapes, so that the
 * same value never reaches a terminal raw; bytes that are not UTF-8
 * become U+FFFD, so the output stays valid JSON.
 */
void
output_json_string(FILE *fp, const char *s)
{
	const unsigned char	*p, *run;
	char			 one[8], esc[32];
	size_t			 k, n;

	putc_unlocked('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p += k) {
		/* a run of printable ASCII is written whole */
		for (run = p; json_plain[*p]; p++)
			;
		if (p > run)
			fwrite_unlocked(run, 1, (size_t)(p - run), fp);
		k = 0;
		if (*p == '\0')
			break;
		k = 1;
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs_unlocked("\\n", fp);
		else if (*p == '\t')
			fputs_unlocked("\\t", fp);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\u%04x", *p);
		else if (*p < 0x80)
			putc_unlocked(*p, fp);
		else {
			/* one character: kept when text_escape() keeps it */
			n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
			for (k = 1; k < n && (p[k] & 0xc0) == 0x80; k++)
				;
			memcpy(one, p, k);
			one[k] = '\0';
			text_escape(esc, sizeof esc, one, 0);
			if (strcmp(esc, one) == 0)
				fputs_unlocked(one, fp);
			else if (strncmp(esc, "\\u", 2) == 0 &&
			    strlen(esc) == 6)
				fputs_unlocked(esc, fp);	/* already JSON's \\u00XX */
			else {
				fputs_unlocked("\\ufffd", fp);	/* not UTF-8 */
				k = 1;
			}
		}
	}
	putc_unlocked('"', fp);
}

/*
 * PREFIX"KEY": VALUE, VALUE a JSON string literal or null: in one write
 * when the member is short and VALUE printable ASCII (a list's members
 * nearly all are: four stdio calls a member were a tenth of a long
 * list -o json's instructions), else as output_json_string() writes it.
 */
void
output_json_member(FILE *fp, const char *prefix, const char *key,
    const char *value)
{
	const unsigned char	*p = (const unsigned char *)
				    (value != NULL ? value : "");
	char			 b[512];
	size_t			 lp = strlen(prefix), lk = strlen(key), lv, n;

	if (value != NULL) {
		while (json_plain[*p])
			p++;
		lv = (size_t)(p - (const unsigned char *)value);
	} else
		lv = 4;		/* null */
	if (*p != '\0' || lp + lk + lv + 6 > sizeof b) {
		fputs_unlocked(prefix, fp);
		putc_unlocked('"', fp);
		fputs_unlocked(key, fp);
		fputs_unlocked("\": ", fp);
		if (value != NULL)
			output_json_string(fp, value);
		else
			fputs_unlocked("null", fp);
		return;
	}
	memcpy(b, prefix, lp);
	n = lp;
	b[n++] = '"';
	memcpy(b + n, key, lk);
	n += lk;
	memcpy(b + n, "\": ", 3);
	n += 3;
	if (value == NULL) {
		memcpy(b + n, "null", 4);
		n += 4;
	} else {
		b[n++] = '"';
		memcpy(b + n, value, lv);
		n += lv;
		b[n++] = '"';
	}
	fwrite_unlocked(b, 1, n, fp);
}

/* PREFIX"KEY": N, or null when n < 0, in one write. */
void
output_json_count(FILE *fp, const char *prefix, const char *key, long n)
{
	char	b[256], num[24], *d = num + sizeof num;
	size_t	lp = strlen(prefix), lk = strlen(key), ln;

	if (n < 0 || lp + lk + sizeof num + 4 > sizeof b) {
		fputs_unlocked(prefix, fp);
		putc_unlocked('"', fp);
		fputs_unlocked(key, fp);
		if (n < 0)
			fputs_unlocked("\": null", fp);
		else
			fprintf(fp, "\": %ld", n);
		return;
	}
	do
		*--d = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	ln = (size_t)(num + sizeof num - d);
	memcpy(b, prefix, lp);
	b[lp] = '"';
	memcpy(b + lp + 1, key, lk);
	memcpy(b + lp + 1 + lk, "\": ", 3);
	memcpy(b + lp + lk + 4, d, ln);
	fwrite_unlocked(b, 1, lp + lk + 4 + ln, fp);
}

/* Render a verdict's message, translated or English, plural by v->n. */
void
output_verdict_text(const struct verdict *v, int translated, char *buf,
    size_t len)
{
	const char	*one = msg_format(v->msg);
	const char	*many = msg_format_plural(v->msg);
	const char	*fmt;

	if (many != NULL)
		fmt = translated ? P_(one, many, (unsigned long)v->n) :
		    v->n == 1 ? one : many;
	else
		fmt = translated ? _(one) : one;
	verdict_render_with(v, fmt, translated ? i18n_text : NULL, buf, len);
}

/* The severity as people read it, translated. */
static const char *
severity_label(enum severity s)
{
	switch (s) {
	case SEV_ERROR:		return _("error");
	case SEV_WARNING:	return _("warning");
	case SEV_INFO:		return _("info");
	}
	return "";
}

/* The documented JSON array of verdicts (akswiz(1) "plan check"). */
static void
verdicts_json(FILE *fp, const struct verdicts *vs)
{
	const struct verdict	*v;
	const char		*flag;
	char			 text[1024];
	size_t			 i;
	int			 a;

	if (vs->n == 0) {
		fputs("[]\n", fp);
		return;
	}
	fputs("[\n", fp);
	for (i = 0; i < vs->n; i++) {
		v = &vs->v[i];
		output_verdict_text(v, 0, text, sizeof text);
		fputs("  {\n    \"severity\": ", fp);
		output_json_string(fp, severity_name(v->severity));
		fputs(",\n    \"field\": ", fp);
		output_json_string(fp, plan_field_path(v->field));
		fputs(",\n    \"flag\": ", fp);
		if ((flag = plan_field_flag(v->field)) != NULL)
			output_json_string(fp, flag);
		else
			fputs("null", fp);
		fputs(",\n    \"id\": ", fp);
		output_json_string(fp, msg_name(v->msg));
		fputs(",\n    \"message\": ", fp);
		output_json_string(fp, text);
		fputs(",\n    \"args\": [", fp);
		for (a = 0; a < v->nargs; a++) {
			if (a > 0)
				fputs(", ", fp);
			output_json_string(fp, v->args[a]);
		}
		fprintf(fp, "]\n  }%s\n", i + 1 < vs->n ? "," : "");
	}
	fputs("]\n", fp);
}

/* Print verdicts as a table, TSV or JSON. */
void
output_verdicts(FILE *fp, enum output_format fmt, const struct verdicts *vs)
{
	static const char *const headers[] = {
		N_("SEVERITY"), N_("FIELD"), N_("MESSAGE")
	};
	const char		*cells[4];
	const char		*hdr[3];
	struct output_table	*t;
	const struct verdict	*v;
	const char		*flag;
	char			 field[256], text[1024];
	size_t			 i;

	if (fmt == OUTPUT_JSON) {
		verdicts_json(fp, vs);
		return;
	}
	if (fmt == OUTPUT_TSV) {
		const char *const	tsv_hdr[4] = { "", "", "", "" };

		t = output_table_new(4, tsv_hdr);
		for (i = 0; i < vs->n; i++) {
			v = &vs->v[i];
			output_verdict_text(v, 0, text, sizeof text);
			cells[0] = severity_name(v->severity);
			cells[1] = plan_field_path(v->field);
			cells[2] = msg_name(v->msg);
			cells[3] = text;
			output_table_add(t, cells);
		}
		output_table_print(fp, OUTPUT_TSV, t);
		output_table_free(t);
		return;
	}
	for (i = 0; i < 3; i++)
		hdr[i] = _(headers[i]);
	t = output_table_new(3, hdr);
	for (i = 0; i < vs->n; i++) {
		v = &vs->v[i];
		output_verdict_text(v, 1, text, sizeof text);
		flag = plan_field_flag(v->field);
		if (flag != NULL)
			snprintf(field, sizeof field, "%s (%s)",
			    plan_field_path(v->field), flag);
		else
			snprintf(field, sizeof field, "%s",
			    v->field == FIELD_NONE ? "-" :
			    plan_field_path(v->field));
		cells[0] = severity_label(v->severity);
		cells[1] = field;
		cells[2] = text;
		output_table_add(t, cells);
	}
	output_table_print(fp, OUTPUT_TABLE, t);
	output_table_free(t);
}
