/*
 * The sandbox's HTTP(S) server on libmicrohttpd: a thread per connection
 * (so that an injected latency or a slow client holds up only itself), one
 * lock around the handlers and the world, bodies collected into capped
 * buffers (413 past SB_MAX_BODY, decided from Content-Length when it is
 * given, so that a huge upload is refused before it is read).
 *
 * The raw request URI comes from MHD's URI log callback: the handlers see
 * the query exactly as sent (nextLink tokens, repeated parameters), which
 * MHD's parsed arguments would hide.
 */
#include "config.h"

#include "sandbox/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <microhttpd.h>
#include <openssl/evp.h>

#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "sandbox/blob.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"

struct sb_server {
	struct MHD_Daemon	*daemon;
	struct sandbox		*sb;
	pthread_mutex_t		 lock;
	uint64_t		 seq;
	char			*state_file;	/* NULL: no persistence */
};

/*
 * The last value sb_req_query() returned on this thread: requests of a
 * connection run on its thread, and completed() frees it.
 */
static _Thread_local char *query_last;

/* Per request: the raw URI and the body collected so far. */
struct conn_ctx {
	char		*uri;
	struct buf	 body;
	bool		 started;
	bool		 too_large;
	/* A blob store upload: the body goes to this file (blob.c). */
	char		*body_file;
	int		 body_fd;
	uint64_t	 body_file_len;
	EVP_MD_CTX	*body_md5;	/* its MD5, as it streams in */
	char		 md5[32];	/* base64, when it is complete */
};

/* A truncated body: the declared length, but only part of the bytes. */
struct trunc_body {
	char	*data;
	size_t	 len;		/* what is sent before the error */
};

/* MHD hands the raw URI first: start the request's context with it. */
static void *
uri_log(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct conn_ctx *ctx = xcalloc(1, sizeof *ctx);

	(void)cls;
	(void)conn;
	ctx->uri = xstrdup(uri != NULL ? uri : "/");
	buf_init(&ctx->body, SB_MAX_BODY);
	return ctx;
}

/* Free a request's context and its query value. */
static void
completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct conn_ctx *ctx = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	free(query_last);
	query_last = NULL;
	if (ctx == NULL)
		return;
	free(ctx->uri);
	buf_done(&ctx->body);
	if (ctx->body_file != NULL) {
		if (ctx->body_fd >= 0)
			close(ctx->body_fd);
		unlink(ctx->body_file);	/* unless the handler kept it */
		free(ctx->body_file);
	}
	EVP_MD_CTX_free(ctx->body_md5);
	free(ctx);
	*con_cls = NULL;
}

/* Send the first half of a body, then break the connection. */
static ssize_t
trunc_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct trunc_body *t = cls;
	size_t n;

	if (pos >= t->len)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	n = t->len - (size_t)pos;
	if (n > max)
		n = max;
	memcpy(out, t->data + pos, n);
	return (ssize_t)n;
}

static void
trunc_free(void *cls)
{
	struct trunc_body *t = cls;

	free(t->data);
	free(t);
}

/* Turn a struct sb_response into MHD's and queue it. */
static enum MHD_Result
send_response(struct MHD_Connection *conn, struct sb_response *resp,
    bool truncate)
{
	struct MHD_Response *r;
	enum MHD_Result rc;
	const char *body = buf_str(&resp->body);
	size_t len = resp->body.len;
	int i;

	if (resp->file_fd >= 0) {
		r = MHD_create_response_from_fd_at_offset64(resp->file_len,
		    resp->file_fd, resp->file_off);
		resp->file_fd = -1;	/* MHD's now */
	} else if (resp->reader != NULL) {
		r = MHD_create_response_from_callback(resp->reader_len,
		    256 * 1024, resp->reader, resp->reader_arg,
		    resp->reader_free);
		if (r != NULL)
			resp->reader = NULL;	/* MHD's now */
	} else if (truncate && len > 1) {
		struct trunc_body *t = xmalloc(sizeof *t);

		t->data = xstrndup(body, len);
		t->len = len / 2;
		r = MHD_create_response_from_callback(len, 4096, trunc_read,
		    t, trunc_free);
	} else
		r = MHD_create_response_from_buffer(len, (void *)body,
		    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	if (len > 0 || resp->content_type != NULL)
		MHD_add_response_header(r, "Content-Type",
		    resp->content_type != NULL ? resp->content_type :
		    "application/json; charset=utf-8");
	for (i = 0; i < resp->nheaders; i++)
		MHD_add_response_header(r, resp->headers[i].name,
		    resp->headers[i].value);
	rc = MHD_queue_response(conn, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	return rc;
}

/* One complete request: faults, Azure AD or ARM, journal, state. */
static enum MHD_Result
serve(struct sb_server *srv, struct MHD_Connection *conn,
    struct conn_ctx *ctx, const char *url, const char *method)
{
	struct sandbox *sb = srv->sb;
	struct sb_request req;
	struct sb_response resp;
	enum fault_action act = FAULT_NONE;
	unsigned latency = 0;
	enum MHD_Result rc;
	char *q;
	struct err err;

	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = url;
	q = strchr(ctx->uri, '?');
	req.query = q != NULL ? q + 1 : "";
	req.uri = ctx->uri;
	req.body = buf_str(&ctx->body);
	req.body_len = ctx->body.len;
	req.conn = conn;
	if (ctx->body_file != NULL) {
		close(ctx->body_fd);
		ctx->body_fd = -1;
		req.body_file = ctx->body_file;
		req.body_file_len = ctx->body_file_len;
		if (ctx->body_md5 != NULL) {
			unsigned char	md[EVP_MAX_MD_SIZE];
			unsigned int	n = 0;

			EVP_DigestFinal_ex(ctx->body_md5, md, &n);
			EVP_EncodeBlock((unsigned char *)ctx->md5, md, (int)n);
			req.body_md5 = ctx->md5;
		}
	}
	sb_resp_init(&resp);

	pthread_mutex_lock(&srv->lock);
	req.seq = ++srv->seq;
	if (ctx->too_large && ctx->body_file != NULL)
		blob_too_large(&req, &resp);
	else if (ctx->too_large)
		sb_resp_arm_error(&resp, 413, "RequestEntityTooLarge",
		    "The request body is larger than %d bytes.", SB_MAX_BODY);
	else if (sb->faults != NULL)
		act = faults_before(sb->faults, &req, &resp, &latency);
	pthread_mutex_unlock(&srv->lock);

	if (latency > 0) {
		struct timespec ts = { (time_t)(latency / 1000),
		    (long)(latency % 1000) * 1000000L };

		nanosleep(&ts, NULL);
	}

	pthread_mutex_lock(&srv->lock);
	if (sb->aad == NULL)	/* still starting: main() makes it */
		sb_resp_arm_error(&resp, 503, "ServiceUnavailable",
		    "The sandbox is starting.");
	else if (!ctx->too_large && act != FAULT_RESPOND &&
	    act != FAULT_RESET_BEFORE) {
		if (!blob_route(sb, &req, &resp) &&
		    !metadata_route(sb, &req, &resp) &&
		    !aad_route(sb, &req, &resp) &&
		    !kube_route(sb, &req, &resp) &&
		    !registry_route(sb, &req, &resp) &&
		    !score_route(sb, &req, &resp))
			arm_route(sb, &req, &resp);
	}
	if (sb->world != NULL)
		world_settle(sb->world);
	if (act == FAULT_RESET_BEFORE)
		resp.status = 0;
	if (sb->journal != NULL)
		journal_record(sb->journal, &req, &resp);
	if (srv->state_file != NULL && sb->world != NULL &&
	    sb->world->dirty && !world_save(sb->world, srv->state_file,
	    &err))
		fprintf(stderr, "akswiz-sandbox: %s\n", err.msg);
	pthread_mutex_unlock(&srv->lock);

	if (act == FAULT_RESET_BEFORE || act == FAULT_RESET_AFTER)
		rc = MHD_NO;	/* MHD closes the connection unanswered */
	else
		rc = send_response(conn, &resp, act == FAULT_TRUNCATE);
	sb_resp_done(&resp);
	return rc;
}

/* Write all of data to fd. */
static bool
write_all(int fd, const char *data, size_t n)
{
	ssize_t	w;

	while (n > 0) {
		if ((w = write(fd, data, n)) < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += w;
		n -= (size_t)w;
	}
	return true;
}

/*
 * A PUT to the blob store: its body to a file under the state directory
 * (a model of 200 MB is never held in memory).  False for anything else.
 */
static bool
blob_upload(struct sb_server *srv, struct conn_ctx *ctx, const char *url)
{
	char	path[600];
	bool	blob;

	pthread_mutex_lock(&srv->lock);
	blob = srv->sb->aad != NULL && blob_path(srv->sb, url);
	pthread_mutex_unlock(&srv->lock);
	if (!blob)
		return false;
	snprintf(path, sizeof path, "%s/upload.XXXXXX", srv->sb->state_dir);
	if ((ctx->body_fd = mkstemp(path)) < 0)
		return false;
	ctx->body_file = xstrdup(path);
	if ((ctx->body_md5 = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(ctx->body_md5, EVP_md5(), NULL) != 1)
		abort();
	return true;
}

/* MHD's handler: collect the body (capped), then serve the request. */
static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct sb_server *srv = cls;
	struct conn_ctx *ctx = *con_cls;

	(void)version;
	if (ctx == NULL) {	/* no URI log call: cannot happen */
		*con_cls = ctx = uri_log(NULL, url, conn);
	}
	if (!ctx->started) {
		const char *cl = MHD_lookup_connection_value(conn,
		    MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

		ctx->started = true;
		if (strcmp(method, "PUT") == 0 && blob_upload(srv, ctx, url)) {
			if (cl == NULL || strtoull(cl, NULL, 10) <=
			    SB_MAX_BLOB_BODY)
				return MHD_YES;
			ctx->too_large = true;	/* refused before it is read */
			return serve(srv, conn, ctx, url, method);
		}
		if (cl != NULL && strtoull(cl, NULL, 10) > SB_MAX_BODY) {
			ctx->too_large = true;
			return serve(srv, conn, ctx, url, method);
		}
		return MHD_YES;
	}
	if (*upload_data_size != 0 && ctx->body_file != NULL) {
		if (!ctx->too_large && (ctx->body_file_len +=
		    *upload_data_size) <= SB_MAX_BLOB_BODY &&
		    write_all(ctx->body_fd, upload_data, *upload_data_size))
			EVP_DigestUpdate(ctx->body_md5, upload_data,
			    *upload_data_size);
		else
			ctx->too_large = true;
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		if (!ctx->too_large && !buf_add(&ctx->body, upload_data,
		    *upload_data_size)) {
			ctx->too_large = true;
			buf_reset(&ctx->body);
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	return serve(srv, conn, ctx, url, method);
}

/* Listen on addr:port (TLS when cert and key are given). */
struct sb_server *
server_start(struct sandbox *sb, const char *addr, int port,
    const char *cert_pem, const char *key_pem, const char *state_file,
    struct err *err)
{
	struct sb_server *srv;
	struct sockaddr_in sin;
	const union MHD_DaemonInfo *info;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	bool tls = cert_pem != NULL && key_pem != NULL;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	if (strcmp(addr, "localhost") == 0)
		addr = "127.0.0.1";
	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1) {
		err_set(err, ERR_USAGE, _("not an IPv4 address: %s"), addr);
		return NULL;
	}
	if (tls && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
		err_set(err, ERR_TLS, _("this libmicrohttpd has no TLS; "
		    "use --no-tls"));
		return NULL;
	}
	srv = xcalloc(1, sizeof *srv);
	srv->sb = sb;
	pthread_mutex_init(&srv->lock, NULL);
	if (state_file != NULL)
		srv->state_file = xstrdup(state_file);
	if (tls)
		flags |= MHD_USE_TLS;
	srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, handle, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
	    MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)128,
	    tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, key_pem,
	    MHD_OPTION_HTTPS_MEM_CERT, cert_pem,
	    MHD_OPTION_END);
	if (srv->daemon == NULL) {
		err_set(err, ERR_NETWORK, _("cannot listen on %s:%d"), addr,
		    port);
		server_stop(srv);
		return NULL;
	}
	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	if (info != NULL)
		port = info->port;
	if (strcmp(addr, "0.0.0.0") == 0)
		addr = "127.0.0.1";
	snprintf(sb->endpoint, sizeof sb->endpoint, "%s://%s:%d",
	    tls ? "https" : "http", addr, port);
	return srv;
}

/* Stop listening, finish the connections and free the server. */
void
server_stop(struct sb_server *srv)
{
	if (srv == NULL)
		return;
	if (srv->daemon != NULL)
		MHD_stop_daemon(srv->daemon);
	pthread_mutex_destroy(&srv->lock);
	free(srv->state_file);
	free(srv);
}

void
server_lock(struct sb_server *srv)
{
	pthread_mutex_lock(&srv->lock);
}

void
server_unlock(struct sb_server *srv)
{
	pthread_mutex_unlock(&srv->lock);
}

/* Decode %XX (and '+' as space when form) in place. */
static void
url_decode(char *s, bool form)
{
	char *o = s;
	unsigned v;

	for (; *s != '\0'; s++) {
		if (*s == '%' && s[1] != '\0' && s[2] != '\0' &&
		    sscanf(s + 1, "%2x", &v) == 1 &&
		    strchr("0123456789abcdefABCDEF", s[1]) != NULL &&
		    strchr("0123456789abcdefABCDEF", s[2]) != NULL) {
			*o++ = (char)v;
			s += 2;
		} else if (*s == '+' && form)
			*o++ = ' ';
		else
			*o++ = *s;
	}
	*o = '\0';
}

/*
 * The value of name in an a=b&c=d string, decoded, or NULL (caller
 * frees).  Names compare case-insensitively when nocase.
 */
static char *
pairs_get(const char *s, const char *name, bool nocase, bool form)
{
	size_t nlen = strlen(name);

	while (s != NULL && *s != '\0') {
		const char *end = strchr(s, '&');
		const char *eq;
		size_t len = end != NULL ? (size_t)(end - s) : strlen(s);
		char *key;

		eq = memchr(s, '=', len);
		key = xstrndup(s, eq != NULL ? (size_t)(eq - s) : len);
		url_decode(key, form);
		if (strlen(key) == nlen && (nocase ? strcasecmp(key, name) :
		    strcmp(key, name)) == 0) {
			char *v = eq != NULL ? xstrndup(eq + 1,
			    len - (size_t)(eq + 1 - s)) : xstrdup("");

			free(key);
			url_decode(v, form);
			return v;
		}
		free(key);
		s = end != NULL ? end + 1 : NULL;
	}
	return NULL;
}

/* A request header (case-insensitive name), or NULL. */
const char *
sb_req_header(const struct sb_request *req, const char *name)
{
	if (req->conn == NULL)
		return NULL;
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

/*
 * A query parameter, decoded; NULL if absent.  The value lives until the
 * next call on this thread.
 */
const char *
sb_req_query(const struct sb_request *req, const char *name)
{
	free(query_last);
	query_last = pairs_get(req->query, name, true, true);
	return query_last;
}

/* A form field of an x-www-form-urlencoded body, decoded, or NULL. */
char *
sb_form_get(const char *body, const char *name)
{
	return pairs_get(body, name, false, true);
}

/* Every request header to fn. */
struct hdr_walk {
	void	(*fn)(void *, const char *, const char *);
	void	*arg;
};

static enum MHD_Result
hdr_walk(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct hdr_walk *w = cls;

	(void)kind;
	w->fn(w->arg, key, value != NULL ? value : "");
	return MHD_YES;
}

void
sb_req_headers(const struct sb_request *req,
    void (*fn)(void *, const char *, const char *), void *arg)
{
	struct hdr_walk w = { fn, arg };

	if (req->conn != NULL)
		MHD_get_connection_values(req->conn, MHD_HEADER_KIND, hdr_walk,
		    &w);
}

/* An empty 200 response with a capped body. */
void
sb_resp_init(struct sb_response *resp)
{
	memset(resp, 0, sizeof *resp);
	resp->file_fd = -1;
	resp->status = 200;
	buf_init(&resp->body, 2 * SB_MAX_BODY);
}

/* Free a response's headers and body. */
void
sb_resp_done(struct sb_response *resp)
{
	int i;

	for (i = 0; i < resp->nheaders; i++)
		free(resp->headers[i].value);
	resp->nheaders = 0;
	buf_done(&resp->body);
	if (resp->file_fd >= 0)
		close(resp->file_fd);
	resp->file_fd = -1;
	if (resp->reader != NULL && resp->reader_free != NULL)
		resp->reader_free(resp->reader_arg);
	resp->reader = NULL;
}

/* Set a header (replacing one of the same name); name is borrowed. */
void
sb_resp_header(struct sb_response *resp, const char *name, const char *fmt,
    ...)
{
	va_list ap;
	char *v;
	int i;

	va_start(ap, fmt);
	if (vasprintf(&v, fmt, ap) < 0)
		v = NULL;
	va_end(ap);
	if (v == NULL)
		return;
	for (i = 0; i < resp->nheaders; i++)
		if (strcasecmp(resp->headers[i].name, name) == 0) {
			free(resp->headers[i].value);
			resp->headers[i].value = v;
			return;
		}
	if (resp->nheaders >= SB_MAX_HEADERS) {
		free(v);
		return;
	}
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders++].value = v;
}

/* Set status and the JSON body o (taken). */
void
sb_resp_json(struct sb_response *resp, int status, struct json_object *o)
{
	buf_reset(&resp->body);
	buf_adds(&resp->body, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	resp->status = status;
}

/* Set status and an ARM error body {"error":{"code","message"}}. */
void
sb_resp_arm_error(struct sb_response *resp, int status, const char *code,
    const char *fmt, ...)
{
	struct json_object *o, *e;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	o = json_object_new_object();
	e = json_object_new_object();
	json_object_object_add(e, "code", json_object_new_string(code));
	json_object_object_add(e, "message",
	    json_object_new_string(msg != NULL ? msg : code));
	json_object_object_add(o, "error", e);
	buf_reset(&resp->body);
	buf_adds(&resp->body, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	free(msg);
	resp->status = status;
}

void
sb_resp_method_not_allowed(struct sb_response *resp,
    const struct sb_request *req)
{
	sb_resp_arm_error(resp, 405, "MethodNotAllowed", "The requested "
	    "resource does not support http method '%.16s'.", req->method);
}

void
sb_resp_no_resource_type(struct sb_response *resp,
    const struct sb_request *req)
{
	sb_resp_arm_error(resp, 404, "InvalidResourceType", "The resource "
	    "type could not be found for path '%.200s'.", req->path);
}
