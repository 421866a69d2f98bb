/*
 * akswiz watch [NAME]: resume monitoring the open operations of the
 * journal (all of them, or those of compute NAME) until they end, then
 * close their entries.  Only operations on this session's Resource
 * Manager endpoint are resumed; the others are named and skipped.  A
 * damaged entry is reported (file, what is wrong, what to do; exit 7) and
 * left as it is: it may stand for an operation still running.  An entry
 * another akswiz follows is named with its holder (exit 8).  The exit
 * status is the worst of the outcomes.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "azure/journal.h"
#include "cli/session.h"
#include "common/i18n.h"

/* Report a damaged entry: the file, what is wrong, what to do. */
static void
watch_damaged(const struct app_options *g, const struct journal_damaged *d)
{
	bool	first = true;

	if (g->output == OUTPUT_JSON) {
		fputc('{', stdout);
		session_json_member(stdout, &first, "result", "damaged");
		session_json_member(stdout, &first, "message", d->what);
		session_json_member(stdout, &first, "journal", d->path);
		session_json_member(stdout, &first, "compute",
		    d->compute[0] != '\0' ? d->compute : NULL);
		fputs("}\n", stdout);
		return;
	}
	if (g->output == OUTPUT_TSV) {
		printf("damaged\t%s\t%s\n", d->path, d->what);
		return;
	}
	/* TRANSLATORS: the path of the file, then what is wrong with it
	 * ("it is not JSON (...)"). */
	cli_error(_("journal entry %s is damaged: %s"), d->path, d->what);
	if (d->compute[0] != '\0')
		fprintf(stderr, _("  It may stand for an operation still "
		    "running on %s: look at the compute (\"akswiz show %s\"), "
		    "then move the file out of the journal; akswiz leaves it "
		    "as it is.\n"), d->compute, d->compute);
	else
		fprintf(stderr, _("  It may stand for an operation still "
		    "running: look at the computes (\"akswiz list\"), then "
		    "move the file out of the journal; akswiz leaves it as it "
		    "is.\n"));
}

/* akswiz watch [NAME]. */
int
cmd_watch(struct app_options *g, int argc, char **argv)
{
	struct session		 s;
	struct journal_list	 l;
	struct err		 err;
	const char		*name = NULL;
	size_t			 i, done = 0;
	int			 status = EXIT_OK, st;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		cli_error(_("usage: akswiz watch [NAME]"));
		return EXIT_USAGE;
	}
	if (argc == 2)
		name = argv[1];
	err_clear(&err);
	if (!journal_list(&l, true, &err)) {
		session_report(&err);
		return EXIT_SERVICE;
	}
	if (!session_open(&s, g, 0, &err)) {
		session_report(&err);
		journal_list_free(&l);
		return session_exit_status(&err);
	}
	for (i = 0; i < l.n; i++) {
		struct journal_entry *e = &l.v[i];

		if (name != NULL && strcasecmp(e->compute, name) != 0)
			continue;
		if (!journal_entry_on_endpoint(e, s.arm_endpoint)) {
			cli_warning(_("%s (%s) runs on another endpoint; "
			    "skipped"), e->compute, e->id);
			continue;
		}
		st = session_ops_resume(g, &s, e);
		if (st > status)
			status = st;
		done++;
	}
	/* Never dropped in silence: it may be an operation in flight. */
	for (i = 0; i < l.ndamaged; i++) {
		if (name != NULL && l.damaged[i].compute[0] != '\0' &&
		    strcasecmp(l.damaged[i].compute, name) != 0)
			continue;
		watch_damaged(g, &l.damaged[i]);
		if (EXIT_JOURNAL > status)
			status = EXIT_JOURNAL;
		done++;
	}
	if (done == 0 && g->output != OUTPUT_JSON) {
		if (name != NULL)
			printf(_("No open operation for %s.\n"), name);
		else
			printf(_("No open operations.\n"));
	}
	journal_list_free(&l);
	session_close(&s);
	return status;
}
