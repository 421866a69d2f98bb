/*
 * The built-in catalogue of Azure VM sizes (data/vm-sizes.tsv, compiled
 * in), so that rules know a size's vCPU offline.  The sandbox's world uses
 * the same table for its regions' size lists.
 */
#ifndef AKSWIZ_CORE_VMCATALOGUE_H
#define AKSWIZ_CORE_VMCATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

struct vm_size {
	const char	*name;		/* "Standard_D3_v2" */
	int		 vcpus;
	double		 memory_gb;
	const char	*family;	/* quota family: "standardDv2Family" */
	int		 gpus;
	bool		 fpga;
};

/* Case-insensitive lookup; NULL if the size is not in the catalogue. */
const struct vm_size	*vm_catalogue_find(const char *name);
/* Every size, sorted by name. */
const struct vm_size	*vm_catalogue_all(size_t *n);
/*
 * Does a size's name match the size list's filter?  Case does not matter;
 * every word (space-separated) must match part of the name after its tier
 * ("nc6" in "Standard_NC6s_v3"), or, from 3 characters on, its start
 * ("Stan").  So "N" finds the N series, not every "Standard_" size.
 */
bool			 vm_size_filter_match(const char *name,
			    const char *filter);

#endif
