/*
 * What a request may do, decided from its method and URL alone: the one
 * rule under --readonly and under the bearer token, used by azure/http.c
 * and azure/arm.c (and testable by a table).
 *
 * Read-only: GET, HEAD and OPTIONS read; PUT, PATCH and DELETE write; a
 * POST writes unless its path ends in one of a short list of read actions
 * (listKeys, listNodes, the AKS listCluster*Credential actions, an online
 * deployment's getLogs) or is a
 * sign-in token endpoint (oauth2 token and devicecode: they change
 * nothing in Azure).  Anything else (an unknown method) writes.
 *
 * Token hosts: the ARM token goes only to the configured Resource
 * Manager endpoint and to the cloud's canonical one, compared by scheme,
 * host (without case) and port (443 when not given).
 */
#ifndef AKSWIZ_CORE_TRUST_H
#define AKSWIZ_CORE_TRUST_H

#include <stdbool.h>
#include <stddef.h>

/* Whether a request of method to url would change something in Azure. */
bool	trust_request_writes(const char *method, const char *url);
/*
 * The host of url as people read it ("host" or "host:port"), into buf;
 * "" for a URL without one.  Returns buf.
 */
char	*trust_url_host(const char *url, char *buf, size_t len);
/*
 * Whether url is on the same origin as endpoint (scheme, host, port).
 * NULL or empty endpoint: never.
 */
bool	trust_same_origin(const char *url, const char *endpoint);

#endif
