/* Fuzz target: the token cache reader, on a tokens.json of any content
 * (mode 0600 in a 0700 folder, as the cache wants), then a lookup and a
 * save of what it kept. */
#include "config.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "azure/token-cache.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct token_cache	*c;
	struct token_entry	 e;
	struct err		 err;
	char			 dir[512];

	snprintf(dir, sizeof dir, "%s", fuzz_file("tokens.json", data, size));
	dirname(dir);
	if ((c = token_cache_open(dir, &err)) == NULL)
		return 0;
	(void)token_cache_find(c, "https://login.microsoftonline.com",
	    NULL, NULL, NULL);
	memset(&e, 0, sizeof e);
	strcpy(e.authority, "https://login.microsoftonline.com");
	strcpy(e.tenant, "t");
	strcpy(e.client_id, "c");
	strcpy(e.scope, "https://management.azure.com/.default");
	strcpy(e.method, "secret");
	e.access_token = "a";
	e.expires_on = time(NULL) + 3600;
	(void)token_cache_put(c, &e, &err);
	token_cache_free(c);
	return 0;
}
