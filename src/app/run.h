/*
 * The one driver of an operation: preflight, then apply (or resume a
 * journaled one), then monitor to the end, with the compute's lock
 * released on every path.  `akswiz apply`, `akswiz detach`, `akswiz
 * watch` and the interface's progress screen call it and keep only their
 * presentation: lines on stderr and the outcome on stdout, or a copy into
 * the screen's struct under its lock.
 *
 * The caller is told twice: once when the operation is about to go ahead
 * or not (struct run_start: the preflight's verdicts, a refusal, a partly
 * applied plan, or the journal entry being resumed), then after every
 * poll (struct ops_progress, as azure/ops.h sends it).
 *
 * AKSWIZ_POLL_MIN_MS (for tests against a sandbox in a hurry) is read
 * here alone, with one meaning for the commands and the interface: the
 * shortest wait between polls, and the wait when the service sends no
 * Retry-After, in milliseconds from 10 to 600000 (other values are
 * ignored).
 */
#ifndef AKSWIZ_APP_RUN_H
#define AKSWIZ_APP_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "azure/ops.h"
#include "common/err.h"
#include "core/plan.h"
#include "core/verdict.h"

struct arm;
struct journal_entry;

/* Told once, before anything is sent (or instead of it). */
struct run_start {
	const struct plan		*plan;	   /* NULL: resuming entry */
	const struct journal_entry	*entry;	   /* the one resumed, or NULL */
	const struct verdicts		*verdicts; /* NULL: no preflight done */
	bool				 refused;  /* the verdicts have errors */
	const struct err		*err;	   /* preflight failed, or NULL */
	/* A partly applied plan: only its steps from resume_step on are
	 * sent, in the journal entry resume_journal (0 and "": all). */
	int				 resume_step;
	const char			*resume_journal;
};

typedef void (*run_start_fn)(void *ctx, const struct run_start *);

struct run {
	struct arm	*arm;		/* (borrowed) */
	enum cloud	 cloud;
	bool		 wait;		/* false: return once submitted */
	bool		 register_providers; /* preflight registers them */
	run_start_fn	 start;		/* NULL: not told */
	ops_progress_fn	 progress;	/* NULL: not told */
	void		*ctx;		/* for both */
};

/* How a run ended; out is filled for RUN_DONE, err for the others. */
enum run_end {
	RUN_NO_PREFLIGHT,	/* the facts could not be fetched, or ERR_BUSY */
	RUN_REFUSED,		/* preflight found errors: nothing was sent */
	RUN_ERROR,		/* no outcome (out.journal may name the entry) */
	RUN_DONE		/* out says how it went */
};

/* A run on arm for cloud that waits for the end and tells nobody. */
void		run_init(struct run *, struct arm *, enum cloud);
/* Preflight and perform p. */
enum run_end	run_plan(const struct run *, const struct plan *p,
		    struct ops_outcome *, struct err *);
/* Follow a journaled open operation to its end (ERR_BUSY: another akswiz
 * follows it). */
enum run_end	run_resume(const struct run *, struct journal_entry *,
		    struct ops_outcome *, struct err *);
/* The same for the journal entry in file path (RUN_ERROR when it cannot
 * be read). */
enum run_end	run_resume_file(const struct run *, const char *path,
		    struct ops_outcome *, struct err *);

/*
 * AKSWIZ_POLL_MIN_MS's value s as milliseconds: true for 10 to 600000
 * (decimal, as strtoul reads it), false for NULL, "" and anything else.
 */
bool		run_poll_ms_parse(const char *s, uint64_t *ms);

#endif
