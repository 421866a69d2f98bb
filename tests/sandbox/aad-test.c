/*
 * The sandbox's Azure AD, driven through aad_route() and
 * aad_check_bearer() as the server calls them, on a fake clock so that
 * expiry and device-code polling need no waiting: discovery, each token
 * flow and its errors (the AAD error shape of azure-api.md §6.1), and the
 * 401s ARM answers for missing, malformed, forged, expired and
 * wrong-audience tokens.  The assertion certificate is made here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "aad-stubs.h"
#include "common/clock.h"
#include "common/err.h"
#include "common/xalloc.h"
#include "sandbox/aad-jwt.h"
#include "tap.h"

#define EP	"https://127.0.0.1:4443"
#define TID	"72f988bf-86f1-41af-91ab-2d7cd011db47"
#define SP	"5b1a7c4e-2f7d-4d8e-9a0b-1c2d3e4f5a6b"
#define CERTSP	"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
#define CLI	"04b07795-8ddb-461a-bbee-02f9e1bf7b46"
#define SECRET	"sandbox-secret~1"
#define TOKEN	"/" TID "/oauth2/v2.0/token"
#define ARMSCOPE "scope=https%3A%2F%2Fmanagement.azure.com%2F.default"

static struct sandbox	 sb;
static struct sb_response resp;
static struct json_object *last;

/* Serve one request; the answer is in resp and (parsed) in last. */
static int
call(const char *method, const char *path, const char *body,
    const struct stub_header *h)
{
	static const struct stub_header form[] = {
		{ "Content-Type", "application/x-www-form-urlencoded" },
		{ NULL, NULL } };
	struct sb_request req = { .method = method, .path = path,
	    .query = "", .body = body, .body_len = strlen(body) };

	stub_headers = h != NULL ? h : form;
	sb_resp_done(&resp);
	sb_resp_init(&resp);
	json_object_put(last);
	if (!aad_route(&sb, &req, &resp))
		resp.status = -1;
	last = json_tokener_parse(buf_str(&resp.body));
	return resp.status;
}

/* A string field of the last answer ("" if absent). */
static const char *
field(const char *name)
{
	struct json_object	*v;

	if (last == NULL || !json_object_object_get_ex(last, name, &v))
		return "";
	return json_object_get_string(v);
}

/* Whether the last answer is Azure AD's error shape for error/code. */
static bool
aad_err(const char *error, long code)
{
	struct json_object	*codes;
	char			 prefix[32];

	snprintf(prefix, sizeof prefix, "AADSTS%ld: ", code);
	return strcmp(field("error"), error) == 0 &&
	    strncmp(field("error_description"), prefix, strlen(prefix)) == 0 &&
	    json_object_object_get_ex(last, "error_codes", &codes) &&
	    json_object_get_int64(json_object_array_get_idx(codes, 0)) ==
	    code && field("timestamp")[0] != '\0' &&
	    field("trace_id")[0] != '\0' && field("correlation_id")[0] != '\0';
}

/* Check the bearer token tok on an ARM call; the ARM code or "". */
static const char *
bearer(const char *tok)
{
	static char		 code[64];
	struct stub_header	 h[2] = { { "Authorization", NULL },
	    { NULL, NULL } };
	struct sb_request	 req = { .method = "GET",
	    .path = "/subscriptions", .query = "", .body = "" };
	struct json_object	*e, *c;

	h[0].value = tok;
	stub_headers = tok != NULL ? h : NULL;
	sb_resp_done(&resp);
	sb_resp_init(&resp);
	json_object_put(last);
	last = NULL;
	if (aad_check_bearer(&sb, &req, &resp))
		return "";
	last = json_tokener_parse(buf_str(&resp.body));
	snprintf(code, sizeof code, "%s", last != NULL &&
	    json_object_object_get_ex(last, "error", &e) &&
	    json_object_object_get_ex(e, "code", &c) ?
	    json_object_get_string(c) : "?");
	return code;
}

/* The message of the last ARM error answer. */
static const char *
arm_message(void)
{
	struct json_object	*e, *m;

	if (last != NULL && json_object_object_get_ex(last, "error", &e) &&
	    json_object_object_get_ex(e, "message", &m))
		return json_object_get_string(m);
	return "";
}

static const char *
resp_header(const char *name)
{
	int	i;

	for (i = 0; i < resp.nheaders; i++)
		if (strcasecmp(resp.headers[i].name, name) == 0)
			return resp.headers[i].value;
	return NULL;
}

/* "Bearer " + the access token of the last answer (caller frees). */
static char *
bearer_of_last(void)
{
	char	*s;

	xasprintf(&s, "Bearer %s", field("access_token"));
	return s;
}

/* A client assertion signed by key, naming cert. */
static char *
assertion(EVP_PKEY *key, X509 *cert, const char *alg, bool s256,
    const char *aud, const char *jti)
{
	char		header[200], claims[600], *tp, *tok;
	long long	now = (long long)clock_now();

	tp = aad_jwt_thumbprint(cert, s256);
	snprintf(header, sizeof header, "{\"alg\":\"%s\",\"typ\":\"JWT\","
	    "\"%s\":\"%s\"}", alg, s256 ? "x5t#S256" : "x5t", tp);
	snprintf(claims, sizeof claims, "{\"aud\":\"%s\",\"iss\":\"" CERTSP
	    "\",\"sub\":\"" CERTSP "\",\"jti\":\"%s\",\"nbf\":%lld,"
	    "\"exp\":%lld}", aud, jti, now, now + 600);
	tok = aad_jwt_sign(key, alg, header, claims);
	free(tp);
	return tok;
}

/* Copy a fixture into place. */
static void
copy_file(const char *from, const char *to)
{
	FILE	*in = fopen(from, "r"), *out = fopen(to, "w");
	char	 buf[4096];
	size_t	 n;

	while (in != NULL && out != NULL && (n = fread(buf, 1, sizeof buf,
	    in)) > 0)
		fwrite(buf, 1, n, out);
	if (in != NULL)
		fclose(in);
	if (out != NULL)
		fclose(out);
}

/* Whether two files have the same bytes. */
static bool
same_file(const char *a, const char *b)
{
	FILE	*fa = fopen(a, "r"), *fb = fopen(b, "r");
	int	 ca = 0, cb = 0;

	while (fa != NULL && fb != NULL && (ca = getc(fa)) == (cb = getc(fb)) &&
	    ca != EOF)
		;
	if (fa != NULL)
		fclose(fa);
	if (fb != NULL)
		fclose(fb);
	return fa != NULL && fb != NULL && ca == EOF && cb == EOF;
}

static X509 *
make_cert(EVP_PKEY *key)
{
	X509		*x = X509_new();
	X509_NAME	*name;

	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), -3600);
	/* valid at the fake clock (2030) too: an expired key is refused */
	X509_gmtime_adj(X509_getm_notAfter(x), 20L * 365 * 86400);
	X509_set_pubkey(x, key);
	name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	    (const unsigned char *)"akswiz test", -1, -1, 0);
	X509_set_issuer_name(x, name);
	X509_sign(x, key, EVP_sha256());
	return x;
}

static struct json_object *
world_aad(X509 *cert)
{
	struct json_object	*w, *sps, *sp, *certs, *users, *u, *pubs;
	BIO			*bio = BIO_new(BIO_s_mem());
	char			*pem;
	long			 len;

	PEM_write_bio_X509(bio, cert);
	len = BIO_get_mem_data(bio, &pem);
	w = json_object_new_object();
	json_object_object_add(w, "tenantId", json_object_new_string(TID));
	sps = json_object_new_array();
	sp = json_object_new_object();
	json_object_object_add(sp, "clientId", json_object_new_string(SP));
	json_object_object_add(sp, "clientSecret",
	    json_object_new_string(SECRET));
	json_object_array_add(sps, sp);
	sp = json_object_new_object();
	json_object_object_add(sp, "clientId", json_object_new_string(CERTSP));
	certs = json_object_new_array();
	json_object_array_add(certs, json_object_new_string_len(pem,
	    (int)len));
	json_object_object_add(sp, "certificates", certs);
	json_object_array_add(sps, sp);
	json_object_object_add(w, "servicePrincipals", sps);
	pubs = json_object_new_array();
	json_object_array_add(pubs, json_object_new_string(CLI));
	json_object_object_add(w, "publicClients", pubs);
	users = json_object_new_array();
	u = json_object_new_object();
	json_object_object_add(u, "userPrincipalName",
	    json_object_new_string("ada@contoso.example"));
	json_object_object_add(u, "objectId",
	    json_object_new_string("11111111-2222-3333-4444-555555555555"));
	json_object_array_add(users, u);
	json_object_object_add(w, "users", users);
	json_object_object_add(w, "tokenLifetimeSeconds",
	    json_object_new_int(600));
	json_object_object_add(w, "refreshTokenLifetimeSeconds",
	    json_object_new_int(3600));
	json_object_object_add(w, "deviceCodeInterval", json_object_new_int(1));
	json_object_object_add(w, "deviceCodeExpiresIn",
	    json_object_new_int(60));
	BIO_free(bio);
	return w;
}

static void
test_discovery(void)
{
	is_int(call("GET", "/" TID "/v2.0/.well-known/openid-configuration",
	    "", NULL), 200, "openid configuration");
	is_str(field("token_endpoint"), EP "/" TID "/oauth2/v2.0/token",
	    "  names the token endpoint");
	is_str(field("device_authorization_endpoint"),
	    EP "/" TID "/oauth2/v2.0/devicecode", "  the devicecode endpoint");
	is_str(field("jwks_uri"), EP "/" TID "/discovery/v2.0/keys",
	    "  the keys");
	is_str(field("issuer"), EP "/" TID "/v2.0", "  and the issuer");
	is_int(call("GET", "/organizations/v2.0/.well-known/"
	    "openid-configuration", "", NULL), 200, "organizations too");
	is_int(call("GET", "/contoso.example/v2.0/.well-known/"
	    "openid-configuration", "", NULL), 400, "an unknown tenant: 400");
	ok(aad_err("invalid_request", 90002), "  AADSTS90002");
	is_int(call("GET", "/" TID "/discovery/v2.0/keys", "", NULL), 200,
	    "JWKS");
	ok(strstr(buf_str(&resp.body), "\"kty\":\"RSA\"") != NULL &&
	    strstr(buf_str(&resp.body), "\"n\":\"") != NULL,
	    "  with an RSA key");
	is_int(call("GET", "/common/discovery/instance", "", NULL), 200,
	    "instance discovery");
	is_int(call("GET", "/subscriptions", "", NULL), -1,
	    "ARM paths are not AAD's");
	is_int(call("GET", TOKEN, "", NULL), 400, "GET of the token endpoint");
	ok(aad_err("invalid_request", 900561), "  AADSTS900561");
}

static void
test_client_credentials(EVP_PKEY *key, X509 *cert, EVP_PKEY *other)
{
	char	*tok, *auth, body[4096];

	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&" ARMSCOPE, NULL), 200,
	    "client secret: 200");
	is_str(field("token_type"), "Bearer", "  a Bearer token");
	is_str(field("expires_in"), "600", "  for the configured lifetime");
	is_str(field("refresh_token"), "", "  and no refresh token");
	ok(strstr(resp_header("Cache-Control"), "no-store") != NULL,
	    "  not to be cached");
	auth = bearer_of_last();
	is_str(bearer(auth), "", "  ARM accepts it");
	free(auth);

	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=wrong&" ARMSCOPE, NULL), 401,
	    "a bad secret: 401");
	ok(aad_err("invalid_client", 7000215), "  AADSTS7000215");
	ok(strstr(buf_str(&resp.body), "wrong") == NULL,
	    "  the secret sent is not echoed");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    "00000000-0000-0000-0000-000000000000&client_secret=x&" ARMSCOPE,
	    NULL), 400, "an unknown app: 400");
	ok(aad_err("unauthorized_client", 700016), "  AADSTS700016");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&scope=https%3A%2F%2F"
	    "graph.microsoft.com%2F.default", NULL), 400, "a bad scope: 400");
	ok(aad_err("invalid_scope", 70011), "  AADSTS70011");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&scope=https%3A%2F%2F"
	    "management.azure.com%2Fuser_impersonation", NULL), 400,
	    "client credentials without /.default: 400");
	ok(aad_err("invalid_scope", 1002012), "  AADSTS1002012");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&" ARMSCOPE, NULL), 401, "no secret: 401");
	ok(aad_err("invalid_client", 7000218), "  AADSTS7000218");
	is_int(call("POST", TOKEN, "grant_type=password&client_id=" SP, NULL),
	    400, "a password grant: 400");
	ok(aad_err("unsupported_grant_type", 70003), "  AADSTS70003");
	is_int(call("POST", TOKEN, "client_id=" SP, NULL), 400,
	    "no grant_type: 400");
	ok(aad_err("invalid_request", 900144), "  AADSTS900144");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&scope=https%3A%2F%2F"
	    "management.core.windows.net%2F%2F.default", NULL), 200,
	    "the core.windows.net audience, az style");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&scope=https%3A%2F%2F"
	    "localhost%3A4443%2F.default", NULL), 200,
	    "the sandbox's URL by another loopback name");
	auth = bearer_of_last();
	is_str(bearer(auth), "", "  ARM accepts it");
	free(auth);
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&scope=https%3A%2F%2F"
	    "localhost%3A4444%2F.default", NULL), 400,
	    "another port is another resource");

	/* Certificates. */
	tok = assertion(key, cert, "RS256", false, EP TOKEN, "jti-1");
	snprintf(body, sizeof body, "grant_type=client_credentials&client_id="
	    CERTSP "&client_assertion_type=urn%%3Aietf%%3Aparams%%3Aoauth%%3A"
	    "client-assertion-type%%3Ajwt-bearer&client_assertion=%s&%s",
	    tok, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 200,
	    "RS256 assertion with x5t: 200");
	auth = bearer_of_last();
	is_str(bearer(auth), "", "  ARM accepts the token");
	free(auth);
	is_int(call("POST", TOKEN, body, NULL), 401,
	    "the same assertion again: 401");
	ok(aad_err("invalid_client", 50013), "  AADSTS50013 (jti reused)");
	free(tok);
	tok = assertion(key, cert, "PS256", true, EP TOKEN, "jti-2");
	snprintf(body, sizeof body, "grant_type=client_credentials&client_id="
	    CERTSP "&client_assertion_type=urn%%3Aietf%%3Aparams%%3Aoauth%%3A"
	    "client-assertion-type%%3Ajwt-bearer&client_assertion=%s&%s",
	    tok, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 200,
	    "PS256 assertion with x5t#S256: 200");
	free(tok);
	tok = assertion(key, cert, "RS256", false,
	    "https://login.microsoftonline.com/" TID "/oauth2/v2.0/token",
	    "jti-3");
	snprintf(body, sizeof body, "grant_type=client_credentials&client_id="
	    CERTSP "&client_assertion_type=urn%%3Aietf%%3Aparams%%3Aoauth%%3A"
	    "client-assertion-type%%3Ajwt-bearer&client_assertion=%s&%s",
	    tok, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 401,
	    "an assertion for another token URL: 401");
	free(tok);
	tok = assertion(other, cert, "RS256", false, EP TOKEN, "jti-4");
	snprintf(body, sizeof body, "grant_type=client_credentials&client_id="
	    CERTSP "&client_assertion_type=urn%%3Aietf%%3Aparams%%3Aoauth%%3A"
	    "client-assertion-type%%3Ajwt-bearer&client_assertion=%s&%s",
	    tok, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 401,
	    "an assertion signed by another key: 401");
	ok(aad_err("invalid_client", 700027), "  AADSTS700027");
	free(tok);
}

/* Start a device code sign-in; its device code (caller frees). */
static char *
device_start(void)
{
	is_int(call("POST", "/organizations/oauth2/v2.0/devicecode",
	    "client_id=" CLI "&scope=https%3A%2F%2Fmanagement.core.windows.net"
	    "%2F%2F.default+offline_access+openid+profile", NULL), 200,
	    "devicecode: 200");
	return xstrdup(field("device_code"));
}

static int
poll_device(const char *dc)
{
	char	body[400];

	snprintf(body, sizeof body, "grant_type=urn%%3Aietf%%3Aparams%%3A"
	    "oauth%%3Agrant-type%%3Adevice_code&client_id=" CLI
	    "&device_code=%s", dc);
	return call("POST", "/organizations/oauth2/v2.0/token", body, NULL);
}

static char *
test_device_code(void)
{
	char	*dc, *auth, *refresh, body[600], user_code[32];

	dc = device_start();
	ok(strlen(field("user_code")) == 9, "  a 9-character user code");
	is_str(field("verification_uri"), EP "/sandbox/devicelogin",
	    "  the sandbox's page");
	is_str(field("interval"), "1", "  the configured interval");
	is_str(field("expires_in"), "60", "  and lifetime");
	ok(strstr(field("message"), field("user_code")) != NULL,
	    "  a message naming the code");
	is_int(poll_device(dc), 400, "first poll: 400");
	ok(aad_err("authorization_pending", 70016), "  authorization_pending");
	is_int(poll_device(dc), 400, "an immediate second poll: 400");
	is_str(field("error"), "slow_down", "  slow_down");
	clock_advance_ms(1000);
	is_int(poll_device(dc), 400, "a poll after the interval");
	is_str(field("error"), "authorization_pending", "  is pending");
	clock_advance_ms(1000);
	is_int(poll_device(dc), 200, "after two pending polls: the token");
	ok(field("refresh_token")[0] != '\0', "  with a refresh token");
	ok(field("id_token")[0] != '\0', "  and an id token");
	is_str(field("scope"), "https://management.core.windows.net/"
	    "user_impersonation https://management.core.windows.net/.default",
	    "  for the core.windows.net resource");
	refresh = xstrdup(field("refresh_token"));
	auth = bearer_of_last();
	is_str(bearer(auth), "", "  ARM accepts it");
	free(auth);
	clock_advance_ms(1000);
	is_int(poll_device(dc), 400, "polling a redeemed code: 400");
	is_str(field("error"), "invalid_grant", "  invalid_grant");
	free(dc);

	dc = device_start();
	snprintf(body, sizeof body, "user_code=%s", field("user_code"));
	is_int(call("POST", "/sandbox/devicecode/decline", body, NULL), 200,
	    "sandbox decline");
	is_int(poll_device(dc), 400, "then a poll: 400");
	is_str(field("error"), "authorization_declined",
	    "  authorization_declined");
	free(dc);

	sb.device_auto_approve = -1;
	dc = device_start();
	snprintf(user_code, sizeof user_code, "%s", field("user_code"));
	clock_advance_ms(1000);
	is_int(poll_device(dc), 400, "without auto-approval: pending");
	clock_advance_ms(1000);
	is_int(poll_device(dc), 400, "  still pending");
	clock_advance_ms(1000);
	is_int(poll_device(dc), 400, "  and pending");
	snprintf(body, sizeof body, "user_code=%s&user=ada%%40contoso.example",
	    user_code);
	is_int(call("POST", "/sandbox/devicecode/approve", body, NULL), 200,
	    "sandbox approve");
	is_str(field("user"), "ada@contoso.example", "  as the user named");
	clock_advance_ms(1000);
	is_int(poll_device(dc), 200, "then a poll gets the token");
	is_int(call("POST", "/sandbox/devicecode/approve", body, NULL), 404,
	    "approving it twice: 404");
	free(dc);

	dc = device_start();
	clock_advance_ms(61000);
	is_int(poll_device(dc), 400, "a poll after expires_in: 400");
	ok(aad_err("expired_token", 70019), "  expired_token");
	free(dc);
	is_int(poll_device("nonsense"), 400, "an unknown device code: 400");
	is_str(field("error"), "bad_verification_code",
	    "  bad_verification_code");
	sb.device_auto_approve = 0;
	return refresh;
}

static void
test_refresh(char *refresh)
{
	char	body[800], *second;

	snprintf(body, sizeof body, "grant_type=refresh_token&client_id=" CLI
	    "&refresh_token=%s&scope=https%%3A%%2F%%2Fmanagement.azure.com%%2F"
	    ".default+offline_access", refresh);
	is_int(call("POST", TOKEN, body, NULL), 200, "refresh: 200");
	if (resp.status != 200)
		tap_diag("%s", buf_str(&resp.body));
	second = xstrdup(field("refresh_token"));
	ok(second[0] != '\0' && strcmp(second, refresh) != 0,
	    "  with a new refresh token");
	/* Azure AD rotates but does not revoke the token redeemed. */
	is_int(call("POST", TOKEN, body, NULL), 200,
	    "the old refresh token again: 200 (rotated, not revoked)");
	is_int(call("POST", "/sandbox/refresh/revoke", "", NULL), 200,
	    "revoking every session: 200");
	is_int(call("POST", TOKEN, body, NULL), 400,
	    "the old refresh token after revocation: 400");
	ok(aad_err("invalid_grant", 50173), "  invalid_grant (revoked)");
	/* A fresh pair for what follows (the revocation took them all). */
	free(second);
	free(refresh);
	refresh = test_device_code();
	snprintf(body, sizeof body, "grant_type=refresh_token&client_id=" CLI
	    "&refresh_token=%s&%s", refresh, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 200, "a new sign-in: 200");
	second = xstrdup(field("refresh_token"));
	snprintf(body, sizeof body, "grant_type=refresh_token&client_id=" SP
	    "&refresh_token=%s&%s", second, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 400,
	    "another client's refresh token: 400");
	clock_advance_ms(3601 * 1000);
	snprintf(body, sizeof body, "grant_type=refresh_token&client_id=" CLI
	    "&refresh_token=%s&%s", second, ARMSCOPE);
	is_int(call("POST", TOKEN, body, NULL), 400,
	    "an expired refresh token: 400");
	ok(aad_err("invalid_grant", 700082), "  invalid_grant AADSTS700082");
	clock_advance_ms(86401 * 1000);
	is_int(call("POST", TOKEN, body, NULL), 400,
	    "a day later it is forgotten");
	ok(aad_err("invalid_grant", 9002313), "  invalid_grant AADSTS9002313");
	free(second);
	free(refresh);
}

/* An RS256 token signed with the sandbox's key file, any claims. */
static char *
forge(const char *dir, const char *kid, const char *claims)
{
	char		 path[600], header[200], *tok, *auth;
	FILE		*fp;
	EVP_PKEY	*key;

	snprintf(path, sizeof path, "%s/aad-signing-key.pem", dir);
	fp = fopen(path, "r");
	key = fp != NULL ? PEM_read_PrivateKey(fp, NULL, NULL, NULL) : NULL;
	if (fp != NULL)
		fclose(fp);
	snprintf(header, sizeof header, "{\"alg\":\"RS256\",\"kid\":\"%s\"}",
	    kid);
	tok = key != NULL ? aad_jwt_sign(key, "RS256", header, claims) : NULL;
	EVP_PKEY_free(key);
	xasprintf(&auth, "Bearer %s", tok != NULL ? tok : "x");
	free(tok);
	return auth;
}

static void
test_bearer(const char *dir, EVP_PKEY *other)
{
	struct aad_jwt	 jwt;
	char		*auth, *good, claims[600], kid[64], *tok;
	long long	 now;

	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&" ARMSCOPE, NULL), 200,
	    "a fresh token");
	good = bearer_of_last();
	ok(aad_jwt_parse(good + 7, &jwt), "  parses as a JWT");
	snprintf(kid, sizeof kid, "%s", aad_jwt_str(jwt.header, "kid"));
	is_str(aad_jwt_str(jwt.claims, "aud"), "https://management.azure.com",
	    "  aud is the resource");
	is_str(aad_jwt_str(jwt.claims, "iss"), "https://sts.windows.net/" TID
	    "/", "  iss names the tenant");
	is_str(aad_jwt_str(jwt.claims, "appid"), SP, "  appid the client");
	aad_jwt_done(&jwt);

	is_str(bearer(NULL), "AuthenticationFailed", "no header: 401");
	is_int(resp.status, 401, "  status 401");
	is_str(resp_header("WWW-Authenticate"), "Bearer authorization_uri=\""
	    EP "/" TID "\", error=\"invalid_token\", error_description=\"The "
	    "authentication failed because of missing 'Authorization' "
	    "header.\"", "  WWW-Authenticate as ARM sends it");
	is_str(bearer("Basic dXNlcjpwYXNz"), "AuthenticationFailed",
	    "Basic scheme: AuthenticationFailed");
	is_str(bearer("Bearer not.a.jwt"), "InvalidAuthenticationToken",
	    "garbage token: InvalidAuthenticationToken");
	tok = aad_jwt_sign(other, "RS256", "{\"alg\":\"RS256\"}",
	    "{\"aud\":\"https://management.azure.com/\"}");
	xasprintf(&auth, "Bearer %s", tok);
	is_str(bearer(auth), "InvalidAuthenticationToken",
	    "token signed by another key: InvalidAuthenticationToken");
	free(auth);
	free(tok);

	now = (long long)clock_now();
	snprintf(claims, sizeof claims, "{\"aud\":\"https://graph.microsoft."
	    "com/\",\"iss\":\"https://sts.windows.net/" TID "/\",\"nbf\":%lld,"
	    "\"exp\":%lld}", now, now + 600);
	auth = forge(dir, kid, claims);
	is_str(bearer(auth), "InvalidAuthenticationToken",
	    "wrong audience: InvalidAuthenticationToken");
	ok(strstr(arm_message(), "wrong audience or resource "
	    "'https://graph.microsoft.com/'") != NULL, "  naming the audience");
	free(auth);
	snprintf(claims, sizeof claims, "{\"aud\":\"" EP "/\",\"iss\":\""
	    "https://sts.windows.net/" TID "/\",\"nbf\":%lld,\"exp\":%lld}",
	    now, now + 600);
	auth = forge(dir, kid, claims);
	is_str(bearer(auth), "", "the sandbox's own URL is an audience too");
	free(auth);
	snprintf(claims, sizeof claims, "{\"aud\":\"https://management.azure."
	    "com/\",\"iss\":\"https://sts.windows.net/other/\",\"nbf\":%lld,"
	    "\"exp\":%lld}", now, now + 600);
	auth = forge(dir, kid, claims);
	is_str(bearer(auth), "InvalidAuthenticationTokenTenant",
	    "another tenant's issuer: InvalidAuthenticationTokenTenant");
	free(auth);

	clock_advance_ms(601 * 1000);
	is_str(bearer(good), "ExpiredAuthenticationToken",
	    "after its lifetime: ExpiredAuthenticationToken");
	ok(strstr(arm_message(), "The access token expiry UTC time '") !=
	    NULL && strstr(resp_header("WWW-Authenticate"),
	    "error_description=\"The access token expiry UTC time '") != NULL,
	    "  in the body and WWW-Authenticate");
	free(good);
}

int
main(void)
{
	char		 dir[] = "/tmp/sandbox-aad-XXXXXX", path[600];
	struct json_object *w;
	struct err	 err;
	EVP_PKEY	*key, *other, *ec;
	X509		*cert;
	FILE		*fp;

	setenv("AKSWIZ_FAKE_CLOCK", "2030-01-01T00:00:00Z", 1);
	if (mkdtemp(dir) == NULL)
		return 1;
	/* Client keys of 1024 bits and a committed signing key (test-only):
	 * key generation is slow under valgrind. */
	key = EVP_RSA_gen(1024);
	other = EVP_RSA_gen(1024);
	cert = make_cert(key);
	snprintf(sb.endpoint, sizeof sb.endpoint, "%s", EP);
	snprintf(sb.state_dir, sizeof sb.state_dir, "%s", dir);
	snprintf(path, sizeof path, "%s/aad-signing-key.pem", dir);
	copy_file(SB_TEST_CERTS "/sandbox-aad-signing-key.pem", path);
	w = world_aad(cert);
	ok(aad_new(&sb, NULL, &err) == NULL && err.kind == ERR_PARSE,
	    "no aad section: an error");
	sb.aad = aad_new(&sb, w, &err);
	ok(sb.aad != NULL, "aad_new");
	ok(same_file(SB_TEST_CERTS "/sandbox-aad-signing-key.pem", path),
	    "  signs with the key file in the state folder");
	sb_resp_init(&resp);

	test_discovery();
	test_client_credentials(key, cert, other);
	test_refresh(test_device_code());
	test_bearer(dir, other);

	aad_free(sb.aad);
	sb.aad = aad_new(&sb, w, &err);
	ok(sb.aad != NULL, "a second start reuses the key file");
	aad_free(sb.aad);

	/* A key file that cannot sign RS256 is replaced, not used. */
	snprintf(path, sizeof path, "%s/aad-signing-key.pem", dir);
	ec = EVP_EC_gen("P-256");
	if ((fp = fopen(path, "w")) != NULL) {
		PEM_write_PrivateKey(fp, ec, NULL, NULL, 0, NULL, NULL);
		fclose(fp);
	}
	EVP_PKEY_free(ec);
	sb.aad = aad_new(&sb, w, &err);
	ok(sb.aad != NULL, "an EC key file is replaced by an RSA key");
	is_int(call("POST", TOKEN, "grant_type=client_credentials&client_id="
	    SP "&client_secret=sandbox-secret%7E1&" ARMSCOPE, NULL), 200,
	    "  which signs tokens");
	aad_free(sb.aad);
	sb_resp_done(&resp);
	json_object_put(last);
	json_object_put(w);
	X509_free(cert);
	EVP_PKEY_free(key);
	EVP_PKEY_free(other);
	snprintf(path, sizeof path, "%s/aad-signing-key.pem", dir);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
