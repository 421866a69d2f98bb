/*
 * jget: print one value of a JSON document read from stdin, for the
 * sandbox's shell tests (jq is not among the CI packages).
 *
 *	jget PATH	PATH is ".a.b[0].c" ("." is the whole document);
 *			strings print raw, other values as compact JSON,
 *			a missing value prints nothing and exits 1
 *	jget -l PATH	the length of the array or object at PATH
 *	jget -k PATH	the keys of the object at PATH, one a line
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

static struct json_object *
walk(struct json_object *o, const char *p)
{
	char key[256];
	size_t n;

	while (o != NULL && *p != '\0') {
		if (*p == '.') {
			p++;
			if (*p == '\0' || *p == '[')
				continue;
			n = strcspn(p, ".[");
			if (n >= sizeof key)
				return NULL;
			memcpy(key, p, n);
			key[n] = '\0';
			p += n;
			if (!json_object_is_type(o, json_type_object) ||
			    !json_object_object_get_ex(o, key, &o))
				return NULL;
		} else if (*p == '[') {
			char *end;
			long i = strtol(p + 1, &end, 10);

			if (*end != ']' || !json_object_is_type(o,
			    json_type_array) || i < 0 ||
			    (size_t)i >= json_object_array_length(o))
				return NULL;
			o = json_object_array_get_idx(o, (size_t)i);
			p = end + 1;
		} else
			return NULL;
	}
	return o;
}

int
main(int argc, char **argv)
{
	static char buf[8 << 20];
	struct json_object *root, *v;
	const char *mode = "", *path;
	size_t n;
	int rc = 0;

	if (argc == 3 && argv[1][0] == '-') {
		mode = argv[1];
		path = argv[2];
	} else if (argc == 2)
		path = argv[1];
	else {
		fprintf(stderr, "usage: jget [-l|-k] PATH < json\n");
		return 2;
	}
	n = fread(buf, 1, sizeof buf - 1, stdin);
	buf[n] = '\0';
	if ((root = json_tokener_parse(buf)) == NULL)
		return 3;
	if ((v = walk(root, path)) == NULL &&
	    !(strcmp(path, ".") == 0 && root != NULL)) {
		rc = 1;
	} else if (strcmp(mode, "-l") == 0) {
		if (json_object_is_type(v, json_type_array))
			printf("%zu\n", json_object_array_length(v));
		else if (json_object_is_type(v, json_type_object))
			printf("%d\n", json_object_object_length(v));
		else
			rc = 1;
	} else if (strcmp(mode, "-k") == 0) {
		if (json_object_is_type(v, json_type_object)) {
			json_object_object_foreach(v, k, val) {
				(void)val;
				printf("%s\n", k);
			}
		} else
			rc = 1;
	} else if (json_object_is_type(v, json_type_string))
		printf("%s\n", json_object_get_string(v));
	else
		printf("%s\n", json_object_to_json_string_ext(v,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
	return rc;
}
