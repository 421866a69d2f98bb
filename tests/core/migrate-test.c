/*
 * core/rules-migrate.c: a migration from a legacy AKS compute (the new
 * name, the namespace, no Microsoft certificate) and the namespace of a
 * Kubernetes compute, as a table.
 */
#include "config.h"

#include <string.h>

#include "core/rules.h"
#include "core/rules-k8s.h"
#include "core-test.h"

static const struct {
	const char	*legacy, *new_name, *ns, *workspace;
	enum tls_mode	 tls;
	enum plan_field	 field;		/* FIELD_NONE: no error */
	enum msg_id	 msg;
	const char	*what;
} rows[] = {
	{ "aks1", "aks1-k8s", "default", "ws", TLS_DISABLED, FIELD_NONE,
	    MSG__COUNT, "a plain migration" },
	{ "aks1", "aks1-k8s", "ml", "ws", TLS_CUSTOM, FIELD_NONE,
	    MSG__COUNT, "another namespace, a custom certificate" },
	{ "aks1", "aks1", "default", "ws", TLS_DISABLED, FIELD_NEW_NAME,
	    MSG_MIGRATE_SAME_NAME, "the legacy compute's own name" },
	{ "aks1", "AKS1", "default", "ws", TLS_DISABLED, FIELD_NEW_NAME,
	    MSG_MIGRATE_SAME_NAME, "its name in other case" },
	{ "aks1", "1bad", "default", "ws", TLS_DISABLED, FIELD_NEW_NAME,
	    MSG_NAME_FIRST, "the compute name rules, on the new name" },
	{ "aks1", "aks1-k8s", "azureml-ws", "ws", TLS_DISABLED,
	    FIELD_NAMESPACE, MSG_MIGRATE_NAMESPACE_V1,
	    "azureml-<workspace> is the legacy compute's namespace" },
	{ "aks1", "aks1-k8s", "azureml-ws", "WS", TLS_DISABLED,
	    FIELD_NAMESPACE, MSG_MIGRATE_NAMESPACE_V1,
	    "a workspace name in upper case" },
	{ "aks1", "aks1-k8s", "azureml-other", "ws", TLS_DISABLED,
	    FIELD_NONE, MSG__COUNT, "another workspace's is not" },
	{ "aks1", "aks1-k8s", "Team_A", "ws", TLS_DISABLED, FIELD_NAMESPACE,
	    MSG_K8S_NAMESPACE_INVALID, "not a Kubernetes name" },
	{ "aks1", "aks1-k8s", "-ns", "ws", TLS_DISABLED, FIELD_NAMESPACE,
	    MSG_K8S_NAMESPACE_INVALID, "a leading hyphen" },
	{ "aks1", "aks1-k8s", "a\"b", "ws", TLS_DISABLED, FIELD_NAMESPACE,
	    MSG_K8S_NAMESPACE_INVALID, "a quote" },
	{ "aks1", "aks1-k8s", "default", "ws", TLS_MICROSOFT, FIELD_TLS_MODE,
	    MSG_MIGRATE_TLS_MICROSOFT,
	    "a Microsoft certificate cannot be kept" },
};

static const struct {
	const char	*legacy, *want;
} names[] = {
	{ "aks1", "aks1-k8s" },
	{ "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrst-k8s" },
	{ "abcdefghijklmnopqrs-uvwx", "abcdefghijklmnopqrs-k8s" },
};

int
main(void)
{
	struct verdicts	vs;
	char		out[PLAN_NAME_LEN];
	size_t		i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		verdicts_init(&vs);
		rules_migrate(rows[i].legacy, rows[i].new_name, rows[i].ns,
		    rows[i].workspace, rows[i].tls, &vs);
		if (rows[i].field == FIELD_NONE)
			core_none(&vs, SEV_ERROR, rows[i].what);
		else
			core_expect(&vs, rows[i].field, SEV_ERROR,
			    rows[i].msg, rows[i].what);
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		migrate_default_name(names[i].legacy, out, sizeof out);
		is_str(out, names[i].want, "default name of %s",
		    names[i].legacy);
		verdicts_init(&vs);
		rules_name(out, &vs);
		core_none(&vs, SEV_ERROR, "the default name is a compute name");
	}
	/* The namespace of a create: any Kubernetes name, azureml-ws too. */
	verdicts_init(&vs);
	rules_k8s_namespace("azureml-ws", NULL, &vs);
	core_count(&vs, 0, "outside a migration azureml-ws is a namespace");
	return tap_done();
}
