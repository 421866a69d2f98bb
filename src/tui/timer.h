/*
 * Timers for screens: "poll the operation at T", "refresh the spinner".
 * Time is the clock of common/clock.c, so the fake clock drives them in
 * tests.  A timer that blocks the script is one a screen is waiting on
 * (the next poll): scripted keys wait for it, and the fake clock jumps to it.
 */
#ifndef AKSWIZ_TUI_TIMER_H
#define AKSWIZ_TUI_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct tui;

typedef void (*timer_fn)(struct tui *, void *arg);

/* Call fn(arg) at clock time at_ms; owner identifies it for cancelling. */
void	timer_add(uint64_t at_ms, bool blocks_script, const void *owner,
	    timer_fn, void *arg);
/* Drop every timer of an owner (a screen being popped). */
void	timer_cancel_owner(const void *owner);
/* The earliest timer (only blocking ones with only_blocking); false if none. */
bool	timer_next(bool only_blocking, uint64_t *at_ms);
/* Run the timers that are due. */
void	timer_fire(struct tui *);

#endif
