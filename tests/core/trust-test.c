/* core/trust.c: what --readonly refuses, where the ARM token may go. */
#include "config.h"

#include "core/trust.h"
#include "tests/tap.h"

#define ARM	"https://management.azure.com"
#define CMP	ARM "/subscriptions/s/resourceGroups/g/providers/" \
		"Microsoft.MachineLearningServices/workspaces/w/computes/c"
#define AKS	ARM "/subscriptions/s/resourceGroups/g/providers/" \
		"Microsoft.ContainerService/managedClusters/k"

static const struct {
	const char	*method, *url;
	bool		 writes;
	const char	*why;
} writes[] = {
	{ "GET", CMP "?api-version=2024-04-01", false, "GET reads" },
	{ "get", CMP, false, "methods without case" },
	{ "HEAD", CMP, false, "HEAD reads" },
	{ "PUT", CMP "?api-version=2024-04-01", true, "PUT writes" },
	{ "PATCH", CMP, true, "PATCH writes" },
	{ "DELETE", CMP "?underlyingResourceAction=Detach", true,
	    "DELETE writes" },
	{ "POST", CMP "/listKeys?api-version=2024-04-01", false,
	    "listKeys reads" },
	{ "POST", CMP "/listNodes", false, "listNodes reads" },
	{ "POST", "https://management.azure.com/subscriptions/s/resourceGroups/"
	    "g/providers/Microsoft.MachineLearningServices/workspaces/w/"
	    "onlineEndpoints/e/deployments/d/getLogs?api-version=2024-10-01",
	    false, "an online deployment's getLogs reads" },
	{ "POST", AKS "/listClusterUserCredential?api-version=2024-09-01",
	    false, "listClusterUserCredential reads" },
	{ "POST", AKS "/listclusteradmincredential", false,
	    "action names without case" },
	{ "POST", CMP "/restart?api-version=2024-04-01", true,
	    "restart writes" },
	{ "POST", CMP "/stop", true, "stop writes" },
	{ "POST", AKS "/rotateClusterCertificates", true,
	    "an AKS action that changes the cluster writes" },
	{ "POST", CMP "/start?x=listKeys", true,
	    "a read action in the query does not count" },
	{ "POST", CMP "/myListKeys", true, "only the whole segment counts" },
	{ "POST", "https://login.microsoftonline.com/t/oauth2/v2.0/token",
	    false, "the token endpoint" },
	{ "POST", "https://login.microsoftonline.com/t/oauth2/v2.0/devicecode",
	    false, "the device-code endpoint" },
	{ "POST", "https://127.0.0.1:8443/t/oauth2/token", false,
	    "the v1 token endpoint" },
	{ "POST", ARM "/providers/Microsoft.Resources/deployments/x", true,
	    "any other POST writes" },
	{ "POST", "not a url", true, "a POST to no URL writes" },
	{ "MKCOL", CMP, true, "an unknown method writes" },
	{ NULL, CMP, true, "no method writes" },
};

static const struct {
	const char	*url, *endpoint;
	bool		 same;
	const char	*why;
} origins[] = {
	{ CMP, ARM, true, "the configured endpoint" },
	{ "https://MANAGEMENT.Azure.com/x", ARM, true, "host without case" },
	{ "https://management.azure.com:443/x", ARM, true,
	    "the default port spelt out" },
	{ "https://management.azure.com:8443/x", ARM, false, "another port" },
	{ "http://management.azure.com/x", ARM, false, "plain http" },
	{ "https://evil.example/x", ARM, false, "another host" },
	{ "https://management.azure.com.evil.example/x", ARM, false,
	    "a host that only starts the same" },
	{ "https://management.azure.com@evil.example/x", ARM, false,
	    "user info naming the endpoint" },
	{ "https://evil.example\\@management.azure.com/x", ARM, false,
	    "a backslash in the authority" },
	{ "https://127.0.0.1:4443/x?y", "https://127.0.0.1:4443", true,
	    "loopback with a port" },
	{ "https://localhost:4443/x", "https://127.0.0.1:4443", false,
	    "an alias is another host" },
	{ "https://127.0.0.2:4443/x", "https://127.0.0.1:4443", false,
	    "another loopback address" },
	{ "https://[::1]:4443/x", "https://[::1]:4443/", true, "IPv6" },
	{ "/relative/path", ARM, false, "a relative URL" },
	{ CMP, NULL, false, "no endpoint" },
	{ CMP, "", false, "an empty endpoint" },
};

static const struct {
	const char	*url, *host;
} hosts[] = {
	{ CMP, "management.azure.com" },
	{ "https://user:pw@127.0.0.2:8443/a?b", "127.0.0.2:8443" },
	{ "https://[::1]:8443/", "[::1]:8443" },
	{ "nothing", "" },
};

int
main(void)
{
	char	buf[128];
	size_t	i;

	for (i = 0; i < sizeof writes / sizeof writes[0]; i++)
		ok(trust_request_writes(writes[i].method, writes[i].url) ==
		    writes[i].writes, "%s: %s", writes[i].writes ? "writes" :
		    "reads", writes[i].why);
	for (i = 0; i < sizeof origins / sizeof origins[0]; i++)
		ok(trust_same_origin(origins[i].url, origins[i].endpoint) ==
		    origins[i].same, "%s: %s", origins[i].same ? "same" :
		    "other", origins[i].why);
	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
		is_str(trust_url_host(hosts[i].url, buf, sizeof buf),
		    hosts[i].host, "host of %s", hosts[i].url);
	return tap_done();
}
