/*
 * The commands' side of the application session (app/session.h): how an
 * error becomes an exit status and a line on stderr, the JSON the
 * commands print, and the operations' progress and outcome.
 */
#ifndef AKSWIZ_CLI_SESSION_H
#define AKSWIZ_CLI_SESSION_H

#include <stdbool.h>
#include <stdio.h>

#include "app/session.h"
#include "azure/arm.h"
#include "cli/cmd.h"
#include "common/err.h"

struct ops_progress;
struct ops_outcome;
struct plan;

/* The exit status for an error (cmd.h): usage, sign-in, network ... */
int	session_exit_status(const struct err *);
/* Print err to stderr ("akswiz: message" and its detail). */
void	session_report(const struct err *);
/*
 * One compute as the JSON object that `list` and `show` print (stable,
 * man/akswiz.1 "JSON OUTPUT"), without a trailing newline.
 */
void	session_compute_json(FILE *, const struct arm_compute *);
/*
 * The same object for `show` of a Kubernetes compute, with its "cluster"
 * (cl, NULL: null) and "extension" (x, NULL: null) objects added; the
 * extension's protected settings are never among its settings.
 */
void	session_compute_json_k8s(FILE *, const struct arm_compute *,
	    const struct arm_cluster *cl, const struct arm_extension *x);
/*
 * session-ops.c (apart because core/plan.h's enum cloud and
 * azure/cloud.h's struct cloud_endpoints cannot meet in one file): the
 * commands' side of the driver (app/run.h).  Progress goes to stderr
 * ("akswiz: create ml-01: Creating (12 s)", table output only), the
 * outcome to stdout (table: the line, details and hint on stderr; json:
 * the documented object); they return the exit status.
 *
 * Preflight and perform a plan in the session (apply and detach).
 */
int	session_ops_apply(struct app_options *, struct session *,
	    struct plan *, bool wait);
/* Follow a journaled open operation to its end (watch). */
struct journal_entry;
int	session_ops_resume(struct app_options *, struct session *,
	    struct journal_entry *);
/* "key": "value" (or null) after a comma unless *first. */
void	session_json_member(FILE *, bool *first, const char *key,
	    const char *value);
/* "created" or "attached" (machine output). */
const char *session_compute_origin(const struct arm_compute *);
/*
 * Take "--name VALUE" / "--name=VALUE" / "-x VALUE" at argv[*i]: 1 taken
 * (value set, *i advanced), 0 not this option, -1 value missing.
 */
int	session_opt_value(int argc, char **argv, int *i, const char *name,
	    char shortname, const char **value);

#endif
