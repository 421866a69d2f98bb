/*
 * core/rules-change.c: the targets of a change exist, a traffic split
 * over the endpoint's deployments, a deployment with traffic is not
 * deleted (and the split that frees it is named), and the --traffic
 * text read and written.
 */
#include "config.h"

#include <string.h>

#include "core/rules-change.h"
#include "core-test.h"

#define NONE	MSG__COUNT

static const char *const deps[] = { "blue", "green" };

/* The endpoint: blue and green, taking blue% and green%. */
static void
facts(struct change_facts *f, long blue, long green)
{
	memset(f, 0, sizeof *f);
	f->known = f->endpoint_exists = true;
	f->deployments = deps;
	f->ndeployments = 2;
	f->traffic.n = 2;
	strcpy(f->traffic.t[0].name, "blue");
	f->traffic.t[0].percent = blue;
	strcpy(f->traffic.t[1].name, "green");
	f->traffic.t[1].percent = green;
}

static const struct {
	const char	*text;
	bool		 parses;
	enum msg_id	 msg;		/* of rules_change_traffic */
	const char	*why;
} splits[] = {
	{ "blue=90 green=10", true, NONE, "90/10" },
	{ "blue=0,green=100", true, NONE, "0/100, commas" },
	{ "green=100", true, NONE, "one named, the other 0" },
	{ "blue=0 green=0", true, NONE, "all 0: the service allows it" },
	{ "blue=90 green=20", true, MSG_DEPLOY_TRAFFIC_SUM, "sum 110" },
	{ "blue=50", true, MSG_DEPLOY_TRAFFIC_SUM, "sum 50" },
	{ "blue=120 green=-20", true, MSG_DEPLOY_TRAFFIC_RANGE,
	    "out of 0-100" },
	{ "red=100", true, MSG_DEPLOY_TRAFFIC_UNKNOWN, "no such deployment" },
	{ "blue", false, NONE, "no =" },
	{ "blue=ten", false, NONE, "not a number" },
	{ "=10", false, NONE, "no name" },
	{ "blue=", false, NONE, "no percent" },
};

static const struct {
	long		 blue, green;
	const char	*fix;		/* NULL: allowed */
	const char	*why;
} deletes[] = {
	{ 0, 100, NULL, "blue has no traffic: deleted" },
	{ 100, 0, "blue=0 green=100", "blue has it all: green gets it" },
	{ 10, 90, "blue=0 green=100", "blue has 10: green gets it" },
};

int
main(void)
{
	struct change_facts	 f;
	struct deploy_traffic	 t;
	struct verdicts		 vs;
	const struct verdict	*v;
	char			 bad[64], text[256];
	size_t			 i;

	for (i = 0; i < sizeof splits / sizeof splits[0]; i++) {
		bool parsed = change_traffic_parse(splits[i].text, &t, bad,
		    sizeof bad);

		ok(parsed == splits[i].parses, "%s: %s", splits[i].why,
		    splits[i].parses ? "read" : "refused");
		if (!parsed)
			continue;
		facts(&f, 100, 0);
		verdicts_init(&vs);
		rules_change_traffic(&t, &f, &vs);
		if (splits[i].msg == NONE)
			core_count(&vs, 0, splits[i].why);
		else
			core_expect(&vs, FIELD_TRAFFIC, SEV_ERROR,
			    splits[i].msg, splits[i].why);
	}
	ok(!change_traffic_parse("blue=90 x", &t, bad, sizeof bad),
	    "a bad word");
	is_str(bad, "x", "the bad word is named");
	change_traffic_parse(" blue=90 ,green=10 ", &t, bad, sizeof bad);
	change_traffic_text(&t, text, sizeof text);
	is_str(text, "blue=90 green=10", "written back as NAME=P NAME=P");
	ok(change_traffic_of(&t, "GREEN") == 10, "a share by name, any case");
	ok(change_traffic_of(&t, "red") == 0, "a name it lacks has 0");

	for (i = 0; i < sizeof deletes / sizeof deletes[0]; i++) {
		facts(&f, deletes[i].blue, deletes[i].green);
		verdicts_init(&vs);
		rules_change_delete_deployment("ep1", "blue", &f, &vs);
		if (deletes[i].fix == NULL) {
			core_count(&vs, 0, deletes[i].why);
			continue;
		}
		v = core_expect(&vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
		    MSG_DEPLOY_DELETE_TRAFFIC, deletes[i].why);
		core_arg(v, 2, "ep1", "the endpoint named");
		core_arg(v, 3, deletes[i].fix, "the split that frees it");
	}
	/* The last deployment with traffic: all 0 frees it. */
	memset(&f, 0, sizeof f);
	f.known = f.endpoint_exists = true;
	f.deployments = deps;
	f.ndeployments = 1;
	f.traffic.n = 1;
	strcpy(f.traffic.t[0].name, "blue");
	f.traffic.t[0].percent = 100;
	verdicts_init(&vs);
	rules_change_delete_deployment("ep1", "blue", &f, &vs);
	v = core_expect(&vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
	    MSG_DEPLOY_DELETE_TRAFFIC, "the only one");
	core_arg(v, 3, "blue=0", "all 0");

	facts(&f, 100, 0);
	verdicts_init(&vs);
	rules_change_target("ep1", "green", &f, &vs);
	core_count(&vs, 0, "green exists");
	verdicts_init(&vs);
	rules_change_target("ep1", "red", &f, &vs);
	v = core_expect(&vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
	    MSG_DEPLOY_DEPLOYMENT_MISSING, "no deployment red");
	core_arg(v, 1, "red", "named");
	f.endpoint_exists = false;
	verdicts_init(&vs);
	rules_change_target("ep9", "red", &f, &vs);
	v = core_expect(&vs, FIELD_ENDPOINT_NAME, SEV_ERROR,
	    MSG_DEPLOY_ENDPOINT_MISSING, "no endpoint ep9");
	core_count(&vs, 1, "only the endpoint is said");
	f.known = false;
	verdicts_init(&vs);
	rules_change_target("ep9", "red", &f, &vs);
	core_count(&vs, 0, "nothing known: no verdict");
	/* rules_change_plan(): update-deployment's own rules. */
	{
		static const struct deploy_placed blue2 = {
			{ 500, 1024, DEPLOY_UNSET }, 2 };
		static const struct {
			long		 count;
			bool		 placed;
			enum msg_id	 msg;
			const char	*why;
		} ups[] = {
			{ DEPLOY_UNSET, false, MSG_DEPLOY_UPDATE_NOTHING,
			    "nothing to change" },
			{ 0, false, MSG_DEPLOY_INSTANCES, "0 instances" },
			{ 18, false, NONE, "18 fit on 3 x D4s_v3" },
			{ 19, false, MSG_DEPLOY_FIT_COUNT, "19 do not" },
			{ 16, true, NONE, "16 fit beside blue's 2" },
			{ 17, true, MSG_DEPLOY_FIT_COUNT, "17 do not" },
		};
		struct plan	p;

		for (i = 0; i < sizeof ups / sizeof ups[0]; i++) {
			plan_init(&p, PLAN_UPDATE_DEPLOYMENT);
			strcpy(p.endpoint_name, "ep1");
			strcpy(p.deployment.name, "green");
			p.deployment.scale.instances = ups[i].count;
			facts(&f, 100, 0);
			f.fit_known = true;
			f.requests.cpu_m = 500;
			f.requests.memory_mib = 1024;
			f.requests.gpu = DEPLOY_UNSET;
			f.node_size = vm_catalogue_find("Standard_D4s_v3");
			strcpy(f.k8s_version, "1.30.5");
			f.nodes = 3;
			f.placed = ups[i].placed ? &blue2 : NULL;
			f.nplaced = ups[i].placed ? 1 : 0;
			verdicts_init(&vs);
			rules_change_plan(&p, &f, &vs);
			if (ups[i].msg == NONE)
				core_count(&vs, 0, ups[i].why);
			else
				core_expect(&vs, FIELD_INSTANCE_COUNT,
				    SEV_ERROR, ups[i].msg, ups[i].why);
		}
		/* Probes: an update of their own, checked as deploy's. */
		{
			static const struct {
				long		 live_success, ready_period;
				enum plan_field	 field;
				enum msg_id	 msg;
				const char	*why;
			} pr[] = {
				{ 1, 7, FIELD_NONE, NONE,
				    "probes alone: an update" },
				{ 3, DEPLOY_UNSET, FIELD_LIVENESS_SUCCESS,
				    MSG_DEPLOY_PROBE_LIVENESS_SUCCESS,
				    "a liveness success threshold of 3" },
				{ DEPLOY_UNSET, 0, FIELD_READINESS_PERIOD,
				    MSG_DEPLOY_PROBE_PERIOD,
				    "a readiness period of 0" },
			};

			for (i = 0; i < sizeof pr / sizeof pr[0]; i++) {
				plan_init(&p, PLAN_UPDATE_DEPLOYMENT);
				strcpy(p.endpoint_name, "ep1");
				strcpy(p.deployment.name, "green");
				p.deployment.liveness.success_threshold =
				    pr[i].live_success;
				p.deployment.readiness.period_s =
				    pr[i].ready_period;
				facts(&f, 100, 0);
				verdicts_init(&vs);
				rules_change_plan(&p, &f, &vs);
				if (pr[i].msg == NONE)
					core_count(&vs, 0, pr[i].why);
				else
					core_expect(&vs, pr[i].field,
					    SEV_ERROR, pr[i].msg, pr[i].why);
			}
			plan_init(&p, PLAN_UPDATE_DEPLOYMENT);
			p.deployment.readiness.timeout_s = 4;
			ok(change_update_needs_put(&p.deployment),
			    "a probe needs the deployment's PUT");
		}
		plan_init(&p, PLAN_SET_TRAFFIC);
		strcpy(p.endpoint_name, "ep1");
		change_traffic_parse("blue=90 green=20", &p.traffic, bad,
		    sizeof bad);
		facts(&f, 100, 0);
		verdicts_init(&vs);
		rules_change_plan(&p, &f, &vs);
		core_expect(&vs, FIELD_TRAFFIC, SEV_ERROR,
		    MSG_DEPLOY_TRAFFIC_SUM, "set-traffic: the sum");
		plan_init(&p, PLAN_DELETE_DEPLOYMENT);
		strcpy(p.endpoint_name, "ep1");
		strcpy(p.deployment.name, "blue");
		verdicts_init(&vs);
		rules_change_plan(&p, &f, &vs);
		core_expect(&vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
		    MSG_DEPLOY_DELETE_TRAFFIC, "delete-deployment: traffic");
		plan_init(&p, PLAN_DELETE_ENDPOINT);
		strcpy(p.endpoint_name, "ep1");
		verdicts_init(&vs);
		rules_change_plan(&p, &f, &vs);
		core_count(&vs, 0, "delete-endpoint: an endpoint there");
	}
	return tap_done();
}
