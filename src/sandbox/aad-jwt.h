/*
 * JSON Web Tokens for the sandbox's Azure AD: base64url, signing the
 * access and id tokens it issues (RS256), and checking the client
 * assertions confidential clients send (RS256 or PS256, x5t or x5t#S256
 * naming a registered certificate).  OpenSSL and json-c stay in here and
 * in aad.c; nothing else in the sandbox sees them.
 */
#ifndef AKSWIZ_SANDBOX_AAD_JWT_H
#define AKSWIZ_SANDBOX_AAD_JWT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct json_object;
struct err;
typedef struct evp_pkey_st EVP_PKEY;
typedef struct x509_st X509;

/* A parsed compact JWS: header and claims, plus what was signed. */
struct aad_jwt {
	struct json_object *header;	/* owned */
	struct json_object *claims;	/* owned */
	char		*signed_part;	/* "header.claims", owned */
	unsigned char	*sig;		/* owned */
	size_t		 siglen;
};


/*
 * Sign header and claims (JSON text) with key: alg "RS256" or "PS256".
 * Returns the compact token (caller wipes and frees) or NULL.
 */
char		*aad_jwt_sign(EVP_PKEY *, const char *alg,
		    const char *header_json, const char *claims_json);

/* Split and decode a compact JWS; false if it is not one. */
bool		 aad_jwt_parse(const char *token, struct aad_jwt *);
void		 aad_jwt_done(struct aad_jwt *);
/* Check the signature with pub for the header's alg (RS256, PS256). */
bool		 aad_jwt_verify(const struct aad_jwt *, EVP_PKEY *pub);
/* A string claim or header field (borrowed from jwt), or NULL. */
const char	*aad_jwt_str(struct json_object *, const char *name);
/* A NumericDate claim; false if absent or not a number. */
bool		 aad_jwt_time(struct json_object *, const char *name,
		    long long *);

/* base64url(SHA-1(DER)) if sha256 is false, else of SHA-256; caller frees. */
char		*aad_jwt_thumbprint(X509 *, bool sha256);

/* Seen client-assertion ids, each kept until its exp (with skew). */
struct aad_jti;
struct aad_jti	*aad_jti_new(void);
void		 aad_jti_free(struct aad_jti *);

/* Registered certificates of one confidential client (borrowed). */
struct aad_certs {
	X509		**certs;
	int		 ncerts;
};

/*
 * Check a client assertion (azure-api.md §6.3) for client_id at the token
 * URL aud: format, x5t or x5t#S256 naming one of certs, signature (RS256
 * or PS256) with its key, aud, iss == sub == client_id, nbf/exp within
 * skew of now, jti present and not seen before (then remembered).
 * Returns 0 if good, else the AADSTS number, with why filled.
 */
long		 aad_jwt_check_assertion(const char *assertion,
		    const char *client_id, const char *aud,
		    const struct aad_certs *, time_t now, struct aad_jti *,
		    char *why, size_t whylen);

#define AAD_JWT_SKEW	300	/* seconds of clock skew allowed */

#endif
