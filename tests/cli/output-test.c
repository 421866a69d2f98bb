/*
 * The CLI's output helpers: tables aligned by display width (CJK cells
 * take two columns), TSV without tabs inside cells, JSON strings escaped,
 * verdicts in the documented JSON shape.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/output.h"
#include "common/xalloc.h"
#include "core/verdict.h"
#include "tests/tap.h"

/* What fn printed into a memory stream; the caller frees it. */
#define CAPTURE(text, call) do {					\
	size_t	_len;							\
	FILE	*fp = open_memstream(&(text), &_len);			\
	call;								\
	fclose(fp);							\
} while (0)

static void
test_table(void)
{
	static const char *const	 hdr[] = { "NAME", "STATE", "NOTE" };
	static const char *const	 r1[] = { "aks-one", "Succeeded", "ok" };
	static const char *const	 r2[] = { "\xe9\x9b\x86\xe7\xbe\xa4", "Failed",
	    "tab\there" };
	static const char *const	 r3[] = { "\033[2Jevil", "\033]0;t\007",
	    "\xc2\x9b" "1m" };
	struct output_table		*t = output_table_new(3, hdr);
	char				*text = NULL;

	output_table_add(t, r1);
	output_table_add(t, r2);
	CAPTURE(text, output_table_print(fp, OUTPUT_TABLE, t));
	/* "集群" is two characters, four columns: padded like "aks-o". */
	is_str(text,
	    "NAME     STATE      NOTE\n"
	    "aks-one  Succeeded  ok\n"
	    "\xe9\x9b\x86\xe7\xbe\xa4     Failed     tab here\n",
	    "table aligned by display width, last column not padded, a tab "
	    "is a space");
	free(text);
	CAPTURE(text, output_table_print(fp, OUTPUT_TSV, t));
	is_str(text, "aks-one\tSucceeded\tok\n"
	    "\xe9\x9b\x86\xe7\xbe\xa4\tFailed\ttab here\n",
	    "TSV: no header, tabs inside cells become spaces");
	free(text);
	output_table_free(t);
	t = output_table_new(3, hdr);
	output_table_add(t, r3);
	CAPTURE(text, output_table_print(fp, OUTPUT_TABLE, t));
	is_str(text, "NAME       STATE     NOTE\n"
	    "^[[2Jevil  ^[]0;t^G  \\u009b1m\n",
	    "table: control characters escaped, aligned as shown");
	free(text);
	CAPTURE(text, output_table_print(fp, OUTPUT_TSV, t));
	is_str(text, "^[[2Jevil\t^[]0;t^G\t\\u009b1m\n",
	    "TSV: control characters escaped");
	free(text);
	output_table_free(t);
	is_int(output_width("\xe9\x9b\x86\xe7\xbe\xa4"), 4,
	    "two CJK characters are four columns");
	is_int(output_width("\xff\xfe"), 2, "invalid text counts bytes");
}

static void
test_json(void)
{
	char	*text = NULL;

	CAPTURE(text, output_json_string(fp, "a\"b\\c\nd\te\x01"));
	is_str(text, "\"a\\\"b\\\\c\\nd\\te\\u0001\"", "JSON string escaped");
	free(text);
	CAPTURE(text, output_json_string(fp, "\033[1m\x7f\xc2\x9b\xe2\x80\xae"
	    "\xe9\x9b\x86\xff"));
	is_str(text, "\"\\u001b[1m\\u007f\\u009b\\u202e\xe9\x9b\x86\\ufffd\"",
	    "JSON: ESC, DEL, C1 and bidi as \\u escapes, Chinese kept, a "
	    "stray byte U+FFFD");
	free(text);
}

/* A member in one write, or through output_json_string() when it must. */
static void
test_json_member(void)
{
	static const struct {
		const char	*prefix, *key, *value, *want;
	} rows[] = {
		{ "", "name", "aks-1", "\"name\": \"aks-1\"" },
		{ ", ", "id", NULL, ", \"id\": null" },
		{ ", ", "e", "", ", \"e\": \"\"" },
		{ "", "d", "a\"b\\c", "\"d\": \"a\\\"b\\\\c\"" },
		{ "", "d", "x\ty\033", "\"d\": \"x\\ty\\u001b\"" },
		{ "", "d", "\xe9\x9b\x86\xe2\x80\xae", "\"d\": \"\xe9\x9b\x86\\u202e\"" },
		{ "", "d", "~\x7f", "\"d\": \"~\\u007f\"" },
	};
	char	*text = NULL, *big, *want;
	size_t	 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		CAPTURE(text, output_json_member(fp, rows[i].prefix,
		    rows[i].key, rows[i].value));
		is_str(text, rows[i].want, "JSON member, row %zu", i);
		free(text);
	}
	CAPTURE(text, output_json_count(fp, ", ", "agentCount", 3));
	is_str(text, ", \"agentCount\": 3", "JSON count");
	free(text);
	CAPTURE(text, output_json_count(fp, "", "n", 1234567890L));
	is_str(text, "\"n\": 1234567890", "JSON count, ten digits");
	free(text);
	CAPTURE(text, output_json_count(fp, ", ", "c", 0));
	is_str(text, ", \"c\": 0", "JSON count 0");
	free(text);
	CAPTURE(text, output_json_count(fp, ", ", "c", -1));
	is_str(text, ", \"c\": null", "JSON count below 0: null");
	free(text);
	/* longer than the one write's buffer: the same text */
	big = xmalloc(2001);
	memset(big, 'x', 2000);
	big[2000] = '\0';
	xasprintf(&want, ", \"k\": \"%s\"", big);
	CAPTURE(text, output_json_member(fp, ", ", "k", big));
	is_str(text, want, "a long member is written whole");
	free(text);
	free(want);
	free(big);
}

static void
test_verdicts(void)
{
	struct verdicts	 vs;
	struct verdict	*v;
	char		*text = NULL;

	verdicts_init(&vs);
	CAPTURE(text, output_verdicts(fp, OUTPUT_JSON, &vs));
	is_str(text, "[]\n", "no verdicts: []");
	free(text);

	v = verdicts_add(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_NODES);
	v->n = 2;
	verdict_arg(v, "%d", 2);
	verdicts_add(&vs, FIELD_TLS_MODE, SEV_WARNING, MSG_TLS_LEAF_EMPTY);
	CAPTURE(text, output_verdicts(fp, OUTPUT_JSON, &vs));
	is_str(text, "[\n"
	    "  {\n"
	    "    \"severity\": \"error\",\n"
	    "    \"field\": \"nodeCount\",\n"
	    "    \"flag\": \"--agent-count\",\n"
	    "    \"id\": \"PROD_NODES\",\n"
	    "    \"message\": \"Production needs at least 3 nodes; this has 2 "
	    "nodes.\",\n"
	    "    \"args\": [\"2\"]\n"
	    "  },\n"
	    "  {\n"
	    "    \"severity\": \"warning\",\n"
	    "    \"field\": \"tls.mode\",\n"
	    "    \"flag\": null,\n"
	    "    \"id\": \"TLS_LEAF_EMPTY\",\n"
	    "    \"message\": \"A Microsoft certificate needs a leaf domain "
	    "label.\",\n"
	    "    \"args\": []\n"
	    "  }\n"
	    "]\n", "verdicts as the documented JSON, plural by n");
	free(text);
	CAPTURE(text, output_verdicts(fp, OUTPUT_TABLE, &vs));
	is_str(text,
	    "SEVERITY  FIELD                      MESSAGE\n"
	    "error     nodeCount (--agent-count)  Production needs at least 3 "
	    "nodes; this has 2 nodes.\n"
	    "warning   tls.mode                   A Microsoft certificate needs "
	    "a leaf domain label.\n", "verdicts as a table");
	free(text);
	vs.v[0].n = 1;
	strcpy(vs.v[0].args[0], "1");
	CAPTURE(text, output_verdicts(fp, OUTPUT_TSV, &vs));
	is_str(text, "error\tnodeCount\tPROD_NODES\tProduction needs at least 3 "
	    "nodes; this has 1 node.\nwarning\ttls.mode\tTLS_LEAF_EMPTY\t"
	    "A Microsoft certificate needs a leaf domain label.\n",
	    "verdicts as TSV, singular for 1");
	free(text);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	test_table();
	test_json();
	test_json_member();
	test_verdicts();
	return tap_done();
}
