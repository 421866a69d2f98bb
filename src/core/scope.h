/*
 * The workspace scope against Resource Manager's answer: a 404 on the
 * workspace names the part that does not exist (SubscriptionNotFound,
 * ResourceGroupNotFound, ResourceNotFound), and the verdict says which one
 * and how to choose another.  The screens (home, browse, the wizard) and
 * the commands (list, show) show the same text.  Pure.
 */
#ifndef AKSWIZ_CORE_SCOPE_H
#define AKSWIZ_CORE_SCOPE_H

#include "core/plan.h"
#include "core/verdict.h"

/*
 * Add the error verdict for an ARM answer (HTTP status and error code) on
 * the workspace of scope; false, and nothing added, when the answer does
 * not say that a part of the scope is missing.
 */
bool	scope_missing(long status, const char *code,
	    const struct plan_scope *, struct verdicts *);

#endif
