/*
 * plan/plan-deploy.c: a deploy's steps (kinds, targets, methods), the
 * Kubernetes deployment's body, the traffic merged with the endpoint's
 * and the done-tests that let a resumed deploy send only what is left.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "common/err.h"
#include "core/plan.h"
#include "plan/plan-deploy.h"
#include "plan/plan-steps.h"
#include "tests/core/deploy-fixture.h"
#include "tests/tap.h"

#define SUB	DEPLOY_FIXTURE_SUB
#define WS	"/subscriptions/" SUB "/resourceGroups/ml-rg/providers/" \
		"Microsoft.MachineLearningServices/workspaces/ml-ws"

static void
plan_deploy(struct plan *p)
{
	deploy_fixture(p, "env:2");
}

/* "kind kind ..." and "METHOD ..." of the plan's steps. */
static int
steps_of(const struct plan *p, struct plan_step *s, char *kinds,
    char *methods, size_t len)
{
	int	n = plan_steps(p, s, PLAN_STEPS_MAX), i;

	kinds[0] = methods[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(kinds + strlen(kinds), len - strlen(kinds), "%s%s",
		    i ? " " : "", step_kind_id(s[i].kind));
		snprintf(methods + strlen(methods), len - strlen(methods),
		    "%s%s", i ? " " : "", step_method_name(s[i].method));
	}
	return n;
}

static void
test_steps(void)
{
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	char		 kinds[256], methods[128];
	enum step_kind	 k;
	int		 n, i;
	bool		 parse = true;

	plan_deploy(&p);
	n = steps_of(&p, s, kinds, methods, sizeof kinds);
	is_int(n, 3, "registered references: 3 steps");
	is_str(kinds, "createEndpoint createDeployment setTraffic",
	    "the endpoint, the deployment, the traffic");
	is_str(methods, "PUT PUT PATCH", "their methods");
	is_str(s[0].target, WS "/onlineEndpoints/ep1", "the endpoint's ID");
	is_str(s[1].target, WS "/onlineEndpoints/ep1/deployments/blue",
	    "the deployment's ID");
	is_str(s[2].target, WS "/onlineEndpoints/ep1",
	    "the traffic is the endpoint's");
	is_str(s[1].api_version, "2024-10-01", "api-version 2024-10-01");
	ok(s[1].look_first && s[2].needs_current,
	    "a lost PUT is looked up; the traffic is merged with the endpoint's");

	strcpy(p.deployment.model, "./model.pkl");
	strcpy(p.deployment.code_path, "src");
	strcpy(p.deployment.scoring_script, "score.py");
	p.deployment.environment[0] = '\0';
	strcpy(p.deployment.image, "mcr/x:1");
	n = steps_of(&p, s, kinds, methods, sizeof kinds);
	is_int(n, 6, "local files and an image: 6 steps");
	is_str(kinds, "registerModel registerCode registerEnvironment "
	    "createEndpoint createDeployment setTraffic",
	    "the uploads first");
	is_str(s[0].target, WS "/models", "the model goes to the models");
	for (i = 0; i < n; i++)
		parse = parse && step_kind_parse(step_kind_id(s[i].kind), &k) &&
		    k == s[i].kind;
	ok(parse, "every machine name parses back");
	ok(!plan_step_done(&p, &s[0], NULL), "the model not registered yet");
	strcpy(p.registered.model, WS "/models/h/versions/1");
	ok(plan_step_done(&p, &s[0], NULL),
	    "registered (the journal's plan has it): done");
	ok(!plan_step_done(&p, &s[1], NULL), "the code still to register");
}

/* Member a.b.c of o as text, or "(none)". */
static const char *
at(json_object *o, const char *a, const char *b, const char *c)
{
	const char	*k[3] = { a, b, c };
	int		 i;

	for (i = 0; i < 3 && k[i] != NULL; i++)
		if (o == NULL || !json_object_object_get_ex(o, k[i], &o))
			return "(none)";
	return json_object_get_string(o);
}

static void
test_body(void)
{
	struct plan	 p;
	struct err	 err;
	json_object	*o;
	char		*body;

	plan_deploy(&p);
	strcpy(p.deployment.cpu, "0.5");
	strcpy(p.deployment.memory, "1.5Gi");
	p.deployment.scale.instances = 2;
	p.deployment.requests.timeout_ms = 3000;
	p.deployment.requests.max_queue_wait_ms = 500;
	p.deployment.app_insights = true;
	err_clear(&err);
	ok(plan_deploy_body(&p, "eastus", &body, &err), "a body");
	o = json_tokener_parse(body);
	is_str(at(o, "location", NULL, NULL), "eastus", "the region");
	is_str(at(o, "sku", "capacity", NULL), "2", "sku.capacity: 2");
	is_str(at(o, "properties", "endpointComputeType", NULL), "Kubernetes",
	    "a Kubernetes deployment");
	is_str(at(o, "properties", "model", NULL), WS "/models/sk/versions/1",
	    "the model's version ID (azureml: dropped)");
	is_str(at(o, "properties", "environmentId", NULL),
	    WS "/environments/env/versions/2", "the environment's");
	is_str(at(o, "properties", "scaleSettings", "scaleType"), "Default",
	    "a fixed count");
	is_str(at(o, "properties", "requestSettings", "requestTimeout"),
	    "PT3S", "3000 ms is PT3S");
	is_str(at(o, "properties", "requestSettings", "maxQueueWait"),
	    "PT0.5S", "500 ms is PT0.5S");
	is_str(at(o, "properties", "requestSettings",
	    "maxConcurrentRequestsPerInstance"), "(none)",
	    "what is not given is the service's default");
	is_str(at(o, "properties", "livenessProbe", NULL), "(none)",
	    "no liveness probe given: the service's default");
	is_str(at(o, "properties", "readinessProbe", NULL), "(none)",
	    "no readiness probe given: the service's default");
	is_str(json_object_get_string(json_object_object_get(
	    json_object_object_get(json_object_object_get(json_object_object_get(
	    o, "properties"), "containerResourceRequirements"),
	    "containerResourceRequests"), "memory")), "1.5Gi", "the requests");
	is_str(at(o, "properties", "appInsightsEnabled", NULL), "true",
	    "app insights");
	json_object_put(o);
	free(body);

	p.deployment.liveness.initial_delay_s = 30;
	p.deployment.liveness.period_s = 15;
	p.deployment.readiness.timeout_s = 4;
	p.deployment.readiness.success_threshold = 2;
	ok(plan_deploy_body(&p, "eastus", &body, &err), "a body with probes");
	o = json_tokener_parse(body);
	is_str(at(o, "properties", "livenessProbe", "initialDelay"), "PT30S",
	    "liveness: initialDelay 30 s is PT30S");
	is_str(at(o, "properties", "livenessProbe", "period"), "PT15S",
	    "liveness: period 15 s is PT15S");
	is_str(at(o, "properties", "livenessProbe", "timeout"), "(none)",
	    "liveness: a timeout not given is not sent");
	is_str(at(o, "properties", "livenessProbe", "failureThreshold"),
	    "(none)", "liveness: a failure threshold not given is not sent");
	is_str(at(o, "properties", "readinessProbe", "timeout"), "PT4S",
	    "readiness: timeout 4 s is PT4S");
	is_str(at(o, "properties", "readinessProbe", "successThreshold"), "2",
	    "readiness: its success threshold");
	is_str(at(o, "properties", "readinessProbe", "period"), "(none)",
	    "readiness: a period not given is not sent");
	json_object_put(o);
	free(body);
	deploy_probe_init(&p.deployment.liveness);
	deploy_probe_init(&p.deployment.readiness);

	p.deployment.scale.instances = DEPLOY_UNSET;
	p.deployment.scale.autoscale = true;
	p.deployment.scale.min_instances = 1;
	p.deployment.scale.max_instances = 4;
	p.deployment.scale.target_utilization = 70;
	p.deployment.scale.polling_interval_s = 10;
	ok(plan_deploy_body(&p, "eastus", &body, &err), "an autoscaled body");
	o = json_tokener_parse(body);
	is_str(at(o, "sku", NULL, NULL), "(none)", "no sku");
	is_str(at(o, "properties", "scaleSettings", "scaleType"),
	    "TargetUtilization", "target utilization");
	is_str(at(o, "properties", "scaleSettings", "maxInstances"), "4",
	    "its maximum");
	is_str(at(o, "properties", "scaleSettings", "pollingInterval"),
	    "PT10S", "its polling interval");
	json_object_put(o);
	free(body);

	strcpy(p.deployment.model, "model.pkl");
	ok(!plan_deploy_body(&p, "eastus", &body, &err),
	    "a local model not registered yet: no body");
	strcpy(p.registered.model, WS "/models/h/versions/1");
	strcpy(p.deployment.code_path, "src");
	strcpy(p.deployment.scoring_script, "score.py");
	strcpy(p.registered.code, WS "/codes/c/versions/1");
	ok(plan_deploy_body(&p, "eastus", &body, &err), "registered: a body");
	o = json_tokener_parse(body);
	is_str(at(o, "properties", "model", NULL), WS "/models/h/versions/1",
	    "the registered model");
	is_str(at(o, "properties", "codeConfiguration", "codeId"),
	    WS "/codes/c/versions/1", "the registered code");
	is_str(at(o, "properties", "codeConfiguration", "scoringScript"),
	    "score.py", "its scoring script");
	json_object_put(o);
	free(body);
}

static void
test_traffic(void)
{
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	json_object	*cur, *o;
	char		*body;

	plan_deploy(&p);
	(void)plan_steps(&p, s, PLAN_STEPS_MAX);
	body = plan_deploy_traffic_body(&p, NULL);
	o = json_tokener_parse(body);
	is_str(at(o, "properties", "traffic", "blue"), "100",
	    "a new endpoint: 100 to the new deployment");
	json_object_put(o);
	free(body);

	cur = json_tokener_parse("{\"properties\": {\"traffic\": "
	    "{\"green\": 100}}}");
	body = plan_deploy_traffic_body(&p, cur);
	o = json_tokener_parse(body);
	is_str(at(o, "properties", "traffic", "green"), "100",
	    "an endpoint serving green: its share kept");
	is_str(at(o, "properties", "traffic", "blue"), "0", "blue gets 0");
	json_object_put(o);
	free(body);
	ok(plan_step_done(&p, &s[2], cur),
	    "the endpoint has that traffic already: nothing to write");

	p.traffic.n = 2;
	strcpy(p.traffic.t[0].name, "green");
	p.traffic.t[0].percent = 90;
	strcpy(p.traffic.t[1].name, "blue");
	p.traffic.t[1].percent = 10;
	ok(!plan_step_done(&p, &s[2], cur), "--traffic green=90 blue=10: "
	    "not done yet");
	json_object_put(cur);
	cur = json_tokener_parse("{\"properties\": {\"traffic\": "
	    "{\"green\": 90, \"blue\": 10}}}");
	ok(plan_step_done(&p, &s[2], cur), "done once the endpoint has it");
	json_object_put(cur);
	cur = json_tokener_parse("{\"properties\": {\"traffic\": "
	    "{\"green\": 80, \"blue\": 10, \"red\": 10}}}");
	ok(!plan_step_done(&p, &s[2], cur),
	    "not done while another deployment the plan leaves out has some");
	json_object_put(cur);
}

int
main(void)
{
	test_steps();
	test_body();
	test_traffic();
	return tap_done();
}
