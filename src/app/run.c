/*
 * The driver of an operation (run.h): preflight, apply or resume, monitor,
 * and the compute's lock released whatever happened.
 */
#include "config.h"
#include "app/run.h"

#include <stdlib.h>
#include <string.h>

#include "azure/journal.h"

bool
run_poll_ms_parse(const char *s, uint64_t *ms)
{
	char		*end;
	unsigned long	 v;

	if (s == NULL || *s == '\0')
		return false;
	v = strtoul(s, &end, 10);
	if (*end != '\0' || v < 10 || v > 600000)
		return false;
	*ms = v;
	return true;
}

void
run_init(struct run *r, struct arm *arm, enum cloud cloud)
{
	memset(r, 0, sizeof *r);
	r->arm = arm;
	r->cloud = cloud;
	r->wait = true;
}

/*
 * The operations of run r, with the poll tuning of the environment; an
 * empty outcome and start event.
 */
static void
run_begin(const struct run *r, struct ops *o, struct run_start *st,
    struct ops_outcome *out)
{
	uint64_t	ms;

	memset(out, 0, sizeof *out);
	memset(st, 0, sizeof *st);
	st->resume_journal = "";
	ops_init(o, r->arm);
	o->cloud = r->cloud;
	o->progress = r->progress;
	o->progress_ctx = r->ctx;
	o->register_providers = r->register_providers;
	if (run_poll_ms_parse(getenv("AKSWIZ_POLL_MIN_MS"), &ms))
		o->min_poll_ms = o->default_poll_ms = ms;
}

static void
run_tell(const struct run *r, const struct run_start *st)
{
	if (r->start != NULL)
		r->start(r->ctx, st);
}

enum run_end
run_plan(const struct run *r, const struct plan *p, struct ops_outcome *out,
    struct err *err)
{
	struct ops		 o;
	struct run_start	 st;
	struct verdicts		 vs;
	enum run_end		 end;

	run_begin(r, &o, &st, out);
	verdicts_init(&vs);
	st.plan = p;
	if (!ops_preflight(&o, p, &vs, err)) {
		st.err = err;
		run_tell(r, &st);
		end = RUN_NO_PREFLIGHT;
		goto out;
	}
	st.verdicts = &vs;
	st.refused = verdicts_has_errors(&vs);
	st.resume_step = o.resume_step;
	st.resume_journal = o.resume_journal;
	run_tell(r, &st);
	if (st.refused)
		end = RUN_REFUSED;
	else if (!ops_apply(&o, p, r->wait, out, err))
		end = RUN_ERROR;
	else
		end = RUN_DONE;
out:
	ops_done(&o);
	return end;
}

enum run_end
run_resume(const struct run *r, struct journal_entry *e,
    struct ops_outcome *out, struct err *err)
{
	struct ops		 o;
	struct run_start	 st;
	enum run_end		 end;

	run_begin(r, &o, &st, out);
	st.entry = e;
	run_tell(r, &st);
	end = ops_resume(&o, e, out, err) ? RUN_DONE : RUN_ERROR;
	ops_done(&o);
	return end;
}

enum run_end
run_resume_file(const struct run *r, const char *path,
    struct ops_outcome *out, struct err *err)
{
	struct journal_entry	je;
	enum run_end		end;

	/* Unread, the entry has no outcome: out stays empty. */
	memset(out, 0, sizeof *out);
	journal_entry_init(&je);
	end = journal_read(path, &je, err) ? run_resume(r, &je, out, err) :
	    RUN_ERROR;
	journal_entry_done(&je);
	return end;
}
