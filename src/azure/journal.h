/*
 * The operation journal: one JSON file per submitted operation under
 * $XDG_STATE_HOME/akswiz/operations/ (default ~/.local/state/akswiz/...),
 * written before the first poll (compute, operation URL, plan, step, start
 * time, last state), rewritten atomically on each state change, and closed
 * (open: false, with the result) at the end.  `akswiz watch` resumes the
 * open ones.  Files are mode 0600 in a 0700 directory; they hold no
 * secrets (the plan names certificate and key files, never their text).
 *
 * The format is machine output (never translated), documented in
 * man/akswiz.1 "FILES".
 */
#ifndef AKSWIZ_AZURE_JOURNAL_H
#define AKSWIZ_AZURE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "common/err.h"

/* Version 2 adds "stepList"; version 1 files are read as well. */
#define JOURNAL_VERSION		2
#define JOURNAL_URL_LEN		2048
#define JOURNAL_STEPS_MAX	6	/* a deploy: 3 uploads, endpoint, deployment, traffic */
/* The result of a plan whose later step failed after earlier ones took
 * effect (an attach done, its load-balancer update not). */
#define JOURNAL_PARTLY_APPLIED	"PartlyApplied"

/*
 * One step's progress ("stepList"): never its request body, which may
 * carry a key; it is made again from the plan when the step is sent.
 */
struct journal_step {
	char	 kind[24];		/* step_kind_id(): "attachCompute" */
	char	 target[JOURNAL_URL_LEN]; /* the ARM resource ID */
	char	 state[48];		/* last state seen; "" not started */
	char	 result[16];		/* "" not ended yet; "Succeeded" ... */
	char	 poll_kind[16];		/* lro_poll_kind_name() */
	char	 operation_url[JOURNAL_URL_LEN];
};

struct journal_entry {
	char	 path[1024];		/* the file; set by journal_create */
	char	 id[96];		/* file name without .json */
	char	 operation[16];		/* "create" ... "update" */
	char	 subscription[64];
	char	 resource_group[128];
	char	 workspace[128];
	char	 compute[128];		/* compute name */
	char	 method[8];		/* of the current step: PUT, DELETE */
	char	 resource_url[JOURNAL_URL_LEN];
	int	 step;			/* 1-based */
	int	 nsteps;
	char	 step_name[32];		/* "create" ... "install extension" */
	char	 poll_kind[16];		/* lro_poll_kind_name() */
	char	 operation_url[JOURNAL_URL_LEN];
	time_t	 started;
	time_t	 updated;
	char	 state[48];		/* last state seen */
	bool	 open;
	char	 result[16];		/* "" while open; "Succeeded" ... */
	/* Each step; the current one's state, poll kind and operation URL
	 * are copied from the members above when the entry is written. */
	struct journal_step steps[JOURNAL_STEPS_MAX];
	char	 error_code[64];
	char	 error_message[512];
	char	*plan_json;		/* owned: the plan document, or NULL */
	/* The --sandbox world it ran in ("sandboxWorld"), or "". */
	char	 sandbox_world[40];
};

/*
 * A file of the journal that cannot be read as an entry (truncated, not
 * JSON, a member of the wrong type, too large): it may stand for an
 * operation still running, so it is listed, never skipped in silence,
 * and never rewritten or removed.
 */
struct journal_damaged {
	char	 path[1024];
	char	 what[256];		/* what is wrong, translated */
	char	 compute[128];		/* from the file name, or "" */
};

struct journal_list {
	struct journal_entry	*v;
	size_t			 n, alloc;
	struct journal_damaged	*damaged;
	size_t			 ndamaged;
};

/*
 * A compute's lock: held (flock) from preflight to the end of an apply,
 * or while an operation is followed, so that two akswiz never change the
 * same compute at once.  The file names its holder.
 */
struct journal_lock {
	int	 fd;			/* -1: not held */
	char	 path[1024];
};

/*
 * The journal directory (created 0700 with its parents); dir may be NULL
 * for the default.  False + ERR_IO if it cannot be made.
 */
bool	journal_dir(char *buf, size_t len, struct err *);
/* A fresh entry: open, started now, step 1 of 1. */
void	journal_entry_init(struct journal_entry *);
void	journal_entry_done(struct journal_entry *);
/* Give e a file name and id (time, compute, random) and write it. */
bool	journal_create(struct journal_entry *, struct err *);
/* Rewrite e's file atomically (temporary file, fsync, rename). */
bool	journal_write(struct journal_entry *, struct err *);
/* Close e with a result ("Succeeded", "Failed", "Canceled") and write. */
bool	journal_finish(struct journal_entry *, const char *result,
	    const char *code, const char *message, struct err *);
/*
 * Read an entry.  A damaged one is false + ERR_PARSE whose message names
 * the file and says what is wrong (the file is left as it is).
 */
bool	journal_read(const char *path, struct journal_entry *, struct err *);
/*
 * Every entry (open_only: only the open ones), oldest first; files that
 * cannot be read go to l->damaged, whatever open_only.
 */
bool	journal_list(struct journal_list *, bool open_only, struct err *);
void	journal_list_free(struct journal_list *);
/*
 * Whether e's operation runs on the Resource Manager at endpoint (no
 * trailing /): an operation journaled against another cloud or another
 * sandbox cannot be followed from this session.  An entry of this
 * process's sandbox world (journal_use_world) is of it whatever the port
 * it was started on; one of another world never is.
 */
bool	journal_entry_on_endpoint(const struct journal_entry *,
	    const char *endpoint);
/*
 * This process works in the --sandbox world id (app/sandbox-child.h),
 * served at endpoint now: new entries record the world, and the entries of
 * that world are read with their URLs moved to endpoint (the origin only).
 */
void	journal_use_world(const char *id, const char *endpoint);
/* The JSON document of e (caller frees). */
char	*journal_to_json(const struct journal_entry *);

/* Whether e is closed as JOURNAL_PARTLY_APPLIED. */
bool	journal_entry_partly_applied(const struct journal_entry *);
/*
 * The newest entry of the compute (subscription, group, workspace and
 * name, without case) on endpoint, when it is closed as partly applied:
 * its failed step is e->step (e->step_name, e->error_*), the steps before
 * it succeeded, and applying the same plan again sends only the steps
 * from e->step on.  False when there is none (a later entry of the
 * compute, such as the finished retry or a detach, settles it).  For the
 * browse screen as for `akswiz apply`.
 */
bool	journal_find_partial(const char *endpoint, const char *subscription,
	    const char *resource_group, const char *workspace,
	    const char *compute, struct journal_entry *);

/* An unheld lock. */
void	journal_lock_init(struct journal_lock *);
/*
 * Take the compute's lock without waiting, saying who holds it (what:
 * "create", "attach", ...: the operation).  False + ERR_BUSY naming the
 * holder (process, host, since when, its journal entry) when another
 * process holds it; false + ERR_IO if the file cannot be made.
 */
bool	journal_lock(struct journal_lock *, const char *subscription,
	    const char *resource_group, const char *workspace,
	    const char *compute, const char *what, struct err *);
/* Name the journal entry the holder writes (shown to the next comer). */
void	journal_lock_note(struct journal_lock *, const char *journal_path);
/* Release (and remove) the lock; nothing if not held. */
void	journal_unlock(struct journal_lock *);
bool	journal_locked(const struct journal_lock *);

#endif
