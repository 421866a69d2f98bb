/* json_at and its string readers (azure/json-at.h), as a table. */
#include "config.h"

#include <stdlib.h>

#include "azure/json-at.h"
#include "tests/tap.h"

static const char doc[] =
    "{\"id\":\"/subscriptions/s/x\",\"properties\":{\"image\":\"mcr/a:1\","
    "\"count\":3,\"note\":\"bell\\u0007here\",\"nested\":{\"deep\":\"d\"}},"
    "\"list\":[1,2],\"nothing\":null}";

static const struct {
	const char	*what, *path, *raw, *text;
} rows[] = {
	{ "a top-level string", "id", "/subscriptions/s/x", "/subscriptions/s/x" },
	{ "one level down", "properties.image", "mcr/a:1", "mcr/a:1" },
	{ "two levels down", "properties.nested.deep", "d", "d" },
	{ "a number is not a string", "properties.count", NULL, NULL },
	{ "an array is not a string", "list", NULL, NULL },
	{ "null is not a string", "nothing", NULL, NULL },
	{ "through a string: nothing", "id.more", NULL, NULL },
	{ "through an array: nothing", "list.x", NULL, NULL },
	{ "a missing member", "properties.absent", NULL, NULL },
	{ "a missing parent", "absent.image", NULL, NULL },
	{ "control characters escaped for a terminal", "properties.note",
	  "bell\ahere", "bell^Ghere" },
};

int
main(void)
{
	json_object	*o = json_tokener_parse(doc);
	char		*text, *dup;
	size_t		 i;

	if (!ok(o != NULL, "the document parses"))
		return tap_done();
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		text = json_at_text(o, rows[i].path);
		dup = json_at_dup(o, rows[i].path);
		is_str(json_at_raw(o, rows[i].path), rows[i].raw, "%s: raw",
		    rows[i].what);
		is_str(dup, rows[i].raw, "%s: a copy as sent", rows[i].what);
		is_str(text, rows[i].text, "%s: escaped", rows[i].what);
		free(text);
		free(dup);
	}
	ok(json_at(o, "properties", json_type_object) != NULL,
	    "an object by its type");
	ok(json_at(o, "properties.count", json_type_int) != NULL,
	    "a number by its type");
	json_object_put(o);
	return tap_done();
}
