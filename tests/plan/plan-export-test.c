/*
 * Exports against expected text: each fixture plan in tests/plan/data/
 * has NAME.az, NAME.python and NAME.arm beside it.  Also the ARM builder
 * with real PEM text, as the backend calls it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "core/plan.h"
#include "plan/plan-arm.h"
#include "plan/plan-export.h"
#include "plan/plan-json.h"
#include "plan/plan-jw.h"
#include "tests/tap.h"

#ifndef PLAN_TEST_DATA
#define PLAN_TEST_DATA "tests/plan/data"
#endif

static const char *const fixtures[] = {
	"create-full", "create-min", "attach-ilb", "attach-tls", "detach",
	"update", "create-k8s", "scale", "detach-k8s",
	"attach-k8s",
};

static char *
slurp(const char *name, const char *ext)
{
	const char	*dir = getenv("PLAN_TEST_DATA");
	char		 path[1024], *s;
	FILE		*fp;
	long		 n;

	snprintf(path, sizeof path, "%s/%s.%s", dir != NULL ? dir :
	    PLAN_TEST_DATA, name, ext);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = calloc(1, (size_t)n + 1);
	if (fread(s, 1, (size_t)n, fp) != (size_t)n)
		s[0] = '\0';
	fclose(fp);
	return s;
}

static void
test_exports(void)
{
	static const struct {
		const char		*ext;
		enum plan_export_kind	 kind;
	} kinds[] = {
		{ "az", PLAN_EXPORT_AZ }, { "python", PLAN_EXPORT_PYTHON },
		{ "arm", PLAN_EXPORT_ARM },
	};
	struct plan	 p;
	struct err	 err;
	char		*text, *want, *got;
	size_t		 i, k;

	for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		text = slurp(fixtures[i], "json");
		if (!ok(text != NULL && plan_json_parse(text, strlen(text),
		    &p, &err), "%s parses", fixtures[i])) {
			free(text);
			continue;
		}
		free(text);
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			want = slurp(fixtures[i], kinds[k].ext);
			got = plan_export(&p, kinds[k].kind);
			is_str(got, want, "%s --as %s", fixtures[i],
			    kinds[k].ext);
			free(want);
			free(got);
		}
	}
}

/* The backend's call: real PEM text in, escaped into the body. */
static void
test_arm_secrets(void)
{
	struct plan		 p;
	struct plan_arm_opts	 o = {
		.location = "eastus",
		.cert_pem = "-----BEGIN CERTIFICATE-----\nMIIB\n"
		    "-----END CERTIFICATE-----\n",
		.key_pem = "-----BEGIN PRIVATE KEY-----\nMIIE\n"
		    "-----END PRIVATE KEY-----\n",
	};
	char			*body, *path;

	plan_init(&p, PLAN_ATTACH);
	strcpy(p.name, "my aks/1");
	strcpy(p.cluster_id, "/subscriptions/s/resourceGroups/g/providers/"
	    "Microsoft.ContainerService/managedClusters/c");
	p.tls.mode = TLS_CUSTOM;
	strcpy(p.tls.cert_file, "c.pem");
	strcpy(p.tls.key_file, "k.pem");
	strcpy(p.tls.cname, "www.contoso.com");
	body = plan_arm_body(&p, &o);
	is_str(body, "{\n"
	    "  \"location\": \"eastus\",\n"
	    "  \"properties\": {\n"
	    "    \"computeType\": \"AKS\",\n"
	    "    \"resourceId\": \"/subscriptions/s/resourceGroups/g/providers/"
	    "Microsoft.ContainerService/managedClusters/c\",\n"
	    "    \"properties\": {\n"
	    "      \"clusterPurpose\": \"FastProd\",\n"
	    "      \"sslConfiguration\": {\n"
	    "        \"status\": \"Enabled\",\n"
	    "        \"cert\": \"-----BEGIN CERTIFICATE-----\\nMIIB\\n"
	    "-----END CERTIFICATE-----\\n\",\n"
	    "        \"key\": \"-----BEGIN PRIVATE KEY-----\\nMIIE\\n"
	    "-----END PRIVATE KEY-----\\n\",\n"
	    "        \"cname\": \"www.contoso.com\"\n"
	    "      }\n"
	    "    }\n"
	    "  }\n"
	    "}\n", "attach body with PEM text, JSON-escaped");
	plan_jw_free_secret(body);
	ok(!plan_arm_needs_update(&p), "public attach needs no second step");

	path = plan_arm_path(&p);
	is_str(path, "/subscriptions/{subscriptionId}/resourceGroups/"
	    "{resourceGroupName}/providers/Microsoft.MachineLearningServices/"
	    "workspaces/{workspaceName}/computes/my%20aks%2F1"
	    "?api-version=2024-04-01", "path: placeholders, name encoded");
	free(path);

	plan_init(&p, PLAN_DETACH);
	strcpy(p.name, "x");
	ok(plan_arm_body(&p, &o) == NULL, "detach has no body");
	is_str(plan_arm_method(&p), "DELETE", "detach is a DELETE");
}

int
main(void)
{
	test_exports();
	test_arm_secrets();
	return tap_done();
}
