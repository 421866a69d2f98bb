/*
 * Small readers of JSON members, and the world file's arrays that the
 * today's-path resources keep (extensions, cluster operations), shared by
 * arm-k8s.c, arm-clusters.c and arm-providers.c.
 */
#include "config.h"

#include <json-c/json.h>

#include "sandbox/arm.h"

const char *
arm_jstr(struct json_object *o, const char *key)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

struct json_object *
arm_jobj(struct json_object *o, const char *key)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

int64_t
arm_jint(struct json_object *o, const char *key, int64_t def)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return def;
	return json_object_get_int64(v);
}

struct json_object *
arm_world_array(struct sb_world *w, const char *key)
{
	struct json_object	*a;

	if (json_object_object_get_ex(w->root, key, &a) &&
	    json_object_is_type(a, json_type_array))
		return a;
	a = json_object_new_array();
	json_object_object_add(w->root, key, a);
	return a;
}
