/*
 * core/msg.c and verdict.c: the message table is sane (every id has a
 * format, names round-trip, placeholders stay within VERDICT_ARGS and use
 * only %N$s) and verdict lists behave at their limits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/verdict.h"
#include "tests/tap.h"

/*
 * Check a format's conversions: every one is %N$s with 1 <= N <=
 * VERDICT_ARGS, or %%, and no number below the highest is skipped (printf
 * cannot step over an argument it is never told the type of).  Returns
 * the highest N, or -1 if something is wrong.
 */
static int
format_max_arg(const char *f)
{
	int	max = 0, n, i;
	bool	used[VERDICT_ARGS + 1] = { false };

	for (; (f = strchr(f, '%')) != NULL; f++) {
		if (f[1] == '%') {
			f++;
			continue;
		}
		if (f[1] < '1' || f[1] > '9' || f[2] != '$' || f[3] != 's')
			return -1;
		n = f[1] - '0';
		if (n > VERDICT_ARGS)
			return -1;
		used[n] = true;
		if (n > max)
			max = n;
		f += 3;
	}
	for (i = 1; i <= max; i++)
		if (!used[i])
			return -1;
	return max;
}

int
main(void)
{
	struct verdicts		 vs, other;
	struct verdict		*v;
	char			 buf[512], arg[VERDICT_ARG_LEN + 20];
	unsigned		 i;
	size_t			 k;
	int			 bad_format = 0, bad_name = 0, bad_args = 0;
	int			 bad_plural = 0;

	for (i = 0; i < MSG__COUNT; i++) {
		const char	*name = msg_name((enum msg_id)i);
		const char	*f = msg_format((enum msg_id)i);
		const char	*pl = msg_format_plural((enum msg_id)i);

		if (f == NULL || *f == '\0') {
			bad_format++;
			printf("# %s has no format\n", name);
		}
		if (name == NULL || *name == '\0' ||
		    msg_lookup(name) != (enum msg_id)i) {
			bad_name++;
			printf("# id %u: name \"%s\" does not round-trip\n", i,
			    name != NULL ? name : "");
		}
		if (f != NULL && format_max_arg(f) < 0) {
			bad_args++;
			printf("# %s: bad placeholder in \"%s\"\n", name, f);
		}
		if (pl != NULL && format_max_arg(pl) != format_max_arg(f)) {
			bad_plural++;
			printf("# %s: plural takes other arguments\n", name);
		}
	}
	ok(MSG__COUNT > 50, "the table has %d messages", (int)MSG__COUNT);
	is_int(bad_format, 0, "every id has a non-empty format");
	is_int(bad_name, 0, "msg_lookup(msg_name(id)) == id for every id");
	is_int(bad_args, 0, "every placeholder is %%N$s with N <= %d, "
	    "none skipped", VERDICT_ARGS);
	ok(format_max_arg("%1$s %3$s") < 0, "a skipped argument is caught");
	ok(format_max_arg("%1$d") < 0, "a non-string conversion is caught");
	ok(format_max_arg("%7$s") < 0, "an argument past the last is caught");
	is_int(format_max_arg("100%% of %2$s, %1$s"), 2, "%%%% and reordering");
	is_int(bad_plural, 0, "plural forms take the singular's arguments");
	is_int(msg_lookup("NO_SUCH_MESSAGE"), MSG__COUNT, "unknown name");
	is_str(msg_name(MSG_NAME_LENGTH), "NAME_LENGTH", "a name");
	ok(msg_format_plural(MSG_PROD_NODES) != NULL, "PROD_NODES has a plural");
	ok(msg_format_plural(MSG_NAME_LENGTH) == NULL,
	    "NAME_LENGTH has no plural");
	is_str(msg_name(MSG__COUNT), "", "out of range: empty name");
	is_str(msg_format(MSG__COUNT), "", "out of range: empty format");

	/* Rendering with positional arguments. */
	verdicts_init(&vs);
	v = verdicts_add(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_LENGTH);
	verdict_arg(v, "%s", "ab");
	verdict_arg(v, "%d", 2);
	verdict_render(v, msg_format(v->msg), buf, sizeof buf);
	is_str(buf, "The name must be 3 to 24 characters long; \"ab\" has 2.",
	    "render NAME_LENGTH");
	verdict_render(v, "%2$s then %1$s", buf, sizeof buf);
	is_str(buf, "2 then ab", "arguments may be reordered");

	/* Long arguments are cut, not overflowed. */
	memset(arg, 'x', sizeof arg - 1);
	arg[sizeof arg - 1] = '\0';
	verdict_arg(v, "%s", arg);
	is_int(strlen(v->args[2]), VERDICT_ARG_LEN - 1, "argument cut");
	for (k = 0; k < 10; k++)
		verdict_arg(v, "%zu", k);
	is_int(v->nargs, VERDICT_ARGS, "at most VERDICT_ARGS arguments");

	/* A full list overflows into scratch and says so. */
	verdicts_init(&vs);
	for (k = 0; k < VERDICTS_MAX + 5; k++) {
		v = verdicts_add(&vs, FIELD_NAME, SEV_WARNING, MSG_NAME_TAKEN);
		verdict_arg(v, "%zu", k);
	}
	is_int(vs.n, VERDICTS_MAX, "the list holds VERDICTS_MAX");
	ok(vs.overflow, "overflow is set");
	is_str(vs.v[VERDICTS_MAX - 1].args[0], "47", "the last kept one");
	verdicts_init(&other);
	verdicts_merge(&other, &vs);
	ok(other.overflow && other.n == VERDICTS_MAX, "merge carries overflow");

	verdicts_init(&vs);
	verdicts_add(&vs, FIELD_NAME, SEV_INFO, MSG_CLUSTER_OK);
	verdicts_add(&vs, FIELD_VM_SIZE, SEV_WARNING, MSG_SIZE_UNKNOWN);
	ok(!verdicts_has_errors(&vs), "no errors");
	ok(verdicts_find(&vs, FIELD_VM_SIZE, SEV_WARNING) != NULL, "find");
	ok(verdicts_find(&vs, FIELD_NAME, SEV_WARNING) == NULL,
	    "find respects the severity");
	verdicts_add(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_EMPTY);
	ok(verdicts_has_errors(&vs), "an error");
	is_int(verdicts_count(&vs, SEV_WARNING), 1, "count warnings");
	ok(verdicts_has_msg(&vs, MSG_NAME_EMPTY), "has_msg");
	is_str(severity_name(SEV_WARNING), "warning", "severity name");
	is_str(plan_field_path(FIELD_DNS_SERVICE_IP), "network.dnsServiceIp",
	    "field path");
	is_str(plan_field_flag(FIELD_DNS_SERVICE_IP), "--dns-service-ip",
	    "field flag");
	ok(plan_field_flag(FIELD_TLS_MODE) == NULL, "field without a flag");
	return tap_done();
}
