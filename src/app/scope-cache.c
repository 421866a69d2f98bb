/*
 * The workspace check cached (scope-cache.h).
 */
#include "config.h"
#include "app/scope-cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "app/session.h"
#include "azure/arm.h"
#include "azure/auth.h"
#include "azure/cachefile.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"

#define SCOPE_FILE	"scopes.json"
#define SCOPE_TTL	86400		/* seconds a workspace check is kept */
#define SCOPE_KEEP	32		/* workspaces remembered */
#define SCOPE_VERSION	1

/* Who asks, where and about what: the members an entry must match. */
struct scope_key {
	const char	*name[6];
	char		 tenant[64], object[256];
};

static const char *const key_names[6] = {
	"endpoint", "tenant", "objectId", "subscription", "resourceGroup",
	"workspace"
};

/* The entries of the cache file (new), or none; what is wrong is said. */
static json_object *
load(struct session *s, const char *path)
{
	enum cachefile_state	 st;
	json_object		*arr;
	char			 msg[512];

	arr = cachefile_load(path, SCOPE_VERSION, "workspaces", &st);
	if (cachefile_problem(st, path, msg, sizeof msg) != NULL)
		session_warning(s, msg);
	return arr;
}

/* Whether entry o is the key's. */
static bool
matches(json_object *o, const struct scope_key *k)
{
	json_object	*v;
	size_t		 i;

	for (i = 0; i < 6; i++)
		if (!json_object_object_get_ex(o, key_names[i], &v) ||
		    !json_object_is_type(v, json_type_string) ||
		    strcmp(json_object_get_string(v), k->name[i]) != 0)
			return false;
	return true;
}

/* The region of a fresh entry of the key into buf. */
static bool
cached(json_object *arr, const struct scope_key *k, char *buf, size_t len)
{
	json_object	*o, *t, *v;
	int64_t		 when, now = (int64_t)clock_now();
	size_t		 i;

	for (i = 0; i < json_object_array_length(arr); i++) {
		o = json_object_array_get_idx(arr, i);
		if (!matches(o, k))
			continue;
		if (!json_object_object_get_ex(o, "checked", &t) ||
		    !json_object_is_type(t, json_type_int) ||
		    !json_object_object_get_ex(o, "location", &v) ||
		    !json_object_is_type(v, json_type_string))
			return false;
		when = json_object_get_int64(t);
		if (when > now || now - when >= SCOPE_TTL)
			return false;	/* stale, or from the future */
		return strlcpy_ok(buf, json_object_get_string(v), len);
	}
	return false;
}

/* Keep the key's region, newest first, written atomically. */
static void
store(const char *dir, json_object *arr, const struct scope_key *k,
    const char *region)
{
	json_object	*keep, *o;
	size_t		 i;

	keep = json_object_new_array();
	o = json_object_new_object();
	for (i = 0; i < 6; i++)
		json_object_object_add(o, key_names[i],
		    json_object_new_string(k->name[i]));
	json_object_object_add(o, "location", json_object_new_string(region));
	json_object_object_add(o, "checked",
	    json_object_new_int64((int64_t)clock_now()));
	json_object_array_add(keep, o);
	for (i = 0; i < json_object_array_length(arr) &&
	    json_object_array_length(keep) < SCOPE_KEEP; i++) {
		o = json_object_array_get_idx(arr, i);
		if (!matches(o, k))
			json_object_array_add(keep, json_object_get(o));
	}
	cachefile_store(dir, SCOPE_FILE, SCOPE_VERSION, "workspaces", keep);
	json_object_put(keep);
}

bool
scope_cache_region(struct session *s, char *buf, size_t len,
    struct err *err)
{
	struct auth_account	 acc;
	struct arm_workspace	 ws = { 0 };
	struct scope_key	 k;
	json_object		*arr = NULL;
	char			 dir[1024], *path = NULL;
	bool			 ok, use;
	struct err		 e;

	err_clear(&e);
	/* Who is signed in; without an identity nothing is cached. */
	use = session_auth(s) != NULL && auth_account(session_auth(s), &acc,
	    &e) && acc.tenant[0] != '\0' && (acc.object_id[0] != '\0' ||
	    acc.client_id[0] != '\0') &&
	    xdgdir_path(XDGDIR_CACHE, NULL, dir, sizeof dir, &e);
	if (use) {
		k.name[0] = s->arm_endpoint;
		k.name[1] = acc.tenant;
		k.name[2] = acc.object_id[0] != '\0' ? acc.object_id :
		    acc.client_id;
		k.name[3] = s->subscription;
		k.name[4] = s->resource_group;
		k.name[5] = s->workspace;
		xasprintf(&path, "%s/" SCOPE_FILE, dir);
		arr = load(s, path);
		if (cached(arr, &k, buf, len)) {
			json_object_put(arr);
			free(path);
			return true;
		}
	}
	ok = arm_get_workspace(&s->arm, s->subscription, s->resource_group,
	    s->workspace, &ws, err);
	if (ok) {
		(void)strlcpy_ok(buf, ws.location != NULL ? ws.location : "",
		    len);
		if (use && *buf != '\0')
			store(dir, arr, &k, buf);
	}
	arm_workspace_done(&ws);
	json_object_put(arr);
	free(path);
	return ok;
}
