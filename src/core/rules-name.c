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

/* A name, as rules_name_suggest() cleans it, into base (a letter first). */
static void
name_clean(const char *from, char *base, size_t len)
{
	const char	*p = from;
	size_t		 n = 0;

	while (*p != '\0' && !name_is_letter((unsigned char)*p))
		p++;
	for (; *p != '\0' && n + 1 < len; p++) {
		char	c = name_is_letter((unsigned char)*p) ||
			    name_is_digit((unsigned char)*p) ? *p : '-';

		if (c == '-' && (n == 0 || base[n - 1] == '-'))
			continue;	/* one hyphen for a run of others */
		base[n++] = c;
	}
	base[n] = '\0';
}

/* base cut to at most max bytes, its ending made valid; true if valid. */
static bool
name_fit(char *base, size_t max)
{
	size_t		 n = strlen(base);
	const char	*suffix;

	if (n > max)
		base[n = max] = '\0';
	for (;;) {
		while (n > 0 && base[n - 1] == '-')
			base[--n] = '\0';
		if ((suffix = name_digit_suffix(base, n)) == NULL)
			break;
		/* "aks-01": the hyphen goes, "aks01". */
		memmove(base + (suffix - base), suffix + 1, strlen(suffix));
		n--;
	}
	return n > 0;
}

/* The first len - 1 bytes of src at most (ASCII: name_clean's). */
static void
name_copy(char *dst, size_t len, const char *src)
{
	size_t	n = strlen(src);

	if (n >= len)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Is candidate free: valid, not reserved, not among existing? */
static bool
name_free(const char *candidate, const char *const *existing, size_t n)
{
	struct verdicts	vs;

	verdicts_init(&vs);
	rules_name(candidate, &vs);
	rules_name_unique(candidate, existing, n, &vs);
	return !verdicts_has_errors(&vs);
}

bool
rules_name_suggest(const char *cluster, const char *const *existing,
    size_t n, char *out, size_t len)
{
	static const char	tails[] = " bcdefghijklmnopqrstuvwxyz";
	char			base[NAME_MAX_LEN * 4 + 1], cand[NAME_MAX_LEN + 1];
	size_t			i, room;

	if (len > 0)
		out[0] = '\0';
	name_clean(cluster != NULL ? cluster : "", base, sizeof base);
	if (base[0] == '\0')
		return false;
	name_copy(cand, sizeof cand, base);
	if (name_fit(cand, NAME_MAX_LEN) && strlen(cand) >= NAME_MIN_LEN &&
	    name_free(cand, existing, n))
		goto found;
	for (i = 0; tails[i] != '\0'; i++) {
		/* "-k8s", then "-k8s-b": the base cut to leave them room. */
		room = NAME_MAX_LEN - (i == 0 ? 4 : 6);
		name_copy(cand, sizeof cand, base);
		if (!name_fit(cand, room))
			return false;
		if (i == 0)
			strcat(cand, "-k8s");
		else {
			strcat(cand, "-k8s-");
			strncat(cand, tails + i, 1);
		}
		if (name_free(cand, existing, n))
			goto found;
	}
	return false;
found:
	if (strlen(cand) >= len)
		return false;
	memcpy(out, cand, strlen(cand) + 1);
	return true;
}

bool
rules_name_for_cluster(const char *cluster_id, const char *const *existing,
    size_t n, char *out, size_t len)
{
	struct aks_id	id;
	struct verdicts	scratch;

	if (len > 0)
		out[0] = '\0';
	verdicts_init(&scratch);
	return aks_id_parse(cluster_id, &id, FIELD_CLUSTER_ID, &scratch) &&
	    rules_name_suggest(id.name, existing, n, out, len);
}

void
rules_name_hint(const char *name, const char *cluster_id,
    const char *const *existing, size_t n, struct verdicts *vs)
{
	char	out[NAME_MAX_LEN + 1];

	if ((name == NULL || name[0] == '\0') &&
	    rules_name_for_cluster(cluster_id, existing, n, out, sizeof out))
		verdict_arg(verdicts_add(vs, FIELD_NAME, SEV_INFO,
		    MSG_NAME_SUGGESTED), "%s", out);
}

void
rules_name_new(const char *name, enum plan_op op, const char *cluster_id,
    const char *const *existing, size_t n, bool names_known,
    struct verdicts *vs)
{
	rules_name(name, vs);
	if (names_known)
		rules_name_unique(name, existing, n, vs);
	if (op == PLAN_ATTACH)
		rules_name_hint(name, cluster_id, names_known ? existing :
		    NULL, names_known ? n : 0, vs);
}
