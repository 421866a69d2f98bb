/*
 * What the screens ask of the backend, as plain functions that run on the
 * worker thread (job.c) and fill plain structs: no curses, no screen
 * state.  The screen that started a job reads the struct in its done()
 * callback on the main thread; if the screen is gone by then, the struct
 * is freed unread (live_*_free).  Operations keep running after the screen
 * that started them is left: the journal has them.
 */
#ifndef AKSWIZ_TUI_LIVE_H
#define AKSWIZ_TUI_LIVE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "azure/ops.h"
#include "common/err.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/verdict.h"
#include "tui/wizard.h"

struct arm;

/* The create wizard's facts: location, names, sizes, quota. */
struct live_create {
	struct arm		*arm;		/* (borrowed) */
	struct plan_scope	 scope;
	void			*owner;		/* the wizard (main thread only) */
	bool			 cancelled;	/* the wizard is gone */
	bool			 ok;
	struct err		 err;
	char			 location[PLAN_ID_LEN];
	struct wizard_facts	 facts;		/* owned until taken */
};

void	live_create_run(void *);	/* job: struct live_create * */
void	live_create_free(struct live_create *);

/* The attach wizard's facts: clusters with verdicts, and names. */
struct live_clusters {
	struct arm		*arm;
	enum cloud		 cloud;
	struct plan_scope	 scope;
	void			*owner;
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	char			 location[PLAN_ID_LEN];
	struct wizard_facts	 facts;		/* clusters and names */
	/* Judged for an attach as compute type Kubernetes (today's path). */
	bool			 attach_k8s;
};

void	live_clusters_run(void *);
void	live_clusters_free(struct live_clusters *);

/* One row of a scope list: a subscription or a workspace. */
struct live_scope_row {
	char	id[PLAN_ID_LEN];	/* subscription GUID */
	char	name[PLAN_NAME_LEN];	/* display name / workspace name */
	char	group[PLAN_NAME_LEN];	/* workspace's resource group */
	char	location[PLAN_ID_LEN];
	char	state[PLAN_ID_LEN];
};

/* The subscriptions (subscription ""), or a subscription's workspaces. */
struct live_scope {
	struct arm		*arm;
	char			 subscription[PLAN_ID_LEN];
	void			*owner;
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	struct live_scope_row	*rows;		/* owned */
	size_t			 n;
};

void	live_scope_run(void *);
void	live_scope_free(struct live_scope *);

#define LIVE_LOG_MAX	32
#define LIVE_STEPS_MAX	8

/* A submitted plan: preflight, then the operation, followed to its end
 * (app/run.h drives it; live_run_run copies what it tells in here). */
struct live_run {
	pthread_mutex_t		 lock;		/* guards what the worker updates */
	struct arm		*arm;
	enum cloud		 cloud;
	struct plan		 plan;
	void			*owner;		/* the screen (main thread only) */
	bool			 cancelled;	/* the screen is gone */
	char			 resume[1024];	/* journal to resume, or "" */
	/* set by the worker, read under lock */
	bool			 preflight_done;
	bool			 refused;	/* preflight found errors */
	struct verdicts		 verdicts;
	char			 state[48];
	uint64_t		 elapsed_ms;	/* since the operation began */
	uint64_t		 started_ms;	/* clock time it began */
	int			 step, nsteps;
	enum step_kind		 step_kind;
	char			 log[LIVE_LOG_MAX][160];	/* states */
	uint64_t		 log_ms[LIVE_LOG_MAX];	/* as elapsed_ms */
	int			 log_step[LIVE_LOG_MAX];	/* 0: one step */
	enum step_kind		 log_step_kind[LIVE_LOG_MAX];
	int			 nlog;
	char			 journal[1024];
	/* set once the job is done */
	bool			 kept;		/* a journal entry holds the plan */
	bool			 ok;
	struct err		 err;
	struct ops_outcome	 out;
	/*
	 * A plan of several steps (today's path): each step's kind, latest
	 * state and time since it began (under lock; 1-based step i at i-1).
	 */
	enum step_kind		 steps_kind[LIVE_STEPS_MAX];
	char			 steps_state[LIVE_STEPS_MAX][48];
	uint64_t		 steps_ms[LIVE_STEPS_MAX];
	uint64_t		 steps_at[LIVE_STEPS_MAX];	/* clock time of steps_ms */
	bool			 steps_seen[LIVE_STEPS_MAX];
};

struct live_run	*live_run_new(struct arm *, enum cloud, const struct plan *);
/* Follow a journaled operation (the journal file's path) instead. */
struct live_run	*live_run_resume(struct arm *, enum cloud, const char *path,
		    const char *op, const char *compute);
void		 live_run_run(void *);
void		 live_run_free(struct live_run *);

#endif
