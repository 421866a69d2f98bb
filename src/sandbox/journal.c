/*
 * The request journal of akswiz-sandbox (--journal FILE): one JSON line
 * per request, written and flushed as the response goes out, so that a
 * test can read it while the server runs.  Each start begins a fresh file
 * (tests count lines per run):
 *
 *	{"time":"2026-11-23T07:31:20.123Z","seq":3,"method":"PUT",
 *	 "path":"/subscriptions/.../computes/ml-inf",
 *	 "query":{"api-version":"2024-04-01"},
 *	 "headers":{"authorization":"Bearer <redacted>",
 *	  "content-type":"application/json","user-agent":"akswiz/0.1",
 *	  "x-ms-client-request-id":"..."},
 *	 "body":{...},"status":201}
 *
 * Keys of "query", "headers" and "body" are sorted and JSON bodies are
 * re-serialized, so equal requests give equal lines whatever the client's
 * key order.  A form body (Azure AD) becomes an object of its decoded
 * fields; any other body that is not JSON becomes "<N bytes>"; no body
 * gives null.  "status" is what was (or would have been) sent; 0 when a
 * fault closed the connection before any answer.  The line is machine
 * output: never translated.
 *
 * Secrets never reach the file: the Authorization header shows only its
 * scheme; fields named client_secret, client_assertion, refresh_token,
 * access_token, id_token, device_code, password, assertion, an online
 * endpoint's primaryKey, secondaryKey, keyValue and accessToken, a
 * storage SAS's sig (a SharedKey Authorization keeps its scheme only) or (in a
 * form or query) code, "cert" and "key" inside sslConfiguration, and any
 * string holding a PEM block ("-----BEGIN") or looking like a JWT become
 * "<redacted>".
 */
#include "config.h"
#include "sandbox/sandbox.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "common/clock.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#define JOURNAL_REDACTED	"<redacted>"

struct sb_journal {
	pthread_mutex_t	 lock;
	FILE		*fp;
};

/* Request headers the journal keeps, lowercase, in sorted order. */
static const char *const journal_headers[] = {
	"authorization",
	"content-type",
	"user-agent",
	"x-ms-client-request-id",
};

/* Field names whose values are secrets wherever they appear. */
static const char *const journal_secret_names[] = {
	"client_secret", "client_assertion", "refresh_token", "access_token",
	"id_token", "device_code", "password", "assertion", "clientSecret",
	"secret", "configurationProtectedSettings",
	"primaryKey", "secondaryKey", "keyValue", "accessToken",
	"sig",		/* a storage SAS's signature (query) */
};

/* Open (and empty) the journal; mode 0600 when it is created. */
struct sb_journal *
journal_open(const char *path, struct err *err)
{
	struct sb_journal *j;
	FILE		*fp;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	j = xcalloc(1, sizeof *j);
	pthread_mutex_init(&j->lock, NULL);
	j->fp = fp;
	return j;
}

void
journal_close(struct sb_journal *j)
{
	if (j == NULL)
		return;
	fclose(j->fp);
	pthread_mutex_destroy(&j->lock);
	free(j);
}

/* Whether a field of this name holds a secret. */
static bool
journal_secret_name(const char *name, bool form, bool in_ssl)
{
	size_t	i;

	for (i = 0; i < sizeof journal_secret_names /
	    sizeof journal_secret_names[0]; i++)
		if (strcasecmp(name, journal_secret_names[i]) == 0)
			return true;
	if (form && strcmp(name, "code") == 0)
		return true;
	return in_ssl && (strcasecmp(name, "cert") == 0 ||
	    strcasecmp(name, "key") == 0);
}

/* Whether a string value is a secret whatever its name: PEM or a JWT. */
static bool
journal_secret_value(const char *s)
{
	const char	*d1, *d2;

	if (strstr(s, "-----BEGIN") != NULL)
		return true;
	if (strncmp(s, "eyJ", 3) != 0)
		return false;
	return (d1 = strchr(s, '.')) != NULL && (d2 = strchr(d1 + 1, '.'))
	    != NULL && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789-_.=") == strlen(s);
}

/* A redacted copy of a string value. */
static struct json_object *
journal_string(const char *name, const char *s, bool form, bool in_ssl)
{
	if ((name != NULL && journal_secret_name(name, form, in_ssl)) ||
	    journal_secret_value(s))
		return json_object_new_string(JOURNAL_REDACTED);
	return json_object_new_string(s);
}

/* qsort() order of key names: bytewise. */
static int
journal_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A deep copy of v with sorted keys and secrets redacted. */
static struct json_object *
journal_canon(struct json_object *v, const char *name, bool in_ssl)
{
	struct json_object	*out, *child;
	const char		**keys;
	size_t			 n, i;

	switch (json_object_get_type(v)) {
	case json_type_object:
		n = (size_t)json_object_object_length(v);
		keys = xcalloc(n + 1, sizeof *keys);
		i = 0;
		json_object_object_foreach(v, k, val) {
			(void)val;
			keys[i++] = k;
		}
		qsort(keys, i, sizeof *keys, journal_cmp);
		out = json_object_new_object();
		for (n = i, i = 0; i < n; i++) {
			json_object_object_get_ex(v, keys[i], &child);
			if (json_object_is_type(child, json_type_string) ||
			    child == NULL)
				child = child == NULL ? NULL :
				    journal_string(keys[i],
				    json_object_get_string(child), false,
				    in_ssl);
			else if (journal_secret_name(keys[i], false, in_ssl))
				child = json_object_new_string(
				    JOURNAL_REDACTED);
			else
				child = journal_canon(child, keys[i],
				    in_ssl || strcasecmp(keys[i],
				    "sslConfiguration") == 0);
			json_object_object_add(out, keys[i], child);
		}
		free(keys);
		return out;
	case json_type_array:
		out = json_object_new_array();
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			child = json_object_array_get_idx(v, i);
			json_object_array_add(out, child == NULL ? NULL :
			    journal_canon(child, name, in_ssl));
		}
		return out;
	case json_type_string:
		return journal_string(name, json_object_get_string(v), false,
		    in_ssl);
	default:
		return json_object_get(v);
	}
}

/* Decode %XX and (in forms and queries) '+' in place. */
static void
journal_decode(char *s)
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

/* "a=1&b=2" as a sorted, redacted object (the last of a repeated name). */
static struct json_object *
journal_form(const char *text)
{
	struct json_object	*raw = json_object_new_object(), *out;
	char			*copy = xstrdup(text), *p, *next, *eq;

	for (p = copy; p != NULL && *p != '\0'; p = next) {
		if ((next = strchr(p, '&')) != NULL)
			*next++ = '\0';
		if (*p == '\0')
			continue;
		if ((eq = strchr(p, '=')) != NULL)
			*eq++ = '\0';
		journal_decode(p);
		if (eq != NULL)
			journal_decode(eq);
		json_object_object_add(raw, p, journal_string(p,
		    eq != NULL ? eq : "", true, false));
	}
	OPENSSL_cleanse(copy, strlen(text));
	free(copy);
	out = journal_canon(raw, NULL, false);
	json_object_put(raw);
	return out;
}

/* The body as the journal shows it. */
static struct json_object *
journal_body(const struct sb_request *req)
{
	struct json_object	*parsed, *out;
	struct json_tokener	*tok;
	const char		*ct;
	char			 placeholder[64];

	if (req->body == NULL || req->body_len == 0)
		return NULL;
	ct = sb_req_header(req, "Content-Type");
	if (ct != NULL && strncasecmp(ct,
	    "application/x-www-form-urlencoded", 33) == 0)
		return journal_form(req->body);
	tok = json_tokener_new();
	parsed = json_tokener_parse_ex(tok, req->body, (int)req->body_len);
	if (parsed != NULL &&
	    json_tokener_get_error(tok) == json_tokener_success &&
	    json_tokener_get_parse_end(tok) == req->body_len) {
		out = journal_canon(parsed, NULL, false);
	} else {
		snprintf(placeholder, sizeof placeholder, "<%zu bytes>",
		    req->body_len);
		out = json_object_new_string(placeholder);
	}
	json_object_put(parsed);
	json_tokener_free(tok);
	return out;
}

/* The chosen request headers, the Authorization one reduced to scheme. */
static struct json_object *
journal_header_object(const struct sb_request *req)
{
	struct json_object	*h = json_object_new_object();
	const char		*v;
	char			 scheme[32];
	size_t			 i, n;

	for (i = 0; i < sizeof journal_headers / sizeof journal_headers[0];
	    i++) {
		if ((v = sb_req_header(req, journal_headers[i])) == NULL)
			continue;
		if (strcmp(journal_headers[i], "authorization") == 0) {
			n = strcspn(v, " ");
			if (n == 0 || n >= 16 || v[n] == '\0') {
				json_object_object_add(h, journal_headers[i],
				    json_object_new_string(JOURNAL_REDACTED));
				continue;
			}
			snprintf(scheme, sizeof scheme, "%.*s %s", (int)n, v,
			    JOURNAL_REDACTED);
			json_object_object_add(h, journal_headers[i],
			    json_object_new_string(scheme));
		} else
			json_object_object_add(h, journal_headers[i],
			    journal_string(NULL, v, false, false));
	}
	return h;
}

/* Write one line for a request and the status it got. */
void
journal_record(struct sb_journal *j, const struct sb_request *req,
    const struct sb_response *resp)
{
	struct json_object	*line;
	uint64_t		 ms;
	char			 iso[32], when[40];

	if (j == NULL)
		return;
	ms = clock_now_ms();
	clock_format_iso8601((time_t)(ms / 1000), iso, sizeof iso);
	/* "...:SSZ" becomes "...:SS.mmmZ" */
	snprintf(when, sizeof when, "%.*s.%03uZ", (int)strlen(iso) - 1, iso,
	    (unsigned)(ms % 1000));
	line = json_object_new_object();
	json_object_object_add(line, "time", json_object_new_string(when));
	json_object_object_add(line, "seq",
	    json_object_new_int64((int64_t)req->seq));
	json_object_object_add(line, "method",
	    json_object_new_string(req->method));
	json_object_object_add(line, "path",
	    json_object_new_string(req->path));
	json_object_object_add(line, "query",
	    journal_form(req->query != NULL ? req->query : ""));
	json_object_object_add(line, "headers", journal_header_object(req));
	json_object_object_add(line, "body", journal_body(req));
	json_object_object_add(line, "status",
	    json_object_new_int(resp != NULL ? resp->status : 0));
	pthread_mutex_lock(&j->lock);
	fprintf(j->fp, "%s\n", json_object_to_json_string_ext(line,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(j->fp);
	pthread_mutex_unlock(&j->lock);
	json_object_put(line);
}
