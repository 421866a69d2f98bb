/*
 * The sandbox's blob store: Azure Storage's Blob service for the world's
 * storage accounts, on the sandbox's own HTTPS host with IP-style URLs
 * (Azurite's convention): https://HOST:PORT/ACCOUNT/CONTAINER/BLOB.  A
 * path is the blob store's when its first segment is an account of the
 * world (a workspace's, blob_account_name(), or one of the world file's
 * "storageAccounts"), so Azure AD's /{tenant}/ routes are untouched.
 *
 * Served (kubernetes-path.md E.3, F.6; learn.microsoft.com/rest/api/
 * storageservices): Put Blob (x-ms-blob-type BlockBlob required; 411
 * without Content-Length), Put Block (block IDs base64, at most 64 bytes,
 * of one length per blob), Put Block List (XML, Latest / Committed /
 * Uncommitted), Get Block List (committed, uncommitted, all), Get Blob
 * (Range or x-ms-range: 206; 416 past the end), Get Blob Properties
 * (HEAD), Set Blob Metadata, List Blobs (prefix, include=metadata),
 * Create Container.  Answers carry ETag, Last-Modified, x-ms-request-id,
 * x-ms-version; errors are the storage error XML, <Error><Code><Message>.
 *
 * Authorized by a service SAS (sv, sr, sp, se, sig: HMAC-SHA256 with the
 * account key over the string-to-sign of sv's version: 2015-04-05 on,
 * with sr and snapshot time from 2018-11-09, encryption scope from
 * 2020-12-06) or by Shared Key ("Authorization: SharedKey ACCOUNT:SIG",
 * the documented canonicalized headers and resource; for an IP-style URL
 * the account appears twice in the resource).  Anything else: 403
 * AuthenticationFailed (a wrong signature, an expired or not yet valid
 * SAS, a permission the SAS lacks: AuthorizationPermissionMismatch).
 *
 * Bytes live on disk under the state directory, blobs/ACCOUNT/CONTAINER/
 * (a request body is streamed there by server.c, its MD5 computed as it
 * comes, never held in memory nor read again); the world file keeps
 * "storageAccounts" [{"name", "key", "defaultContainer"}],
 * "blobContainers" [{"account", "name"}] and "blobs" [{"account",
 * "container", "name", "file", "length", "md5", "etag", "createdMs",
 * "modifiedMs", "contentType", "metadata", "committed", "uncommitted"}].
 * A Put Blob's bytes are "file"; a blob of Put Block List is its list of
 * blocks, "committed" [{"id", "size", "file", "offset"}], each block's
 * bytes where Put Block left them (nothing is copied at commit), read in
 * turn by Get Blob; a blob exists once it has a "length".
 */
#include "config.h"

#include "sandbox/blob.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/storage-sign.h"
#include "sandbox/arm.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"

#define SAS_VERSION	"2023-11-03"
#define MAX_BLOCK_ID	64

static const char *
str(struct json_object *o, const char *key)
{
	return arm_jstr(o, key);
}

/* The array member key of o, or NULL. */
static struct json_object *
arr(struct json_object *o, const char *key)
{
	struct json_object	*v;

	return o != NULL && json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_array) ? v : NULL;
}

static size_t
alen(struct json_object *a)
{
	return a != NULL ? json_object_array_length(a) : 0;
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

void
blob_account_name(const char *workspace, char *buf, size_t len)
{
	size_t	n = 0;

	for (; *workspace != '\0' && n < 17 && n + 1 < len; workspace++)
		if (isalnum((unsigned char)*workspace))
			buf[n++] = (char)tolower((unsigned char)*workspace);
	buf[n] = '\0';
	snprintf(buf + n, len - n, "storage");
}

static void
b64(const unsigned char *in, size_t n, char *out, size_t len)
{
	if (n > 180 || len < 4 * ((n + 2) / 3) + 1) {
		*out = '\0';
		return;
	}
	EVP_EncodeBlock((unsigned char *)out, in, (int)n);
}

/* Standard base64 decoded into out (max len); -1 when not base64. */
static long
unb64(const char *s, unsigned char *out, size_t len)
{
	size_t	n = strlen(s), pad = 0;
	int	r;

	if (n == 0 || n % 4 != 0 || n / 4 * 3 > len ||
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/=") != n)
		return -1;
	if (s[n - 1] == '=')
		pad++;
	if (n > 1 && s[n - 2] == '=')
		pad++;
	if ((r = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n)) < 0)
		return -1;
	return r - (long)pad;
}

struct json_object *
blob_account(struct sandbox *sb, const char *name)
{
	struct json_object	*a = arm_world_array(sb->world,
				    "storageAccounts"), *e;
	unsigned char		 key[64];
	char			 buf[128], cont[SB_TEXT];
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (!same(str(e, "name"), name))
			continue;
		/* The world file's accounts come with their container. */
		if (str(e, "defaultContainer") != NULL)
			blob_container_make(sb, name, str(e,
			    "defaultContainer"));
		return e;
	}
	for (i = 0; i < sb->world->nwss; i++) {
		blob_account_name(sb->world->wss[i].name, buf, sizeof buf);
		if (same(buf, name))
			break;
	}
	if (i == sb->world->nwss)
		return NULL;
	snprintf(cont, sizeof cont, "azureml-blobstore-%s",
	    sb->world->wss[i].workspace_id);
	if (RAND_bytes(key, sizeof key) != 1)
		abort();
	b64(key, sizeof key, buf, sizeof buf);
	e = json_object_new_object();
	json_object_object_add(e, "name", json_object_new_string(name));
	json_object_object_add(e, "key", json_object_new_string(buf));
	json_object_object_add(e, "defaultContainer",
	    json_object_new_string(cont));
	json_object_array_add(a, e);
	sb->world->dirty = true;
	blob_container_make(sb, name, cont);
	return e;
}

static struct json_object *
find_container(struct sandbox *sb, const char *account, const char *name)
{
	struct json_object	*a = arm_world_array(sb->world,
				    "blobContainers"), *e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (same(str(e, "account"), account) &&
		    same(str(e, "name"), name))
			return e;
	}
	return NULL;
}

void
blob_container_make(struct sandbox *sb, const char *account,
    const char *container)
{
	struct json_object	*e;

	if (find_container(sb, account, container) != NULL)
		return;
	e = json_object_new_object();
	json_object_object_add(e, "account", json_object_new_string(account));
	json_object_object_add(e, "name", json_object_new_string(container));
	json_object_object_add(e, "createdMs",
	    json_object_new_int64((int64_t)clock_now_ms()));
	json_object_array_add(arm_world_array(sb->world, "blobContainers"),
	    e);
	sb->world->dirty = true;
}

/* HMAC-SHA256 of text with the account's base64 key, base64. */
static bool
sign(const char *key64, const char *text, char *out, size_t len)
{
	unsigned char	key[128], mac[EVP_MAX_MD_SIZE];
	unsigned int	maclen = 0;
	long		klen = unb64(key64, key, sizeof key);

	if (klen <= 0 || HMAC(EVP_sha256(), key, (int)klen,
	    (const unsigned char *)text, strlen(text), mac, &maclen) == NULL)
		return false;
	b64(mac, maclen, out, len);
	return true;
}

/* "2026-12-04T10:00:00Z" for seconds since the epoch. */
static void
iso_time(uint64_t s, char *buf, size_t len)
{
	time_t		t = (time_t)s;
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ISO 8601 (date, or date and time with Z) to seconds; -1 if not. */
static int64_t
parse_iso(const char *s)
{
	struct tm	tm;
	const char	*e;

	memset(&tm, 0, sizeof tm);
	if (s == NULL)
		return -1;
	if ((e = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm)) == NULL &&
	    (e = strptime(s, "%Y-%m-%dT%H:%M", &tm)) == NULL &&
	    (e = strptime(s, "%Y-%m-%d", &tm)) == NULL)
		return -1;
	if (*e == '.')
		while (isdigit((unsigned char)*++e))
			;
	if (*e != '\0' && strcmp(e, "Z") != 0)
		return -1;
	return (int64_t)timegm(&tm);
}

/* The string-to-sign of a service SAS for the blob service. */
static void
sas_string(const char *sv, const char *sp, const char *st, const char *se,
    const char *resource, const char *si, const char *sip, const char *spr,
    const char *sr, const char *snapshot, const char *ses,
    const char *const rsc[5], struct buf *out)
{
	int	i;

	buf_addf(out, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", sp, st, se,
	    resource, si, sip, spr, sv);
	if (strcmp(sv, "2018-11-09") >= 0)
		buf_addf(out, "%s\n%s\n", sr, snapshot);
	if (strcmp(sv, "2020-12-06") >= 0)
		buf_addf(out, "%s\n", ses);
	for (i = 0; i < 5; i++)
		buf_addf(out, "%s%s", rsc[i], i < 4 ? "\n" : "");
}

void
blob_container_sas(struct sandbox *sb, const char *account,
    const char *container, const char *perms, uint64_t expiry_s,
    char *out, size_t len)
{
	static const char *const none[5] = { "", "", "", "", "" };
	struct json_object	*acct = blob_account(sb, account);
	struct buf		 b;
	char			 se[32], res[SB_TEXT], sig[128], *q;

	iso_time(expiry_s, se, sizeof se);
	snprintf(res, sizeof res, "/blob/%s/%s", account, container);
	buf_init(&b, 4096);
	sas_string(SAS_VERSION, perms, "", se, res, "", "", "https", "c", "",
	    "", none, &b);
	if (!sign(str(acct, "key"), buf_str(&b), sig, sizeof sig))
		sig[0] = '\0';
	buf_done(&b);
	/* sig's "+", "/" and "=" percent-encoded. */
	snprintf(out, len, "sv=%s&sr=c&sp=%s&se=%s&spr=https&sig=", SAS_VERSION,
	    perms, se);
	q = out + strlen(out);
	for (size_t i = 0; sig[i] != '\0' && (size_t)(q - out) + 4 < len; i++)
		q += isalnum((unsigned char)sig[i]) ? sprintf(q, "%c",
		    sig[i]) : sprintf(q, "%%%02X", (unsigned char)sig[i]);
	*q = '\0';
	/* Colons of se are fine in a query. */
}

bool
blob_path(struct sandbox *sb, const char *path)
{
	char	acct[64];
	size_t	n;

	if (path == NULL || *path != '/' || sb->world == NULL)
		return false;
	n = strcspn(path + 1, "/");
	if (n == 0 || n >= sizeof acct)
		return false;
	memcpy(acct, path + 1, n);
	acct[n] = '\0';
	return blob_account(sb, acct) != NULL;
}

/* One request against the store. */
struct bctx {
	struct sandbox			*sb;
	const struct sb_request		*req;
	struct sb_response		*resp;
	struct json_object		*acct;
	char				 account[64];
	char				 container[SB_NAME];
	const char			*blob;		/* "" for none */
	char				 sas_perms[32];	/* "" by SharedKey */
};

static void
xml_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_add(b, s, 1);
		}
}

static void
common_headers(struct bctx *b)
{
	char	id[SB_ID];
	const char *v = sb_req_header(b->req, "x-ms-version");

	snprintf(id, sizeof id, "%08llx-0000-4000-8000-%012llx",
	    (unsigned long long)b->req->seq, (unsigned long long)
	    clock_now_ms());
	sb_resp_header(b->resp, "x-ms-request-id", "%s", id);
	sb_resp_header(b->resp, "x-ms-version", "%s", v != NULL ? v :
	    SAS_VERSION);
	sb_resp_header(b->resp, "Server", "Windows-Azure-Blob/1.0");
}

/* The storage error XML; extra is more XML inside <Error> (or NULL). */
static void
blob_error(struct bctx *b, int status, const char *code, const char *msg,
    const char *extra)
{
	char	t[32];

	buf_reset(&b->resp->body);
	buf_adds(&b->resp->body, "\xef\xbb\xbf<?xml version=\"1.0\" "
	    "encoding=\"utf-8\"?><Error><Code>");
	xml_escape(&b->resp->body, code);
	buf_adds(&b->resp->body, "</Code><Message>");
	xml_escape(&b->resp->body, msg);
	iso_time(clock_now_ms() / 1000, t, sizeof t);
	buf_addf(&b->resp->body, "\nRequestId:%08llx\nTime:%s</Message>",
	    (unsigned long long)b->req->seq, t);
	if (extra != NULL)
		buf_adds(&b->resp->body, extra);
	buf_adds(&b->resp->body, "</Error>");
	b->resp->status = status;
	b->resp->content_type = "application/xml";
	sb_resp_header(b->resp, "x-ms-error-code", "%s", code);
}

static const char AUTH_FAILED[] = "Server failed to authenticate the "
	"request. Make sure the value of Authorization header is formed "
	"correctly including the signature.";

static void
auth_failed(struct bctx *b, const char *detail)
{
	struct buf	x;

	buf_init(&x, 8192);
	buf_adds(&x, "<AuthenticationErrorDetail>");
	xml_escape(&x, detail);
	buf_adds(&x, "</AuthenticationErrorDetail>");
	blob_error(b, 403, "AuthenticationFailed", AUTH_FAILED, buf_str(&x));
	buf_done(&x);
}

/* A query parameter or "" (decoded; copied into buf). */
static const char *
qp(struct bctx *b, const char *name, char *buf, size_t len)
{
	const char	*v = sb_req_query(b->req, name);

	snprintf(buf, len, "%s", v != NULL ? v : "");
	return buf;
}

static bool
check_sas(struct bctx *b)
{
	char		 sv[32], sp[32], st[64], se[64], sr[8], sig[256];
	char		 si[SB_NAME], sip[64], spr[32], snap[64], ses[SB_NAME];
	char		 rsc[5][SB_NAME], res[SB_TEXT * 2], want[128];
	char		 detail[SB_TEXT];
	const char	*rp[5];
	static const char *const rn[5] = { "rscc", "rscd", "rsce", "rscl",
	    "rsct" };
	int64_t		 now = (int64_t)(clock_now_ms() / 1000), t0, t1;
	struct buf	 s;
	int		 i;

	qp(b, "sv", sv, sizeof sv);
	qp(b, "sp", sp, sizeof sp);
	qp(b, "st", st, sizeof st);
	qp(b, "se", se, sizeof se);
	qp(b, "sr", sr, sizeof sr);
	qp(b, "sig", sig, sizeof sig);
	qp(b, "si", si, sizeof si);
	qp(b, "sip", sip, sizeof sip);
	qp(b, "spr", spr, sizeof spr);
	qp(b, "snapshot", snap, sizeof snap);
	qp(b, "ses", ses, sizeof ses);
	for (i = 0; i < 5; i++)
		rp[i] = qp(b, rn[i], rsc[i], sizeof rsc[i]);
	if (strcmp(sv, "2015-04-05") < 0 || (strcmp(sr, "c") != 0 &&
	    strcmp(sr, "b") != 0) || se[0] == '\0') {
		auth_failed(b, "sv, sr (c or b), se and sig are required, "
		    "sv 2015-04-05 or later.");	/* placeholder text */
		return false;
	}
	if (strcmp(sr, "c") == 0)
		snprintf(res, sizeof res, "/blob/%s/%s", b->account,
		    b->container);
	else
		snprintf(res, sizeof res, "/blob/%s/%s/%s", b->account,
		    b->container, b->blob);
	buf_init(&s, 16384);
	sas_string(sv, sp, st, se, res, si, sip, spr, sr,
	    strcmp(sr, "b") == 0 ? snap : "", ses, rp, &s);
	if (!sign(str(b->acct, "key"), buf_str(&s), want, sizeof want) ||
	    strcmp(want, sig) != 0) {
		snprintf(detail, sizeof detail, "Signature did not match. "
		    "String to sign used was %s", buf_str(&s));
		buf_done(&s);
		auth_failed(b, detail);
		return false;
	}
	buf_done(&s);
	t1 = parse_iso(se);
	t0 = st[0] != '\0' ? parse_iso(st) : 0;
	if (t1 < 0 || t0 < 0 || now >= t1 || now < t0 - 300) {
		snprintf(detail, sizeof detail, "Signature not valid in the "
		    "specified time frame: Start [%s] - Expiry [%s] - "
		    "Current [%lld]", st, se, (long long)now);
		auth_failed(b, detail);
		return false;
	}
	snprintf(b->sas_perms, sizeof b->sas_perms, "%s", sp);
	return true;
}

/* The request's headers as "name: value" lines, for the Shared Key
 * string (core/storage-sign.c keeps the x-ms- ones). */
struct hdrs {
	char	**x;
	size_t	 n;
};

static void
collect(void *arg, const char *name, const char *value)
{
	struct hdrs	*h = arg;

	h->x = xrealloc(h->x, (h->n + 2) * sizeof *h->x);
	if (asprintf(&h->x[h->n], "%s: %s", name, value) < 0)
		abort();
	h->x[++h->n] = NULL;
}

static bool
check_shared_key(struct bctx *b, const char *auth)
{
	struct storage_sign_in	 in;
	struct hdrs		 h = { NULL, 0 };
	char			*s, *path, want[128];
	const char		*colon, *raw;
	size_t			 i;
	bool			 ok;

	colon = strchr(auth + 10, ':');
	if (colon == NULL || (size_t)(colon - (auth + 10)) !=
	    strlen(b->account) || strncmp(auth + 10, b->account,
	    strlen(b->account)) != 0) {
		auth_failed(b, "The account of the Authorization header is "
		    "not the account of the request.");	/* placeholder */
		return false;
	}
	memset(&in, 0, sizeof in);
	in.method = b->req->method;
	for (i = 0; i < STORAGE_STD_HEADERS; i++)
		in.std[i] = sb_req_header(b->req, storage_std_headers[i]);
	sb_req_headers(b->req, collect, &h);
	in.headers = (const char *const *)h.x;
	in.account = b->account;
	/* The path as the request spelled it (percent-encoded). */
	raw = b->req->uri != NULL ? b->req->uri : b->req->path;
	path = xstrndup(raw, strcspn(raw, "?"));
	in.path = path;
	in.query = b->req->query;
	s = storage_string_to_sign(&in);
	free(path);
	for (i = 0; i < h.n; i++)
		free(h.x[i]);
	free(h.x);
	ok = sign(str(b->acct, "key"), s, want, sizeof want) &&
	    strcmp(want, colon + 1) == 0;
	if (!ok) {
		struct buf	d;

		buf_init(&d, 32768);
		buf_addf(&d, "The MAC signature found in the HTTP request "
		    "'%s' is not the same as any computed signature. Server "
		    "used following string to sign: '%s'.", "<signature>", s);
		auth_failed(b, buf_str(&d));
		buf_done(&d);
	}
	free(s);
	return ok;
}

/* Whether the request is authorized; false with the answer sent. */
static bool
authorized(struct bctx *b)
{
	const char	*auth = sb_req_header(b->req, "Authorization");

	if (auth != NULL && strncmp(auth, "SharedKey ", 10) == 0) {
		/* Both required of a Shared Key request (Authorize with
		 * Shared Key; Versioning for the Azure Storage services). */
		if (sb_req_header(b->req, "x-ms-date") == NULL &&
		    sb_req_header(b->req, "Date") == NULL) {
			auth_failed(b, "Request date header not specified.");
			return false;
		}
		if (sb_req_header(b->req, "x-ms-version") == NULL) {
			blob_error(b, 400, "MissingRequiredHeader", "An HTTP "
			    "header that's mandatory for this request is not "
			    "specified.", "<HeaderName>x-ms-version"
			    "</HeaderName>");
			return false;
		}
		return check_shared_key(b, auth);
	}
	if (sb_req_query(b->req, "sig") != NULL)
		return check_sas(b);
	blob_error(b, 401, "NoAuthenticationInformation", "Server failed to "
	    "authenticate the request. Please refer to the information in "
	    "the www-authenticate header.", NULL);
	return false;
}

/* Whether the SAS (if any) grants one of the letters. */
static bool
permitted(struct bctx *b, const char *letters)
{
	if (b->sas_perms[0] == '\0' || strpbrk(b->sas_perms, letters) != NULL)
		return true;
	blob_error(b, 403, "AuthorizationPermissionMismatch", "This request "
	    "is not authorized to perform this operation using this "
	    "permission.", NULL);
	return false;
}

static struct json_object *
find_blob(struct bctx *b, size_t *at)
{
	struct json_object	*a = arm_world_array(b->sb->world, "blobs"), *e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (same(str(e, "account"), b->account) &&
		    same(str(e, "container"), b->container) &&
		    same(str(e, "name"), b->blob)) {
			if (at != NULL)
				*at = i;
			return e;
		}
	}
	return NULL;
}

/* The folder of the container's bytes, made. */
static void
container_dir(struct bctx *b, char *buf, size_t len)
{
	snprintf(buf, len, "%s/blobs", b->sb->state_dir);
	mkdir(buf, 0700);
	snprintf(buf + strlen(buf), len - strlen(buf), "/%s", b->account);
	mkdir(buf, 0700);
	snprintf(buf + strlen(buf), len - strlen(buf), "/%s", b->container);
	mkdir(buf, 0700);
}

/* A file name for the blob's bytes (or a block's): hex of a digest. */
static void
data_file(struct bctx *b, const char *what, char *buf, size_t len)
{
	unsigned char	md[EVP_MAX_MD_SIZE];
	unsigned int	n = 0, i;
	char		dir[1024];
	char		hex[2 * EVP_MAX_MD_SIZE + 1];
	EVP_MD_CTX	*ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	EVP_DigestUpdate(ctx, b->blob, strlen(b->blob));
	EVP_DigestUpdate(ctx, "\n", 1);
	EVP_DigestUpdate(ctx, what, strlen(what));
	EVP_DigestFinal_ex(ctx, md, &n);
	EVP_MD_CTX_free(ctx);
	for (i = 0; i < n && i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	container_dir(b, dir, sizeof dir);
	snprintf(buf, len, "%s/%s", dir, hex);
}

/* The body's MD5 (base64) and length: server.c's, computed while it
 * streamed in; else (a body in memory) computed here. */
static void
body_md5(struct bctx *b, char *md5, size_t len, uint64_t *size)
{
	unsigned char	md[EVP_MAX_MD_SIZE];
	unsigned int	n = 0;

	if (b->req->body_md5 != NULL) {
		snprintf(md5, len, "%s", b->req->body_md5);
		*size = b->req->body_file_len;
		return;
	}
	EVP_Digest(b->req->body, b->req->body_len, md, &n, EVP_md5(), NULL);
	b64(md, n, md5, len);
	*size = b->req->body_len;
}

/* Whether the blob of entry e exists (is committed): it has a length. */
static bool
exists(struct json_object *e)
{
	struct json_object	*v;

	return e != NULL && json_object_object_get_ex(e, "length", &v);
}

/* Whether path is the bytes of a block of list. */
static bool
in_list(struct json_object *list, const char *path)
{
	size_t	i;

	for (i = 0; i < alen(list); i++)
		if (same(str(json_object_array_get_idx(list, i), "file"),
		    path))
			return true;
	return false;
}

/* Remove the files of the blob's bytes and blocks, but those of keep (a
 * new block list) and the file keep_file. */
static void
drop_files(struct json_object *e, struct json_object *keep,
    const char *keep_file)
{
	static const char *const lists[] = { "committed", "uncommitted" };
	struct json_object	*l;
	const char		*f;
	size_t			 i, k;

	if ((f = str(e, "file")) != NULL && !in_list(keep, f) &&
	    !same(f, keep_file))
		unlink(f);
	for (k = 0; k < 2; k++)
		for (l = arr(e, lists[k]), i = 0; i < alen(l); i++)
			if ((f = str(json_object_array_get_idx(l, i), "file"))
			    != NULL && !in_list(keep, f) &&
			    !same(f, keep_file))
				unlink(f);
}

/* The request body's file, moved to path (an empty file without one). */
static bool
take_body(struct bctx *b, const char *path)
{
	int	fd;

	if (b->req->body_file != NULL)
		return rename(b->req->body_file, path) == 0;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0)
		return false;
	if (b->req->body_len > 0 && write(fd, b->req->body, b->req->body_len)
	    != (ssize_t)b->req->body_len) {
		close(fd);
		return false;
	}
	return close(fd) == 0;
}

static void
rfc1123(uint64_t ms, char *buf, size_t len)
{
	time_t		t = (time_t)(ms / 1000);
	struct tm	tm;
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	gmtime_r(&t, &tm);
	snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* A new ETag and the modification time on the blob entry. */
static void
touch(struct bctx *b, struct json_object *e)
{
	uint64_t	now = clock_now_ms();
	char		etag[64];

	snprintf(etag, sizeof etag, "\"0x8DD%012llX\"",
	    (unsigned long long)(now * 16 + (b->req->seq & 15)));
	json_object_object_add(e, "etag", json_object_new_string(etag));
	json_object_object_add(e, "modifiedMs",
	    json_object_new_int64((int64_t)now));
	if (arm_jint(e, "createdMs", -1) < 0)
		json_object_object_add(e, "createdMs",
		    json_object_new_int64((int64_t)now));
	b->sb->world->dirty = true;
}

static void
etag_headers(struct bctx *b, struct json_object *e)
{
	char	t[64];

	sb_resp_header(b->resp, "ETag", "%s", str(e, "etag"));
	rfc1123((uint64_t)arm_jint(e, "modifiedMs", 0), t, sizeof t);
	sb_resp_header(b->resp, "Last-Modified", "%s", t);
}

/* The x-ms-meta-* headers as an object. */
static void
meta_collect(void *arg, const char *name, const char *value)
{
	if (strncasecmp(name, "x-ms-meta-", 10) == 0)
		json_object_object_add(arg, name + 10,
		    json_object_new_string(value));
}

static struct json_object *
blob_entry(struct bctx *b)
{
	struct json_object	*e = find_blob(b, NULL);

	if (e != NULL)
		return e;
	e = json_object_new_object();
	json_object_object_add(e, "account",
	    json_object_new_string(b->account));
	json_object_object_add(e, "container",
	    json_object_new_string(b->container));
	json_object_object_add(e, "name", json_object_new_string(b->blob));
	json_object_object_add(e, "committed", json_object_new_array());
	json_object_object_add(e, "uncommitted", json_object_new_array());
	json_object_object_add(e, "metadata", json_object_new_object());
	json_object_array_add(arm_world_array(b->sb->world, "blobs"), e);
	return e;
}

static bool
has_length(struct bctx *b)
{
	if (sb_req_header(b->req, "Content-Length") != NULL)
		return true;
	blob_error(b, 411, "MissingContentLengthHeader", "Content-Length "
	    "HTTP header is missing.", NULL);
	return false;
}

static bool
md5_matches(struct bctx *b, const char *md5)
{
	const char	*want = sb_req_header(b->req, "Content-MD5");

	if (want == NULL || strcmp(want, md5) == 0)
		return true;
	blob_error(b, 400, "Md5Mismatch", "The MD5 value specified in the "
	    "request did not match with the MD5 value calculated by the "
	    "server.", NULL);
	return false;
}

static const char *
content_type(struct bctx *b, bool list)
{
	const char	*t = sb_req_header(b->req, "x-ms-blob-content-type");

	if (t == NULL && !list)
		t = sb_req_header(b->req, "Content-Type");
	return t != NULL ? t : "application/octet-stream";
}

static void
put_blob(struct bctx *b)
{
	const char		*type = sb_req_header(b->req, "x-ms-blob-type");
	struct json_object	*e, *meta;
	char			 path[1200], tmp[1300], md5[64];
	uint64_t		 size;

	if (!has_length(b) || !permitted(b, "cw"))
		return;
	if (type == NULL) {
		blob_error(b, 400, "MissingRequiredHeader", "An HTTP header "
		    "that's mandatory for this request is not specified.",
		    "<HeaderName>x-ms-blob-type</HeaderName>");
		return;
	}
	if (strcmp(type, "BlockBlob") != 0) {
		blob_error(b, 400, "InvalidHeaderValue", "The value for one "
		    "of the HTTP headers is not in the correct format.",
		    "<HeaderName>x-ms-blob-type</HeaderName>");
		return;	/* the sandbox keeps block blobs only */
	}
	data_file(b, "", path, sizeof path);
	snprintf(tmp, sizeof tmp, "%s.put", path);
	body_md5(b, md5, sizeof md5, &size);
	if (!take_body(b, tmp)) {
		unlink(tmp);
		blob_error(b, 500, "InternalError", "The server encountered "
		    "an internal error. Please retry the request.", NULL);
		return;
	}
	if (!md5_matches(b, md5)) {
		unlink(tmp);
		return;
	}
	rename(tmp, path);
	e = blob_entry(b);
	drop_files(e, NULL, path);	/* the blocks before, if any */
	json_object_object_add(e, "file", json_object_new_string(path));
	json_object_object_add(e, "length", json_object_new_int64(
	    (int64_t)size));
	json_object_object_add(e, "md5", json_object_new_string(md5));
	json_object_object_add(e, "contentType",
	    json_object_new_string(content_type(b, false)));
	json_object_object_add(e, "committed", json_object_new_array());
	json_object_object_add(e, "uncommitted", json_object_new_array());
	meta = json_object_new_object();
	sb_req_headers(b->req, meta_collect, meta);
	json_object_object_add(e, "metadata", meta);
	touch(b, e);
	etag_headers(b, e);
	sb_resp_header(b->resp, "Content-MD5", "%s", md5);
	sb_resp_header(b->resp, "x-ms-request-server-encrypted", "true");
	b->resp->status = 201;
}

/* The block id's length in bytes, or -1 when it is not a valid one. */
static long
block_id_len(const char *id)
{
	unsigned char	raw[MAX_BLOCK_ID + 3];

	return unb64(id, raw, sizeof raw) > MAX_BLOCK_ID ? -1 :
	    unb64(id, raw, sizeof raw);
}

static void
put_block(struct bctx *b)
{
	struct json_object	*e, *un, *blk, *x;
	char			 id[256], path[1200], md5[64], what[300];
	unsigned char		 rnd[8];
	uint64_t		 size;
	size_t			 i;
	long			 n;

	if (!has_length(b) || !permitted(b, "cw"))
		return;
	qp(b, "blockid", id, sizeof id);
	n = block_id_len(id);
	e = find_blob(b, NULL);
	if (n > 0 && e != NULL) {
		/* One length for every block of a blob. */
		x = alen(arr(e, "uncommitted")) > 0 ?
		    json_object_array_get_idx(arr(e, "uncommitted"), 0) :
		    alen(arr(e, "committed")) > 0 ?
		    json_object_array_get_idx(arr(e, "committed"), 0) : NULL;
		if (x != NULL && strlen(str(x, "id")) != strlen(id))
			n = -1;
	}
	if (n <= 0) {
		blob_error(b, 400, "InvalidBlobOrBlock", "The specified blob "
		    "or block content is invalid.", NULL);
		return;
	}
	/* A name of its own: a block of an id that is committed (or listed
	 * again) does not overwrite the bytes of the one before. */
	if (RAND_bytes(rnd, sizeof rnd) != 1)
		abort();
	snprintf(what, sizeof what, "%s\n%02x%02x%02x%02x%02x%02x%02x%02x",
	    id, rnd[0], rnd[1], rnd[2], rnd[3], rnd[4], rnd[5], rnd[6],
	    rnd[7]);
	data_file(b, what, path, sizeof path);
	body_md5(b, md5, sizeof md5, &size);
	if (!take_body(b, path)) {
		blob_error(b, 500, "InternalError", "The server encountered "
		    "an internal error. Please retry the request.", NULL);
		return;
	}
	if (!md5_matches(b, md5)) {
		unlink(path);
		return;
	}
	e = blob_entry(b);
	un = arr(e, "uncommitted");
	for (i = 0; i < alen(un); i++)
		if (same(str(json_object_array_get_idx(un, i), "id"), id)) {
			if (!in_list(arr(e, "committed"), str(
			    json_object_array_get_idx(un, i), "file")))
				unlink(str(json_object_array_get_idx(un, i),
				    "file"));
			json_object_array_del_idx(un, i, 1);
			break;
		}
	blk = json_object_new_object();
	json_object_object_add(blk, "id", json_object_new_string(id));
	json_object_object_add(blk, "size", json_object_new_int64(
	    (int64_t)size));
	json_object_object_add(blk, "file", json_object_new_string(path));
	json_object_array_add(un, blk);
	b->sb->world->dirty = true;
	sb_resp_header(b->resp, "Content-MD5", "%s", md5);
	sb_resp_header(b->resp, "x-ms-request-server-encrypted", "true");
	b->resp->status = 201;
}

/* The block of id in list, or NULL. */
static struct json_object *
block_in(struct json_object *list, const char *id)
{
	size_t	i;

	for (i = 0; i < alen(list); i++)
		if (same(str(json_object_array_get_idx(list, i), "id"), id))
			return json_object_array_get_idx(list, i);
	return NULL;
}

/* A small body (XML) as text, from its file: false when too big. */
static bool
body_text(struct bctx *b, struct buf *out)
{
	char	piece[8192];
	ssize_t	r;
	int	fd;
	bool	ok = true;

	if (b->req->body_file == NULL)
		return buf_add(out, b->req->body, b->req->body_len);
	if ((fd = open(b->req->body_file, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	while (ok && (r = read(fd, piece, sizeof piece)) > 0)
		ok = buf_add(out, piece, (size_t)r);
	close(fd);
	return ok;
}

static void
put_block_list(struct bctx *b)
{
	struct json_object	*e = find_blob(b, NULL), *com, *un, *newc;
	struct json_object	*blk, *nb, *meta;
	const char		*p, *open_t, *close_t, *md5h, *file;
	struct buf		 xml;
	char			 tag[16], id[256];
	uint64_t		 off, size, total = 0;
	size_t			 i, k;
	bool			 ok = true;

	if (!permitted(b, "cw"))
		return;
	com = e != NULL ? arr(e, "committed") : NULL;
	un = e != NULL ? arr(e, "uncommitted") : NULL;
	buf_init(&xml, SB_MAX_BODY);
	if (!body_text(b, &xml) || strstr(buf_str(&xml), "<BlockList>") ==
	    NULL) {
		buf_done(&xml);
		blob_error(b, 400, "InvalidXmlDocument", "XML specified is not "
		    "syntactically valid.", NULL);
		return;
	}
	p = buf_str(&xml);
	newc = json_object_new_array();
	p = strstr(p, "<BlockList>") + 11;
	while (ok && (open_t = strchr(p, '<')) != NULL && open_t[1] != '/') {
		k = strcspn(open_t + 1, ">");
		if (k >= sizeof tag)
			break;
		memcpy(tag, open_t + 1, k);
		tag[k] = '\0';
		close_t = strchr(open_t + k + 2, '<');
		if (close_t == NULL || (size_t)(close_t - (open_t + k + 2)) >=
		    sizeof id)
			break;
		snprintf(id, sizeof id, "%.*s", (int)(close_t - (open_t + k +
		    2)), open_t + k + 2);
		p = strchr(close_t, '>') != NULL ? strchr(close_t, '>') + 1 :
		    close_t + 1;
		blk = NULL;
		if (strcmp(tag, "Uncommitted") == 0 || strcmp(tag, "Latest")
		    == 0)
			blk = block_in(un, id);
		if (blk == NULL && (strcmp(tag, "Committed") == 0 ||
		    strcmp(tag, "Latest") == 0))
			blk = block_in(com, id);
		if (blk == NULL || (strcmp(tag, "Latest") != 0 &&
		    strcmp(tag, "Committed") != 0 &&
		    strcmp(tag, "Uncommitted") != 0)) {
			ok = false;
			break;
		}
		size = (uint64_t)arm_jint(blk, "size", 0);
		off = (uint64_t)arm_jint(blk, "offset", 0);
		if ((file = str(blk, "file")) == NULL) {
			/* A block committed into one file (a world of an
			 * earlier sandbox): its bytes in the blob's file. */
			file = str(e, "file");
			for (i = 0, off = 0; i < alen(com) &&
			    json_object_array_get_idx(com, i) != blk; i++)
				off += (uint64_t)arm_jint(
				    json_object_array_get_idx(com, i), "size",
				    0);
		}
		if (file == NULL) {
			ok = false;
			break;
		}
		/* The block as it is: its bytes stay where they are. */
		nb = json_object_new_object();
		json_object_object_add(nb, "id", json_object_new_string(id));
		json_object_object_add(nb, "size",
		    json_object_new_int64((int64_t)size));
		json_object_object_add(nb, "file",
		    json_object_new_string(file));
		if (off > 0)
			json_object_object_add(nb, "offset",
			    json_object_new_int64((int64_t)off));
		json_object_array_add(newc, nb);
		total += size;
	}
	buf_done(&xml);
	if (!ok) {
		json_object_put(newc);
		blob_error(b, 400, "InvalidBlockList", "The specified block "
		    "list is invalid.", NULL);
		return;
	}
	e = blob_entry(b);
	/* The bytes no block of the new list holds go: the blocks left
	 * uncommitted, the committed ones left out, a Put Blob's file. */
	drop_files(e, newc, NULL);
	json_object_object_del(e, "file");
	json_object_object_add(e, "length", json_object_new_int64(
	    (int64_t)total));
	/* Put Block List keeps the MD5 the client gives, none otherwise. */
	md5h = sb_req_header(b->req, "x-ms-blob-content-md5");
	json_object_object_add(e, "md5", md5h != NULL ?
	    json_object_new_string(md5h) : NULL);
	json_object_object_add(e, "contentType",
	    json_object_new_string(content_type(b, true)));
	json_object_object_add(e, "committed", newc);
	json_object_object_add(e, "uncommitted", json_object_new_array());
	meta = json_object_new_object();
	sb_req_headers(b->req, meta_collect, meta);
	json_object_object_add(e, "metadata", meta);
	touch(b, e);
	etag_headers(b, e);
	sb_resp_header(b->resp, "x-ms-request-server-encrypted", "true");
	b->resp->status = 201;
}

static void
block_xml(struct buf *x, const char *tag, struct json_object *list)
{
	size_t	i;

	buf_addf(x, "<%s>", tag);
	for (i = 0; i < alen(list); i++)
		buf_addf(x, "<Block><Name>%s</Name><Size>%lld</Size></Block>",
		    str(json_object_array_get_idx(list, i), "id"),
		    (long long)arm_jint(json_object_array_get_idx(list, i),
		    "size", 0));
	buf_addf(x, "</%s>", tag);
}

static void
xml_reply(struct bctx *b, int status)
{
	b->resp->status = status;
	b->resp->content_type = "application/xml";
}

static void
get_block_list(struct bctx *b, struct json_object *e)
{
	char		 which[32];
	struct buf	*x = &b->resp->body;

	if (!permitted(b, "r"))
		return;
	qp(b, "blocklisttype", which, sizeof which);
	if (which[0] == '\0')
		snprintf(which, sizeof which, "committed");
	buf_reset(x);
	buf_adds(x, "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	    "<BlockList>");
	if (strcasecmp(which, "uncommitted") != 0)
		block_xml(x, "CommittedBlocks", arr(e, "committed"));
	if (strcasecmp(which, "committed") != 0)
		block_xml(x, "UncommittedBlocks", arr(e, "uncommitted"));
	buf_adds(x, "</BlockList>");
	if (exists(e)) {
		etag_headers(b, e);
		sb_resp_header(b->resp, "x-ms-blob-content-length", "%lld",
		    (long long)arm_jint(e, "length", 0));
	}
	xml_reply(b, 200);
}

/* A header name kept for the process (names are borrowed by responses);
 * called under the server's lock. */
static const char *
header_name(const char *name)
{
	static char	**names;
	static size_t	  n;
	size_t		  i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return names[i];
	names = xrealloc(names, (n + 1) * sizeof *names);
	names[n] = xstrdup(name);
	return names[n++];
}

static void
meta_headers(struct bctx *b, struct json_object *e)
{
	json_object_object_foreach(arm_jobj(e, "metadata"), k, v) {
		char	*name;

		if (asprintf(&name, "x-ms-meta-%s", k) < 0)
			abort();
		/* Header names are borrowed: keep them with the world. */
		sb_resp_header(b->resp, header_name(name), "%s",
		    json_object_get_string(v));
		free(name);
	}
}

static void
properties_headers(struct bctx *b, struct json_object *e)
{
	char	t[64];

	etag_headers(b, e);
	rfc1123((uint64_t)arm_jint(e, "createdMs", 0), t, sizeof t);
	sb_resp_header(b->resp, "x-ms-creation-time", "%s", t);
	sb_resp_header(b->resp, "x-ms-blob-type", "BlockBlob");
	sb_resp_header(b->resp, "x-ms-lease-status", "unlocked");
	sb_resp_header(b->resp, "x-ms-lease-state", "available");
	sb_resp_header(b->resp, "x-ms-server-encrypted", "true");
	sb_resp_header(b->resp, "Accept-Ranges", "bytes");
	b->resp->content_type = str(e, "contentType") != NULL ?
	    str(e, "contentType") : "application/octet-stream";
	meta_headers(b, e);
}

/* A blob of blocks read in turn: Get Blob's body (server.c's reader). */
struct parts {
	size_t		 n;
	struct part {
		char		*file;
		uint64_t	 off, len;	/* of the file's bytes */
		uint64_t	 at;		/* where it starts in the body */
	}		*v;
	size_t		 cur;		/* the part fd is open on */
	int		 fd;
};

static void
parts_free(void *arg)
{
	struct parts	*ps = arg;
	size_t		 i;

	if (ps->fd >= 0)
		close(ps->fd);
	for (i = 0; i < ps->n; i++)
		free(ps->v[i].file);
	free(ps->v);
	free(ps);
}

static ssize_t
parts_read(void *arg, uint64_t pos, char *out, size_t max)
{
	struct parts	*ps = arg;
	struct part	*p;
	size_t		 i = ps->fd >= 0 ? ps->cur : 0;
	ssize_t		 r;

	if (i < ps->n && pos < ps->v[i].at)
		i = 0;
	while (i < ps->n && pos >= ps->v[i].at + ps->v[i].len)
		i++;
	if (i == ps->n)
		return -1;	/* MHD_CONTENT_READER_END_OF_STREAM */
	p = &ps->v[i];
	if (ps->fd < 0 || ps->cur != i) {
		if (ps->fd >= 0)
			close(ps->fd);
		ps->cur = i;
		if ((ps->fd = open(p->file, O_RDONLY | O_CLOEXEC)) < 0)
			return -2;	/* ..._END_WITH_ERROR */
	}
	if (max > p->at + p->len - pos)
		max = (size_t)(p->at + p->len - pos);
	while ((r = pread(ps->fd, out, max, (off_t)(p->off + pos - p->at)))
	    < 0 && errno == EINTR)
		;
	return r > 0 ? r : -2;
}

/* The body of bytes from..to of a blob of blocks, as a reader. */
static bool
parts_body(struct bctx *b, struct json_object *e, uint64_t from,
    uint64_t to, uint64_t len)
{
	struct json_object	*com = arr(e, "committed"), *blk;
	struct parts		*ps = xcalloc(1, sizeof *ps);
	uint64_t		 at = 0, size, off, s, t;
	size_t			 i;

	ps->fd = -1;
	ps->v = xcalloc(alen(com) + 1, sizeof *ps->v);
	for (i = 0; len > 0 && i < alen(com); i++, at += size) {
		blk = json_object_array_get_idx(com, i);
		size = (uint64_t)arm_jint(blk, "size", 0);
		off = (uint64_t)arm_jint(blk, "offset", 0);
		if (size == 0 || at + size <= from || at > to)
			continue;
		if (str(blk, "file") == NULL) {
			parts_free(ps);
			return false;
		}
		s = from > at ? from - at : 0;
		t = to < at + size - 1 ? to - at : size - 1;
		ps->v[ps->n].file = xstrdup(str(blk, "file"));
		ps->v[ps->n].off = off + s;
		ps->v[ps->n].len = t - s + 1;
		ps->v[ps->n].at = at + s - from;
		ps->n++;
	}
	b->resp->reader = parts_read;
	b->resp->reader_free = parts_free;
	b->resp->reader_arg = ps;
	b->resp->reader_len = len == 0 ? 0 : to - from + 1;
	return true;
}

/* Get Blob (body true) or Get Blob Properties. */
static void
get_blob(struct bctx *b, struct json_object *e, bool body)
{
	const char	*range = sb_req_header(b->req, "x-ms-range");
	uint64_t	 len = (uint64_t)arm_jint(e, "length", 0), from = 0;
	uint64_t	 to = len > 0 ? len - 1 : 0;
	unsigned long long s, t;
	int		 fd = -1, n;
	bool		 ranged = false;

	if (!permitted(b, "r"))
		return;
	if (range == NULL)
		range = sb_req_header(b->req, "Range");
	if (body && range != NULL && (n = sscanf(range, "bytes=%llu-%llu", &s,
	    &t)) >= 1) {
		if (s >= len) {
			blob_error(b, 416, "InvalidRange", "The range "
			    "specified is invalid for the current size of the "
			    "resource.", NULL);
			sb_resp_header(b->resp, "Content-Range", "bytes */%llu",
			    (unsigned long long)len);
			return;
		}
		from = s;
		to = n == 2 && t < len ? t : len - 1;
		ranged = true;
	}
	properties_headers(b, e);
	if (str(e, "md5") != NULL && (!ranged || (from == 0 && to + 1 == len)))
		sb_resp_header(b->resp, "Content-MD5", "%s", str(e, "md5"));
	if (ranged)
		sb_resp_header(b->resp, "Content-Range", "bytes %llu-%llu/%llu",
		    (unsigned long long)from, (unsigned long long)to,
		    (unsigned long long)len);
	if (str(e, "file") == NULL ? !parts_body(b, e, from, to, len) :
	    (fd = open(str(e, "file"), O_RDONLY | O_CLOEXEC)) < 0) {
		blob_error(b, 500, "InternalError", "The server encountered "
		    "an internal error. Please retry the request.", NULL);
		return;
	}
	b->resp->status = ranged ? 206 : 200;
	if (str(e, "file") == NULL)
		return;
	b->resp->file_fd = fd;
	b->resp->file_off = from;
	b->resp->file_len = len == 0 ? 0 : to - from + 1;
	b->resp->status = ranged ? 206 : 200;
}

static void
set_metadata(struct bctx *b, struct json_object *e)
{
	struct json_object	*meta = json_object_new_object();

	if (!permitted(b, "w")) {
		json_object_put(meta);
		return;
	}
	sb_req_headers(b->req, meta_collect, meta);
	json_object_object_add(e, "metadata", meta);
	touch(b, e);
	etag_headers(b, e);
	b->resp->status = 200;
}

static void
list_blobs(struct bctx *b)
{
	struct json_object	*a = arm_world_array(b->sb->world, "blobs"), *e;
	struct buf		*x = &b->resp->body;
	char			 prefix[SB_TEXT], inc[64], t[64];
	size_t			 i;

	if (!permitted(b, "l"))
		return;
	qp(b, "prefix", prefix, sizeof prefix);
	qp(b, "include", inc, sizeof inc);
	buf_reset(x);
	buf_adds(x, "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	    "<EnumerationResults ServiceEndpoint=\"");
	xml_escape(x, b->sb->endpoint);
	buf_addf(x, "/%s/\" ContainerName=\"", b->account);
	xml_escape(x, b->container);
	buf_adds(x, "\"><Prefix>");
	xml_escape(x, prefix);
	buf_adds(x, "</Prefix><Blobs>");
	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (!same(str(e, "account"), b->account) ||
		    !same(str(e, "container"), b->container) ||
		    !exists(e) ||
		    strncmp(str(e, "name"), prefix, strlen(prefix)) != 0)
			continue;
		buf_adds(x, "<Blob><Name>");
		xml_escape(x, str(e, "name"));
		rfc1123((uint64_t)arm_jint(e, "createdMs", 0), t, sizeof t);
		buf_addf(x, "</Name><Properties><Creation-Time>%s"
		    "</Creation-Time>", t);
		rfc1123((uint64_t)arm_jint(e, "modifiedMs", 0), t, sizeof t);
		buf_addf(x, "<Last-Modified>%s</Last-Modified><Etag>%s"
		    "</Etag><Content-Length>%lld</Content-Length>"
		    "<Content-Type>", t, str(e, "etag"),
		    (long long)arm_jint(e, "length", 0));
		xml_escape(x, str(e, "contentType") != NULL ?
		    str(e, "contentType") : "application/octet-stream");
		buf_addf(x, "</Content-Type><Content-MD5>%s</Content-MD5>"
		    "<BlobType>BlockBlob</BlobType><LeaseStatus>unlocked"
		    "</LeaseStatus><LeaseState>available</LeaseState>"
		    "<ServerEncrypted>true</ServerEncrypted></Properties>",
		    str(e, "md5") != NULL ? str(e, "md5") : "");
		if (strstr(inc, "metadata") != NULL) {
			buf_adds(x, "<Metadata>");
			json_object_object_foreach(arm_jobj(e, "metadata"), k,
			    v) {
				buf_addf(x, "<%s>", k);
				xml_escape(x, json_object_get_string(v));
				buf_addf(x, "</%s>", k);
			}
			buf_adds(x, "</Metadata>");
		}
		buf_adds(x, "</Blob>");
	}
	buf_adds(x, "</Blobs><NextMarker /></EnumerationResults>");
	xml_reply(b, 200);
}

/* Delete Blob: 202, its bytes and blocks gone. */
static void
delete_blob(struct bctx *b, struct json_object *e)
{
	size_t			 at = 0;

	if (!permitted(b, "d"))
		return;
	drop_files(e, NULL, NULL);
	if (find_blob(b, &at) == e)
		json_object_array_del_idx(arm_world_array(b->sb->world,
		    "blobs"), at, 1);
	b->sb->world->dirty = true;
	sb_resp_header(b->resp, "x-ms-delete-type-permanent", "true");
	b->resp->status = 202;
}

/* Split /ACCOUNT/CONTAINER[/BLOB]; false when not ours. */
static bool
split(struct bctx *b)
{
	const char	*p = b->req->path + 1, *s;
	size_t		 n = strcspn(p, "/");

	if (n == 0 || n >= sizeof b->account)
		return false;
	memcpy(b->account, p, n);
	b->account[n] = '\0';
	if ((b->acct = blob_account(b->sb, b->account)) == NULL)
		return false;
	p += n;
	if (*p == '/')
		p++;
	n = strcspn(p, "/");
	if (n >= sizeof b->container)
		n = sizeof b->container - 1;
	memcpy(b->container, p, n);
	b->container[n] = '\0';
	s = p + n;
	b->blob = *s == '/' ? s + 1 : "";
	return true;
}

bool
blob_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	struct bctx		 b;
	struct json_object	*e;
	const char		*m = req->method;
	char			 comp[32], restype[32];

	memset(&b, 0, sizeof b);
	b.sb = sb;
	b.req = req;
	b.resp = resp;
	if (req->path == NULL || req->path[0] != '/' || !split(&b))
		return false;
	common_headers(&b);
	if (!authorized(&b))
		return true;
	qp(&b, "comp", comp, sizeof comp);
	qp(&b, "restype", restype, sizeof restype);
	if (b.container[0] == '\0') {
		blob_error(&b, 400, "InvalidUri", "The requested URI does not "
		    "represent any resource on the server.", NULL);
		return true;
	}
	if (b.blob[0] == '\0' && strcmp(restype, "container") == 0 &&
	    strcmp(m, "PUT") == 0 && comp[0] == '\0') {
		if (find_container(sb, b.account, b.container) != NULL) {
			blob_error(&b, 409, "ContainerAlreadyExists", "The "
			    "specified container already exists.", NULL);
			return true;
		}
		if (!permitted(&b, "c"))
			return true;
		blob_container_make(sb, b.account, b.container);
		resp->status = 201;
		return true;
	}
	if (find_container(sb, b.account, b.container) == NULL) {
		blob_error(&b, 404, "ContainerNotFound", "The specified "
		    "container does not exist.", NULL);
		return true;
	}
	if (b.blob[0] == '\0') {
		if (strcmp(m, "GET") == 0 && strcmp(comp, "list") == 0)
			list_blobs(&b);
		else if ((strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) &&
		    comp[0] == '\0')
			resp->status = 200;	/* Get Container Properties */
		else
			blob_error(&b, 400, "UnsupportedHttpVerb", "The "
			    "resource doesn't support the specified HTTP verb.",
			    NULL);
		return true;
	}
	if (strcmp(m, "PUT") == 0) {
		if (strcmp(comp, "block") == 0)
			put_block(&b);
		else if (strcmp(comp, "blocklist") == 0)
			put_block_list(&b);
		else if (strcmp(comp, "metadata") == 0 &&
		    exists(e = find_blob(&b, NULL)))
			set_metadata(&b, e);
		else if (comp[0] == '\0')
			put_blob(&b);
		else
			goto notfound;
		return true;
	}
	e = find_blob(&b, NULL);
	if (strcmp(m, "GET") == 0 && strcmp(comp, "blocklist") == 0 &&
	    e != NULL) {
		get_block_list(&b, e);
		return true;
	}
	if (!exists(e))
		goto notfound;
	if ((strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) &&
	    comp[0] == '\0') {
		get_blob(&b, e, strcmp(m, "GET") == 0);
		return true;
	}
	if (strcmp(m, "DELETE") == 0 && comp[0] == '\0') {
		delete_blob(&b, e);
		return true;
	}
	blob_error(&b, 400, "UnsupportedHttpVerb", "The resource doesn't "
	    "support the specified HTTP verb.", NULL);
	return true;
notfound:
	blob_error(&b, 404, "BlobNotFound", "The specified blob does not "
	    "exist.", NULL);
	return true;
}

/* Whether a file is the bytes of a blob or block the world keeps. */
static bool
kept(struct sandbox *sb, const char *path)
{
	struct json_object	*a = arm_world_array(sb->world, "blobs"), *e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (same(str(e, "file"), path) || in_list(arr(e, "committed"),
		    path) || in_list(arr(e, "uncommitted"), path))
			return true;
	}
	return false;
}

/* Remove what dir holds that the world does not keep, depth levels down;
 * then dir itself when it is empty. */
static void
sweep_dir(struct sandbox *sb, const char *dir, int depth)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	struct stat	 st;
	char		 path[1200];

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth > 0)
			sweep_dir(sb, path, depth - 1);
		else if (S_ISREG(st.st_mode) && !kept(sb, path))
			unlink(path);
	}
	closedir(d);
	rmdir(dir);	/* fails, as it should, unless empty */
}

void
blob_sweep(struct sandbox *sb)
{
	DIR		*d = opendir(sb->state_dir);
	struct dirent	*de;
	char		 path[1200];

	/* Bodies of uploads an earlier sandbox did not finish. */
	while (d != NULL && (de = readdir(d)) != NULL)
		if (strncmp(de->d_name, "upload.", 7) == 0) {
			snprintf(path, sizeof path, "%s/%s", sb->state_dir,
			    de->d_name);
			unlink(path);
		}
	if (d != NULL)
		closedir(d);
	snprintf(path, sizeof path, "%s/blobs", sb->state_dir);
	sweep_dir(sb, path, 2);
}

void
blob_too_large(const struct sb_request *req, struct sb_response *resp)
{
	struct bctx	b;

	memset(&b, 0, sizeof b);
	b.req = req;
	b.resp = resp;
	blob_error(&b, 413, "RequestBodyTooLarge", "The request body is too "
	    "large and exceeds the maximum permissible limit.", NULL);
}
