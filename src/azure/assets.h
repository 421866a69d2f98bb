/*
 * Registering what is deployed (kubernetes-path.md E): model, code and
 * environment versions of a workspace, as azure-ai-ml registers them.
 *
 * A model (a file or a folder) goes to the workspace's default datastore
 * (workspaceblobstore: GET it, POST listSecrets once) under
 * LocalUpload/<hash>/<name of the file or folder>, then one PUT of the
 * model version with the long-form azureml:// modelUri.  Code (a folder)
 * goes through startPendingUpload where the api-version has it (stable
 * 2023-04-01 and later), else through the datastore the same way, then one
 * PUT of the code version with the codeUri.  An environment is an image
 * and a conda file, inline in one PUT.
 *
 * <hash> is azure-ai-ml's get_object_hash() (azure/ai/ml/_utils/
 * _asset_utils.py): MD5 seeded with "Initialize for october 2021 AML CLI
 * version", then for a file its bytes, for a folder each entry sorted by
 * its path lowercased, its name then its bytes (or, for a folder, the
 * same inside).  So the same content lands on the same blobs, and a blob
 * already there with the same size is not sent again.  A code version
 * also carries azure-ai-ml's content hash (get_content_hash(): SHA-256 of
 * the file count, "#relpath#" and size of each file, then their bytes),
 * which is how a code version already registered with the same content is
 * reused without an upload.
 *
 * Functions return 0, or -1 with err.  *id is the version's ARM id
 * (caller frees).
 */
#ifndef AKSWIZ_AZURE_ASSETS_H
#define AKSWIZ_AZURE_ASSETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct arm;

struct asset_progress {
	void	(*fn)(void *arg, const char *what, uint64_t done,
		    uint64_t total);
	void	*arg;
};

/*
 * A local file or folder as a model version / a folder as a code version,
 * uploaded unless the workspace already has the same content (hash);
 * name/version "" = derived as azure-ai-ml derives anonymous assets (the
 * hash as the name, version "1").
 */
int	assets_register_model(struct arm *, const char *workspace_id,
	    const char *path, const char *name, const char *version,
	    const struct asset_progress *, char **id, struct err *);
/* The same with a model type (core/assets.h's, either spelling). */
int	assets_register_model_type(struct arm *, const char *workspace_id,
	    const char *path, const char *name, const char *version,
	    const char *type, const struct asset_progress *, char **id,
	    struct err *);
int	assets_register_code(struct arm *, const char *workspace_id,
	    const char *dir, const char *name, const char *version,
	    const struct asset_progress *, char **id, struct err *);
/*
 * An image and a conda file (NULL or "": none) as an environment
 * version; name "" = "CliV2AnonymousEnvironment" and version "" = the
 * MD5 of the image and conda file, as azure-ai-ml names an inline one.
 */
int	assets_register_environment(struct arm *, const char *workspace_id,
	    const char *image, const char *conda_file, const char *name,
	    const char *version, char **id, struct err *);
/*
 * An environment version from its parts as given (conda as text,
 * inference a JSON object's text, either NULL), under name:version, as a
 * registry environment is copied (registry.h): when the workspace has
 * that version with the same image and conda file it is reused (*sent
 * false, nothing sent); with others, -1 + err (a version's paths never
 * change, kubernetes-path.md E.4).
 */
int	assets_copy_environment(struct arm *, const char *workspace_id,
	    const char *name, const char *version, const char *image,
	    const char *conda, const char *inference, const char *description,
	    char **id, bool *sent, struct err *);

/* What list and show print of a version or of a container (name). */
struct asset_version {
	char	*id;
	char	*name;
	char	*version;		/* a container's latest version */
	char	*uri;			/* modelUri, codeUri, or image */
	char	*model_type;		/* models */
	char	*conda_file;		/* environments */
	char	*description;
	char	*provisioning_state;
	char	*created;		/* systemData.createdAt */
};
struct asset_list {
	struct asset_version	*v;
	size_t			 n, alloc;
};

enum asset_kind { ASSET_MODEL, ASSET_CODE, ASSET_ENVIRONMENT };

/*
 * The list of a kind: name NULL, the containers (each name with its
 * latest version); else that name's versions.
 */
int	assets_list(struct arm *, const char *workspace_id, enum asset_kind,
	    const char *name, struct asset_list *, struct err *);
/* One version: *found false (0 returned) when it is not there. */
int	assets_show(struct arm *, const char *workspace_id, enum asset_kind,
	    const char *name, const char *version, struct asset_version *,
	    bool *found, struct err *);
void	asset_version_done(struct asset_version *);
void	asset_list_free(struct asset_list *);

/* azure-ai-ml's object hash of path (hex, 33 bytes); -1 + err. */
int	assets_object_hash(const char *path, char *hex, size_t len,
	    struct err *);
/* azure-ai-ml's content hash of path (hex, 65 bytes); -1 + err. */
int	assets_content_hash(const char *path, char *hex, size_t len,
	    struct err *);
/* Both (either hex may be NULL), each file read once where the two
 * orders of files agree (always for a single file). */
int	assets_hashes(const char *path, char *object_hex, size_t olen,
	    char *content_hex, size_t clen, struct err *);

#endif
