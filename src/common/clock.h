/*
 * The one source of time.  AKSWIZ_FAKE_CLOCK=2030-01-01T00:00:00Z starts a
 * fake clock that only moves when clock_advance() is called, so that tests
 * of a ten-minute operation run in milliseconds and render the same.
 */
#ifndef AKSWIZ_COMMON_CLOCK_H
#define AKSWIZ_COMMON_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* Milliseconds since the epoch (wall clock, or the fake one). */
uint64_t	clock_now_ms(void);
/* Seconds since the epoch. */
time_t		clock_now(void);
/* Milliseconds from a monotonic clock, for measuring intervals. */
uint64_t	clock_mono_ms(void);
bool		clock_is_fake(void);
/* Move a fake clock forward; no effect on the real one. */
void		clock_advance_ms(uint64_t);
/* Sleep (real) or advance (fake) for ms milliseconds. */
void		clock_sleep_ms(uint64_t);
/* Parse "YYYY-MM-DDTHH:MM:SS[.fff]Z" or "+HH:MM" offsets; false if malformed. */
bool		clock_parse_iso8601(const char *, time_t *);
/* Format as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes). */
void		clock_format_iso8601(time_t, char *, size_t);

#endif
