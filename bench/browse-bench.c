/*
 * The browse model alone with N computes (default 10,000): building the
 * page (sort), then one filter keystroke at a time (typing "inf-0999",
 * then Backspace, then "!" inversion), the median and worst per key.
 * Built and run by bench/browse-bench.sh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/browse.h"

/* Monotonic microseconds. */
static double
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	static const char	*typed = "inf-0999";
	struct compute_page	 p;
	struct browse_row	*r;
	char			 name[32], filter[64];
	double			 t[64], a;
	size_t			 n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
	size_t			 i, k = 0, len;

	r = browse_rows_new(n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "inf-%05zu", i);
		browse_row_set(&r[i], &r[i].name, name);
		browse_row_set(&r[i], &r[i].type, "AKS");
		browse_row_set(&r[i], &r[i].state, i % 10 == 8 ? "Failed" :
		    "Succeeded");
		browse_row_set(&r[i], &r[i].purpose, "FastProd");
		browse_row_set(&r[i], &r[i].size, "Standard_D3_v2");
		browse_row_set(&r[i], &r[i].region, "eastus");
		browse_row_set(&r[i], &r[i].lb, "PublicIp");
		browse_row_set(&r[i], &r[i].tls, "Disabled");
		r[i].nodes = 3;
		browse_row_finish(&r[i]);
	}
	browse_page_init(&p);
	a = now_us();
	browse_page_set(&p, r, n);
	printf("model: %zu rows sorted and shown: %.2f ms\n", n,
	    (now_us() - a) / 1000);
	len = strlen(typed);
	for (i = 1; i <= len; i++) {		/* typing */
		snprintf(filter, sizeof filter, "%.*s", (int)i, typed);
		a = now_us();
		browse_page_filter(&p, filter);
		t[k++] = now_us() - a;
	}
	for (i = len; i > 0; i--) {		/* Backspace */
		snprintf(filter, sizeof filter, "%.*s", (int)i - 1, typed);
		a = now_us();
		browse_page_filter(&p, filter);
		t[k++] = now_us() - a;
	}
	a = now_us();
	browse_page_filter(&p, "!fail");	/* inversion */
	t[k++] = now_us() - a;
	qsort(t, k, sizeof t[0], cmp);
	printf("model: per filter keystroke over %zu rows: median %.3f ms, "
	    "worst %.3f ms (%zu keys)\n", n, t[k / 2] / 1000,
	    t[k - 1] / 1000, k);
	browse_page_done(&p);
	return 0;
}
