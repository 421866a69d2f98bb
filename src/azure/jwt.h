/*
 * JWT client assertions for a service principal with a certificate
 * (azure-api.md 6.3): compact JWS, base64url without padding.  RS256 with
 * x5t = base64url(SHA-1(cert DER)) as MSAL sends, or PS256 with
 * x5t#S256 = base64url(SHA-256(cert DER)) as current Entra docs show.
 */
#ifndef AKSWIZ_AZURE_JWT_H
#define AKSWIZ_AZURE_JWT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "common/err.h"

struct cert_key;

enum jwt_alg {
	JWT_RS256,
	JWT_PS256
};

/*
 * Sign header.claims (both JSON text, encoded here) with ck; returns the
 * compact JWS, yours to wipe (OPENSSL_cleanse) and free, or NULL + err.
 */
char	*jwt_sign(const struct cert_key *ck, enum jwt_alg,
	    const char *header_json, const char *claims_json, struct err *);
/*
 * A client assertion: aud = token_url, iss = sub = client_id, jti, nbf =
 * now, exp = now + 600.  jti NULL: a fresh random UUID.
 */
char	*jwt_client_assertion(const struct cert_key *ck, enum jwt_alg,
	    const char *client_id, const char *token_url, time_t now,
	    const char *jti, struct err *);
/* The same, with x5c (the certificate, standard base64 DER) in the header
 * when send_chain, for subject name/issuer sign-in. */
char	*jwt_client_assertion_x5c(const struct cert_key *ck, enum jwt_alg,
	    const char *client_id, const char *token_url, time_t now,
	    const char *jti, bool send_chain, struct err *);
/*
 * The claims (payload) of a compact JWT, decoded but NOT verified (for
 * `akswiz account`); yours to free, or NULL if malformed.
 */
char	*jwt_claims(const char *token);

#endif
