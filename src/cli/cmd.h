/*
 * Commands of the akswiz binary: one file per command, one row per command
 * in cmd.c's table.  Global options are taken out of argv by main.c before
 * and after the command name, so a command sees only its own arguments.
 */
#ifndef AKSWIZ_CLI_CMD_H
#define AKSWIZ_CLI_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "app/options.h"

/* Exit statuses (man/akswiz.1 "EXIT STATUS"). */
enum {
	EXIT_OK = 0,		/* success */
	EXIT_FAILED = 1,	/* operation failed, or the plan has errors */
	EXIT_USAGE = 2,		/* bad usage, unreadable or malformed input */
	EXIT_PREFLIGHT = 3,	/* refused by preflight before submitting */
	EXIT_AUTH = 4,		/* sign-in failed */
	EXIT_SERVICE = 5,	/* network or service error */
	EXIT_PARTLY = 6,	/* a later step failed: partly applied */
	EXIT_JOURNAL = 7,	/* a journal entry is damaged */
	EXIT_LOCKED = 8		/* another akswiz is changing the compute */
};

struct cli_command {
	const char	*name;
	const char	*summary;	/* N_(): one line for --help */
	int		(*exec)(struct app_options *, int, char **);
	/*
	 * The synopsis main.c prints for "akswiz NAME --help", or NULL when
	 * the command answers --help itself.  Command syntax: not translated.
	 */
	const char	*synopsis;
};

/* The command named, or NULL. */
const struct cli_command *cli_command_find(const char *);
/* Print the list of commands (for --help). */
void		cli_command_list(FILE *);

/* Print "akswiz: <message>" to stderr (translated by the caller). */
void		cli_error(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
void		cli_warning(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
/*
 * A number option's value s into *v: a whole number from 0 to INT_MAX.
 * Inside a plan -1 means "not given", so a negative value given is
 * refused, naming the option and the range, never taken as unset.
 * False after saying why.
 */
bool		cli_count(const char *opt, const char *s, long *v);
/*
 * Whether argv[i + 1] goes on a --traffic given as words (blue=90
 * green=10): a DEPLOYMENT=PERCENT word, not an option.
 */
bool		cli_traffic_word_next(int argc, char **argv, int i);
/*
 * With --readonly, refuse a command that would change something in Azure
 * at once (nothing sent) and return EXIT_PREFLIGHT; without, EXIT_OK.
 */
int		cli_readonly_refuse(const struct app_options *,
		    const char *command);
/*
 * The arguments of a command that changes one compute (detach, scale,
 * delete): --yes (-y), --no-wait and the compute's name, the command's
 * own options through take (1: taken, *i advanced past a value; 0: not
 * its own; -1: a bad value, said).  EXIT_OK, or EXIT_USAGE after a
 * message.
 */
struct cli_change {
	const char	*name;
	bool		 yes, wait;
};
typedef int	(*cli_take_fn)(void *ctx, int argc, char **argv, int *i);
int		cli_change_args(const char *cmd, int argc, char **argv,
		    cli_take_fn take, void *ctx, struct cli_change *);
/*
 * Then --readonly (refused, EXIT_PREFLIGHT), --yes without a terminal
 * (EXIT_USAGE), and the session with the workspace scope: EXIT_OK with s
 * open, or the exit status after a message.
 */
struct session;
int		cli_change_open(struct app_options *, const char *cmd,
		    bool yes, struct session *);
/*
 * The compute name of the session's workspace into c (*found false when
 * it is not there): EXIT_OK, or the exit status after the error was said
 * (free c with arm_compute_done either way).  cli_compute_is(): a compute
 * of that type with a cluster (resourceId).  cli_cluster_ours(): a
 * cluster akswiz created (its PLAN_K8S_TAG).
 */
struct arm_compute;
struct plan;
struct arm_cluster;
int		cli_get_compute(struct session *, const char *name,
		    struct arm_compute *, bool *found);
bool		cli_compute_is(const struct arm_compute *, const char *type);
/*
 * For a `plan new` that reads the plan's compute (update, migrate): the
 * session with the workspace scope, the plan's empty scope members filled
 * from it, and compute p->name read into c.  EXIT_OK with s open (the
 * caller frees c and closes s), else the exit status, said (a compute
 * that is not there: EXIT_USAGE), with s closed.
 */
int		cli_plan_compute(struct app_options *, struct plan *,
		    struct session *s, struct arm_compute *c);
bool		cli_cluster_ours(const struct arm_cluster *);
/*
 * `plan new update`: the compute p->name looked up, its type set, and for
 * a Kubernetes compute its cluster (cluster_id), the extension's purpose
 * and, when not given, its router's service type; the scope filled from
 * the session where the plan has none.  EXIT_OK, or the exit status after
 * a message (plan-update.c).
 */
struct plan;
int		cli_plan_update_target(struct app_options *, struct plan *);
/*
 * The answer to a question just printed on stderr, its line end dropped;
 * false at the end of the input.  cli_answer_yes(): one starting with y.
 */
bool		cli_answer(char *line, size_t len);
bool		cli_answer_yes(void);
/* Parse "table", "json", "tsv"; false otherwise. */
bool		cli_output_parse(const char *, enum output_format *);
/*
 * The region of a command that takes -l LOCATION (vm-sizes, versions):
 * loc when given, else the workspace's, with one GET of the workspace
 * and a line on stderr that says so.  On failure prints the error and
 * returns false with the exit status in *status.
 */
struct session;
bool		cli_location(struct session *, const char *cmd,
		    const char *loc, char *buf, size_t len, int *status);

int		cmd_plan(struct app_options *, int, char **);
/*
 * `plan new deploy` (argv[1] "deploy"): its flags into p (cmd-deploy.c),
 * *file the -f file or NULL; *helped when --help was printed.
 * EXIT_OK, or EXIT_USAGE after a message.
 */
struct plan;
int		cli_plan_new_deploy(struct app_options *, int, char **,
		    struct plan *, const char **file, bool *helped);
/*
 * plan new migrate: read the legacy compute p->name in the session's
 * workspace into p (cmd-plan-migrate.c); with save_dir, save its custom
 * certificate and key there first (as detach --save-tls) and keep them.
 * An exit status.
 */
struct plan;
int		cli_plan_migrate_read(struct app_options *, struct plan *,
		    bool lb_given, bool tls_given, bool purpose_given,
		    const char *save_dir);
int		cmd_home(struct app_options *, int, char **);
int		cmd_create(struct app_options *, int, char **);
int		cmd_attach(struct app_options *, int, char **);
int		cmd_browse(struct app_options *, int, char **);
int		cmd_login(struct app_options *, int, char **);
int		cmd_logout(struct app_options *, int, char **);
int		cmd_account(struct app_options *, int, char **);
int		cmd_apply(struct app_options *, int, char **);
int		cmd_watch(struct app_options *, int, char **);
int		cmd_list(struct app_options *, int, char **);
int		cmd_show(struct app_options *, int, char **);
int		cmd_detach(struct app_options *, int, char **);
int		cmd_scale(struct app_options *, int, char **);
int		cmd_delete(struct app_options *, int, char **);
int		cmd_online_endpoint(struct app_options *, int, char **);
int		cmd_online_deployment(struct app_options *, int, char **);
int		cmd_model(struct app_options *, int, char **);
int		cmd_code(struct app_options *, int, char **);
int		cmd_environment(struct app_options *, int, char **);
/* update and delete of both (cmd-endpoint-change.c); the short forms. */
int		cmd_endpoint_change(struct app_options *, int, char **);
int		cmd_endpoint(struct app_options *, int, char **);
int		cmd_deployment(struct app_options *, int, char **);
int		cmd_clusters(struct app_options *, int, char **);
int		cmd_vm_sizes(struct app_options *, int, char **);
int		cmd_versions(struct app_options *, int, char **);

#endif
