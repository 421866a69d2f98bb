/* A workspace's assets: the service's rules (see assets.h). */
#include "config.h"

#include "core/assets.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool
asset_name_valid(const char *s)
{
	size_t	i;

	if (s == NULL || !isalnum((unsigned char)s[0]) ||
	    strlen(s) > ASSET_NAME_MAX)
		return false;
	for (i = 1; s[i] != '\0'; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("-_.", s[i]) ==
		    NULL)
			return false;
	return true;
}

const char *
asset_model_type_rest(const char *t)
{
	static const struct {
		const char	*rest, *sdk;
	} types[] = {
		{ "CustomModel", "custom_model" },
		{ "MLFlowModel", "mlflow_model" },
		{ "TritonModel", "triton_model" },
	};
	size_t	i;

	for (i = 0; t != NULL && i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(t, types[i].rest) == 0 ||
		    strcasecmp(t, types[i].sdk) == 0)
			return types[i].rest;
	return NULL;
}

bool
asset_api_has_pending_upload(const char *api)
{
	return api != NULL && strlen(api) >= 10 &&
	    strncmp(api, "2023-04-01", 10) >= 0;
}
