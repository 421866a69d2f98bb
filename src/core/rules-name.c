/*
 * The compute name rules (DESIGN.md): 3 to 24 characters, letters, digits
 * and "-", a letter first, a letter or digit last, no "-<digits>" ending
 * (the ARM pattern ^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9\-]{2,23}$),
 * not reserved, unique in the workspace.
 *
 * Several problems are reported together so that one edit can fix them
 * all, but each says one thing: a name with a bad character and a bad
 * length gets both, and the "-<digits>" rule is only checked on a name
 * whose characters are right.
 */
#include "config.h"
#include "core/rules.h"

#include <string.h>
#include <strings.h>

static const char *const rules_reserved_names[] = {
	"amlcompute", "local", "containerinstance"
};

/* ASCII letter? (isalpha() would follow the locale.) */
static bool
name_is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ASCII digit? */
static bool
name_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The number of characters (UTF-8 code points) in s. */
static size_t
name_chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* The length in bytes of the UTF-8 character starting at s. */
static size_t
name_char_len(const char *s)
{
	size_t	n = 1;

	while (s[n] != '\0' && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/* Where a "-<digits>" ending starts (after the first character), or NULL. */
static const char *
name_digit_suffix(const char *name, size_t len)
{
	size_t	i = len;

	while (i > 0 && name_is_digit((unsigned char)name[i - 1]))
		i--;
	if (i == len || i < 2 || name[i - 1] != '-')
		return NULL;
	return name + i - 1;
}

/* Is the name one the service keeps for itself? */
bool
rules_name_reserved(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof rules_reserved_names /
	    sizeof rules_reserved_names[0]; i++)
		if (strcasecmp(name, rules_reserved_names[i]) == 0)
			return true;
	return false;
}

/* Every naming rule on a new compute name. */
void
rules_name(const char *name, struct verdicts *vs)
{
	struct verdict	*v;
	const char	*p, *bad = NULL, *suffix;
	size_t		 len, chars;
	unsigned char	 first, last;

	if (name == NULL || *name == '\0') {
		verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_NAME_EMPTY);
		return;
	}
	len = strlen(name);
	chars = name_chars(name);
	if (chars < NAME_MIN_LEN || chars > NAME_MAX_LEN) {
		v = verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_NAME_LENGTH);
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%zu", chars);
	}
	for (p = name; *p != '\0' && bad == NULL; p++)
		if (!name_is_letter((unsigned char)*p) &&
		    !name_is_digit((unsigned char)*p) && *p != '-')
			bad = p;
	if (bad != NULL) {
		v = verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_NAME_CHARS);
		verdict_arg(v, "%.*s", (int)name_char_len(bad), bad);
	}
	first = (unsigned char)name[0];
	last = (unsigned char)name[len - 1];
	if (!name_is_letter(first))
		verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_NAME_FIRST);
	if (last == '-' && len > 1)
		verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_NAME_LAST);
	if (bad == NULL && (suffix = name_digit_suffix(name, len)) != NULL) {
		v = verdicts_add(vs, FIELD_NAME, SEV_ERROR,
		    MSG_NAME_DIGIT_SUFFIX);
		verdict_arg(v, "%s", suffix);
		/* Suggest a letter added, or in place of the last digit
		 * when the name has no room left for one. */
		verdict_arg(v, "%.*sa", (int)(len < NAME_MAX_LEN ? len :
		    len - 1), name);
	}
	if (rules_name_reserved(name)) {
		v = verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_NAME_RESERVED);
		verdict_arg(v, "%s", name);
	}
}

/* The name must differ, ignoring case, from every existing one. */
void
rules_name_unique(const char *name, const char *const *existing, size_t n,
    struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 i;

	if (name == NULL || *name == '\0')
		return;
	for (i = 0; i < n; i++)
		if (existing[i] != NULL && strcasecmp(name, existing[i]) == 0) {
			v = verdicts_add(vs, FIELD_NAME, SEV_ERROR,
			    MSG_NAME_TAKEN);
			verdict_arg(v, "%s", existing[i]);
			return;
		}
}
