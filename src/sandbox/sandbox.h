/*
 * akswiz-sandbox internals: the request and response every handler sees,
 * independent of libmicrohttpd, and the parts of the server that handlers
 * call.  server.c turns MHD's callbacks into struct sb_request and sends
 * struct sb_response back; aad.c serves Azure AD; arm*.c serve Resource
 * Manager; faults.c and journal.c wrap every request.
 */
#ifndef AKSWIZ_SANDBOX_SANDBOX_H
#define AKSWIZ_SANDBOX_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/buf.h"

#define SB_MAX_BODY	(4 * 1024 * 1024)	/* larger bodies get 413 */
#define SB_MAX_HEADERS	24
/* A blob store upload (streamed to a file): Put Blob's own limit. */
#define SB_MAX_BLOB_BODY	(5000ULL * 1024 * 1024)

struct sb_world;		/* world.c: tenants, subscriptions, ... */
struct sb_faults;		/* faults.c */
struct sb_journal;		/* journal.c */
struct sb_aad;			/* aad.c: keys, clients, codes, tokens */
struct json_object;

struct sb_header {
	const char	*name;		/* borrowed */
	char		*value;		/* owned */
};

struct sb_request {
	const char	*method;	/* borrowed from MHD for the call */
	const char	*path;		/* decoded path, no query */
	const char	*query;		/* raw query string, "" if none */
	const char	*uri;		/* raw path and query, as sent */
	const char	*body;		/* NUL-terminated; "" if none */
	size_t		 body_len;
	uint64_t	 seq;		/* request number since start */
	void		*conn;		/* MHD connection (server.c only) */
	/* A blob store body, streamed to this file (body is "" then); the
	 * handler may rename it away.  NULL for any other request. */
	const char	*body_file;
	/* Its length and MD5 (base64), computed while it streamed in. */
	uint64_t	 body_file_len;
	const char	*body_md5;
};

struct sb_response {
	int		 status;
	struct sb_header headers[SB_MAX_HEADERS];
	int		 nheaders;
	struct buf	 body;		/* JSON, capped at SB_MAX_BODY */
	const char	*content_type;	/* default application/json */
	/* A body sent from a file instead (blob.c): fd >= 0, taken. */
	int		 file_fd;
	uint64_t	 file_off, file_len;
	/* Or a body of reader_len bytes that reader() reads at pos into out
	 * (at most max; -1 at the end, -2 on an error); reader_free() frees
	 * reader_arg, which the response owns (blob.c: a blob's blocks). */
	ssize_t		(*reader)(void *arg, uint64_t pos, char *out,
			    size_t max);
	void		(*reader_free)(void *arg);
	void		*reader_arg;
	uint64_t	 reader_len;
};

/* The whole server's state, one per process. */
struct sandbox {
	char			 endpoint[256];	/* "https://127.0.0.1:PORT" */
	char			 state_dir[512];
	double			 speed;		/* time compression factor */
	int			 token_lifetime;	/* seconds */
	int			 device_auto_approve;	/* polls before approval */
	struct sb_world		*world;
	struct sb_faults	*faults;
	struct sb_journal	*journal;
	struct sb_aad		*aad;
};

/* Request accessors (server.c). */
const char	*sb_req_header(const struct sb_request *, const char *name);
/*
 * A query parameter, decoded; NULL if absent (case-insensitive name).
 * Valid until the next call on this thread (or the request's end).
 */
const char	*sb_req_query(const struct sb_request *, const char *name);
/* A form field of an x-www-form-urlencoded body, decoded, or NULL. */
char		*sb_form_get(const char *body, const char *name);
/* Every request header, in the order sent, to fn. */
void		 sb_req_headers(const struct sb_request *,
		    void (*fn)(void *arg, const char *name, const char *value),
		    void *arg);

/* Response helpers (server.c). */
void		 sb_resp_init(struct sb_response *);
void		 sb_resp_done(struct sb_response *);
void		 sb_resp_header(struct sb_response *, const char *name,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Set status and the JSON body o (taken). */
void		 sb_resp_json(struct sb_response *, int status,
		    struct json_object *o);
/* Set status and an ARM error body {"error":{"code","message"}}. */
void		 sb_resp_arm_error(struct sb_response *, int status,
		    const char *code, const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));
/* Resource Manager's 405 for req's method, and its 404 for a path no
 * resource type has. */
void		 sb_resp_method_not_allowed(struct sb_response *,
		    const struct sb_request *);
void		 sb_resp_no_resource_type(struct sb_response *,
		    const struct sb_request *);

/* Azure AD (aad.c). */
bool		 aad_route(struct sandbox *, const struct sb_request *,
		    struct sb_response *);	/* false: not an AAD path */
/*
 * Check "Authorization: Bearer ..." for an ARM call: signature, expiry,
 * audience.  On failure fills resp with 401, the ARM error body and
 * WWW-Authenticate, and returns false.
 */
bool		 aad_check_bearer(struct sandbox *, const struct sb_request *,
		    struct sb_response *);

struct json_object;
struct err;

/* Azure AD state: signing key, clients, device codes, refresh tokens. */
struct sb_aad	*aad_new(struct sandbox *, struct json_object *world_aad,
		    struct err *);
void		 aad_free(struct sb_aad *);

/*
 * Faults (faults.c), from --faults SPEC (see akswiz-sandbox(1)): decided
 * per request with a seeded random source, deterministic for a seed.
 */
enum fault_action {
	FAULT_NONE,		/* serve normally */
	FAULT_RESPOND,		/* resp already filled (429, 500, 503) */
	FAULT_RESET_BEFORE,	/* close the connection without answering */
	FAULT_RESET_AFTER,	/* serve, then close mid-way */
	FAULT_TRUNCATE		/* send only part of the body */
};
struct sb_faults *faults_new(const char *spec, struct err *);
void		 faults_free(struct sb_faults *);
enum fault_action faults_before(struct sb_faults *, const struct sb_request *,
		    struct sb_response *, unsigned *latency_ms);
/* Whether the operation on a compute is to end Failed, and with what. */
bool		 faults_operation_fails(struct sb_faults *,
		    const char *compute_name, char *code, size_t codelen,
		    char *message, size_t msglen);
/* A scoring request's model time and requests in flight (-1: none). */
void		 faults_score_load(struct sb_faults *, const char *target,
		    long *slow_ms, long *busy);

/* The request journal (journal.c): one redacted JSON line per request. */
struct sb_journal *journal_open(const char *path, struct err *);
void		 journal_record(struct sb_journal *, const struct sb_request *,
		    const struct sb_response *);
void		 journal_close(struct sb_journal *);

/*
 * TLS material (tlsgen.c): a private CA and a server certificate for
 * 127.0.0.1 and localhost in dir, created unless present.  Paths are
 * written to the given buffers (PATH_MAX).
 */
bool		 tlsgen_ensure(const char *dir, char *ca_file, char *cert_file,
		    char *key_file, struct err *);

/*
 * The clusters' Kubernetes API servers (kube.c): /kube/{sub}/{group}/
 * {cluster}/...; false when the path is not there.  A compute's stored
 * resource keeps the TLS secret of its attach under KUBE_SECRET_MEMBER
 * (never rendered).
 */
#define KUBE_SECRET_MEMBER	"sandboxKubeSecret"
struct json_object;
bool		 kube_route(struct sandbox *, const struct sb_request *,
		    struct sb_response *);
void		 kube_token(const char *sub, const char *group,
		    const char *name, char *out, size_t len);
void		 kube_status(struct sb_response *, int code,
		    const char *reason, const char *msg);
void		 kube_send(struct sb_response *, int status,
		    struct json_object *);
/*
 * kube-objects.c: namespaces and the Azure ML extension's instance types
 * of a cluster (path p after /kube/{sub}/{group}/{cluster}/); false when
 * p is none of theirs.
 */
struct sb_cluster;
bool		 kube_objects(struct sandbox *, struct sb_cluster *,
		    const char *p, const struct sb_request *,
		    struct sb_response *);
/* kube-objects.c: whether the cluster (ARM id) still runs a legacy AKS
 * compute's azureml-fe, and whether it is annotated for the upgrade. */
bool		 kube_legacy_fe(struct sandbox *, const char *cid,
		    bool *annotated);
/* arm-k8s.c: whether the cluster (ARM id) has a Succeeded Azure ML
 * extension, as last seen. */
bool		 k8s_extension_installed(struct sb_world *, const char *cid);
void		 kube_keep_secret(struct json_object *res, const char *cert,
		    const char *key);

/* Resource Manager (arm*.c). */
void		 arm_route(struct sandbox *, const struct sb_request *,
		    struct sb_response *);
/* POST /api/v1/endpoint/{e}/score (arm-endpoints.c); false: another path. */
bool		 score_route(struct sandbox *, const struct sb_request *,
		    struct sb_response *);
/* The workspace's discovery document, the registry discovery and the
 * azureml registry's environments (arm-registry.c); false: another path. */
bool		 registry_route(struct sandbox *, const struct sb_request *,
		    struct sb_response *);
/* The ML API's base URL: the sandbox's, named localhost (not 127.0.0.1),
 * another origin than Resource Manager's (arm-registry.c). */
void		 registry_api_base(const struct sandbox *, char *, size_t);
/* GET /metadata/endpoints (metadata.c); false: another path. */
bool		 metadata_route(struct sandbox *, const struct sb_request *,
		    struct sb_response *);

#endif
