/*
 * Kubernetes versions (see versions.h).  Offers are usually minor versions
 * ("1.29") while clusters run patches ("1.29.4"); comparing a version
 * without a patch as equal to every patch of its minor lets one offer
 * cover them all.
 */
#include "config.h"
#include "core/versions.h"

#include <stdio.h>

#define K8S_PART_MAX	99999

/* Parse a decimal number at *sp, advancing it; false if none or too big. */
static bool
k8s_version_number(const char **sp, int *out)
{
	const char	*s = *sp;
	int		 v = 0;

	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s - '0');
		if (v > K8S_PART_MAX)
			return false;
		s++;
	}
	*sp = s;
	*out = v;
	return true;
}

/* Parse "1.29", "1.29.2" or "v1.29.2"; anything else is refused. */
bool
k8s_version_parse(const char *s, struct k8s_version *out)
{
	struct k8s_version	v = { 0, 0, 0, false };

	if (s == NULL)
		return false;
	if (*s == 'v' || *s == 'V')
		s++;
	if (!k8s_version_number(&s, &v.major) || *s++ != '.' ||
	    !k8s_version_number(&s, &v.minor))
		return false;
	if (*s == '.') {
		s++;
		if (!k8s_version_number(&s, &v.patch))
			return false;
		v.has_patch = true;
	}
	if (*s != '\0')
		return false;
	*out = v;
	return true;
}

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
static int
k8s_int_cmp(int a, int b)
{
	return a < b ? -1 : a > b;
}

/* Order two versions; a missing patch matches every patch. */
int
k8s_version_cmp(const struct k8s_version *a, const struct k8s_version *b)
{
	int	c;

	if ((c = k8s_int_cmp(a->major, b->major)) != 0)
		return c;
	if ((c = k8s_int_cmp(a->minor, b->minor)) != 0)
		return c;
	if (!a->has_patch || !b->has_patch)
		return 0;
	return k8s_int_cmp(a->patch, b->patch);
}

/* Write a version without its "v". */
void
k8s_version_format(const struct k8s_version *v, char *buf, size_t len)
{
	if (v->has_patch)
		snprintf(buf, len, "%d.%d.%d", v->major, v->minor, v->patch);
	else
		snprintf(buf, len, "%d.%d", v->major, v->minor);
}

/*
 * The lowest and highest offers, by version; only non-preview ones unless
 * there are none.  Offers that do not parse are ignored.
 */
static void
k8s_offer_range(const struct k8s_offer *offers, size_t n,
    const struct k8s_offer **lo, const struct k8s_offer **hi)
{
	struct k8s_version	v, vlo, vhi;
	size_t			i;
	int			pass;

	*lo = *hi = NULL;
	for (pass = 0; pass < 2 && *lo == NULL; pass++)
		for (i = 0; i < n; i++) {
			if ((pass == 0 && offers[i].is_preview) ||
			    !k8s_version_parse(offers[i].version, &v))
				continue;
			if (*lo == NULL || k8s_version_cmp(&v, &vlo) < 0) {
				*lo = &offers[i];
				vlo = v;
			}
			if (*hi == NULL || k8s_version_cmp(&v, &vhi) > 0) {
				*hi = &offers[i];
				vhi = v;
			}
		}
}

/* Judge a cluster's version against what the region offers. */
void
k8s_version_check(const char *version, const struct k8s_offer *offers,
    size_t n, enum plan_field field, struct verdicts *vs)
{
	struct k8s_version	 want, v;
	const struct k8s_offer	*match = NULL, *lo, *hi;
	struct verdict		*vd;
	size_t			 i;

	if (!k8s_version_parse(version, &want)) {
		vd = verdicts_add(vs, field, SEV_ERROR,
		    MSG_K8S_VERSION_INVALID);
		verdict_arg(vd, "%s", version != NULL ? version : "");
		return;
	}
	if (n == 0)
		return;		/* nothing known to compare with */
	for (i = 0; i < n; i++) {
		if (!k8s_version_parse(offers[i].version, &v) ||
		    k8s_version_cmp(&want, &v) != 0)
			continue;
		/* A supported match beats a preview one. */
		if (match == NULL ||
		    (match->is_preview && !offers[i].is_preview))
			match = &offers[i];
	}
	if (match != NULL && !match->is_preview) {
		vd = verdicts_add(vs, field, SEV_INFO, MSG_K8S_SUPPORTED);
		verdict_arg(vd, "%s", version);
	} else if (match != NULL) {
		vd = verdicts_add(vs, field, SEV_WARNING, MSG_K8S_PREVIEW);
		verdict_arg(vd, "%s", version);
	} else {
		k8s_offer_range(offers, n, &lo, &hi);
		vd = verdicts_add(vs, field, SEV_ERROR, MSG_K8S_UNSUPPORTED);
		verdict_arg(vd, "%s", version);
		verdict_arg(vd, "%s", lo != NULL ? lo->version : "");
		verdict_arg(vd, "%s", hi != NULL ? hi->version : "");
	}
}

/* The offer marked default, or NULL. */
const struct k8s_offer *
k8s_default(const struct k8s_offer *offers, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (offers[i].is_default)
			return &offers[i];
	return NULL;
}
