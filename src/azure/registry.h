/*
 * A registry environment copied into the workspace (issue 13,
 * "Register"; kubernetes-path.md E.5): Kubernetes deployments are reported
 * not to take registry environments, so a curated one (azureml://
 * registries/azureml/environments/sklearn-1.5/labels/latest, or
 * AzureML-sklearn-1.5@latest) is read from its registry, as azure-ai-ml
 * reads it, and registered in the workspace as the environment version
 * NAME:VERSION (the registry's name and version) with its image, conda
 * file and inference configuration; a deployment then references
 * azureml:NAME:VERSION of the workspace.  The registry's routes and what
 * is known of them, with sources: registry.c.
 */
#ifndef AKSWIZ_AZURE_REGISTRY_H
#define AKSWIZ_AZURE_REGISTRY_H

#include <stdbool.h>

#include "common/err.h"

struct arm;

/* One version of a registry environment, as read. */
struct registry_env {
	char	*registry, *name, *version;
	char	*image;
	char	*conda;		/* the conda file's text, or NULL */
	char	*inference;	/* inferenceConfig as JSON text, or NULL */
	char	*source;	/* azureml://registries/R/environments/N/versions/V */
};

/* Read ref's version (a label resolved) through workspace_id's
 * discovery; 0, or -1 + err (a reference that is not one: ERR_USAGE). */
int	registry_env_read(struct arm *, const char *workspace_id,
	    const char *ref, struct registry_env *, struct err *);
void	registry_env_done(struct registry_env *);
/* Preflight: *exists when ref can be read; *known unless the answer was
 * neither it nor "not there" (a refusal, a network failure). */
void	registry_env_exists(struct arm *, const char *workspace_id,
	    const char *ref, bool *known, bool *exists);

/* What a copy made: the workspace's version, and whether it was sent
 * (false: the workspace had it, the same, already). */
struct registry_copy {
	struct registry_env	 env;
	char			*id;	/* the workspace version's ARM id */
	bool			 sent;
};

/* Read ref and register it in the workspace (assets.h); 0, or -1 + err. */
int	registry_env_copy(struct arm *, const char *workspace_id,
	    const char *ref, struct registry_copy *, struct err *);
void	registry_copy_done(struct registry_copy *);

#endif
