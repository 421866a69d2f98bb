/*
 * The built-in VM size catalogue (see vmcatalogue.h).  The table itself is
 * generated from data/vm-sizes.tsv; a linear search is plenty for the
 * hundred-odd sizes and needs no second sort order for case-insensitive
 * lookups.
 */
#include "config.h"
#include "core/vmcatalogue.h"

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
