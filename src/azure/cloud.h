/*
 * Clouds: the Resource Manager endpoint, the Azure AD authority, the ARM
 * token scope and the public DNS suffix of AzureCloud, AzureChinaCloud and
 * AzureUSGovernment (azure-api.md section 7), or of a custom pair given with
 * --endpoint / --authority (AKSWIZ_ENDPOINT / AKSWIZ_AUTHORITY), which is
 * how the sandbox is reached.  A struct cloud_endpoints is plain data: copy
 * it freely.  (Named so beside core/plan.h's enum cloud, the cloud's id.)
 */
#ifndef AKSWIZ_AZURE_CLOUD_H
#define AKSWIZ_AZURE_CLOUD_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

#define CLOUD_DEFAULT	"AzureCloud"

struct cloud_endpoints {
	char	name[32];		/* "AzureCloud", or "Custom" */
	char	arm_endpoint[256];	/* no trailing slash */
	char	authority[256];		/* AAD host, no trailing slash */
	char	scope[300];		/* "https://management.azure.com/.default" */
	char	resource[300];		/* v1 resource for az cli and IMDS */
	char	dns_suffix[64];		/* "cloudapp.azure.com" */
	char	portal[64];
	bool	discover;		/* a custom endpoint: its audience may
					   come from its /metadata/endpoints */
};

/* Fill c with a named cloud (NULL or "" means AzureCloud); false if unknown. */
bool	cloud_lookup(const char *name, struct cloud_endpoints *c);
/*
 * The cloud of a run: the named one (or AzureCloud), then endpoint and
 * authority override its ARM endpoint and authority when not NULL.  A custom
 * endpoint (a proxy, an alias, Azure Stack, the sandbox) keeps the cloud's
 * ARM audience until its metadata says another (discover is set: see
 * cloud_discover_audience()).  URLs must be https.
 */
bool	cloud_resolve(const char *name, const char *endpoint,
	    const char *authority, struct cloud_endpoints *c, struct err *);
/*
 * Ask for tokens for the audience uri ("https://management.azure.com/",
 * an App ID URI): the scope "<uri without trailing slashes>/.default" and
 * the v1 resource uri; no discovery then.  False + err (ERR_USAGE) if uri
 * is not an absolute URI.
 */
bool	cloud_set_audience(struct cloud_endpoints *c, const char *uri,
	    struct err *);
/* Append path to the ARM endpoint into buf; false if it did not fit. */
bool	cloud_arm_url(const struct cloud_endpoints *c, const char *path, char *buf,
	    size_t len);

#endif
