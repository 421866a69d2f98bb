/*
 * The sandbox's api-version table (data/api-versions.tsv): one row per
 * lookup, with whether the version is accepted for the type and the era
 * of its shape; then the list the 400 names, and the table's own order.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sandbox/apiversions.h"
#include "tap.h"

#define ML	"Microsoft.MachineLearningServices/workspaces"
#define AKS	"Microsoft.ContainerService/managedClusters"
#define SUBS	"Microsoft.Resources/subscriptions"

static const struct {
	const char	*type, *version;
	const char	*era;		/* NULL: refused */
} rows[] = {
	/* The versions Microsoft's clients use by default. */
	{ SUBS, "2019-11-01", "2019" },		/* az 2.45 login */
	{ SUBS, "2021-01-01", "2019" },		/* azure-mgmt-resource */
	{ SUBS, "2016-06-01", "2016" },
	{ AKS, "2022-11-01", "-" },		/* az 2.45, the SDK */
	{ AKS, "2020-06-01", "2020" },
	{ AKS, "2023-08-02-preview", "-" },
	{ "Microsoft.Compute/locations", "2022-08-01", "-" },
	{ "Microsoft.Compute/locations", "2022-11-01", "-" },
	{ "Microsoft.ContainerService/locations/orchestrators", "2019-04-01",
	    "-" },
	{ ML, "2024-04-01-preview", "2024" },
	{ ML, "2022-10-01", "2024" },		/* azure-mgmt-ml...services */
	{ ML, "2021-01-01", "2020" },		/* the last 2020-era shape */
	{ ML, "2020-09-01-preview", "2020" },
	{ ML, "2021-03-01-preview", "2024" },
	/* Types compare case-insensitively, as ARM's do; versions do not. */
	{ "microsoft.machinelearningservices/WORKSPACES", "2024-04-01",
	    "2024" },
	{ ML, "2024-04-01-PREVIEW", NULL },
	/* Refused: unpublished, of another type, malformed. */
	{ ML, "2024-04-02", NULL },
	{ ML, "2020-09-01-preview.2", NULL },
	{ "Microsoft.ContainerService/locations/kubernetesVersions",
	    "2023-02-01", NULL },
	{ "Microsoft.ContainerService/locations/orchestrators", "2024-09-01",
	    NULL },
	{ "Microsoft.Nothing/things", "2024-04-01", NULL },
	{ ML, "", NULL },
};

int
main(void)
{
	const struct sb_api_version *v, *t;
	char buf[4096], small[24];
	size_t i, n, count;
	bool sorted = true;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		v = apiv_find(rows[i].type, rows[i].version);
		if (rows[i].era == NULL)
			ok(v == NULL, "%s %s is refused", rows[i].type,
			    rows[i].version);
		else if (ok(v != NULL, "%s %s is accepted", rows[i].type,
		    rows[i].version))
			is_str(v->era, rows[i].era, "  of era %s",
			    rows[i].era);
	}
	/*
	 * Asked again, in the other order, or through one buffer whose
	 * text changed, every answer is still the table's.
	 */
	{
		bool same = true;
		char type[96];

		for (i = sizeof rows / sizeof rows[0]; i-- > 0;) {
			v = apiv_find(rows[i].type, rows[i].version);
			t = apiv_find(rows[i].type, rows[i].version);
			if (v != t || (v == NULL) != (rows[i].era == NULL) ||
			    (v != NULL && strcmp(v->era, rows[i].era) != 0))
				same = false;
		}
		ok(same, "each row asked twice, last row first: the same "
		    "answers");
		strcpy(type, ML);
		ok(apiv_find(type, "2024-04-01") != NULL, "a buffer holding ML: "
		    "2024-04-01 is accepted");
		strcpy(type, AKS);
		ok(apiv_find(type, "2024-04-01") == NULL, "the same buffer "
		    "now holding AKS: 2024-04-01 is refused");
	}
	ok(apiv_find(NULL, "2024-04-01") == NULL && apiv_find(ML, NULL) ==
	    NULL, "NULL finds nothing");
	ok(apiv_era(ML, "2020-06-01", "2020") && !apiv_era(ML, "2020-06-01",
	    "2024") && !apiv_era(ML, "2099-01-01", "2020"),
	    "apiv_era: the version's era only");

	count = apiv_list(ML, buf, sizeof buf);
	ok(count >= 50, "ML has every published version (%zu)", count);
	ok(strncmp(buf, "2018-03-01-preview, 2018-11-19, ", 32) == 0,
	    "the list starts with the oldest");
	ok(strstr(buf, ", 2024-04-01, 2024-04-01-preview, ") != NULL,
	    "a stable version before its preview");
	is_int(apiv_list(ML, small, sizeof small), count,
	    "a short buffer still counts them all");
	is_str(small, "2018-03-01-preview", "and holds whole versions");
	is_int(apiv_list("Microsoft.Nothing/things", buf, sizeof buf), 0,
	    "an unknown type has none");
	is_str(buf, "", "  and an empty list");

	v = apiv_data(&n);
	for (i = 1; i < n; i++) {
		t = &v[i - 1];
		if (strcasecmp(t->type, v[i].type) > 0 ||
		    (strcasecmp(t->type, v[i].type) == 0 &&
		    strcmp(t->version, v[i].version) >= 0))
			sorted = false;
	}
	ok(sorted, "the table is sorted by type (whatever its case) and "
	    "version, no duplicate: apiv_find's binary search needs it");
	{
		bool every = true;
		char upper[128];
		size_t k;

		for (i = 0; i < n; i++) {
			for (k = 0; v[i].type[k] != '\0' && k + 1 <
			    sizeof upper; k++)
				upper[k] = (char)toupper(
				    (unsigned char)v[i].type[k]);
			upper[k] = '\0';
			if (apiv_find(v[i].type, v[i].version) != &v[i] ||
			    apiv_find(upper, v[i].version) != &v[i])
				every = false;
		}
		ok(every, "every one of the %zu rows is found, its type in "
		    "its case and in capitals", n);
	}
	return tap_done();
}
