/*
 * akswiz watch [NAME]: resume monitoring the open operations of the
 * journal (all of them, or those of compute NAME) until they end, then
 * close their entries.  Only operations on this session's Resource
 * Manager endpoint are resumed; the others are named and skipped.  The
 * exit status is the worst of the outcomes.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "azure/journal.h"
#include "azure/ops.h"
#include "cli/session.h"
#include "common/i18n.h"

/* akswiz watch [NAME]. */
int
cmd_watch(struct cli_globals *g, int argc, char **argv)
{
	struct session		 s;
	struct journal_list	 l;
	struct ops		 o;
	struct ops_outcome	 out;
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
	ops_init(&o, &s.arm);
	session_ops_tune(&o);
	o.progress = session_ops_progress;
	o.progress_ctx = g->output == OUTPUT_TABLE ? NULL : (void *)1;
	for (i = 0; i < l.n; i++) {
		struct journal_entry *e = &l.v[i];

		if (name != NULL && strcasecmp(e->compute, name) != 0)
			continue;
		if (!journal_entry_on_endpoint(e, s.arm_endpoint)) {
			cli_warning(_("%s (%s) runs on another endpoint; "
			    "skipped"), e->compute, e->id);
			continue;
		}
		if (g->output == OUTPUT_TABLE)
			fprintf(stderr, _("akswiz: resuming %s of %s (step %d "
			    "of %d), last seen %s\n"), e->step_name,
			    e->compute, e->step, e->nsteps, e->state);
		err_clear(&err);
		if (!ops_resume(&o, e, &out, &err)) {
			session_report(&err);
			st = session_exit_status(&err);
		} else
			st = session_ops_outcome(g, &out);
		if (st > status)
			status = st;
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
