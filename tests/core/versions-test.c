/* core/versions.c: Kubernetes version parsing, order and verdicts. */
#include "config.h"

#include "core/versions.h"
#include "core-test.h"

static const struct {
	const char	*in;
	bool		 ok;
	int		 major, minor, patch;
	bool		 has_patch;
} parse_rows[] = {
	{ "1.29",	true,	1, 29, 0, false },
	{ "1.29.2",	true,	1, 29, 2, true },
	{ "v1.29.2",	true,	1, 29, 2, true },
	{ "V1.30",	true,	1, 30, 0, false },
	{ "1.0.0",	true,	1, 0, 0, true },
	{ "1",		false, 0, 0, 0, false },
	{ "1.",		false, 0, 0, 0, false },
	{ "1.x",	false, 0, 0, 0, false },
	{ "1.29.",	false, 0, 0, 0, false },
	{ "1.29.2.1",	false, 0, 0, 0, false },
	{ "-1.29",	false, 0, 0, 0, false },
	{ "1.-29",	false, 0, 0, 0, false },
	{ "1.29.-2",	false, 0, 0, 0, false },
	{ "1.29.2-beta",	false, 0, 0, 0, false },
	{ " 1.29",	false, 0, 0, 0, false },
	{ "1.29 ",	false, 0, 0, 0, false },
	{ "vv1.29",	false, 0, 0, 0, false },
	{ "latest",	false, 0, 0, 0, false },
	{ "",		false, 0, 0, 0, false },
	{ "1.99999999999",	false, 0, 0, 0, false },
};

static const struct {
	const char	*a, *b;
	int		 cmp;
} cmp_rows[] = {
	{ "1.29",	"1.29",		0 },
	{ "1.29",	"1.29.4",	0 },	/* a minor covers its patches */
	{ "1.29.4",	"1.29",		0 },
	{ "1.29.2",	"1.29.4",	-1 },
	{ "1.29.10",	"1.29.9",	1 },	/* numbers, not strings */
	{ "1.9",	"1.10",		-1 },
	{ "1.30",	"1.29.9",	1 },
	{ "2.0",	"1.99",		1 },
	{ "v1.28.3",	"1.28.3",	0 },
};

static const struct k8s_offer offers[] = {
	{ "1.28",	false,	false },
	{ "1.29",	true,	false },
	{ "1.30",	false,	false },
	{ "1.31",	false,	true },
	{ "1.27.9",	false,	false },
};
#define NOFFERS (sizeof offers / sizeof offers[0])

int
main(void)
{
	struct k8s_version	 v, w;
	struct verdicts		 vs;
	const struct verdict	*vd;
	char			 buf[32];
	size_t			 i;

	for (i = 0; i < sizeof parse_rows / sizeof parse_rows[0]; i++) {
		bool got = k8s_version_parse(parse_rows[i].in, &v);

		is_int(got, parse_rows[i].ok, "k8s_version_parse(\"%s\") %s",
		    parse_rows[i].in, parse_rows[i].ok ? "accepts" : "refuses");
		if (got && parse_rows[i].ok) {
			ok(v.major == parse_rows[i].major &&
			    v.minor == parse_rows[i].minor &&
			    v.patch == parse_rows[i].patch &&
			    v.has_patch == parse_rows[i].has_patch,
			    "  value of \"%s\"", parse_rows[i].in);
		}
	}
	ok(!k8s_version_parse(NULL, &v), "k8s_version_parse(NULL) refuses");

	for (i = 0; i < sizeof cmp_rows / sizeof cmp_rows[0]; i++) {
		k8s_version_parse(cmp_rows[i].a, &v);
		k8s_version_parse(cmp_rows[i].b, &w);
		is_int(k8s_version_cmp(&v, &w), cmp_rows[i].cmp,
		    "cmp(%s, %s)", cmp_rows[i].a, cmp_rows[i].b);
	}

	k8s_version_parse("v1.29.2", &v);
	k8s_version_format(&v, buf, sizeof buf);
	is_str(buf, "1.29.2", "format drops the v");
	k8s_version_parse("1.30", &v);
	k8s_version_format(&v, buf, sizeof buf);
	is_str(buf, "1.30", "format keeps a version without patch short");

	/* Supported: info on the given field. */
	verdicts_init(&vs);
	k8s_version_check("1.29.4", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_count(&vs, 1, "1.29.4 supported");
	vd = core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_K8S_SUPPORTED,
	    "1.29.4");
	core_arg(vd, 0, "1.29.4", "1.29.4 supported");

	verdicts_init(&vs);
	k8s_version_check("1.27.9", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_K8S_SUPPORTED,
	    "1.27.9 offered as a patch");
	verdicts_init(&vs);
	k8s_version_check("1.27.8", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "1.27.8, another patch than the offered 1.27.9");

	/* Preview: a warning. */
	verdicts_init(&vs);
	k8s_version_check("1.31.1", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_count(&vs, 1, "1.31.1 preview");
	vd = core_expect(&vs, FIELD_CLUSTER, SEV_WARNING, MSG_K8S_PREVIEW,
	    "1.31.1");
	core_arg(vd, 0, "1.31.1", "1.31.1 preview");

	/* Unsupported: the range of non-preview offers, by version. */
	verdicts_init(&vs);
	k8s_version_check("1.12.4", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_count(&vs, 1, "1.12.4 unsupported");
	vd = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "1.12.4");
	core_arg(vd, 0, "1.12.4", "unsupported: version");
	core_arg(vd, 1, "1.27.9", "unsupported: lowest offer");
	core_arg(vd, 2, "1.30", "unsupported: highest non-preview offer");

	verdicts_init(&vs);
	k8s_version_check("1.32.0", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "1.32.0 newer than every offer");

	/* Malformed. */
	verdicts_init(&vs);
	k8s_version_check("1.x", offers, NOFFERS, FIELD_CLUSTER, &vs);
	core_count(&vs, 1, "1.x malformed");
	vd = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR,
	    MSG_K8S_VERSION_INVALID, "1.x");
	core_arg(vd, 0, "1.x", "malformed: as written");

	/* Only previews offered: the range still names something. */
	{
		static const struct k8s_offer only_preview[] = {
			{ "1.31", false, true }, { "1.32", false, true },
		};

		verdicts_init(&vs);
		k8s_version_check("1.29", only_preview, 2, FIELD_CLUSTER, &vs);
		vd = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_K8S_UNSUPPORTED, "only previews offered");
		core_arg(vd, 1, "1.31", "only previews: lowest");
		core_arg(vd, 2, "1.32", "only previews: highest");
	}

	/* A version both offered and in preview counts as supported. */
	{
		static const struct k8s_offer both[] = {
			{ "1.30.1", false, true }, { "1.30", false, false },
		};

		verdicts_init(&vs);
		k8s_version_check("1.30.1", both, 2, FIELD_CLUSTER, &vs);
		core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_K8S_SUPPORTED,
		    "supported beats preview");
	}

	/* Nothing offered: only the syntax is judged. */
	verdicts_init(&vs);
	k8s_version_check("1.29", NULL, 0, FIELD_CLUSTER, &vs);
	core_count(&vs, 0, "no offers, valid version");

	ok(k8s_default(offers, NOFFERS) == &offers[1], "k8s_default finds it");
	ok(k8s_default(offers, 1) == NULL, "k8s_default without one is NULL");
	ok(k8s_default(NULL, 0) == NULL, "k8s_default of nothing is NULL");
	return tap_done();
}
