/*
 * Read-only and token-host rules (see trust.h).  URLs are parsed just far
 * enough: scheme, authority (user info dropped), path without the query.
 */
#include "config.h"
#include "core/trust.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* POST actions that only read (the last segment of the path). */
static const char *const read_actions[] = {
	"listKeys",
	"listNodes",
	"listClusterUserCredential",
	"listClusterAdminCredential",
	"listClusterMonitoringUserCredential",
	"getLogs",		/* an online deployment's container log */
};

/* Sign-in endpoints (the end of the path): tokens, device codes. */
static const char *const token_paths[] = {
	"/oauth2/v2.0/token",
	"/oauth2/token",
	"/oauth2/v2.0/devicecode",
	"/oauth2/devicecode",
};

/* The parts of a URL: [scheme, host, port, path), lengths. */
struct url_parts {
	const char	*scheme, *host, *path;
	size_t		 scheme_len, host_len, path_len;
	unsigned	 port;		/* 0: none given */
};

/* Split url; false when it has no scheme://host. */
static bool
url_split(const char *url, struct url_parts *u)
{
	const char	*p, *auth, *end, *at, *colon;
	size_t		 n;

	memset(u, 0, sizeof *u);
	if (url == NULL || (p = strstr(url, "://")) == NULL || p == url)
		return false;
	u->scheme = url;
	u->scheme_len = (size_t)(p - url);
	auth = p + 3;
	n = strcspn(auth, "/?#");
	end = auth + n;
	/* parsers differ on a backslash: such a URL is never trusted */
	if (memchr(auth, '\\', n) != NULL)
		return false;
	/* user info is not part of the host */
	for (at = end; at > auth && at[-1] != '@'; at--)
		;
	if (at > auth)
		auth = at;
	u->host = auth;
	u->host_len = (size_t)(end - auth);
	/* a port, unless inside an IPv6 literal */
	colon = NULL;
	for (p = end; p > auth; p--)
		if (p[-1] == ':' || p[-1] == ']') {
			if (p[-1] == ':')
				colon = p - 1;
			break;
		}
	if (colon != NULL) {
		u->host_len = (size_t)(colon - auth);
		for (p = colon + 1; p < end && isdigit((unsigned char)*p); p++)
			u->port = u->port * 10 + (unsigned)(*p - '0');
		if (p != end || u->port == 0 || u->port > 65535)
			return false;
	}
	if (u->host_len == 0)
		return false;
	/* a host of odd characters is not compared, it is refused */
	for (p = u->host; p < u->host + u->host_len; p++)
		if (!isalnum((unsigned char)*p) && strchr(".-_[]:", *p) == NULL)
			return false;
	u->path = end;
	u->path_len = strcspn(end, "?#");
	return true;
}

/* The port of a URL, the scheme's default when none is given. */
static unsigned
url_port(const struct url_parts *u)
{
	if (u->port != 0)
		return u->port;
	if (u->scheme_len == 4 && strncasecmp(u->scheme, "http", 4) == 0)
		return 80;
	return 443;
}

/* Whether the path (len bytes) ends in suffix, without case. */
static bool
path_ends(const char *path, size_t len, const char *suffix)
{
	size_t	n = strlen(suffix);

	return len >= n && strncasecmp(path + len - n, suffix, n) == 0;
}

bool
trust_request_writes(const char *method, const char *url)
{
	struct url_parts	 u;
	const char		*last;
	size_t			 i, n;

	if (method == NULL)
		return true;
	if (strcasecmp(method, "GET") == 0 || strcasecmp(method, "HEAD") == 0 ||
	    strcasecmp(method, "OPTIONS") == 0)
		return false;
	if (strcasecmp(method, "POST") != 0 || !url_split(url, &u))
		return true;
	n = u.path_len;
	while (n > 0 && u.path[n - 1] == '/')
		n--;
	for (i = 0; i < sizeof token_paths / sizeof token_paths[0]; i++)
		if (path_ends(u.path, n, token_paths[i]))
			return false;
	for (last = u.path + n; last > u.path && last[-1] != '/'; last--)
		;
	for (i = 0; i < sizeof read_actions / sizeof read_actions[0]; i++)
		if ((size_t)(u.path + n - last) == strlen(read_actions[i]) &&
		    strncasecmp(last, read_actions[i], strlen(read_actions[i]))
		    == 0)
			return false;
	return true;
}

char *
trust_url_host(const char *url, char *buf, size_t len)
{
	struct url_parts	u;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	if (!url_split(url, &u))
		return buf;
	if (u.port != 0)
		snprintf(buf, len, "%.*s:%u", (int)u.host_len, u.host, u.port);
	else
		snprintf(buf, len, "%.*s", (int)u.host_len, u.host);
	return buf;
}

bool
trust_same_origin(const char *url, const char *endpoint)
{
	struct url_parts	a, b;

	if (endpoint == NULL || *endpoint == '\0' || !url_split(url, &a) ||
	    !url_split(endpoint, &b))
		return false;
	return a.scheme_len == b.scheme_len &&
	    strncasecmp(a.scheme, b.scheme, a.scheme_len) == 0 &&
	    a.host_len == b.host_len &&
	    strncasecmp(a.host, b.host, a.host_len) == 0 &&
	    url_port(&a) == url_port(&b);
}
