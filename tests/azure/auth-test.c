/*
 * Sign-in flows against a small Azure AD written here (HTTPS on
 * 127.0.0.1, port 0) whose answers each test scripts: the device-code
 * poll loop (interval, slow_down adding 5 s, decline, expiry), the token
 * cache (written 0600, used without the network, refreshed silently when
 * the token is within 5 minutes of expiry), client secrets, logout and
 * the account's claims.  The fake clock measures the poll intervals.
 * The akswiz-sandbox tests (auth-sandbox-test.sh) run the same flows
 * against the real emulator.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>

#include "azure/auth.h"
#include "azure/jwt.h"
#include "common/base64.h"
#include "common/clock.h"
#include "tests/tap.h"
#include "tests/slurp.h"

#define CLIENT	AUTH_DEFAULT_CLIENT_ID

static pthread_mutex_t	lock = PTHREAD_MUTEX_INITIALIZER;
static const char	*script;	/* device-code answers, one letter
					   each: p pending, s slow_down,
					   d declined, x expired, o ok */
static int		 polls, requests, refreshes, revoked;
static uint64_t		 poll_at[16];
static char		 last_form[4200];

struct upload {
	char	data[4096];
	size_t	len;
};


/* An unsigned JWT with the claims of a user or an app. */
static char *
make_token(const char *name, time_t exp)
{
	char	claims[512], *c, *t;

	snprintf(claims, sizeof claims, "{\"tid\":\"t1\",\"oid\":\"oid-1\","
	    "\"upn\":\"%s\",\"appid\":\"%s\",\"exp\":%lld}", name, CLIENT,
	    (long long)exp);
	c = base64url_encode(claims, strlen(claims));
	if (asprintf(&t, "eyJhbGciOiJub25lIn0.%s.c2ln", c) < 0)
		t = NULL;
	free(c);
	return t;
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *body)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	r = MHD_create_response_from_buffer(strlen(body), (void *)body,
	    MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", "application/json");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
aad_error(struct MHD_Connection *c, const char *code)
{
	char	body[256];

	snprintf(body, sizeof body, "{\"error\":\"%s\",\"error_description\":"
	    "\"AADSTS: %s\",\"error_codes\":[1]}", code, code);
	return reply(c, 400, body);
}

static enum MHD_Result
token_reply(struct MHD_Connection *c, const char *user, const char *rt)
{
	char	body[2048], *t;

	t = make_token(user, clock_now() + 3600);
	snprintf(body, sizeof body, "{\"token_type\":\"Bearer\",\"expires_in\":"
	    "3600,\"access_token\":\"%s\"%s%s%s}", t, rt != NULL ?
	    ",\"refresh_token\":\"" : "", rt != NULL ? rt : "",
	    rt != NULL ? "\"" : "");
	free(t);
	return reply(c, 200, body);
}

static char	expected_aud[128];

/* A client assertion as Azure AD checks it (claims and x5t, not the
 * signature, which jwt-test verifies). */
static bool
assertion_ok(const char *form)
{
	const char	*p = strstr(form, "client_assertion=") + 17;
	char		 jws[4096], *claims, *hdr, want[256];
	size_t		 n = strcspn(p, "&");
	bool		 good;

	if (strstr(form, "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3A"
	    "client-assertion-type%3Ajwt-bearer") == NULL || n >= sizeof jws)
		return false;
	memcpy(jws, p, n);
	jws[n] = '\0';
	claims = jwt_claims(jws);
	hdr = (char *)base64url_decode(jws, strcspn(jws, "."), NULL);
	snprintf(want, sizeof want, "\"aud\":\"%s\"", expected_aud);
	good = claims != NULL && hdr != NULL && strstr(claims, want) != NULL &&
	    strstr(claims, "\"iss\":\"app-1\"") != NULL &&
	    strstr(claims, "\"sub\":\"app-1\"") != NULL &&
	    strstr(hdr, "\"x5t\":\"rfZo-qewHDPsdUTZVqu9xCXg_RY\"") != NULL;
	free(claims);
	free(hdr);
	return good;
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct upload	*u = *state;
	enum MHD_Result	 ret;
	char		 step;

	(void)cls; (void)method; (void)version;
	if (u == NULL) {
		*state = calloc(1, sizeof *u);
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (u->len + *upload_size < sizeof u->data) {
			memcpy(u->data + u->len, upload, *upload_size);
			u->len += *upload_size;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	pthread_mutex_lock(&lock);
	requests++;
	snprintf(last_form, sizeof last_form, "%s", u->data);
	if (strcmp(url, "/msi/token") == 0) {
		const char *h = MHD_lookup_connection_value(c,
		    MHD_HEADER_KIND, "X-IDENTITY-HEADER");
		const char *res = MHD_lookup_connection_value(c,
		    MHD_GET_ARGUMENT_KIND, "resource");
		char body[1024], *t = make_token("", clock_now() + 600);

		snprintf(body, sizeof body, "{\"access_token\":\"%s\","
		    "\"expires_on\":\"%lld\",\"resource\":\"%s\"}", t,
		    (long long)clock_now() + 600, res != NULL ? res : "");
		free(t);
		ret = h != NULL && strcmp(h, "id-header-1") == 0 &&
		    res != NULL &&
		    strcmp(res, "https://management.azure.com/") == 0 ?
		    reply(c, 200, body) : reply(c, 400, "{\"error\":"
		    "\"invalid_request\",\"error_description\":\"bad "
		    "header\"}");
	} else if (strcmp(url, "/t1/oauth2/v2.0/devicecode") == 0)
		ret = reply(c, 200, "{\"device_code\":\"DC-1\",\"user_code\":"
		    "\"UC-1\",\"verification_uri\":\"https://aad.test/"
		    "devicelogin\",\"expires_in\":60,\"interval\":5,"
		    "\"message\":\"go\"}");
	else if (strcmp(url, "/t1/oauth2/v2.0/token") != 0)
		ret = reply(c, 404, "{}");
	else if (strstr(u->data, "grant_type=urn%3Aietf%3Aparams%3Aoauth%3A"
	    "grant-type%3Adevice_code") != NULL) {
		if (polls < 16)
			poll_at[polls] = clock_now_ms();
		step = script[polls < (int)strlen(script) ? polls :
		    (int)strlen(script) - 1];
		polls++;
		ret = step == 'o' ? token_reply(c, "user@contoso", "RT-1") :
		    aad_error(c, step == 'p' ? "authorization_pending" :
		    step == 's' ? "slow_down" : step == 'd' ?
		    "authorization_declined" : "expired_token");
	} else if (strstr(u->data, "grant_type=refresh_token") != NULL) {
		refreshes++;
		ret = strstr(u->data, "refresh_token=RT-") != NULL &&
		    !revoked ? token_reply(c, "user@contoso", "RT-2") :
		    aad_error(c, "invalid_grant");
	} else if (strstr(u->data, "client_assertion=") != NULL)
		ret = assertion_ok(u->data) ? token_reply(c, "", NULL) :
		    aad_error(c, "invalid_client");
	else if (strstr(u->data, "grant_type=client_credentials") != NULL)
		ret = strstr(u->data, "client_secret=s3cret%26x") != NULL ?
		    token_reply(c, "", NULL) : reply(c, 401, "{\"error\":"
		    "\"invalid_client\",\"error_description\":\"AADSTS7000215:"
		    " Invalid client secret provided.\"}");
	else
		ret = aad_error(c, "unsupported_grant_type");
	pthread_mutex_unlock(&lock);
	return ret;
}

static void
done_cb(void *cls, struct MHD_Connection *c, void **state,
    enum MHD_RequestTerminationCode toe)
{
	(void)cls; (void)c; (void)toe;
	free(*state);
	*state = NULL;
}

static char	shown_uri[128], shown_code[32];

static void
prompt(void *ctx, const char *uri, const char *code, const char *message)
{
	(void)ctx; (void)message;
	snprintf(shown_uri, sizeof shown_uri, "%s", uri);
	snprintf(shown_code, sizeof shown_code, "%s", code);
}

/* A device-code login with a script; the error message or "" on success. */
static bool
device_login(struct auth_config *cfg, const char *s, struct err *err)
{
	struct auth	*a;
	bool		 r;

	script = s;
	polls = 0;
	a = auth_new(cfg, err);
	r = auth_login(a, err);
	auth_free(a);
	return r;
}

int
main(void)
{
	const char		*src = getenv("top_srcdir");
	char			 path[1024], authority[64], dir[64], tok[4096];
	char			*cert, *key, *cache;
	struct MHD_Daemon	*d;
	struct http_config	 hc;
	struct http_client	*http;
	struct cloud_endpoints		 cloud;
	struct auth_config	 cfg;
	struct auth		*a;
	struct auth_account	 acc;
	struct err		 err;
	struct stat		 st;
	int			 removed, before;
	bool			 r;

	setenv("AKSWIZ_FAKE_CLOCK", "2030-01-01T00:00:00Z", 1);
	unsetenv("AZURE_CLIENT_SECRET");
	unsetenv("AZURE_CLIENT_ID");
	unsetenv("AZURE_TENANT_ID");
	unsetenv("AZURE_AUTHORITY_HOST");
	if (src == NULL)
		src = ".";
	snprintf(path, sizeof path, "%s/tests/azure/certs/server.pem", src);
	cert = test_slurp(path);
	snprintf(path, sizeof path, "%s/tests/azure/certs/server-key.pem", src);
	key = test_slurp(path);
	snprintf(path, sizeof path, "%s/tests/azure/certs/ca.pem", src);
	d = cert != NULL && key != NULL ? MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS, 0, NULL, NULL,
	    handler, NULL, MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_NOTIFY_COMPLETED,
	    done_cb, NULL, MHD_OPTION_END) : NULL;
	if (d == NULL) {
		printf("1..0 # SKIP cannot start an HTTPS server\n");
		return 0;
	}
	snprintf(authority, sizeof authority, "https://127.0.0.1:%u",
	    MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port);
	strcpy(dir, "/tmp/akswiz-auth-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 99;

	memset(&hc, 0, sizeof hc);
	hc.ca_file = path;
	http = http_client_new(&hc, &err);
	cloud_resolve(NULL, "https://arm.test", authority, &cloud, &err);
	memset(&cfg, 0, sizeof cfg);
	cfg.cloud = &cloud;
	cfg.http = http;
	cfg.method = AUTH_DEVICE_CODE;
	cfg.tenant = "t1";
	cfg.cache_dir = dir;
	cfg.interactive = true;
	cfg.device_prompt = prompt;

	r = device_login(&cfg, "pspo", &err);
	ok(r, "device code: pending, slow_down, pending, then signed in");
	if (!r)
		tap_diag("%s", err.msg);
	is_str(shown_uri, "https://aad.test/devicelogin", "the URL is shown");
	is_str(shown_code, "UC-1", "the code is shown");
	is_int(polls, 4, "four polls");
	is_int(poll_at[1] - poll_at[0], 5000, "polls at the server's interval");
	is_int(poll_at[2] - poll_at[1], 10000, "slow_down adds 5 s");
	is_int(poll_at[3] - poll_at[2], 10000, "and it stays added");
	snprintf(path, sizeof path, "%s/tokens.json", dir);
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "token cache written 0600");
	cache = test_slurp(path);
	ok(cache != NULL && strstr(cache, "\"refreshToken\":\"RT-1\"") != NULL,
	    "the refresh token is cached");
	free(cache);

	/* a later run: the cache, without asking anyone */
	cfg.method = AUTH_CACHE;
	cfg.interactive = false;
	cfg.tenant = NULL;
	before = requests;
	a = auth_new(&cfg, &err);
	r = auth_account(a, &acc, &err);
	ok(r && requests == before, "account from the cache, no request");
	is_str(acc.user, "user@contoso", "account: user from the token");
	is_str(acc.tenant, "t1", "account: tenant");
	is_str(acc.object_id, "oid-1", "account: object id");
	is_str(acc.method, "device-code", "account: how the cached sign-in was made");
	ok(acc.expires == clock_now() + 3600 - 10 || acc.expires > clock_now(),
	    "account: expiry in the future");

	/* an hour later the token is refreshed without the user noticing */
	clock_advance_ms((3600 - 299) * 1000ULL);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(r && refreshes == 1, "within 5 minutes of expiry: refreshed "
	    "silently");
	cache = test_slurp(path);
	ok(cache != NULL && strstr(cache, "RT-2") != NULL &&
	    strstr(cache, "RT-1") == NULL, "the new refresh token replaces "
	    "the old");
	free(cache);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(r && refreshes == 1, "then the fresh token is reused");
	r = auth_get_token(a, NULL, true, tok, sizeof tok, &err);
	ok(r && refreshes == 2, "a forced refresh (after a 401) refreshes");
	revoked = 1;
	r = auth_get_token(a, NULL, true, tok, sizeof tok, &err);
	ok(!r && err.kind == ERR_AUTH && strstr(err.msg, "akswiz login") !=
	    NULL, "a revoked refresh token: %s", err.msg);
	revoked = 0;
	auth_free(a);

	/* the scripted failures */
	cfg.method = AUTH_DEVICE_CODE;
	cfg.interactive = true;
	cfg.tenant = "t1";
	r = device_login(&cfg, "pd", &err);
	ok(!r && err.kind == ERR_AUTH && strstr(err.msg, "declined") != NULL,
	    "declined: %s", err.msg);
	r = device_login(&cfg, "x", &err);
	ok(!r && strstr(err.msg, "expired") != NULL &&
	    strstr(err.msg, "UC-1") != NULL, "expired_token: %s", err.msg);
	r = device_login(&cfg, "p", &err);
	ok(!r && strstr(err.msg, "expired") != NULL && polls == 12,
	    "no answer within expires_in (60 s at 5 s): gives up after %d "
	    "polls: %s", polls, err.msg);

	/* logout */
	ok(auth_logout(&cfg, &removed, &err) && removed == 1,
	    "logout removes the tenant's entry");
	cfg.method = AUTH_CACHE;
	cfg.interactive = false;
	cfg.tenant = NULL;
	a = auth_new(&cfg, &err);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(!r && strstr(err.msg, "akswiz login") != NULL, "after logout: "
	    "%s", err.msg);
	auth_free(a);

	/* service principal with a secret from the environment */
	cfg.method = AUTH_SECRET;
	cfg.tenant = "t1";
	cfg.client_id = "app-1";
	setenv("AZURE_CLIENT_SECRET", "s3cret&x", 1);
	a = auth_new(&cfg, &err);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(r && strstr(last_form, "client_id=app-1") != NULL &&
	    strstr(last_form, "scope=https%3A%2F%2Fmanagement.azure.com%2F.default") !=
	    NULL, "client secret: token, form-encoded fields");
	auth_free(a);
	setenv("AZURE_CLIENT_SECRET", "wrong", 1);
	cfg.cache_dir = "/nonexistent-akswiz-dir/x";
	a = auth_new(&cfg, &err);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(!r && err.kind == ERR_AUTH && strstr(err.msg, "invalid_client") !=
	    NULL && strstr(err.msg, "AADSTS7000215") != NULL,
	    "wrong secret: %s", err.msg);
	auth_free(a);
	unsetenv("AZURE_CLIENT_SECRET");
	cfg.cache_dir = dir;
	cfg.client_id = "app-2";
	a = auth_new(&cfg, &err);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(!r && strstr(err.msg, "AZURE_CLIENT_SECRET") != NULL,
	    "no secret and no tty: says where to put it");
	auth_free(a);

	/* service principal with a certificate: a JWT assertion */
	cfg.method = AUTH_DEFAULT;
	cfg.client_id = NULL;
	cfg.tenant = NULL;
	cfg.cache_dir = dir;
	setenv("AZURE_TENANT_ID", "t1", 1);
	setenv("AZURE_CLIENT_ID", "app-1", 1);
	snprintf(path, sizeof path, "%s/tests/azure/certs/sp.pem", src);
	setenv("AZURE_CLIENT_CERTIFICATE_PATH", path, 1);
	snprintf(expected_aud, sizeof expected_aud,
	    "%s/t1/oauth2/v2.0/token", authority);
	snprintf(path, sizeof path, "rm -f %s/tokens.json", dir);
	if (system(path) != 0)
		tap_diag("rm failed");
	a = auth_new(&cfg, &err);
	r = auth_account(a, &acc, &err);
	ok(r && strcmp(acc.method, "certificate") == 0, "default chain with "
	    "AZURE_CLIENT_CERTIFICATE_PATH: a certificate assertion (aud = "
	    "token URL, iss = sub = client, x5t) is accepted");
	if (!r)
		tap_diag("%s", err.msg);
	auth_free(a);
	unsetenv("AZURE_CLIENT_CERTIFICATE_PATH");
	unsetenv("AZURE_TENANT_ID");
	unsetenv("AZURE_CLIENT_ID");

	/* managed identity, App Service style */
	snprintf(path, sizeof path, "%s/msi/token", authority);
	setenv("IDENTITY_ENDPOINT", path, 1);
	setenv("IDENTITY_HEADER", "id-header-1", 1);
	a = auth_new(&cfg, &err);
	before = requests;
	r = auth_account(a, &acc, &err);
	ok(r && strcmp(acc.method, "managed-identity") == 0 &&
	    requests == before + 1, "default chain with IDENTITY_ENDPOINT: "
	    "managed identity, header and resource sent");
	if (!r)
		tap_diag("%s", err.msg);
	auth_free(a);
	setenv("IDENTITY_HEADER", "wrong", 1);
	a = auth_new(&cfg, &err);
	r = auth_account(a, &acc, &err);
	ok(!r && err.kind == ERR_AUTH && strstr(err.msg, "bad header") != NULL,
	    "managed identity refused: %s", err.msg);
	auth_free(a);
	unsetenv("IDENTITY_ENDPOINT");
	unsetenv("IDENTITY_HEADER");

	/* IMDS (asked for explicitly) where nothing listens */
	setenv("IMDS_ENDPOINT", "http://127.0.0.1:1", 1);
	cfg.method = AUTH_MANAGED_IDENTITY;
	a = auth_new(&cfg, &err);
	r = auth_get_token(a, NULL, false, tok, sizeof tok, &err);
	ok(!r && err.kind == ERR_AUTH && strstr(err.msg, "no managed "
	    "identity") != NULL && strstr(err.msg, "2 attempts") != NULL,
	    "no IMDS: gives up after two attempts: %s", err.msg);
	auth_free(a);
	unsetenv("IMDS_ENDPOINT");
	cfg.method = AUTH_DEFAULT;

	/* the Azure CLI: run without a shell, stdout read */
	{
		char	bin[128], script_path[160], old_path[4096];
		FILE	*fp;
		const char *op = getenv("PATH");

		snprintf(old_path, sizeof old_path, "%s", op != NULL ? op : "");
		snprintf(bin, sizeof bin, "%s/bin", dir);
		mkdir(bin, 0700);
		snprintf(script_path, sizeof script_path, "%s/az", bin);
		fp = fopen(script_path, "w");
		fprintf(fp, "#!/bin/sh\n"
		    "[ \"$*\" = \"account get-access-token --resource "
		    "https://management.azure.com/ -o json\" ] || exit 3\n"
		    "echo '{\"accessToken\": \"%s\", \"expires_on\": "
		    "%lld, \"tenant\": \"t1\"}'\n", "eyJhbGciOiJub25lIn0."
		    "eyJ0aWQiOiJ0MSIsInVwbiI6ImF6QGNvbnRvc28ifQ.c2ln",
		    (long long)clock_now() + 1200);
		fclose(fp);
		chmod(script_path, 0700);
		setenv("PATH", bin, 1);
		cloud_lookup("AzureCloud", &cloud);
		cfg.method = AUTH_AZURE_CLI;
		a = auth_new(&cfg, &err);
		r = auth_account(a, &acc, &err);
		ok(r && strcmp(acc.user, "az@contoso") == 0,
		    "az account get-access-token: the token is read");
		is_int(acc.expires, clock_now() + 1200, "and its expires_on");
		if (!r)
			tap_diag("%s", err.msg);
		auth_free(a);
		cfg.method = AUTH_DEFAULT;
		a = auth_new(&cfg, &err);
		r = auth_account(a, &acc, &err);
		ok(r && strcmp(acc.method, "azure-cli") == 0, "default chain "
		    "with az on PATH and nothing cached: the Azure CLI");
		auth_free(a);
		cfg.tenant = "t9";
		cfg.method = AUTH_AZURE_CLI;
		a = auth_new(&cfg, &err);
		r = auth_account(a, &acc, &err);
		ok(!r && strstr(err.msg, "az login") != NULL, "az failing: %s",
		    err.msg);
		auth_free(a);
		setenv("PATH", old_path, 1);
	}

	http_client_free(http);
	MHD_stop_daemon(d);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	if (system(path) != 0)
		tap_diag("cleanup failed");
	free(cert);
	free(key);
	return tap_done();
}
