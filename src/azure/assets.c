/*
 * Model, code and environment versions (assets.h): the hashes
 * azure-ai-ml computes, the datastore and startPendingUpload routes to
 * the workspace's storage (azure/blob.c uploads), the version PUTs, and
 * the parse of their lists.  Ignore files (.amlignore, .gitignore) are
 * not read: every regular file of a folder is part of it.
 */
#include "config.h"
#include "azure/assets.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "azure/arm.h"
#include "azure/armerror.h"
#include "azure/blob.h"
#include "azure/http.h"
#include "azure/json-at.h"
#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/assets.h"
#include "core/text.h"

#define ASSETS_API		ARM_API_ML
#define DEFAULT_DATASTORE	"workspaceblobstore"
#define ANON_ENVIRONMENT	"CliV2AnonymousEnvironment"
#define HASH_SEED		"Initialize for october 2021 AML CLI version"
#define CONTENT_HASH_VERSION	"202208"
#define READ_CHUNK		(1024 * 1024)

/* One regular file of a folder: where it is and its path inside. */
struct afile {
	char		*abs;
	char		*rel;		/* "/"-separated */
	uint64_t	 size;
	bool		 dir;		/* a folder (walk() lists them too) */
};
struct afiles {
	struct afile	*v;
	size_t		 n;
};

static void
afiles_free(struct afiles *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].abs);
		free(l->v[i].rel);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int	tree_of(const char *, bool, struct afiles *, bool *,
		    struct err *);

/* A directory's entry names, sorted as azure-ai-ml sorts (lowercased). */
static char **
dir_names(const char *dir, size_t *n, struct err *err)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	char		**v = NULL;

	*n = 0;
	if (d == NULL) {
		err_set(err, ERR_IO, _("cannot read %s: %s"), dir,
		    strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	for (size_t i = 1; i < *n; i++)	/* insertion sort: small folders */
		for (size_t j = i; j > 0 && strcasecmp(v[j - 1], v[j]) > 0;
		    j--) {
			char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v == NULL ? xcalloc(1, sizeof *v) : v;
}

static void
names_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Feed a file's bytes to one or two digests (b may be NULL), in large
 * reads: one read of the file for both. */
static int
digest_file(EVP_MD_CTX *a, EVP_MD_CTX *b2, const char *path,
    struct err *err)
{
	char	*b;
	ssize_t	 r;
	int	 fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno)) ? 0 : -1;
#ifdef POSIX_FADV_SEQUENTIAL
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	b = xmalloc(READ_CHUNK);
	while ((r = read(fd, b, READ_CHUNK)) > 0 || (r < 0 && errno == EINTR))
		if (r > 0) {
			if (a != NULL)
				EVP_DigestUpdate(a, b, (size_t)r);
			if (b2 != NULL)
				EVP_DigestUpdate(b2, b, (size_t)r);
		}
	free(b);
	close(fd);
	if (r < 0)
		return err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno)) ? 0 : -1;
	return 0;
}

static void
hex(const unsigned char *d, unsigned n, char *out, size_t len)
{
	for (unsigned i = 0; i < n && 2 * i + 2 < len; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

int
assets_object_hash(const char *path, char *out, size_t len, struct err *err)
{
	return assets_hashes(path, out, len, NULL, 0, err);
}

/*
 * Every folder and regular file under dir (rel prefixed by prefix), a
 * folder before what it holds, each folder's entries sorted as
 * dir_names() sorts them: the order of azure-ai-ml's _get_dir_hash().
 */
static int
walk(const char *dir, const char *prefix, int depth, struct afiles *l,
    struct err *err)
{
	char		**names, *p, *r;
	size_t		  n, i;
	struct stat	  sb;
	int		  rc = 0;

	if (depth > 64)
		return err_set(err, ERR_IO, _("%s: folders nested too deep"),
		    dir) ? 0 : -1;
	if ((names = dir_names(dir, &n, err)) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < n; i++) {
		if (asprintf(&p, "%s/%s", dir, names[i]) < 0 ||
		    asprintf(&r, "%s%s%s", prefix, *prefix ? "/" : "",
		    names[i]) < 0)
			abort();
		if (stat(p, &sb) != 0 || (!S_ISDIR(sb.st_mode) &&
		    !S_ISREG(sb.st_mode))) {
			free(p);
			free(r);
			continue;
		}
		l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
		l->v[l->n].abs = p;
		l->v[l->n].rel = r;
		l->v[l->n].dir = S_ISDIR(sb.st_mode);
		l->v[l->n++].size = S_ISDIR(sb.st_mode) ? 0 :
		    (uint64_t)sb.st_size;
		if (S_ISDIR(sb.st_mode))
			rc = walk(p, r, depth + 1, l, err);
	}
	names_free(names, n);
	return rc;
}

static int
afile_cmp(const void *a, const void *b)
{
	return strcasecmp(((const struct afile *)a)->rel,
	    ((const struct afile *)b)->rel);
}

/* The base name of path (trailing slashes ignored), into a new string. */
static char *
base_name(const char *path)
{
	size_t		 n = strlen(path);
	const char	*s;

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (s = path + n; s > path && s[-1] != '/'; s--)
		;
	return xstrndup(s, (size_t)(path + n - s));
}

/*
 * The files of path: itself (rel = its name), or a folder's files sorted
 * by rel lowercased; with_dirs, its folders too, in walk()'s order.
 */
static int
tree_of(const char *path, bool with_dirs, struct afiles *l, bool *is_dir,
    struct err *err)
{
	struct stat	sb;

	memset(l, 0, sizeof *l);
	if (stat(path, &sb) != 0)
		return err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno)) ? 0 : -1;
	*is_dir = S_ISDIR(sb.st_mode);
	if (!*is_dir) {
		l->v = xcalloc(1, sizeof *l->v);
		l->v[0].abs = xstrdup(path);
		l->v[0].rel = base_name(path);
		l->v[0].size = (uint64_t)sb.st_size;
		l->n = 1;
		return 0;
	}
	if (walk(path, "", 0, l, err) != 0) {
		afiles_free(l);
		return -1;
	}
	if (!with_dirs) {
		size_t	k = 0;

		for (size_t i = 0; i < l->n; i++)
			if (l->v[i].dir) {
				free(l->v[i].abs);
				free(l->v[i].rel);
			} else
				l->v[k++] = l->v[i];
		l->n = k;
		if (l->n > 0)
			qsort(l->v, l->n, sizeof *l->v, afile_cmp);
	}
	return 0;
}

static int
files_of(const char *path, struct afiles *l, bool *is_dir, struct err *err)
{
	return tree_of(path, false, l, is_dir, err);
}

int
assets_content_hash(const char *path, char *out, size_t len, struct err *err)
{
	return assets_hashes(path, NULL, 0, out, len, err);
}

/*
 * The object hash (MD5: a seed, then each entry of the tree in walk()'s
 * order, its name when path is a folder, a file's bytes) and the content
 * hash (SHA-256: the count, each file's name and size, then the files'
 * bytes in files_of()'s order).  A file is read once for both while the
 * two orders agree; the content hash's files past the first disagreement
 * are read again for it alone, in its order.
 */
int
assets_hashes(const char *path, char *ohex, size_t olen, char *chex,
    size_t clen, struct err *err)
{
	EVP_MD_CTX	*om = NULL, *cm = NULL;
	struct afiles	 t, f;
	unsigned char	 d[EVP_MAX_MD_SIZE];
	unsigned	 dl = 0;
	const char	*name;
	char		 num[32];
	bool		 dir, both;
	size_t		 i, ci = 0;
	int		 rc = 0;

	memset(&t, 0, sizeof t);
	memset(&f, 0, sizeof f);
	if ((ohex != NULL && tree_of(path, true, &t, &dir, err) != 0) ||
	    (chex != NULL && files_of(path, &f, &dir, err) != 0)) {
		afiles_free(&t);
		return -1;
	}
	if (ohex != NULL) {
		om = EVP_MD_CTX_new();
		EVP_DigestInit_ex(om, EVP_md5(), NULL);
		EVP_DigestUpdate(om, HASH_SEED, strlen(HASH_SEED));
	}
	if (chex != NULL) {
		cm = EVP_MD_CTX_new();
		EVP_DigestInit_ex(cm, EVP_sha256(), NULL);
		snprintf(num, sizeof num, "%zu", f.n);
		EVP_DigestUpdate(cm, num, strlen(num));
		for (i = 0; i < f.n; i++) {
			EVP_DigestUpdate(cm, "#", 1);
			EVP_DigestUpdate(cm, f.v[i].rel, strlen(f.v[i].rel));
			EVP_DigestUpdate(cm, "#", 1);
			snprintf(num, sizeof num, "%llu",
			    (unsigned long long)f.v[i].size);
			EVP_DigestUpdate(cm, num, strlen(num));
		}
	}
	/* _get_dir_hash(): each entry's name, then its bytes (a file) */
	for (i = 0; rc == 0 && i < t.n; i++) {
		if (dir) {
			name = strrchr(t.v[i].rel, '/');
			name = name != NULL ? name + 1 : t.v[i].rel;
			EVP_DigestUpdate(om, name, strlen(name));
		}
		if (t.v[i].dir)
			continue;
		both = cm != NULL && ci < f.n && strcmp(f.v[ci].abs,
		    t.v[i].abs) == 0;
		rc = digest_file(om, both ? cm : NULL, t.v[i].abs, err);
		if (both)
			ci++;
	}
	for (; rc == 0 && cm != NULL && ci < f.n; ci++)
		rc = digest_file(cm, NULL, f.v[ci].abs, err);
	if (om != NULL) {
		EVP_DigestFinal_ex(om, d, &dl);
		EVP_MD_CTX_free(om);
		hex(d, dl, ohex, olen);
	}
	if (cm != NULL) {
		EVP_DigestFinal_ex(cm, d, &dl);
		EVP_MD_CTX_free(cm);
		hex(d, dl, chex, clen);
	}
	afiles_free(&t);
	afiles_free(&f);
	return rc;
}

/* workspace_id + "/" + segments (each percent-encoded) + api-version. */
static char *
ws_url(const struct arm *a, const char *ws_id, const char *const *seg,
    const char *query)
{
	struct buf	b;

	buf_init(&b, 0);
	buf_adds(&b, a->endpoint);
	buf_adds(&b, ws_id);
	for (; *seg != NULL; seg++) {
		buf_adds(&b, "/");
		arm_path_segment(&b, *seg);
	}
	buf_addf(&b, "?api-version=%s%s", ASSETS_API, query != NULL ? query :
	    "");
	return buf_take(&b);
}

/* Send and parse the JSON answer when its status is one of ok1/ok2. */
static int
call_json(struct arm *a, const char *method, char *url, const char *body,
    long ok1, long ok2, json_object **out, long *status, struct err *err)
{
	struct http_response	rsp;
	int			rc = -1;

	*out = NULL;
	http_response_init(&rsp);
	if (arm_send(a, method, url, body, false, &rsp, err)) {
		if (status != NULL)
			*status = rsp.status;
		if (rsp.status == ok1 || rsp.status == ok2) {
			*out = json_tokener_parse(buf_str(&rsp.body));
			rc = 0;
			if (*out == NULL && rsp.body.len > 0)
				rc = err_set(err, ERR_PARSE, _("the service's "
				    "answer is not valid JSON")) ? 0 : -1;
		} else if (status != NULL && rsp.status == 404)
			rc = 0;
		else
			arm_error_summary(buf_str(&rsp.body), rsp.status, err);
	}
	if (rsp.body.data != NULL)
		OPENSSL_cleanse(rsp.body.data, rsp.body.len);
	http_response_done(&rsp);
	free(url);
	return rc;
}

/* The parts of a workspace id: subscription, group, workspace. */
static bool
ws_parts(const char *id, char *sub, char *rg, char *ws, size_t len)
{
	const char	*p;

	*sub = *rg = *ws = '\0';
	if ((p = strcasestr(id, "/subscriptions/")) != NULL)
		snprintf(sub, len, "%.*s", (int)strcspn(p + 15, "/"), p + 15);
	if ((p = strcasestr(id, "/resourceGroups/")) != NULL)
		snprintf(rg, len, "%.*s", (int)strcspn(p + 16, "/"), p + 16);
	if ((p = strcasestr(id, "/workspaces/")) != NULL)
		snprintf(ws, len, "%.*s", (int)strcspn(p + 12, "/"), p + 12);
	return *sub != '\0' && *rg != '\0' && *ws != '\0';
}

/* Where uploads go: a container URL and how to sign for it. */
struct store {
	char		*container_url;	/* no query */
	char		*sas;		/* or NULL */
	char		*account;
	char		*key;		/* or NULL */
	char		*datastore;	/* name, or NULL (pending upload) */
};

static void
store_done(struct store *s)
{
	free(s->container_url);
	if (s->sas != NULL)
		OPENSSL_cleanse(s->sas, strlen(s->sas));
	if (s->key != NULL)
		OPENSSL_cleanse(s->key, strlen(s->key));
	free(s->sas);
	free(s->key);
	free(s->account);
	free(s->datastore);
	memset(s, 0, sizeof *s);
}

/* The default datastore and its secret (GET, then POST listSecrets). */
static int
store_datastore(struct arm *a, const char *ws_id, struct store *st,
    struct err *err)
{
	const char	*seg[] = { "datastores", DEFAULT_DATASTORE, NULL };
	const char	*sseg[] = { "datastores", DEFAULT_DATASTORE,
			    "listSecrets", NULL };
	json_object	*o, *s;
	const char	*acct, *cont, *ep, *proto, *type, *v;
	char		*base;

	memset(st, 0, sizeof *st);
	if (call_json(a, "GET", ws_url(a, ws_id, seg, NULL), NULL, 200, 200,
	    &o, NULL, err) != 0)
		return -1;
	acct = json_at_raw(o, "properties.accountName");
	cont = json_at_raw(o, "properties.containerName");
	ep = json_at_raw(o, "properties.endpoint");
	proto = json_at_raw(o, "properties.protocol");
	if (acct == NULL || cont == NULL) {
		json_object_put(o);
		/* TRANSLATORS: workspaceblobstore is a name, not translated. */
		return err_set(err, ERR_SERVICE, _("the workspace's datastore "
		    "%s is not an Azure Blob container"), DEFAULT_DATASTORE) ?
		    0 : -1;
	}
	base = blob_account_url(proto, acct, ep != NULL ? ep :
	    "core.windows.net");
	st->container_url = blob_join(base, cont);
	free(base);
	st->account = xstrdup(acct);
	st->datastore = xstrdup(DEFAULT_DATASTORE);
	json_object_put(o);
	if (call_json(a, "POST", ws_url(a, ws_id, sseg, NULL), "{}", 200, 200,
	    &s, NULL, err) != 0) {
		store_done(st);
		return -1;
	}
	type = json_at_raw(s, "secretsType");
	if (type != NULL && strcasecmp(type, "Sas") == 0 &&
	    (v = json_at_raw(s, "sasToken")) != NULL)
		st->sas = xstrdup(*v == '?' ? v + 1 : v);
	else if ((v = json_at_raw(s, "key")) != NULL)
		st->key = xstrdup(v);
	if (s != NULL) {
		/* the answer held a secret: wipe json-c's copy too */
		json_object *k = json_at(s, "key", json_type_string);

		if (k == NULL)
			k = json_at(s, "sasToken", json_type_string);
		if (k != NULL)
			OPENSSL_cleanse((char *)json_object_get_string(k),
			    strlen(json_object_get_string(k)));
		json_object_put(s);
	}
	if (st->sas == NULL && st->key == NULL) {
		store_done(st);
		return err_set(err, ERR_SERVICE, _("the workspace's datastore "
		    "%s gave no account key or SAS (an identity-based "
		    "datastore is not supported)"), DEFAULT_DATASTORE) ? 0 : -1;
	}
	return 0;
}

/* startPendingUpload of a code version: a container SAS. */
static int
store_pending(struct arm *a, const char *ws_id, const char *name,
    const char *version, struct store *st, struct err *err)
{
	const char	*seg[] = { "codes", name, "versions", version,
			    "startPendingUpload", NULL };
	json_object	*o;
	const char	*sas;
	const char	*q;

	memset(st, 0, sizeof *st);
	if (call_json(a, "POST", ws_url(a, ws_id, seg, NULL),
	    "{\"pendingUploadType\":\"TemporaryBlobReference\"}", 200, 200,
	    &o, NULL, err) != 0)
		return -1;
	sas = json_at_raw(o, "blobReferenceForConsumption.credential.sasUri");
	if (sas == NULL || (q = strchr(sas, '?')) == NULL) {
		json_object_put(o);
		return err_set(err, ERR_SERVICE, _("startPendingUpload gave no "
		    "SAS URI")) ? 0 : -1;
	}
	st->container_url = xstrndup(sas, (size_t)(q - sas));
	st->sas = xstrdup(q + 1);
	OPENSSL_cleanse((char *)sas, strlen(sas));
	json_object_put(o);
	return 0;
}

/*
 * Upload files under prefix in the store, each unless a blob of its size
 * is there already.
 */
static int
upload_files(struct arm *a, const struct store *st, const char *prefix,
    const struct afiles *l, const struct asset_progress *ap, struct err *err)
{
	struct blob_auth	 auth = { st->sas, st->account, st->key };
	struct blob_progress	 bp = { NULL, NULL };
	char			*path, *url;
	bool			 there;
	int			 rc = 0;

	if (ap != NULL) {
		bp.fn = ap->fn;
		bp.arg = ap->arg;
	}
	for (size_t i = 0; rc == 0 && i < l->n; i++) {
		if (asprintf(&path, "%s%s%s", prefix, *l->v[i].rel ? "/" : "",
		    l->v[i].rel) < 0)
			abort();
		url = blob_join(st->container_url, path);
		/* a pending upload's container is new: nothing is there */
		there = false;
		if (st->datastore != NULL)
			rc = blob_exists(a->http, url, &auth, l->v[i].size,
			    &there, err);
		if (rc == 0 && there) {
			if (bp.fn != NULL)
				bp.fn(bp.arg, l->v[i].abs, l->v[i].size,
				    l->v[i].size);
		} else if (rc == 0)
			rc = blob_upload_file(a->http, url, &auth,
			    l->v[i].abs, &bp, NULL, err);
		free(url);
		free(path);
	}
	return rc;
}

/* PUT a version body; *id its ARM id. */
static int
put_version(struct arm *a, const char *ws_id, const char *kind,
    const char *name, const char *version, json_object *props, char **id,
    struct err *err)
{
	const char	*seg[] = { kind, name, "versions", version, NULL };
	json_object	*body = json_object_new_object(), *o;
	const char	*rid;
	int		 rc;

	json_object_object_add(body, "properties", props);
	rc = call_json(a, "PUT", ws_url(a, ws_id, seg, NULL),
	    json_object_to_json_string_ext(body, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE), 200, 201, &o, NULL, err);
	json_object_put(body);
	if (rc != 0)
		return -1;
	rid = json_at_raw(o, "id");
	if (rid != NULL)
		*id = xstrdup(rid);
	else
		*id = xstrdup(ws_id);	/* never: the service names it */
	json_object_put(o);
	return 0;
}

/* GET a version: 0 with *o (NULL when not there), or -1. */
static int
get_version(struct arm *a, const char *ws_id, const char *kind,
    const char *name, const char *version, json_object **o, struct err *err)
{
	const char	*seg[] = { kind, name, "versions", version, NULL };
	long		 status = 0;

	if (call_json(a, "GET", ws_url(a, ws_id, seg, NULL), NULL, 200, 200,
	    o, &status, err) != 0)
		return -1;
	if (status == 404) {
		json_object_put(*o);
		*o = NULL;
	}
	return 0;
}

/*
 * Whether the version is there (*there), and when its member at path is
 * want, its id in *id (else *id stays NULL).  0, or -1 with err.
 */
static int
version_there(struct arm *a, const char *ws_id, const char *kind,
    const char *name, const char *version, const char *path,
    const char *want, bool *there, char **id, struct err *err)
{
	json_object	*o;
	const char	*have;

	*there = false;
	if (get_version(a, ws_id, kind, name, version, &o, err) != 0)
		return -1;
	if (o == NULL)
		return 0;
	*there = true;
	have = json_at_raw(o, path);
	if (have != NULL && strcmp(have, want) == 0)
		*id = xstrdup(json_at_raw(o, "id") != NULL ? json_at_raw(o, "id") : "");
	json_object_put(o);
	return 0;
}

int
assets_register_model(struct arm *a, const char *ws_id, const char *path,
    const char *name, const char *version, const struct asset_progress *ap,
    char **id, struct err *err)
{
	return assets_register_model_type(a, ws_id, path, name, version,
	    "CustomModel", ap, id, err);
}

int
assets_register_model_type(struct arm *a, const char *ws_id,
    const char *path, const char *name, const char *version,
    const char *type, const struct asset_progress *ap, char **id,
    struct err *err)
{
	char		 hash[40], sub[128], rg[128], ws[128], *src, *prefix,
			*uri;
	struct afiles	 l;
	struct store	 st;
	json_object	*props;
	bool		 dir, there;
	int		 rc;

	*id = NULL;
	if (!ws_parts(ws_id, sub, rg, ws, sizeof sub))
		return err_set(err, ERR_USAGE, _("not a workspace id: %s"),
		    ws_id) ? 0 : -1;
	if ((type = asset_model_type_rest(type)) == NULL)
		return err_set(err, ERR_USAGE, _("--type must be custom_model, "
		    "mlflow_model or triton_model")) ? 0 : -1;
	if (assets_object_hash(path, hash, sizeof hash, err) != 0 ||
	    files_of(path, &l, &dir, err) != 0)
		return -1;
	if (name == NULL || *name == '\0')
		name = hash;
	if (version == NULL || *version == '\0')
		version = "1";
	src = base_name(path);
	if (asprintf(&prefix, "LocalUpload/%s%s%s", hash, dir ? "/" : "",
	    dir ? src : "") < 0 || asprintf(&uri, "azureml://subscriptions/%s/"
	    "resourcegroups/%s/workspaces/%s/datastores/%s/paths/LocalUpload/"
	    "%s/%s", sub, rg, ws, DEFAULT_DATASTORE, hash, src) < 0)
		abort();
	/* the same version with the same path: nothing to do */
	rc = version_there(a, ws_id, "models", name, version,
	    "properties.modelUri", uri, &there, id, err);
	if (rc == 0 && there && *id == NULL)
		/* TRANSLATORS: a model's name and version. */
		rc = err_set(err, ERR_USAGE, _("model %s:%s already exists "
		    "with other content; give another --version"), name,
		    version) ? 0 : -1;
	else if (rc == 0 && !there) {
		rc = store_datastore(a, ws_id, &st, err);
		if (rc == 0)
			rc = upload_files(a, &st, prefix, &l, ap, err);
		store_done(&st);
		if (rc == 0) {
			props = json_object_new_object();
			json_object_object_add(props, "modelType",
			    json_object_new_string(type));
			json_object_object_add(props, "modelUri",
			    json_object_new_string(uri));
			json_object_object_add(props, "isAnonymous",
			    json_object_new_boolean(name == hash));
			rc = put_version(a, ws_id, "models", name, version,
			    props, id, err);
		}
	}
	afiles_free(&l);
	free(src);
	free(prefix);
	free(uri);
	return rc;
}

int
assets_register_code(struct arm *a, const char *ws_id, const char *dir,
    const char *name, const char *version, const struct asset_progress *ap,
    char **id, struct err *err)
{
	char		 chash[72], ohash[40], sub[128], rg[128], ws[128], *src,
			*uri = NULL, *prefix;
	struct afiles	 l;
	struct store	 st;
	json_object	*props, *pp;
	bool		 is_dir, there;
	int		 rc;

	*id = NULL;
	if (!ws_parts(ws_id, sub, rg, ws, sizeof sub))
		return err_set(err, ERR_USAGE, _("not a workspace id: %s"),
		    ws_id) ? 0 : -1;
	if (assets_hashes(dir, ohash, sizeof ohash, chash, sizeof chash,
	    err) != 0 || files_of(dir, &l, &is_dir, err) != 0)
		return -1;
	if (name == NULL || *name == '\0')
		name = chash;
	if (version == NULL || *version == '\0')
		version = "1";
	src = base_name(dir);
	rc = version_there(a, ws_id, "codes", name, version,
	    "properties.properties.hash_sha256", chash, &there, id, err);
	if (rc == 0 && there && *id == NULL)
		/* azure-ai-ml's _code_operations.py message */
		rc = err_set(err, ERR_USAGE, _("the code asset %s:%s is "
		    "already linked to other content; give another name or "
		    "version"), name, version) ? 0 : -1;
	if (rc != 0 || there)
		goto out;
	if (asset_api_has_pending_upload(ASSETS_API)) {
		rc = store_pending(a, ws_id, name, version, &st, err);
		prefix = xstrdup(src);
	} else {
		rc = store_datastore(a, ws_id, &st, err);
		if (asprintf(&prefix, "LocalUpload/%s/%s", ohash, src) < 0)
			abort();
	}
	if (rc == 0 && !is_dir) {
		/* a single file is its own prefix's only file */
		free(l.v[0].rel);
		l.v[0].rel = xstrdup("");
	}
	if (rc == 0)
		rc = upload_files(a, &st, prefix, &l, ap, err);
	if (rc == 0)
		uri = blob_join(st.container_url, prefix);
	if (rc == 0 && st.datastore != NULL) {
		free(uri);
		if (asprintf(&uri, "azureml://subscriptions/%s/resourcegroups/"
		    "%s/workspaces/%s/datastores/%s/paths/%s", sub, rg, ws,
		    st.datastore, prefix) < 0)
			abort();
	}
	store_done(&st);
	free(prefix);
	if (rc == 0) {
		props = json_object_new_object();
		pp = json_object_new_object();
		json_object_object_add(pp, "hash_sha256",
		    json_object_new_string(chash));
		json_object_object_add(pp, "hash_version",
		    json_object_new_string(CONTENT_HASH_VERSION));
		json_object_object_add(props, "codeUri",
		    json_object_new_string(uri));
		json_object_object_add(props, "isAnonymous",
		    json_object_new_boolean(name == chash));
		json_object_object_add(props, "properties", pp);
		rc = put_version(a, ws_id, "codes", name, version, props, id,
		    err);
	}
out:
	afiles_free(&l);
	free(src);
	free(uri);
	return rc;
}

/* A whole small text file, or NULL + err. */
static char *
slurp(const char *path, struct err *err)
{
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;
	FILE		*fp = fopen(path, "r");

	if (fp == NULL) {
		err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	buf_init(&b, 1024 * 1024);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (!buf_add(&b, chunk, n)) {
			fclose(fp);
			buf_done(&b);
			err_set(err, ERR_IO, _("%s is larger than 1 MB"), path);
			return NULL;
		}
	fclose(fp);
	return buf_take(&b);
}

/* Whether two optional strings are the same text. */
static bool
same_text(const char *a, const char *b)
{
	return (a == NULL || *a == '\0') ? (b == NULL || *b == '\0') :
	    b != NULL && strcmp(a, b) == 0;
}

/*
 * The workspace's environment name:version when it is there with this
 * image and conda file: 1 with *id, 0 when it is not there, -1 with err
 * when it is there with others (a version never changes) or unread.
 * A register or copy asks first, so that a run resumed after its PUT
 * finds the version and sends nothing again.
 */
static int
environment_there(struct arm *a, const char *ws_id, const char *name,
    const char *version, const char *image, const char *conda, char **id,
    struct err *err)
{
	json_object	*o;
	int		 rc;

	if (get_version(a, ws_id, "environments", name, version, &o, err) != 0)
		return -1;
	if (o == NULL)
		return 0;
	rc = same_text(json_at_raw(o, "properties.image"), image) &&
	    same_text(json_at_raw(o, "properties.condaFile"), conda) ? 1 : -1;
	if (rc == 1)
		*id = xstrdup(json_at_raw(o, "id") != NULL ? json_at_raw(o, "id") : ws_id);
	else
		/* TRANSLATORS: "the workspace has environment
		 * sklearn-1.5:28 with another image or conda file". */
		err_set(err, ERR_SERVICE, _("the workspace has "
		    "environment %s:%s with another image or conda "
		    "file; a version's image and conda file never "
		    "change"), name, version);
	json_object_put(o);
	return rc;
}

int
assets_register_environment(struct arm *a, const char *ws_id,
    const char *image, const char *conda_file, const char *name,
    const char *version, char **id, struct err *err)
{
	json_object	*props;
	char		*conda = NULL, ver[40];
	unsigned char	 d[EVP_MAX_MD_SIZE];
	unsigned	 dl = 0;
	bool		 anon;
	int		 rc;

	*id = NULL;
	if (image == NULL || *image == '\0')
		return err_set(err, ERR_USAGE, _("an environment needs an "
		    "image")) ? 0 : -1;
	if (conda_file != NULL && *conda_file != '\0' &&
	    (conda = slurp(conda_file, err)) == NULL)
		return -1;
	anon = name == NULL || *name == '\0';
	if (anon)
		name = ANON_ENVIRONMENT;
	if (version == NULL || *version == '\0') {
		EVP_MD_CTX *md = EVP_MD_CTX_new();

		EVP_DigestInit_ex(md, EVP_md5(), NULL);
		if (conda != NULL)
			EVP_DigestUpdate(md, conda, strlen(conda));
		EVP_DigestUpdate(md, image, strlen(image));
		EVP_DigestFinal_ex(md, d, &dl);
		EVP_MD_CTX_free(md);
		hex(d, dl, ver, sizeof ver);
		version = ver;
	}
	if ((rc = environment_there(a, ws_id, name, version, image, conda, id,
	    err)) != 0) {
		free(conda);
		return rc < 0 ? -1 : 0;
	}
	props = json_object_new_object();
	json_object_object_add(props, "image", json_object_new_string(image));
	if (conda != NULL)
		json_object_object_add(props, "condaFile",
		    json_object_new_string(conda));
	json_object_object_add(props, "osType",
	    json_object_new_string("Linux"));
	json_object_object_add(props, "isAnonymous",
	    json_object_new_boolean(anon));
	rc = put_version(a, ws_id, "environments", name, version, props, id,
	    err);
	free(conda);
	return rc;
}

int
assets_copy_environment(struct arm *a, const char *ws_id, const char *name,
    const char *version, const char *image, const char *conda,
    const char *inference, const char *description, char **id, bool *sent,
    struct err *err)
{
	json_object	*props, *ic;
	int		 rc;

	*id = NULL;
	*sent = false;
	if ((rc = environment_there(a, ws_id, name, version, image, conda, id,
	    err)) != 0)
		return rc < 0 ? -1 : 0;
	props = json_object_new_object();
	if (description != NULL)
		json_object_object_add(props, "description",
		    json_object_new_string(description));
	json_object_object_add(props, "image", json_object_new_string(image));
	if (conda != NULL && *conda != '\0')
		json_object_object_add(props, "condaFile",
		    json_object_new_string(conda));
	if (inference != NULL && (ic = json_tokener_parse(inference)) != NULL)
		json_object_object_add(props, "inferenceConfig", ic);
	json_object_object_add(props, "osType",
	    json_object_new_string("Linux"));
	json_object_object_add(props, "isAnonymous",
	    json_object_new_boolean(0));
	if (put_version(a, ws_id, "environments", name, version, props, id,
	    err) != 0)
		return -1;
	*sent = true;
	return 0;
}

static const char *
kind_segment(enum asset_kind k)
{
	return k == ASSET_MODEL ? "models" : k == ASSET_CODE ? "codes" :
	    "environments";
}

/* One item of a list or a GET: a version, or (container) a name. */
static void
version_from(json_object *e, bool container, struct asset_version *v)
{
	memset(v, 0, sizeof *v);
	v->id = json_at_text(e, "id");
	v->description = json_at_text(e, "properties.description");
	v->provisioning_state = json_at_text(e, "properties.provisioningState");
	v->created = json_at_text(e, "systemData.createdAt");
	if (container) {
		v->name = json_at_text(e, "name");
		v->version = json_at_text(e, "properties.latestVersion");
		return;
	}
	/* a version's "name" is its version; the asset's name is in id */
	v->version = json_at_text(e, "name");
	if (v->id != NULL) {
		const char *p = strstr(v->id, "/versions/"), *s;

		if (p != NULL) {
			for (s = p; s > v->id && s[-1] != '/'; s--)
				;
			v->name = xstrndup(s, (size_t)(p - s));
		}
	}
	v->uri = json_at_text(e, "properties.modelUri");
	if (v->uri == NULL)
		v->uri = json_at_text(e, "properties.codeUri");
	if (v->uri == NULL)
		v->uri = json_at_text(e, "properties.image");
	v->model_type = json_at_text(e, "properties.modelType");
	v->conda_file = json_at_text(e, "properties.condaFile");
}

static bool
parse_page(const char *body, void *list, char **next, bool container,
    struct err *err)
{
	struct asset_list	*l = list;
	json_object		*o = json_tokener_parse(body), *v;
	const char		*n;

	*next = NULL;
	if ((v = json_at(o, "value", json_type_array)) == NULL) {
		json_object_put(o);
		return err_set(err, ERR_PARSE, _("the service's list has no "
		    "\"value\""));
	}
	for (size_t i = 0; i < json_object_array_length(v); i++) {
		if (l->n == l->alloc) {
			l->alloc = l->alloc ? 2 * l->alloc : 8;
			l->v = xreallocarray(l->v, l->alloc, sizeof *l->v);
		}
		version_from(json_object_array_get_idx(v, i), container,
		    &l->v[l->n++]);
	}
	if ((n = json_at_raw(o, "nextLink")) != NULL && *n != '\0')
		*next = xstrdup(n);
	json_object_put(o);
	return true;
}

static bool
parse_versions_page(const char *body, void *list, char **next,
    struct err *err)
{
	return parse_page(body, list, next, false, err);
}

static bool
parse_containers_page(const char *body, void *list, char **next,
    struct err *err)
{
	return parse_page(body, list, next, true, err);
}

static void
list_drop(void *l)
{
	asset_list_free(l);
}

int
assets_list(struct arm *a, const char *ws_id, enum asset_kind k,
    const char *name, struct asset_list *l, struct err *err)
{
	const char	*cseg[] = { kind_segment(k), NULL };
	const char	*vseg[] = { kind_segment(k), name, "versions", NULL };

	memset(l, 0, sizeof *l);
	if (name == NULL)
		return arm_list_pages(a, ws_url(a, ws_id, cseg, NULL),
		    parse_containers_page, list_drop, l, err) ? 0 : -1;
	return arm_list_pages(a, ws_url(a, ws_id, vseg, NULL),
	    parse_versions_page, list_drop, l, err) ? 0 : -1;
}

int
assets_show(struct arm *a, const char *ws_id, enum asset_kind k,
    const char *name, const char *version, struct asset_version *v,
    bool *found, struct err *err)
{
	json_object	*o;

	memset(v, 0, sizeof *v);
	*found = false;
	if (get_version(a, ws_id, kind_segment(k), name, version, &o, err) !=
	    0)
		return -1;
	if (o != NULL) {
		version_from(o, false, v);
		*found = true;
		json_object_put(o);
	}
	return 0;
}

void
asset_version_done(struct asset_version *v)
{
	free(v->id);
	free(v->name);
	free(v->version);
	free(v->uri);
	free(v->model_type);
	free(v->conda_file);
	free(v->description);
	free(v->provisioning_state);
	free(v->created);
	memset(v, 0, sizeof *v);
}

void
asset_list_free(struct asset_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		asset_version_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}
