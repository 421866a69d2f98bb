/*
 * The redacted --debug log (see debuglog.h).  Redaction is done on every
 * piece of text written, not only where secrets are expected, so that a
 * token echoed in an error body or a URL is caught too.  It errs on the
 * side of hiding: any "key" member is hidden, whatever it holds.
 */
#include "config.h"
#include "azure/debuglog.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#define BODY_LOG_MAX	8192

struct debuglog {
	FILE	*fp;
	bool	 owned;
};

/* Header names whose value is a credential. */
static const char *const secret_headers[] = {
	"authorization", "proxy-authorization", "x-identity-header",
	"secret", "cookie", "set-cookie", "x-ms-token", NULL
};

/* Form fields and query parameters that carry secrets. */
static const char *const secret_fields[] = {
	"client_secret", "client_assertion", "refresh_token", "access_token",
	"id_token", "device_code", "password", "assertion", "code", "sig",
	"secret", "s", NULL	/* s: the signature of ML operation URLs */
};

/* JSON members that carry secrets. */
static const char *const secret_members[] = {
	"access_token", "refresh_token", "id_token", "client_secret",
	"client_assertion", "device_code", "password", "secret", "key",
	"cert", "adminKubeConfig", "userKubeConfig", "value_secret",
	"accessToken", "refreshToken", "clientSecret",
	/* online endpoints: listKeys, regenerateKeys */
	"primaryKey", "secondaryKey", "keyValue",
	/* Kubernetes: the azureml-fe TLS Secret's data, kubeconfig users */
	"cert.pem", "key.pem", "tls.crt", "tls.key", "token",
	"client-key-data",
	/* the Azure ML extension's protected settings: base64 PEM */
	"scoringFe.sslCert", "scoringFe.sslKey", NULL
};

struct debuglog *
debuglog_open(const char *path, struct err *err)
{
	struct debuglog	*log;
	int		 fd;
	FILE		*fp;

	if (path == NULL || strcmp(path, "-") == 0) {
		log = xcalloc(1, sizeof *log);
		log->fp = stderr;
		return log;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	if ((fp = fdopen(fd, "a")) == NULL) {
		close(fd);
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	log = xcalloc(1, sizeof *log);
	log->fp = fp;
	log->owned = true;
	return log;
}

void
debuglog_close(struct debuglog *log)
{
	if (log == NULL)
		return;
	if (log->owned)
		fclose(log->fp);
	else
		fflush(log->fp);
	free(log);
}

/* Whether text at s starts with name (case-insensitive); its length or 0. */
static size_t
starts_with_name(const char *s, size_t left, const char *name)
{
	size_t	n = strlen(name);

	if (n > left || strncasecmp(s, name, n) != 0)
		return 0;
	return n;
}

static bool
is_jwt_char(int c)
{
	return isalnum(c) || c == '-' || c == '_';
}

/* Length of a JWT-looking run at s (eyJ...x.y[.z]), or 0. */
static size_t
jwt_length(const char *s, size_t left)
{
	size_t	i = 0;
	int	dots = 0;

	if (left < 3 || strncmp(s, "eyJ", 3) != 0)
		return 0;
	while (i < left && (is_jwt_char((unsigned char)s[i]) || s[i] == '.')) {
		if (s[i] == '.')
			dots++;
		i++;
	}
	return dots >= 1 && i > 20 ? i : 0;
}

/* Length of a PEM block at s ("-----BEGIN" ... "-----END x-----"), or 0. */
static size_t
pem_length(const char *s, size_t left)
{
	const char	*end, *p;
	size_t		 off;

	if (left < 11 || strncmp(s, "-----BEGIN ", 11) != 0)
		return 0;
	for (off = 11; off + 9 <= left; off++)
		if (strncmp(s + off, "-----END ", 9) == 0)
			break;
	if (off + 9 > left)
		return left;
	end = s + off + 9;
	for (p = end; p + 5 <= s + left; p++)
		if (strncmp(p, "-----", 5) == 0)
			return (size_t)(p + 5 - s);
	return left;
}

char *
debuglog_redact(const char *text, size_t len)
{
	struct buf	 out;
	size_t		 i = 0, n, k, j;
	bool		 line_start = true;
	char		 prev;

	buf_init(&out, 0);
	buf_add(&out, "", 0);
	while (i < len) {
		/* credential headers at the start of a line */
		if (line_start)
			for (k = 0; secret_headers[k] != NULL; k++) {
				n = starts_with_name(text + i, len - i,
				    secret_headers[k]);
				if (n != 0 && i + n < len && text[i + n] == ':') {
					buf_add(&out, text + i, n + 1);
					buf_adds(&out, " " DEBUGLOG_REDACTED);
					for (i += n + 1; i < len &&
					    text[i] != '\n' && text[i] != '\r'; i++)
						;
					break;
				}
			}
		if (i >= len)
			break;
		line_start = false;
		if ((n = pem_length(text + i, len - i)) != 0) {
			buf_adds(&out, "[REDACTED PEM]");
			i += n;
			continue;
		}
		if ((n = jwt_length(text + i, len - i)) != 0) {
			buf_adds(&out, DEBUGLOG_REDACTED);
			i += n;
			continue;
		}
		/* name=value in forms and query strings */
		prev = i == 0 ? '&' : text[i - 1];
		if (prev == '&' || prev == '?' || isspace((unsigned char)prev))
			for (k = 0; secret_fields[k] != NULL; k++) {
				n = starts_with_name(text + i, len - i,
				    secret_fields[k]);
				if (n == 0 || i + n >= len || text[i + n] != '=')
					continue;
				buf_add(&out, text + i, n + 1);
				buf_adds(&out, DEBUGLOG_REDACTED);
				for (i += n + 1; i < len && text[i] != '&' &&
				    text[i] != '"' &&
				    !isspace((unsigned char)text[i]); i++)
					;
				n = 0;
				goto next;
			}
		/* "member": "value" in JSON */
		if (text[i] == '"')
			for (k = 0; secret_members[k] != NULL; k++) {
				n = starts_with_name(text + i + 1, len - i - 1,
				    secret_members[k]);
				if (n == 0 || i + 1 + n >= len ||
				    text[i + 1 + n] != '"')
					continue;
				j = i + 2 + n;
				while (j < len && isspace((unsigned char)text[j]))
					j++;
				if (j >= len || text[j] != ':')
					continue;
				j++;
				while (j < len && isspace((unsigned char)text[j]))
					j++;
				if (j >= len || text[j] != '"')
					continue;
				buf_add(&out, text + i, j + 1 - i);
				buf_adds(&out, DEBUGLOG_REDACTED);
				for (j++; j < len && text[j] != '"'; j++)
					if (text[j] == '\\' && j + 1 < len)
						j++;
				i = j;	/* the closing quote is copied below */
				goto next;
			}
		if (text[i] == '\n')
			line_start = true;
		buf_add(&out, text + i, 1);
		i++;
next:
		;
	}
	return buf_take(&out);
}

void
debuglog_line(struct debuglog *log, const char *fmt, ...)
{
	va_list	 ap;
	char	*s, *r, ts[32];
	int	 n;

	if (log == NULL)
		return;
	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	r = debuglog_redact(s, (size_t)n);
	clock_format_iso8601(clock_now(), ts, sizeof ts);
	fprintf(log->fp, "%s %s\n", ts, r);
	fflush(log->fp);
	free(s);
	free(r);
}

void
debuglog_header(struct debuglog *log, const char *dir, const char *line,
    size_t len)
{
	char	*r;

	if (log == NULL)
		return;
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (len == 0)
		return;
	r = debuglog_redact(line, len);
	fprintf(log->fp, "%s %s\n", dir, r);
	free(r);
}

void
debuglog_body(struct debuglog *log, const char *dir, const char *body,
    size_t len)
{
	char	*r;
	size_t	 shown = len > BODY_LOG_MAX ? BODY_LOG_MAX : len;

	if (log == NULL || body == NULL || len == 0)
		return;
	r = debuglog_redact(body, shown);
	fprintf(log->fp, "%s %s%s\n", dir, r,
	    shown < len ? " [...cut]" : "");
	fflush(log->fp);
	free(r);
}
