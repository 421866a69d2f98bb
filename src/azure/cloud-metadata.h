/*
 * A custom cloud's audience, asked of its Resource Manager's metadata
 * document and remembered for a week (cloud-metadata.c).
 */
#ifndef AZURE_CLOUD_METADATA_H
#define AZURE_CLOUD_METADATA_H

#include "azure/cloud.h"
#include "azure/http.h"

/*
 * The audience of a custom Resource Manager endpoint (c->discover): what
 * its GET /metadata/endpoints?api-version=2015-01-01 names first in
 * authentication.audiences (Azure's and Azure Stack's document), else the
 * cloud's own.  The answer is kept in $XDG_CACHE_HOME/akswiz/endpoints.json
 * (mode 0600) with the endpoint it belongs to and when it was asked, so
 * that it costs one request per endpoint a week, not per command; a
 * network failure changes nothing.  A damaged file, or one others may
 * write, is said through say (may be NULL) and not trusted.
 */
void	cloud_discover_audience(struct cloud_endpoints *c, struct http_client *,
	    void (*say)(void *, const char *), void *say_ctx);

#endif
