/*
 * A deploy plan's rules (issue 13; deploy.md 1c, 4): the names, the auth
 * mode, the model and environment, the resources and whether they fit,
 * scale, request settings and traffic, each with core's rules
 * (rules-deploy.h), plus what preflight read (plan_facts).
 */
#include "config.h"
#include "core/plan-deploy-check.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "core/rules-deploy.h"

bool
deploy_ref_parse(const char *s, struct deploy_ref *r)
{
	struct deploy_ref	 tmp;
	const char		*colon;
	size_t			 n;

	if (r == NULL)
		r = &tmp;
	memset(r, 0, sizeof *r);
	if (strncmp(s, "azureml:", 8) == 0)
		s += 8;
	/* An ARM ID of a version: .../models/NAME/versions/V */
	if (s[0] == '/' && strstr(s, "/providers/Microsoft.MachineLearningServices/") != NULL &&
	    strstr(s, "/versions/") != NULL) {
		if (strlen(s) >= sizeof r->name)
			return false;
		memcpy(r->name, s, strlen(s) + 1);
		r->arm_id = true;
		return true;
	}
	/* NAME:VERSION, no path separator in either. */
	if ((colon = strchr(s, ':')) == NULL || colon == s ||
	    colon[1] == '\0' || strchr(s, '/') != NULL ||
	    strchr(colon + 1, ':') != NULL)
		return false;
	n = (size_t)(colon - s);
	if (n >= sizeof r->name || strlen(colon + 1) >= sizeof r->version)
		return false;
	memcpy(r->name, s, n);
	r->name[n] = '\0';
	memcpy(r->version, colon + 1, strlen(colon + 1) + 1);
	return true;
}

bool
deploy_ref_is_registry(const char *s)
{
	/* azureml://registries/REG/environments/NAME/labels/L (or
	 * /versions/V), and the short name azure-ai-ml resolves to the
	 * azureml registry's curated environments: AzureML-NAME@LABEL. */
	return strncasecmp(s, "azureml://registries/", 21) == 0 ||
	    (strncasecmp(s, "azureml:", 8) != 0 &&
	    strncasecmp(s, "AzureML-", 8) == 0 && strchr(s, '@') != NULL);
}

/* Copy the n bytes at s into dst (len), false when they do not fit or
 * are none or hold a slash. */
static bool
part(char *dst, size_t len, const char *s, size_t n)
{
	if (n == 0 || n >= len || memchr(s, '/', n) != NULL)
		return false;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return true;
}

bool
deploy_registry_env_parse(const char *s, struct deploy_registry_ref *r)
{
	struct deploy_registry_ref	 tmp;
	const char			*p, *at;
	char				*dst;
	size_t				 n;

	if (r == NULL)
		r = &tmp;
	memset(r, 0, sizeof *r);
	/* AzureML-NAME@latest: the azureml registry's curated NAME. */
	if (strncasecmp(s, "AzureML-", 8) == 0 &&
	    (at = strrchr(s, '@')) != NULL)
		return strcmp(at + 1, "latest") == 0 &&
		    part(r->registry, sizeof r->registry, "azureml", 7) &&
		    part(r->name, sizeof r->name, s + 8, (size_t)(at - s - 8)) &&
		    part(r->label, sizeof r->label, "latest", 6);
	if (strncasecmp(s, "azureml://registries/", 21) != 0)
		return false;
	p = s + 21;
	n = strcspn(p, "/");
	if (!part(r->registry, sizeof r->registry, p, n) ||
	    strncmp(p + n, "/environments/", 14) != 0)
		return false;
	p += n + 14;
	n = strcspn(p, "/");
	if (!part(r->name, sizeof r->name, p, n))
		return false;
	p += n;
	if (strncmp(p, "/versions/", 10) == 0)
		dst = r->version, n = sizeof r->version;
	else if (strcmp(p, "/labels/latest") == 0)
		dst = r->label, n = sizeof r->label;
	else
		return false;
	p = strchr(p + 1, '/') + 1;
	return part(dst, n, p, strlen(p));
}

bool
deploy_model_is_local(const struct plan *p)
{
	return p->deployment.model[0] != '\0' &&
	    !deploy_ref_parse(p->deployment.model, NULL) &&
	    !deploy_ref_is_registry(p->deployment.model);
}

bool
deploy_plan_resources(const struct plan *p, struct deploy_resources *r)
{
	const struct plan_deployment	*d = &p->deployment;
	bool				 ok = true;

	r->cpu_m = r->memory_mib = DEPLOY_UNSET;
	r->gpu = d->gpu;
	if (d->cpu[0] != '\0' && !k8s_cpu_parse(d->cpu, &r->cpu_m))
		ok = false;
	if (d->memory[0] != '\0' && !k8s_memory_parse(d->memory,
	    &r->memory_mib))
		ok = false;
	return ok;
}

long
deploy_plan_new_share(const struct plan *p, bool endpoint_has_others)
{
	size_t	i;

	for (i = 0; i < p->traffic.n; i++)
		if (strcmp(p->traffic.t[i].name, p->deployment.name) == 0)
			return p->traffic.t[i].percent;
	if (p->traffic.n > 0)
		return 0;
	return endpoint_has_others ? 0 : 100;
}

static void
required(enum plan_field f, struct verdicts *vs)
{
	struct verdict	*v = verdicts_add(vs, f, SEV_ERROR, MSG_PLAN_REQUIRED);
	const char	*flag = plan_field_flag(f);

	verdict_arg(v, "%s", flag != NULL ? flag : plan_field_path(f));
	verdict_arg(v, "%s", plan_op_name(PLAN_DEPLOY));
}

/* A CPU or memory quantity that does not parse, or a limit below it. */
static void
check_quantity(const char *what, enum plan_field f, const char *req,
    const char *limit, bool (*parse)(const char *, long *),
    struct verdicts *vs)
{
	struct verdict	*v;
	long		 r = DEPLOY_UNSET, l = DEPLOY_UNSET;

	if (req[0] != '\0' && !parse(req, &r)) {
		v = verdicts_add(vs, f, SEV_ERROR, MSG_DEPLOY_QUANTITY);
		verdict_arg_text(v, what);
		verdict_arg(v, "%s", req);
	}
	if (limit[0] != '\0' && !parse(limit, &l)) {
		v = verdicts_add(vs, f, SEV_ERROR, MSG_DEPLOY_QUANTITY);
		verdict_arg_text(v, what);
		verdict_arg(v, "%s", limit);
	}
	if (r != DEPLOY_UNSET && l != DEPLOY_UNSET && l < r) {
		v = verdicts_add(vs, f, SEV_ERROR, MSG_DEPLOY_LIMIT_BELOW);
		verdict_arg_text(v, what);
		verdict_arg(v, "%s", limit);
		verdict_arg(v, "%s", req);
	}
}

/*
 * A memory request or limit with no unit is a number of bytes to
 * Kubernetes: "1" there is one byte, which nobody means (the guide's
 * memory_gb=1 typed as "1").  Under a mebibyte it is taken as a slip and
 * warned of; the service itself would take it.
 */
static void
check_memory_unit(const char *q, struct verdicts *vs)
{
	size_t		 n = strlen(q);
	long		 mib;
	struct verdict	*v;

	if (n == 0 || q[n - 1] < '0' || q[n - 1] > '9' ||
	    !k8s_memory_parse(q, &mib) || mib != 1)
		return;
	v = verdicts_add(vs, FIELD_MEMORY_REQUEST, SEV_WARNING,
	    MSG_DEPLOY_MEMORY_NO_UNIT);
	verdict_arg(v, "%s", q);
}

static bool
k8s_cpu_parse_fn(const char *s, long *out)
{
	return k8s_cpu_parse(s, out);
}

static bool
k8s_memory_parse_fn(const char *s, long *out)
{
	return k8s_memory_parse(s, out);
}

/* The model, code and environment. */
static void
check_assets(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	const struct plan_deployment	*d = &p->deployment;
	struct verdict			*v;

	if (d->model[0] == '\0')
		required(FIELD_MODEL, vs);
	else if (deploy_ref_is_registry(d->model)) {
		v = verdicts_add(vs, FIELD_MODEL, SEV_ERROR,
		    MSG_DEPLOY_MODEL_REGISTRY);
		verdict_arg(v, "%s", d->model);
	} else if (f->model_known && !f->model_exists &&
	    !deploy_model_is_local(p)) {
		v = verdicts_add(vs, FIELD_MODEL, SEV_ERROR,
		    MSG_DEPLOY_MODEL_MISSING);
		verdict_arg(v, "%s", d->model);
	}
	if (d->code_path[0] != '\0' && d->code[0] != '\0')
		(void)verdicts_add(vs, FIELD_CODE, SEV_ERROR,
		    MSG_DEPLOY_CODE_BOTH);
	else if (d->code[0] != '\0' && (!deploy_ref_parse(d->code, NULL) ||
	    deploy_ref_is_registry(d->code))) {
		v = verdicts_add(vs, FIELD_CODE, SEV_ERROR, MSG_DEPLOY_CODE_REF);
		verdict_arg(v, "%s", d->code);
	} else if (d->code[0] != '\0' && f->code_known && !f->code_exists) {
		v = verdicts_add(vs, FIELD_CODE, SEV_ERROR,
		    MSG_DEPLOY_CODE_MISSING);
		verdict_arg(v, "%s", d->code);
	}
	if ((d->code_path[0] != '\0' || d->code[0] != '\0') &&
	    d->scoring_script[0] == '\0')
		required(FIELD_SCORING_SCRIPT, vs);
	if (d->scoring_script[0] != '\0' && d->code_path[0] == '\0' &&
	    d->code[0] == '\0')
		required(FIELD_CODE_PATH, vs);
	if (d->environment[0] != '\0' && d->image[0] != '\0') {
		v = verdicts_add(vs, FIELD_IMAGE, SEV_ERROR,
		    MSG_DEPLOY_ENV_BOTH);
		verdict_arg(v, "%s", "--image");
	} else if (d->environment[0] == '\0' && d->image[0] == '\0')
		required(FIELD_ENVIRONMENT, vs);
	else if (d->environment[0] != '\0' &&
	    deploy_ref_is_registry(d->environment)) {
		/* One akswiz copies into the workspace (registry.h), when
		 * its registry has it. */
		if (!deploy_registry_env_parse(d->environment, NULL)) {
			v = verdicts_add(vs, FIELD_ENVIRONMENT, SEV_ERROR,
			    MSG_DEPLOY_ENV_REGISTRY);
			verdict_arg(v, "%s", d->environment);
		} else if (f->environment_known && !f->environment_exists) {
			v = verdicts_add(vs, FIELD_ENVIRONMENT, SEV_ERROR,
			    MSG_DEPLOY_ENV_REGISTRY_MISSING);
			verdict_arg(v, "%s", d->environment);
		}
	} else if (d->environment[0] != '\0' &&
	    !deploy_ref_parse(d->environment, NULL)) {
		v = verdicts_add(vs, FIELD_ENVIRONMENT, SEV_ERROR,
		    MSG_DEPLOY_ENV_REF);
		verdict_arg(v, "%s", d->environment);
	} else if (d->environment[0] != '\0' && f->environment_known &&
	    !f->environment_exists) {
		v = verdicts_add(vs, FIELD_ENVIRONMENT, SEV_ERROR,
		    MSG_DEPLOY_ENVIRONMENT_MISSING);
		verdict_arg(v, "%s", d->environment);
	}
	if (d->conda_file[0] != '\0' && d->image[0] == '\0')
		(void)verdicts_add(vs, FIELD_CONDA_FILE, SEV_ERROR,
		    MSG_DEPLOY_CONDA_NO_IMAGE);
}

/* The endpoint: free, or the plan's compute's; the deployment name free. */
static void
check_endpoint(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	struct verdict	*v;
	enum deploy_auth auth;
	size_t		 i;

	if (f->endpoint_known && f->endpoint_exists &&
	    f->endpoint_compute != NULL &&
	    strcmp(f->endpoint_compute, p->name) != 0) {
		v = verdicts_add(vs, FIELD_ENDPOINT_NAME, SEV_ERROR,
		    MSG_DEPLOY_ENDPOINT_OTHER_COMPUTE);
		verdict_arg(v, "%s", p->endpoint_name);
		verdict_arg(v, "%s", f->endpoint_compute);
		verdict_arg(v, "%s", p->name);
	}
	if (f->endpoint_known && f->endpoint_exists &&
	    f->endpoint_auth_mode != NULL && deploy_auth_parse(p->auth_mode,
	    &auth) && strcasecmp(deploy_auth_rest(auth),
	    f->endpoint_auth_mode) != 0) {
		v = verdicts_add(vs, FIELD_AUTH_MODE, SEV_WARNING,
		    MSG_DEPLOY_AUTH_KEPT);
		verdict_arg(v, "%s", p->endpoint_name);
		verdict_arg(v, "%s", f->endpoint_auth_mode);
		verdict_arg(v, "%s", deploy_auth_rest(auth));
	}
	if (!f->deployments_known)
		return;
	for (i = 0; i < f->n_deployments; i++)
		if (strcmp(f->deployments[i], p->deployment.name) == 0) {
			v = verdicts_add(vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
			    MSG_DEPLOY_DEPLOYMENT_EXISTS);
			verdict_arg(v, "%s", p->endpoint_name);
			verdict_arg(v, "%s", p->deployment.name);
		}
}

/* The compute and its cluster's extension work (preflight read them). */
static void
check_compute_state(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	struct verdict	*v;

	if (f->compute_state != NULL && strcasecmp(f->compute_state,
	    "Succeeded") != 0) {
		v = verdicts_add(vs, FIELD_NAME, SEV_ERROR,
		    MSG_DEPLOY_COMPUTE_STATE);
		verdict_arg(v, "%s", p->name);
		verdict_arg(v, "%s", f->compute_state);
		return;
	}
	if (f->extension_known && (!f->extension_present ||
	    f->extension_state == NULL ||
	    strcasecmp(f->extension_state, "Succeeded") != 0)) {
		v = verdicts_add(vs, FIELD_EXTENSION, SEV_ERROR,
		    MSG_DEPLOY_EXTENSION_STATE);
		verdict_arg(v, "%s", p->name);
		verdict_arg(v, "%s", !f->extension_present ? "absent" :
		    f->extension_state != NULL ? f->extension_state : "?");
	}
}

/* Traffic: the rules, on the deployments known; what the default does. */
static void
check_traffic(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	const char	*known[DEPLOY_TRAFFIC_MAX + 1];
	size_t		 n = 0, i;
	bool		 is_known = f->endpoint_known && (!f->endpoint_exists ||
			    f->deployments_known);
	struct verdict	*v;

	rules_deploy_mirror_traffic(&p->mirror_traffic, vs);
	if (is_known) {
		known[n++] = p->deployment.name;
		for (i = 0; f->endpoint_exists && i < f->n_deployments &&
		    n < DEPLOY_TRAFFIC_MAX + 1; i++)
			known[n++] = f->deployments[i];
	}
	if (p->traffic.n > 0) {
		rules_deploy_traffic(&p->traffic, is_known ? known : NULL, n,
		    vs);
		return;
	}
	if (!is_known) {
		v = verdicts_add(vs, FIELD_TRAFFIC, SEV_INFO,
		    MSG_DEPLOY_TRAFFIC_DEFAULT);
		verdict_arg(v, "%s", p->deployment.name);
		return;
	}
	if (f->endpoint_exists && f->endpoint_routes_others) {
		/* A deployment that serves nothing: worth a warning. */
		v = verdicts_add(vs, FIELD_TRAFFIC, SEV_WARNING,
		    MSG_DEPLOY_TRAFFIC_DEFAULT_ZERO);
		verdict_arg(v, "%s", p->endpoint_name);
		verdict_arg(v, "%s", p->deployment.name);
	} else {
		v = verdicts_add(vs, FIELD_TRAFFIC, SEV_INFO,
		    MSG_DEPLOY_TRAFFIC_DEFAULT_NEW);
		verdict_arg(v, "%s", p->deployment.name);
	}
}

void
check_deploy(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	const struct plan_deployment	*d = &p->deployment;
	struct deploy_resources		 req;
	size_t				 before;

	if (p->endpoint_name[0] == '\0')
		required(FIELD_ENDPOINT_NAME, vs);
	else
		rules_deploy_endpoint_name(p->endpoint_name, vs);
	if (d->name[0] == '\0')
		required(FIELD_DEPLOYMENT_NAME, vs);
	else
		rules_deploy_deployment_name(d->name, vs);
	/* The auth mode is the endpoint's: an existing one keeps its own. */
	if (!(f->endpoint_known && f->endpoint_exists) ||
	    p->auth_mode[0] != '\0')
		rules_deploy_auth_mode(p->auth_mode, vs);
	rules_deploy_endpoint_compute(p->name, f->endpoint_compute_type, vs);
	check_compute_state(p, f, vs);
	check_endpoint(p, f, vs);
	check_assets(p, f, vs);
	before = vs->n;
	check_quantity(N_("CPU"), FIELD_CPU_REQUEST, d->cpu, d->cpu_limit,
	    k8s_cpu_parse_fn, vs);
	check_quantity(N_("memory"), FIELD_MEMORY_REQUEST, d->memory,
	    d->memory_limit, k8s_memory_parse_fn, vs);
	rules_deploy_scale(&d->scale, vs);
	rules_deploy_requests(&d->requests, vs);
	rules_deploy_probe(&d->liveness, true, vs);
	rules_deploy_probe(&d->readiness, false, vs);
	if (vs->n == before && deploy_plan_resources(p, &req))
		rules_deploy_fit_with(&req, f->node_size, f->node_k8s_version,
		    f->node_count, f->node_max_pods, &d->scale, f->placed,
		    f->n_placed, vs);
	check_memory_unit(d->memory, vs);
	check_memory_unit(d->memory_limit, vs);
	check_traffic(p, f, vs);
}
