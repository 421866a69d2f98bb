/*
 * core/plan-deploy-check.c: a deploy plan's rules, row by row, on whole
 * plans with what preflight found; the references it tells apart; the
 * share of the traffic a new deployment gets.
 */
#include "config.h"

#include <string.h>

#include "core/plan-deploy-check.h"
#include "core/rules.h"
#include "core/vmcatalogue.h"
#include "core-test.h"
#include "deploy-fixture.h"

/* A valid deploy: registered model and environment, 0.5 CPU, 1 GiB. */
static void
plan_deploy(struct plan *p)
{
	deploy_fixture(p, "env:1");
	strcpy(p->deployment.cpu, "500m");
	strcpy(p->deployment.memory, "1Gi");
}

enum setup {
	OK, NO_MODEL, ENV_AND_IMAGE, NO_ENV, ENV_PATH, ENV_REGISTRY, ENV_CURATED,
	ENV_LABEL, ENV_REGISTRY_MISSING,
	MODEL_REGISTRY, CONDA_ALONE, CODE_ALONE,
	SCRIPT_ALONE, BAD_CPU, LIMIT_BELOW, AUTH_NONE, MIRROR, TRAFFIC_SUM,
	TRAFFIC_UNKNOWN, AKS, COMPUTE_FAILED, EXT_FAILED, OTHER_COMPUTE,
	DEP_TAKEN, MODEL_MISSING, ENV_MISSING, TOO_BIG, TOO_MANY,
	BESIDE_OTHERS, DEFAULT_OFFLINE, DEFAULT_NEW, DEFAULT_ZERO, NO_DEP_NAME,
	EXISTING_NO_AUTH, LOCAL_MODEL, IMAGE, AUTH_KEPT,
	CODE_REF, CODE_REF_ALONE, CODE_BOTH, CODE_NOT_REF, CODE_MISSING,
	CODE_PRESENT, MEMORY_BARE, MEMORY_LIMIT_BARE, MEMORY_BYTES
};

static void
setup(enum setup s, struct plan *p, struct plan_facts *f)
{
	static const char *const deps[] = { "blue", "green" };
	static const char *const others[] = { "green" };
	static struct deploy_placed placed[1];

	plan_deploy(p);
	memset(f, 0, sizeof *f);
	/* Facts: the compute is Kubernetes, the endpoint new, 3 x D4s_v3. */
	f->endpoint_compute_type = "Kubernetes";
	f->compute_state = "Succeeded";
	f->endpoint_known = true;
	f->node_size = vm_catalogue_find("Standard_D4s_v3");
	f->node_k8s_version = "1.30.4";
	f->node_count = 3;
	switch (s) {
	case OK:		break;
	case NO_MODEL:		p->deployment.model[0] = '\0'; break;
	case ENV_AND_IMAGE:	strcpy(p->deployment.image, "mcr/x:1"); break;
	case NO_ENV:		p->deployment.environment[0] = '\0'; break;
	case ENV_PATH:		strcpy(p->deployment.environment,
				    "./env.yml"); break;
	case ENV_REGISTRY:	strcpy(p->deployment.environment, "azureml://"
				    "registries/azureml/environments/"
				    "sklearn-1.5/labels/latest"); break;
	case ENV_CURATED:	strcpy(p->deployment.environment,
				    "AzureML-sklearn-1.5@latest"); break;
	case ENV_LABEL:		strcpy(p->deployment.environment, "azureml://"
				    "registries/azureml/environments/"
				    "sklearn-1.5/labels/stable"); break;
	case MODEL_REGISTRY:	strcpy(p->deployment.model, "azureml://"
				    "registries/azureml/models/phi/versions/1");
				break;
	case CONDA_ALONE:	strcpy(p->deployment.conda_file, "c.yml");
				break;
	case CODE_ALONE:	strcpy(p->deployment.code_path, "src"); break;
	case SCRIPT_ALONE:	strcpy(p->deployment.scoring_script,
				    "score.py"); break;
	case BAD_CPU:		strcpy(p->deployment.cpu, "lots"); break;
	case LIMIT_BELOW:	strcpy(p->deployment.memory_limit, "512Mi");
				break;
	case MEMORY_BARE:	strcpy(p->deployment.memory, "1"); break;
	case MEMORY_LIMIT_BARE:	strcpy(p->deployment.memory_limit, "2");
				break;
	case MEMORY_BYTES:	strcpy(p->deployment.memory, "1073741824");
				break;
	case AUTH_NONE:		strcpy(p->auth_mode, "none"); break;
	case MIRROR:		p->mirror_traffic.n = 1;
				strcpy(p->mirror_traffic.t[0].name, "blue");
				p->mirror_traffic.t[0].percent = 10; break;
	case TRAFFIC_SUM:	p->traffic.n = 1;
				strcpy(p->traffic.t[0].name, "blue");
				p->traffic.t[0].percent = 60; break;
	case TRAFFIC_UNKNOWN:	p->traffic.n = 2;
				strcpy(p->traffic.t[0].name, "blue");
				p->traffic.t[0].percent = 60;
				strcpy(p->traffic.t[1].name, "red");
				p->traffic.t[1].percent = 40; break;
	case AKS:		f->endpoint_compute_type = "AKS"; break;
	case COMPUTE_FAILED:	f->compute_state = "Failed"; break;
	case EXT_FAILED:	f->extension_known = true;
				f->extension_present = true;
				f->extension_state = "Failed"; break;
	case OTHER_COMPUTE:	f->endpoint_exists = true;
				f->endpoint_compute = "k8s-prod"; break;
	case DEP_TAKEN:		f->endpoint_exists = true;
				f->endpoint_compute = "k8s-dev";
				f->deployments = deps; f->n_deployments = 2;
				f->deployments_known = true; break;
	case MODEL_MISSING:	f->model_known = true; break;
	case ENV_MISSING:	f->environment_known = true; break;
	case ENV_REGISTRY_MISSING:
				strcpy(p->deployment.environment, "azureml://"
				    "registries/azureml/environments/"
				    "sklearn-1.5/versions/99");
				f->environment_known = true; break;
	case TOO_BIG:		strcpy(p->deployment.cpu, "3"); break;
	case TOO_MANY:		p->deployment.scale.instances = 40; break;
	case BESIDE_OTHERS:	/* 3 x 2 CPU placed: 2 more of 1 CPU don't */
				strcpy(p->deployment.cpu, "1");
				p->deployment.scale.instances = 6;
				placed[0].req.cpu_m = 2000;
				placed[0].req.memory_mib = 1024;
				placed[0].req.gpu = DEPLOY_UNSET;
				placed[0].instances = 3;
				f->placed = placed; f->n_placed = 1; break;
	case DEFAULT_OFFLINE:	memset(f, 0, sizeof *f); break;
	case DEFAULT_NEW:	break;
	case DEFAULT_ZERO:	f->endpoint_exists = true;
				f->endpoint_compute = "k8s-dev";
				f->deployments = others; f->n_deployments = 1;
				f->deployments_known = true;
				f->endpoint_routes_others = true; break;
	case NO_DEP_NAME:	p->deployment.name[0] = '\0'; break;
	case EXISTING_NO_AUTH:	p->auth_mode[0] = '\0';
				f->endpoint_exists = true;
				f->endpoint_compute = "k8s-dev";
				f->deployments_known = true; break;
	case LOCAL_MODEL:	strcpy(p->deployment.model, "./model.pkl");
				f->model_known = true; break;
	case AUTH_KEPT:		f->endpoint_exists = true;
				f->endpoint_compute = "k8s-dev";
				f->endpoint_auth_mode = "AMLToken"; break;
	case CODE_REF:		strcpy(p->deployment.code, "azureml:score:2");
				strcpy(p->deployment.scoring_script,
				    "score.py"); break;
	case CODE_REF_ALONE:	strcpy(p->deployment.code, "score:2"); break;
	case CODE_BOTH:		strcpy(p->deployment.code, "score:2");
				strcpy(p->deployment.code_path, "src");
				strcpy(p->deployment.scoring_script,
				    "score.py"); break;
	case CODE_NOT_REF:	strcpy(p->deployment.code, "./src");
				strcpy(p->deployment.scoring_script,
				    "score.py"); break;
	case CODE_MISSING:	strcpy(p->deployment.code, "score:9");
				strcpy(p->deployment.scoring_script,
				    "score.py");
				f->code_known = true; break;
	case CODE_PRESENT:	strcpy(p->deployment.code, "score:2");
				strcpy(p->deployment.scoring_script,
				    "score.py");
				f->code_known = f->code_exists = true; break;
	case IMAGE:		p->deployment.environment[0] = '\0';
				strcpy(p->deployment.image, "mcr/x:1");
				strcpy(p->deployment.conda_file, "c.yml"); break;
	}
}

static void
test_rows(void)
{
	static const struct {
		const char	*what;
		enum setup	 setup;
		enum msg_id	 msg;	/* MSG__COUNT: nothing of sev or worse */
		enum severity	 sev;
		enum plan_field	 field;
	} rows[] = {
		{ "a valid deploy", OK, MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "no model", NO_MODEL, MSG_PLAN_REQUIRED, SEV_ERROR,
		    FIELD_MODEL },
		{ "an environment and an image", ENV_AND_IMAGE,
		    MSG_DEPLOY_ENV_BOTH, SEV_ERROR, FIELD_IMAGE },
		{ "neither", NO_ENV, MSG_PLAN_REQUIRED, SEV_ERROR,
		    FIELD_ENVIRONMENT },
		{ "an environment that is a path", ENV_PATH, MSG_DEPLOY_ENV_REF,
		    SEV_ERROR, FIELD_ENVIRONMENT },
		{ "a registry environment (copied)", ENV_REGISTRY,
		    MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "a curated environment's short name (copied)", ENV_CURATED,
		    MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "a registry environment with another label", ENV_LABEL,
		    MSG_DEPLOY_ENV_REGISTRY, SEV_ERROR, FIELD_ENVIRONMENT },
		{ "a registry environment its registry lacks",
		    ENV_REGISTRY_MISSING, MSG_DEPLOY_ENV_REGISTRY_MISSING,
		    SEV_ERROR, FIELD_ENVIRONMENT },
		{ "a registry model", MODEL_REGISTRY,
		    MSG_DEPLOY_MODEL_REGISTRY, SEV_ERROR, FIELD_MODEL },
		{ "a conda file without an image", CONDA_ALONE,
		    MSG_DEPLOY_CONDA_NO_IMAGE, SEV_ERROR, FIELD_CONDA_FILE },
		{ "code without a scoring script", CODE_ALONE,
		    MSG_PLAN_REQUIRED, SEV_ERROR, FIELD_SCORING_SCRIPT },
		{ "a scoring script without code", SCRIPT_ALONE,
		    MSG_PLAN_REQUIRED, SEV_ERROR, FIELD_CODE_PATH },
		{ "a CPU that is no quantity", BAD_CPU, MSG_DEPLOY_QUANTITY,
		    SEV_ERROR, FIELD_CPU_REQUEST },
		{ "a memory limit below its request", LIMIT_BELOW,
		    MSG_DEPLOY_LIMIT_BELOW, SEV_ERROR, FIELD_MEMORY_REQUEST },
		{ "auth mode none", AUTH_NONE, MSG_DEPLOY_AUTH_NONE, SEV_ERROR,
		    FIELD_AUTH_MODE },
		{ "mirror traffic", MIRROR, MSG_DEPLOY_MIRROR_K8S, SEV_ERROR,
		    FIELD_MIRROR_TRAFFIC },
		{ "traffic adding up to 60", TRAFFIC_SUM, MSG_DEPLOY_TRAFFIC_SUM,
		    SEV_ERROR, FIELD_TRAFFIC },
		{ "traffic to a deployment a new endpoint lacks",
		    TRAFFIC_UNKNOWN, MSG_DEPLOY_TRAFFIC_UNKNOWN, SEV_ERROR,
		    FIELD_TRAFFIC },
		{ "a legacy AKS compute", AKS, MSG_DEPLOY_COMPUTE_AKS,
		    SEV_ERROR, FIELD_NAME },
		{ "a compute that failed", COMPUTE_FAILED,
		    MSG_DEPLOY_COMPUTE_STATE, SEV_ERROR, FIELD_NAME },
		{ "an extension that failed", EXT_FAILED,
		    MSG_DEPLOY_EXTENSION_STATE, SEV_ERROR, FIELD_EXTENSION },
		{ "the endpoint on another compute", OTHER_COMPUTE,
		    MSG_DEPLOY_ENDPOINT_OTHER_COMPUTE, SEV_ERROR,
		    FIELD_ENDPOINT_NAME },
		{ "a deployment name the endpoint has", DEP_TAKEN,
		    MSG_DEPLOY_DEPLOYMENT_EXISTS, SEV_ERROR,
		    FIELD_DEPLOYMENT_NAME },
		{ "a model the workspace lacks", MODEL_MISSING,
		    MSG_DEPLOY_MODEL_MISSING, SEV_ERROR, FIELD_MODEL },
		{ "an environment the workspace lacks", ENV_MISSING,
		    MSG_DEPLOY_ENVIRONMENT_MISSING, SEV_ERROR,
		    FIELD_ENVIRONMENT },
		{ "3 CPU on a D4s_v3 beside the extension", TOO_BIG,
		    MSG_DEPLOY_FIT_NODE, SEV_ERROR, FIELD_CPU_REQUEST },
		{ "40 instances on 3 nodes", TOO_MANY, MSG_DEPLOY_FIT_COUNT,
		    SEV_ERROR, FIELD_INSTANCE_COUNT },
		{ "6 instances beside the other deployments'", BESIDE_OTHERS,
		    MSG_DEPLOY_FIT_COUNT, SEV_ERROR, FIELD_INSTANCE_COUNT },
		{ "offline: where the traffic goes", DEFAULT_OFFLINE,
		    MSG_DEPLOY_TRAFFIC_DEFAULT, SEV_INFO, FIELD_TRAFFIC },
		{ "a new endpoint: 100 percent", DEFAULT_NEW,
		    MSG_DEPLOY_TRAFFIC_DEFAULT_NEW, SEV_INFO, FIELD_TRAFFIC },
		{ "an endpoint serving others: 0 percent", DEFAULT_ZERO,
		    MSG_DEPLOY_TRAFFIC_DEFAULT_ZERO, SEV_WARNING,
		    FIELD_TRAFFIC },
		{ "no deployment name", NO_DEP_NAME, MSG_PLAN_REQUIRED,
		    SEV_ERROR, FIELD_DEPLOYMENT_NAME },
		{ "an existing endpoint keeps its auth mode", EXISTING_NO_AUTH,
		    MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "a local model: no reference to look up", LOCAL_MODEL,
		    MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "an image with its conda file", IMAGE, MSG__COUNT, SEV_ERROR,
		    FIELD_NONE },
		{ "an endpoint that keeps another auth mode", AUTH_KEPT,
		    MSG_DEPLOY_AUTH_KEPT, SEV_WARNING, FIELD_AUTH_MODE },
		{ "registered code with its scoring script", CODE_REF,
		    MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "registered code without a scoring script", CODE_REF_ALONE,
		    MSG_PLAN_REQUIRED, SEV_ERROR, FIELD_SCORING_SCRIPT },
		{ "registered code and a local folder", CODE_BOTH,
		    MSG_DEPLOY_CODE_BOTH, SEV_ERROR, FIELD_CODE },
		{ "registered code that is a path", CODE_NOT_REF,
		    MSG_DEPLOY_CODE_REF, SEV_ERROR, FIELD_CODE },
		{ "a code version the workspace lacks", CODE_MISSING,
		    MSG_DEPLOY_CODE_MISSING, SEV_ERROR, FIELD_CODE },
		{ "a code version the workspace has", CODE_PRESENT,
		    MSG__COUNT, SEV_ERROR, FIELD_NONE },
		{ "memory \"1\": a byte, warned", MEMORY_BARE,
		    MSG_DEPLOY_MEMORY_NO_UNIT, SEV_WARNING,
		    FIELD_MEMORY_REQUEST },
		{ "a memory limit \"2\": two bytes, warned (and below its "
		    "request)", MEMORY_LIMIT_BARE, MSG_DEPLOY_MEMORY_NO_UNIT,
		    SEV_WARNING, FIELD_MEMORY_REQUEST },
		{ "memory 1073741824 (bytes, a GiB): no warning",
		    MEMORY_BYTES, MSG__COUNT, SEV_WARNING, FIELD_NONE },
	};
	struct plan		p;
	struct plan_facts	f;
	struct verdicts		vs;
	size_t			i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		setup(rows[i].setup, &p, &f);
		verdicts_init(&vs);
		plan_check(&p, &f, &vs);
		if (rows[i].msg == MSG__COUNT)
			core_none(&vs, rows[i].sev, rows[i].what);
		else
			(void)core_expect(&vs, rows[i].field, rows[i].sev,
			    rows[i].msg, rows[i].what);
	}
}

static void
test_refs(void)
{
	static const struct {
		const char	*s;
		bool		 ref;
		const char	*name, *version;
	} rows[] = {
		{ "sk:1", true, "sk", "1" },
		{ "azureml:sk:12", true, "sk", "12" },
		{ "./model.pkl", false, NULL, NULL },
		{ "model.pkl", false, NULL, NULL },
		{ "models/sk:1", false, NULL, NULL },
		{ "C:1:2", false, NULL, NULL },
		{ ":1", false, NULL, NULL },
		{ "sk:", false, NULL, NULL },
		{ "azureml:/subscriptions/s/resourceGroups/g/providers/"
		    "Microsoft.MachineLearningServices/workspaces/w/models/sk/"
		    "versions/1", true, NULL, NULL },
	};
	struct deploy_ref	r;
	size_t			i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ok(deploy_ref_parse(rows[i].s, &r) == rows[i].ref,
		    "\"%s\" is %sa reference", rows[i].s, rows[i].ref ? "" :
		    "not ");
		if (rows[i].ref && rows[i].name != NULL) {
			is_str(r.name, rows[i].name, "\"%s\": its name",
			    rows[i].s);
			is_str(r.version, rows[i].version, "\"%s\": its version",
			    rows[i].s);
		}
		if (rows[i].ref && rows[i].name == NULL)
			ok(r.arm_id, "\"%s\": an ARM ID", rows[i].s);
	}
}

/* The registry environments akswiz copies, and what it does not take. */
static void
test_registry_refs(void)
{
	static const struct {
		const char	*s;
		const char	*reg, *name, *version, *label;
	} rows[] = {
		{ "azureml://registries/azureml/environments/sklearn-1.5/"
		    "labels/latest", "azureml", "sklearn-1.5", "", "latest" },
		{ "azureml://registries/azureml/environments/sklearn-1.5/"
		    "versions/28", "azureml", "sklearn-1.5", "28", "" },
		{ "AZUREML://registries/my-reg/environments/e/versions/1",
		    "my-reg", "e", "1", "" },
		{ "AzureML-sklearn-1.5@latest", "azureml", "sklearn-1.5", "",
		    "latest" },
		{ "AzureML-sklearn-1.5@stable", NULL, NULL, NULL, NULL },
		{ "AzureML-@latest", NULL, NULL, NULL, NULL },
		{ "azureml://registries/azureml/environments/sklearn-1.5/"
		    "labels/stable", NULL, NULL, NULL, NULL },
		{ "azureml://registries/azureml/environments/sklearn-1.5",
		    NULL, NULL, NULL, NULL },
		{ "azureml://registries/azureml/environments/sklearn-1.5/"
		    "versions/", NULL, NULL, NULL, NULL },
		{ "azureml://registries/azureml/environments/a/versions/1/x",
		    NULL, NULL, NULL, NULL },
		{ "azureml://registries/azureml/models/phi/versions/1", NULL,
		    NULL, NULL, NULL },
		{ "azureml://registries//environments/e/versions/1", NULL,
		    NULL, NULL, NULL },
		{ "sklearn:1", NULL, NULL, NULL, NULL },
	};
	struct deploy_registry_ref	r;
	size_t				i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ok(deploy_registry_env_parse(rows[i].s, &r) ==
		    (rows[i].reg != NULL), "\"%s\" is %sa registry "
		    "environment", rows[i].s, rows[i].reg != NULL ? "" :
		    "not ");
		if (rows[i].reg == NULL)
			continue;
		is_str(r.registry, rows[i].reg, "\"%s\": registry",
		    rows[i].s);
		is_str(r.name, rows[i].name, "\"%s\": name", rows[i].s);
		is_str(r.version, rows[i].version, "\"%s\": version",
		    rows[i].s);
		is_str(r.label, rows[i].label, "\"%s\": label", rows[i].s);
	}
}

static void
test_share(void)
{
	struct plan	p;

	plan_deploy(&p);
	ok(deploy_plan_new_share(&p, false) == 100, "a new endpoint: 100");
	ok(deploy_plan_new_share(&p, true) == 0, "one serving others: 0");
	p.traffic.n = 2;
	strcpy(p.traffic.t[0].name, "green");
	p.traffic.t[0].percent = 90;
	strcpy(p.traffic.t[1].name, "blue");
	p.traffic.t[1].percent = 10;
	ok(deploy_plan_new_share(&p, true) == 10, "--traffic: its share");
	p.traffic.n = 1;
	p.traffic.t[0].percent = 100;
	ok(deploy_plan_new_share(&p, false) == 0, "--traffic without it: 0");
}

int
main(void)
{
	test_rows();
	test_refs();
	test_registry_refs();
	test_share();
	return tap_done();
}
