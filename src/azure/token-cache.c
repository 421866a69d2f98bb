/*
 * The token cache (see token-cache.h).  The file is JSON, read with json-c
 * and written by hand into a buffer that is wiped afterwards, so that no
 * copy of a token outlives the write.  Writes go to a mkstemp() file in the
 * same directory (0600 from the start), fsync, rename over the old file,
 * fsync the directory: a crash leaves the old cache or the new one.
 * Access tokens are kept until they expire: a save drops expired entries
 * that have no refresh token.  Two processes saving at once do not
 * corrupt the file; the later one wins.
 */
#include "config.h"
#include "azure/token-cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "common/atomicfile.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"

#define CACHE_FILE	"tokens.json"
#define CACHE_MAX	(4 * 1024 * 1024)
#define CACHE_VERSION	1
#define TMP_PREFIX	".tokens."
#define TMP_STALE_S	60	/* a temporary file without a pid */

struct token_cache {
	char			*dir;
	char			*path;
	struct token_entry	*v;
	size_t			 n;
	char			 warning[256];	/* "" or a repaired mode */
};

void
token_entry_wipe(struct token_entry *e)
{
	if (e->access_token != NULL) {
		OPENSSL_cleanse(e->access_token, strlen(e->access_token));
		free(e->access_token);
	}
	if (e->refresh_token != NULL) {
		OPENSSL_cleanse(e->refresh_token, strlen(e->refresh_token));
		free(e->refresh_token);
	}
	e->access_token = e->refresh_token = NULL;
}

void
token_protect_process(void)
{
	static atomic_bool	done;
	struct rlimit		no_core = { 0, 0 };

	if (atomic_exchange(&done, true))
		return;
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	(void)setrlimit(RLIMIT_CORE, &no_core);
}

bool
token_entry_fresh(const struct token_entry *e, time_t now, int margin)
{
	return e->access_token != NULL && e->expires_on - margin > now;
}

/* The default directory: $XDG_CACHE_HOME/akswiz or ~/.cache/akswiz. */
static char *
default_dir(void)
{
	char		buf[1024];
	struct err	err;

	err_clear(&err);
	/* nowhere named: the working folder, as the cache always did */
	if (!xdgdir_path(XDGDIR_CACHE, NULL, buf, sizeof buf, &err))
		snprintf(buf, sizeof buf, "./.cache/akswiz");
	return xstrdup(buf);
}

/* mkdir -p (0700), and the last component narrowed to 0700. */
static bool
make_dirs(const char *dir, struct err *err)
{
	if (!atomicfile_mkdirs(dir, err))
		return false;
	/* an existing directory may have been made wider by someone */
	if (chmod(dir, 0700) != 0)
		return err_set(err, ERR_IO, _("cannot protect %s: %s"), dir,
		    strerror(errno));
	return true;
}

/* Copy a string member into a fixed field. */
static void
get_field(json_object *o, const char *key, char *dst, size_t len)
{
	json_object	*v;

	*dst = '\0';
	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string))
		strlcpy_ok(dst, json_object_get_string(v), len);
}

/* A string member as a new string, or NULL. */
static char *
get_secret(json_object *o, const char *key)
{
	json_object	*v;

	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string) &&
	    json_object_get_string_len(v) > 0)
		return xstrdup(json_object_get_string(v));
	return NULL;
}

/*
 * Remove the temporary files of writes that were interrupted (kill -9, a
 * crash): ".tokens.PID.XXXXXX" of a process that is gone, or an older
 * ".tokens.XXXXXX" a minute after it was made.  They hold tokens.
 */
static void
remove_stale_temporaries(const struct token_cache *c)
{
	(void)atomicfile_sweep_prefix(c->dir, TMP_PREFIX, TMP_STALE_S);
}

/*
 * Open the cache file for reading if it may be trusted: a regular file of
 * ours (not a link); a mode open to others is narrowed to 0600 and said.
 * -1 with errno ENOENT when there is none, -1 + err when it is refused.
 */
static int
open_trusted(struct token_cache *c, struct err *err)
{
	struct stat	st;
	int		fd;

	if ((fd = open(c->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return -1;
		/* TRANSLATORS: %s is the path of tokens.json; these
		   messages are warnings on one line of stderr. */
		if (errno == ELOOP)
			err_set(err, ERR_AUTH, _("the token cache %s is a "
			    "symbolic link; it is not used"), c->path);
		else
			err_set(err, ERR_IO, _("cannot read %s: %s"), c->path,
			    strerror(errno));
		errno = EACCES;
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		err_set(err, ERR_PARSE, _("the token cache %s is damaged; "
		    "remove it and sign in again"), c->path);
		errno = EACCES;
		return -1;
	}
	if (st.st_uid != geteuid()) {
		close(fd);
		err_set(err, ERR_AUTH, _("the token cache %s belongs to "
		    "another user (uid %ld); it is not used"), c->path,
		    (long)st.st_uid);
		errno = EACCES;
		return -1;
	}
	if ((st.st_mode & 077) != 0) {
		if (fchmod(fd, 0600) == 0)
			snprintf(c->warning, sizeof c->warning, _("the token "
			    "cache %s was readable by others; it is now "
			    "readable by you alone"), c->path);
		else {
			close(fd);
			err_set(err, ERR_AUTH, _("the token cache %s is "
			    "readable by others; it is not used"), c->path);
			errno = EACCES;
			return -1;
		}
	}
	return fd;
}

/* Read the file into the cache; a missing file is fine. */
static bool
cache_load(struct token_cache *c, struct err *err)
{
	FILE		*fp;
	struct buf	 b;
	char		 chunk[4096];
	size_t		 n, i;
	json_object	*root, *arr, *o, *v;
	int		 fd;
	bool		 ok = false;

	remove_stale_temporaries(c);
	if ((fd = open_trusted(c, err)) < 0)
		return errno == ENOENT;
	token_protect_process();
	if ((fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		return err_set(err, ERR_IO, _("cannot read %s: %s"), c->path,
		    strerror(errno));
	}
	buf_init(&b, CACHE_MAX);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (!buf_add(&b, chunk, n))
			break;
	OPENSSL_cleanse(chunk, sizeof chunk);
	fclose(fp);
	root = b.len > 0 ? json_tokener_parse(buf_str(&b)) : NULL;
	if (b.data != NULL)
		OPENSSL_cleanse(b.data, b.len);
	buf_done(&b);
	if (root != NULL && json_object_is_type(root, json_type_object) &&
	    json_object_object_get_ex(root, "version", &v) &&
	    json_object_is_type(v, json_type_int) &&
	    json_object_get_int64(v) > CACHE_VERSION) {
		/* TRANSLATORS: "format 2": the version number in the
		   file. */
		err_set(err, ERR_AUTH, _("the token cache %s was written by a "
		    "newer akswiz (format %lld); it is not used and left as "
		    "it is"), c->path, (long long)json_object_get_int64(v));
		goto out;
	}
	if (root == NULL || !json_object_is_type(root, json_type_object) ||
	    !json_object_object_get_ex(root, "entries", &arr) ||
	    !json_object_is_type(arr, json_type_array)) {
		err_set(err, ERR_PARSE, _("the token cache %s is damaged; "
		    "remove it and sign in again"), c->path);
		goto out;
	}
	for (i = 0; i < json_object_array_length(arr); i++) {
		struct token_entry	*e;

		o = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(o, json_type_object)) {
			err_set(err, ERR_PARSE, _("the token cache %s is "
			    "damaged; remove it and sign in again"), c->path);
			goto out;
		}
		c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
		e = &c->v[c->n++];
		memset(e, 0, sizeof *e);
		get_field(o, "authority", e->authority, sizeof e->authority);
		get_field(o, "tenant", e->tenant, sizeof e->tenant);
		get_field(o, "clientId", e->client_id, sizeof e->client_id);
		get_field(o, "scope", e->scope, sizeof e->scope);
		get_field(o, "method", e->method, sizeof e->method);
		e->access_token = get_secret(o, "accessToken");
		e->refresh_token = get_secret(o, "refreshToken");
		if (json_object_object_get_ex(o, "expiresOn", &v))
			e->expires_on = (time_t)json_object_get_int64(v);
	}
	ok = true;
out:
	if (root != NULL)
		json_object_put(root);
	return ok;
}

struct token_cache *
token_cache_open(const char *dir, struct err *err)
{
	struct token_cache	*c = xcalloc(1, sizeof *c);

	c->dir = dir != NULL ? xstrdup(dir) : default_dir();
	xasprintf(&c->path, "%s/%s", c->dir, CACHE_FILE);
	if (!cache_load(c, err)) {
		token_cache_free(c);
		return NULL;
	}
	return c;
}

void
token_cache_free(struct token_cache *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		token_entry_wipe(&c->v[i]);
	free(c->v);
	free(c->dir);
	free(c->path);
	free(c);
}

const char *
token_cache_path(const struct token_cache *c)
{
	return c->path;
}

const char *
token_cache_warning(const struct token_cache *c)
{
	return c->warning[0] != '\0' ? c->warning : NULL;
}

/* Whether a matches b where b's fields may be NULL (anything). */
static bool
matches(const struct token_entry *e, const char *authority,
    const char *tenant, const char *client_id, const char *scope)
{
	return (authority == NULL || strcmp(e->authority, authority) == 0) &&
	    (tenant == NULL || strcmp(e->tenant, tenant) == 0) &&
	    (client_id == NULL || strcmp(e->client_id, client_id) == 0) &&
	    (scope == NULL || strcmp(e->scope, scope) == 0);
}

const struct token_entry *
token_cache_find(const struct token_cache *c, const char *authority,
    const char *tenant, const char *client_id, const char *scope)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		if (matches(&c->v[i], authority, tenant, client_id, scope))
			return &c->v[i];
	return NULL;
}

/* A JSON string literal of s into b. */
static void
add_json_string(struct buf *b, const char *s)
{
	buf_adds(b, "\"");
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_addf(b, "\\u%04x", (unsigned char)*s);
		else
			buf_add(b, s, 1);
	}
	buf_adds(b, "\"");
}

/* Write the whole cache atomically. */
static bool
cache_save(struct token_cache *c, struct err *err)
{
	struct buf	 b;
	char		*tmp;
	size_t		 i, kept;
	bool		 ok;
	time_t		 now = clock_now();

	if (!make_dirs(c->dir, err))
		return false;
	buf_init(&b, 0);
	buf_addf(&b, "{\"version\":%d,\"entries\":[", CACHE_VERSION);
	for (i = 0, kept = 0; i < c->n; i++) {
		const struct token_entry	*e = &c->v[i];

		/* an expired access token without a refresh token is useless */
		if (e->refresh_token == NULL && e->expires_on <= now)
			continue;
		buf_adds(&b, kept++ > 0 ? ",\n{" : "\n{");
		buf_adds(&b, "\"authority\":");
		add_json_string(&b, e->authority);
		buf_adds(&b, ",\"tenant\":");
		add_json_string(&b, e->tenant);
		buf_adds(&b, ",\"clientId\":");
		add_json_string(&b, e->client_id);
		buf_adds(&b, ",\"scope\":");
		add_json_string(&b, e->scope);
		buf_adds(&b, ",\"method\":");
		add_json_string(&b, e->method);
		buf_addf(&b, ",\"expiresOn\":%lld", (long long)e->expires_on);
		buf_adds(&b, ",\"accessToken\":");
		add_json_string(&b, e->access_token);
		buf_adds(&b, ",\"refreshToken\":");
		add_json_string(&b, e->refresh_token);
		buf_adds(&b, "}");
	}
	buf_adds(&b, "\n]}\n");

	/* the pid lets a later run remove it if this one is killed */
	xasprintf(&tmp, "%s/" TMP_PREFIX "%ld.XXXXXX", c->dir, (long)getpid());
	ok = atomicfile_write_as(c->path, tmp, b.data, b.len, 0600, err);
	free(tmp);
	OPENSSL_cleanse(b.data, b.len);
	buf_done(&b);
	return ok;
}

bool
token_cache_put(struct token_cache *c, const struct token_entry *e,
    struct err *err)
{
	struct token_entry	copy;
	size_t			i;

	copy = *e;
	copy.access_token = e->access_token != NULL ?
	    xstrdup(e->access_token) : NULL;
	copy.refresh_token = e->refresh_token != NULL ?
	    xstrdup(e->refresh_token) : NULL;
	for (i = 0; i < c->n; i++)
		if (matches(&c->v[i], e->authority, e->tenant, e->client_id,
		    e->scope)) {
			token_entry_wipe(&c->v[i]);
			memmove(&c->v[i], &c->v[i + 1],
			    (c->n - i - 1) * sizeof *c->v);
			c->n--;
			break;
		}
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	memmove(&c->v[1], &c->v[0], c->n * sizeof *c->v);
	c->v[0] = copy;
	c->n++;
	return cache_save(c, err);
}

int
token_cache_remove(struct token_cache *c, const char *authority,
    const char *tenant, struct err *err)
{
	size_t	i = 0;
	int	removed = 0;

	while (i < c->n)
		if (matches(&c->v[i], authority, tenant, NULL, NULL)) {
			token_entry_wipe(&c->v[i]);
			memmove(&c->v[i], &c->v[i + 1],
			    (c->n - i - 1) * sizeof *c->v);
			c->n--;
			removed++;
		} else
			i++;
	if (removed > 0 && !cache_save(c, err))
		return -1;
	return removed;
}
