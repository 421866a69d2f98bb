/* Fuzz target: the sandbox's Azure AD endpoints on form bodies of any
 * content — the token endpoint (every grant), device code and the
 * sandbox's approve/decline/revoke forms — with the shipped world's
 * tenant, service principals and users (one byte chooses the endpoint). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "aad-stubs.h"
#include "common/err.h"
#include "sandbox/sandbox.h"
#include "tests/fuzz/fuzz.h"

static struct sandbox	 sb;
static struct json_object *world;

static void
setup(void)
{
	const char	*top = getenv("top_srcdir");
	char		 path[1024], key[1024], cmd[2200];
	struct json_object *aad;
	struct err	 err;

	snprintf(path, sizeof path, "%s/data/sandbox-world.json",
	    top != NULL ? top : ".");
	if ((world = json_object_from_file(path)) == NULL ||
	    !json_object_object_get_ex(world, "aad", &aad)) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	/* The committed test signing key: no key generation per run. */
	snprintf(key, sizeof key, "%s/tests/certs/sandbox-aad-signing-key.pem",
	    top != NULL ? top : ".");
	snprintf(sb.state_dir, sizeof sb.state_dir, "%s",
	    fuzz_file("aad-signing-key.pem", (const uint8_t *)"", 0));
	*strrchr(sb.state_dir, '/') = '\0';
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/aad-signing-key.pem'", key,
	    sb.state_dir);
	if (system(cmd) != 0)
		exit(99);
	snprintf(sb.endpoint, sizeof sb.endpoint, "https://127.0.0.1:1");
	sb.device_auto_approve = 2;
	if ((sb.aad = aad_new(&sb, aad, &err)) == NULL) {
		fprintf(stderr, "aad_new: %s\n", err.msg);
		exit(99);
	}
}

static void
teardown(void)
{
	aad_free(sb.aad);
	json_object_put(world);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct stub_header form[] = {
		{ "Content-Type", "application/x-www-form-urlencoded" },
		{ NULL, NULL } };
	static const char *const paths[] = {
		"/organizations/oauth2/v2.0/token",
		"/common/oauth2/v2.0/token",
		"/organizations/oauth2/v2.0/devicecode",
		"/sandbox/devicecode/approve",
		"/sandbox/devicecode/decline",
		"/sandbox/refresh/revoke",
	};
	struct sb_request	 req;
	struct sb_response	 resp;
	char			*body;
	unsigned		 sel = size > 0 ? data[0] : 0;

	if (sb.aad == NULL) {
		setup();
		atexit(teardown);
	}
	if (size > 0) {
		data++;
		size--;
	}
	body = fuzz_string(data, size);
	memset(&req, 0, sizeof req);
	req.method = "POST";
	req.path = paths[sel % (sizeof paths / sizeof paths[0])];
	req.query = "";
	req.body = body;
	req.body_len = strlen(body);
	stub_headers = form;
	sb_resp_init(&resp);
	(void)aad_route(&sb, &req, &resp);
	sb_resp_done(&resp);
	free(body);
	return 0;
}
