/*
 * akswiz's own small cache files (cachefile.h).
 */
#include "config.h"
#include "azure/cachefile.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/atomicfile.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"

json_object *
cachefile_load(const char *path, int version, const char *list,
    enum cachefile_state *state)
{
	json_object	*o, *arr, *v;
	struct stat	 st;

	if (stat(path, &st) != 0) {
		*state = CACHEFILE_ABSENT;
		return json_object_new_array();
	}
	/* what others may write could steer what akswiz asks for */
	if (st.st_uid != geteuid() || (st.st_mode & 022) != 0) {
		*state = CACHEFILE_SHARED;
		return json_object_new_array();
	}
	o = json_object_from_file(path);
	if (o != NULL && json_object_object_get_ex(o, "version", &v) &&
	    json_object_is_type(v, json_type_int) &&
	    json_object_get_int(v) == version &&
	    json_object_object_get_ex(o, list, &arr) &&
	    json_object_is_type(arr, json_type_array)) {
		json_object_get(arr);
		json_object_put(o);
		*state = CACHEFILE_OK;
		return arr;
	}
	json_object_put(o);
	*state = CACHEFILE_DAMAGED;
	return json_object_new_array();
}

const char *
cachefile_problem(enum cachefile_state state, const char *path, char *buf,
    size_t len)
{
	if (state == CACHEFILE_SHARED)
		/* TRANSLATORS: a file's path. */
		snprintf(buf, len, _("the cache file %s may be written by "
		    "others; it is ignored"), path);
	else if (state == CACHEFILE_DAMAGED)
		/* TRANSLATORS: a file's path. */
		snprintf(buf, len, _("the cache file %s is damaged; it is "
		    "ignored and what it held is asked for again"), path);
	else
		return NULL;
	return buf;
}

void
cachefile_store(const char *dir, const char *file, int version,
    const char *list, json_object *arr)
{
	json_object	*root = json_object_new_object();
	const char	*text;
	char		*path;
	size_t		 len;
	struct err	 err;

	json_object_object_add(root, "version", json_object_new_int(version));
	json_object_object_add(root, list, json_object_get(arr));
	text = json_object_to_json_string_length(root, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	xasprintf(&path, "%s/%s", dir, file);
	/* a cache: what cannot be written is asked for again next time */
	err_clear(&err);
	if (atomicfile_mkdirs(dir, &err))
		(void)atomicfile_write(path, text, len, 0600, &err);
	json_object_put(root);
	free(path);
}
