/* core/rules-name.c: the compute name rules, at their boundaries. */
#include "config.h"

#include "core/rules.h"
#include "core-test.h"

#define NONE	MSG__COUNT

/* A name and the errors it must get, in any order (up to three). */
static const struct {
	const char	*name;
	enum msg_id	 msg[3];
} rows[] = {
	{ "aks",			{ NONE } },	/* 3: shortest */
	{ "ab",				{ MSG_NAME_LENGTH, NONE } },	/* 2 */
	{ "a",				{ MSG_NAME_LENGTH, NONE } },
	{ "abcdefghijklmnopqrstuvwx",	{ NONE } },	/* 24: longest */
	{ "abcdefghijklmnopqrstuvwxy",	{ MSG_NAME_LENGTH, NONE } },	/* 25 */
	{ "aks-1",			{ MSG_NAME_DIGIT_SUFFIX, NONE } },
	{ "aks-1a",			{ NONE } },
	{ "a-1-b",			{ NONE } },
	{ "aks-123",			{ MSG_NAME_DIGIT_SUFFIX, NONE } },
	{ "aks--1",			{ MSG_NAME_DIGIT_SUFFIX, NONE } },
	{ "aks1",			{ NONE } },
	{ "a-b-c",			{ NONE } },
	{ "ML-Inference-01x",		{ NONE } },
	{ "1aks",			{ MSG_NAME_FIRST, NONE } },
	{ "-aks",			{ MSG_NAME_FIRST, NONE } },
	{ "-12",			{ MSG_NAME_FIRST, NONE } },
	{ "aks-",			{ MSG_NAME_LAST, NONE } },
	{ "aks_prod",			{ MSG_NAME_CHARS, NONE } },
	{ "aks prod",			{ MSG_NAME_CHARS, NONE } },
	{ "aks.prod",			{ MSG_NAME_CHARS, NONE } },
	{ "a_",				{ MSG_NAME_LENGTH, MSG_NAME_CHARS, NONE } },
	{ "_ab",			{ MSG_NAME_CHARS, MSG_NAME_FIRST, NONE } },
	{ "1-",				{ MSG_NAME_LENGTH, MSG_NAME_FIRST,
					    MSG_NAME_LAST } },
	{ "amlcompute",			{ MSG_NAME_RESERVED, NONE } },
	{ "Local",			{ MSG_NAME_RESERVED, NONE } },
	{ "CONTAINERINSTANCE",		{ MSG_NAME_RESERVED, NONE } },
	{ "amlcomputes",		{ NONE } },
	{ "",				{ MSG_NAME_EMPTY, NONE } },
	{ "abcdefghijklmnopqrstuvwxyz-1", { MSG_NAME_LENGTH,
					    MSG_NAME_DIGIT_SUFFIX, NONE } },
	{ "n\xc3\xa4me",		{ MSG_NAME_CHARS, NONE } },
};

int
main(void)
{
	struct verdicts		 vs;
	const struct verdict	*v;
	size_t			 i, want;
	int			 m;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		verdicts_init(&vs);
		rules_name(rows[i].name, &vs);
		for (want = 0, m = 0; m < 3 && rows[i].msg[m] != NONE; m++) {
			core_expect(&vs, FIELD_NAME, SEV_ERROR, rows[i].msg[m],
			    rows[i].name);
			want++;
		}
		core_count(&vs, want, rows[i].name);
	}

	/* Arguments. */
	verdicts_init(&vs);
	rules_name("ab", &vs);
	v = core_find(&vs, MSG_NAME_LENGTH);
	core_arg(v, 0, "ab", "length: name");
	core_arg(v, 1, "2", "length: count");
	verdicts_init(&vs);
	rules_name("n\xc3\xa4", &vs);
	core_arg(core_find(&vs, MSG_NAME_CHARS), 0, "\xc3\xa4",
	    "a multibyte character is named whole");
	core_arg(core_find(&vs, MSG_NAME_LENGTH), 1, "2",
	    "length counts characters, not bytes");
	verdicts_init(&vs);
	rules_name("abcdefghijklmnopqrstuvw\xc3\xa4", &vs);
	ok(core_find(&vs, MSG_NAME_LENGTH) == NULL,
	    "24 characters in 25 bytes are not too long");
	verdicts_init(&vs);
	rules_name("aks-1", &vs);
	v = core_find(&vs, MSG_NAME_DIGIT_SUFFIX);
	core_arg(v, 0, "-1", "digit suffix: the ending");
	core_arg(v, 1, "aks-1a", "digit suffix: the suggestion");
	verdicts_init(&vs);
	rules_name("abcdefghijklmnopqrstuv-1", &vs);
	core_count(&vs, 1, "24 characters ending -1");
	core_arg(core_find(&vs, MSG_NAME_DIGIT_SUFFIX), 1,
	    "abcdefghijklmnopqrstuv-a", "the suggestion stays within 24");
	verdicts_init(&vs);
	rules_name("Local", &vs);
	core_arg(core_find(&vs, MSG_NAME_RESERVED), 0, "Local",
	    "reserved: as written");
	verdicts_init(&vs);
	rules_name("aks_prod", &vs);
	core_arg(core_find(&vs, MSG_NAME_CHARS), 0, "_", "chars: the first bad");

	ok(rules_name_reserved("LOCAL"), "reserved, any case");
	ok(!rules_name_reserved("locals"), "not reserved");

	/* Uniqueness, case-insensitive. */
	{
		static const char *const existing[] = {
			"cpu-cluster", "AKS-Prod", "inference-a"
		};

		verdicts_init(&vs);
		rules_name_unique("aks-prod", existing, 3, &vs);
		v = core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_TAKEN,
		    "aks-prod taken as AKS-Prod");
		core_arg(v, 0, "AKS-Prod", "taken: the existing spelling");
		verdicts_init(&vs);
		rules_name_unique("aks-prod2", existing, 3, &vs);
		core_count(&vs, 0, "aks-prod2 free");
		verdicts_init(&vs);
		rules_name_unique("aks-prod", NULL, 0, &vs);
		core_count(&vs, 0, "no existing names");
	}
	/* A name suggested from a cluster's, for an attach. */
	{
		static const char *const taken[] = {
			"aks-prod", "AKS-PROD-K8S", "inference"
		};
		static const struct {
			const char	*cluster;
			size_t		 ntaken;	/* of taken[] */
			const char	*want;		/* NULL: none */
		} sug[] = {
			{ "aks-prod",		0, "aks-prod" },
			{ "aks-prod",		1, "aks-prod-k8s" },
			{ "AKS-Prod",		2, "AKS-Prod-k8s-b" },
			{ "aks_prod.east",	0, "aks-prod-east" },
			{ "aks--prod-",		0, "aks-prod" },
			{ "1-cluster",		0, "cluster" },
			{ "aks-01",		0, "aks01" },
			{ "aks-2024-01-01",	0, "aks20240101" },
			{ "x-1",		0, "x1-k8s" },
			{ "ab",			0, "ab-k8s" },
			{ "local",		0, "local-k8s" },
			{ "a-very-long-cluster-name-for-inference", 0,
			    "a-very-long-cluster-name" },
			{ "abcdefghijklmnopqrstuvwxyz-1", 0,
			    "abcdefghijklmnopqrstuvwx" },
			{ "inference-cluster-of-prod", 0,
			    "inference-cluster-of-pro" },
			{ "n\xc3\xa4me",	0, "n-me" },
			{ "123",		0, NULL },
			{ "",			0, NULL },
		};
		char	out[64], big[NAME_MAX_LEN + 1];
		int	k;

		for (i = 0; i < sizeof sug / sizeof sug[0]; i++) {
			bool	got = rules_name_suggest(sug[i].cluster, taken,
				    sug[i].ntaken, out, sizeof out);

			if (sug[i].want == NULL)
				ok(!got && out[0] == '\0', "suggest from \"%s\": "
				    "none", sug[i].cluster);
			else
				ok(got && strcmp(out, sug[i].want) == 0,
				    "suggest from \"%s\" (%zu taken): %s, got %s",
				    sug[i].cluster, sug[i].ntaken, sug[i].want,
				    got ? out : "none");
			if (got) {
				verdicts_init(&vs);
				rules_name(out, &vs);
				rules_name_unique(out, taken, sug[i].ntaken,
				    &vs);
				core_count(&vs, 0, out);
			}
		}
		/* Every letter's tail taken: none is left. */
		{
			static char	 names[27][NAME_MAX_LEN + 1];
			const char	*all[27];

			snprintf(names[0], sizeof names[0], "aks");
			snprintf(names[1], sizeof names[1], "aks-k8s");
			for (k = 0; k < 25; k++)
				snprintf(names[k + 2], sizeof names[k + 2],
				    "aks-k8s-%c", 'b' + k);
			for (k = 0; k < 27; k++)
				all[k] = names[k];
			ok(!rules_name_suggest("aks", all, 27, out, sizeof out),
			    "every tail taken: none");
			ok(rules_name_suggest("aks", all, 26, out, sizeof out) &&
			    strcmp(out, "aks-k8s-z") == 0, "the last tail: -k8s-z");
		}
		ok(!rules_name_suggest("aks-prod", NULL, 0, big, 8),
		    "a buffer too small: none");

		/* From an AKS resource ID, and as the hint plan check gives. */
#define AKS_ID	"/subscriptions/00000000-0000-0000-0000-000000000001/" \
		"resourceGroups/rg/providers/Microsoft.ContainerService/" \
		"managedClusters/aks_prod"
		ok(rules_name_for_cluster(AKS_ID, NULL, 0, out, sizeof out) &&
		    strcmp(out, "aks-prod") == 0, "from an AKS ID: aks-prod");
		ok(!rules_name_for_cluster("/subscriptions/x", NULL, 0, out,
		    sizeof out) && out[0] == '\0', "from a bad ID: none");
		verdicts_init(&vs);
		rules_name_hint("", AKS_ID, taken, 1, &vs);
		v = core_expect(&vs, FIELD_NAME, SEV_INFO, MSG_NAME_SUGGESTED,
		    "hint without a name");
		core_arg(v, 0, "aks-prod-k8s", "hint: the free one");
		verdicts_init(&vs);
		rules_name_hint("mine", AKS_ID, NULL, 0, &vs);
		core_count(&vs, 0, "hint with a name: none");
		verdicts_init(&vs);
		rules_name_hint(NULL, "nonsense", NULL, 0, &vs);
		core_count(&vs, 0, "hint without a cluster: none");
	}
	return tap_done();
}
