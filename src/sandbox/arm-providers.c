/*
 * Resource provider registration (kubernetes-path.md B.1, F.1): GET
 * /subscriptions/{s}/providers/{ns} and POST .../{ns}/register, the state
 * going NotRegistered -> Registering -> Registered over time (or polls),
 * and MissingSubscriptionRegistration for a PUT under a namespace that is
 * not registered.
 *
 * The state lives in the world's subscription object, "providers":
 * {"Microsoft.KubernetesConfiguration": "NotRegistered"}, so that it is
 * saved with the world; a namespace the sandbox serves and the map does
 * not name is Registered.  A registration under way is an object
 * {"registrationState": "Registering", "sinceMs": ..., "polls": ...}.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "sandbox/arm.h"

/* Service time of a registration at speed 1. */
#define REGISTER_SECONDS	60

/* The namespaces the sandbox serves, and resource types of each. */
static const struct {
	const char	*ns;
	const char	*types[4];
} known[] = {
	{ "Microsoft.ContainerService", { "managedClusters",
	    "managedClusters/agentPools", "locations/kubernetesVersions",
	    "locations/operations" } },
	{ "Microsoft.KubernetesConfiguration", { "extensions",
	    "extensions/operations", NULL } },
	{ "Microsoft.MachineLearningServices", { "workspaces",
	    "workspaces/computes", "locations/computeOperationsStatus",
	    NULL } },
	{ "Microsoft.Compute", { "locations/vmSizes", "locations/usages",
	    "skus", NULL } },
};
#define NKNOWN	(sizeof known / sizeof known[0])

/* The index of a namespace (any case), or -1. */
static int
known_ns(const char *ns)
{
	size_t	i;

	for (i = 0; ns != NULL && i < NKNOWN; i++)
		if (strcasecmp(known[i].ns, ns) == 0)
			return (int)i;
	return -1;
}

/* The world file's object of the subscription (borrowed), or NULL. */
static struct json_object *
sub_obj(struct arm_ctx *c)
{
	struct json_object	*a, *o, *id;
	size_t			 i, n;

	if (c->w->root == NULL || c->sub == NULL ||
	    !json_object_object_get_ex(c->w->root, "subscriptions", &a) ||
	    !json_object_is_type(a, json_type_array))
		return NULL;
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		o = json_object_array_get_idx(a, i);
		if (json_object_object_get_ex(o, "subscriptionId", &id) &&
		    strcasecmp(json_object_get_string(id), c->sub->id) == 0)
			return o;
	}
	return NULL;
}

/* The subscription's map of states (created when make), or NULL. */
static struct json_object *
states(struct arm_ctx *c, bool make)
{
	struct json_object	*s = sub_obj(c), *m;

	if (s == NULL)
		return NULL;
	if (json_object_object_get_ex(s, "providers", &m) &&
	    json_object_is_type(m, json_type_object))
		return m;
	if (!make)
		return NULL;
	m = json_object_new_object();
	json_object_object_add(s, "providers", m);
	return m;
}

/*
 * The namespace's state, finishing a registration whose time (or poll
 * count, counted here) has come.
 */
static const char *
state_of(struct arm_ctx *c, int k, bool poll)
{
	struct json_object	*m = states(c, false), *v, *x;
	const struct sb_settings *set = &c->w->settings;
	int64_t			 since, polls;
	bool			 done;

	if (m == NULL || !json_object_object_get_ex(m, known[k].ns, &v))
		return "Registered";
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	since = json_object_object_get_ex(v, "sinceMs", &x) ?
	    json_object_get_int64(x) : 0;
	polls = json_object_object_get_ex(v, "polls", &x) ?
	    json_object_get_int64(x) : 0;
	if (poll)
		json_object_object_add(v, "polls",
		    json_object_new_int64(++polls));
	done = set->polls_to_complete > 0 ?
	    polls >= set->polls_to_complete :
	    (double)(c->now_ms - (uint64_t)since) * c->sb->speed >=
	    REGISTER_SECONDS * 1000.0;
	if (!done)
		return "Registering";
	json_object_object_add(m, known[k].ns,
	    json_object_new_string("Registered"));
	c->w->dirty = true;
	return "Registered";
}

/* The provider as Microsoft.Resources shows it (B.1). */
static struct json_object *
provider_json(struct arm_ctx *c, int k, const char *state)
{
	struct json_object	*o = json_object_new_object(), *types, *t, *l;
	char			 id[SB_TEXT];
	size_t			 i, j;

	snprintf(id, sizeof id, "/subscriptions/%s/providers/%s",
	    c->sub->id, known[k].ns);
	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "namespace",
	    json_object_new_string(known[k].ns));
	json_object_object_add(o, "registrationState",
	    json_object_new_string(state));
	json_object_object_add(o, "registrationPolicy",
	    json_object_new_string("RegistrationRequired"));
	types = json_object_new_array();
	for (i = 0; i < 4 && known[k].types[i] != NULL; i++) {
		t = json_object_new_object();
		json_object_object_add(t, "resourceType",
		    json_object_new_string(known[k].types[i]));
		l = json_object_new_array();
		for (j = 0; j < c->w->nlocs; j++)
			json_object_array_add(l, json_object_new_string(
			    c->w->locs[j].display));
		json_object_object_add(t, "locations", l);
		json_object_array_add(types, t);
	}
	json_object_object_add(o, "resourceTypes", types);
	return o;
}

/* GET .../providers/{ns} and POST .../providers/{ns}/register. */
void
arm_providers(struct arm_ctx *c, const char *ns, bool reg)
{
	struct json_object	*m;
	const char		*state;
	int			 k = known_ns(ns);

	if (strcmp(c->req->method, reg ? "POST" : "GET") != 0) {
		sb_resp_method_not_allowed(c->resp, c->req);
		return;
	}
	if (k < 0) {
		sb_resp_arm_error(c->resp, 404, "InvalidResourceNamespace",
		    "The resource namespace '%.100s' is invalid.", ns);
		return;
	}
	state = state_of(c, k, !reg);
	if (reg && strcmp(state, "Registered") != 0 &&
	    strcmp(state, "Registering") != 0 &&
	    (m = states(c, true)) != NULL) {
		struct json_object *v = json_object_new_object();

		json_object_object_add(v, "registrationState",
		    json_object_new_string("Registering"));
		json_object_object_add(v, "sinceMs",
		    json_object_new_int64((int64_t)c->now_ms));
		json_object_object_add(v, "polls", json_object_new_int64(0));
		json_object_object_add(m, known[k].ns, v);
		c->w->dirty = true;
		state = "Registering";
	}
	arm_json(c, 200, provider_json(c, k, state));
}

/*
 * Whether a PUT under the namespace may go on; false with ARM's
 * MissingSubscriptionRegistration sent (409: its usual status, not a
 * published one).
 */
bool
arm_provider_ready(struct arm_ctx *c, const char *ns)
{
	struct json_object	*e;
	int			 k = known_ns(ns);

	if (k < 0 || strcmp(c->req->method, "PUT") != 0 ||
	    strcmp(state_of(c, k, false), "Registered") == 0)
		return true;
	e = arm_err_new("MissingSubscriptionRegistration", "The subscription "
	    "is not registered to use namespace '%s'. See "
	    "https://aka.ms/rps-not-found for how to register subscriptions.",
	    known[k].ns);
	json_object_object_add(e, "target",
	    json_object_new_string(known[k].ns));
	arm_error_obj(c, 409, e);
	return false;
}
