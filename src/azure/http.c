/*
 * The only code that talks HTTP (see http.h).  One CURL easy handle per
 * client, reused for every call, so that libcurl keeps one connection per
 * host alive; a connection counter (CURLINFO_NUM_CONNECTS) measures TLS
 * handshakes.  Extra trust (--ca-file, SSL_CERT_FILE, REQUESTS_CA_BUNDLE)
 * is ADDED to the system store from an SSL_CTX callback: CURLOPT_CAINFO
 * would replace the system CAs.  The system store is read from its hashed
 * directory (CURLOPT_CAPATH: OpenSSL opens only the issuer a handshake
 * needs) instead of libcurl's default bundle file, which OpenSSL parses
 * whole (~140 certificates, most of a small command's CPU) for every
 * connection; a system with no such directory keeps the bundle.
 * Verification is never turned off.
 *
 * Retries follow retry.c; waits go through clock_sleep_ms() so that tests
 * with the fake clock do not wait.  Bodies go into a buffer capped at
 * HTTP_BODY_CAP: the write callback aborts the transfer past it.
 */
#include "config.h"
#include "azure/http.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "azure/armerror.h"
#include "azure/debuglog.h"
#include "azure/retry.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"
#include "core/trust.h"

#define CONNECT_TIMEOUT_MS	10000L
#define TIMEOUT_MS		100000L
#define TOKEN_MAX		16384

struct http_client {
	CURL			*curl;
	STACK_OF(X509)		*extra_ca;	/* from ca_file, or NULL */
	char			*ca_file;
	char			*ca_dir;	/* the system's hashed CAs, or NULL */
	char			*user_agent;
	long			 connect_timeout_ms;
	long			 timeout_ms;
	struct retry_policy	 policy;
	struct debuglog		*log;
	long			 handshakes;
	bool			 readonly;
	char			*token_origins[2];	/* or NULL */
	char			 errbuf[CURL_ERROR_SIZE];
	char			*debug_file;	/* --debug's, or NULL */
};

/* What the callbacks of one attempt share. */
struct http_transfer {
	struct http_response	*rsp;
	struct debuglog		*log;
	bool			 overflow;
	/* A body from a file (http_request.body_file): what is sent. */
	const struct http_file_body *up;
	uint64_t		 up_pos, up_len;
};

static bool	curl_ready;

bool
http_uuid4(char *out, size_t len)
{
	unsigned char	b[16];

	if (len < 37 || RAND_bytes(b, sizeof b) != 1)
		return false;
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, len, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	return true;
}

/* The host part of url, into buf (for error messages). */
static void
url_host(const char *url, char *buf, size_t len)
{
	const char	*p = strstr(url, "://"), *at;
	size_t		 n;

	p = p != NULL ? p + 3 : url;
	n = strcspn(p, "/?#");
	if ((at = memchr(p, '@', n)) != NULL) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	if (n >= len)
		n = len - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

/* Read every certificate of a PEM file; NULL + err if none. */
static STACK_OF(X509) *
load_ca_file(const char *path, struct err *err)
{
	STACK_OF(X509)	*sk;
	X509		*x;
	BIO		*bio;

	if ((bio = BIO_new_file(path, "r")) == NULL) {
		err_set(err, ERR_IO, _("cannot read the CA file %s"), path);
		return NULL;
	}
	sk = sk_X509_new_null();
	while ((x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL)
		sk_X509_push(sk, x);
	ERR_clear_error();
	BIO_free(bio);
	if (sk_X509_num(sk) == 0) {
		sk_X509_free(sk);
		err_set(err, ERR_TLS, _("%s holds no PEM certificate"), path);
		return NULL;
	}
	return sk;
}

/* Add the extra CAs to the store libcurl set up (system CAs kept). */
static CURLcode
ssl_ctx_cb(CURL *curl, void *sslctx, void *arg)
{
	struct http_client	*c = arg;
	X509_STORE		*store = SSL_CTX_get_cert_store(sslctx);
	int			 i;

	(void)curl;
	for (i = 0; i < sk_X509_num(c->extra_ca); i++)
		X509_STORE_add_cert(store, sk_X509_value(c->extra_ca, i));
	ERR_clear_error();	/* "already in the store" is fine */
	return CURLE_OK;
}

/*
 * The directory of the system's CAs, hashed as `openssl rehash` leaves it
 * (SSL_CERT_DIR, as for OpenSSL, else libcurl's build-time CA path), when
 * it can be read; NULL otherwise (libcurl's default bundle file is used).
 */
static char *
system_ca_dir(void)
{
	const char	*dir = getenv(X509_get_default_cert_dir_env());

#if LIBCURL_VERSION_NUM >= 0x074600
	if (dir == NULL || *dir == '\0') {
		const curl_version_info_data *v =
		    curl_version_info(CURLVERSION_NOW);

		dir = v->age >= CURLVERSION_SEVENTH ? v->capath : NULL;
	}
#endif
	if (dir == NULL || *dir == '\0' || access(dir, R_OK | X_OK) != 0)
		return NULL;
	return xstrdup(dir);
}

struct http_client *
http_client_new(const struct http_config *cfg, struct err *err)
{
	struct http_client	*c;
	const char		*ca = cfg != NULL ? cfg->ca_file : NULL;

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			err_set(err, ERR_INTERNAL,
			    _("cannot initialise libcurl"));
			return NULL;
		}
		curl_ready = true;
	}
	if (ca == NULL || *ca == '\0')
		ca = getenv("SSL_CERT_FILE");
	if (ca == NULL || *ca == '\0')
		ca = getenv("REQUESTS_CA_BUNDLE");
	c = xcalloc(1, sizeof *c);
	if (ca != NULL && *ca != '\0') {
		if ((c->extra_ca = load_ca_file(ca, err)) == NULL) {
			free(c);
			return NULL;
		}
		c->ca_file = xstrdup(ca);
	}
	c->ca_dir = system_ca_dir();
	if (cfg != NULL && cfg->debug_file != NULL &&
	    (c->log = debuglog_open(cfg->debug_file, err)) == NULL) {
		http_client_free(c);
		return NULL;
	}
	if (c->log != NULL)
		c->debug_file = xstrdup(cfg->debug_file);
	c->user_agent = xstrdup(cfg != NULL && cfg->user_agent != NULL ?
	    cfg->user_agent : PACKAGE_NAME "/" PACKAGE_VERSION);
	c->connect_timeout_ms = cfg != NULL && cfg->connect_timeout_ms > 0 ?
	    cfg->connect_timeout_ms : CONNECT_TIMEOUT_MS;
	c->timeout_ms = cfg != NULL && cfg->timeout_ms > 0 ?
	    cfg->timeout_ms : TIMEOUT_MS;
	retry_policy_init(&c->policy, cfg != NULL ? cfg->retry_budget_ms : 0,
	    cfg != NULL ? cfg->max_retries : 0);
	c->readonly = cfg != NULL && cfg->readonly;
	for (size_t i = 0; cfg != NULL && i < 2; i++)
		if (cfg->token_origins[i] != NULL &&
		    *cfg->token_origins[i] != '\0')
			c->token_origins[i] = xstrdup(cfg->token_origins[i]);
	if ((c->curl = curl_easy_init()) == NULL) {
		http_client_free(c);
		err_set(err, ERR_INTERNAL, _("cannot initialise libcurl"));
		return NULL;
	}
	return c;
}

void
http_client_free(struct http_client *c)
{
	if (c == NULL)
		return;
	if (c->curl != NULL)
		curl_easy_cleanup(c->curl);
	if (c->extra_ca != NULL)
		sk_X509_pop_free(c->extra_ca, X509_free);
	debuglog_close(c->log);
	free(c->token_origins[0]);
	free(c->token_origins[1]);
	free(c->debug_file);
	free(c->ca_file);
	free(c->ca_dir);
	free(c->user_agent);
	free(c);
}

const char *
http_client_debug_file(const struct http_client *c)
{
	return c->debug_file;
}

bool
http_client_readonly(const struct http_client *c)
{
	return c != NULL && c->readonly;
}

long
http_client_handshakes(const struct http_client *c)
{
	return c->handshakes;
}

void
http_client_log(struct http_client *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (c == NULL || c->log == NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s != NULL) {
		debuglog_line(c->log, "%s", s);
		free(s);
	}
}

void
http_response_init(struct http_response *rsp)
{
	memset(rsp, 0, sizeof *rsp);
	buf_init(&rsp->body, HTTP_BODY_CAP);
}

/* Forget the headers and body of a previous attempt. */
static void
response_clear(struct http_response *rsp)
{
	free(rsp->retry_after);
	free(rsp->azure_async_operation);
	free(rsp->location);
	free(rsp->request_id);
	free(rsp->www_authenticate);
	free(rsp->ms_error_code);
	rsp->retry_after = rsp->azure_async_operation = rsp->location = NULL;
	rsp->request_id = rsp->www_authenticate = NULL;
	rsp->ms_error_code = NULL;
	rsp->content_length = -1;
	rsp->status = 0;
	buf_reset(&rsp->body);
}

void
http_response_done(struct http_response *rsp)
{
	response_clear(rsp);
	buf_done(&rsp->body);
}

static size_t
write_cb(char *data, size_t size, size_t n, void *arg)
{
	struct http_transfer	*t = arg;

	if (!buf_add(&t->rsp->body, data, size * n)) {
		t->overflow = true;
		return 0;		/* aborts the transfer */
	}
	return size * n;
}

/* Keep a header value when name matches (value trimmed, newest wins). */
static void
keep_header(char **slot, const char *name, const char *line, size_t len)
{
	size_t		 n = strlen(name);
	const char	*v, *end = line + len;

	if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':')
		return;
	for (v = line + n + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' ||
	    end[-1] == ' '))
		end--;
	free(*slot);
	*slot = xstrndup(v, (size_t)(end - v));
}

static size_t
header_cb(char *data, size_t size, size_t n, void *arg)
{
	struct http_transfer	*t = arg;
	struct http_response	*rsp = t->rsp;
	size_t			 len = size * n;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* a new response (after 100 Continue): forget the old */
		free(rsp->retry_after);
		free(rsp->azure_async_operation);
		free(rsp->location);
		free(rsp->request_id);
		free(rsp->www_authenticate);
		free(rsp->ms_error_code);
		rsp->retry_after = rsp->azure_async_operation = NULL;
		rsp->location = rsp->request_id = NULL;
		rsp->www_authenticate = rsp->ms_error_code = NULL;
	}
	debuglog_header(t->log, "<", data, len);
	keep_header(&rsp->retry_after, "Retry-After", data, len);
	keep_header(&rsp->azure_async_operation, "Azure-AsyncOperation",
	    data, len);
	keep_header(&rsp->location, "Location", data, len);
	keep_header(&rsp->request_id, "x-ms-request-id", data, len);
	keep_header(&rsp->www_authenticate, "WWW-Authenticate", data, len);
	keep_header(&rsp->ms_error_code, "x-ms-error-code", data, len);
	return len;
}

/* Wipe and free header lines that held a token. */
static void
headers_free(struct curl_slist *h)
{
	struct curl_slist	*p;

	for (p = h; p != NULL; p = p->next)
		OPENSSL_cleanse(p->data, strlen(p->data));
	curl_slist_free_all(h);
}

/* The headers of one attempt; tok (may be NULL) becomes Authorization. */
static struct curl_slist *
build_headers(struct http_client *c, const struct http_request *req,
    const char *request_id, const char *tok)
{
	struct curl_slist	*h = NULL;
	char			 line[128];
	char			*auth;
	size_t			 i, n;

	snprintf(line, sizeof line, "Accept: %s",
	    req->accept != NULL ? req->accept : "application/json");
	h = curl_slist_append(h, line);
	if (req->body != NULL || req->body_file != NULL) {
		snprintf(line, sizeof line, "Content-Type: %s",
		    req->content_type != NULL ? req->content_type :
		    "application/json");
		h = curl_slist_append(h, line);
	}
	snprintf(line, sizeof line, "x-ms-client-request-id: %s", request_id);
	h = curl_slist_append(h, line);
	h = curl_slist_append(h, "Expect:");
	for (i = 0; i < 8 && req->extra_headers[i] != NULL; i++)
		h = curl_slist_append(h, req->extra_headers[i]);
	if (tok != NULL) {
		n = strlen(tok) + sizeof "Authorization: Bearer ";
		auth = xmalloc(n);
		snprintf(auth, n, "Authorization: Bearer %s", tok);
		h = curl_slist_append(h, auth);
		OPENSSL_cleanse(auth, n);
		free(auth);
	}
	for (struct curl_slist *p = h; p != NULL; p = p->next)
		debuglog_header(c->log, ">", p->data, strlen(p->data));
	(void)c;
	return h;
}

/* Classify a libcurl failure for retry.c. */
static enum retry_transport
classify(CURLcode rc, long sent)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
		return RETRY_TRANSPORT_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return sent == 0 ? RETRY_TRANSPORT_CONNECT :
		    RETRY_TRANSPORT_SENT;
	default:
		return RETRY_TRANSPORT_FATAL;
	}
}

static bool
is_tls_error(CURLcode rc)
{
	switch (rc) {
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
		return true;
	default:
		return false;
	}
}

/* libcurl's read of a body from a file: into its own buffer. */
static size_t
file_read_cb(char *out, size_t size, size_t n, void *arg)
{
	struct http_transfer	*t = arg;
	size_t			 want = size * n;
	ssize_t			 r;

	if (want > t->up_len - t->up_pos)
		want = (size_t)(t->up_len - t->up_pos);
	if (want == 0)
		return 0;
	while ((r = pread(t->up->fd, out, want, (off_t)(t->up->off +
	    t->up_pos))) < 0 && errno == EINTR)
		;
	if (r <= 0)
		return CURL_READFUNC_ABORT;	/* shorter than it was */
	t->up_pos += (uint64_t)r;
	return (size_t)r;
}

/* libcurl rewinds a body it must send again (a redirect, an auth). */
static int
file_seek_cb(void *arg, curl_off_t off, int origin)
{
	struct http_transfer	*t = arg;

	if (origin != SEEK_SET || off < 0 || (uint64_t)off > t->up_len)
		return CURL_SEEKFUNC_CANTSEEK;
	t->up_pos = (uint64_t)off;
	return CURL_SEEKFUNC_OK;
}

/* Set the options of one attempt on the reused handle. */
static void
setup(struct http_client *c, const struct http_request *req,
    struct http_transfer *t, struct curl_slist *headers)
{
	CURL	*h = c->curl;

	curl_easy_reset(h);
	curl_easy_setopt(h, CURLOPT_URL, req->url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(h, CURLOPT_USERAGENT, c->user_agent);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS,
	    req->timeout_ms > 0 ? req->timeout_ms : c->timeout_ms);
	curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->ca_dir != NULL) {
		curl_easy_setopt(h, CURLOPT_CAINFO, NULL);
		curl_easy_setopt(h, CURLOPT_CAPATH, c->ca_dir);
	}
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
	if (c->extra_ca != NULL) {
		curl_easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, ssl_ctx_cb);
		curl_easy_setopt(h, CURLOPT_SSL_CTX_DATA, c);
	}
	if (req->no_proxy)
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	/*
	 * libcurl silently sends a request again when a reused connection
	 * dies before any answer, which is a blind resend of a create: a
	 * create gets a connection of its own (one handshake more, once).
	 */
	if (req->no_retry)
		curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
	if (req->body_file != NULL) {
		t->up = req->body_file;
		t->up_pos = 0;
		t->up_len = req->body_len;
		curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(h, CURLOPT_READFUNCTION, file_read_cb);
		curl_easy_setopt(h, CURLOPT_READDATA, t);
		curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, file_seek_cb);
		curl_easy_setopt(h, CURLOPT_SEEKDATA, t);
		curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE,
		    (curl_off_t)req->body_len);
	} else if (req->body != NULL) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, req->body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)req->body_len);
	} else if (strcmp(req->method, "POST") == 0) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, "");
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)0);
	} else if (strcmp(req->method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "POST") !=
	    0 && strcmp(req->method, "HEAD") != 0)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req->method);
}

/* Fill err for a transfer that failed before an HTTP answer. */
static bool
transport_error(struct http_client *c, const struct http_request *req,
    CURLcode rc, const struct http_transfer *t, struct err *err)
{
	char	host[256];

	url_host(req->url, host, sizeof host);
	if (t->overflow)
		return err_set(err, ERR_NETWORK, _("the answer from %s is "
		    "larger than %d MB; refusing it"), host,
		    HTTP_BODY_CAP / (1024 * 1024));
	/* What libcurl calls "Out of memory" is a header over its limit. */
	if (rc == CURLE_OUT_OF_MEMORY
#if LIBCURL_VERSION_NUM >= 0x080600
	    || rc == CURLE_TOO_LARGE
#endif
	    ) {
		err_set(err, ERR_NETWORK, _("the answer from %s has a header "
		    "larger than libcurl accepts (%d KB); refusing it"), host,
		    CURL_MAX_HTTP_HEADER / 1024);
		return false;
	}
	if (is_tls_error(rc)) {
		err_set(err, ERR_TLS, _("cannot verify the TLS certificate "
		    "of %s: %s. If it is signed by a private CA, trust that "
		    "CA with --ca-file FILE (or SSL_CERT_FILE)."), host,
		    *c->errbuf != '\0' ? c->errbuf : curl_easy_strerror(rc));
		err_detail(err, "curl %d: %s", (int)rc, c->errbuf);
		return false;
	}
	err_set(err, ERR_NETWORK, _("cannot reach %s: %s"), host,
	    *c->errbuf != '\0' ? c->errbuf : curl_easy_strerror(rc));
	err_detail(err, "curl %d: %s", (int)rc, curl_easy_strerror(rc));
	err->retryable = true;
	return false;
}

/* Whether a bearer token may go to url (see token_origins in http.h). */
static bool
token_may_go(const struct http_client *c, const struct http_request *req)
{
	const char	*url = req->url;

	if (c->token_origins[0] == NULL && c->token_origins[1] == NULL)
		return true;
	return trust_same_origin(url, c->token_origins[0]) ||
	    trust_same_origin(url, c->token_origins[1]) ||
	    (req->token_origin != NULL &&
	    trust_same_origin(url, req->token_origin));
}

/*
 * A 3xx answer: akswiz follows no redirect (a token must not follow one
 * to another host), so it says where the answer pointed.
 */
static bool
redirect_error(const struct http_request *req, const struct http_response *rsp,
    struct err *err)
{
	char	host[256], to[256];

	url_host(req->url, host, sizeof host);
	if (rsp->location != NULL && strstr(rsp->location, "://") != NULL)
		url_host(rsp->location, to, sizeof to);
	else
		snprintf(to, sizeof to, "%s", host);
	/* TRANSLATORS: a host, an HTTP status (302), the host it pointed to. */
	err_set(err, ERR_SERVICE, _("%s answered HTTP %ld, a redirect to %s; "
	    "akswiz follows no redirects: is a proxy or a sign-in portal in "
	    "the way?"), host, rsp->status, to);
	err_detail(err, "HTTP %ld Location: %s", rsp->status,
	    rsp->location != NULL ? rsp->location : "(none)");
	text_escape_inplace(err->msg, sizeof err->msg, 0);
	text_escape_inplace(err->detail, sizeof err->detail, 0);
	err->http_status = rsp->status;
	return false;
}

bool
http_call(struct http_client *c, const struct http_request *req,
    struct http_response *rsp, struct err *err)
{
	struct http_transfer	 t;
	struct curl_slist	*headers;
	struct retry_input	 in;
	enum retry_action	 act;
	enum retry_why		 why;
	CURLcode		 rc;
	uint64_t		 start, delay;
	uint32_t		 rnd;
	long			 connects, sent;
	char			*tok = NULL;
	bool			 refreshed = false, force = false;
	bool			 ok = false;
	int			 attempt = 0;

	response_clear(rsp);
	rsp->attempts = 0;
	if (c->readonly && trust_request_writes(req->method, req->url)) {
		char	host[256];

		debuglog_line(c->log, "read-only: %s %s not sent", req->method,
		    req->url);
		url_host(req->url, host, sizeof host);
		/*
		 * TRANSLATORS: an HTTP method (PUT, DELETE ...), then a host;
		 * --readonly is the option, not translated.  Shown whole
		 * (wrapped) on the screens.
		 */
		err_set(err, ERR_REFUSED, _("--readonly forbids changes in "
		    "Azure: %s to %s was not sent"), req->method, host);
		err_detail(err, "%s %s", req->method, req->url);
		return false;
	}
	if (req->auth != NULL && !token_may_go(c, req)) {
		char	host[256], arm[256];

		url_host(req->url, host, sizeof host);
		url_host(c->token_origins[0] != NULL ? c->token_origins[0] :
		    c->token_origins[1], arm, sizeof arm);
		debuglog_line(c->log, "token not sent to %s: %s", host,
		    req->url);
		/*
		 * TRANSLATORS: two hosts ("host:port"); Resource Manager is
		 * Azure's; at most 255 bytes with the hosts.
		 */
		err_set(err, ERR_REFUSED, _("the service named %s for the next "
		    "request (a poll or a page), which is not Resource Manager "
		    "(%s): akswiz sends its Azure token nowhere else, so it "
		    "was not sent"), host, arm);
		err_detail(err, "%s %s", req->method, req->url);
		text_escape_inplace(err->msg, sizeof err->msg, 0);
		text_escape_inplace(err->detail, sizeof err->detail, 0);
		return false;
	}
	if (req->client_request_id != NULL)
		snprintf(rsp->client_request_id, sizeof rsp->client_request_id,
		    "%s", req->client_request_id);
	else if (!http_uuid4(rsp->client_request_id,
	    sizeof rsp->client_request_id))
		return err_set(err, ERR_INTERNAL, _("no random numbers"));
	if (req->auth != NULL)
		tok = xmalloc(TOKEN_MAX);
	start = clock_mono_ms();
	for (;;) {
		attempt++;
		response_clear(rsp);
		rsp->attempts = attempt;
		if (tok != NULL && !req->auth->get(req->auth->ctx,
		    req->auth->scope, force, tok, TOKEN_MAX, err))
			goto out;
		force = false;
		memset(&t, 0, sizeof t);
		t.rsp = rsp;
		t.log = c->log;
		*c->errbuf = '\0';
		debuglog_line(c->log, "%s %s (attempt %d, request id %s)",
		    req->method, req->url, attempt, rsp->client_request_id);
		headers = build_headers(c, req, rsp->client_request_id, tok);
		if (req->body_file != NULL || (req->body != NULL &&
		    req->body_binary))
			debuglog_line(c->log, "> (%zu bytes of a file)",
			    req->body_len);
		else if (req->body != NULL)
			debuglog_body(c->log, ">", req->body, req->body_len);
		setup(c, req, &t, headers);
		rc = curl_easy_perform(c->curl);
		headers_free(headers);
		connects = 0;
		sent = 0;
		curl_easy_getinfo(c->curl, CURLINFO_NUM_CONNECTS, &connects);
		curl_easy_getinfo(c->curl, CURLINFO_REQUEST_SIZE, &sent);
		c->handshakes += connects;
		memset(&in, 0, sizeof in);
		in.no_retry = req->no_retry;
		if (rc != CURLE_OK) {
			in.transport = t.overflow || is_tls_error(rc) ?
			    RETRY_TRANSPORT_FATAL : classify(rc, sent);
			debuglog_line(c->log, "transport error: curl %d %s",
			    (int)rc, c->errbuf);
		} else {
			curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE,
			    &rsp->status);
			if (strcmp(req->method, "HEAD") == 0) {
				curl_off_t cl = -1;

				curl_easy_getinfo(c->curl,
				    CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
				rsp->content_length = (long long)cl;
			}
			debuglog_body(c->log, "<", rsp->body.data,
			    rsp->body.len);
			in.transport = RETRY_TRANSPORT_OK;
			in.status = rsp->status;
			in.retry_after = rsp->retry_after;
			if (rsp->status == 401 && tok != NULL && !refreshed) {
				/* one forced token refresh, then again */
				refreshed = force = true;
				debuglog_line(c->log, "401: refreshing token");
				continue;
			}
		}
		if (RAND_bytes((unsigned char *)&rnd, sizeof rnd) != 1)
			rnd = 0;
		act = retry_decide(&c->policy, &in, attempt,
		    clock_mono_ms() - start, clock_now(), rnd, &delay, &why);
		if (act == RETRY_AGAIN && req->max_attempts > 0 &&
		    attempt >= req->max_attempts) {
			act = RETRY_GIVE_UP;
			why = RETRY_WHY_ATTEMPTS;
		}
		debuglog_line(c->log, "status %ld: %s%s", rsp->status,
		    retry_action_name(act), act == RETRY_AGAIN ? " later" : "");
		if (act == RETRY_AGAIN) {
			debuglog_line(c->log, "waiting %llu ms",
			    (unsigned long long)delay);
			clock_sleep_ms(delay);
			continue;
		}
		if (rc != CURLE_OK) {
			transport_error(c, req, rc, &t, err);
			if (act == RETRY_GIVE_UP) {
				char	m[sizeof err->msg];

				snprintf(m, sizeof m, _("%s (gave up after %d "
				    "attempts)"), err->msg, attempt);
				memcpy(err->msg, m, sizeof m);
			}
			goto out;
		}
		if (act == RETRY_GIVE_UP) {
			char	m[sizeof err->msg];

			arm_error_summary(rsp->body.data, rsp->status, err);
			/*
			 * TRANSLATORS: Retry-After is the HTTP header, not
			 * translated; %llu is seconds; the last %s is the
			 * service's error.
			 */
			if (why == RETRY_WHY_RETRY_AFTER)
				snprintf(m, sizeof m, _("gave up after %d "
				    "attempts: Retry-After asked for %llu s, "
				    "longer than akswiz waits: %s"), attempt,
				    (unsigned long long)(delay + 999) / 1000,
				    err->msg);
			else
				snprintf(m, sizeof m, _("gave up after %d "
				    "attempts: %s"), attempt, err->msg);
			memcpy(err->msg, m, sizeof m);
			err->kind = ERR_HTTP;
			goto out;
		}
		if (rsp->status >= 300 && rsp->status < 400) {
			redirect_error(req, rsp, err);
			goto out;
		}
		ok = true;
		goto out;
	}
out:
	if (tok != NULL) {
		OPENSSL_cleanse(tok, TOKEN_MAX);
		free(tok);
	}
	return ok;
}
