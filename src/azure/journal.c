/*
 * The operation journal (journal.h).  Each write goes to a temporary file
 * in the same directory, is fsync()ed and renamed over the old one, so a
 * kill -9 at any moment leaves either the previous or the new version,
 * never a torn one.  The plan is stored as a JSON object inside the entry.
 */
#include "config.h"
#include "azure/journal.h"

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
#include <openssl/rand.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#define JOURNAL_MAX_BYTES	(1024 * 1024)

/* mkdir -p with mode 0700 for the directories it creates. */
static bool
mkdirs(char *path, struct err *err)
{
	char	*p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			int e = errno;

			*p = '/';
			return err_set(err, ERR_IO, _("cannot create %s: %s"),
			    path, strerror(e));
		}
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return err_set(err, ERR_IO, _("cannot create %s: %s"), path,
		    strerror(errno));
	return true;
}

/* The journal directory, made 0700 if missing. */
bool
journal_dir(char *buf, size_t len, struct err *err)
{
	const char	*state = getenv("XDG_STATE_HOME"), *home;
	int		 n;

	if (state != NULL && state[0] == '/')
		n = snprintf(buf, len, "%s/akswiz/operations", state);
	else {
		if ((home = getenv("HOME")) == NULL || home[0] == '\0')
			return err_set(err, ERR_IO, _("neither XDG_STATE_HOME "
			    "nor HOME is set: nowhere to keep the operation "
			    "journal"));
		n = snprintf(buf, len, "%s/.local/state/akswiz/operations",
		    home);
	}
	if (n < 0 || (size_t)n >= len)
		return err_set(err, ERR_IO, _("the journal directory's path "
		    "is too long"));
	return mkdirs(buf, err);
}

/* A fresh, open entry started now. */
void
journal_entry_init(struct journal_entry *e)
{
	memset(e, 0, sizeof *e);
	e->open = true;
	e->step = 1;
	e->nsteps = 1;
	e->started = e->updated = clock_now();
}

/* Free what the entry owns. */
void
journal_entry_done(struct journal_entry *e)
{
	free(e->plan_json);
	e->plan_json = NULL;
}

/* Add a string member, null when empty. */
static void
add_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v != NULL && *v != '\0' ?
	    json_object_new_string(v) : NULL);
}

/* Add an ISO 8601 time member. */
static void
add_time(json_object *o, const char *k, time_t t)
{
	char	buf[32];

	clock_format_iso8601(t, buf, sizeof buf);
	json_object_object_add(o, k, json_object_new_string(buf));
}

/* "computeId": the ARM ID in the resource URL (no host, no query). */
static void
add_compute_id(json_object *o, const char *url)
{
	const char	*p = strstr(url, "/subscriptions/"), *q;
	char		*id;

	if (p == NULL) {
		json_object_object_add(o, "computeId", NULL);
		return;
	}
	q = strchr(p, '?');
	id = q != NULL ? xstrndup(p, (size_t)(q - p)) : xstrdup(p);
	json_object_object_add(o, "computeId", json_object_new_string(id));
	free(id);
}

/* The entry as its JSON document (caller frees). */
char *
journal_to_json(const struct journal_entry *e)
{
	json_object	*o = json_object_new_object(), *err, *plan = NULL;
	char		*s;

	json_object_object_add(o, "version",
	    json_object_new_int(JOURNAL_VERSION));
	add_str(o, "id", e->id);
	json_object_object_add(o, "open", json_object_new_boolean(e->open));
	add_str(o, "result", e->result);
	add_str(o, "operation", e->operation);
	add_str(o, "subscription", e->subscription);
	add_str(o, "resourceGroup", e->resource_group);
	add_str(o, "workspace", e->workspace);
	add_str(o, "compute", e->compute);
	json_object_object_add(o, "step", json_object_new_int(e->step));
	json_object_object_add(o, "steps", json_object_new_int(e->nsteps));
	add_str(o, "stepName", e->step_name);
	add_str(o, "method", e->method);
	add_compute_id(o, e->resource_url);
	add_str(o, "resourceUrl", e->resource_url);
	add_str(o, "pollKind", e->poll_kind);
	add_str(o, "operationUrl", e->operation_url);
	add_time(o, "startTime", e->started);
	add_time(o, "updateTime", e->updated);
	add_str(o, "state", e->state);
	if (e->error_code[0] != '\0' || e->error_message[0] != '\0') {
		err = json_object_new_object();
		add_str(err, "code", e->error_code);
		add_str(err, "message", e->error_message);
		json_object_object_add(o, "error", err);
	} else
		json_object_object_add(o, "error", NULL);
	if (e->plan_json != NULL)
		plan = json_tokener_parse(e->plan_json);
	json_object_object_add(o, "plan", plan);
	s = xstrdup(json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return s;
}

/* Write data to path through a temporary file and rename(2). */
static bool
write_atomic(const char *path, const char *data, struct err *err)
{
	char	 tmp[1100];
	size_t	 len = strlen(data), off = 0;
	ssize_t	 n;
	int	 fd;

	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600))
	    < 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), tmp,
		    strerror(errno));
	while (off < len) {
		if ((n = write(fd, data + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			err_set(err, ERR_IO, _("cannot write %s: %s"), tmp,
			    strerror(errno));
			close(fd);
			unlink(tmp);
			return false;
		}
		off += (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		err_set(err, ERR_IO, _("cannot write %s: %s"), tmp,
		    strerror(errno));
		unlink(tmp);
		return false;
	}
	if (rename(tmp, path) != 0) {
		err_set(err, ERR_IO, _("cannot rename %s: %s"), tmp,
		    strerror(errno));
		unlink(tmp);
		return false;
	}
	return true;
}

/* Rewrite the entry's file atomically, updated now. */
bool
journal_write(struct journal_entry *e, struct err *err)
{
	char	*s;
	bool	 ok;

	e->updated = clock_now();
	s = journal_to_json(e);
	ok = write_atomic(e->path, s, err);
	free(s);
	return ok;
}

/* Name the entry's file (time, compute, random) and write it. */
bool
journal_create(struct journal_entry *e, struct err *err)
{
	char		 dir[900], stamp[32], *p;
	unsigned char	 rnd[3];
	struct tm	 tm;
	time_t		 t = e->started;

	if (!journal_dir(dir, sizeof dir, err))
		return false;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	if (RAND_bytes(rnd, sizeof rnd) != 1)
		rnd[0] = rnd[1] = rnd[2] = (unsigned char)getpid();
	snprintf(e->id, sizeof e->id, "%s-%.40s-%02x%02x%02x", stamp,
	    e->compute[0] != '\0' ? e->compute : "op", rnd[0], rnd[1], rnd[2]);
	/* The compute name is validated, but keep the file name tame. */
	for (p = e->id; *p != '\0'; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	snprintf(e->path, sizeof e->path, "%s/%s.json", dir, e->id);
	return journal_write(e, err);
}

/* Close the entry with its result and write it. */
bool
journal_finish(struct journal_entry *e, const char *result, const char *code,
    const char *message, struct err *err)
{
	e->open = false;
	snprintf(e->result, sizeof e->result, "%s", result);
	if (code != NULL)
		snprintf(e->error_code, sizeof e->error_code, "%s", code);
	if (message != NULL)
		snprintf(e->error_message, sizeof e->error_message, "%s",
		    message);
	return journal_write(e, err);
}

/* Copy a string member into dst ("" if absent). */
static void
get_str(json_object *o, const char *k, char *dst, size_t len)
{
	json_object	*v;

	dst[0] = '\0';
	if (json_object_object_get_ex(o, k, &v) &&
	    json_object_is_type(v, json_type_string))
		snprintf(dst, len, "%s", json_object_get_string(v));
}

/* An ISO 8601 time member; 0 if absent or malformed. */
static time_t
get_time(json_object *o, const char *k)
{
	char	buf[40];
	time_t	t = 0;

	get_str(o, k, buf, sizeof buf);
	if (buf[0] != '\0' && !clock_parse_iso8601(buf, &t))
		t = 0;
	return t;
}

/* Read an entry from its file. */
bool
journal_read(const char *path, struct journal_entry *e, struct err *err)
{
	json_object	*o, *v, *er;
	FILE		*fp;
	char		*data;
	size_t		 n;

	journal_entry_init(e);
	if ((fp = fopen(path, "r")) == NULL)
		return err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
	data = xmalloc(JOURNAL_MAX_BYTES + 1);
	n = fread(data, 1, JOURNAL_MAX_BYTES, fp);
	fclose(fp);
	data[n] = '\0';
	o = json_tokener_parse(data);
	free(data);
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return err_set(err, ERR_PARSE, _("%s is not a journal entry"),
		    path);
	}
	snprintf(e->path, sizeof e->path, "%s", path);
	get_str(o, "id", e->id, sizeof e->id);
	e->open = json_object_object_get_ex(o, "open", &v) &&
	    json_object_get_boolean(v);
	get_str(o, "result", e->result, sizeof e->result);
	get_str(o, "operation", e->operation, sizeof e->operation);
	get_str(o, "subscription", e->subscription, sizeof e->subscription);
	get_str(o, "resourceGroup", e->resource_group,
	    sizeof e->resource_group);
	get_str(o, "workspace", e->workspace, sizeof e->workspace);
	get_str(o, "compute", e->compute, sizeof e->compute);
	if (json_object_object_get_ex(o, "step", &v))
		e->step = json_object_get_int(v);
	if (json_object_object_get_ex(o, "steps", &v))
		e->nsteps = json_object_get_int(v);
	get_str(o, "stepName", e->step_name, sizeof e->step_name);
	get_str(o, "method", e->method, sizeof e->method);
	get_str(o, "resourceUrl", e->resource_url, sizeof e->resource_url);
	get_str(o, "pollKind", e->poll_kind, sizeof e->poll_kind);
	get_str(o, "operationUrl", e->operation_url, sizeof e->operation_url);
	e->started = get_time(o, "startTime");
	e->updated = get_time(o, "updateTime");
	get_str(o, "state", e->state, sizeof e->state);
	if (json_object_object_get_ex(o, "error", &er) &&
	    json_object_is_type(er, json_type_object)) {
		get_str(er, "code", e->error_code, sizeof e->error_code);
		get_str(er, "message", e->error_message,
		    sizeof e->error_message);
	}
	if (json_object_object_get_ex(o, "plan", &v) &&
	    json_object_is_type(v, json_type_object))
		e->plan_json = xstrdup(json_object_to_json_string_ext(v,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	if (e->step < 1 || e->nsteps < e->step || e->resource_url[0] == '\0')
		return err_set(err, ERR_PARSE, _("%s is not a complete "
		    "journal entry"), path);
	return true;
}

/* Oldest first, then by id. */
static int
cmp_entry(const void *a, const void *b)
{
	const struct journal_entry *x = a, *y = b;

	if (x->started != y->started)
		return x->started < y->started ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Every (open) entry of the journal directory. */
bool
journal_list(struct journal_list *l, bool open_only, struct err *err)
{
	char		 dir[900], path[1200];
	DIR		*d;
	struct dirent	*de;
	struct err	 ignore;
	size_t		 len;

	memset(l, 0, sizeof *l);
	if (!journal_dir(dir, sizeof dir, err))
		return false;
	if ((d = opendir(dir)) == NULL)
		return err_set(err, ERR_IO, _("cannot read %s: %s"), dir,
		    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		if (l->n == l->alloc) {
			l->alloc = l->alloc ? l->alloc * 2 : 8;
			l->v = xreallocarray(l->v, l->alloc, sizeof *l->v);
		}
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		/* A damaged entry is skipped, not fatal for the others. */
		if (!journal_read(path, &l->v[l->n], &ignore) ||
		    (open_only && !l->v[l->n].open)) {
			journal_entry_done(&l->v[l->n]);
			continue;
		}
		l->n++;
	}
	closedir(d);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp_entry);
	return true;
}

/* Free the list and its entries. */
void
journal_list_free(struct journal_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		journal_entry_done(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

bool
journal_entry_on_endpoint(const struct journal_entry *e, const char *endpoint)
{
	size_t	n = strlen(endpoint);

	return n > 0 && strncasecmp(e->resource_url, endpoint, n) == 0 &&
	    (e->resource_url[n] == '/' || e->resource_url[n] == '\0');
}
