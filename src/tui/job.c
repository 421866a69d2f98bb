/*
 * The worker thread (see job.h).  One worker, a small FIFO: backend calls
 * are few and sequential (list, then check, then submit), and one thread
 * keeps the backend free of locking.  Curses is never called here.
 */
#include "config.h"
#include "tui/job.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"

struct job {
	job_fn		 run, done;
	void		*arg;
	struct job	*next;
};

static pthread_mutex_t	 job_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 job_cond = PTHREAD_COND_INITIALIZER;
static struct job	*job_head, *job_tail;
static pthread_t	 job_thread;
static bool		 job_started, job_stopping;
static int		 job_pipe[2] = { -1, -1 };
static int		 job_outstanding;	/* main thread only */

/* The worker: take jobs in order, run them, post them to the pipe. */
static void *
job_worker(void *unused)
{
	struct job	*j;
	ssize_t		 r;

	for (;;) {
		pthread_mutex_lock(&job_lock);
		while (job_head == NULL && !job_stopping)
			pthread_cond_wait(&job_cond, &job_lock);
		if (job_head == NULL) {
			pthread_mutex_unlock(&job_lock);
			return NULL;
		}
		j = job_head;
		job_head = j->next;
		if (job_head == NULL)
			job_tail = NULL;
		pthread_mutex_unlock(&job_lock);
		if (j->run != NULL)
			j->run(j->arg);
		do
			r = write(job_pipe[1], &j, sizeof j);
		while (r < 0 && errno == EINTR);
	}
}

/* Queue a job for the worker, starting the worker on first use. */
void
job_start(job_fn run, job_fn done, void *arg)
{
	struct job	*j = xcalloc(1, sizeof *j);

	if (!job_started) {
		if (pipe(job_pipe) != 0)
			abort();
		fcntl(job_pipe[0], F_SETFL, O_NONBLOCK);
		fcntl(job_pipe[0], F_SETFD, FD_CLOEXEC);
		fcntl(job_pipe[1], F_SETFD, FD_CLOEXEC);
		if (pthread_create(&job_thread, NULL, job_worker, NULL) != 0)
			abort();
		job_started = true;
	}
	j->run = run;
	j->done = done;
	j->arg = arg;
	job_outstanding++;
	pthread_mutex_lock(&job_lock);
	if (job_tail != NULL)
		job_tail->next = j;
	else
		job_head = j;
	job_tail = j;
	pthread_cond_signal(&job_cond);
	pthread_mutex_unlock(&job_lock);
}

/* True while a job has not been handed back. */
bool
job_busy(void)
{
	return job_outstanding > 0;
}

/* The pipe the loop polls for finished jobs. */
int
job_fd(void)
{
	return job_pipe[0];
}

/* Hand finished jobs back: their done() runs here, on the main thread. */
void
job_collect(void)
{
	struct job	*j;

	if (!job_started)
		return;
	while (read(job_pipe[0], &j, sizeof j) == (ssize_t)sizeof j) {
		job_outstanding--;
		if (j->done != NULL)
			j->done(j->arg);
		free(j);
	}
}

/* Stop the worker when idle; with a job running, leave it to exit. */
void
job_shutdown(void)
{
	if (!job_started)
		return;
	/*
	 * An operation may still run: leave it to the process's end rather
	 * than wait minutes; its journal lets "akswiz watch" follow it.
	 */
	if (job_outstanding > 0)
		return;
	pthread_mutex_lock(&job_lock);
	job_stopping = true;
	pthread_cond_signal(&job_cond);
	pthread_mutex_unlock(&job_lock);
	pthread_join(job_thread, NULL);
	job_collect();
	close(job_pipe[0]);
	close(job_pipe[1]);
	job_pipe[0] = job_pipe[1] = -1;
	job_started = false;
	job_stopping = false;
}
