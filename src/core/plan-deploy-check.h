/*
 * A deploy plan's rules (plan_check() calls check_deploy()), and how a
 * deploy names its assets: "NAME:VERSION" (an "azureml:" prefix allowed)
 * or an ARM ID of a version is a registered asset, anything else a local
 * file or folder to upload.
 */
#ifndef AKSWIZ_CORE_PLAN_DEPLOY_CHECK_H
#define AKSWIZ_CORE_PLAN_DEPLOY_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/rules.h"

/* A registered asset's name and version ("azureml:" dropped). */
struct deploy_ref {
	char	name[DEPLOY_NAME_LEN + 224];
	char	version[64];
	bool	arm_id;		/* given as an ARM ID: name holds the ID */
};

/* Whether s names a registered asset; *r filled when it does (r may be NULL). */
bool	deploy_ref_parse(const char *s, struct deploy_ref *r);

/*
 * s names an asset of a registry (azureml://registries/..., or a curated
 * environment's AzureML-NAME@LABEL): Kubernetes deployments take none
 * (kubernetes-path.md E.5).
 */
bool	deploy_ref_is_registry(const char *s);

/*
 * A registry environment akswiz copies into the workspace (registry.h):
 * azureml://registries/REG/environments/NAME/versions/V or
 * .../labels/latest, or a curated one's AzureML-NAME@latest (the azureml
 * registry's NAME).  label "latest" or version set, never both.
 */
struct deploy_registry_ref {
	char	registry[64];
	char	name[DEPLOY_NAME_LEN + 224];
	char	version[64];
	char	label[16];
};
bool	deploy_registry_env_parse(const char *s,
	    struct deploy_registry_ref *r);

/* The model is a local file or folder to upload. */
bool	deploy_model_is_local(const struct plan *);

/*
 * The requests of one instance (DEPLOY_UNSET where not given); false when
 * a quantity does not parse.
 */
bool	deploy_plan_resources(const struct plan *, struct deploy_resources *);

/*
 * The traffic the deploy sets (after the deployment exists): the plan's
 * --traffic when given; else on a new endpoint (or one without other
 * deployments) 100 to the new deployment, on one with others 0 to it and
 * the others' shares kept (the caller merges).  *to_new: the share the
 * new deployment gets.
 */
long	deploy_plan_new_share(const struct plan *, bool endpoint_has_others);

void	check_deploy(const struct plan *, const struct plan_facts *,
	    struct verdicts *);

#endif
