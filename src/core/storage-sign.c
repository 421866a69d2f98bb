/*
 * The Shared Key string-to-sign (storage-sign.h), by the documented
 * rules: header names lowercased, values with runs of white space made
 * one space and trimmed, sorted by name; the resource "/account" and
 * the path as sent, then each query parameter "\nname:value", the name
 * lowercased and both percent-decoded, sorted by name, the values of one
 * name sorted and joined with commas.
 */
#include "config.h"

#include "core/storage-sign.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"
#include "common/xalloc.h"

const char *const storage_std_headers[STORAGE_STD_HEADERS] = {
	"Content-Encoding", "Content-Language", "Content-Length",
	"Content-MD5", "Content-Type", "Date", "If-Modified-Since",
	"If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "name:value" of a header line: the name lowercased, the value's runs
 * of spaces and tabs one space, trimmed. */
static char *
canon_header(const char *h)
{
	const char	*colon = strchr(h, ':'), *v;
	struct buf	 b;
	size_t		 i;

	buf_init(&b, 0);
	if (colon == NULL)
		return buf_take(&b);
	for (i = 0; h + i < colon; i++) {
		char	c = (char)tolower((unsigned char)h[i]);

		buf_add(&b, &c, 1);
	}
	while (b.len > 0 && (b.data[b.len - 1] == ' ' ||
	    b.data[b.len - 1] == '\t'))
		b.len--;
	buf_adds(&b, ":");
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	for (; *v != '\0'; v++)
		if (*v != ' ' && *v != '\t')
			buf_add(&b, v, 1);
		else if (v[1] != ' ' && v[1] != '\t' && v[1] != '\0')
			buf_adds(&b, " ");
	return buf_take(&b);
}

/* Percent-decode n bytes of s ('+' is a space) into a new string. */
static char *
url_decode(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1), *o = out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char	hex[3] = { s[i + 1], s[i + 2], '\0' };

			*o++ = (char)strtol(hex, NULL, 16);
			i += 2;
		} else
			*o++ = s[i] == '+' ? ' ' : s[i];
	}
	*o = '\0';
	return out;
}

/* The query's parameters as "\nname:v1,v2", names lowercased, sorted. */
static void
canon_query(struct buf *b, const char *q)
{
	char	**params = NULL;
	size_t	  n = 0, i, j;

	while (q != NULL && *q != '\0') {
		size_t		 len = strcspn(q, "&");
		const char	*eq = memchr(q, '=', len);
		char		*name, *val, *p;

		if (len > 0) {
			name = url_decode(q, eq != NULL ? (size_t)(eq - q) :
			    len);
			val = eq != NULL ? url_decode(eq + 1,
			    len - (size_t)(eq + 1 - q)) : xstrdup("");
			for (p = name; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			params = xreallocarray(params, n + 1, sizeof *params);
			if (asprintf(&params[n], "%s:%s", name, val) < 0)
				abort();
			n++;
			free(name);
			free(val);
		}
		q += len;
		if (*q == '&')
			q++;
	}
	if (n > 0)
		qsort(params, n, sizeof *params, cmp_str);
	/* values of one name joined with commas, in sorted order */
	for (i = 0; i < n; i = j) {
		size_t	nl = strcspn(params[i], ":");

		buf_addf(b, "\n%s", params[i]);
		for (j = i + 1; j < n && strncmp(params[j], params[i], nl) ==
		    0 && params[j][nl] == ':'; j++)
			buf_addf(b, ",%s", params[j] + nl + 1);
	}
	for (i = 0; i < n; i++)
		free(params[i]);
	free(params);
}

char *
storage_string_to_sign(const struct storage_sign_in *in)
{
	struct buf	 b;
	char		**h = NULL;
	const char	*v;
	size_t		 n = 0, i;

	buf_init(&b, 0);
	buf_addf(&b, "%s\n", in->method);
	for (i = 0; i < STORAGE_STD_HEADERS; i++) {
		v = in->std[i] != NULL ? in->std[i] : "";
		/* Content-Length: empty when zero (2015-02-21 on) */
		if (i == 2 && strcmp(v, "0") == 0)
			v = "";
		buf_addf(&b, "%s\n", v);
	}
	for (i = 0; in->headers != NULL && in->headers[i] != NULL; i++)
		if (strncasecmp(in->headers[i], "x-ms-", 5) == 0) {
			h = xreallocarray(h, n + 1, sizeof *h);
			h[n++] = canon_header(in->headers[i]);
		}
	if (n > 0)
		qsort(h, n, sizeof *h, cmp_str);
	for (i = 0; i < n; i++) {
		buf_addf(&b, "%s\n", h[i]);
		free(h[i]);
	}
	free(h);
	buf_addf(&b, "/%s", in->account);
	if (in->path == NULL || *in->path != '/')
		buf_adds(&b, "/");
	if (in->path != NULL)
		buf_adds(&b, in->path);
	canon_query(&b, in->query);
	return buf_take(&b);
}
