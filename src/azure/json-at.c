/* Members of JSON answers by a dotted path (json-at.h). */
#include "config.h"
#include "azure/json-at.h"

#include <stdio.h>
#include <string.h>

#include "common/xalloc.h"
#include "core/text.h"

json_object *
json_at(json_object *o, const char *path, json_type t)
{
	char		 key[64];
	const char	*p = path;
	size_t		 n;

	while (o != NULL && *p != '\0') {
		n = strcspn(p, ".");
		snprintf(key, sizeof key, "%.*s", (int)n, p);
		if (!json_object_is_type(o, json_type_object) ||
		    !json_object_object_get_ex(o, key, &o))
			return NULL;
		p += n;
		if (*p == '.')
			p++;
	}
	return o != NULL && json_object_is_type(o, t) ? o : NULL;
}

const char *
json_at_raw(json_object *o, const char *path)
{
	json_object	*v = json_at(o, path, json_type_string);

	return v != NULL ? json_object_get_string(v) : NULL;
}

char *
json_at_text(json_object *o, const char *path)
{
	const char	*s = json_at_raw(o, path);

	return s != NULL ? text_escape_dup(s, 0) : NULL;
}

char *
json_at_dup(json_object *o, const char *path)
{
	const char	*s = json_at_raw(o, path);

	return s != NULL ? xstrdup(s) : NULL;
}
