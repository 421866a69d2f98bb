/* The scope configuration file (scope-file.h). */
#include "config.h"
#include "app/scope-file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/atomicfile.h"
#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"

#define CONFIG_FILE	"config"
#define CONFIG_MAX	(256 * 1024)

enum { KEY_SUBSCRIPTION, KEY_GROUP, KEY_WORKSPACE, KEY_N };

static const char *const config_keys[KEY_N] = {
	[KEY_SUBSCRIPTION] = "subscription",
	[KEY_GROUP] = "resource-group",
	[KEY_WORKSPACE] = "workspace",
};

/* The member of scope a key sets. */
static char *
config_member(struct app_scope *sc, int key, size_t *len)
{
	switch (key) {
	case KEY_SUBSCRIPTION:
		*len = sizeof sc->subscription;
		return sc->subscription;
	case KEY_GROUP:
		*len = sizeof sc->resource_group;
		return sc->resource_group;
	default:
		*len = sizeof sc->workspace;
		return sc->workspace;
	}
}

/*
 * The key of the line [s, e) and where its value starts and ends (spaces
 * trimmed), or -1 for a comment, a blank line or another key.
 */
static int
config_line(const char *s, const char *e, const char **v, const char **ve)
{
	const char	*k, *ke, *eq;
	int		 i;

	for (k = s; k < e && (*k == ' ' || *k == '\t'); k++)
		;
	if (k == e || *k == '#' || (eq = memchr(k, '=', (size_t)(e - k))) ==
	    NULL)
		return -1;
	for (ke = eq; ke > k && (ke[-1] == ' ' || ke[-1] == '\t'); ke--)
		;
	for (*v = eq + 1; *v < e && (**v == ' ' || **v == '\t'); (*v)++)
		;
	for (*ve = e; *ve > *v && ((*ve)[-1] == ' ' || (*ve)[-1] == '\t' ||
	    (*ve)[-1] == '\r'); (*ve)--)
		;
	for (i = 0; i < KEY_N; i++)
		if (strlen(config_keys[i]) == (size_t)(ke - k) &&
		    memcmp(k, config_keys[i], (size_t)(ke - k)) == 0)
			return i;
	return -1;
}

void
app_config_parse(const char *text, struct app_scope *sc)
{
	const char	*s, *e, *v, *ve;
	char		*m;
	size_t		 len, n;
	int		 key;

	for (s = text; s != NULL && *s != '\0'; s = *e != '\0' ? e + 1 : e) {
		e = s + strcspn(s, "\n");
		if ((key = config_line(s, e, &v, &ve)) < 0)
			continue;
		m = config_member(sc, key, &len);
		if (m[0] != '\0')
			continue;	/* an option, or the key's first line */
		n = (size_t)(ve - v) < len - 1 ? (size_t)(ve - v) : len - 1;
		memcpy(m, v, n);
		m[n] = '\0';
	}
}

char *
app_config_update(const char *text, const struct app_scope *scope)
{
	struct app_scope	 sc = *scope;
	struct buf		 b;
	const char		*s, *e, *v, *ve;
	bool			 done[KEY_N] = { false };
	size_t			 len;
	int			 key;

	buf_init(&b, 0);
	for (s = text; s != NULL && *s != '\0'; s = *e != '\0' ? e + 1 : e) {
		e = s + strcspn(s, "\n");
		if ((key = config_line(s, e, &v, &ve)) < 0) {
			buf_add(&b, s, (size_t)(e - s));
			buf_add(&b, "\n", 1);
			continue;
		}
		if (done[key])
			continue;	/* a later line of the key: dropped */
		done[key] = true;
		/* the line up to its value, then the new value */
		buf_add(&b, s, (size_t)(v - s));
		if (v == ve && v > s && v[-1] == '=')
			buf_add(&b, " ", 1);
		buf_adds(&b, config_member(&sc, key, &len));
		buf_add(&b, "\n", 1);
	}
	for (key = 0; key < KEY_N; key++)
		if (!done[key])
			buf_addf(&b, "%s = %s\n", config_keys[key],
			    config_member(&sc, key, &len));
	return buf_take(&b);
}

/* The file's text (new), or NULL when it cannot be read. */
static char *
config_slurp(const char *path)
{
	FILE	*fp;
	char	*text;
	size_t	 n;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	text = xmalloc(CONFIG_MAX + 1);
	n = fread(text, 1, CONFIG_MAX, fp);
	text[n] = '\0';
	fclose(fp);
	return text;
}

void
app_config_read(struct app_scope *sc)
{
	char		 path[1024], *text;
	struct err	 err;

	err_clear(&err);
	if (!xdgdir_path(XDGDIR_CONFIG, CONFIG_FILE, path, sizeof path, &err)
	    || (text = config_slurp(path)) == NULL)
		return;
	app_config_parse(text, sc);
	free(text);
}

bool
app_config_write(const struct app_scope *sc, struct err *err)
{
	char	 path[1024], *old, *text;
	bool	 ok;

	if (!xdgdir_make(XDGDIR_CONFIG, CONFIG_FILE, true, path, sizeof path,
	    err))
		return false;
	old = config_slurp(path);
	text = app_config_update(old, sc);
	ok = atomicfile_write(path, text, strlen(text), 0600, err);
	free(old);
	free(text);
	return ok;
}
