/*
 * Helpers shared by the core unit tests: assertions on verdict lists that
 * name what was expected and print every verdict found when they fail.
 */
#ifndef AKSWIZ_TESTS_CORE_TEST_H
#define AKSWIZ_TESTS_CORE_TEST_H

#include <stdio.h>
#include <string.h>

#include "core/verdict.h"
#include "tests/tap.h"

/* Print every verdict of vs as TAP diagnostics. */
static inline void
core_dump(const struct verdicts *vs)
{
	size_t	i;
	int	a;

	for (i = 0; i < vs->n; i++) {
		const struct verdict *v = &vs->v[i];

		printf("#   %s %s %s", severity_name(v->severity),
		    plan_field_path(v->field), msg_name(v->msg));
		for (a = 0; a < v->nargs; a++)
			printf(" [%s]", v->args[a]);
		putchar('\n');
	}
	if (vs->n == 0)
		printf("#   (no verdicts)\n");
}

/* The first verdict with message m, or NULL. */
static inline const struct verdict *
core_find(const struct verdicts *vs, enum msg_id m)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].msg == m)
			return &vs->v[i];
	return NULL;
}

/* The number of arguments a message's format uses (its highest %N$s). */
static inline int
core_msg_nargs(enum msg_id m)
{
	const char	*f = msg_format(m);
	int		 max = 0;

	for (; (f = strchr(f, '%')) != NULL; f++)
		if (f[1] >= '1' && f[1] <= '9' && f[2] == '$' &&
		    f[1] - '0' > max)
			max = f[1] - '0';
	return max;
}

/*
 * Is there a verdict m on field f with severity s, with every argument its
 * format uses?  Returns it (for checking arguments) or NULL after
 * reporting the failure.
 */
static inline const struct verdict *
core_expect(const struct verdicts *vs, enum plan_field f, enum severity s,
    enum msg_id m, const char *what)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].msg == m && vs->v[i].field == f &&
		    vs->v[i].severity == s) {
			if (!ok(vs->v[i].nargs >= core_msg_nargs(m),
			    "%s: %s %s on %s", what, severity_name(s),
			    msg_name(m), plan_field_path(f))) {
				printf("#   %d argument(s), the format uses "
				    "%d\n", vs->v[i].nargs, core_msg_nargs(m));
				return NULL;
			}
			return &vs->v[i];
		}
	ok(false, "%s: %s %s on %s", what, severity_name(s), msg_name(m),
	    plan_field_path(f));
	core_dump(vs);
	return NULL;
}

/* Check that argument i of v is want (v may be NULL: then it fails). */
static inline void
core_arg(const struct verdict *v, int i, const char *want, const char *what)
{
	const char	*got = v != NULL && i < v->nargs ? v->args[i] : NULL;

	is_str(got, want, "%s: argument %d", what, i + 1);
}

/* Check that vs holds no verdict at or above severity s. */
static inline void
core_none(const struct verdicts *vs, enum severity s, const char *what)
{
	size_t	i, n = 0;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].severity >= s)
			n++;
	if (!ok(n == 0, "%s: no %s or worse", what, severity_name(s)))
		core_dump(vs);
}

/*
 * Check that vs has exactly n verdicts, each with every argument its
 * format uses.
 */
static inline void
core_count(const struct verdicts *vs, size_t n, const char *what)
{
	size_t	i, short_args = 0;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].nargs < core_msg_nargs(vs->v[i].msg))
			short_args++;
	if (!ok(vs->n == n && short_args == 0 && !vs->overflow,
	    "%s: %zu verdict(s)", what, n)) {
		printf("#   got %zu, %zu short of arguments\n", vs->n,
		    short_args);
		core_dump(vs);
	}
}

#endif
