/*
 * The api-versions akswiz-sandbox accepts (data/api-versions.tsv): which
 * versions a resource type has, and which era of shape each answers in.
 */
#include "config.h"

#include "sandbox/apiversions.h"

#include <string.h>
#include <strings.h>

const struct sb_api_version *
apiv_find(const char *type, const char *version)
{
	const struct sb_api_version *v;
	size_t i, n;

	if (type == NULL || version == NULL)
		return NULL;
	v = apiv_data(&n);
	for (i = 0; i < n; i++)
		if (strcasecmp(v[i].type, type) == 0 &&
		    strcmp(v[i].version, version) == 0)
			return &v[i];
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
