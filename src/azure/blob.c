/*
 * Block blobs (blob.h): Put Blob, Put Block, Put Block List, Get Block
 * List and Get Blob Properties, signed with a SAS or Shared Key.
 * Storage answers errors in XML (<Error><Code>..</Code><Message>..);
 * the code and message are read from it for the error message.
 */
#include "config.h"
#include "azure/blob.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "azure/http.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/storage-sign.h"
#include "core/text.h"

/* Whether host (no port, brackets kept) is an IP literal or localhost. */
static bool
ip_style(const char *host, size_t n)
{
	size_t	i;
	bool	digits = n > 0;

	if (n > 0 && host[0] == '[')
		return true;
	if ((n == 9 && strncasecmp(host, "localhost", 9) == 0))
		return true;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)host[i]) && host[i] != '.')
			digits = false;
	return digits;
}

char *
blob_account_url(const char *protocol, const char *account,
    const char *endpoint)
{
	struct buf	b;
	size_t		n;

	if (protocol == NULL || *protocol == '\0')
		protocol = "https";
	if (endpoint[0] == '[')
		n = strcspn(endpoint, "]") + 1;
	else
		n = strcspn(endpoint, ":/");
	buf_init(&b, 0);
	if (ip_style(endpoint, n))
		buf_addf(&b, "%s://%s/%s", protocol, endpoint, account);
	else
		buf_addf(&b, "%s://%s.blob.%s", protocol, account, endpoint);
	return buf_take(&b);
}

char *
blob_join(const char *base, const char *name)
{
	struct buf	b;
	size_t		n = strcspn(base, "?");
	const char	*s;

	buf_init(&b, 0);
	buf_add(&b, base, n);
	while (b.len > 0 && b.data[b.len - 1] == '/')
		b.len--;
	buf_adds(&b, "/");
	for (s = name; *s == '/'; s++)
		;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || strchr("-_.~/", c) != NULL)
			buf_add(&b, s, 1);
		else
			buf_addf(&b, "%%%02X", c);
	}
	return buf_take(&b);
}

char *
blob_string_to_sign(const char *method, const char *url, const char *account,
    uint64_t content_length, const char *content_type,
    const char *const *ms_headers)
{
	struct storage_sign_in	 in;
	const char		*p = strstr(url, "://"), *q;
	char			 len[32], *path, *s;

	memset(&in, 0, sizeof in);
	in.method = method;
	snprintf(len, sizeof len, "%llu", (unsigned long long)content_length);
	in.std[2] = len;		/* Content-Length */
	in.std[4] = content_type;	/* Content-Type */
	in.headers = ms_headers;
	in.account = account;
	/* the URL's path as sent, and its query */
	p = p != NULL ? p + 3 : url;
	p += strcspn(p, "/?");
	q = strchr(p, '?');
	path = xstrndup(p, q != NULL ? (size_t)(q - p) : strlen(p));
	in.path = path;
	in.query = q != NULL ? q + 1 : NULL;
	s = storage_string_to_sign(&in);
	free(path);
	return s;
}

char *
blob_sign(const char *key, const char *s)
{
	unsigned char	*k, mac[EVP_MAX_MD_SIZE];
	unsigned int	 maclen = 0;
	size_t		 klen = strlen(key);
	int		 n;
	char		*out;

	k = xmalloc(klen + 3);
	n = EVP_DecodeBlock(k, (const unsigned char *)key, (int)klen);
	if (n < 0 || klen % 4 != 0) {
		free(k);
		return NULL;
	}
	/* EVP_DecodeBlock counts the padding's zero bytes */
	if (klen >= 1 && key[klen - 1] == '=')
		n--;
	if (klen >= 2 && key[klen - 2] == '=')
		n--;
	if (HMAC(EVP_sha256(), k, n, (const unsigned char *)s, strlen(s), mac,
	    &maclen) == NULL) {
		OPENSSL_cleanse(k, klen + 3);
		free(k);
		return NULL;
	}
	OPENSSL_cleanse(k, klen + 3);
	free(k);
	out = xmalloc(4 * ((maclen + 2) / 3) + 1);
	EVP_EncodeBlock((unsigned char *)out, mac, (int)maclen);
	return out;
}

/* One signed request to the storage account. */
struct blob_req {
	const char	*method;
	const char	*url;		/* blob URL, no query */
	const char	*query;		/* "comp=block&blockid=..", or NULL */
	const char	*body;
	size_t		 body_len;
	/* Or body_len bytes of a file, sent as they are read. */
	const struct http_file_body *file;
	const char	*content_type;
	const char	*blob_type;	/* x-ms-blob-type, or NULL */
};

static bool
blob_call(struct http_client *http, const struct blob_auth *auth,
    const struct blob_req *br, struct http_response *rsp, struct err *err)
{
	struct http_request	 req;
	struct buf		 u;
	char			 date[64], hdate[80], hver[64], htype[64],
				 rid[40], hrid[80], *sts, *sig = NULL,
				*hauth = NULL;
	const char		*ms[5];
	time_t			 now = (time_t)clock_now();
	struct tm		 tm;
	size_t			 n = 0, i = 0, k = 0;
	bool			 ok;

	memset(&req, 0, sizeof req);
	buf_init(&u, 0);
	buf_adds(&u, br->url);
	if (br->query != NULL)
		buf_addf(&u, "?%s", br->query);
	if (auth->sas != NULL && *auth->sas != '\0')
		buf_addf(&u, "%c%s", br->query != NULL ? '&' : '?',
		    auth->sas);
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	snprintf(hdate, sizeof hdate, "x-ms-date: %s", date);
	snprintf(hver, sizeof hver, "x-ms-version: %s", BLOB_SERVICE_VERSION);
	if (!http_uuid4(rid, sizeof rid)) {
		buf_done(&u);
		return err_set(err, ERR_INTERNAL, _("no random numbers"));
	}
	snprintf(hrid, sizeof hrid, "x-ms-client-request-id: %s", rid);
	ms[n++] = hdate;
	ms[n++] = hver;
	ms[n++] = hrid;
	if (br->blob_type != NULL) {
		snprintf(htype, sizeof htype, "x-ms-blob-type: %s",
		    br->blob_type);
		ms[n++] = htype;
	}
	ms[n] = NULL;
	for (i = 0; i < n; i++)
		if (ms[i] != hrid)	/* http.c sends the request id */
			req.extra_headers[k++] = ms[i];
	if ((auth->sas == NULL || *auth->sas == '\0') && auth->key != NULL) {
		bool	with_body = br->body != NULL || br->file != NULL;

		sts = blob_string_to_sign(br->method, buf_str(&u),
		    auth->account, with_body ? br->body_len : 0,
		    with_body ? br->content_type : NULL, ms);
		sig = blob_sign(auth->key, sts);
		free(sts);
		if (sig == NULL) {
			buf_done(&u);
			return err_set(err, ERR_SERVICE, _("the storage "
			    "account's key is not valid base64"));
		}
		if (asprintf(&hauth, "Authorization: SharedKey %s:%s",
		    auth->account, sig) < 0)
			abort();
		OPENSSL_cleanse(sig, strlen(sig));
		free(sig);
		req.extra_headers[k++] = hauth;
	}
	req.method = br->method;
	req.url = buf_str(&u);
	req.body = br->body;
	req.body_len = br->body_len;
	req.body_file = br->file;
	req.body_binary = br->content_type != NULL &&
	    strcmp(br->content_type, "application/octet-stream") == 0;
	req.content_type = br->content_type;
	req.accept = "application/xml";
	req.client_request_id = rid;
	ok = http_call(http, &req, rsp, err);
	if (hauth != NULL) {
		OPENSSL_cleanse(hauth, strlen(hauth));
		free(hauth);
	}
	buf_done(&u);
	return ok;
}

/* The text of <tag>..</tag> in xml into out ("" if absent). */
static void
xml_text(const char *xml, const char *tag, char *out, size_t len)
{
	char		 open[64], close[64];
	const char	*a, *b;

	*out = '\0';
	snprintf(open, sizeof open, "<%s>", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	if (xml == NULL || (a = strstr(xml, open)) == NULL)
		return;
	a += strlen(open);
	if ((b = strstr(a, close)) == NULL)
		return;
	snprintf(out, len, "%.*s", (int)(b - a), a);
}

/* Fill err for a storage answer that is not a success. */
static int
blob_error(const struct http_response *rsp, const char *url, struct err *err)
{
	char		 code[128], msg[512], host[256];
	const char	*body = rsp->body.data != NULL ? buf_str(
			    (struct buf *)&rsp->body) : "";
	const char	*p = strstr(url, "://");
	size_t		 n;

	xml_text(body, "Code", code, sizeof code);
	xml_text(body, "Message", msg, sizeof msg);
	if (*code == '\0' && rsp->ms_error_code != NULL)
		snprintf(code, sizeof code, "%s", rsp->ms_error_code);
	p = p != NULL ? p + 3 : url;
	n = strcspn(p, "/?");
	snprintf(host, sizeof host, "%.*s", (int)n, p);
	text_escape_inplace(code, sizeof code, 0);
	text_escape_inplace(msg, sizeof msg, 0);
	if (rsp->status == 403 || rsp->status == 401) {
		/*
		 * TRANSLATORS: a host, an HTTP status, the storage service's
		 * error code (AuthenticationFailed ...).  SAS is a shared
		 * access signature.
		 */
		err_set(err, ERR_SERVICE, _("the storage account at %s refused "
		    "the upload (HTTP %ld %s): its SAS or account key is "
		    "wrong or has expired"), host, rsp->status,
		    *code != '\0' ? code : "");
	} else
		/* TRANSLATORS: a host, an HTTP status, the error code. */
		err_set(err, ERR_SERVICE, _("the storage account at %s "
		    "answered HTTP %ld %s"), host, rsp->status, code);
	if (*msg != '\0')
		err_detail(err, "%s", msg);
	err->http_status = rsp->status;
	return -1;
}

int
blob_exists(struct http_client *http, const char *url,
    const struct blob_auth *auth, uint64_t size, bool *there,
    struct err *err)
{
	struct http_response	rsp;
	struct blob_req		br;
	int			rc = 0;

	*there = false;
	memset(&br, 0, sizeof br);
	br.method = "HEAD";
	br.url = url;
	http_response_init(&rsp);
	if (!blob_call(http, auth, &br, &rsp, err))
		rc = -1;
	else if (rsp.status == 200)
		*there = rsp.content_length >= 0 &&
		    (uint64_t)rsp.content_length == size;
	else if (rsp.status != 404)
		rc = blob_error(&rsp, url, err);
	http_response_done(&rsp);
	return rc;
}

/* The base64 block ID of block i of a file of size bytes. */
static void
block_id(char *out, size_t len, unsigned i, uint64_t size)
{
	char	raw[48];
	int	n;

	n = snprintf(raw, sizeof raw, "akswiz-%06u-%014llx-%08x", i,
	    (unsigned long long)size, BLOB_BLOCK_SIZE);
	if (len >= 4 * ((size_t)n + 2) / 3 + 1)
		EVP_EncodeBlock((unsigned char *)out, (unsigned char *)raw, n);
	else
		*out = '\0';
}

/* A block ID percent-encoded for the query. */
static void
query_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (isalnum((unsigned char)*s))
			buf_add(b, s, 1);
		else
			buf_addf(b, "%%%02X", (unsigned char)*s);
}

/*
 * The uncommitted blocks already there (Get Block List): for each block
 * of ours, whether it is there with its size.  A blob that is not there
 * has none.
 */
static int
blocks_there(struct http_client *http, const char *url,
    const struct blob_auth *auth, uint64_t size, unsigned nblocks,
    bool *have, struct err *err)
{
	struct http_response	 rsp;
	struct blob_req		 br;
	const char		*p, *unc;
	char			 name[128], sz[32], want[96];
	unsigned		 i;
	int			 rc = 0;

	memset(&br, 0, sizeof br);
	br.method = "GET";
	br.url = url;
	br.query = "comp=blocklist&blocklisttype=uncommitted";
	http_response_init(&rsp);
	if (!blob_call(http, auth, &br, &rsp, err)) {
		http_response_done(&rsp);
		return -1;
	}
	if (rsp.status == 404) {
		http_response_done(&rsp);
		return 0;
	}
	if (rsp.status != 200) {
		rc = blob_error(&rsp, url, err);
		http_response_done(&rsp);
		return rc;
	}
	unc = strstr(buf_str(&rsp.body), "<UncommittedBlocks>");
	for (p = unc; p != NULL && (p = strstr(p, "<Block>")) != NULL;
	    p += 7) {
		xml_text(p, "Name", name, sizeof name);
		xml_text(p, "Size", sz, sizeof sz);
		for (i = 0; i < nblocks; i++) {
			uint64_t bs = i + 1 < nblocks ? BLOB_BLOCK_SIZE :
			    size - (uint64_t)i * BLOB_BLOCK_SIZE;

			block_id(want, sizeof want, i, size);
			if (strcmp(name, want) == 0 &&
			    strtoull(sz, NULL, 10) == bs)
				have[i] = true;
		}
	}
	http_response_done(&rsp);
	return 0;
}

/* A file that got shorter while it was sent: libcurl's read of it
 * failed, which is the error to give. */
static void
shrunk(int fd, uint64_t size, const char *path, struct err *err)
{
	struct stat	sb;

	if (fstat(fd, &sb) == 0 && (uint64_t)sb.st_size < size)
		err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(ENODATA));
}

static void
progress(const struct blob_progress *pr, const char *what, uint64_t done,
    uint64_t total)
{
	if (pr != NULL && pr->fn != NULL)
		pr->fn(pr->arg, what, done, total);
}

int
blob_upload_file(struct http_client *http, const char *url,
    const struct blob_auth *auth, const char *path,
    const struct blob_progress *pr, struct blob_stats *st, struct err *err)
{
	struct blob_stats	 dummy;
	struct http_response	 rsp;
	struct blob_req		 br;
	struct stat		 sb;
	struct http_file_body	 fb;
	struct buf		 q, list;
	char			 id[96];
	bool			*have = NULL;
	unsigned		 nblocks, i;
	uint64_t		 size, done = 0, len;
	int			 fd, rc = -1;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof *st);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(fd, &sb) != 0) {
		err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	size = (uint64_t)sb.st_size;
	http_response_init(&rsp);
	memset(&br, 0, sizeof br);
	br.url = url;
	br.method = "PUT";
	br.content_type = "application/octet-stream";
	progress(pr, path, 0, size);
	fb.fd = fd;
	if (size <= BLOB_SINGLE_MAX) {
		fb.off = 0;
		br.file = &fb;
		br.body_len = size;
		br.blob_type = "BlockBlob";
		if (!blob_call(http, auth, &br, &rsp, err)) {
			shrunk(fd, size, path, err);
			goto out;
		}
		if (rsp.status != 201 && rsp.status != 200) {
			blob_error(&rsp, url, err);
			goto out;
		}
		st->blocks_sent = 1;
		st->bytes_sent = size;
		progress(pr, path, size, size);
		rc = 0;
		goto out;
	}
	nblocks = (unsigned)((size + BLOB_BLOCK_SIZE - 1) / BLOB_BLOCK_SIZE);
	have = xcalloc(nblocks, sizeof *have);
	if (blocks_there(http, url, auth, size, nblocks, have, err) != 0)
		goto out;
	buf_init(&list, 0);
	buf_adds(&list, "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	    "<BlockList>");
	for (i = 0; i < nblocks; i++) {
		uint64_t off = (uint64_t)i * BLOB_BLOCK_SIZE;

		len = size - off < BLOB_BLOCK_SIZE ? size - off :
		    BLOB_BLOCK_SIZE;
		block_id(id, sizeof id, i, size);
		buf_addf(&list, "<Latest>%s</Latest>", id);
		if (have[i]) {
			st->blocks_kept++;
			done += len;
			progress(pr, path, done, size);
			continue;
		}
		buf_init(&q, 0);
		buf_adds(&q, "comp=block&blockid=");
		query_escape(&q, id);
		br.query = buf_str(&q);
		/* Read by libcurl into its buffer as it sends: no copy of
		 * the block here. */
		fb.off = off;
		br.file = &fb;
		br.body_len = (size_t)len;
		http_response_done(&rsp);
		http_response_init(&rsp);
		if (!blob_call(http, auth, &br, &rsp, err)) {
			shrunk(fd, size, path, err);
			buf_done(&q);
			buf_done(&list);
			goto out;
		}
		buf_done(&q);
		if (rsp.status != 201) {
			blob_error(&rsp, url, err);
			buf_done(&list);
			goto out;
		}
		st->blocks_sent++;
		st->bytes_sent += len;
		done += len;
		progress(pr, path, done, size);
	}
	buf_adds(&list, "</BlockList>");
	br.query = "comp=blocklist";
	br.file = NULL;
	br.body = buf_str(&list);
	br.body_len = list.len;
	br.content_type = "application/xml";
	http_response_done(&rsp);
	http_response_init(&rsp);
	if (!blob_call(http, auth, &br, &rsp, err)) {
		buf_done(&list);
		goto out;
	}
	buf_done(&list);
	if (rsp.status != 201 && rsp.status != 200) {
		blob_error(&rsp, url, err);
		goto out;
	}
	rc = 0;
out:
	http_response_done(&rsp);
	free(have);
	close(fd);
	return rc;
}
