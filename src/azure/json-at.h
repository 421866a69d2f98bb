/*
 * Reading a member of a service's JSON answer by a dotted path
 * ("properties.image", "blobReferenceForConsumption.credential.sasUri"):
 * NULL when a step is absent, not an object, or the value is of another
 * type.  The paths are the caller's literals; no key of theirs has a dot.
 */
#ifndef AZURE_JSON_AT_H
#define AZURE_JSON_AT_H

#include <json-c/json.h>

/* The value at path when of type t, else NULL. */
json_object	*json_at(json_object *, const char *path, json_type t);
/* The string at path as sent (a URL, an ID, a secret), else NULL. */
const char	*json_at_raw(json_object *, const char *path);
/* A copy of the string at path, escaped for a terminal (core/text.h),
 * else NULL. */
char		*json_at_text(json_object *, const char *path);
/* A copy of the string at path as sent, else NULL. */
char		*json_at_dup(json_object *, const char *path);

#endif
