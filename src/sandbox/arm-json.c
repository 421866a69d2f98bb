/*
 * Small readers of JSON members, the world file's arrays that the
 * today's-path resources keep (extensions, cluster operations, online
 * endpoints), and their long-running operations, shared by arm-k8s.c,
 * arm-clusters.c, arm-providers.c and arm-endpoints.c.
 */
#include "config.h"

#include <string.h>

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

struct json_object *
arm_op_new(struct arm_ctx *c, const char *kind, const char *target,
    struct json_object *fail, char *id, size_t idlen)
{
	struct json_object	*op = json_object_new_object();
	char			 code[128], msg[SB_TEXT];

	/* --faults op:GLOB=fail:... (akswiz-sandbox(1)). */
	if (fail == NULL && c->sb->faults != NULL &&
	    faults_operation_fails(c->sb->faults, target, code, sizeof code,
	    msg, sizeof msg))
		fail = arm_err_new(code, "%s", msg);
	world_guid(c->w, id, idlen);
	json_object_object_add(op, "id", json_object_new_string(id));
	json_object_object_add(op, "kind", json_object_new_string(kind));
	json_object_object_add(op, "sinceMs",
	    json_object_new_int64((int64_t)c->now_ms));
	json_object_object_add(op, "polls", json_object_new_int64(0));
	if (fail != NULL)
		json_object_object_add(op, "fail", fail);
	c->w->dirty = true;
	return op;
}

bool
arm_op_due(struct arm_ctx *c, struct json_object *op, double seconds)
{
	bool	due;

	if (op == NULL || arm_jstr(op, "status") != NULL)
		return false;
	due = c->w->settings.polls_to_complete > 0 ?
	    arm_jint(op, "polls", 0) >= c->w->settings.polls_to_complete :
	    (double)(c->now_ms - (uint64_t)arm_jint(op, "sinceMs", 0)) *
	    c->sb->speed >= seconds * 1000.0;
	if (!due)
		return false;
	c->w->dirty = true;
	json_object_object_add(op, "status", json_object_new_string(
	    arm_jobj(op, "fail") != NULL ? "Failed" : "Succeeded"));
	json_object_object_add(op, "endMs",
	    json_object_new_int64((int64_t)c->now_ms));
	return true;
}

void
arm_op_polled(struct arm_ctx *c, struct json_object *op)
{
	json_object_object_add(op, "polls",
	    json_object_new_int64(arm_jint(op, "polls", 0) + 1));
	c->w->dirty = true;
}

/*
 * A GET of the resource an operation runs on.  With pollsToComplete it
 * counts as a poll of that operation: Azure finishes an operation with
 * time, whichever URL the client reads, and a client whose PUT lost its
 * answer has only the resource to read.  Nothing without it (time runs).
 */
void
arm_op_seen(struct arm_ctx *c, struct json_object *op)
{
	if (op != NULL && c->w->settings.polls_to_complete > 0 &&
	    arm_jstr(op, "status") == NULL)
		arm_op_polled(c, op);
}

struct json_object *
arm_op_document(struct json_object *op, const char *id, const char *path)
{
	struct json_object	*o = json_object_new_object();
	const char		*status = arm_jstr(op, "status") != NULL ?
				    arm_jstr(op, "status") : "InProgress";
	char			 t[48];

	json_object_object_add(o, "id", json_object_new_string(path));
	json_object_object_add(o, "name", json_object_new_string(id));
	json_object_object_add(o, "status", json_object_new_string(status));
	if (arm_jint(op, "sinceMs", -1) >= 0) {
		world_time((uint64_t)arm_jint(op, "sinceMs", 0), t, sizeof t);
		json_object_object_add(o, "startTime",
		    json_object_new_string(t));
	}
	if (arm_jint(op, "endMs", -1) >= 0) {
		world_time((uint64_t)arm_jint(op, "endMs", 0), t, sizeof t);
		json_object_object_add(o, "endTime", json_object_new_string(t));
	}
	if (strcmp(status, "Failed") == 0 && arm_jobj(op, "fail") != NULL)
		json_object_object_add(o, "error",
		    json_object_get(arm_jobj(op, "fail")));
	return o;
}

void
arm_system_data(struct arm_ctx *c, struct json_object *res,
    struct json_object *old)
{
	struct json_object	*sd = json_object_new_object();
	const char		*created = arm_jstr(arm_jobj(old, "systemData"),
				    "createdAt");
	char			 t[48];

	world_time(c->now_ms, t, sizeof t);
	json_object_object_add(sd, "createdAt",
	    json_object_new_string(created != NULL ? created : t));
	json_object_object_add(sd, "createdBy",
	    json_object_new_string("sandbox"));
	json_object_object_add(sd, "createdByType",
	    json_object_new_string("Application"));
	json_object_object_add(sd, "lastModifiedAt", json_object_new_string(t));
	json_object_object_add(sd, "lastModifiedBy",
	    json_object_new_string("sandbox"));
	json_object_object_add(sd, "lastModifiedByType",
	    json_object_new_string("Application"));
	json_object_object_add(res, "systemData", sd);
}
