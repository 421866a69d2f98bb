/*
 * The deploy plan the core and plan tests start from: compute k8s-dev,
 * endpoint ep1 (auth key), deployment blue of model azureml:sk:1 with
 * environment env:N, in workspace ml-ws of group ml-rg.
 */
#ifndef AKSWIZ_TESTS_DEPLOY_FIXTURE_H
#define AKSWIZ_TESTS_DEPLOY_FIXTURE_H

#include <string.h>

#include "core/plan.h"

#define DEPLOY_FIXTURE_SUB	"00000000-1111-2222-3333-444444444444"

static inline void
deploy_fixture(struct plan *p, const char *environment)
{
	plan_init(p, PLAN_DEPLOY);
	strcpy(p->scope.subscription, DEPLOY_FIXTURE_SUB);
	strcpy(p->scope.resource_group, "ml-rg");
	strcpy(p->scope.workspace, "ml-ws");
	strcpy(p->name, "k8s-dev");
	strcpy(p->endpoint_name, "ep1");
	strcpy(p->auth_mode, "key");
	strcpy(p->deployment.name, "blue");
	strcpy(p->deployment.model, "azureml:sk:1");
	strcpy(p->deployment.environment, environment);
}

#endif
