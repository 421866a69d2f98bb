/* core/scope.c: which part of the workspace scope a 404 says is missing. */
#include "config.h"

#include <string.h>

#include "core/scope.h"
#include "core-test.h"

static const struct {
	long		 status;
	const char	*code;
	enum plan_field	 field;		/* FIELD_NONE: no verdict */
	enum msg_id	 msg;
	const char	*arg1, *arg2;
} rows[] = {
	{ 404, "SubscriptionNotFound", FIELD_SUBSCRIPTION,
	    MSG_SCOPE_SUBSCRIPTION_NOT_FOUND, "sub-1", NULL },
	{ 404, "ResourceGroupNotFound", FIELD_RESOURCE_GROUP,
	    MSG_SCOPE_GROUP_NOT_FOUND, "rg-1", "sub-1" },
	{ 404, "ResourceNotFound", FIELD_WORKSPACE,
	    MSG_SCOPE_WORKSPACE_NOT_FOUND, "nope", "rg-1" },
	{ 404, "resourcenotfound", FIELD_WORKSPACE,
	    MSG_SCOPE_WORKSPACE_NOT_FOUND, "nope", "rg-1" },
	{ 404, "WorkspaceNotFound", FIELD_WORKSPACE,
	    MSG_SCOPE_WORKSPACE_NOT_FOUND, "nope", "rg-1" },
	/* Not a missing scope: nothing said. */
	{ 403, "ResourceNotFound", FIELD_NONE, MSG__COUNT, NULL, NULL },
	{ 404, "NotFound", FIELD_NONE, MSG__COUNT, NULL, NULL },
	{ 404, NULL, FIELD_NONE, MSG__COUNT, NULL, NULL },
	{ 500, "InternalServerError", FIELD_NONE, MSG__COUNT, NULL, NULL },
};

int
main(void)
{
	struct plan_scope	 sc;
	struct verdicts		 vs;
	const struct verdict	*v;
	size_t			 i;
	bool			 said;

	memset(&sc, 0, sizeof sc);
	strcpy(sc.subscription, "sub-1");
	strcpy(sc.resource_group, "rg-1");
	strcpy(sc.workspace, "nope");
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		verdicts_init(&vs);
		said = scope_missing(rows[i].status, rows[i].code, &sc, &vs);
		if (rows[i].field == FIELD_NONE) {
			ok(!said && vs.n == 0, "%ld %s: not a missing scope",
			    rows[i].status, rows[i].code ? rows[i].code :
			    "(none)");
			continue;
		}
		ok(said, "%ld %s: a missing scope", rows[i].status,
		    rows[i].code);
		core_count(&vs, 1, rows[i].code);
		v = core_expect(&vs, rows[i].field, SEV_ERROR, rows[i].msg,
		    rows[i].code);
		core_arg(v, 0, rows[i].arg1, rows[i].code);
		if (rows[i].arg2 != NULL)
			core_arg(v, 1, rows[i].arg2, rows[i].code);
	}
	return tap_done();
}
