/*
 * Redraw after a keystroke in a VM size list of 500 rows at 200x60: the
 * list widget gets <Down>, the whole screen is composed and sent (to
 * /dev/null, AKSWIZ_NO_DISPLAY=1).  Prints the median and the worst time.
 * Built and run by bench/tui-bench.sh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "common/err.h"
#include "tui/display.h"
#include "tui/widget.h"

#define ROWS	500
#define KEYS	2000

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(void)
{
	static double		t[KEYS];
	struct widget_list	l;
	struct key_event	ev;
	struct err		err;
	char			key[64], row[256];
	int			i;
	uint64_t		a, b;

	setenv("AKSWIZ_NO_DISPLAY", "1", 1);
	setenv("COLUMNS", "200", 1);
	setenv("LINES", "60", 1);
	if (!display_init(false, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	widget_list_init(&l);
	l.filtering = true;
	for (i = 0; i < ROWS; i++) {
		snprintf(key, sizeof key, "Standard_Bench%d_v%d", i, i % 5);
		snprintf(row, sizeof row, "%-20s %3d %7.1f  %-19s %-6s %d free",
		    key, 2 << (i % 6), 3.5 * (i % 9 + 1), "standardBenchFamily",
		    i % 7 == 0 ? "GPU" : "", 100 - i % 100);
		widget_list_add(&l, key, row, false);
	}
	memset(&ev, 0, sizeof ev);
	ev.key.fn = true;
	ev.key.code = KEY_DOWN;
	ev.req = REQ_DOWN;
	for (i = 0; i < KEYS; i++) {
		if (i % ROWS == ROWS - 1)
			l.sel = 0;
		{
			struct timespec ts;

			clock_gettime(CLOCK_MONOTONIC, &ts);
			a = (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
			widget_list_key(&l, &ev, 50);
			werase(stdscr);
			display_text(stdscr, 0, 1, COLS - 2, "VM size and nodes",
			    A_BOLD, true);
			widget_list_draw(&l, stdscr, 3, 2, LINES - 8, COLS - 4,
			    true);
			wnoutrefresh(stdscr);
			doupdate();
			clock_gettime(CLOCK_MONOTONIC, &ts);
			b = (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
		}
		t[i] = (double)(b - a) / 1e6;
	}
	display_done();
	widget_list_done(&l);
	qsort(t, KEYS, sizeof t[0], cmp);
	printf("redraw after <Down>, %d rows at 200x60: median %.3f ms, "
	    "p99 %.3f ms, worst %.3f ms (%d keys)\n", ROWS, t[KEYS / 2],
	    t[KEYS * 99 / 100], t[KEYS - 1], KEYS);
	return 0;
}
