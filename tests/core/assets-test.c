/* core/assets.c: names, modelType spellings, startPendingUpload's
 * api-versions, at their boundaries. */
#include "config.h"

#include <string.h>

#include "core/assets.h"
#include "core-test.h"

static const struct {
	const char	*name;
	bool		 ok;
} names[] = {
	{ "m", true }, { "1", true }, { "sklearn-model_v1.2", true },
	{ "M0", true }, { "-m", false }, { "_m", false }, { ".m", false },
	{ "m m", false }, { "m/1", false }, { "m:1", false }, { "", false },
	{ "azureml:m", false },
};

static const struct {
	const char	*in, *out;
} types[] = {
	{ "CustomModel", "CustomModel" }, { "custom_model", "CustomModel" },
	{ "MLFlowModel", "MLFlowModel" }, { "mlflow_model", "MLFlowModel" },
	{ "TritonModel", "TritonModel" }, { "triton_model", "TritonModel" },
	{ "custommodel", "CustomModel" }, { "pickle", NULL }, { "", NULL },
	{ "custom-model", NULL },
};

static const struct {
	const char	*api;
	bool		 ok;
} apis[] = {
	{ "2022-10-01", false }, { "2023-02-01-preview", false },
	{ "2022-12-01-preview", false }, { "2023-04-01", true },
	{ "2023-04-01-preview", true }, { "2024-10-01", true },
	{ "2025-09-01", true }, { "", false }, { "2023", false },
};

int
main(void)
{
	char	long_name[ASSET_NAME_MAX + 2];
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		ok(asset_name_valid(names[i].name) == names[i].ok,
		    "name '%s': %s", names[i].name, names[i].ok ? "valid" :
		    "refused");
	memset(long_name, 'a', ASSET_NAME_MAX);
	long_name[ASSET_NAME_MAX] = '\0';
	ok(asset_name_valid(long_name), "255 characters: valid");
	long_name[ASSET_NAME_MAX] = 'a';
	long_name[ASSET_NAME_MAX + 1] = '\0';
	ok(!asset_name_valid(long_name), "256 characters: refused");
	ok(!asset_name_valid(NULL), "no name: refused");
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		const char *got = asset_model_type_rest(types[i].in);

		ok(types[i].out == NULL ? got == NULL : got != NULL &&
		    strcmp(got, types[i].out) == 0, "modelType '%s': %s",
		    types[i].in, types[i].out != NULL ? types[i].out :
		    "unknown");
	}
	ok(asset_model_type_rest(NULL) == NULL, "no modelType: NULL");
	for (i = 0; i < sizeof apis / sizeof apis[0]; i++)
		ok(asset_api_has_pending_upload(apis[i].api) == apis[i].ok,
		    "startPendingUpload at '%s': %s", apis[i].api,
		    apis[i].ok ? "yes" : "no");
	return tap_done();
}
