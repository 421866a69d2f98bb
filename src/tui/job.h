/*
 * Jobs: backend calls (synchronous functions) run one at a time on a
 * worker thread, so the screen never waits on the network.  The result is
 * handed back through a pipe the loop polls; done() then runs on the main
 * thread, where curses lives.  A screen starts a job and reads its state.
 */
#ifndef AKSWIZ_TUI_JOB_H
#define AKSWIZ_TUI_JOB_H

#include <stdbool.h>

typedef void (*job_fn)(void *);

/* Queue run(arg) for the worker; done(arg) runs on the main thread after. */
void	job_start(job_fn run, job_fn done, void *arg);
/* True while a job is queued, running, or waiting for its done(). */
bool	job_busy(void);
/* The file descriptor to poll for finished jobs (-1 before the first job). */
int	job_fd(void);
/* Call done() for every finished job; never blocks. */
void	job_collect(void);
/* Wait for the queue to drain and stop the worker (at exit). */
void	job_shutdown(void);

#endif
