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

#define JOURNAL_VERSION		1
#define JOURNAL_URL_LEN		2048

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
	char	 step_name[16];		/* "create" "attach" "update" ... */
	char	 poll_kind[16];		/* lro_poll_kind_name() */
	char	 operation_url[JOURNAL_URL_LEN];
	time_t	 started;
	time_t	 updated;
	char	 state[48];		/* last state seen */
	bool	 open;
	char	 result[16];		/* "" while open; "Succeeded" ... */
	char	 error_code[64];
	char	 error_message[512];
	char	*plan_json;		/* owned: the plan document, or NULL */
};

struct journal_list {
	struct journal_entry	*v;
	size_t			 n, alloc;
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
bool	journal_read(const char *path, struct journal_entry *, struct err *);
/* Every entry (open_only: only the open ones), oldest first. */
bool	journal_list(struct journal_list *, bool open_only, struct err *);
void	journal_list_free(struct journal_list *);
/*
 * Whether e's operation runs on the Resource Manager at endpoint (no
 * trailing /): an operation journaled against another cloud or another
 * sandbox cannot be followed from this session.
 */
bool	journal_entry_on_endpoint(const struct journal_entry *,
	    const char *endpoint);
/* The JSON document of e (caller frees). */
char	*journal_to_json(const struct journal_entry *);

#endif
