/*
 * The driver's reading of AKSWIZ_POLL_MIN_MS, as a table: one meaning for
 * the commands and the interface (10 to 600000 ms, decimal, else
 * ignored; the interface once took atoi()'s reading of anything).
 */
#include "config.h"

#include <stdint.h>

#include "app/run.h"
#include "tests/tap.h"

static const struct {
	const char	*s;
	bool		 ok;
	uint64_t	 ms;
} rows[] = {
	{ NULL,		false,	0 },
	{ "",		false,	0 },
	{ "20",		true,	20 },
	{ "10",		true,	10 },
	{ "9",		false,	0 },	/* below the range */
	{ "5",		false,	0 },
	{ "0",		false,	0 },
	{ "600000",	true,	600000 },
	{ "600001",	false,	0 },	/* above it */
	{ "20abc",	false,	0 },	/* not a number */
	{ "20 ",	false,	0 },
	{ "abc",	false,	0 },
	{ "-20",	false,	0 },
	{ "1000",	true,	1000 },
};

int
main(void)
{
	size_t		i;
	uint64_t	ms;
	bool		ok;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ms = 7;
		ok = run_poll_ms_parse(rows[i].s, &ms);
		is_int(ok, rows[i].ok, "\"%s\" is %s", rows[i].s != NULL ?
		    rows[i].s : "(unset)", rows[i].ok ? "taken" : "ignored");
		is_int(ms, rows[i].ok ? rows[i].ms : 7,
		    "\"%s\" gives %llu ms", rows[i].s != NULL ? rows[i].s :
		    "(unset)", (unsigned long long)(rows[i].ok ? rows[i].ms :
		    7));
	}
	return tap_done();
}
