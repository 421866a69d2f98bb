/*
 * A registry environment read and copied into the workspace (registry.h).
 *
 * How azure-ai-ml reads a registry environment (Azure/azure-sdk-for-python,
 * sdk/ml/azure-ai-ml/azure/ai/ml/), and what akswiz does:
 *  1. The registry discovery: _utils/_registry_utils.py (RegistryDiscovery,
 *     get_registry_client) GETs {discovery}/registrymanagement/v1.0/
 *     registries/{name}/discovery; the reply (RegistryDiscoveryDto in
 *     swagger/machinelearningservices/resource-manager/Microsoft.
 *     MachineLearningServices/preview/registry-discovery/
 *     registry-discovery.json) gives primaryRegionResourceProviderUri,
 *     subscriptionId and resourceGroup (also registryName, tenantId,
 *     primaryRegion, regions, workspaceName).  azure-ai-ml's {discovery} is
 *     the cloud's REGISTRY_DISCOVERY_ENDPOINT (_azure_environments.py:
 *     https://eastus.api.azureml.ms/ for AzureCloud).  akswiz takes the
 *     "api" of the workspace's discovery document instead (GET the
 *     workspace's properties.discoveryUrl, https://{region}.api.azureml.ms/
 *     discovery on Azure; its "api" member as azureml-core's service
 *     discovery reads it), so that it follows the workspace's cloud and
 *     region and builds no host name; that every region's api host answers
 *     the registry discovery is UNCONFIRMED.
 *  2. The registry's own calls go to {primaryRegionResourceProviderUri}
 *     mferp/managementfrontend (MFE_PATH_PREFIX) + /subscriptions/{s}/
 *     resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/
 *     registries/{r}/environments/{name}/versions/{version}, with the
 *     2021-10-01-dataplanepreview client (_ml_client.py gives
 *     EnvironmentOperations that client for a registry) and the same ARM
 *     token (the credential with the management scope).  akswiz's ARM
 *     token goes to Resource Manager only (http.h); these requests let it
 *     go to the origin the discovery named (https only): the api host of
 *     the workspace's discovery document for the registry discovery, the
 *     registry's primaryRegionResourceProviderUri for its versions.
 *  3. The "latest" label: operations/_environment_operations.py
 *     (_managed_label_resolver) -> _utils/_asset_utils.py _get_latest():
 *     the versions listed with $orderBy=createdtime desc and $top=1 (the
 *     most recently created, not updated).  No other label is resolved.
 *  4. A version's properties are those of a workspace environment version
 *     (image, condaFile as text, inferenceConfig, osType); they are copied
 *     into the workspace under the registry's name and version by
 *     assets_copy_environment() (assets.h), the registry's id in the
 *     description.  That the service takes the short AzureML-NAME@latest as
 *     the azureml registry's NAME is core's rule (deploy_registry_env_parse)
 *     and UNCONFIRMED beyond the docs' use of both spellings (E.5); names
 *     starting "AzureML" are curated ones, so the copy keeps the registry's
 *     name.
 */
#include "config.h"
#include "azure/registry.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "azure/arm.h"
#include "azure/armerror.h"
#include "azure/assets.h"
#include "azure/http.h"
#include "azure/json-at.h"
#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan-deploy-check.h"

#define REGISTRY_API	"2021-10-01-dataplanepreview"
#define MFE_PREFIX	"mferp/managementfrontend"

/* "/" and s percent-encoded as one path segment onto b. */
static void
add_seg(struct buf *b, const char *s)
{
	buf_adds(b, "/");
	arm_path_segment(b, s);
}

/*
 * GET url (taken) and parse its JSON; 404 -> *o NULL with *missing.  The
 * ARM token goes with it when token is set, to Resource Manager or to
 * origin, a URL learnt from Resource Manager's answers (the ARM token goes
 * nowhere else, http.h).
 */
static int
get_json(struct arm *a, char *url, bool token, const char *origin,
    json_object **o, bool *missing, struct err *err)
{
	struct http_request	req;
	struct http_response	rsp;
	int			rc = -1;

	*o = NULL;
	if (missing != NULL)
		*missing = false;
	memset(&req, 0, sizeof req);
	req.method = "GET";
	req.url = url;
	req.auth = token ? a->auth : NULL;
	req.token_origin = origin;
	a->requests++;
	http_response_init(&rsp);
	if (http_call(a->http, &req, &rsp, err)) {
		if (rsp.status == 200) {
			if ((*o = json_tokener_parse(buf_str(&rsp.body))) !=
			    NULL)
				rc = 0;
			else
				err_set(err, ERR_PARSE, _("the service's "
				    "answer is not valid JSON"));
		} else if (rsp.status == 404 && missing != NULL) {
			*missing = true;
			rc = 0;
		} else
			arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	}
	http_response_done(&rsp);
	free(url);
	return rc;
}

/* Whether url, named by a discovery, is https: else -1 + err. */
static int
https_only(const char *url, struct err *err)
{
	if (strncasecmp(url, "https://", 8) == 0)
		return 0;
	/* TRANSLATORS: %s is a URL a discovery document named. */
	return err_set(err, ERR_SERVICE, _("the discovery named %s, which is "
	    "not https: the Azure token is not sent there"), url) ? 0 : -1;
}

/* GET url (taken, get_json()): a copy of the string at path (json-at.h),
 * *out NULL if none. */
static int
get_string(struct arm *a, char *url, bool token, const char *path,
    char **out, struct err *err)
{
	json_object	*o;

	*out = NULL;
	if (get_json(a, url, token, NULL, &o, NULL, err) != 0)
		return -1;
	*out = json_at_dup(o, path);
	json_object_put(o);
	return 0;
}

/* url without its trailing slashes. */
static void
chop_slash(char *url)
{
	size_t	n = strlen(url);

	while (n > 0 && url[n - 1] == '/')
		url[--n] = '\0';
}

/*
 * The registry's environment versions URL, .../environments/{name}/
 * versions, into b: the workspace's discoveryUrl, its document's "api",
 * the registry discovery there.
 */
static int
registry_base(struct arm *a, const char *ws_id,
    const struct deploy_registry_ref *r, struct buf *b, bool *gone,
    struct err *err)
{
	json_object	*o;
	char		*u, *disc, *api = NULL, *rp = NULL, *sub = NULL;
	char		*rg = NULL;
	bool		 missing;
	int		 rc = -1;

	xasprintf(&u, "%s%s?api-version=%s", a->endpoint, ws_id, ARM_API_ML);
	if (get_string(a, u, true, "properties.discoveryUrl", &disc, err) != 0)
		return -1;
	if (disc == NULL)
		return err_set(err, ERR_SERVICE, _("the workspace has no "
		    "discoveryUrl")) ? 0 : -1;
	/* The document itself without a token (UNCONFIRMED that Azure
	 * asks none; the sandbox does not). */
	if (get_string(a, disc, false, "api", &api, err) != 0)
		return -1;
	if (api == NULL)
		return err_set(err, ERR_SERVICE, _("the workspace's discovery "
		    "document has no \"api\"")) ? 0 : -1;
	if (https_only(api, err) != 0) {
		free(api);
		return -1;
	}
	chop_slash(api);
	buf_init(b, 0);
	buf_adds(b, api);
	buf_adds(b, "/registrymanagement/v1.0/registries");
	add_seg(b, r->registry);
	buf_adds(b, "/discovery");
	rc = get_json(a, buf_take(b), true, api, &o, &missing, err);
	free(api);
	if (rc != 0)
		return -1;
	rc = -1;
	if (missing) {
		*gone = true;
		/* TRANSLATORS: %s is a registry's name, such as azureml. */
		return err_set(err, ERR_SERVICE, _("there is no registry %s"),
		    r->registry) ? 0 : -1;
	}
	rp = json_at_dup(o, "primaryRegionResourceProviderUri");
	sub = json_at_dup(o, "subscriptionId");
	rg = json_at_dup(o, "resourceGroup");
	json_object_put(o);
	if (rp == NULL || sub == NULL || rg == NULL)
		err_set(err, ERR_SERVICE, _("the discovery of registry %s "
		    "gave no resource provider, subscription or resource "
		    "group"), r->registry);
	else if (https_only(rp, err) == 0) {
		chop_slash(rp);
		buf_init(b, 0);
		buf_adds(b, rp);
		buf_adds(b, "/" MFE_PREFIX "/subscriptions");
		add_seg(b, sub);
		buf_adds(b, "/resourceGroups");
		add_seg(b, rg);
		buf_adds(b, "/providers/Microsoft.MachineLearningServices/"
		    "registries");
		add_seg(b, r->registry);
		buf_adds(b, "/environments");
		add_seg(b, r->name);
		buf_adds(b, "/versions");
		rc = 0;
	}
	free(rp);
	free(sub);
	free(rg);
	return rc;
}

/* registry_env_read(); *gone when the registry or the version is not
 * there (as against a refusal or a network failure). */
static int
read_env(struct arm *a, const char *ws_id, const char *ref,
    struct registry_env *e, bool *gone, struct err *err)
{
	struct deploy_registry_ref	 r;
	struct buf			 b;
	json_object			*o, *v = NULL, *ic;
	char				*u;
	bool				 missing;

	memset(e, 0, sizeof *e);
	*gone = false;
	if (!deploy_registry_env_parse(ref, &r))
		/* TRANSLATORS: %s is the reference as given. */
		return err_set(err, ERR_USAGE, _("\"%s\" is not a registry "
		    "environment: give azureml://registries/REGISTRY/"
		    "environments/NAME/versions/VERSION, .../labels/latest or "
		    "AzureML-NAME@latest"), ref) ? 0 : -1;
	if (registry_base(a, ws_id, &r, &b, gone, err) != 0)
		return -1;
	if (r.version[0] != '\0') {
		add_seg(&b, r.version);
		buf_adds(&b, "?api-version=" REGISTRY_API);
	} else	/* the latest label: the most recently created */
		buf_adds(&b, "?api-version=" REGISTRY_API
		    "&$orderBy=createdtime%20desc&$top=1");
	/* On the registry's resource provider (its discovery's origin). */
	u = buf_take(&b);
	if (get_json(a, u, true, u, &o, &missing, err) != 0)
		return -1;
	if (o != NULL && r.version[0] == '\0' &&
	    json_object_object_get_ex(o, "value", &v) &&
	    json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0)
		v = json_object_array_get_idx(v, 0);
	else if (o != NULL && r.version[0] != '\0')
		v = o;
	else
		v = NULL;
	if (v != NULL) {
		e->version = json_at_dup(v, "name");
		e->image = json_at_dup(v, "properties.image");
		e->conda = json_at_dup(v, "properties.condaFile");
		if (json_object_object_get_ex(v, "properties", &ic) &&
		    json_object_object_get_ex(ic, "inferenceConfig", &ic) &&
		    json_object_is_type(ic, json_type_object))
			e->inference = xstrdup(json_object_to_json_string_ext(
			    ic, JSON_C_TO_STRING_PLAIN |
			    JSON_C_TO_STRING_NOSLASHESCAPE));
	}
	json_object_put(o);
	if (v == NULL || e->version == NULL) {
		registry_env_done(e);
		*gone = true;
		/* TRANSLATORS: "registry azureml has no environment
		 * sklearn-1.5 version 99" (or "version latest"). */
		return err_set(err, ERR_SERVICE, _("registry %s has no "
		    "environment %s version %s"), r.registry, r.name,
		    r.version[0] != '\0' ? r.version : r.label) ? 0 : -1;
	}
	if (e->image == NULL) {
		registry_env_done(e);
		return err_set(err, ERR_SERVICE, _("environment %s:%s of "
		    "registry %s has no image (one built from a Docker "
		    "context cannot be copied)"), r.name, r.version[0] !=
		    '\0' ? r.version : r.label, r.registry) ? 0 : -1;
	}
	e->registry = xstrdup(r.registry);
	e->name = xstrdup(r.name);
	xasprintf(&e->source, "azureml://registries/%s/environments/%s/"
	    "versions/%s", e->registry, e->name, e->version);
	return 0;
}

int
registry_env_read(struct arm *a, const char *ws_id, const char *ref,
    struct registry_env *e, struct err *err)
{
	bool	gone;

	return read_env(a, ws_id, ref, e, &gone, err);
}

void
registry_env_exists(struct arm *a, const char *ws_id, const char *ref,
    bool *known, bool *exists)
{
	struct registry_env	e;
	struct err		err;
	bool			gone;

	err_clear(&err);
	*exists = read_env(a, ws_id, ref, &e, &gone, &err) == 0;
	*known = *exists || gone;
	registry_env_done(&e);
}

void
registry_env_done(struct registry_env *e)
{
	free(e->registry);
	free(e->name);
	free(e->version);
	free(e->image);
	free(e->conda);
	free(e->inference);
	free(e->source);
	memset(e, 0, sizeof *e);
}

int
registry_env_copy(struct arm *a, const char *ws_id, const char *ref,
    struct registry_copy *c, struct err *err)
{
	char	*desc;
	int	 rc;

	memset(c, 0, sizeof *c);
	if (registry_env_read(a, ws_id, ref, &c->env, err) != 0)
		return -1;
	/* Not translated: stored in the workspace, read by anyone. */
	xasprintf(&desc, "Copied by akswiz from %s", c->env.source);
	rc = assets_copy_environment(a, ws_id, c->env.name, c->env.version,
	    c->env.image, c->env.conda, c->env.inference, desc, &c->id,
	    &c->sent, err);
	free(desc);
	if (rc != 0)
		registry_copy_done(c);
	return rc;
}

void
registry_copy_done(struct registry_copy *c)
{
	registry_env_done(&c->env);
	free(c->id);
	memset(c, 0, sizeof *c);
}
