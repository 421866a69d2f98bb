/*
 * The generated half of the VM catalogue: vmcatalogue-data.c is written
 * at build time from data/vm-sizes.tsv by vmcatalogue-gen.awk.
 */
#ifndef AKSWIZ_CORE_VMCATALOGUE_DATA_H
#define AKSWIZ_CORE_VMCATALOGUE_DATA_H

#include <stddef.h>

#include "core/vmcatalogue.h"

/* Every size, sorted by name (strcmp order); static storage. */
const struct vm_size	*vm_catalogue_data(size_t *n);

#endif
