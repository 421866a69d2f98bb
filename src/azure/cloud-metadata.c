/*
 * A custom Resource Manager endpoint's audience from its metadata document
 * (cloud-metadata.h), kept in the cache directory.
 */
#include "config.h"
#include "azure/cloud-metadata.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "azure/cachefile.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/err.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"

#define METADATA_QUERY	"/metadata/endpoints?api-version=2015-01-01"
#define METADATA_FILE	"endpoints.json"
#define METADATA_KEEP	16		/* endpoints remembered */
#define METADATA_TTL	(7 * 86400)	/* seconds an answer is kept */
#define METADATA_VERSION 2

/* $XDG_CACHE_HOME/akswiz (or ~/.cache/akswiz), or NULL. */
static char *
cache_dir(void)
{
	char		buf[1024];
	struct err	err;

	err_clear(&err);
	return xdgdir_path(XDGDIR_CACHE, NULL, buf, sizeof buf, &err) ?
	    xstrdup(buf) : NULL;
}

/*
 * The remembered endpoints (an array, new), or an empty one.  A file that
 * is not one this version writes, or that others may write (an audience
 * decides what a token is asked for), is said through say and ignored:
 * it is asked for again and written anew.
 */
static json_object *
metadata_load(const char *path, void (*say)(void *, const char *),
    void *ctx)
{
	enum cachefile_state	 st;
	json_object		*arr;
	char			 msg[512];

	arr = cachefile_load(path, METADATA_VERSION, "endpoints", &st);
	if (cachefile_problem(st, path, msg, sizeof msg) != NULL &&
	    say != NULL)
		say(ctx, msg);
	return arr;
}

/*
 * The audience remembered for endpoint into aud ("": the cloud's), when
 * it was asked for less than METADATA_TTL ago.
 */
static bool
metadata_cached(json_object *arr, const char *endpoint, char *aud,
    size_t len)
{
	json_object	*o, *v, *t;
	time_t		 now = clock_now();
	int64_t		 when;
	size_t		 i;

	for (i = 0; i < json_object_array_length(arr); i++) {
		o = json_object_array_get_idx(arr, i);
		if (!json_object_object_get_ex(o, "endpoint", &v) ||
		    !json_object_is_type(v, json_type_string) ||
		    strcmp(json_object_get_string(v), endpoint) != 0)
			continue;
		if (!json_object_object_get_ex(o, "checked", &t) ||
		    !json_object_is_type(t, json_type_int))
			return false;
		when = json_object_get_int64(t);
		if (when > (int64_t)now || (int64_t)now - when >= METADATA_TTL)
			return false;	/* stale, or from the future */
		return json_object_object_get_ex(o, "audience", &v) &&
		    json_object_is_type(v, json_type_string) &&
		    strlcpy_ok(aud, json_object_get_string(v), len);
	}
	return false;
}

/* Remember endpoint's audience, newest first, written atomically. */
static void
metadata_store(const char *dir, json_object *arr, const char *endpoint,
    const char *aud)
{
	json_object	*keep, *o, *v;
	size_t		 i;

	keep = json_object_new_array();
	o = json_object_new_object();
	json_object_object_add(o, "endpoint", json_object_new_string(endpoint));
	json_object_object_add(o, "audience", json_object_new_string(aud));
	json_object_object_add(o, "checked",
	    json_object_new_int64((int64_t)clock_now()));
	json_object_array_add(keep, o);
	for (i = 0; i < json_object_array_length(arr) &&
	    json_object_array_length(keep) < METADATA_KEEP; i++) {
		o = json_object_array_get_idx(arr, i);
		/* the endpoint's older answer goes */
		if (json_object_object_get_ex(o, "endpoint", &v) &&
		    json_object_is_type(v, json_type_string) &&
		    strcmp(json_object_get_string(v), endpoint) == 0)
			continue;
		json_object_array_add(keep, json_object_get(o));
	}
	cachefile_store(dir, METADATA_FILE, METADATA_VERSION, "endpoints",
	    keep);
	json_object_put(keep);
}

/* The first audience of a metadata document ("" when it names none). */
static void
metadata_audience(const char *body, char *aud, size_t len)
{
	json_object	*o = json_tokener_parse(body), *a, *v;

	*aud = '\0';
	if (o != NULL && json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, "authentication", &a) &&
	    json_object_object_get_ex(a, "audiences", &v) &&
	    json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0 &&
	    json_object_is_type(json_object_array_get_idx(v, 0),
	    json_type_string) &&
	    !strlcpy_ok(aud, json_object_get_string(
	    json_object_array_get_idx(v, 0)), len))
		*aud = '\0';
	if (o != NULL)
		json_object_put(o);
}

void
cloud_discover_audience(struct cloud_endpoints *c, struct http_client *http,
    void (*say)(void *, const char *), void *say_ctx)
{
	struct http_request	 req;
	struct http_response	 rsp;
	struct err		 err;
	json_object		*arr;
	char			*dir, *path, *url, aud[300];

	if (!c->discover || (dir = cache_dir()) == NULL)
		return;
	xasprintf(&path, "%s/" METADATA_FILE, dir);
	arr = metadata_load(path, say, say_ctx);
	if (!metadata_cached(arr, c->arm_endpoint, aud, sizeof aud)) {
		xasprintf(&url, "%s" METADATA_QUERY, c->arm_endpoint);
		memset(&req, 0, sizeof req);
		req.method = "GET";
		req.url = url;
		/* not worth the whole retry budget: the cloud's audience
		   serves meanwhile */
		req.max_attempts = 3;
		http_response_init(&rsp);
		err_clear(&err);
		if (!http_call(http, &req, &rsp, &err)) {
			/* unreachable: the cloud's audience, asked again later */
			aud[0] = '\0';
		} else {
			if (rsp.status == 200)
				metadata_audience(buf_str(&rsp.body), aud,
				    sizeof aud);
			else
				aud[0] = '\0';
			/* an answer, even "none here", is kept */
			metadata_store(dir, arr, c->arm_endpoint, aud);
		}
		http_response_done(&rsp);
		free(url);
	}
	if (aud[0] != '\0')
		(void)cloud_set_audience(c, aud, NULL);
	c->discover = false;
	json_object_put(arr);
	free(path);
	free(dir);
}
