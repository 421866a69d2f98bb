/*
 * The built-in VM size catalogue (see vmcatalogue.h).  The table itself is
 * generated from data/vm-sizes.tsv; a linear search is plenty for the
 * hundred-odd sizes and needs no second sort order for case-insensitive
 * lookups.
 */
#include "config.h"
#include "core/vmcatalogue.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/vmcatalogue-data.h"

/* A size by name, ignoring case, or NULL. */
const struct vm_size *
vm_catalogue_find(const char *name)
{
	const struct vm_size	*sizes;
	size_t			 i, n;

	if (name == NULL)
		return NULL;
	sizes = vm_catalogue_data(&n);
	for (i = 0; i < n; i++)
		if (strcasecmp(sizes[i].name, name) == 0)
			return &sizes[i];
	return NULL;
}

/* Every size, sorted by name. */
const struct vm_size *
vm_catalogue_all(size_t *n)
{
	return vm_catalogue_data(n);
}

/* Does hay (n bytes) contain needle, ignoring ASCII case? */
static bool
vm_contains(const char *hay, const char *needle, size_t n)
{
	size_t	i, k, hn = strlen(hay);

	for (i = 0; i + n <= hn; i++) {
		for (k = 0; k < n && tolower((unsigned char)hay[i + k]) ==
		    tolower((unsigned char)needle[k]); k++)
			;
		if (k == n)
			return true;
	}
	return false;
}

/* Every word of the filter in the name after its tier, or at its start. */
bool
vm_size_filter_match(const char *name, const char *filter)
{
	const char	*tail, *w, *us;
	size_t		 n;

	if (name == NULL)
		return false;
	if (filter == NULL)
		return true;
	/* The tier: "Standard_", "Basic_" (the rest is the size). */
	us = strchr(name, '_');
	tail = us != NULL ? us + 1 : name;
	for (w = filter; *w != '\0'; w += n) {
		while (*w == ' ')
			w++;
		if ((n = strcspn(w, " ")) == 0)
			break;
		if (vm_contains(tail, w, n))
			continue;
		if (n >= 3 && strncasecmp(name, w, n) == 0)
			continue;
		return false;
	}
	return true;
}
