/*
 * The endpoints screen (screen-endpoints.c) as browse opens it: e on a
 * Kubernetes compute shows its online endpoints; on a legacy AKS compute
 * the status says that it takes none and that m migrates it.
 */
#ifndef AKSWIZ_TUI_ENDPOINTS_H
#define AKSWIZ_TUI_ENDPOINTS_H

#include "tui/browse.h"
#include "tui/tui.h"

enum reaction	endpoints_from_browse(struct tui *, const struct browse_row *);

#endif
