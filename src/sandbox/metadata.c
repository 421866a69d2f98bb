/*
 * GET /metadata/endpoints: the Resource Manager metadata document with
 * which Azure and Azure Stack tell clients where to sign in and for which
 * audience to ask (api-version 2015-01-01, the object shape Azure Stack
 * and `az cloud register` read).  The sandbox stands for AzureCloud's
 * Resource Manager, so it names AzureCloud's audiences; the login
 * endpoint is its own Azure AD.  Like Azure it answers without a token.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "sandbox/sandbox.h"

#define METADATA_PATH	"/metadata/endpoints"
#define METADATA_API	"2015-01-01"

bool
metadata_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	json_object	*o, *auth, *aud;
	const char	*api;
	char		 login[300];

	if (req->path == NULL || strcmp(req->path, METADATA_PATH) != 0)
		return false;
	sb_resp_header(resp, "x-ms-request-id", "%016llx-metadata",
	    (unsigned long long)req->seq);
	if (strcmp(req->method, "GET") != 0) {
		sb_resp_method_not_allowed(resp, req);
		return true;
	}
	if ((api = sb_req_query(req, "api-version")) == NULL) {
		sb_resp_arm_error(resp, 400, "MissingApiVersionParameter",
		    "The api-version query parameter (?api-version=) is "
		    "required for all requests.");
		return true;
	}
	if (strcmp(api, METADATA_API) != 0) {
		sb_resp_arm_error(resp, 400, "InvalidApiVersionParameter",
		    "The api-version '%.40s' is invalid. The supported "
		    "versions are '" METADATA_API "'.", api);
		return true;
	}
	snprintf(login, sizeof login, "%s/", sb->endpoint);
	aud = json_object_new_array();
	json_object_array_add(aud,
	    json_object_new_string("https://management.core.windows.net/"));
	json_object_array_add(aud,
	    json_object_new_string("https://management.azure.com/"));
	auth = json_object_new_object();
	json_object_object_add(auth, "loginEndpoint",
	    json_object_new_string(login));
	json_object_object_add(auth, "audiences", aud);
	o = json_object_new_object();
	json_object_object_add(o, "galleryEndpoint",
	    json_object_new_string("https://gallery.azure.com/"));
	json_object_object_add(o, "graphEndpoint",
	    json_object_new_string("https://graph.windows.net/"));
	json_object_object_add(o, "portalEndpoint",
	    json_object_new_string("https://portal.azure.com/"));
	json_object_object_add(o, "authentication", auth);
	sb_resp_json(resp, 200, o);
	return true;
}
