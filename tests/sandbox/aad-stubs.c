/* Stand-ins for server.c's helpers (see aad-stubs.h). */
#include "config.h"
#include "aad-stubs.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/xalloc.h"

const struct stub_header *stub_headers;

const char *
sb_req_header(const struct sb_request *req, const char *name)
{
	const struct stub_header *h;

	(void)req;
	for (h = stub_headers; h != NULL && h->name != NULL; h++)
		if (strcasecmp(h->name, name) == 0)
			return h->value;
	return NULL;
}

/* Decode %XX and '+' in place. */
static void
stub_decode(char *s)
{
	char	*o = s, hex[3] = "";

	for (; *s != '\0'; s++) {
		if (*s == '+')
			*o++ = ' ';
		else if (*s == '%' && isxdigit((unsigned char)s[1]) &&
		    isxdigit((unsigned char)s[2])) {
			hex[0] = s[1];
			hex[1] = s[2];
			*o++ = (char)strtol(hex, NULL, 16);
			s += 2;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

char *
sb_form_get(const char *body, const char *name)
{
	const char	*p, *amp, *eq;
	size_t		 nlen = strlen(name);
	char		*v;

	for (p = body; p != NULL && *p != '\0'; p = amp ? amp + 1 : NULL) {
		amp = strchr(p, '&');
		eq = strchr(p, '=');
		if (eq == NULL || (amp != NULL && eq > amp))
			continue;
		if ((size_t)(eq - p) != nlen || strncmp(p, name, nlen) != 0)
			continue;
		v = amp ? xstrndup(eq + 1, (size_t)(amp - eq - 1)) :
		    xstrdup(eq + 1);
		stub_decode(v);
		return v;
	}
	return NULL;
}

const char *
sb_req_query(const struct sb_request *req, const char *name)
{
	static char	*last;

	free(last);
	last = sb_form_get(req->query, name);
	return last;
}

void
sb_resp_init(struct sb_response *resp)
{
	memset(resp, 0, sizeof *resp);
	resp->status = 200;
	buf_init(&resp->body, SB_MAX_BODY);
}

void
sb_resp_done(struct sb_response *resp)
{
	int	i;

	for (i = 0; i < resp->nheaders; i++)
		free(resp->headers[i].value);
	buf_done(&resp->body);
}

void
sb_resp_header(struct sb_response *resp, const char *name,
    const char *fmt, ...)
{
	va_list	ap;
	char	*v;

	if (resp->nheaders == SB_MAX_HEADERS)
		abort();
	va_start(ap, fmt);
	if (vasprintf(&v, fmt, ap) < 0)
		abort();
	va_end(ap);
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders++].value = v;
}

void
sb_resp_arm_error(struct sb_response *resp, int status, const char *code,
    const char *fmt, ...)
{
	struct json_object	*o, *e;
	va_list			 ap;
	char			*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		abort();
	va_end(ap);
	o = json_object_new_object();
	e = json_object_new_object();
	json_object_object_add(e, "code", json_object_new_string(code));
	json_object_object_add(e, "message", json_object_new_string(msg));
	json_object_object_add(o, "error", e);
	resp->status = status;
	buf_reset(&resp->body);
	buf_adds(&resp->body, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	free(msg);
}
