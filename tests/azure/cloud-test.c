/* Clouds: the three named ones, custom endpoints, and bad input. */
#include "config.h"

#include "azure/cloud.h"
#include "tests/tap.h"

int
main(void)
{
	struct cloud_endpoints	c;
	struct err	e;
	char		url[128];

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
	is_str(c.scope, "https://127.0.0.1:8443/.default", "scope follows the "
	    "endpoint");
	is_str(c.resource, "https://127.0.0.1:8443/", "v1 resource too");
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
	return tap_done();
}
