/* ARM error bodies to one line: code, message, most specific detail. */
#include "config.h"

#include <string.h>

#include "azure/armerror.h"
#include "tests/tap.h"

struct row {
	const char	*name;
	const char	*body;
	long		 status;
	const char	*want_msg;
	enum err_kind	 want_kind;
};

static const struct row rows[] = {
	{ "plain error", "{\"error\":{\"code\":\"ResourceNotFound\","
	  "\"message\":\"The compute was not found.\"}}", 404,
	  "ResourceNotFound: The compute was not found.", ERR_SERVICE },
	{ "innermost detail", "{\"error\":{\"code\":\"BadRequest\",\"message\":"
	  "\"The request is invalid\",\"details\":[{\"code\":\"Outer\","
	  "\"message\":\"outer\",\"details\":[{\"code\":\"BadRequestFormat\","
	  "\"message\":\"Specified kubernetes version 1.12.4 is not supported."
	  "\"}]},{\"code\":\"Second\",\"message\":\"second\"}]}}", 400,
	  "BadRequest: The request is invalid (BadRequestFormat: Specified "
	  "kubernetes version 1.12.4 is not supported.)", ERR_SERVICE },
	{ "statusCode instead of code, nested twice",
	  "{\"error\":{\"error\":{\"statusCode\":400,\"message\":\"bad\"}}}",
	  400, "400: bad", ERR_SERVICE },
	{ "policy 403 is the service refusing, not a failed sign-in",
	  "{\"error\":{\"code\":\"RequestDisallowedByPolicy\",\"message\":"
	  "\"Resource 'x' was disallowed by policy.\",\"additionalInfo\":[]}}",
	  403, "RequestDisallowedByPolicy: Resource 'x' was disallowed by "
	  "policy.", ERR_SERVICE },
	{ "403 AuthorizationFailed is a missing role, not a failed sign-in",
	  "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":"
	  "\"The client 'c' does not have authorization to perform action "
	  "'Microsoft.MachineLearningServices/workspaces/computes/read'.\"}}",
	  403, "AuthorizationFailed: The client 'c' does not have "
	  "authorization to perform action "
	  "'Microsoft.MachineLearningServices/workspaces/computes/read'.",
	  ERR_SERVICE },
	{ "401 is a sign-in Resource Manager refused",
	  "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
	  "\"message\":\"The access token is invalid.\"}}", 401,
	  "InvalidAuthenticationToken: The access token is invalid.",
	  ERR_AUTH },
	{ "not JSON", "<html>Bad gateway</html>\nmore", 502,
	  "HTTP 502: <html>Bad gateway</html>", ERR_SERVICE },
	{ "empty body", "", 500, "HTTP 500 with no error details",
	  ERR_SERVICE },
	{ "JSON without error", "{\"message\":\"x\"}", 409,
	  "HTTP 409: {\"message\":\"x\"}", ERR_SERVICE },
	{ "error of the wrong type", "{\"error\":\"oops\"}", 400,
	  "HTTP 400: {\"error\":\"oops\"}", ERR_SERVICE },
	{ "details not an array", "{\"error\":{\"code\":\"C\",\"message\":"
	  "\"m\",\"details\":{}}}", 400, "C: m", ERR_SERVICE },
	{ "terminal escapes in the message are shown, not obeyed",
	  "{\"error\":{\"code\":\"Bad\\u001b[2J\",\"message\":"
	  "\"\\u001b]0;title\\u0007red \\u009b31m\",\"details\":[{"
	  "\"code\":\"In\",\"message\":\"\\u001b[1minner\"}]}}", 400,
	  "Bad^[[2J: ^[]0;title^Gred \\u009b31m (In: ^[[1minner)",
	  ERR_SERVICE },
	{ "a body that is not JSON, with escapes", "\033[31mproxy says no",
	  502, "HTTP 502: ^[[31mproxy says no", ERR_SERVICE },
	{ "truncated JSON", "{\"error\":{\"code\":\"C\",\"mess", 400,
	  "HTTP 400: {\"error\":{\"code\":\"C\",\"mess", ERR_SERVICE },
};

int
main(void)
{
	struct err	e;
	size_t		i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		err_clear(&e);
		ok(!arm_error_summary(rows[i].body, rows[i].status, &e),
		    "%s: returns false", rows[i].name);
		is_str(e.msg, rows[i].want_msg, "%s: message", rows[i].name);
		is_int(e.kind, rows[i].want_kind, "%s: kind", rows[i].name);
		is_int(e.http_status, rows[i].status, "%s: status",
		    rows[i].name);
	}
	arm_error_summary("{\"error\":{\"code\":\"TooManyRequests\"}}", 429,
	    &e);
	ok(e.retryable, "429 is retryable");
	ok(arm_error_summary(NULL, 500, NULL) == false, "NULL body and err");
	return tap_done();
}
