/*
 * The rules of a migration from a legacy AKS compute to today's path
 * (kubernetes-path.md D.4; Azure/AML-Kubernetes
 * docs/attach-compute-on-aks-v1-cluster.md), and the compute's namespace.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/rules.h"
#include "core/rules-k8s.h"

#define K8S_LABEL_MAX	63
#define MIGRATE_SUFFIX	"-k8s"

void
rules_k8s_namespace(const char *ns, const char *workspace,
    struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 i, n = strlen(ns);
	bool		 ok = n >= 1 && n <= K8S_LABEL_MAX && ns[0] != '-' &&
			    ns[n - 1] != '-';

	for (i = 0; i < n && ok; i++)
		ok = (ns[i] >= 'a' && ns[i] <= 'z') ||
		    (ns[i] >= '0' && ns[i] <= '9') || ns[i] == '-';
	if (!ok) {
		v = verdicts_add(vs, FIELD_NAMESPACE, SEV_ERROR,
		    MSG_K8S_NAMESPACE_INVALID);
		verdict_arg(v, "%s", ns);
		return;
	}
	/* Kubernetes names are lower case; workspace names need not be. */
	if (workspace != NULL && *workspace != '\0' &&
	    strncmp(ns, "azureml-", 8) == 0 &&
	    strcasecmp(ns + 8, workspace) == 0) {
		v = verdicts_add(vs, FIELD_NAMESPACE, SEV_ERROR,
		    MSG_MIGRATE_NAMESPACE_V1);
		verdict_arg(v, "%s", ns);
	}
}

void
rules_migrate(const char *legacy, const char *new_name, const char *ns,
    const char *workspace, enum tls_mode tls, struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 i, before = vs->n;

	rules_name(new_name, vs);
	/* The compute name rules speak of the new name's own field. */
	for (i = before; i < vs->n; i++)
		if (vs->v[i].field == FIELD_NAME)
			vs->v[i].field = FIELD_NEW_NAME;
	if (strcasecmp(legacy, new_name) == 0) {
		v = verdicts_add(vs, FIELD_NEW_NAME, SEV_ERROR,
		    MSG_MIGRATE_SAME_NAME);
		verdict_arg(v, "%s", legacy);
	}
	rules_k8s_namespace(ns, workspace != NULL && *workspace != '\0' ?
	    workspace : NULL, vs);
	if (tls == TLS_MICROSOFT) {
		v = verdicts_add(vs, FIELD_TLS_MODE, SEV_ERROR,
		    MSG_MIGRATE_TLS_MICROSOFT);
		verdict_arg(v, "%s", legacy);
	}
}

void
migrate_default_name(const char *legacy, char *out, size_t len)
{
	size_t	n = strlen(legacy), room = NAME_MAX_LEN - strlen(MIGRATE_SUFFIX);

	if (n > room)
		n = room;
	/* No "--k8s": a cut that ends in a hyphen loses it. */
	while (n > 0 && legacy[n - 1] == '-')
		n--;
	snprintf(out, len, "%.*s%s", (int)n, legacy, MIGRATE_SUFFIX);
}
