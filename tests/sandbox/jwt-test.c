/*
 * The sandbox's JWT code: base64url, signing and verifying RS256/PS256,
 * and the client-assertion checks Azure AD makes (azure-api.md §6.3):
 * one row per assertion, each with the AADSTS code the sandbox answers.
 * Keys and certificates are made here, so no key is committed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "common/base64.h"
#include "sandbox/aad-jwt.h"
#include "tap.h"

#define CLIENT	"8f1c2c55-0b1e-4d1a-9e8a-5a7c3d4b2e10"
#define AUD	"https://127.0.0.1:4443/tid/oauth2/v2.0/token"
#define NOW	1795000000LL

/*
 * A self-signed certificate for key, valid from NOW + from to NOW + until
 * (a registered key credential lasts as long as its certificate).
 */
static X509 *
make_cert(EVP_PKEY *key, const char *cn, long from, long until)
{
	X509		*x = X509_new();
	X509_NAME	*name;

	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 7);
	ASN1_TIME_set(X509_getm_notBefore(x), (time_t)(NOW + from));
	ASN1_TIME_set(X509_getm_notAfter(x), (time_t)(NOW + until));
	X509_set_pubkey(x, key);
	name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	    (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(x, name);
	X509_sign(x, key, EVP_sha256());
	return x;
}

struct row {
	const char	*name;
	const char	*alg;
	int		 which_key;	/* 0 registered, 1 other key */
	int		 x5t;		/* 0 x5t, 1 x5t#S256, 2 none, 3 other */
	const char	*aud, *iss, *sub, *jti;
	long long	 nbf, exp;
	long		 want;
};

static const struct row rows[] = {
	{ "RS256 with x5t is accepted", "RS256", 0, 0, AUD, CLIENT, CLIENT,
	    "j-1", NOW, NOW + 600, 0 },
	{ "PS256 with x5t#S256 is accepted", "PS256", 0, 1, AUD, CLIENT,
	    CLIENT, "j-2", NOW, NOW + 600, 0 },
	{ "PS256 with x5t is accepted", "PS256", 0, 0, AUD, CLIENT, CLIENT,
	    "j-3", NOW, NOW + 600, 0 },
	{ "jti reused is refused", "RS256", 0, 0, AUD, CLIENT, CLIENT,
	    "j-1", NOW, NOW + 600, 50013 },
	{ "signed by another key is refused", "RS256", 1, 0, AUD, CLIENT,
	    CLIENT, "j-4", NOW, NOW + 600, 700027 },
	{ "unknown x5t is refused", "RS256", 1, 3, AUD, CLIENT, CLIENT,
	    "j-5", NOW, NOW + 600, 700027 },
	{ "no thumbprint is refused", "RS256", 0, 2, AUD, CLIENT, CLIENT,
	    "j-6", NOW, NOW + 600, 700027 },
	{ "wrong aud is refused", "RS256", 0, 0,
	    "https://login.microsoftonline.com/tid/oauth2/v2.0/token", CLIENT,
	    CLIENT, "j-7", NOW, NOW + 600, 50013 },
	{ "iss other than client_id is refused", "RS256", 0, 0, AUD,
	    "someone-else", CLIENT, "j-8", NOW, NOW + 600, 700021 },
	{ "sub other than client_id is refused", "PS256", 0, 1, AUD, CLIENT,
	    "someone-else", "j-9", NOW, NOW + 600, 700021 },
	{ "expired is refused", "RS256", 0, 0, AUD, CLIENT, CLIENT, "j-10",
	    NOW - 1200, NOW - 600, 700024 },
	{ "expired within skew is accepted", "RS256", 0, 0, AUD, CLIENT,
	    CLIENT, "j-11", NOW - 700, NOW - 100, 0 },
	{ "nbf in the future is refused", "RS256", 0, 0, AUD, CLIENT, CLIENT,
	    "j-12", NOW + 900, NOW + 1500, 700024 },
	{ "missing jti is refused", "RS256", 0, 0, AUD, CLIENT, CLIENT,
	    NULL, NOW, NOW + 600, 50013 },
	{ "HS256 is refused", "HS256", 0, 0, AUD, CLIENT, CLIENT, "j-13",
	    NOW, NOW + 600, 5002738 },
};

/* Build the assertion a row describes. */
static char *
make_assertion(const struct row *r, EVP_PKEY *keys[2], X509 *certs[2])
{
	struct json_object	*h = json_object_new_object();
	struct json_object	*c = json_object_new_object();
	char			*tp, *tok;
	const char		*alg = r->alg;

	json_object_object_add(h, "alg", json_object_new_string(r->alg));
	json_object_object_add(h, "typ", json_object_new_string("JWT"));
	if (r->x5t == 0 || r->x5t == 1 || r->x5t == 3) {
		tp = aad_jwt_thumbprint(certs[r->x5t == 3 ? 1 : 0],
		    r->x5t == 1);
		json_object_object_add(h, r->x5t == 1 ? "x5t#S256" : "x5t",
		    json_object_new_string(tp));
		free(tp);
	}
	json_object_object_add(c, "aud", json_object_new_string(r->aud));
	json_object_object_add(c, "iss", json_object_new_string(r->iss));
	json_object_object_add(c, "sub", json_object_new_string(r->sub));
	if (r->jti != NULL)
		json_object_object_add(c, "jti",
		    json_object_new_string(r->jti));
	json_object_object_add(c, "nbf", json_object_new_int64(r->nbf));
	json_object_object_add(c, "exp", json_object_new_int64(r->exp));
	if (strcmp(alg, "HS256") == 0)
		alg = "RS256";	/* sign anyway; the header lies */
	tok = aad_jwt_sign(keys[r->which_key], alg,
	    json_object_to_json_string(h), json_object_to_json_string(c));
	json_object_put(h);
	json_object_put(c);
	return tok;
}

static void
test_b64url(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "" }, { "f", "Zg" }, { "fo", "Zm8" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg" }, { "\xfb\xff", "-_8" },
	};
	unsigned char	*d;
	size_t		 i, n;
	char		*e;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		e = base64url_encode(v[i].in, strlen(v[i].in));
		is_str(e, v[i].out, "base64url of \"%s\"", v[i].out);
		d = base64url_decode(e, strlen(e), &n);
		ok(d != NULL && n == strlen(v[i].in) &&
		    memcmp(d, v[i].in, n) == 0, "decodes back \"%s\"",
		    v[i].out);
		free(d);
		free(e);
	}
	ok(base64url_decode("a+b/", 4, &n) == NULL,
	    "standard base64 characters are refused");
	d = base64url_decode("Zg==", 4, &n);
	ok(d != NULL && n == 1 && d[0] == 'f', "padding is tolerated");
	free(d);
}

static void
test_sign_verify(EVP_PKEY *keys[2])
{
	struct aad_jwt	 jwt;
	char		*tok, *bad;
	size_t		 len;

	tok = aad_jwt_sign(keys[0], "RS256",
	    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
	    "{\"aud\":\"https://management.azure.com/\",\"exp\":5}");
	ok(tok != NULL && aad_jwt_parse(tok, &jwt), "RS256 token parses");
	is_str(aad_jwt_str(jwt.header, "kid"), "k1", "kid in the header");
	is_str(aad_jwt_str(jwt.claims, "aud"),
	    "https://management.azure.com/", "aud in the claims");
	ok(aad_jwt_verify(&jwt, keys[0]), "RS256 verifies with its key");
	ok(!aad_jwt_verify(&jwt, keys[1]), "RS256 fails with another key");
	aad_jwt_done(&jwt);

	/* Flip one character of the claims: the signature no longer fits. */
	bad = strdup(tok);
	len = strchr(bad, '.') - bad + 3;
	bad[len] = bad[len] == 'A' ? 'B' : 'A';
	ok(!aad_jwt_parse(bad, &jwt) || !aad_jwt_verify(&jwt, keys[0]),
	    "a changed claim breaks the signature");
	aad_jwt_done(&jwt);
	free(bad);
	free(tok);

	tok = aad_jwt_sign(keys[1], "PS256", "{\"alg\":\"PS256\"}", "{}");
	ok(tok != NULL && aad_jwt_parse(tok, &jwt) &&
	    aad_jwt_verify(&jwt, keys[1]), "PS256 verifies with its key");
	aad_jwt_done(&jwt);
	free(tok);

	tok = aad_jwt_sign(keys[0], "RS256", "{\"alg\":\"none\"}", "{}");
	ok(tok != NULL && aad_jwt_parse(tok, &jwt) &&
	    !aad_jwt_verify(&jwt, keys[0]), "alg none never verifies");
	aad_jwt_done(&jwt);
	free(tok);

	ok(!aad_jwt_parse("abc.def", &jwt), "two parts is not a JWS");
	ok(!aad_jwt_parse("e30.e30.", &jwt), "an empty signature is not one");
	ok(!aad_jwt_parse("e30.e30.AA.AA", &jwt), "four parts is not one");
	ok(!aad_jwt_parse("WzFd.e30.AA", &jwt), "a JSON array header is not");
}

int
main(void)
{
	EVP_PKEY	*keys[2];
	X509		*certs[2];
	struct aad_certs reg;
	struct aad_jti	*jtis = aad_jti_new();
	char		*tok, why[512];
	size_t		 i;
	long		 got;

	/* 1024 bits: quick to make under valgrind, and enough for PS256. */
	keys[0] = EVP_RSA_gen(1024);
	keys[1] = EVP_RSA_gen(1024);
	certs[0] = make_cert(keys[0], "registered", -3600, 86400);
	certs[1] = make_cert(keys[1], "other", -3600, 86400);
	reg.certs = certs;
	reg.ncerts = 1;

	test_b64url();
	test_sign_verify(keys);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		tok = make_assertion(&rows[i], keys, certs);
		why[0] = '\0';
		got = aad_jwt_check_assertion(tok, CLIENT, AUD, &reg,
		    (time_t)NOW, jtis, why, sizeof why);
		is_int(got, rows[i].want, "%s", rows[i].name);
		if (got != rows[i].want)
			tap_diag("%s", why);
		free(tok);
	}
	got = aad_jwt_check_assertion("not-a-jwt", CLIENT, AUD, &reg,
	    (time_t)NOW, jtis, why, sizeof why);
	is_int(got, 50027, "garbage is malformed");

	/* The same key registered with a certificate that has ended. */
	X509_free(certs[0]);
	certs[0] = make_cert(keys[0], "registered", -2 * 86400, -86400);
	tok = make_assertion(&rows[0], keys, certs);
	got = aad_jwt_check_assertion(tok, CLIENT, AUD, &reg, (time_t)NOW,
	    jtis, why, sizeof why);
	is_int(got, 700027, "a key whose certificate has expired is refused");
	ok(strstr(why, "The key used is expired") != NULL &&
	    strstr(why, "End=") != NULL, "  saying so, with its end: %s", why);
	free(tok);

	aad_jti_free(jtis);
	for (i = 0; i < 2; i++) {
		X509_free(certs[i]);
		EVP_PKEY_free(keys[i]);
	}
	return tap_done();
}
