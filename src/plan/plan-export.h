/*
 * Exports of a plan for the tools people already use: the equivalent
 * `az ml computetarget` command, the Python SDK (azureml.core AksCompute)
 * snippet, or the ARM requests (plan-arm.c).  Custom certificates appear
 * as file paths or placeholders, never as their contents.
 */
#ifndef AKSWIZ_PLAN_PLAN_EXPORT_H
#define AKSWIZ_PLAN_PLAN_EXPORT_H

#include <stdbool.h>

#include "core/plan.h"

enum plan_export_kind {
	PLAN_EXPORT_AZ,
	PLAN_EXPORT_PYTHON,
	PLAN_EXPORT_ARM
};

/* "az", "python", "arm". */
bool	 plan_export_kind_parse(const char *, enum plan_export_kind *);
/* The export as text ending in a newline; the caller frees it. */
char	*plan_export(const struct plan *, enum plan_export_kind);

#endif
