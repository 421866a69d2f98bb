/*
 * The deploy screens' plan: what the three pages hold, as the deploy plan
 * (core/plan.h, PLAN_DEPLOY) that the review shows, saves and submits.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/plan-deploy-check.h"
#include "tui/deploy.h"
#include "tui/tui.h"

/* Copy a field into a plan member. */
#define FIELD_TO(member, field) \
	widget_field_get(&(field), (member), sizeof (member))

/* The deploy plan of what the pages hold. */
void
deploy_make_plan(const struct deploy *d, struct plan *p)
{
	struct plan_deployment	*dp = &p->deployment;

	plan_init(p, PLAN_DEPLOY);
	p->scope = d->tui->ctx.scope;
	snprintf(p->location, sizeof p->location, "%s", d->tui->ctx.location);
	deploy_compute_name(d, p->name, sizeof p->name);
	FIELD_TO(p->endpoint_name, d->endpoint);
	snprintf(p->auth_mode, sizeof p->auth_mode, "%s", d->auth == 1 ?
	    "aml_token" : "key");
	FIELD_TO(dp->name, d->deployment);
	FIELD_TO(dp->model, d->model);
	/* NAME:VERSION: a registered code version, else a local folder. */
	FIELD_TO(dp->code_path, d->code);
	if (deploy_ref_parse(dp->code_path, NULL)) {
		memcpy(dp->code, dp->code_path, sizeof dp->code);
		dp->code_path[0] = '\0';
	}
	FIELD_TO(dp->scoring_script, d->script);
	FIELD_TO(dp->environment, d->environment);
	FIELD_TO(dp->image, d->image);
	FIELD_TO(dp->conda_file, d->conda);
	FIELD_TO(dp->instance_type, d->instance_type);
	FIELD_TO(dp->cpu, d->cpu);
	FIELD_TO(dp->memory, d->memory);
	FIELD_TO(dp->cpu_limit, d->cpu_limit);
	FIELD_TO(dp->memory_limit, d->memory_limit);
	/* Not a number: left unset, the screen says so under the field. */
	if (!deploy_field_long(&d->gpu, &dp->gpu))
		dp->gpu = DEPLOY_UNSET;
	deploy_read_scale(d, &dp->scale, &dp->requests);
	deploy_read_probes(d, &dp->liveness, &dp->readiness);
	dp->app_insights = d->app_insights;
	/* All the traffic to the new deployment (n == 0). */
	p->traffic.n = 0;
}
