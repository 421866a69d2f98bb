/* Kubernetes versions: "1.29" or "1.29.2", with an optional leading "v". */
#ifndef AKSWIZ_CORE_VERSIONS_H
#define AKSWIZ_CORE_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/verdict.h"

struct k8s_version {
	int	major, minor, patch;
	bool	has_patch;
};

/* One version a region offers (from kubernetesVersions or the world). */
struct k8s_offer {
	const char	*version;	/* "1.29" or "1.29.2" (borrowed) */
	bool		 is_default;
	bool		 is_preview;
};

bool	k8s_version_parse(const char *, struct k8s_version *);
/*
 * Compare a and b; a version without a patch compares equal to every patch
 * of its minor ("1.29" == "1.29.4") so that an offer of "1.29" covers
 * clusters running 1.29.x.
 */
int	k8s_version_cmp(const struct k8s_version *, const struct k8s_version *);
void	k8s_version_format(const struct k8s_version *, char *, size_t);

/*
 * Verdict on a cluster's version against the offers: supported (info),
 * preview (warning), unsupported (error naming the supported range, i.e.
 * the lowest and highest non-preview offers), malformed (error).
 */
void	k8s_version_check(const char *version, const struct k8s_offer *,
	    size_t n, enum plan_field, struct verdicts *);
/* The default offer, or NULL. */
const struct k8s_offer *k8s_default(const struct k8s_offer *, size_t n);

#endif
