/*
 * A workspace's assets (kubernetes-path.md E): the rules the service
 * applies to model, code and environment versions, as pure functions.
 * The sandbox serves with them; a client checks with them before it
 * uploads.
 */
#ifndef AKSWIZ_CORE_ASSETS_H
#define AKSWIZ_CORE_ASSETS_H

#include <stdbool.h>

#define ASSET_NAME_MAX	255

/* An asset's name or version: a letter or digit, then letters, digits,
 * '-', '_' and '.', 255 at most (the sandbox's rule; the service's exact
 * pattern for versions is unpublished). */
bool		 asset_name_valid(const char *);
/*
 * A model version's modelType in either spelling (the spec's CustomModel,
 * MLFlowModel, TritonModel, or azure-ai-ml's custom_model, mlflow_model,
 * triton_model; case-insensitive) as the spec spells it; NULL for any
 * other.
 */
const char	*asset_model_type_rest(const char *);
/* Whether an api-version has codes' startPendingUpload (2023-04-01 and
 * 2023-04-01-preview on; absent from 2022-10-01 and 2023-02-01-preview). */
bool		 asset_api_has_pending_upload(const char *api);

#endif
