/*
 * JWT client assertions (see jwt.h).  RS256 is deterministic, so a fixed
 * key and fixed claims give a golden token; PS256 is randomised (salt) and
 * is checked by verification instead.  The header and claims are written
 * with json-c so that every string is escaped.
 */
#include "config.h"
#include "azure/jwt.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "azure/cert.h"
#include "azure/http.h"
#include "common/base64.h"
#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"

char *
jwt_sign(const struct cert_key *ck, enum jwt_alg alg, const char *header_json,
    const char *claims_json, struct err *err)
{
	struct buf	 input;
	char		*h, *c, *s, *out = NULL;
	unsigned char	*sig;
	size_t		 siglen;

	h = base64url_encode(header_json, strlen(header_json));
	c = base64url_encode(claims_json, strlen(claims_json));
	buf_init(&input, 0);
	buf_addf(&input, "%s.%s", h, c);
	if (cert_key_sign(ck, alg == JWT_PS256, input.data, input.len, &sig,
	    &siglen, err)) {
		s = base64url_encode(sig, siglen);
		buf_addf(&input, ".%s", s);
		free(s);
		free(sig);
		out = buf_take(&input);
	} else {
		OPENSSL_cleanse(input.data, input.len);
		buf_done(&input);
	}
	free(h);
	free(c);
	return out;
}

char *
jwt_client_assertion(const struct cert_key *ck, enum jwt_alg alg,
    const char *client_id, const char *token_url, time_t now,
    const char *jti, struct err *err)
{
	return jwt_client_assertion_x5c(ck, alg, client_id, token_url, now,
	    jti, false, err);
}

/* Standard base64 (with padding) of len bytes; yours to free. */
static char *
base64_std(const unsigned char *p, size_t len)
{
	char	*out = xmalloc(4 * ((len + 2) / 3) + 1);

	EVP_EncodeBlock((unsigned char *)out, p, (int)len);
	return out;
}

char *
jwt_client_assertion_x5c(const struct cert_key *ck, enum jwt_alg alg,
    const char *client_id, const char *token_url, time_t now,
    const char *jti, bool send_chain, struct err *err)
{
	json_object	*hdr, *cl;
	unsigned char	 md[64];
	size_t		 mdlen;
	char		*thumb, *jws, uuid[40];

	if (jti == NULL) {
		if (!http_uuid4(uuid, sizeof uuid)) {
			err_set(err, ERR_INTERNAL, _("no random numbers"));
			return NULL;
		}
		jti = uuid;
	}
	if (!cert_key_thumbprint(ck, alg == JWT_PS256, md, &mdlen)) {
		err_set(err, ERR_AUTH, _("cannot hash the certificate"));
		return NULL;
	}
	thumb = base64url_encode(md, mdlen);
	hdr = json_object_new_object();
	json_object_object_add(hdr, "alg", json_object_new_string(
	    alg == JWT_PS256 ? "PS256" : "RS256"));
	json_object_object_add(hdr, "typ", json_object_new_string("JWT"));
	json_object_object_add(hdr, alg == JWT_PS256 ? "x5t#S256" : "x5t",
	    json_object_new_string(thumb));
	if (send_chain) {
		unsigned char	*der;
		size_t		 derlen;
		char		*b64;
		json_object	*arr = json_object_new_array();

		if (cert_key_der(ck, &der, &derlen)) {
			b64 = base64_std(der, derlen);
			json_object_array_add(arr, json_object_new_string(b64));
			free(b64);
			OPENSSL_free(der);
		}
		json_object_object_add(hdr, "x5c", arr);
	}
	cl = json_object_new_object();
	json_object_object_add(cl, "aud", json_object_new_string(token_url));
	json_object_object_add(cl, "iss", json_object_new_string(client_id));
	json_object_object_add(cl, "sub", json_object_new_string(client_id));
	json_object_object_add(cl, "jti", json_object_new_string(jti));
	json_object_object_add(cl, "nbf", json_object_new_int64(now));
	json_object_object_add(cl, "iat", json_object_new_int64(now));
	json_object_object_add(cl, "exp", json_object_new_int64(now + 600));
	jws = jwt_sign(ck, alg, json_object_to_json_string_ext(hdr,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE),
	    json_object_to_json_string_ext(cl, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE), err);
	json_object_put(hdr);
	json_object_put(cl);
	free(thumb);
	return jws;
}

char *
jwt_claims(const char *token)
{
	const char	*dot1, *dot2;

	if (token == NULL || (dot1 = strchr(token, '.')) == NULL ||
	    (dot2 = strchr(dot1 + 1, '.')) == NULL)
		return NULL;
	return (char *)base64url_decode(dot1 + 1, (size_t)(dot2 - dot1 - 1), NULL);
}
