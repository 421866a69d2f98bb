/*
 * ARM error bodies to one readable line (see armerror.h).  Tolerant: any
 * field may be missing or of another type; unknown fields are ignored.
 */
#include "config.h"
#include "azure/armerror.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "azure/retry.h"
#include "common/i18n.h"
#include "core/text.h"

/* A string member of o, or NULL. */
static const char *
member_str(json_object *o, const char *key)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* The code of an error object: "code", else "statusCode" as text. */
static const char *
error_code(json_object *e, char *buf, size_t len)
{
	const char	*c;
	json_object	*v;

	if ((c = member_str(e, "code")) != NULL && *c != '\0')
		return c;
	if (json_object_object_get_ex(e, "statusCode", &v) &&
	    (json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_string))) {
		snprintf(buf, len, "%s", json_object_get_string(v));
		return buf;
	}
	return NULL;
}

/* The deepest error reached by following details[0] (at most 16 deep). */
static json_object *
innermost(json_object *e)
{
	json_object	*d, *first;
	int		 depth;

	for (depth = 0; depth < 16; depth++) {
		if (!json_object_object_get_ex(e, "details", &d) ||
		    !json_object_is_type(d, json_type_array) ||
		    json_object_array_length(d) == 0)
			break;
		first = json_object_array_get_idx(d, 0);
		if (!json_object_is_type(first, json_type_object))
			break;
		/* provisioningErrors wrap each error once more */
		if (member_str(first, "message") == NULL &&
		    json_object_object_get_ex(first, "error", &d) &&
		    json_object_is_type(d, json_type_object))
			first = d;
		e = first;
	}
	return e;
}

/* The first line of text, at most n bytes, into buf. */
static void
first_line(const char *s, char *buf, size_t len)
{
	size_t	n = strcspn(s, "\r\n");

	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

bool
arm_error_summary(const char *body, long status, struct err *err)
{
	json_object	*root = NULL, *e = NULL, *inner, *nested;
	const char	*code, *msg, *icode, *imsg;
	char		 cbuf[32], ibuf[32], line[160];
	enum err_kind	 kind;

	/*
	 * 401 is a sign-in Resource Manager did not accept; 403 is the
	 * service refusing a signed-in identity (AuthorizationFailed, a
	 * policy): a missing role, not a failed sign-in.
	 */
	kind = status == 401 ? ERR_AUTH : ERR_SERVICE;
	if (body != NULL && *body != '\0')
		root = json_tokener_parse(body);
	if (root != NULL && json_object_is_type(root, json_type_object) &&
	    json_object_object_get_ex(root, "error", &e) &&
	    json_object_is_type(e, json_type_object)) {
		/* before 2019-06-01 the ML error was nested twice */
		if (member_str(e, "message") == NULL &&
		    json_object_object_get_ex(e, "error", &nested) &&
		    json_object_is_type(nested, json_type_object))
			e = nested;
	} else
		e = NULL;

	if (e == NULL) {
		first_line(body != NULL ? body : "", line, sizeof line);
		if (*line != '\0')
			err_set(err, kind, _("HTTP %ld: %s"), status, line);
		else
			err_set(err, kind, _("HTTP %ld with no error details"),
			    status);
		err_detail(err, "HTTP %ld %s", status, line);
		goto out;
	}
	code = error_code(e, cbuf, sizeof cbuf);
	msg = member_str(e, "message");
	inner = innermost(e);
	icode = inner != e ? error_code(inner, ibuf, sizeof ibuf) : NULL;
	imsg = inner != e ? member_str(inner, "message") : NULL;
	if (code == NULL)
		code = "UnknownError";
	if (msg == NULL)
		msg = "";
	if (imsg != NULL && *imsg != '\0' && strcmp(imsg, msg) != 0)
		err_set(err, kind, "%s: %s (%s: %s)", code, msg,
		    icode != NULL ? icode : "", imsg);
	else
		err_set(err, kind, "%s: %s", code, msg);
	if (inner != e)
		err_detail(err, "HTTP %ld %s: %s | %s: %s", status, code, msg,
		    icode != NULL ? icode : "", imsg != NULL ? imsg : "");
	else
		err_detail(err, "HTTP %ld %s: %s", status, code, msg);
out:
	if (err != NULL) {
		/* service text: control characters shown, not obeyed */
		text_escape_inplace(err->msg, sizeof err->msg, 0);
		text_escape_inplace(err->detail, sizeof err->detail, 0);
		err->http_status = status;
		err->retryable = retry_status_retryable(status);
	}
	if (root != NULL)
		json_object_put(root);
	return false;
}
