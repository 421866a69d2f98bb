/*
 * AKS resource IDs (see ids.h).  Each malformed shape gets its own error,
 * checked in the order a reader scans the ID: its start, empty segments,
 * the number of segments, the keywords, then each name.  Only one error is
 * given per ID: later checks would only repeat the first in other words.
 */
#include "config.h"
#include "core/ids.h"
#include "core/rules-k8s.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define AKS_ID_SEGMENTS	8
#define ID_MAX_SEGMENTS	64

#define ID_PREFIX	"/subscriptions/"

struct id_segment {
	const char	*s;
	size_t		 len;
};

/* The expected keyword at each odd position (1-based), or NULL. */
static const char *const aks_id_keywords[AKS_ID_SEGMENTS + 1] = {
	NULL, "subscriptions", NULL, "resourceGroups", NULL, "providers",
	"Microsoft.ContainerService", "managedClusters", NULL
};

/* A GUID in its 8-4-4-4-12 hexadecimal form, without braces. */
bool
guid_valid(const char *s)
{
	static const int	 groups[] = { 8, 4, 4, 4, 12 };
	size_t			 g;
	int			 i;

	if (s == NULL)
		return false;
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		if (g > 0 && *s++ != '-')
			return false;
		for (i = 0; i < groups[g]; i++, s++)
			if (!isxdigit((unsigned char)*s))
				return false;
	}
	return *s == '\0';
}

/* Does the segment equal the string, ignoring case? */
static bool
id_segment_is(const struct id_segment *seg, const char *word)
{
	return strlen(word) == seg->len &&
	    strncasecmp(seg->s, word, seg->len) == 0;
}

/*
 * Resource group names: 1 to 90 characters, letters (any script),
 * digits, "_", "-", ".", "(" and ")", not ending in ".".
 */
static bool
id_resource_group_valid(const struct id_segment *seg)
{
	size_t	i, chars = 0;

	for (i = 0; i < seg->len; i++) {
		unsigned char	c = (unsigned char)seg->s[i];

		if ((c & 0xc0) == 0x80)
			continue;	/* UTF-8 continuation byte */
		chars++;
		if (c >= 0x80 || isalnum(c) || strchr("_-.()", c) != NULL)
			continue;
		return false;
	}
	return chars >= 1 && chars <= 90 && seg->s[seg->len - 1] != '.';
}

/*
 * AKS cluster names: ^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}
 * [a-zA-Z0-9]$, so 1 to 63 characters.
 */
static bool
id_cluster_name_valid(const struct id_segment *seg)
{
	char	name[AKS_CLUSTER_NAME_MAX + 1];

	if (seg->len < 1 || seg->len >= sizeof name)
		return false;
	memcpy(name, seg->s, seg->len);
	name[seg->len] = '\0';
	return aks_cluster_name_valid(name);
}

/* Add an error on field with the segment as its only argument. */
static bool
id_fail(struct verdicts *vs, enum plan_field field, enum msg_id msg,
    const struct id_segment *seg)
{
	struct verdict	*v = verdicts_add(vs, field, SEV_ERROR, msg);

	verdict_arg(v, "%.*s", (int)seg->len, seg->s);
	return false;
}

/* Parse an AKS cluster ID; one error verdict on the first problem. */
bool
aks_id_parse(const char *id, struct aks_id *out, enum plan_field field,
    struct verdicts *vs)
{
	struct id_segment	 seg[ID_MAX_SEGMENTS];
	struct verdict		*v;
	char			 sub[PLAN_ID_LEN];
	const char		*p, *slash, *end;
	size_t			 n = 0, total = 0, len, i;

	if (id == NULL || *id == '\0') {
		verdicts_add(vs, field, SEV_ERROR, MSG_ID_EMPTY);
		return false;
	}
	if (strncasecmp(id, ID_PREFIX, strlen(ID_PREFIX)) != 0) {
		v = verdicts_add(vs, field, SEV_ERROR, MSG_ID_NOT_ABSOLUTE);
		verdict_arg(v, "%s", id);
		return false;
	}
	/* One trailing "/" is tolerated, as ARM does. */
	len = strlen(id);
	end = id + len;
	if (len > 1 && end[-1] == '/')
		end--;
	for (p = id + 1; ; p = slash + 1) {
		if ((slash = memchr(p, '/', (size_t)(end - p))) == NULL)
			slash = end;
		if (slash == p) {
			v = verdicts_add(vs, field, SEV_ERROR,
			    MSG_ID_EMPTY_SEGMENT);
			verdict_arg(v, "%zu", total + 1);
			return false;
		}
		if (n < ID_MAX_SEGMENTS) {
			seg[n].s = p;
			seg[n].len = (size_t)(slash - p);
			n++;
		}
		total++;
		if (slash == end)
			break;
	}
	if (total != AKS_ID_SEGMENTS) {
		v = verdicts_add(vs, field, SEV_ERROR, MSG_ID_SEGMENTS);
		verdict_arg(v, "%zu", total);
		return false;
	}
	/* subscriptions, resourceGroups, providers */
	for (i = 1; i <= 5; i += 2) {
		if (id_segment_is(&seg[i - 1], aks_id_keywords[i]))
			continue;
		v = verdicts_add(vs, field, SEV_ERROR, MSG_ID_KEYWORD);
		verdict_arg(v, "%zu", i);
		verdict_arg(v, "%s", aks_id_keywords[i]);
		verdict_arg(v, "%.*s", (int)seg[i - 1].len, seg[i - 1].s);
		return false;
	}
	if (!id_segment_is(&seg[5], aks_id_keywords[6]))
		return id_fail(vs, field, MSG_ID_PROVIDER, &seg[5]);
	if (!id_segment_is(&seg[6], aks_id_keywords[7]))
		return id_fail(vs, field, MSG_ID_TYPE, &seg[6]);
	if (seg[1].len >= sizeof sub)
		return id_fail(vs, field, MSG_ID_SUBSCRIPTION, &seg[1]);
	memcpy(sub, seg[1].s, seg[1].len);
	sub[seg[1].len] = '\0';
	if (!guid_valid(sub))
		return id_fail(vs, field, MSG_ID_SUBSCRIPTION, &seg[1]);
	if (seg[3].len >= sizeof out->resource_group ||
	    !id_resource_group_valid(&seg[3]))
		return id_fail(vs, field, MSG_ID_RESOURCE_GROUP, &seg[3]);
	if (!id_cluster_name_valid(&seg[7]))
		return id_fail(vs, field, MSG_ID_CLUSTER_NAME, &seg[7]);
	memcpy(out->subscription, sub, seg[1].len + 1);
	memcpy(out->resource_group, seg[3].s, seg[3].len);
	out->resource_group[seg[3].len] = '\0';
	memcpy(out->name, seg[7].s, seg[7].len);
	out->name[seg[7].len] = '\0';
	return true;
}

/* Write the canonical spelling of an AKS cluster ID. */
void
aks_id_format(const struct aks_id *id, char *buf, size_t len)
{
	snprintf(buf, len, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.ContainerService/managedClusters/%s",
	    id->subscription, id->resource_group, id->name);
}

/* Same cluster, ignoring case? */
bool
aks_id_equal(const struct aks_id *a, const struct aks_id *b)
{
	return strcasecmp(a->subscription, b->subscription) == 0 &&
	    strcasecmp(a->resource_group, b->resource_group) == 0 &&
	    strcasecmp(a->name, b->name) == 0;
}

/* The cluster must be in the workspace's subscription. */
void
attach_check_subscription(const struct aks_id *id,
    const char *workspace_subscription, struct verdicts *vs)
{
	struct verdict	*v;

	if (workspace_subscription == NULL || *workspace_subscription == '\0')
		return;
	if (strcasecmp(id->subscription, workspace_subscription) == 0)
		return;
	v = verdicts_add(vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_ATTACH_OTHER_SUBSCRIPTION);
	verdict_arg(v, "%s", id->subscription);
	verdict_arg(v, "%s", workspace_subscription);
}

/* The length of an ID without one trailing "/". */
static size_t
arm_id_len(const char *s)
{
	size_t	len = strlen(s);

	return len > 0 && s[len - 1] == '/' ? len - 1 : len;
}

/* Same ARM ID, ignoring case and one trailing "/"? */
bool
arm_id_equal(const char *a, const char *b)
{
	size_t	la, lb;

	if (a == NULL || b == NULL)
		return a == b;
	la = arm_id_len(a);
	lb = arm_id_len(b);
	return la == lb && strncasecmp(a, b, la) == 0;
}
