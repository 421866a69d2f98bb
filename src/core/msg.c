/* The message table (see msg.h). */
#include "config.h"
#include "core/msg.h"

#include <string.h>

#define MSG_ROW(id, singular, plural) { #id, singular, plural },
#define MSG_ROW_(id, ...) MSG_ROW(id, __VA_ARGS__)
static const struct {
	const char	*name;
	const char	*singular;
	const char	*plural;
} msg_table[] = {
	MSG_TABLE(MSG_ROW_)
};
#undef MSG_ROW_
#undef MSG_ROW

const char *
msg_format(enum msg_id id)
{
	return (unsigned)id < MSG__COUNT ? msg_table[id].singular : "";
}

const char *
msg_format_plural(enum msg_id id)
{
	return (unsigned)id < MSG__COUNT ? msg_table[id].plural : NULL;
}

const char *
msg_name(enum msg_id id)
{
	return (unsigned)id < MSG__COUNT ? msg_table[id].name : "";
}

enum msg_id
msg_lookup(const char *name)
{
	unsigned	i;

	for (i = 0; i < MSG__COUNT; i++)
		if (strcmp(msg_table[i].name, name) == 0)
			return (enum msg_id)i;
	return MSG__COUNT;
}
