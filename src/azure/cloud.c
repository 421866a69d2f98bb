/*
 * The clouds of azure-api.md section 7, and custom endpoints (see
 * cloud.h).  Endpoints are kept without a trailing slash so that paths
 * (which start with one) can be appended.
 */
#include "config.h"
#include "azure/cloud.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "common/xalloc.h"

struct cloud_def {
	const char	*name, *arm, *authority, *scope, *resource, *dns,
			*portal;
};

static const struct cloud_def clouds[] = {
	{ "AzureCloud", "https://management.azure.com",
	  "https://login.microsoftonline.com",
	  "https://management.azure.com/.default",
	  "https://management.azure.com/", "cloudapp.azure.com",
	  "https://portal.azure.com" },
	{ "AzureChinaCloud", "https://management.chinacloudapi.cn",
	  "https://login.chinacloudapi.cn",
	  "https://management.chinacloudapi.cn/.default",
	  "https://management.chinacloudapi.cn/", "cloudapp.chinacloudapi.cn",
	  "https://portal.azure.cn" },
	{ "AzureUSGovernment", "https://management.usgovcloudapi.net",
	  "https://login.microsoftonline.us",
	  "https://management.usgovcloudapi.net/.default",
	  "https://management.usgovcloudapi.net/",
	  "cloudapp.usgovcloudapi.net", "https://portal.azure.us" },
};

/* Copy s into dst without trailing slashes. */
static bool
copy_trimmed(char *dst, size_t len, const char *s)
{
	size_t	n = strlen(s);

	while (n > 0 && s[n - 1] == '/')
		n--;
	if (n >= len)
		return false;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return true;
}

bool
cloud_lookup(const char *name, struct cloud_endpoints *c)
{
	const struct cloud_def	*d = NULL;
	size_t			 i;

	if (name == NULL || *name == '\0')
		name = CLOUD_DEFAULT;
	for (i = 0; i < sizeof clouds / sizeof clouds[0]; i++)
		if (strcasecmp(clouds[i].name, name) == 0)
			d = &clouds[i];
	if (d == NULL)
		return false;
	memset(c, 0, sizeof *c);
	strlcpy_ok(c->name, d->name, sizeof c->name);
	strlcpy_ok(c->arm_endpoint, d->arm, sizeof c->arm_endpoint);
	strlcpy_ok(c->authority, d->authority, sizeof c->authority);
	strlcpy_ok(c->scope, d->scope, sizeof c->scope);
	strlcpy_ok(c->resource, d->resource, sizeof c->resource);
	strlcpy_ok(c->dns_suffix, d->dns, sizeof c->dns_suffix);
	strlcpy_ok(c->portal, d->portal, sizeof c->portal);
	return true;
}

/* Whether url is an absolute https URL with a host. */
static bool
is_https(const char *url)
{
	return strncasecmp(url, "https://", 8) == 0 && url[8] != '\0' &&
	    url[8] != '/';
}

bool
cloud_resolve(const char *name, const char *endpoint, const char *authority,
    struct cloud_endpoints *c, struct err *err)
{
	struct cloud_endpoints	named;

	if (!cloud_lookup(name, c))
		return err_set(err, ERR_USAGE, _("unknown cloud \"%s\": use "
		    "AzureCloud, AzureChinaCloud or AzureUSGovernment"), name);
	if (endpoint != NULL && *endpoint != '\0') {
		if (!is_https(endpoint))
			return err_set(err, ERR_USAGE, _("the endpoint must be "
			    "an https:// URL, not \"%s\""), endpoint);
		if (!copy_trimmed(c->arm_endpoint, sizeof c->arm_endpoint,
		    endpoint))
			return err_set(err, ERR_USAGE,
			    _("the endpoint URL is too long"));
		if (!cloud_lookup(name, &named) ||
		    strcasecmp(named.arm_endpoint, c->arm_endpoint) != 0) {
			/* the audience stays the cloud's: a token for
			   "<endpoint>/.default" fits no proxy or alias */
			c->discover = true;
			strlcpy_ok(c->name, "Custom", sizeof c->name);
		}
	}
	if (authority != NULL && *authority != '\0') {
		if (!is_https(authority))
			return err_set(err, ERR_USAGE, _("the authority must "
			    "be an https:// URL, not \"%s\""), authority);
		if (!copy_trimmed(c->authority, sizeof c->authority,
		    authority))
			return err_set(err, ERR_USAGE,
			    _("the authority URL is too long"));
		strlcpy_ok(c->name, "Custom", sizeof c->name);
	}
	return true;
}

bool
cloud_set_audience(struct cloud_endpoints *c, const char *uri,
    struct err *err)
{
	const char	*p = strstr(uri, "://");
	size_t		 n = strlen(uri), i;
	int		 w;

	while (n > 0 && uri[n - 1] == '/')
		n--;
	/* a scheme, "://" and something after it, nothing blank */
	/* TRANSLATORS: --audience URI; keep the example URI as it is. */
	if (p == NULL || p == uri || p + 3 >= uri + n)
		return err_set(err, ERR_USAGE, _("the audience must be an "
		    "absolute URI such as https://management.azure.com/, not "
		    "\"%s\""), uri);
	for (i = 0; uri[i] != '\0'; i++)
		if ((unsigned char)uri[i] <= ' ')
			return err_set(err, ERR_USAGE, _("the audience must be "
			    "an absolute URI such as "
			    "https://management.azure.com/, not \"%s\""), uri);
	w = snprintf(c->scope, sizeof c->scope, "%.*s/.default", (int)n, uri);
	if (w < 0 || (size_t)w >= sizeof c->scope ||
	    !strlcpy_ok(c->resource, uri, sizeof c->resource))
		return err_set(err, ERR_USAGE, _("the audience URI is too "
		    "long"));
	c->discover = false;
	return true;
}

bool
cloud_arm_url(const struct cloud_endpoints *c, const char *path, char *buf, size_t len)
{
	int	n = snprintf(buf, len, "%s%s%s", c->arm_endpoint,
	    *path == '/' ? "" : "/", path);

	return n >= 0 && (size_t)n < len;
}
