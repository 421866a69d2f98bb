/*
 * Which part of the workspace scope is missing (scope.h), from the codes
 * Resource Manager gives on a 404 (azure-api.md §2.2): ARM answers for
 * the outermost part that is missing, so a wrong subscription hides a
 * wrong group, and a wrong group a wrong workspace.
 */
#include "config.h"
#include "core/scope.h"

#include <strings.h>

static const struct {
	const char	*code;
	enum plan_field	 field;
	enum msg_id	 msg;
} scope_codes[] = {
	{ "SubscriptionNotFound",	FIELD_SUBSCRIPTION,
	    MSG_SCOPE_SUBSCRIPTION_NOT_FOUND },
	{ "ResourceGroupNotFound",	FIELD_RESOURCE_GROUP,
	    MSG_SCOPE_GROUP_NOT_FOUND },
	/* The workspace resource itself (the ML RP's older code too). */
	{ "ResourceNotFound",		FIELD_WORKSPACE,
	    MSG_SCOPE_WORKSPACE_NOT_FOUND },
	{ "WorkspaceNotFound",		FIELD_WORKSPACE,
	    MSG_SCOPE_WORKSPACE_NOT_FOUND },
};

/* The verdict for a 404 on the workspace, naming the missing part. */
bool
scope_missing(long status, const char *code, const struct plan_scope *sc,
    struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 i;

	if (status != 404 || code == NULL)
		return false;
	for (i = 0; i < sizeof scope_codes / sizeof scope_codes[0]; i++) {
		if (strcasecmp(code, scope_codes[i].code) != 0)
			continue;
		v = verdicts_add(vs, scope_codes[i].field, SEV_ERROR,
		    scope_codes[i].msg);
		switch (scope_codes[i].field) {
		case FIELD_SUBSCRIPTION:
			verdict_arg(v, "%s", sc->subscription);
			break;
		case FIELD_RESOURCE_GROUP:
			verdict_arg(v, "%s", sc->resource_group);
			verdict_arg(v, "%s", sc->subscription);
			break;
		default:
			verdict_arg(v, "%s", sc->workspace);
			verdict_arg(v, "%s", sc->resource_group);
			break;
		}
		return true;
	}
	return false;
}
