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
#include <ctype.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "common/atomicfile.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"
#include "plan/plan-steps.h"

#define JOURNAL_MAX_BYTES	(1024 * 1024)

/* The journal directory, made 0700 if missing. */
bool
journal_dir(char *buf, size_t len, struct err *err)
{
	return xdgdir_make(XDGDIR_STATE, "operations", false, buf, len, err);
}

/* The --sandbox world of this process and its endpoint now, or "". */
static char	world_id[40];
static char	world_endpoint[256];

void
journal_use_world(const char *id, const char *endpoint)
{
	snprintf(world_id, sizeof world_id, "%s", id);
	snprintf(world_endpoint, sizeof world_endpoint, "%s", endpoint);
}

/* Move url to the world's endpoint: its origin replaced, the rest kept. */
static void
world_rebase(char *url, size_t len)
{
	const char	*scheme = strstr(url, "://"), *path;
	char		 moved[JOURNAL_URL_LEN];

	if (url[0] == '\0' || scheme == NULL)
		return;
	path = scheme + 3 + strcspn(scheme + 3, "/");
	if ((size_t)snprintf(moved, sizeof moved, "%s%s", world_endpoint,
	    path) < len)
		snprintf(url, len, "%s", moved);
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
	snprintf(e->sandbox_world, sizeof e->sandbox_world, "%s", world_id);
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
	json_object	*steps, *list, *st;
	char		*s;
	int		 i;

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
	steps = json_object_new_array();
	list = json_object_new_array();
	for (i = 0; i < e->nsteps && i < JOURNAL_STEPS_MAX; i++) {
		json_object_array_add(steps, e->steps[i].result[0] != '\0' ?
		    json_object_new_string(e->steps[i].result) : NULL);
		st = json_object_new_object();
		add_str(st, "kind", e->steps[i].kind);
		add_str(st, "target", e->steps[i].target);
		add_str(st, "state", e->steps[i].state);
		add_str(st, "result", e->steps[i].result);
		add_str(st, "pollKind", e->steps[i].poll_kind);
		add_str(st, "operationUrl", e->steps[i].operation_url);
		json_object_array_add(list, st);
	}
	json_object_object_add(o, "stepResults", steps);
	json_object_object_add(o, "stepList", list);
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
	if (e->sandbox_world[0] != '\0')
		add_str(o, "sandboxWorld", e->sandbox_world);
	s = xstrdup(json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return s;
}

/* The current step's progress into its place in e->steps. */
static void
sync_current(struct journal_entry *e)
{
	struct journal_step	*st;

	if (e->step < 1 || e->step > JOURNAL_STEPS_MAX)
		return;
	st = &e->steps[e->step - 1];
	snprintf(st->state, sizeof st->state, "%s", e->state);
	snprintf(st->poll_kind, sizeof st->poll_kind, "%s", e->poll_kind);
	snprintf(st->operation_url, sizeof st->operation_url, "%s",
	    e->operation_url);
}

/* Rewrite the entry's file atomically, updated now. */
bool
journal_write(struct journal_entry *e, struct err *err)
{
	char	*s;
	bool	 ok;

	e->updated = clock_now();
	sync_current(e);
	s = journal_to_json(e);
	ok = atomicfile_write(e->path, s, strlen(s), 0600, err);
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
	if (e->step >= 1 && e->step <= JOURNAL_STEPS_MAX &&
	    e->steps[e->step - 1].result[0] == '\0')
		snprintf(e->steps[e->step - 1].result,
		    sizeof e->steps[0].result, "%s", result);
	if (code != NULL)
		snprintf(e->error_code, sizeof e->error_code, "%s", code);
	if (message != NULL)
		snprintf(e->error_message, sizeof e->error_message, "%s",
		    message);
	return journal_write(e, err);
}

/*
 * Reading.  An entry is checked member by member: a file that is not
 * what journal_to_json() writes is damaged, and says how.
 */

/* A JSON type for "member X is a string, not an integer". */
static const char *
type_phrase(json_type t)
{
	switch (t) {
	case json_type_boolean:	return "a boolean";
	case json_type_double:	return "a number";
	case json_type_int:	return "an integer";
	case json_type_object:	return "an object";
	case json_type_array:	return "an array";
	case json_type_string:	return "a string";
	case json_type_null:	break;
	}
	return "null";
}

static const char *
type_name(json_object *v)
{
	return type_phrase(v == NULL ? json_type_null :
	    json_object_get_type(v));
}

/* Member k of type t (null and absent allowed unless required). */
static bool
member(json_object *o, const char *k, json_type t, bool required,
    json_object **v, char *what, size_t len)
{
	*v = NULL;
	if (!json_object_object_get_ex(o, k, v) || *v == NULL) {
		*v = NULL;
		if (!required)
			return true;
		snprintf(what, len, _("member \"%s\" is missing"), k);
		return false;
	}
	if (json_object_is_type(*v, t))
		return true;
	/* TRANSLATORS: "member "step" is a string, not an integer"; the
	 * JSON types are not translated. */
	snprintf(what, len, _("member \"%s\" is %s, not %s"), k,
	    type_name(*v), type_phrase(t));
	return false;
}

/* A string member into dst ("" if absent or null). */
static bool
get_str(json_object *o, const char *k, bool required, char *dst, size_t len,
    char *what, size_t wlen)
{
	json_object	*v;

	dst[0] = '\0';
	if (!member(o, k, json_type_string, required, &v, what, wlen))
		return false;
	if (v != NULL)
		snprintf(dst, len, "%s", json_object_get_string(v));
	if (required && dst[0] == '\0') {
		snprintf(what, wlen, _("member \"%s\" is empty"), k);
		return false;
	}
	return true;
}

/* An integer member. */
static bool
get_int(json_object *o, const char *k, int *dst, char *what, size_t len)
{
	json_object	*v;

	if (!member(o, k, json_type_int, true, &v, what, len))
		return false;
	*dst = json_object_get_int(v);
	return true;
}

/* An ISO 8601 time member; 0 if absent or null. */
static bool
get_time(json_object *o, const char *k, time_t *t, char *what, size_t len)
{
	char	buf[40];

	*t = 0;
	if (!get_str(o, k, false, buf, sizeof buf, what, len))
		return false;
	if (buf[0] != '\0' && !clock_parse_iso8601(buf, t)) {
		snprintf(what, len, _("member \"%s\" is not a time"), k);
		return false;
	}
	return true;
}

/*
 * Version 1 kept only the current step: it is the kind its name says,
 * on the compute of resourceUrl.
 */
static void
steps_from_v1(struct journal_entry *e)
{
	struct journal_step	*st = &e->steps[e->step - 1];
	const char		*p = strstr(e->resource_url, "/subscriptions/");
	enum step_kind		 k;

	if (step_kind_parse(e->step_name, &k))
		snprintf(st->kind, sizeof st->kind, "%s", step_kind_id(k));
	if (p != NULL)
		snprintf(st->target, sizeof st->target, "%.*s",
		    (int)strcspn(p, "?"), p);
	sync_current(e);
}

/* Version 2's "stepList": one object a step, nsteps of them. */
static bool
steps_from(json_object *o, struct journal_entry *e, char *what, size_t len)
{
	json_object	*v, *st;
	size_t		 k;

	if (!member(o, "stepList", json_type_array, true, &v, what, len))
		return false;
	if (json_object_array_length(v) != (size_t)e->nsteps) {
		/* TRANSLATORS: "member "stepList" holds 1 steps, not 2". */
		snprintf(what, len, _("member \"%s\" holds %zu steps, not %d"),
		    "stepList", json_object_array_length(v), e->nsteps);
		return false;
	}
	for (k = 0; k < (size_t)e->nsteps; k++) {
		st = json_object_array_get_idx(v, k);
		if (!json_object_is_type(st, json_type_object)) {
			/* TRANSLATORS: the JSON types are not translated. */
			snprintf(what, len, _("member \"%s\" holds %s, not "
			    "an object"), "stepList", type_name(st));
			return false;
		}
		if (!get_str(st, "kind", false, e->steps[k].kind,
		    sizeof e->steps[k].kind, what, len) ||
		    !get_str(st, "target", false, e->steps[k].target,
		    sizeof e->steps[k].target, what, len) ||
		    !get_str(st, "state", false, e->steps[k].state,
		    sizeof e->steps[k].state, what, len) ||
		    !get_str(st, "result", false, e->steps[k].result,
		    sizeof e->steps[k].result, what, len) ||
		    !get_str(st, "pollKind", false, e->steps[k].poll_kind,
		    sizeof e->steps[k].poll_kind, what, len) ||
		    !get_str(st, "operationUrl", false,
		    e->steps[k].operation_url,
		    sizeof e->steps[k].operation_url, what, len))
			return false;
	}
	return true;
}

/* The members of an entry's document; false + what on the first fault. */
static bool
entry_from(json_object *o, struct journal_entry *e, char *what, size_t len)
{
	json_object	*v, *er;
	int		 version;
	size_t		 k;

	if (!json_object_is_type(o, json_type_object)) {
		snprintf(what, len, _("it is JSON but %s, not an object"),
		    type_name(o));
		return false;
	}
	if (!get_int(o, "version", &version, what, len))
		return false;
	if (version != 1 && version != JOURNAL_VERSION) {
		snprintf(what, len, _("it is of version %d; this akswiz reads "
		    "version %d"), version, JOURNAL_VERSION);
		return false;
	}
	if (!member(o, "open", json_type_boolean, true, &v, what, len))
		return false;
	e->open = json_object_get_boolean(v);
	if (!get_str(o, "id", false, e->id, sizeof e->id, what, len) ||
	    !get_str(o, "result", false, e->result, sizeof e->result, what,
	    len) ||
	    !get_str(o, "operation", false, e->operation, sizeof e->operation,
	    what, len) ||
	    !get_str(o, "subscription", false, e->subscription,
	    sizeof e->subscription, what, len) ||
	    !get_str(o, "resourceGroup", false, e->resource_group,
	    sizeof e->resource_group, what, len) ||
	    !get_str(o, "workspace", false, e->workspace, sizeof e->workspace,
	    what, len) ||
	    !get_str(o, "compute", true, e->compute, sizeof e->compute, what,
	    len) ||
	    !get_int(o, "step", &e->step, what, len) ||
	    !get_int(o, "steps", &e->nsteps, what, len) ||
	    !get_str(o, "stepName", false, e->step_name, sizeof e->step_name,
	    what, len) ||
	    !get_str(o, "method", true, e->method, sizeof e->method, what,
	    len) ||
	    !get_str(o, "resourceUrl", true, e->resource_url,
	    sizeof e->resource_url, what, len) ||
	    !get_str(o, "pollKind", false, e->poll_kind, sizeof e->poll_kind,
	    what, len) ||
	    !get_str(o, "operationUrl", false, e->operation_url,
	    sizeof e->operation_url, what, len) ||
	    !get_time(o, "startTime", &e->started, what, len) ||
	    !get_time(o, "updateTime", &e->updated, what, len) ||
	    !get_str(o, "state", false, e->state, sizeof e->state, what, len) ||
	    !get_str(o, "sandboxWorld", false, e->sandbox_world,
	    sizeof e->sandbox_world, what, len))
		return false;
	if (e->sandbox_world[0] != '\0' && world_endpoint[0] != '\0' &&
	    strcmp(e->sandbox_world, world_id) == 0) {
		/* this world, maybe on another port now */
		world_rebase(e->resource_url, sizeof e->resource_url);
		world_rebase(e->operation_url, sizeof e->operation_url);
	}
	if (e->nsteps < 1 || e->nsteps > JOURNAL_STEPS_MAX || e->step < 1 ||
	    e->step > e->nsteps) {
		snprintf(what, len, _("it is at step %d of %d"), e->step,
		    e->nsteps);
		return false;
	}
	if (!member(o, "error", json_type_object, false, &er, what, len))
		return false;
	if (er != NULL && (!get_str(er, "code", false, e->error_code,
	    sizeof e->error_code, what, len) || !get_str(er, "message", false,
	    e->error_message, sizeof e->error_message, what, len)))
		return false;
	if (!member(o, "stepResults", json_type_array, false, &v, what, len))
		return false;
	for (k = 0; v != NULL && k < json_object_array_length(v) &&
	    k < JOURNAL_STEPS_MAX; k++) {
		json_object *r = json_object_array_get_idx(v, k);

		if (r != NULL && !json_object_is_type(r, json_type_string)) {
			snprintf(what, len, _("member \"%s\" holds %s, not "
			    "a string"), "stepResults", type_name(r));
			return false;
		}
		snprintf(e->steps[k].result, sizeof e->steps[k].result, "%s",
		    r != NULL ? json_object_get_string(r) : "");
	}
	if (version == 1)
		steps_from_v1(e);
	else if (!steps_from(o, e, what, len))
		return false;
	if (!member(o, "plan", json_type_object, false, &v, what, len))
		return false;
	if (v != NULL)
		e->plan_json = xstrdup(json_object_to_json_string_ext(v,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	return true;
}

/* "50.0 MB", "812 KB". */
static void
size_text(off_t n, char *buf, size_t len)
{
	if (n >= 1024 * 1024)
		snprintf(buf, len, "%.1f MB", (double)n / (1024.0 * 1024.0));
	else
		snprintf(buf, len, "%lld KB", (long long)((n + 1023) / 1024));
}

/* Read and check the file; what says what is wrong. */
static bool
entry_read(const char *path, struct journal_entry *e, char *what, size_t len,
    int *ioerr)
{
	struct json_tokener	*tok;
	enum json_tokener_error	 jerr;
	json_object		*o;
	struct stat		 st;
	char			*data, size[32];
	size_t			 n, off;
	int			 fd;
	bool			 ok;

	*ioerr = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0 ||
	    fstat(fd, &st) != 0) {
		*ioerr = errno;
		snprintf(what, len, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > JOURNAL_MAX_BYTES ||
	    st.st_size == 0) {
		size_text(st.st_size, size, sizeof size);
		if (!S_ISREG(st.st_mode))
			snprintf(what, len, _("it is not a regular file"));
		else if (st.st_size == 0)
			snprintf(what, len, _("it is empty"));
		else
			snprintf(what, len, _("it is %s, more than the %d MB "
			    "an entry can be"), size,
			    JOURNAL_MAX_BYTES / (1024 * 1024));
		close(fd);
		return false;
	}
	data = xmalloc((size_t)st.st_size + 1);
	for (n = 0; n < (size_t)st.st_size; n += (size_t)off) {
		ssize_t r = read(fd, data + n, (size_t)st.st_size - n);

		if (r < 0 && errno == EINTR) {
			off = 0;
			continue;
		}
		if (r <= 0)
			break;
		off = (size_t)r;
	}
	close(fd);
	data[n] = '\0';
	tok = json_tokener_new();
	o = json_tokener_parse_ex(tok, data, (int)n);
	jerr = json_tokener_get_error(tok);
	off = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (o == NULL || jerr != json_tokener_success) {
		if (jerr == json_tokener_continue)
			snprintf(what, len, _("it ends in the middle of its "
			    "JSON document (truncated after %zu bytes)"), n);
		else
			snprintf(what, len, _("it is not JSON (%s at byte "
			    "%zu)"), json_tokener_error_desc(jerr), off);
		json_object_put(o);
		free(data);
		return false;
	}
	while (off < n && strchr(" \t\r\n", data[off]) != NULL)
		off++;
	free(data);
	if (off < n) {
		snprintf(what, len, _("it has more after its JSON document "
		    "(at byte %zu)"), off);
		json_object_put(o);
		return false;
	}
	ok = entry_from(o, e, what, len);
	json_object_put(o);
	return ok;
}

/* Read an entry from its file. */
bool
journal_read(const char *path, struct journal_entry *e, struct err *err)
{
	char	what[256];
	int	ioerr;

	journal_entry_init(e);
	if (!entry_read(path, e, what, sizeof what, &ioerr)) {
		journal_entry_done(e);
		if (ioerr != 0)
			return err_set(err, ERR_IO, _("cannot open %s: %s"),
			    path, what);
		return err_set(err, ERR_PARSE, _("journal entry %s is damaged: "
		    "%s"), path, what);
	}
	snprintf(e->path, sizeof e->path, "%s", path);
	return true;
}

/* The compute of a file name "STAMP-COMPUTE-HEX6.json", or "". */
static void
compute_of_name(const char *name, char *buf, size_t len)
{
	const char	*a = strchr(name, '-'), *b = strrchr(name, '-');

	buf[0] = '\0';
	if (a != NULL && b != NULL && b > a + 1 && strlen(b) == 12 &&
	    strcmp(b + 7, ".json") == 0)
		snprintf(buf, len, "%.*s", (int)(b - a - 1), a + 1);
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

/* Note a damaged file in the list. */
static void
list_damaged(struct journal_list *l, const char *path, const char *name,
    const char *what)
{
	struct journal_damaged	*d;

	l->damaged = xreallocarray(l->damaged, l->ndamaged + 1,
	    sizeof *l->damaged);
	d = &l->damaged[l->ndamaged++];
	memset(d, 0, sizeof *d);
	(void)strlcpy_ok(d->path, path, sizeof d->path);
	snprintf(d->what, sizeof d->what, "%s", what);
	compute_of_name(name, d->compute, sizeof d->compute);
}

/* Every (open) entry of the journal directory. */
bool
journal_list(struct journal_list *l, bool open_only, struct err *err)
{
	char		 dir[900], path[1200], what[256];
	DIR		*d;
	struct dirent	*de;
	size_t		 len;
	int		 ioerr;

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
		journal_entry_init(&l->v[l->n]);
		/* A damaged entry is listed apart, never skipped silently. */
		if (!entry_read(path, &l->v[l->n], what, sizeof what,
		    &ioerr)) {
			journal_entry_done(&l->v[l->n]);
			/* Gone since readdir: nothing to lose. */
			if (ioerr != ENOENT)
				list_damaged(l, path, de->d_name, what);
			continue;
		}
		(void)strlcpy_ok(l->v[l->n].path, path,
		    sizeof l->v[l->n].path);
		if (open_only && !l->v[l->n].open) {
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
	free(l->damaged);
	memset(l, 0, sizeof *l);
}

bool
journal_entry_on_endpoint(const struct journal_entry *e, const char *endpoint)
{
	size_t	n = strlen(endpoint);

	if (e->sandbox_world[0] != '\0' && world_id[0] != '\0')
		return strcmp(e->sandbox_world, world_id) == 0;
	return n > 0 && strncasecmp(e->resource_url, endpoint, n) == 0 &&
	    (e->resource_url[n] == '/' || e->resource_url[n] == '\0');
}

bool
journal_entry_partly_applied(const struct journal_entry *e)
{
	return !e->open && strcmp(e->result, JOURNAL_PARTLY_APPLIED) == 0;
}

/* Whether e is an entry of the compute on endpoint. */
static bool
entry_of(const struct journal_entry *e, const char *endpoint, const char *sub,
    const char *rg, const char *ws, const char *compute)
{
	return strcasecmp(e->subscription, sub) == 0 &&
	    strcasecmp(e->resource_group, rg) == 0 &&
	    strcasecmp(e->workspace, ws) == 0 &&
	    strcasecmp(e->compute, compute) == 0 &&
	    journal_entry_on_endpoint(e, endpoint);
}

bool
journal_find_partial(const char *endpoint, const char *sub, const char *rg,
    const char *ws, const char *compute, struct journal_entry *out)
{
	struct journal_list	 l;
	struct err		 err;
	const struct journal_entry *last = NULL;
	size_t			 i;

	journal_entry_init(out);
	if (!journal_list(&l, false, &err))
		return false;
	/* Oldest first: the last one of the compute is its newest. */
	for (i = 0; i < l.n; i++)
		if (entry_of(&l.v[i], endpoint, sub, rg, ws, compute))
			last = &l.v[i];
	if (last != NULL && journal_entry_partly_applied(last)) {
		*out = *last;
		out->plan_json = last->plan_json != NULL ?
		    xstrdup(last->plan_json) : NULL;
	} else
		last = NULL;
	journal_list_free(&l);
	return last != NULL;
}

/* Locks. */

void
journal_lock_init(struct journal_lock *k)
{
	k->fd = -1;
	k->path[0] = '\0';
}

bool
journal_locked(const struct journal_lock *k)
{
	return k->fd >= 0;
}

/* "COMPUTE-HASH.lock": the hash tells computes of the same name apart. */
static bool
lock_path(const char *sub, const char *rg, const char *ws,
    const char *compute, char *buf, size_t len, struct err *err)
{
	char		 dir[900], key[600], *p, name[48];
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 mdlen = 0, i;

	if (!journal_dir(dir, sizeof dir, err))
		return false;
	snprintf(key, sizeof key, "%s/%s/%s/%s", sub, rg, ws, compute);
	for (p = key; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (EVP_Digest(key, strlen(key), md, &mdlen, EVP_sha256(), NULL) != 1)
		mdlen = 0;
	/* Azure's names are without case: so are the locks'. */
	snprintf(name, sizeof name, "%.24s", compute);
	for (p = name; *p != '\0'; p++)
		*p = *p == '/' || *p == '.' ? '_' :
		    (char)tolower((unsigned char)*p);
	snprintf(buf, len, "%s/%s-", dir, name);
	for (i = 0; i < 8 && i < mdlen; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%02x", md[i]);
	strlcpy_ok(buf + strlen(buf), ".lock", len - strlen(buf));
	return true;
}

/* Write who holds the lock into its file. */
static void
lock_write(struct journal_lock *k, const char *what, const char *journal)
{
	json_object	*o = json_object_new_object();
	char		 host[256], since[32];
	const char	*s;

	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	clock_format_iso8601(clock_now(), since, sizeof since);
	json_object_object_add(o, "pid", json_object_new_int64(getpid()));
	add_str(o, "host", host);
	add_str(o, "since", since);
	add_str(o, "operation", what);
	add_str(o, "journal", journal);
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	/* Written over the old note, then cut to length: a reader never
	 * finds the file empty (lock_busy reads a cut one again). */
	if (pwrite(k->fd, s, strlen(s), 0) != (ssize_t)strlen(s) ||
	    ftruncate(k->fd, (off_t)strlen(s)) != 0)
		(void)0;	/* the lock holds without its note */
	json_object_put(o);
}

/* The holder's note in the lock file fd (NULL if unreadable). */
static json_object *
note_read(int fd)
{
	char	buf[4096];
	ssize_t	n = pread(fd, buf, sizeof buf - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	return json_tokener_parse(buf);
}

/* Member k of the note o as text ("" if absent). */
static void
note_str(json_object *o, const char *k, char *buf, size_t len)
{
	json_object	*v;

	buf[0] = '\0';
	if (o != NULL && json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, k, &v) && v != NULL)
		snprintf(buf, len, "%s", json_object_get_string(v));
}

/* Who holds the lock at path, as the busy error. */
static bool
lock_busy(const char *path, const char *compute, struct err *err)
{
	json_object	*o;
	char		 host[256], since[40], op[32], journal[1100], pid[24];
	int		 fd, tries;
	struct timespec	 pause = { 0, 10 * 1000 * 1000 };

	/*
	 * The holder writes its note just after it takes the lock (and
	 * rewrites it when it names its journal entry): a note read in
	 * between is empty or cut, so it is read again for a while.
	 */
	for (tries = 0, o = NULL; tries < 50; tries++) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
			o = note_read(fd);
			close(fd);
		}
		note_str(o, "pid", pid, sizeof pid);
		if (pid[0] != '\0')
			break;
		json_object_put(o);
		o = NULL;
		/* Real time, fake clock or not: another process writes. */
		nanosleep(&pause, NULL);
	}
	note_str(o, "pid", pid, sizeof pid);
	note_str(o, "host", host, sizeof host);
	note_str(o, "since", since, sizeof since);
	note_str(o, "operation", op, sizeof op);
	note_str(o, "journal", journal, sizeof journal);
	json_object_put(o);
	/* TRANSLATORS: "another akswiz is changing ml-inf: create by
	 * process 4242 on host since 2026-12-03T13:20:05Z"; the operation
	 * (create, attach, update, detach) is not translated. */
	err_set(err, ERR_BUSY, _("another akswiz is changing %s: %s by "
	    "process %s on %s since %s"), compute, op[0] ? op : "?",
	    pid[0] ? pid : "?", host[0] ? host : "?", since[0] ? since : "?");
	if (journal[0] != '\0')
		err_detail(err, _("Its journal entry is %s; wait for it to end "
		    "(\"akswiz watch %s\" follows it if that process is "
		    "stopped)."), journal, compute);
	else
		err_detail(err, _("Wait for it to end, then look at the "
		    "compute (\"akswiz show %s\")."), compute);
	return false;
}

bool
journal_lock(struct journal_lock *k, const char *sub, const char *rg,
    const char *ws, const char *compute, const char *what, struct err *err)
{
	struct stat	a, b;
	int		fd, tries;

	if (k->fd >= 0)
		return true;
	if (!lock_path(sub, rg, ws, compute, k->path, sizeof k->path, err))
		return false;
	for (tries = 0; tries < 10; tries++) {
		if ((fd = open(k->path, O_RDWR | O_CREAT | O_CLOEXEC |
		    O_NOFOLLOW, 0600)) < 0)
			return err_set(err, ERR_IO, _("cannot open %s: %s"),
			    k->path, strerror(errno));
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;

			close(fd);
			if (e == EWOULDBLOCK || e == EINTR)
				return lock_busy(k->path, compute, err);
			return err_set(err, ERR_IO, _("cannot lock %s: %s"),
			    k->path, strerror(e));
		}
		/* The holder before us may have removed the file meanwhile:
		 * then the lock is on a name nobody else opens.  Again. */
		if (fstat(fd, &a) == 0 && stat(k->path, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			k->fd = fd;
			lock_write(k, what, NULL);
			return true;
		}
		close(fd);
	}
	return err_set(err, ERR_IO, _("cannot lock %s: it keeps being "
	    "replaced"), k->path);
}

void
journal_lock_note(struct journal_lock *k, const char *journal_path)
{
	json_object	*o;
	char		 op[32];

	if (k->fd < 0)
		return;
	o = note_read(k->fd);
	note_str(o, "operation", op, sizeof op);
	json_object_put(o);
	lock_write(k, op, journal_path);
}

void
journal_unlock(struct journal_lock *k)
{
	if (k->fd < 0)
		return;
	/* Removed while held: whoever opens the name next makes a new one. */
	unlink(k->path);
	close(k->fd);
	k->fd = -1;
}
