/*
 * The api-versions akswiz-sandbox accepts (data/api-versions.tsv): which
 * versions a resource type has, and which era of shape each answers in.
 */
#include "config.h"

#include "sandbox/apiversions.h"

#include <string.h>
#include <strings.h>

/*
 * The last answer of each thread (a connection's), with copies of what
 * it was asked: a request asks the same question again and again (a
 * list page's shape, once a compute), and the whole table's scan with
 * strcasecmp was 18% of the sandbox's CPU serving a page of 100 computes.
 */
static _Thread_local struct {
	char				 type[96], version[32];
	const struct sb_api_version	*entry;
	bool				 valid;
} last;

const struct sb_api_version *
apiv_find(const char *type, const char *version)
{
	const struct sb_api_version *v, *found = NULL;
	size_t i, n;

	if (type == NULL || version == NULL)
		return NULL;
	if (last.valid && strcmp(last.version, version) == 0 &&
	    strcmp(last.type, type) == 0)
		return last.entry;
	v = apiv_data(&n);
	for (i = 0; i < n && found == NULL; i++)
		if (strcmp(v[i].version, version) == 0 &&
		    strcasecmp(v[i].type, type) == 0)
			found = &v[i];
	last.valid = strlen(type) < sizeof last.type &&
	    strlen(version) < sizeof last.version;
	if (last.valid) {
		strcpy(last.type, type);
		strcpy(last.version, version);
		last.entry = found;
	}
	return found;
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
