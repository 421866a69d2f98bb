/*
 * The HTTP layer against a real HTTPS server started here (libmicrohttpd
 * on 127.0.0.1, port 0, a private CA from tests/azure/certs): headers
 * sent, one connection reused, retries with Retry-After, a create never
 * resent, 401 -> one token refresh, the body cap on an endless answer, an
 * untrusted certificate, a refused connection, and the redacted log.  The
 * fake clock makes every wait instant.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "azure/http.h"
#include "tests/tap.h"
#include "tests/slurp.h"

static pthread_mutex_t	lock = PTHREAD_MUTEX_INITIALIZER;
static int		flaky_count, always_count, create_count, served;
static char		seen_request_id[64], seen_accept[64], seen_ua[64];
static char		seen_auth[128], seen_ctype[64];


static void
copy_header(struct MHD_Connection *c, const char *name, char *dst, size_t n)
{
	const char	*v = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    name);

	snprintf(dst, n, "%s", v != NULL ? v : "");
}

/* An endless body: 64 KiB of 'x' per call, forever. */
static ssize_t
endless(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)cls;
	(void)pos;
	memset(buf, 'x', max);
	return (ssize_t)max;
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *body,
    const char *h1, const char *v1)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	r = MHD_create_response_from_buffer(strlen(body), (void *)body,
	    MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", "application/json");
	MHD_add_response_header(r, "x-ms-request-id", "req-1");
	if (h1 != NULL)
		MHD_add_response_header(r, h1, v1);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	static int		 marker;
	struct MHD_Response	*r;
	enum MHD_Result		 ret;
	int			 n;

	(void)cls; (void)version; (void)upload;
	if (*state == NULL) {
		*state = &marker;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	pthread_mutex_lock(&lock);
	copy_header(c, "x-ms-client-request-id", seen_request_id,
	    sizeof seen_request_id);
	copy_header(c, "Accept", seen_accept, sizeof seen_accept);
	copy_header(c, "User-Agent", seen_ua, sizeof seen_ua);
	copy_header(c, "Authorization", seen_auth, sizeof seen_auth);
	copy_header(c, "Content-Type", seen_ctype, sizeof seen_ctype);
	served++;
	pthread_mutex_unlock(&lock);

	if (strcmp(url, "/ok") == 0)
		return reply(c, 200, "{\"ok\":true}", "Location",
		    "https://127.0.0.1/op/1");
	if (strcmp(url, "/flaky") == 0) {
		pthread_mutex_lock(&lock);
		n = ++flaky_count;
		pthread_mutex_unlock(&lock);
		if (n <= 2)
			return reply(c, n == 1 ? 503 : 429, "{\"error\":{"
			    "\"code\":\"Busy\",\"message\":\"later\"}}",
			    "Retry-After", "3");
		return reply(c, 200, "{\"third\":true}", NULL, NULL);
	}
	if (strcmp(url, "/always503") == 0) {
		pthread_mutex_lock(&lock);
		if (strcmp(method, "PUT") == 0)
			create_count++;
		else
			always_count++;
		pthread_mutex_unlock(&lock);
		return reply(c, 503, "{\"error\":{\"code\":\"ServerBusy\","
		    "\"message\":\"try later\"}}", NULL, NULL);
	}
	if (strcmp(url, "/auth") == 0) {
		if (strcmp(seen_auth, "Bearer tok-2") != 0)
			return reply(c, 401, "{\"error\":{\"code\":"
			    "\"ExpiredAuthenticationToken\",\"message\":"
			    "\"expired\"}}", "WWW-Authenticate",
			    "Bearer error=\"invalid_token\"");
		return reply(c, 200, "{}", NULL, NULL);
	}
	if (strcmp(url, "/redirect") == 0)
		return reply(c, 302, "", "Location",
		    "https://login.example.net/portal?next=x");
	if (strcmp(url, "/hour") == 0)
		return reply(c, 429, "{\"error\":{\"code\":\"TooManyRequests\","
		    "\"message\":\"slow down\"}}", "Retry-After", "3600");
	if (strcmp(url, "/huge") == 0) {
		r = MHD_create_response_from_callback((uint64_t)1 << 30,
		    64 * 1024, endless, NULL, NULL);
		ret = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return ret;
	}
	return reply(c, 404, "{\"error\":{\"code\":\"NotFound\","
	    "\"message\":\"no\"}}", NULL, NULL);
}

/* A token source that hands out tok-1, then tok-2 after a forced refresh. */
struct fake_tokens {
	int	calls, forced;
};

static bool
fake_get(void *ctx, const char *scope, bool force, char *tok, size_t len,
    struct err *err)
{
	struct fake_tokens	*f = ctx;

	(void)scope; (void)err;
	f->calls++;
	if (force)
		f->forced++;
	snprintf(tok, len, "tok-%d", f->forced > 0 ? 2 : 1);
	return true;
}

static bool
is_uuid4(const char *s)
{
	int	i;

	if (strlen(s) != 36 || s[14] != '4' || strchr("89ab", s[19]) == NULL)
		return false;
	for (i = 0; i < 36; i++)
		if (i == 8 || i == 13 || i == 18 || i == 23 ? s[i] != '-' :
		    !isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

/*
 * A CA directory as `openssl rehash` leaves one, in dir (made): the first
 * certificate of pem under its subject hash, HASH.0.
 */
static bool
hashed_dir(const char *dir, const char *pem)
{
	char	 link[1024];
	FILE	*f;
	X509	*x;
	bool	 r;

	if (mkdir(dir, 0700) != 0 || (f = fopen(pem, "r")) == NULL)
		return false;
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	if (x == NULL)
		return false;
	snprintf(link, sizeof link, "%s/%08lx.0", dir,
	    X509_subject_name_hash(x));
	X509_free(x);
	r = symlink(pem, link) == 0;
	return r;
}

/* Remove what hashed_dir() made. */
static void
hashed_dir_remove(const char *dir)
{
	char	 cmd[1100];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove %s", dir);
}

int
main(void)
{
	const char		*src = getenv("top_srcdir");
	char			 ca[1024], path[1024], url[256], logpath[64];
	char			*cert, *key, *log, first_id[40];
	struct MHD_Daemon	*d;
	struct http_config	 cfg;
	struct http_client	*c;
	struct http_request	 req;
	struct http_response	 rsp;
	struct fake_tokens	 ft = { 0, 0 };
	struct http_token_source ts = { fake_get, &ft, "scope" };
	struct err		 err;
	unsigned		 port;
	int			 i, fd;
	bool			 r;

	setenv("AKSWIZ_FAKE_CLOCK", "2030-01-01T00:00:00Z", 1);
	unsetenv("SSL_CERT_FILE");
	unsetenv("REQUESTS_CA_BUNDLE");
	unsetenv("SSL_CERT_DIR");
	if (src == NULL)
		src = ".";
	snprintf(path, sizeof path, "%s/tests/azure/certs/server.pem", src);
	cert = test_slurp(path);
	snprintf(path, sizeof path, "%s/tests/azure/certs/server-key.pem", src);
	key = test_slurp(path);
	snprintf(ca, sizeof ca, "%s/tests/azure/certs/ca.pem", src);
	if (cert == NULL || key == NULL) {
		printf("1..0 # SKIP no test certificates\n");
		return 0;
	}
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS,
	    0, NULL, NULL, handler, NULL,
	    MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_SOCK_ADDR, NULL, MHD_OPTION_END);
	if (d == NULL) {
		printf("1..0 # SKIP cannot start an HTTPS server\n");
		return 0;
	}
	port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;

	strcpy(logpath, "/tmp/akswiz-http-log-XXXXXX");
	fd = mkstemp(logpath);
	close(fd);
	memset(&cfg, 0, sizeof cfg);
	cfg.ca_file = ca;
	cfg.debug_file = logpath;
	cfg.user_agent = "akswiz-test/1";
	c = http_client_new(&cfg, &err);
	ok(c != NULL, "client with a private CA");
	http_response_init(&rsp);

	memset(&req, 0, sizeof req);
	req.method = "GET";
	req.url = url;
	snprintf(url, sizeof url, "https://127.0.0.1:%u/ok", port);
	r = http_call(c, &req, &rsp, &err);
	ok(r && rsp.status == 200, "GET over HTTPS trusted by --ca-file");
	if (!r)
		tap_diag("%s", err.msg);
	is_str(buf_str(&rsp.body), "{\"ok\":true}", "body read");
	is_str(rsp.location, "https://127.0.0.1/op/1", "Location kept");
	is_str(rsp.request_id, "req-1", "x-ms-request-id kept");
	ok(is_uuid4(seen_request_id), "x-ms-client-request-id is a UUID v4 "
	    "(%s)", seen_request_id);
	is_str(seen_request_id, rsp.client_request_id, "the id sent is "
	    "reported");
	is_str(seen_accept, "application/json", "Accept");
	is_str(seen_ua, "akswiz-test/1", "User-Agent");
	strcpy(first_id, rsp.client_request_id);
	for (i = 0; i < 4; i++)
		http_call(c, &req, &rsp, &err);
	ok(strcmp(first_id, rsp.client_request_id) != 0, "a fresh id per "
	    "call");
	is_int(http_client_handshakes(c), 1, "five calls, one TLS "
	    "connection (keep-alive)");

	snprintf(url, sizeof url, "https://127.0.0.1:%u/flaky", port);
	r = http_call(c, &req, &rsp, &err);
	ok(r && rsp.status == 200 && rsp.attempts == 3, "503 and 429 with "
	    "Retry-After retried: 200 on attempt %d", rsp.attempts);

	snprintf(url, sizeof url, "https://127.0.0.1:%u/always503", port);
	req.method = "PUT";
	req.body = "{\"properties\":{}}";
	req.body_len = strlen(req.body);
	req.no_retry = true;
	r = http_call(c, &req, &rsp, &err);
	ok(r && rsp.status == 503 && create_count == 1, "a create (no_retry) "
	    "answered 503 is not resent (%d sent)", create_count);
	is_str(seen_ctype, "application/json", "Content-Type with a body");
	req.method = "GET";
	req.body = NULL;
	req.body_len = 0;
	req.no_retry = false;
	r = http_call(c, &req, &rsp, &err);
	ok(!r && err.kind == ERR_HTTP && err.retryable &&
	    strstr(err.msg, "ServerBusy: try later") != NULL,
	    "persistent 503: gives up with the service's words: %s", err.msg);
	is_int(always_count, 11, "1 + 10 retries (as Azure's SDKs), then no "
	    "more");
	ok(strstr(err.msg, "gave up after 11 attempts") != NULL,
	    "and says how many: %s", err.msg);

	snprintf(url, sizeof url, "https://127.0.0.1:%u/hour", port);
	r = http_call(c, &req, &rsp, &err);
	ok(!r && rsp.attempts == 1 && strstr(err.msg, "Retry-After asked "
	    "for 3600 s") != NULL && strstr(err.msg, "slow down") != NULL,
	    "a Retry-After of an hour: gives up at once, saying so: %s",
	    err.msg);

	snprintf(url, sizeof url, "https://127.0.0.1:%u/redirect", port);
	r = http_call(c, &req, &rsp, &err);
	ok(!r && err.kind == ERR_SERVICE && err.http_status == 302 &&
	    strstr(err.msg, "redirect to login.example.net") != NULL,
	    "a 302 is not followed, and names where it pointed: %s", err.msg);

	snprintf(url, sizeof url, "https://127.0.0.1:%u/auth", port);
	req.auth = &ts;
	r = http_call(c, &req, &rsp, &err);
	ok(r && rsp.status == 200 && ft.forced == 1, "401 -> one forced "
	    "token refresh -> 200");
	is_str(seen_auth, "Bearer tok-2", "the refreshed token was sent");
	req.auth = NULL;

	snprintf(url, sizeof url, "https://127.0.0.1:%u/huge", port);
	r = http_call(c, &req, &rsp, &err);
	ok(!r && err.kind == ERR_NETWORK && strstr(err.msg, "16 MB") != NULL,
	    "a 1 GB answer is cut at the cap: %s", err.msg);
	ok(rsp.body.len <= HTTP_BODY_CAP, "no more than the cap kept");

	/* the secrets of a token request never reach the log */
	snprintf(url, sizeof url, "https://127.0.0.1:%u/ok", port);
	req.method = "POST";
	req.body = "grant_type=client_credentials&client_secret=HUNTER2-xyz";
	req.body_len = strlen(req.body);
	req.content_type = "application/x-www-form-urlencoded";
	ft.forced = 0;
	req.auth = &ts;
	http_call(c, &req, &rsp, &err);
	req.auth = NULL;
	http_client_free(c);
	log = test_slurp(logpath);
	ok(log != NULL && strstr(log, "client_secret=[REDACTED]") != NULL &&
	    strstr(log, "HUNTER2") == NULL, "debug log: form secret redacted");
	ok(log != NULL && strstr(log, "Authorization: [REDACTED]") != NULL &&
	    strstr(log, "tok-1") == NULL && strstr(log, "tok-2") == NULL,
	    "debug log: bearer token redacted");
	ok(log != NULL && strstr(log, "GET https://127.0.0.1") != NULL &&
	    strstr(log, "< HTTP/1.1 200") != NULL, "debug log: requests and "
	    "responses are there");
	free(log);
	unlink(logpath);

	/* no --ca-file: the system CAs do not know the private CA */
	memset(&cfg, 0, sizeof cfg);
	c = http_client_new(&cfg, &err);
	req.method = "GET";
	req.body = NULL;
	req.body_len = 0;
	req.content_type = NULL;
	r = http_call(c, &req, &rsp, &err);
	snprintf(path, sizeof path, "127.0.0.1:%u", port);
	ok(!r && err.kind == ERR_TLS && strstr(err.msg, path) != NULL &&
	    strstr(err.msg, "--ca-file") != NULL, "untrusted certificate: "
	    "names the host and --ca-file: %s", err.msg);
	http_client_free(c);

	/* SSL_CERT_FILE adds the CA too */
	setenv("SSL_CERT_FILE", ca, 1);
	c = http_client_new(&cfg, &err);
	r = http_call(c, &req, &rsp, &err);
	ok(r && rsp.status == 200, "SSL_CERT_FILE adds trust");
	http_client_free(c);
	unsetenv("SSL_CERT_FILE");

	/* --ca-file naming a CA that did not sign the server's certificate */
	snprintf(path, sizeof path, "%s/tests/azure/certs/sp.pem", src);
	cfg.ca_file = path;
	c = http_client_new(&cfg, &err);
	r = c != NULL && http_call(c, &req, &rsp, &err);
	ok(c != NULL && !r && err.kind == ERR_TLS, "--ca-file with another "
	    "CA: the connection fails: %s", err.msg);
	http_client_free(c);
	cfg.ca_file = NULL;

	/*
	 * The system store is read from its hashed directory (SSL_CERT_DIR
	 * names it, as for OpenSSL): a CA found only there is trusted; one
	 * that is not there is not, nor is it with another --ca-file.
	 */
	{
		char	dir[64], pwd[1024], abs_ca[2200], abs_sp[2200];

		if (getcwd(pwd, sizeof pwd) == NULL)
			strcpy(pwd, ".");
		snprintf(abs_ca, sizeof abs_ca, "%s%s%s", ca[0] == '/' ? "" :
		    pwd, ca[0] == '/' ? "" : "/", ca);
		snprintf(abs_sp, sizeof abs_sp, "%s%s%s", path[0] == '/' ?
		    "" : pwd, path[0] == '/' ? "" : "/", path);
		snprintf(dir, sizeof dir, "/tmp/akswiz-cadir-%ld",
		    (long)getpid());
		ok(hashed_dir(dir, abs_ca), "a hashed CA directory with the "
		    "server's CA");
		setenv("SSL_CERT_DIR", dir, 1);
		c = http_client_new(&cfg, &err);
		r = http_call(c, &req, &rsp, &err);
		ok(r && rsp.status == 200, "a CA only in the system store "
		    "(SSL_CERT_DIR) is trusted");
		if (!r)
			tap_diag("%s", err.msg);
		http_client_free(c);
		hashed_dir_remove(dir);

		ok(hashed_dir(dir, abs_sp), "a hashed CA directory with "
		    "another CA");
		c = http_client_new(&cfg, &err);
		r = http_call(c, &req, &rsp, &err);
		ok(!r && err.kind == ERR_TLS, "a system store without the "
		    "server's CA: the connection fails");
		http_client_free(c);
		cfg.ca_file = path;
		c = http_client_new(&cfg, &err);
		r = c != NULL && http_call(c, &req, &rsp, &err);
		ok(c != NULL && !r && err.kind == ERR_TLS, "and with "
		    "--ca-file naming another CA too");
		http_client_free(c);
		cfg.ca_file = NULL;
		hashed_dir_remove(dir);
		unsetenv("SSL_CERT_DIR");
	}

	/* a read-only client: writes are refused before they are sent */
	memset(&cfg, 0, sizeof cfg);
	cfg.ca_file = ca;
	cfg.readonly = true;
	c = http_client_new(&cfg, &err);
	ok(http_client_readonly(c), "the client says it is read-only");
	{
		static const struct {
			const char	*method, *path;
			bool		 sent;
		} ro[] = {
			{ "GET", "/ok", true },
			{ "PUT", "/ok", false },
			{ "PATCH", "/ok", false },
			{ "DELETE", "/ok?underlyingResourceAction=Detach", false },
			{ "POST", "/x/restart", false },
			{ "POST", "/x/listKeys", true },
			{ "POST", "/tenant/oauth2/v2.0/token", true },
		};
		int	before;

		for (i = 0; i < (int)(sizeof ro / sizeof ro[0]); i++) {
			snprintf(url, sizeof url, "https://127.0.0.1:%u%s",
			    port, ro[i].path);
			req.method = ro[i].method;
			req.body = strcmp(ro[i].method, "PUT") == 0 ? "{}" :
			    NULL;
			req.body_len = req.body != NULL ? 2 : 0;
			before = served;
			err_clear(&err);
			r = http_call(c, &req, &rsp, &err);
			if (ro[i].sent)
				ok(r && served == before + 1, "read-only: %s "
				    "%s is sent", ro[i].method, ro[i].path);
			else
				ok(!r && served == before &&
				    err.kind == ERR_REFUSED &&
				    strstr(err.msg, "--readonly") != NULL,
				    "read-only: %s %s refused unsent: %s",
				    ro[i].method, ro[i].path, err.msg);
		}
		req.method = "GET";
		req.body = NULL;
		req.body_len = 0;
	}
	http_client_free(c);
	memset(&cfg, 0, sizeof cfg);
	ok(!http_client_readonly(NULL), "no client is not read-only");

	/* the token goes to the configured endpoint and the canonical one */
	{
		char	origin[64];
		int	before;

		snprintf(origin, sizeof origin, "https://127.0.0.1:%u", port);
		cfg.ca_file = ca;
		cfg.token_origins[0] = origin;
		cfg.token_origins[1] = "https://management.azure.com";
		c = http_client_new(&cfg, &err);
		req.auth = &ts;
		snprintf(url, sizeof url, "https://127.0.0.1:%u/ok", port);
		r = http_call(c, &req, &rsp, &err);
		ok(r && rsp.status == 200 && strncmp(seen_auth, "Bearer ", 7)
		    == 0, "token origins: the configured endpoint gets it");
		snprintf(url, sizeof url, "https://localhost:%u/ok", port);
		before = served;
		r = http_call(c, &req, &rsp, &err);
		snprintf(path, sizeof path, "localhost:%u", port);
		ok(!r && err.kind == ERR_REFUSED && served == before &&
		    strstr(err.msg, path) != NULL, "token origins: another "
		    "name of the same server is refused unsent: %s", err.msg);
		req.auth = NULL;
		r = http_call(c, &req, &rsp, &err);
		ok(r && served == before + 1, "token origins: a request "
		    "without a token may go there");
		http_client_free(c);
		memset(&cfg, 0, sizeof cfg);
	}

	MHD_stop_daemon(d);
	c = http_client_new(&cfg, &err);
	r = http_call(c, &req, &rsp, &err);
	ok(!r && err.kind == ERR_NETWORK && rsp.attempts == 11,
	    "refused connection retried, then: %s", err.msg);
	http_client_free(c);

	http_response_done(&rsp);
	free(cert);
	free(key);
	return tap_done();
}
