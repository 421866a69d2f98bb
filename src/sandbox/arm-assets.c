/*
 * A workspace's assets and its default datastore (Microsoft.
 * MachineLearningServices, kubernetes-path.md E and F.5; the published
 * mfe.json of each api-version), under a workspace:
 *
 *   .../workspaces/{ws}/models|codes|environments[/{name}[/versions
 *       [/{version}[/startPendingUpload]]]]
 *   .../workspaces/{ws}/datastores[/{name}[/listSecrets]]
 *
 * Containers: GET, list, PUT (description, tags), DELETE (with their
 * versions).  Versions: PUT (201 new, 200 the same again), GET, DELETE,
 * list newest first ($orderBy "createdtime asc" turns it, $top cuts it;
 * codes also by content hash, ?hash=, whatever the name, as azure-ai-ml's
 * lookup asks).  A version's path (modelUri, codeUri, an environment's
 * image and condaFile) never changes: the service's "(UserError) Asset
 * paths cannot be updated." (kubernetes-path.md E.4).  modelType takes
 * both spellings (CustomModel, custom_model, ...).  The other refusals'
 * texts are the sandbox's own (placeholders, akswiz-sandbox(1)).
 *
 * The asset routes are in the same mfe.json as online endpoints, so they
 * take the same api-versions (the onlineEndpoints rows of
 * data/api-versions.tsv); startPendingUpload only from 2023-04-01 (and
 * 2023-04-01-preview) on, 404 before, as the route is absent there.
 *
 * The default datastore, workspaceblobstore, is an AzureBlob datastore on
 * the workspace's storage account (blob.c), its "endpoint" the sandbox's
 * own host:port (an Azure one says "core.windows.net": the account URL a
 * client builds from it is https://{endpoint}/{account}, the emulator
 * convention); listSecrets gives its account key.  startPendingUpload
 * makes a fresh container on that account and answers a container SAS
 * for it, valid for a day.
 *
 * Saved with the world: "assetContainers" [{"workspaceId", "kind",
 * "resource", "next"}], "assetVersions" [{"workspaceId", "kind",
 * "container", "resource", "hash", "createdMs"}]; kind models, codes or
 * environments.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/clock.h"
#include "core/assets.h"
#include "sandbox/arm.h"
#include "sandbox/blob.h"

#define ASSET_PATHS	"Asset paths cannot be updated."
#define SAS_SECONDS	(24 * 3600)
#define DEFAULT_STORE	"workspaceblobstore"

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

/* The asset kind of a path segment ("models"...), or NULL. */
static const char *
asset_kind(const char *seg)
{
	static const char *const kinds[] = { "models", "codes",
	    "environments" };
	size_t	i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (same(seg, kinds[i]))
			return kinds[i];
	return NULL;
}

bool
arm_assets_path(const char *seg)
{
	return asset_kind(seg) != NULL || same(seg, "datastores");
}

static void
ws_id(struct sb_workspace *ws, char *buf, size_t len)
{
	snprintf(buf, len, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.MachineLearningServices/workspaces/%s", ws->sub,
	    ws->group, ws->name);
}

/* A 400 with the sandbox's own text (placeholder). */
static void
invalid(struct arm_ctx *c, const char *msg)
{
	sb_resp_arm_error(c->resp, 400, "UserError", "%s", msg);
}

/* Whether an entry is of the workspace and the asset kind. */
static bool
of(struct json_object *e, const char *wsid, const char *kind)
{
	return same(arm_jstr(e, "workspaceId"), wsid) &&
	    same(arm_jstr(e, "kind"), kind);
}

/* The container (live) of kind and name in the workspace. */
static struct json_object *
find_container(struct arm_ctx *c, const char *wsid, const char *kind,
    const char *name)
{
	struct json_object	*a = arm_world_array(c->w, "assetContainers"),
				*e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (of(e, wsid, kind) &&
		    same(arm_jstr(arm_jobj(e, "resource"), "name"), name))
			return e;
	}
	return NULL;
}

static struct json_object *
find_version(struct arm_ctx *c, const char *wsid, const char *kind,
    const char *name, const char *version, size_t *at)
{
	struct json_object	*a = arm_world_array(c->w, "assetVersions"),
				*e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (of(e, wsid, kind) && same(arm_jstr(e, "container"), name) &&
		    strcmp(arm_jstr(arm_jobj(e, "resource"), "name") != NULL ?
		    arm_jstr(arm_jobj(e, "resource"), "name") : "", version) == 0) {
			if (at != NULL)
				*at = i;
			return e;
		}
	}
	return NULL;
}

bool
arm_asset_exists(struct sb_world *w, const char *id)
{
	struct json_object	*a = arm_world_array(w, "assetVersions"), *e;
	size_t			 i, n;

	n = strlen(id);
	if (n > 0 && id[n - 1] == '/')
		n--;
	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (arm_jstr(arm_jobj(e, "resource"), "id") != NULL &&
		    strlen(arm_jstr(arm_jobj(e, "resource"), "id")) == n &&
		    strncasecmp(arm_jstr(arm_jobj(e, "resource"), "id"), id, n) == 0)
			return true;
	}
	return false;
}

/* A new resource {"id", "name", "type"}. */
static struct json_object *
resource_new(const char *id, const char *name, const char *type)
{
	struct json_object	*res = json_object_new_object();

	json_object_object_add(res, "id", json_object_new_string(id));
	json_object_object_add(res, "name", json_object_new_string(name));
	json_object_object_add(res, "type", json_object_new_string(type));
	return res;
}

/* The container of a new version, made when missing. */
static struct json_object *
container_for(struct arm_ctx *c, const char *wsid, const char *kind,
    const char *name)
{
	struct json_object	*e, *res, *p;
	char			 id[SB_TEXT * 2], type[SB_NAME];

	if ((e = find_container(c, wsid, kind, name)) != NULL)
		return e;
	snprintf(id, sizeof id, "%s/%s/%s", wsid, kind, name);
	snprintf(type, sizeof type,
	    "Microsoft.MachineLearningServices/workspaces/%s", kind);
	res = resource_new(id, name, type);
	p = json_object_new_object();
	json_object_object_add(p, "description", NULL);
	json_object_object_add(p, "tags", json_object_new_object());
	json_object_object_add(p, "properties", json_object_new_object());
	json_object_object_add(p, "isArchived", json_object_new_boolean(false));
	json_object_object_add(p, "provisioningState",
	    json_object_new_string("Succeeded"));
	json_object_object_add(res, "properties", p);
	arm_system_data(c, res, NULL);
	e = json_object_new_object();
	json_object_object_add(e, "workspaceId", json_object_new_string(wsid));
	json_object_object_add(e, "kind", json_object_new_string(kind));
	json_object_object_add(e, "resource", res);
	json_object_array_add(arm_world_array(c->w, "assetContainers"), e);
	c->w->dirty = true;
	return e;
}

/* latestVersion and nextVersion of a container, from its versions. */
static void
container_versions(struct arm_ctx *c, struct json_object *e)
{
	struct json_object	*a = arm_world_array(c->w, "assetVersions"), *v;
	struct json_object	*p = arm_jobj(arm_jobj(e, "resource"), "properties");
	const char		*latest = NULL;
	int64_t			 when = -1;
	long			 top = 0, n;
	char			*end, buf[32];
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		v = json_object_array_get_idx(a, i);
		if (!same(arm_jstr(v, "workspaceId"), arm_jstr(e, "workspaceId")) ||
		    !same(arm_jstr(v, "kind"), arm_jstr(e, "kind")) ||
		    !same(arm_jstr(v, "container"), arm_jstr(arm_jobj(e, "resource"),
		    "name")))
			continue;
		if (arm_jint(v, "createdMs", 0) >= when) {
			when = arm_jint(v, "createdMs", 0);
			latest = arm_jstr(arm_jobj(v, "resource"), "name");
		}
		n = strtol(arm_jstr(arm_jobj(v, "resource"), "name"), &end, 10);
		if (*end == '\0' && n > top)
			top = n;
	}
	if (p == NULL)
		return;
	json_object_object_add(p, "latestVersion", latest != NULL ?
	    json_object_new_string(latest) : NULL);
	snprintf(buf, sizeof buf, "%ld", top + 1);
	json_object_object_add(p, "nextVersion", json_object_new_string(buf));
}

/* Answer {"value": value} (taken). */
static void
list_reply(struct arm_ctx *c, struct json_object *value)
{
	struct json_object	*o = json_object_new_object();

	json_object_object_add(o, "value", value);
	arm_json(c, 200, o);
}

static int
by_created(const void *a, const void *b)
{
	int64_t	x = arm_jint(*(struct json_object *const *)a, "createdMs", 0);
	int64_t	y = arm_jint(*(struct json_object *const *)b, "createdMs", 0);

	return x < y ? 1 : x > y ? -1 : 0;
}

/* GET .../{kind}/{name}/versions (name NULL: every name, by ?hash=). */
static void
list_versions(struct arm_ctx *c, const char *wsid, const char *kind,
    const char *name)
{
	struct json_object	*a = arm_world_array(c->w, "assetVersions"), *v;
	struct json_object	**pick, *list;
	const char		*q;
	char			 hash[SB_TEXT] = "", order[64] = "";
	size_t			 i, n = 0, len = json_object_array_length(a);
	long			 top = -1;

	/* ?hash= (codes): every name's versions of that content. */
	if ((q = sb_req_query(c->req, "hash")) != NULL && *q != '\0') {
		snprintf(hash, sizeof hash, "%s", q);
		name = NULL;
	}
	if ((q = sb_req_query(c->req, "$orderBy")) != NULL)
		snprintf(order, sizeof order, "%s", q);
	if ((q = sb_req_query(c->req, "$top")) != NULL)
		top = strtol(q, NULL, 10);
	pick = calloc(len + 1, sizeof *pick);
	if (pick == NULL)
		abort();
	for (i = 0; i < len; i++) {
		v = json_object_array_get_idx(a, i);
		if (!of(v, wsid, kind) ||
		    (name != NULL && !same(arm_jstr(v, "container"), name)) ||
		    (hash[0] != '\0' && !same(arm_jstr(v, "hash"), hash)))
			continue;
		pick[n++] = v;
	}
	if (n > 0)
		qsort(pick, n, sizeof *pick, by_created);
	list = json_object_new_array();
	for (i = 0; i < n && (top < 0 || (long)i < top); i++) {
		v = pick[strcasestr(order, "asc") != NULL ? n - 1 - i : i];
		json_object_array_add(list,
		    json_object_get(arm_jobj(v, "resource")));
	}
	free(pick);
	list_reply(c, list);
}

/*
 * Whether the api-version has the first shape of assets, 2021-03-01-
 * preview's: a model or code is a datastoreId and a path, an environment
 * a docker specification (its examples ModelVersion, CodeVersion,
 * EnvironmentSpecificationVersion/createOrUpdate.json); no modelType,
 * osType or provisioningState.  From 2022-02-01-preview on: modelUri,
 * codeUri, image.
 */
static bool
first_shape(const char *api)
{
	return api != NULL && strcmp(api, "2022-02-01-preview") < 0;
}

static const char *
text(struct json_object *p, const char *key)
{
	return arm_jstr(p, key) != NULL ? arm_jstr(p, key) : "";
}

/* The path members of a version of kind, as one string to compare. */
static void
paths_of(const char *kind, struct json_object *p, char *buf, size_t len)
{
	if (arm_jstr(p, "path") != NULL)	/* the first shape */
		snprintf(buf, len, "%s\n%s", text(p, "datastoreId"),
		    text(p, "path"));
	else if (arm_jobj(p, "docker") != NULL)
		snprintf(buf, len, "%s\n%s", json_object_to_json_string(
		    arm_jobj(p, "docker")), text(p, "condaFile"));
	else if (strcmp(kind, "models") == 0)
		snprintf(buf, len, "%s", text(p, "modelUri"));
	else if (strcmp(kind, "codes") == 0)
		snprintf(buf, len, "%s", text(p, "codeUri"));
	else
		snprintf(buf, len, "%s\n%s", text(p, "image"),
		    text(p, "condaFile"));
}

/* The checks of a version's properties; false with the 400 sent. */
static bool
version_ok(struct arm_ctx *c, const char *kind, struct json_object *p)
{
	if (first_shape(c->api)) {
		if (strcmp(kind, "environments") == 0 ?
		    arm_jobj(p, "docker") == NULL : arm_jstr(p, "path") == NULL) {
			invalid(c, strcmp(kind, "environments") == 0 ?
			    "An environment version needs docker." :
			    "A version needs path (and datastoreId).");
			return false;
		}
		return true;
	}
	if (strcmp(kind, "models") == 0) {
		if (arm_jstr(p, "modelUri") == NULL) {
			invalid(c, "A model version needs modelUri.");
			return false;
		}
		if (arm_jstr(p, "modelType") != NULL &&
		    asset_model_type_rest(arm_jstr(p, "modelType")) == NULL) {
			invalid(c, "modelType must be CustomModel, MLFlowModel "
			    "or TritonModel.");
			return false;
		}
	} else if (strcmp(kind, "codes") == 0) {
		if (arm_jstr(p, "codeUri") == NULL) {
			invalid(c, "A code version needs codeUri.");
			return false;
		}
	} else if (arm_jstr(p, "image") == NULL && arm_jobj(p, "build") == NULL) {
		invalid(c, "An environment version needs an image or a "
		    "build.");
		return false;
	} else if (arm_jstr(p, "osType") != NULL && !same(arm_jstr(p, "osType"),
	    "Linux") && !same(arm_jstr(p, "osType"), "Windows")) {
		invalid(c, "osType must be Linux or Windows.");
		return false;
	}
	return true;
}

/* PUT .../{kind}/{name}/versions/{version}. */
static void
put_version(struct arm_ctx *c, const char *wsid, const char *kind,
    const char *name, const char *version)
{
	struct json_object	*body = json_tokener_parse(c->req->body);
	struct json_object	*p = arm_jobj(body, "properties"), *e, *old, *res;
	struct json_object	*np = NULL, *cont;
	char			 id[SB_TEXT * 2], type[SB_NAME];
	char			 a[SB_TEXT * 2], b[SB_TEXT * 2];
	const char		*h;

	if (!asset_name_valid(name) || !asset_name_valid(version)) {
		invalid(c, "An asset's name and version start with a letter "
		    "or digit and hold only letters, digits, '-', '_' and "
		    "'.'.");
		goto out;
	}
	if (p == NULL) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: properties is "
		    "required.");
		goto out;
	}
	if (!version_ok(c, kind, p))
		goto out;
	e = find_version(c, wsid, kind, name, version, NULL);
	old = arm_jobj(e, "resource");
	if (e != NULL) {
		paths_of(kind, arm_jobj(old, "properties"), a, sizeof a);
		paths_of(kind, p, b, sizeof b);
		if (strcmp(a, b) != 0) {
			/* kubernetes-path.md E.4, the service's words. */
			sb_resp_arm_error(c->resp, 400, "UserError", "%s",
			    ASSET_PATHS);
			goto out;
		}
	}
	cont = container_for(c, wsid, kind, name);
	snprintf(id, sizeof id, "%s/%s/%s/versions/%s", wsid, kind,
	    arm_jstr(arm_jobj(cont, "resource"), "name"), version);
	snprintf(type, sizeof type,
	    "Microsoft.MachineLearningServices/workspaces/%s/versions", kind);
	res = resource_new(id, version, type);
	json_object_deep_copy(p, &np, NULL);
	if (arm_jobj(np, "tags") == NULL)
		json_object_object_add(np, "tags", json_object_new_object());
	if (arm_jobj(np, "properties") == NULL)
		json_object_object_add(np, "properties",
		    json_object_new_object());
	if (!json_object_object_get_ex(np, "isAnonymous", NULL))
		json_object_object_add(np, "isAnonymous",
		    json_object_new_boolean(false));
	if (first_shape(c->api))
		goto shaped;
	if (!json_object_object_get_ex(np, "isArchived", NULL))
		json_object_object_add(np, "isArchived",
		    json_object_new_boolean(false));
	if (strcmp(kind, "environments") == 0) {
		if (arm_jstr(np, "osType") == NULL)
			json_object_object_add(np, "osType",
			    json_object_new_string("Linux"));
		json_object_object_add(np, "environmentType",
		    json_object_new_string("UserCreated"));
	}
	if (strcmp(kind, "models") == 0 && arm_jstr(np, "modelType") == NULL)
		json_object_object_add(np, "modelType",
		    json_object_new_string("CustomModel"));
	json_object_object_add(np, "provisioningState",
	    json_object_new_string("Succeeded"));
shaped:
	json_object_object_add(res, "properties", np);
	arm_system_data(c, res, old);
	if (e == NULL) {
		e = json_object_new_object();
		json_object_object_add(e, "workspaceId",
		    json_object_new_string(wsid));
		json_object_object_add(e, "kind", json_object_new_string(kind));
		json_object_object_add(e, "container", json_object_new_string(
		    arm_jstr(arm_jobj(cont, "resource"), "name")));
		json_object_object_add(e, "createdMs",
		    json_object_new_int64((int64_t)c->now_ms));
		json_object_array_add(arm_world_array(c->w, "assetVersions"),
		    e);
	}
	/* azure-ai-ml keeps the content hash in the version's properties. */
	h = arm_jstr(arm_jobj(np, "properties"), "azureml.contentHash");
	if (h == NULL)
		h = arm_jstr(arm_jobj(np, "properties"), "contentHash");
	if (h == NULL)
		h = arm_jstr(arm_jobj(np, "properties"), "hash_sha256");
	json_object_object_add(e, "hash", h != NULL ?
	    json_object_new_string(h) : NULL);
	json_object_object_add(e, "resource", res);
	container_versions(c, cont);
	c->w->dirty = true;
	arm_json(c, old == NULL ? 201 : 200, json_object_get(res));
out:
	json_object_put(body);
}

/* The workspace's blob store account (made on first use). */
static struct json_object *
ws_account(struct arm_ctx *c, struct sb_workspace *ws)
{
	char	name[32];

	blob_account_name(ws->name, name, sizeof name);
	return blob_account(c->sb, name);
}

static void
datastore_json_add(struct arm_ctx *c, struct sb_workspace *ws,
    struct json_object *list)
{
	struct json_object	*res, *p, *cr, *s;
	struct json_object	*acct = ws_account(c, ws);
	char			 id[SB_TEXT * 2], host[SB_TEXT];

	ws_id(ws, host, sizeof host);
	snprintf(id, sizeof id, "%s/datastores/" DEFAULT_STORE, host);
	res = resource_new(id, DEFAULT_STORE,
	    "Microsoft.MachineLearningServices/workspaces/datastores");
	p = json_object_new_object();
	json_object_object_add(p, "description", NULL);
	json_object_object_add(p, "tags", json_object_new_object());
	json_object_object_add(p, "properties", NULL);
	json_object_object_add(p, "isDefault", json_object_new_boolean(true));
	cr = json_object_new_object();
	json_object_object_add(cr, "credentialsType",
	    json_object_new_string("AccountKey"));
	s = json_object_new_object();
	json_object_object_add(s, "secretsType",
	    json_object_new_string("AccountKey"));
	json_object_object_add(cr, "secrets", s);
	json_object_object_add(p, "credentials", cr);
	json_object_object_add(p, "datastoreType",
	    json_object_new_string("AzureBlob"));
	json_object_object_add(p, "accountName",
	    json_object_new_string(arm_jstr(acct, "name")));
	json_object_object_add(p, "containerName",
	    json_object_new_string(arm_jstr(acct, "defaultContainer")));
	snprintf(host, sizeof host, "%s", c->sb->endpoint);
	json_object_object_add(p, "endpoint", json_object_new_string(
	    strstr(host, "://") != NULL ? strstr(host, "://") + 3 : host));
	json_object_object_add(p, "protocol", json_object_new_string("https"));
	json_object_object_add(p, "serviceDataAccessAuthIdentity",
	    json_object_new_string("None"));
	json_object_object_add(res, "properties", p);
	arm_system_data(c, res, NULL);
	json_object_array_add(list, res);
}

static void
datastores(struct arm_ctx *c, struct sb_workspace *ws)
{
	struct json_object	*list = json_object_new_array(), *o;
	const char		*m = c->req->method;

	datastore_json_add(c, ws, list);
	if (c->nseg == 3) {
		if (strcmp(m, "GET") != 0)
			goto method;
		list_reply(c, list);
		return;
	}
	if (!same(c->seg[3], DEFAULT_STORE)) {
		json_object_put(list);
		arm_not_found(c, "Microsoft.MachineLearningServices/"
		    "workspaces/datastores", c->seg[3]);
		return;
	}
	if (c->nseg == 4 && strcmp(m, "GET") == 0) {
		arm_json(c, 200, json_object_get(json_object_array_get_idx(
		    list, 0)));
		json_object_put(list);
		return;
	}
	if (c->nseg == 5 && same(c->seg[4], "listSecrets") &&
	    strcmp(m, "POST") == 0) {
		json_object_put(list);
		o = json_object_new_object();
		json_object_object_add(o, "secretsType",
		    json_object_new_string("AccountKey"));
		json_object_object_add(o, "key", json_object_new_string(
		    arm_jstr(ws_account(c, ws), "key")));
		arm_json(c, 200, o);
		return;
	}
method:
	json_object_put(list);
	sb_resp_method_not_allowed(c->resp, c->req);
}

/* POST .../codes/{name}/versions/{version}/startPendingUpload. */
static void
start_pending_upload(struct arm_ctx *c, struct sb_workspace *ws)
{
	struct json_object	*body = json_tokener_parse(c->req->body);
	struct json_object	*acct = ws_account(c, ws), *o, *br, *cr;
	char			 cont[SB_ID], pid[SB_ID], sas[1024];
	char			 url[SB_TEXT * 4], arm_id[SB_TEXT];
	const char		*type = arm_jstr(body, "pendingUploadType");

	if (type != NULL && !same(type, "None") &&
	    !same(type, "TemporaryBlobReference")) {
		json_object_put(body);
		invalid(c, "pendingUploadType must be None or "
		    "TemporaryBlobReference.");
		return;
	}
	world_guid(c->w, pid, sizeof pid);
	if (arm_jstr(body, "pendingUploadId") != NULL)
		snprintf(pid, sizeof pid, "%s", arm_jstr(body, "pendingUploadId"));
	/* Azure names these containers with a GUID of their own. */
	world_guid(c->w, cont, sizeof cont);
	blob_container_make(c->sb, arm_jstr(acct, "name"), cont);
	snprintf(url, sizeof url, "%s/%s/%s", c->sb->endpoint,
	    arm_jstr(acct, "name"), cont);
	blob_container_sas(c->sb, arm_jstr(acct, "name"), cont, "racwdl",
	    c->now_ms / 1000 + SAS_SECONDS, sas, sizeof sas);
	snprintf(arm_id, sizeof arm_id, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.Storage/storageAccounts/%s", ws->sub,
	    ws->group, arm_jstr(acct, "name"));
	o = json_object_new_object();
	br = json_object_new_object();
	json_object_object_add(br, "blobUri", json_object_new_string(url));
	json_object_object_add(br, "storageAccountArmId",
	    json_object_new_string(arm_id));
	cr = json_object_new_object();
	json_object_object_add(cr, "credentialType",
	    json_object_new_string("SAS"));
	snprintf(url + strlen(url), sizeof url - strlen(url), "?%s", sas);
	json_object_object_add(cr, "sasUri", json_object_new_string(url));
	json_object_object_add(br, "credential", cr);
	json_object_object_add(o, "blobReferenceForConsumption", br);
	json_object_object_add(o, "pendingUploadId",
	    json_object_new_string(pid));
	json_object_object_add(o, "pendingUploadType", json_object_new_string(
	    type != NULL ? type : "None"));
	json_object_put(body);
	arm_json(c, 200, o);
}

static void
delete_versions(struct arm_ctx *c, const char *wsid, const char *kind,
    const char *name, const char *version)
{
	struct json_object	*a = arm_world_array(c->w, "assetVersions"), *e;
	size_t			 i = json_object_array_length(a);

	while (i-- > 0) {
		e = json_object_array_get_idx(a, i);
		if (of(e, wsid, kind) && same(arm_jstr(e, "container"), name) &&
		    (version == NULL ||
		    strcmp(arm_jstr(arm_jobj(e, "resource"), "name"), version) == 0))
			json_object_array_del_idx(a, i, 1);
	}
	c->w->dirty = true;
}

void
arm_assets(struct arm_ctx *c, struct sb_workspace *ws)
{
	const char		*m = c->req->method, *kind;
	struct json_object	*a, *e, *list, *body, *p;
	char			 wsid[SB_TEXT], type[SB_NAME];
	size_t			 i;

	if (same(c->seg[2], "datastores")) {
		datastores(c, ws);
		return;
	}
	kind = asset_kind(c->seg[2]);
	ws_id(ws, wsid, sizeof wsid);
	snprintf(type, sizeof type,
	    "Microsoft.MachineLearningServices/workspaces/%s", kind);
	if (c->nseg == 3) {
		if (strcmp(m, "GET") != 0)
			goto method;
		a = arm_world_array(c->w, "assetContainers");
		list = json_object_new_array();
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (of(e, wsid, kind))
				json_object_array_add(list,
				    json_object_get(arm_jobj(e, "resource")));
		}
		list_reply(c, list);
		return;
	}
	e = find_container(c, wsid, kind, c->seg[3]);
	if (c->nseg == 4) {
		if (strcmp(m, "PUT") == 0) {
			if (!asset_name_valid(c->seg[3])) {
				invalid(c, "An asset's name starts with a "
				    "letter or digit and holds only letters, "
				    "digits, '-', '_' and '.'.");
				return;
			}
			body = json_tokener_parse(c->req->body);
			p = arm_jobj(body, "properties");
			if (e == NULL)
				e = container_for(c, wsid, kind, c->seg[3]);
			if (arm_jstr(p, "description") != NULL)
				json_object_object_add(arm_jobj(arm_jobj(e, "resource"),
				    "properties"), "description",
				    json_object_new_string(arm_jstr(p,
				    "description")));
			if (arm_jobj(p, "tags") != NULL)
				json_object_object_add(arm_jobj(arm_jobj(e, "resource"),
				    "properties"), "tags",
				    json_object_get(arm_jobj(p, "tags")));
			json_object_put(body);
			container_versions(c, e);
			c->w->dirty = true;
			arm_json(c, 200, json_object_get(arm_jobj(e, "resource")));
			return;
		}
		if (e == NULL) {
			if (strcmp(m, "DELETE") == 0)
				c->resp->status = 204;
			else
				arm_not_found(c, type, c->seg[3]);
			return;
		}
		if (strcmp(m, "GET") == 0) {
			container_versions(c, e);
			arm_json(c, 200, json_object_get(arm_jobj(e, "resource")));
		} else if (strcmp(m, "DELETE") == 0) {
			delete_versions(c, wsid, kind, c->seg[3], NULL);
			a = arm_world_array(c->w, "assetContainers");
			for (i = 0; i < json_object_array_length(a); i++)
				if (json_object_array_get_idx(a, i) == e) {
					json_object_array_del_idx(a, i, 1);
					break;
				}
			c->resp->status = 200;
		} else
			goto method;
		return;
	}
	if (!same(c->seg[4], "versions"))
		goto notfound;
	if (c->nseg == 5) {
		if (strcmp(m, "GET") != 0)
			goto method;
		list_versions(c, wsid, kind, c->seg[3]);
		return;
	}
	if (c->nseg == 6) {
		if (strcmp(m, "PUT") == 0) {
			put_version(c, wsid, kind, c->seg[3], c->seg[5]);
			return;
		}
		e = find_version(c, wsid, kind, c->seg[3], c->seg[5], &i);
		if (strcmp(m, "GET") == 0) {
			if (e == NULL)
				arm_not_found(c, type, c->seg[3]);
			else
				arm_json(c, 200,
				    json_object_get(arm_jobj(e, "resource")));
		} else if (strcmp(m, "DELETE") == 0) {
			if (e == NULL) {
				c->resp->status = 204;
				return;
			}
			delete_versions(c, wsid, kind, c->seg[3], c->seg[5]);
			if ((e = find_container(c, wsid, kind, c->seg[3]))
			    != NULL)
				container_versions(c, e);
			c->resp->status = 200;
		} else
			goto method;
		return;
	}
	if (c->nseg == 7 && same(c->seg[6], "startPendingUpload") &&
	    strcmp(kind, "codes") == 0 && asset_api_has_pending_upload(c->api)) {
		if (strcmp(m, "POST") != 0)
			goto method;
		start_pending_upload(c, ws);
		return;
	}
notfound:
	sb_resp_no_resource_type(c->resp, c->req);
	return;
method:
	sb_resp_method_not_allowed(c->resp, c->req);
}
