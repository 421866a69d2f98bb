/* Clouds: the three named ones, custom endpoints, and bad input. */
#include "config.h"

#include <string.h>

#include "azure/cloud.h"
#include "tests/tap.h"

/* Audiences (--audience, a metadata document) and the scope they make. */
static const struct {
	const char	*uri, *scope;	/* scope NULL: refused */
} audiences[] = {
	{ "https://management.core.windows.net/",
	  "https://management.core.windows.net/.default" },
	{ "https://management.azure.com",
	  "https://management.azure.com/.default" },
	{ "https://management.contoso.onmicrosoft.com/6a1b2c3d",
	  "https://management.contoso.onmicrosoft.com/6a1b2c3d/.default" },
	{ "api://akswiz-proxy//", "api://akswiz-proxy/.default" },
	{ "management.azure.com", NULL },
	{ "https://", NULL },
	{ "https:///", NULL },
	{ "://x", NULL },
	{ "https://manage ment.azure.com", NULL },
	{ "", NULL },
};

int
main(void)
{
	struct cloud_endpoints	c;
	struct err	e;
	char		url[128];
	size_t		i;
	bool		good;

	ok(cloud_lookup(NULL, &c), "no name: the default");
	is_str(c.name, "AzureCloud", "default is AzureCloud");
	is_str(c.arm_endpoint, "https://management.azure.com", "ARM endpoint");
	is_str(c.authority, "https://login.microsoftonline.com", "authority");
	is_str(c.scope, "https://management.azure.com/.default", "scope");
	is_str(c.dns_suffix, "cloudapp.azure.com", "DNS suffix");
	ok(cloud_lookup("azurechinacloud", &c), "names match without case");
	is_str(c.arm_endpoint, "https://management.chinacloudapi.cn",
	    "China ARM endpoint");
	is_str(c.authority, "https://login.chinacloudapi.cn", "China authority");
	is_str(c.scope, "https://management.chinacloudapi.cn/.default",
	    "China scope");
	ok(cloud_lookup("AzureUSGovernment", &c), "US Government");
	is_str(c.arm_endpoint, "https://management.usgovcloudapi.net",
	    "US Gov ARM endpoint");
	is_str(c.authority, "https://login.microsoftonline.us",
	    "US Gov authority");
	is_str(c.dns_suffix, "cloudapp.usgovcloudapi.net", "US Gov DNS suffix");
	ok(!cloud_lookup("Mars", &c), "unknown cloud");

	ok(cloud_resolve(NULL, "https://127.0.0.1:8443/", "https://127.0.0.1:8443",
	    &c, &e), "custom endpoint and authority");
	is_str(c.name, "Custom", "named Custom");
	is_str(c.arm_endpoint, "https://127.0.0.1:8443", "trailing slash gone");
	is_str(c.scope, "https://management.azure.com/.default", "the scope "
	    "stays the cloud's: a proxy or alias is not an audience");
	is_str(c.resource, "https://management.azure.com/", "v1 resource too");
	ok(c.discover, "the endpoint's metadata may name another");
	ok(cloud_arm_url(&c, "/subscriptions?api-version=1", url, sizeof url),
	    "URL built");
	is_str(url, "https://127.0.0.1:8443/subscriptions?api-version=1",
	    "one slash between endpoint and path");
	ok(cloud_resolve("AzureChinaCloud", NULL, "https://login.example/", &c,
	    &e), "authority alone");
	is_str(c.arm_endpoint, "https://management.chinacloudapi.cn",
	    "the named cloud's ARM endpoint stays");
	is_str(c.authority, "https://login.example", "the authority changes");
	ok(!cloud_resolve(NULL, "http://127.0.0.1", NULL, &c, &e) &&
	    e.kind == ERR_USAGE, "plain http refused: %s", e.msg);
	ok(!cloud_resolve(NULL, NULL, "login.example", &c, &e),
	    "an authority without https:// refused");
	ok(!cloud_resolve("Venus", NULL, NULL, &c, &e) && e.kind == ERR_USAGE,
	    "unknown cloud: %s", e.msg);
	ok(cloud_resolve(NULL, "https://management.azure.com/", NULL, &c, &e) &&
	    !c.discover && strcmp(c.name, "AzureCloud") == 0,
	    "the cloud's own endpoint given: nothing to discover");
	for (i = 0; i < sizeof audiences / sizeof *audiences; i++) {
		cloud_lookup(NULL, &c);
		c.discover = true;
		err_clear(&e);
		good = cloud_set_audience(&c, audiences[i].uri, &e);
		if (audiences[i].scope == NULL) {
			ok(!good && e.kind == ERR_USAGE, "audience \"%s\" "
			    "refused: %s", audiences[i].uri, e.msg);
			continue;
		}
		ok(good && !c.discover, "audience %s", audiences[i].uri);
		is_str(c.scope, audiences[i].scope, "  scope");
		is_str(c.resource, audiences[i].uri, "  v1 resource");
	}
	return tap_done();
}
