/*
 * The azureml registry inside the sandbox: its curated environments, read
 * as azure-ai-ml reads a registry environment (issue 13, "Register";
 * kubernetes-path.md E.5).
 *
 * How azure-ai-ml reads one (Azure/azure-sdk-for-python,
 * sdk/ml/azure-ai-ml/azure/ai/ml/):
 *  - _utils/_registry_utils.py (RegistryDiscovery, get_registry_client):
 *    GET {discovery}/registrymanagement/v1.0/registries/{name}/discovery,
 *    whose reply (swagger/.../preview/registry-discovery/
 *    registry-discovery.json, RegistryDiscoveryDto) carries registryName,
 *    tenantId, primaryRegion, regions, subscriptionId, resourceGroup,
 *    workspaceName and primaryRegionResourceProviderUri; the registry's
 *    calls then go to {primaryRegionResourceProviderUri}mferp/
 *    managementfrontend with the reply's subscription and group.
 *  - {discovery} is, in azure-ai-ml, the cloud's REGISTRY_DISCOVERY_ENDPOINT
 *    (_azure_environments.py: "https://eastus.api.azureml.ms/" for
 *    AzureCloud, https://{cloud}{region}.api.ml.azure.{suffix}/ for clouds
 *    read from ARM's metadata), not the workspace's discoveryUrl.  akswiz
 *    takes the "api" of the workspace's discovery document instead (same
 *    api.azureml.ms service, the workspace's region); that the registry
 *    discovery answers on every region's api host is UNCONFIRMED.
 *  - _ml_client.py: registry environments use the 2021-10-01-
 *    dataplanepreview client; operations/_environment_operations.py _get():
 *    GET .../registries/{r}/environments/{name}/versions/{version}; the
 *    "latest" label (_managed_label_resolver, _utils/_asset_utils.py
 *    _get_latest) lists .../environments/{name}/versions with $orderBy
 *    "createdtime desc" and $top 1 (latest = the most recently created).
 *  - A version's properties are the workspace EnvironmentVersion's
 *    (image, condaFile as text, inferenceConfig, osType, description,
 *    tags); its "id" in a registry is azureml://registries/{r}/
 *    environments/{name}/versions/{v} (as az ml environment show prints
 *    it; the dataplane reply's exact id is UNCONFIRMED).
 *
 * The sandbox serves the workspace's discovery document, the registry
 * discovery and the registry's routes itself (as it does scoring URIs and
 * the blob store), under another name than Resource Manager's, as Azure's
 * {region}.api.azureml.ms is another origin than management.azure.com:
 * https://localhost:PORT when Resource Manager is https://127.0.0.1:PORT
 * (the sandbox's certificate names both).  The workspace's discoveryUrl is
 * that base + /discovery, the document's "api" and the registry's
 * primaryRegionResourceProviderUri that base (with a slash).  A client
 * follows them as Azure gives them, and must let the ARM token go there.  The discovery document's keys
 * (api, history, experimentation, modelmanagement, pipelines, ...) are
 * azureml-core's service discovery (_base_sdk_common/service_discovery.py);
 * that the document needs no token is UNCONFIRMED (the sandbox asks none).
 * The registry's calls take the ARM token; an unknown registry,
 * environment or version is 404 with the ARM envelope (code "UserError"
 * and the texts are the sandbox's own placeholders).  The registry's
 * subscription and resource group are the sandbox's own.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/xalloc.h"
#include "sandbox/sandbox.h"

#define DISCOVERY	"/discovery"
#define REG_DISCOVERY	"/registrymanagement/v1.0/registries/"
#define MFE		"/mferp/managementfrontend/subscriptions/"
#define REG_SUB		"7a1c0de5-0000-4000-8000-00000000a2e1"
#define REG_GROUP	"registry-builtin-prod-eastus-01"
#define REG_TENANT	"33e01921-4d64-4f8c-a055-5bdaffd5e33d"

static const char SKLEARN_CONDA[] =
    "name: sklearn-1.5\n"
    "channels:\n"
    "  - conda-forge\n"
    "dependencies:\n"
    "  - python=3.10\n"
    "  - pip\n"
    "  - pip:\n"
    "    - azureml-inference-server-http\n"
    "    - scikit-learn==1.5.1\n"
    "    - joblib\n";

/* The curated environments, oldest first in each name. */
static const struct curated {
	const char	*name, *version, *image, *conda, *created;
	bool		 inference;	/* an inferenceConfig */
} curated[] = {
	{ "sklearn-1.5", "27",
	    "mcr.microsoft.com/azureml/curated/sklearn-1.5:27",
	    SKLEARN_CONDA, "2025-06-02T10:00:00Z", false },
	{ "sklearn-1.5", "28",
	    "mcr.microsoft.com/azureml/curated/sklearn-1.5:28",
	    SKLEARN_CONDA, "2025-09-15T10:00:00Z", false },
	{ "minimal-py312-inference", "12",
	    "mcr.microsoft.com/azureml/curated/minimal-py312-inference:12",
	    NULL, "2025-08-20T10:00:00Z", true },
};
#define NCURATED	(sizeof curated / sizeof curated[0])

static const char *const apis[] = {
	"2021-10-01-dataplanepreview", "2023-04-01", "2023-04-01-preview",
	"2023-10-01", "2024-04-01", "2024-10-01", "2025-09-01",
};

static json_object *
route(const char *path, int port)
{
	json_object	*o = json_object_new_object();

	json_object_object_add(o, "path", json_object_new_string(path));
	json_object_object_add(o, "port", json_object_new_int(port));
	return o;
}

static json_object *
version_json(const char *reg, const struct curated *e)
{
	json_object	*o = json_object_new_object(), *p, *s, *ic;
	char		 id[512];

	snprintf(id, sizeof id, "azureml://registries/%s/environments/%s/"
	    "versions/%s", reg, e->name, e->version);
	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "name", json_object_new_string(e->version));
	json_object_object_add(o, "type",
	    json_object_new_string("environments"));
	p = json_object_new_object();
	json_object_object_add(p, "description", json_object_new_string(
	    "A curated environment of the azureml registry (sandbox)."));
	json_object_object_add(p, "tags", json_object_new_object());
	json_object_object_add(p, "properties", json_object_new_object());
	json_object_object_add(p, "isAnonymous", json_object_new_boolean(0));
	json_object_object_add(p, "isArchived", json_object_new_boolean(0));
	json_object_object_add(p, "image", json_object_new_string(e->image));
	if (e->conda != NULL)
		json_object_object_add(p, "condaFile",
		    json_object_new_string(e->conda));
	json_object_object_add(p, "osType", json_object_new_string("Linux"));
	if (e->inference) {
		ic = json_object_new_object();
		json_object_object_add(ic, "livenessRoute",
		    route("/", 5001));
		json_object_object_add(ic, "readinessRoute",
		    route("/", 5001));
		json_object_object_add(ic, "scoringRoute",
		    route("/score", 5001));
		json_object_object_add(p, "inferenceConfig", ic);
	}
	json_object_object_add(o, "properties", p);
	s = json_object_new_object();
	json_object_object_add(s, "createdAt",
	    json_object_new_string(e->created));
	json_object_object_add(s, "createdBy",
	    json_object_new_string("azureml"));
	json_object_object_add(s, "createdByType",
	    json_object_new_string("Application"));
	json_object_object_add(o, "systemData", s);
	return o;
}

void
registry_api_base(const struct sandbox *sb, char *buf, size_t len)
{
	static const char	loop[] = "https://127.0.0.1:";

	if (strncmp(sb->endpoint, loop, strlen(loop)) == 0)
		snprintf(buf, len, "https://localhost:%s",
		    sb->endpoint + strlen(loop));
	else
		snprintf(buf, len, "%s", sb->endpoint);
}

/* The workspace's discovery document: every service on the ML host. */
static void
discovery_doc(struct sandbox *sb, struct sb_response *resp)
{
	static const char *const keys[] = { "api", "catalog",
	    "experimentation", "gallery", "history", "hyperdrive",
	    "labeling", "modelmanagement", "pipelines", "studiointeraction" };
	json_object	*o = json_object_new_object();
	char		 base[300];
	size_t		 i;

	registry_api_base(sb, base, sizeof base);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		json_object_object_add(o, keys[i],
		    json_object_new_string(base));
	sb_resp_json(resp, 200, o);
}

/* GET .../registries/{name}/discovery */
static void
registry_discovery(struct sandbox *sb, const char *rest,
    struct sb_response *resp)
{
	json_object	*o, *a;
	char		 name[128], uri[300];
	size_t		 i, n = strcspn(rest, "/");

	if (n == 0 || n >= sizeof name || strcmp(rest + n, "/discovery") != 0) {
		sb_resp_arm_error(resp, 404, "NotFound", "No route for this "
		    "path.");	/* placeholder */
		return;
	}
	memcpy(name, rest, n);
	name[n] = '\0';
	if (strcasecmp(name, "azureml") != 0) {
		sb_resp_arm_error(resp, 404, "UserError", "Registry %s was "
		    "not found.", name);	/* placeholder */
		return;
	}
	registry_api_base(sb, uri, sizeof uri - 1);
	strcat(uri, "/");
	{
		const char *const kv[][2] = {
			{ "registryName", "azureml" },
			{ "tenantId", REG_TENANT },
			{ "primaryRegion", "eastus" },
			{ "subscriptionId", REG_SUB },
			{ "resourceGroup", REG_GROUP },
			{ "primaryRegionResourceProviderUri", uri },
		};

		o = json_object_new_object();
		for (i = 0; i < sizeof kv / sizeof kv[0]; i++)
			json_object_object_add(o, kv[i][0],
			    json_object_new_string(kv[i][1]));
	}
	a = json_object_new_array();
	json_object_array_add(a, json_object_new_string("eastus"));
	json_object_object_add(o, "regions", a);
	json_object_object_add(o, "workspaceName", NULL);
	sb_resp_json(resp, 200, o);
}

static bool
api_ok(const struct sb_request *req, struct sb_response *resp)
{
	const char	*api = sb_req_query(req, "api-version");
	size_t		 i;

	if (api == NULL || *api == '\0') {
		sb_resp_arm_error(resp, 400, "MissingApiVersionParameter",
		    "The api-version query parameter (?api-version=) is "
		    "required for all requests.");
		return false;
	}
	for (i = 0; i < sizeof apis / sizeof apis[0]; i++)
		if (strcmp(api, apis[i]) == 0)
			return true;
	sb_resp_arm_error(resp, 400, "InvalidApiVersionParameter", "The "
	    "api-version '%.40s' is invalid.", api);
	return false;
}

/*
 * {sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/
 * registries/{r}/environments/{name}/versions[/{v}]
 */
static void
registry_env(const struct sb_request *req, const char *rest,
    struct sb_response *resp)
{
	char		*path = xstrdup(rest), *save, *t, *p[16];
	const char	*name, *ver = NULL, *q;
	json_object	*o, *a;
	size_t		 i;
	int		 n = 0, last = -1, top = -1;
	bool		 asc = false;

	for (t = strtok_r(path, "/", &save); t != NULL && n < 16;
	    t = strtok_r(NULL, "/", &save))
		p[n++] = t;
	if (n < 10 || n > 11 || strcasecmp(p[1], "resourceGroups") != 0 ||
	    strcasecmp(p[3], "providers") != 0 ||
	    strcasecmp(p[4], "Microsoft.MachineLearningServices") != 0 ||
	    strcasecmp(p[5], "registries") != 0 ||
	    strcasecmp(p[7], "environments") != 0 ||
	    strcasecmp(p[9], "versions") != 0) {
		sb_resp_arm_error(resp, 404, "NotFound", "No route for this "
		    "path.");	/* placeholder */
		goto out;
	}
	if (strcmp(req->method, "GET") != 0) {
		sb_resp_method_not_allowed(resp, req);
		goto out;
	}
	if (!api_ok(req, resp))
		goto out;
	if (strcasecmp(p[0], REG_SUB) != 0 || strcasecmp(p[2], REG_GROUP) !=
	    0 || strcasecmp(p[6], "azureml") != 0) {
		sb_resp_arm_error(resp, 404, "UserError", "Registry %.100s "
		    "was not found.", p[6]);	/* placeholder */
		goto out;
	}
	name = p[8];
	if (n == 11)
		ver = p[10];
	if (ver == NULL) {	/* the list: newest first */
		if ((q = sb_req_query(req, "$orderBy")) != NULL &&
		    strcasecmp(q, "createdtime asc") == 0)
			asc = true;
		if ((q = sb_req_query(req, "$top")) != NULL)
			top = atoi(q);
		a = json_object_new_array();
		for (i = 0; i < NCURATED; i++) {
			size_t k = asc ? i : NCURATED - 1 - i;

			if (top >= 0 && (int)json_object_array_length(a) >=
			    top)
				break;
			if (strcasecmp(curated[k].name, name) == 0)
				json_object_array_add(a,
				    version_json("azureml", &curated[k]));
		}
		o = json_object_new_object();
		json_object_object_add(o, "value", a);
		sb_resp_json(resp, 200, o);
		goto out;
	}
	for (i = 0; i < NCURATED; i++)
		if (strcasecmp(curated[i].name, name) == 0 &&
		    strcmp(curated[i].version, ver) == 0)
			last = (int)i;
	if (last < 0) {
		sb_resp_arm_error(resp, 404, "UserError", "Environment "
		    "%.100s:%.40s was not found in registry azureml.", name,
		    ver);	/* placeholder */
		goto out;
	}
	sb_resp_json(resp, 200, version_json("azureml", &curated[last]));
out:
	free(path);
}

bool
registry_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	const char	*path = req->path != NULL ? req->path : "";

	if (strcmp(path, DISCOVERY) == 0) {
		if (strcmp(req->method, "GET") != 0)
			sb_resp_method_not_allowed(resp, req);
		else
			discovery_doc(sb, resp);
		return true;
	}
	if (strncmp(path, REG_DISCOVERY, strlen(REG_DISCOVERY)) == 0) {
		if (aad_check_bearer(sb, req, resp))
			registry_discovery(sb, path + strlen(REG_DISCOVERY),
			    resp);
		return true;
	}
	if (strncasecmp(path, MFE, strlen(MFE)) == 0) {
		if (aad_check_bearer(sb, req, resp))
			registry_env(req, path + strlen(MFE), resp);
		return true;
	}
	return false;
}
