/*
 * PEM certificates and keys: loading a certificate with its private key
 * (for the JWT client assertion of a service principal), and the LOCAL
 * check of a custom TLS certificate for the scoring endpoint that the
 * wizard and preflight show as verdicts: it parses, the key matches, the
 * key has no pass phrase (the service refuses those), it is valid now,
 * and it covers the CNAME (subject alternative names, else the common
 * name; a wildcard covers exactly one leftmost label).
 */
#ifndef AKSWIZ_AZURE_CERT_H
#define AKSWIZ_AZURE_CERT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "common/err.h"
#include "core/verdict.h"

/* Warn when the certificate expires within this many days. */
#define CERT_SOON_DAYS	30

struct cert_key;

/*
 * Load the first certificate of cert_path and the private key of key_path
 * (NULL: the same file, as AZURE_CLIENT_CERTIFICATE_PATH holds both).
 * Refuses keys with a pass phrase and keys that do not match.
 */
struct cert_key	*cert_key_load(const char *cert_path, const char *key_path,
		    struct err *);
/* The same with the key's pass phrase (AZURE_CLIENT_CERTIFICATE_PASSWORD). */
struct cert_key	*cert_key_load_pass(const char *cert_path,
		    const char *key_path, const char *passphrase,
		    struct err *);
void		 cert_key_free(struct cert_key *);
/* SHA-1 (x5t) or SHA-256 (x5t#S256) of the certificate's DER; md >= 32. */
bool		 cert_key_thumbprint(const struct cert_key *, bool sha256,
		    unsigned char *md, size_t *mdlen);
/*
 * Sign data with SHA-256: RSASSA-PKCS1-v1_5 (RS256) or RSASSA-PSS with
 * MGF1-SHA-256 and a 32-byte salt (PS256).  *sig is yours to free.
 */
bool		 cert_key_sign(const struct cert_key *, bool pss,
		    const void *data, size_t len, unsigned char **sig,
		    size_t *siglen, struct err *);
/* The certificate's validity (notBefore, notAfter); false if unreadable. */
bool		 cert_key_validity(const struct cert_key *, time_t *not_before,
		    time_t *not_after);
/* The certificate's DER (for x5c); *der is yours to OPENSSL_free(). */
bool		 cert_key_der(const struct cert_key *, unsigned char **der,
		    size_t *len);

/*
 * Check a custom TLS certificate (cert_file, key_file, cname; now from
 * the clock) and append verdicts to vs: errors CERT_UNREADABLE,
 * CERT_PARSE, KEY_PARSE, KEY_ENCRYPTED, KEY_MISMATCH, CERT_EXPIRED,
 * CERT_NOT_YET_VALID, CERT_CNAME_NOT_COVERED; warning CERT_EXPIRES_SOON.
 * Returns true when there is no error.  cname may be NULL (not checked).
 */
bool		 cert_check_tls(const char *cert_file, const char *key_file,
		    const char *cname, time_t now, struct verdicts *vs);
/*
 * The certificate checks of a plan, the one place that decides when they
 * run (a create, attach or update with a custom certificate whose files
 * are both named): `plan check`, `plan new`, apply's preflight and the
 * wizard call it.  False when it added an error.
 */
struct plan;
bool		 cert_check_plan(const struct plan *, time_t now,
		    struct verdicts *vs);

#endif
