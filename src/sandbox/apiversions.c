/*
 * The api-versions akswiz-sandbox accepts (data/api-versions.tsv): which
 * versions a resource type has, and which era of shape each answers in.
 */
#include "config.h"

#include "sandbox/apiversions.h"

#include <string.h>
#include <strings.h>

/* Where (type, version) sorts against an entry: the table's own order. */
static int
apiv_cmp(const char *type, const char *version,
    const struct sb_api_version *e)
{
	int c = strcasecmp(type, e->type);

	return c != 0 ? c : strcmp(version, e->version);
}

/*
 * A binary search: a list page asks three times a compute, and a scan of
 * the whole table with strcasecmp was 18% of the sandbox's CPU serving a
 * page of 100 computes.
 */
const struct sb_api_version *
apiv_find(const char *type, const char *version)
{
	const struct sb_api_version *v;
	size_t lo = 0, hi, mid;
	int c;

	if (type == NULL || version == NULL)
		return NULL;
	v = apiv_data(&hi);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = apiv_cmp(type, version, &v[mid])) == 0)
			return &v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t
apiv_list(const char *type, char *buf, size_t len)
{
	const struct sb_api_version *v;
	size_t i, n, count = 0, used = 0, k;
	bool full = false;	/* the list stops at the first that fails */

	v = apiv_data(&n);
	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (strcasecmp(v[i].type, type) != 0)
			continue;
		count++;
		k = strlen(v[i].version) + (used > 0 ? 2 : 0);
		if (full || used + k + 1 > len) {
			full = true;
			continue;	/* still counted */
		}
		if (used > 0)
			memcpy(buf + used, ", ", 2);
		memcpy(buf + used + (used > 0 ? 2 : 0), v[i].version,
		    strlen(v[i].version) + 1);
		used += k;
	}
	return count;
}

bool
apiv_era(const char *type, const char *version, const char *era)
{
	const struct sb_api_version *v = apiv_find(type, version);

	return v != NULL && strcmp(v->era, era) == 0;
}
