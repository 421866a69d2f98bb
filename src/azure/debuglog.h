/*
 * The --debug log: one untranslated, redacted block per request and
 * response and a line per state change.  Redaction removes Authorization
 * and other credential headers, form fields and JSON members that carry
 * secrets (client_secret, client_assertion, refresh_token, access_token,
 * id_token, device_code, password, "key", "cert"), PEM blocks and anything
 * shaped like a JWT, wherever they appear.
 */
#ifndef AKSWIZ_AZURE_DEBUGLOG_H
#define AKSWIZ_AZURE_DEBUGLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

#define DEBUGLOG_REDACTED	"[REDACTED]"

struct debuglog;

/* Open (append, mode 0600) path; "-" or NULL means stderr. */
struct debuglog	*debuglog_open(const char *path, struct err *);
void		 debuglog_close(struct debuglog *);
/* A printf-style line, redacted (NULL log: nothing). */
void		 debuglog_line(struct debuglog *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* A header line ("Name: value"), a body (cut at 8 KiB), redacted. */
void		 debuglog_header(struct debuglog *, const char *dir,
		    const char *line, size_t len);
void		 debuglog_body(struct debuglog *, const char *dir,
		    const char *body, size_t len);
/* A redacted copy of text (NUL-terminated, caller frees). */
char		*debuglog_redact(const char *text, size_t len);

#endif
