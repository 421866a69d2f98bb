/*
 * JWTs for the sandbox's Azure AD (see aad-jwt.h).  Verification is
 * deliberately strict about the algorithm: the header's alg picks RS256 or
 * PS256 and anything else ("none", HS256) is refused, so a client that
 * gets its signing wrong fails here as it would against Azure.
 */
#include "config.h"
#include "sandbox/aad-jwt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "common/base64.h"
#include "common/xalloc.h"

/* Set up ctx for alg on key; false for an unknown alg. */
static bool
jwt_digest_init(EVP_MD_CTX *ctx, EVP_PKEY *key, const char *alg, bool sign)
{
	EVP_PKEY_CTX	*pctx = NULL;
	int		 ok;

	if (strcmp(alg, "RS256") != 0 && strcmp(alg, "PS256") != 0)
		return false;
	if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
		return false;
	if (sign)
		ok = EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), NULL, key);
	else
		ok = EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), NULL, key);
	if (ok != 1)
		return false;
	if (strcmp(alg, "PS256") == 0) {
		if (EVP_PKEY_CTX_set_rsa_padding(pctx,
		    RSA_PKCS1_PSS_PADDING) != 1 ||
		    EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1 ||
		    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) != 1)
			return false;
	}
	return true;
}

/* Sign header.claims with key and return the compact token. */
char *
aad_jwt_sign(EVP_PKEY *key, const char *alg, const char *header_json,
    const char *claims_json)
{
	EVP_MD_CTX	*ctx;
	char		*h, *c, *input, *s, *token = NULL;
	unsigned char	*sig = NULL;
	size_t		 siglen = 0;

	h = base64url_encode(header_json, strlen(header_json));
	c = base64url_encode(claims_json, strlen(claims_json));
	xasprintf(&input, "%s.%s", h, c);
	free(h);
	free(c);
	if ((ctx = EVP_MD_CTX_new()) == NULL)
		goto out;
	if (!jwt_digest_init(ctx, key, alg, true) ||
	    EVP_DigestSign(ctx, NULL, &siglen, (unsigned char *)input,
	    strlen(input)) != 1)
		goto out;
	sig = xmalloc(siglen);
	if (EVP_DigestSign(ctx, sig, &siglen, (unsigned char *)input,
	    strlen(input)) != 1)
		goto out;
	s = base64url_encode(sig, siglen);
	xasprintf(&token, "%s.%s", input, s);
	free(s);
out:
	EVP_MD_CTX_free(ctx);
	free(sig);
	OPENSSL_cleanse(input, strlen(input));
	free(input);
	return token;
}

/* Decode one base64url JSON object part; NULL if it is not one. */
static struct json_object *
jwt_part(const char *p, size_t len)
{
	struct json_object	*o;
	struct json_tokener	*tok;
	unsigned char		*raw;
	size_t			 rawlen;

	if ((raw = base64url_decode(p, len, &rawlen)) == NULL)
		return NULL;
	tok = json_tokener_new();
	o = json_tokener_parse_ex(tok, (char *)raw, (int)rawlen);
	if (o != NULL && (json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != rawlen ||
	    !json_object_is_type(o, json_type_object))) {
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	OPENSSL_cleanse(raw, rawlen);
	free(raw);
	return o;
}

/* Split a compact JWS into its parts. */
bool
aad_jwt_parse(const char *token, struct aad_jwt *jwt)
{
	const char	*d1, *d2;

	memset(jwt, 0, sizeof *jwt);
	if ((d1 = strchr(token, '.')) == NULL ||
	    (d2 = strchr(d1 + 1, '.')) == NULL || strchr(d2 + 1, '.') != NULL)
		return false;
	if ((jwt->header = jwt_part(token, (size_t)(d1 - token))) == NULL ||
	    (jwt->claims = jwt_part(d1 + 1, (size_t)(d2 - d1 - 1))) == NULL)
		goto bad;
	jwt->sig = base64url_decode(d2 + 1, strlen(d2 + 1), &jwt->siglen);
	if (jwt->sig == NULL || jwt->siglen == 0)
		goto bad;
	jwt->signed_part = xstrndup(token, (size_t)(d2 - token));
	return true;
bad:
	aad_jwt_done(jwt);
	return false;
}

void
aad_jwt_done(struct aad_jwt *jwt)
{
	json_object_put(jwt->header);
	json_object_put(jwt->claims);
	if (jwt->signed_part != NULL) {
		OPENSSL_cleanse(jwt->signed_part, strlen(jwt->signed_part));
		free(jwt->signed_part);
	}
	free(jwt->sig);
	memset(jwt, 0, sizeof *jwt);
}

/* Check the signature for the alg the header names. */
bool
aad_jwt_verify(const struct aad_jwt *jwt, EVP_PKEY *pub)
{
	EVP_MD_CTX	*ctx;
	const char	*alg;
	bool		 good = false;

	if ((alg = aad_jwt_str(jwt->header, "alg")) == NULL ||
	    (ctx = EVP_MD_CTX_new()) == NULL)
		return false;
	if (jwt_digest_init(ctx, pub, alg, false))
		good = EVP_DigestVerify(ctx, jwt->sig, jwt->siglen,
		    (unsigned char *)jwt->signed_part,
		    strlen(jwt->signed_part)) == 1;
	EVP_MD_CTX_free(ctx);
	return good;
}

/* A string member of a header or claims object, or NULL. */
const char *
aad_jwt_str(struct json_object *o, const char *name)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, name, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A NumericDate member; false if absent or not a number. */
bool
aad_jwt_time(struct json_object *o, const char *name, long long *t)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, name, &v) ||
	    !(json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double)))
		return false;
	*t = (long long)json_object_get_int64(v);
	return true;
}

/* The certificate's thumbprint as Azure AD names it in x5t / x5t#S256. */
char *
aad_jwt_thumbprint(X509 *cert, bool sha256)
{
	unsigned char	md[EVP_MAX_MD_SIZE];
	unsigned	 mdlen = 0;

	if (X509_digest(cert, sha256 ? EVP_sha256() : EVP_sha1(), md,
	    &mdlen) != 1)
		return NULL;
	return base64url_encode(md, mdlen);
}

struct jti_entry {
	char		*jti;
	long long	 until;
};

struct aad_jti {
	struct jti_entry *v;
	size_t		 n, alloc;
};

struct aad_jti *
aad_jti_new(void)
{
	return xcalloc(1, sizeof(struct aad_jti));
}

void
aad_jti_free(struct aad_jti *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->v[i].jti);
	free(s->v);
	free(s);
}

/* Whether jti was seen; if not, remember it until "until".  Prunes. */
static bool
jti_seen(struct aad_jti *s, const char *jti, long long until, long long now)
{
	size_t	i, j;

	for (i = j = 0; i < s->n; i++) {
		if (s->v[i].until < now) {
			free(s->v[i].jti);
			continue;
		}
		s->v[j++] = s->v[i];
	}
	s->n = j;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].jti, jti) == 0)
			return true;
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? s->alloc * 2 : 16;
		s->v = xreallocarray(s->v, s->alloc, sizeof *s->v);
	}
	s->v[s->n].jti = xstrdup(jti);
	s->v[s->n++].until = until;
	return false;
}

/* Find the registered certificate the header's x5t or x5t#S256 names. */
static X509 *
assertion_cert(const struct aad_jwt *jwt, const struct aad_certs *certs)
{
	const char	*want;
	char		*tp;
	bool		 sha256;
	int		 i;

	sha256 = (want = aad_jwt_str(jwt->header, "x5t#S256")) != NULL;
	if (!sha256 && (want = aad_jwt_str(jwt->header, "x5t")) == NULL)
		return NULL;
	for (i = 0; certs != NULL && i < certs->ncerts; i++) {
		if ((tp = aad_jwt_thumbprint(certs->certs[i], sha256)) == NULL)
			continue;
		if (strcmp(tp, want) == 0) {
			free(tp);
			return certs->certs[i];
		}
		free(tp);
	}
	return NULL;
}

/* Check a client assertion; 0 or the AADSTS number Azure AD would give. */
long
aad_jwt_check_assertion(const char *assertion, const char *client_id,
    const char *aud, const struct aad_certs *certs, time_t now,
    struct aad_jti *jtis, char *why, size_t whylen)
{
	struct aad_jwt	 jwt;
	X509		*cert;
	EVP_PKEY	*pub;
	const char	*s, *alg, *jti;
	long long	 exp, nbf;
	long		 code = 0;
	bool		 good;

	if (!aad_jwt_parse(assertion, &jwt)) {
		snprintf(why, whylen, "JWT token is invalid or malformed.");
		return 50027;
	}
	alg = aad_jwt_str(jwt.header, "alg");
	if (alg == NULL ||
	    (strcmp(alg, "RS256") != 0 && strcmp(alg, "PS256") != 0)) {
		snprintf(why, whylen, "The JWT alg '%s' is not supported; "
		    "use RS256 or PS256.", alg ? alg : "");
		code = 5002738;
		goto out;
	}
	if ((cert = assertion_cert(&jwt, certs)) == NULL) {
		snprintf(why, whylen, "Client assertion contains an invalid "
		    "signature. [Reason - The key was not found., Thumbprint "
		    "of key used by client: '%s']",
		    aad_jwt_str(jwt.header, "x5t#S256") ?
		    aad_jwt_str(jwt.header, "x5t#S256") :
		    aad_jwt_str(jwt.header, "x5t") ?
		    aad_jwt_str(jwt.header, "x5t") : "");
		code = 700027;
		goto out;
	}
	if (X509_cmp_time(X509_get0_notAfter(cert), &now) < 0 ||
	    X509_cmp_time(X509_get0_notBefore(cert), &now) > 0) {
		/* a key credential lasts as long as its certificate */
		char		 start[32], end[32];
		struct tm	 tm;

		start[0] = end[0] = '\0';
		if (ASN1_TIME_to_tm(X509_get0_notBefore(cert), &tm) == 1)
			strftime(start, sizeof start, "%m/%d/%Y %H:%M:%S", &tm);
		if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) == 1)
			strftime(end, sizeof end, "%m/%d/%Y %H:%M:%S", &tm);
		snprintf(why, whylen, "Client assertion contains an invalid "
		    "signature. [Reason - The key used is %s., Thumbprint of "
		    "key used by client: '%s', Found key 'Start=%s, End=%s', "
		    "Please visit the Azure Portal, Graph Explorer or directly "
		    "use MS Graph to see configured keys for app Id '%s'.]",
		    X509_cmp_time(X509_get0_notAfter(cert), &now) < 0 ?
		    "expired" : "not yet valid",
		    aad_jwt_str(jwt.header, "x5t#S256") ?
		    aad_jwt_str(jwt.header, "x5t#S256") :
		    aad_jwt_str(jwt.header, "x5t") ?
		    aad_jwt_str(jwt.header, "x5t") : "", start, end,
		    client_id);
		code = 700027;
		goto out;
	}
	pub = X509_get0_pubkey(cert);
	good = pub != NULL && aad_jwt_verify(&jwt, pub);
	if (!good) {
		snprintf(why, whylen, "Client assertion contains an invalid "
		    "signature. [Reason - The provided signature value did "
		    "not match the expected signature value.]");
		code = 700027;
		goto out;
	}
	if ((s = aad_jwt_str(jwt.claims, "aud")) == NULL ||
	    strcmp(s, aud) != 0) {
		snprintf(why, whylen, "The audience '%s' is invalid; the "
		    "client assertion must be for '%s'.", s ? s : "", aud);
		code = 50013;
		goto out;
	}
	if ((s = aad_jwt_str(jwt.claims, "iss")) == NULL ||
	    strcmp(s, client_id) != 0 ||
	    (s = aad_jwt_str(jwt.claims, "sub")) == NULL ||
	    strcmp(s, client_id) != 0) {
		snprintf(why, whylen, "Client assertion application "
		    "identifier doesn't match 'client_id' parameter. Review "
		    "the documentation at https://learn.microsoft.com/entra/"
		    "identity-platform/certificate-credentials .");
		code = 700021;
		goto out;
	}
	if (!aad_jwt_time(jwt.claims, "exp", &exp)) {
		snprintf(why, whylen, "The client assertion has no 'exp'.");
		code = 50013;
		goto out;
	}
	if (!aad_jwt_time(jwt.claims, "nbf", &nbf))
		nbf = now;
	if (exp + AAD_JWT_SKEW < (long long)now ||
	    nbf - AAD_JWT_SKEW > (long long)now) {
		snprintf(why, whylen, "Client assertion is not within its "
		    "valid time range. Current time: %lld, assertion valid "
		    "from %lld, expiry time of assertion %lld.",
		    (long long)now, nbf, exp);
		code = 700024;
		goto out;
	}
	if ((jti = aad_jwt_str(jwt.claims, "jti")) == NULL || *jti == '\0') {
		snprintf(why, whylen, "The client assertion has no 'jti'.");
		code = 50013;
		goto out;
	}
	if (jtis != NULL && jti_seen(jtis, jti, exp + AAD_JWT_SKEW, now)) {
		snprintf(why, whylen, "The client assertion with jti '%s' "
		    "has already been used.", jti);
		code = 50013;
		goto out;
	}
out:
	aad_jwt_done(&jwt);
	return code;
}
