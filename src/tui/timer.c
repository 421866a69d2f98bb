/* Screen timers (see timer.h): a small fixed table, scanned linearly. */
#include "config.h"
#include "tui/timer.h"

#include <stdlib.h>

#include "common/clock.h"

#define TIMERS_MAX	16

static struct timer {
	bool		 used;
	uint64_t	 at;
	bool		 blocks;
	const void	*owner;
	timer_fn	 fn;
	void		*arg;
} timers[TIMERS_MAX];

/* Add a timer. */
void
timer_add(uint64_t at_ms, bool blocks_script, const void *owner,
    timer_fn fn, void *arg)
{
	int	i;

	for (i = 0; i < TIMERS_MAX; i++)
		if (!timers[i].used) {
			timers[i].used = true;
			timers[i].at = at_ms;
			timers[i].blocks = blocks_script;
			timers[i].owner = owner;
			timers[i].fn = fn;
			timers[i].arg = arg;
			return;
		}
	abort();
}

/* Drop an owner's timers. */
void
timer_cancel_owner(const void *owner)
{
	int	i;

	for (i = 0; i < TIMERS_MAX; i++)
		if (timers[i].used && timers[i].owner == owner)
			timers[i].used = false;
}

/* The earliest timer. */
bool
timer_next(bool only_blocking, uint64_t *at_ms)
{
	bool	found = false;
	int	i;

	for (i = 0; i < TIMERS_MAX; i++)
		if (timers[i].used && (!only_blocking || timers[i].blocks) &&
		    (!found || timers[i].at < *at_ms)) {
			*at_ms = timers[i].at;
			found = true;
		}
	return found;
}

/* Run the timers that are due. */
void
timer_fire(struct tui *t)
{
	uint64_t	now = clock_now_ms();
	struct timer	tm;
	int		i;

	for (i = 0; i < TIMERS_MAX; i++)
		if (timers[i].used && timers[i].at <= now) {
			tm = timers[i];
			timers[i].used = false;
			tm.fn(t, tm.arg);
		}
}
