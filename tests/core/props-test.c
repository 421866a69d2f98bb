/*
 * Properties of the parsers over many generated strings (a fixed seed, so
 * every run sees the same ones): strict parsing means that whatever is
 * accepted prints back exactly as written, and the name rules accept
 * exactly what the ARM pattern does.  Under ASan and valgrind this also
 * shows that no input makes them read out of bounds.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/rules.h"
#include "tests/tap.h"

#define ROUNDS	4000

/* xorshift32: reproducible, no clock. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* A string of up to max characters drawn from alphabet, into buf. */
static void
gen(uint32_t *s, const char *alphabet, size_t max, char *buf)
{
	size_t	n = rnd(s) % (max + 1), i, k = strlen(alphabet);

	for (i = 0; i < n; i++)
		buf[i] = alphabet[rnd(s) % k];
	buf[n] = '\0';
}

/* A string that is mostly a valid dotted quad, sometimes bent. */
static void
gen_ip(uint32_t *s, char *buf, size_t len, bool with_prefix)
{
	static const char *const bends[] = { "0", "00", "256", "01", "", "x",
	    " ", "-1", "999", "255", "1", "10" };
	char	part[8];
	int	i;

	buf[0] = '\0';
	for (i = 0; i < 4; i++) {
		if (rnd(s) % 8 == 0)
			snprintf(part, sizeof part, "%s",
			    bends[rnd(s) % (sizeof bends / sizeof bends[0])]);
		else
			snprintf(part, sizeof part, "%u", rnd(s) % 256);
		if (i > 0)
			strncat(buf, ".", len - strlen(buf) - 1);
		strncat(buf, part, len - strlen(buf) - 1);
	}
	if (rnd(s) % 16 == 0)
		strncat(buf, ".1", len - strlen(buf) - 1);
	if (with_prefix) {
		if (rnd(s) % 8 == 0)
			snprintf(part, sizeof part, "/%s",
			    bends[rnd(s) % (sizeof bends / sizeof bends[0])]);
		else
			snprintf(part, sizeof part, "/%u", rnd(s) % 34);
		strncat(buf, part, len - strlen(buf) - 1);
	}
}

/* The ARM pattern ^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9\-]{2,23}$. */
static bool
arm_name_pattern(const char *s)
{
	size_t	len = strlen(s), i, j;

	if (len < 3 || len > 24 || !((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	/* The lookahead, by brute force: some "-" after position 0 followed
	 * by one or more digits up to the end. */
	for (i = 1; i < len; i++) {
		if (s[i] != '-' || i + 1 == len)
			continue;
		for (j = i + 1; j < len && s[j] >= '0' && s[j] <= '9'; j++)
			;
		if (j == len)
			return false;
	}
	/* DESIGN.md's last-character rule, which the pattern leaves out. */
	return s[len - 1] != '-';
}

int
main(void)
{
	uint32_t		 seed = 0x2545f491;
	char			 in[128], out[128];
	struct verdicts		 vs;
	struct cidr		 c;
	struct aks_id		 id;
	struct k8s_version	 v;
	uint32_t		 a;
	int			 i, accepted, bad;

	/* ipv4: accepted means it prints back as written. */
	for (i = accepted = bad = 0; i < ROUNDS; i++) {
		gen_ip(&seed, in, sizeof in, false);
		if (!ipv4_parse(in, &a))
			continue;
		accepted++;
		ipv4_format(a, out, sizeof out);
		if (strcmp(in, out) != 0 && bad++ < 5)
			printf("# \"%s\" came back as \"%s\"\n", in, out);
	}
	ok(accepted > ROUNDS / 4 && bad == 0,
	    "ipv4: %d of %d accepted, all print back as written", accepted,
	    ROUNDS);

	/* cidr: the same, prefix included. */
	for (i = accepted = bad = 0; i < ROUNDS; i++) {
		gen_ip(&seed, in, sizeof in, true);
		if (!cidr_parse(in, true, &c))
			continue;
		accepted++;
		cidr_format(&c, out, sizeof out);
		if ((strcmp(in, out) != 0 || c.prefix < 0 || c.prefix > 32) &&
		    bad++ < 5)
			printf("# \"%s\" came back as \"%s\"\n", in, out);
	}
	ok(accepted > ROUNDS / 4 && bad == 0,
	    "cidr: %d of %d accepted, all print back as written", accepted,
	    ROUNDS);

	/* Random bytes never crash the parsers, and are almost never IPs. */
	for (i = accepted = 0; i < ROUNDS; i++) {
		gen(&seed, "0123456789./ -x", 20, in);
		accepted += ipv4_parse(in, &a) || cidr_parse(in, false, &c);
		verdicts_init(&vs);
		aks_id_parse(in, &id, FIELD_CLUSTER_ID, &vs);
		k8s_version_parse(in, &v);
	}
	ok(accepted < ROUNDS / 10, "random strings: %d accepted as IP or CIDR",
	    accepted);

	/* Kubernetes versions: accepted means digits.digits[.digits]. */
	for (i = accepted = bad = 0; i < ROUNDS; i++) {
		gen(&seed, "0123456789.v", 9, in);
		if (!k8s_version_parse(in, &v))
			continue;
		accepted++;
		k8s_version_format(&v, out, sizeof out);
		if (v.major < 0 || v.minor < 0 || v.patch < 0 ||
		    strspn(out, "0123456789.") != strlen(out))
			bad++;
	}
	ok(accepted > 0 && bad == 0, "k8s: %d accepted, all well-formed",
	    accepted);

	/* Names: no verdict exactly when the ARM pattern (and the last
	 * character rule) accepts and the name is not reserved. */
	for (i = accepted = bad = 0; i < ROUNDS * 2; i++) {
		bool	want, got;

		gen(&seed, i % 2 ? "ab-1" : "aZ09-_ .", 26, in);
		verdicts_init(&vs);
		rules_name(in, &vs);
		got = vs.n == 0;
		want = arm_name_pattern(in) && !rules_name_reserved(in);
		accepted += got;
		if (got != want && bad++ < 5)
			printf("# \"%s\": rules %s, pattern %s\n", in,
			    got ? "accept" : "refuse",
			    want ? "accepts" : "refuses");
		if (!got && vs.v[0].severity != SEV_ERROR)
			bad++;
	}
	ok(accepted > ROUNDS / 20 && bad == 0,
	    "names: rules_name agrees with the ARM pattern on %d strings "
	    "(%d accepted)", ROUNDS * 2, accepted);

	/* IDs: accepted means the canonical form names the same resource. */
	for (i = accepted = bad = 0; i < ROUNDS; i++) {
		static const char *const parts[] = { "subscriptions",
		    "00000000-1111-2222-3333-444444444444", "resourceGroups",
		    "resourcegroups", "rg", "ml.rg", "providers",
		    "Microsoft.ContainerService", "managedClusters", "aks-1",
		    "", "x_y", "PROVIDERS" };
		char	canon[512];
		int	k, n = 7 + (int)(rnd(&seed) % 3);

		snprintf(in, sizeof in, "/subscriptions");
		for (k = 1; k < n; k++) {
			const char *p = rnd(&seed) % 3 == 0 ?
			    parts[rnd(&seed) % (sizeof parts / sizeof parts[0])] :
			    k == 1 ? parts[1] : k == 2 ? parts[2] :
			    k == 3 ? parts[4] : k == 4 ? parts[6] :
			    k == 5 ? parts[7] : k == 6 ? parts[8] : parts[9];

			strncat(in, "/", sizeof in - strlen(in) - 1);
			strncat(in, p, sizeof in - strlen(in) - 1);
		}
		verdicts_init(&vs);
		if (!aks_id_parse(in, &id, FIELD_CLUSTER_ID, &vs)) {
			if (vs.n != 1 || vs.v[0].severity != SEV_ERROR)
				bad++;
			continue;
		}
		accepted++;
		aks_id_format(&id, canon, sizeof canon);
		if (!arm_id_equal(in, canon) || vs.n != 0)
			bad++;
	}
	ok(accepted > 0 && bad == 0,
	    "IDs: %d accepted, all equal to their canonical form; every "
	    "refusal is one error", accepted);
	return tap_done();
}
