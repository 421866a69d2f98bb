/*
 * The private akswiz-sandbox of `akswiz --sandbox`: started on the user's
 * sandbox world ($XDG_STATE_HOME/akswiz/sandbox: its state, CA, a lock
 * that makes a second akswiz --sandbox wait, the port it last had, else a
 * free loopback one), the binary next to akswiz, else on PATH.  Its ready
 * file gives the endpoint, authority, CA and a service principal, whose
 * secret reaches sign-in through a 0600 file in the 0700 world folder,
 * never argv.  The child is stopped (SIGTERM, waitpid) and its files
 * removed by sandbox_child_stop(), the one teardown, also run by a signal
 * handler when akswiz is interrupted; it stops itself when akswiz dies
 * (PR_SET_PDEATHSIG).  AKSWIZ_SANDBOX_OPTIONS adds options to its
 * command line.
 *
 * The world has an identity: a random id in its file "id", made with the
 * world and made anew by --reset (which empties the world), so that the
 * journal follows the world's operations whatever port it is served on.
 */
#ifndef AKSWIZ_APP_SANDBOX_CHILD_H
#define AKSWIZ_APP_SANDBOX_CHILD_H

#include <stdbool.h>
#include <sys/types.h>

#include "common/err.h"

struct sandbox_child {
	pid_t	pid;			/* 0: none runs */
	char	dir[256];		/* the world folder, "" when none */
	char	world_id[40];		/* the world's identity (its id file) */
	/* from its ready file */
	char	endpoint[256];
	char	authority[256];
	char	ca_file[1024];
	char	secret_file[512];	/* "" when it named no secret */
	char	tenant[64];
	char	client_id[64];
	char	subscription[64];
	char	resource_group[128];
	char	workspace[128];
};

/*
 * Open the world (waiting for another akswiz --sandbox that holds it;
 * warn says so), empty it first when reset, start the sandbox and read
 * its ready file.  False + err; the child is then stopped.
 */
bool	sandbox_child_start(struct sandbox_child *, bool reset,
	    void (*warn)(const char *), struct err *);
/*
 * Stop the sandbox, remove its ready file, log and secret, and let the
 * next akswiz --sandbox have the world.  Safe to call twice.
 */
void	sandbox_child_stop(struct sandbox_child *);

#endif
