/*
 * Test driver for cert_check_tls(): cert-check CERT KEY [CNAME] prints one
 * line per verdict, "severity field id arg|arg", and exits 0 when there is
 * no error.  The time is the clock's (AKSWIZ_FAKE_CLOCK moves it).
 */
#include "config.h"

#include <stdio.h>

#include "azure/cert.h"
#include "common/clock.h"
#include "core/verdict.h"

int
main(int argc, char **argv)
{
	struct verdicts	vs;
	size_t		i;
	int		k;
	bool		ok;

	if (argc < 3) {
		fprintf(stderr, "usage: cert-check CERT KEY [CNAME]\n");
		return 2;
	}
	verdicts_init(&vs);
	ok = cert_check_tls(argv[1], argv[2], argc > 3 ? argv[3] : NULL,
	    clock_now(), &vs);
	for (i = 0; i < vs.n; i++) {
		printf("%s %s %s ", severity_name(vs.v[i].severity),
		    plan_field_path(vs.v[i].field), msg_name(vs.v[i].msg));
		for (k = 0; k < vs.v[i].nargs; k++)
			printf("%s%s", k > 0 ? "|" : "", vs.v[i].args[k]);
		putchar('\n');
	}
	return ok ? 0 : 1;
}
