/*
 * Deploying a model to a Kubernetes compute (see rules-deploy.h).
 *
 * Sources:
 * - Names: Azure ML's endpoint limits ("Endpoint names must begin with a
 *   letter, be 3-32 characters in length, only consist of letters and
 *   numbers"; single dashes are accepted in endpoint and deployment names;
 *   deployment names follow the same rule), learn.microsoft.com
 *   azure/machine-learning/how-to-manage-quotas#azure-machine-learning-
 *   online-endpoints-and-batch-endpoints, and azure-ai-ml's client check
 *   (validate_endpoint_or_deployment_name: 3 to 32 characters,
 *   ^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$).
 * - Auth modes: deploy.md 1c (authMode AMLToken | Key | AADToken; AADToken
 *   is managed endpoints only, how-to-authenticate-online-endpoint) and 4
 *   (no "no auth" mode in v2).
 * - Traffic: deploy.md 1c (values sum to 100; an endpoint without
 *   positive weights routes nothing: all 0 is a valid state).  Mirror
 *   traffic: issue 13 (not supported on Kubernetes endpoints).
 * - Scale and requests: deploy.md 1c (TargetUtilizationScaleSettings,
 *   OnlineRequestSettings) and 2 (bounds > 0, min <= max; the scoring
 *   timeout is capped at 300000 ms, MachineLearningNotebooks#1624).
 * - Node reservations: AKS's "Node resource reservations"
 *   (learn.microsoft.com/azure/aks/node-resource-reservations, formerly
 *   concepts-clusters-workloads#resource-reservations):
 *   kube-reserved CPU 60, 100, 140, 180, 260, 420, 740 millicores for 1,
 *   2, 4, 8, 16, 32, 64 cores (between two rows akswiz interpolates
 *   linearly; above 64 cores 10m a core, the slope of the last rows).
 *   Memory, AKS 1.29 and later: the lesser of 20 MB x max pods + 50 MB and
 *   25% of the memory, plus the eviction threshold memory.available <
 *   100Mi.  Before 1.29: 25% of the first 4 GB, 20% of the next 4 GB, 10%
 *   of the next 8 GB, 6% of the next 112 GB, 2% above 128 GB, plus
 *   memory.available < 750Mi.  akswiz counts MB as MiB.
 * - The Azure ML extension's own pods: kubernetes-path.md A.10
 *   (reference-kubernetes.md: about 1780m CPU and 2440Mi for inference).
 */
#include "config.h"
#include "core/rules-deploy.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"

/* Why a name is not valid (N_() text), or NULL if it is. */
static const char *
deploy_name_problem(const char *s)
{
	size_t	i, len = s != NULL ? strlen(s) : 0;

	if (len < DEPLOY_NAME_MIN || len > DEPLOY_NAME_MAX)
		return N_("it must be 3 to 32 characters long");
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return N_("it must start with a letter");
	for (i = 0; i < len; i++) {
		unsigned char	c = (unsigned char)s[i];

		if (!(c < 0x80 && (isalnum(c) || c == '-')))
			return N_("it may contain only letters, digits and "
			    "hyphens");
	}
	if (s[len - 1] == '-')
		return N_("it must end with a letter or a digit");
	return NULL;
}

bool
deploy_name_valid(const char *s)
{
	return deploy_name_problem(s) == NULL;
}

static void
rules_deploy_name(const char *s, enum plan_field f, enum msg_id m,
    struct verdicts *vs)
{
	const char	*why = deploy_name_problem(s);
	struct verdict	*v;

	if (why == NULL)
		return;
	v = verdicts_add(vs, f, SEV_ERROR, m);
	verdict_arg(v, "%s", s != NULL ? s : "");
	verdict_arg_text(v, why);
}

void
rules_deploy_endpoint_name(const char *s, struct verdicts *vs)
{
	rules_deploy_name(s, FIELD_ENDPOINT_NAME, MSG_DEPLOY_ENDPOINT_NAME, vs);
}

void
rules_deploy_deployment_name(const char *s, struct verdicts *vs)
{
	rules_deploy_name(s, FIELD_DEPLOYMENT_NAME, MSG_DEPLOY_DEPLOYMENT_NAME,
	    vs);
}

bool
deploy_auth_parse(const char *s, enum deploy_auth *out)
{
	if (s == NULL)
		return false;
	if (strcasecmp(s, "key") == 0) {
		*out = DEPLOY_AUTH_KEY;
		return true;
	}
	if (strcasecmp(s, "aml_token") == 0 || strcasecmp(s, "AMLToken") == 0) {
		*out = DEPLOY_AUTH_AML_TOKEN;
		return true;
	}
	return false;
}

const char *
deploy_auth_rest(enum deploy_auth a)
{
	return a == DEPLOY_AUTH_AML_TOKEN ? "AMLToken" : "Key";
}

void
rules_deploy_auth_mode(const char *s, struct verdicts *vs)
{
	enum deploy_auth	 a;
	struct verdict		*v;

	if (s == NULL || *s == '\0') {
		verdicts_add(vs, FIELD_AUTH_MODE, SEV_ERROR,
		    MSG_DEPLOY_AUTH_MISSING);
		return;
	}
	if (deploy_auth_parse(s, &a))
		return;
	if (strcasecmp(s, "none") == 0 || strcasecmp(s, "no_auth") == 0 ||
	    strcasecmp(s, "false") == 0)
		verdicts_add(vs, FIELD_AUTH_MODE, SEV_ERROR,
		    MSG_DEPLOY_AUTH_NONE);
	else if (strcasecmp(s, "aad_token") == 0 ||
	    strcasecmp(s, "AADToken") == 0)
		verdicts_add(vs, FIELD_AUTH_MODE, SEV_ERROR,
		    MSG_DEPLOY_AUTH_AAD);
	else {
		v = verdicts_add(vs, FIELD_AUTH_MODE, SEV_ERROR,
		    MSG_DEPLOY_AUTH_INVALID);
		verdict_arg(v, "%s", s);
	}
}

void
rules_deploy_endpoint_compute(const char *name, const char *type,
    struct verdicts *vs)
{
	struct verdict	*v;

	if (type == NULL || strcasecmp(type, "Kubernetes") == 0)
		return;
	if (strcasecmp(type, "AKS") == 0) {
		v = verdicts_add(vs, FIELD_NAME, SEV_ERROR,
		    MSG_DEPLOY_COMPUTE_AKS);
		verdict_arg(v, "%s", name);
		return;
	}
	v = verdicts_add(vs, FIELD_NAME, SEV_ERROR, MSG_DEPLOY_COMPUTE_TYPE);
	verdict_arg(v, "%s", name);
	verdict_arg(v, "%s", type);
}

void
rules_deploy_endpoint_free(const char *endpoint, bool exists,
    struct verdicts *vs)
{
	if (exists)
		verdict_arg(verdicts_add(vs, FIELD_ENDPOINT_NAME, SEV_ERROR,
		    MSG_DEPLOY_ENDPOINT_EXISTS), "%s", endpoint);
}

long
deploy_traffic_sum(const struct deploy_traffic *t)
{
	long	sum = 0;
	size_t	i;

	for (i = 0; i < t->n && i < DEPLOY_TRAFFIC_MAX; i++)
		if (t->t[i].percent > 0 && sum < LONG_MAX - t->t[i].percent)
			sum += t->t[i].percent;
	return sum;
}

void
rules_deploy_traffic(const struct deploy_traffic *t, const char *const *known,
    size_t nknown, struct verdicts *vs)
{
	struct verdict	*v;
	bool		 ranged = true;
	size_t		 i, k;
	long		 sum;

	for (i = 0; i < t->n && i < DEPLOY_TRAFFIC_MAX; i++) {
		if (t->t[i].percent < 0 || t->t[i].percent > 100) {
			v = verdicts_add(vs, FIELD_TRAFFIC, SEV_ERROR,
			    MSG_DEPLOY_TRAFFIC_RANGE);
			verdict_arg(v, "%s", t->t[i].name);
			verdict_arg(v, "%ld", t->t[i].percent);
			ranged = false;
		}
		if (known == NULL)
			continue;
		for (k = 0; k < nknown; k++)
			if (strcasecmp(known[k], t->t[i].name) == 0)
				break;
		if (k == nknown) {
			v = verdicts_add(vs, FIELD_TRAFFIC, SEV_ERROR,
			    MSG_DEPLOY_TRAFFIC_UNKNOWN);
			verdict_arg(v, "%s", t->t[i].name);
		}
	}
	sum = deploy_traffic_sum(t);
	if (ranged && sum != 0 && sum != 100) {
		v = verdicts_add(vs, FIELD_TRAFFIC, SEV_ERROR,
		    MSG_DEPLOY_TRAFFIC_SUM);
		verdict_arg(v, "%ld", sum);
	}
}

void
rules_deploy_mirror_traffic(const struct deploy_traffic *t,
    struct verdicts *vs)
{
	if (deploy_traffic_sum(t) > 0)
		verdicts_add(vs, FIELD_MIRROR_TRAFFIC, SEV_ERROR,
		    MSG_DEPLOY_MIRROR_K8S);
}

void
deploy_scale_init(struct deploy_scale *s)
{
	s->autoscale = false;
	s->instances = s->min_instances = s->max_instances = DEPLOY_UNSET;
	s->target_utilization = s->polling_interval_s = DEPLOY_UNSET;
}

static void
bad_long(struct verdicts *vs, enum plan_field f, enum msg_id m, long n)
{
	verdict_arg(verdicts_add(vs, f, SEV_ERROR, m), "%ld", n);
}

void
rules_deploy_scale(const struct deploy_scale *s, struct verdicts *vs)
{
	struct verdict	*v;

	if (!s->autoscale) {
		if (s->instances != DEPLOY_UNSET && s->instances < 1)
			bad_long(vs, FIELD_INSTANCE_COUNT, MSG_DEPLOY_INSTANCES,
			    s->instances);
		return;
	}
	if (s->instances != DEPLOY_UNSET)
		verdicts_add(vs, FIELD_INSTANCE_COUNT, SEV_ERROR,
		    MSG_DEPLOY_SCALE_BOTH);
	if (s->min_instances != DEPLOY_UNSET && s->min_instances < 1)
		bad_long(vs, FIELD_MIN_INSTANCES, MSG_DEPLOY_MIN_INSTANCES,
		    s->min_instances);
	else if (s->min_instances != DEPLOY_UNSET &&
	    s->max_instances >= 1 && s->min_instances > s->max_instances) {
		v = verdicts_add(vs, FIELD_MIN_INSTANCES, SEV_ERROR,
		    MSG_DEPLOY_MIN_MAX);
		verdict_arg(v, "%ld", s->min_instances);
		verdict_arg(v, "%ld", s->max_instances);
	}
	if (s->max_instances != DEPLOY_UNSET && s->max_instances < 1)
		bad_long(vs, FIELD_MAX_INSTANCES, MSG_DEPLOY_INSTANCES,
		    s->max_instances);
	if (s->target_utilization != DEPLOY_UNSET &&
	    (s->target_utilization < 1 || s->target_utilization > 100))
		bad_long(vs, FIELD_TARGET_UTILIZATION, MSG_DEPLOY_TARGET_UTIL,
		    s->target_utilization);
	if (s->polling_interval_s != DEPLOY_UNSET && s->polling_interval_s < 1)
		bad_long(vs, FIELD_POLLING_INTERVAL, MSG_DEPLOY_POLLING,
		    s->polling_interval_s);
}

void
deploy_requests_init(struct deploy_requests *r)
{
	r->timeout_ms = r->max_concurrent = r->max_queue_wait_ms = DEPLOY_UNSET;
}

void
rules_deploy_requests(const struct deploy_requests *r, struct verdicts *vs)
{
	struct verdict	*v;

	if (r->timeout_ms != DEPLOY_UNSET &&
	    (r->timeout_ms < 1 || r->timeout_ms > DEPLOY_TIMEOUT_MAX_MS)) {
		v = verdicts_add(vs, FIELD_REQUEST_TIMEOUT, SEV_ERROR,
		    MSG_DEPLOY_TIMEOUT);
		verdict_arg(v, "%ld", r->timeout_ms);
		verdict_arg(v, "%ld", DEPLOY_TIMEOUT_MAX_MS);
	}
	if (r->max_concurrent != DEPLOY_UNSET && r->max_concurrent < 1)
		bad_long(vs, FIELD_MAX_CONCURRENT, MSG_DEPLOY_CONCURRENCY,
		    r->max_concurrent);
	if (r->max_queue_wait_ms != DEPLOY_UNSET &&
	    (r->max_queue_wait_ms < 0 ||
	    r->max_queue_wait_ms > DEPLOY_QUEUE_WAIT_MAX_MS)) {
		v = verdicts_add(vs, FIELD_MAX_QUEUE_WAIT, SEV_ERROR,
		    MSG_DEPLOY_QUEUE_WAIT);
		verdict_arg(v, "%ld", r->max_queue_wait_ms);
		verdict_arg(v, "%ld", DEPLOY_QUEUE_WAIT_MAX_MS);
	}
}

void
deploy_probe_init(struct deploy_probe *p)
{
	p->initial_delay_s = p->period_s = p->timeout_s =
	    p->success_threshold = p->failure_threshold = DEPLOY_UNSET;
}

bool
deploy_probe_given(const struct deploy_probe *p)
{
	return p->initial_delay_s != DEPLOY_UNSET ||
	    p->period_s != DEPLOY_UNSET || p->timeout_s != DEPLOY_UNSET ||
	    p->success_threshold != DEPLOY_UNSET ||
	    p->failure_threshold != DEPLOY_UNSET;
}

/* Value n of the liveness or readiness probe is below min. */
static void
probe_low(struct verdicts *vs, enum plan_field f, enum msg_id m,
    bool liveness, long n, long min)
{
	struct verdict	*v;

	if (n == DEPLOY_UNSET || n >= min)
		return;
	v = verdicts_add(vs, f, SEV_ERROR, m);
	verdict_arg(v, "%s", liveness ? "liveness" : "readiness");
	verdict_arg(v, "%ld", n);
}

void
rules_deploy_probe(const struct deploy_probe *p, bool liveness,
    struct verdicts *vs)
{
	probe_low(vs, liveness ? FIELD_LIVENESS_INITIAL_DELAY :
	    FIELD_READINESS_INITIAL_DELAY, MSG_DEPLOY_PROBE_DELAY, liveness,
	    p->initial_delay_s, 0);
	probe_low(vs, liveness ? FIELD_LIVENESS_PERIOD : FIELD_READINESS_PERIOD,
	    MSG_DEPLOY_PROBE_PERIOD, liveness, p->period_s, 1);
	probe_low(vs, liveness ? FIELD_LIVENESS_TIMEOUT :
	    FIELD_READINESS_TIMEOUT, MSG_DEPLOY_PROBE_TIMEOUT, liveness,
	    p->timeout_s, 1);
	probe_low(vs, liveness ? FIELD_LIVENESS_SUCCESS :
	    FIELD_READINESS_SUCCESS, MSG_DEPLOY_PROBE_THRESHOLD, liveness,
	    p->success_threshold, 1);
	probe_low(vs, liveness ? FIELD_LIVENESS_FAILURE :
	    FIELD_READINESS_FAILURE, MSG_DEPLOY_PROBE_THRESHOLD, liveness,
	    p->failure_threshold, 1);
	if (liveness && p->success_threshold != DEPLOY_UNSET &&
	    p->success_threshold > 1)
		bad_long(vs, FIELD_LIVENESS_SUCCESS,
		    MSG_DEPLOY_PROBE_LIVENESS_SUCCESS, p->success_threshold);
}

/* The least whole number not below n (no libm: libcore links none). */
static long
round_up(double n)
{
	long	w = (long)n;

	return (double)w < n ? w + 1 : w;
}

/* A non-negative decimal number and the rest of s; false if none. */
static bool
quantity_number(const char *s, double *n, const char **rest)
{
	char	*end;

	if (s == NULL || !(isdigit((unsigned char)*s) || *s == '.'))
		return false;
	errno = 0;
	*n = strtod(s, &end);
	if (errno != 0 || end == s || !(*n <= 1e12))
		return false;
	*rest = end;
	return true;
}

bool
k8s_cpu_parse(const char *s, long *millicores)
{
	const char	*rest;
	double		 n;

	if (!quantity_number(s, &n, &rest))
		return false;
	if (strcmp(rest, "m") == 0)
		*millicores = round_up(n);
	else if (*rest == '\0')
		*millicores = round_up(n * 1000.0);
	else
		return false;
	return true;
}

bool
k8s_memory_parse(const char *s, long *mib)
{
	static const struct {
		const char	*suffix;
		double		 bytes;
	} units[] = {
		{ "", 1.0 }, { "k", 1e3 }, { "M", 1e6 }, { "G", 1e9 },
		{ "T", 1e12 }, { "Ki", 1024.0 }, { "Mi", 1048576.0 },
		{ "Gi", 1073741824.0 }, { "Ti", 1099511627776.0 },
	};
	const char	*rest;
	double		 n;
	size_t		 i;

	if (!quantity_number(s, &n, &rest))
		return false;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(rest, units[i].suffix) == 0) {
			*mib = round_up(n * units[i].bytes / 1048576.0);
			return true;
		}
	return false;
}

long
aks_kube_reserved_cpu_m(int vcpus)
{
	static const struct {
		int	cores;
		long	m;
	} row[] = {
		{ 1, 60 }, { 2, 100 }, { 4, 140 }, { 8, 180 }, { 16, 260 },
		{ 32, 420 }, { 64, 740 },
	};
	size_t	i, n = sizeof(row) / sizeof(row[0]);

	if (vcpus <= 1)
		return row[0].m;
	for (i = 1; i < n; i++)
		if (vcpus <= row[i].cores)
			return row[i - 1].m + (row[i].m - row[i - 1].m) *
			    (vcpus - row[i - 1].cores) /
			    (row[i].cores - row[i - 1].cores);
	return row[n - 1].m + 10L * (vcpus - row[n - 1].cores);
}

static bool
at_least_1_29(const struct k8s_version *v)
{
	return v == NULL || v->major > 1 || (v->major == 1 && v->minor >= 29);
}

long
aks_kube_reserved_memory_mib(const struct k8s_version *v, long memory_mib,
    int max_pods)
{
	static const struct {
		long	upto_mib;	/* band's upper end */
		int	percent;
	} band[] = {
		{ 4096, 25 }, { 8192, 20 }, { 16384, 10 }, { 131072, 6 },
		{ LONG_MAX, 2 },
	};
	long	pods, quarter, reserved = 0, lo = 0;
	size_t	i;

	if (memory_mib <= 0)
		return 0;
	if (at_least_1_29(v)) {
		pods = 20L * (max_pods > 0 ? max_pods : AKS_DEFAULT_MAX_PODS) +
		    50;
		quarter = memory_mib / 4;
		return pods < quarter ? pods : quarter;
	}
	for (i = 0; i < sizeof(band) / sizeof(band[0]) && lo < memory_mib;
	    i++) {
		long	hi = memory_mib < band[i].upto_mib ? memory_mib :
			    band[i].upto_mib;

		reserved += (hi - lo) * band[i].percent / 100;
		lo = hi;
	}
	return reserved;
}

long
aks_eviction_mib(const struct k8s_version *v)
{
	return at_least_1_29(v) ? 100 : 750;
}

void
aks_node_allocatable(const struct vm_size *size, const struct k8s_version *v,
    int max_pods, struct deploy_resources *out)
{
	long	mem = (long)(size->memory_gb * 1024.0);

	out->cpu_m = size->vcpus * 1000L - aks_kube_reserved_cpu_m(size->vcpus);
	out->memory_mib = mem - aks_kube_reserved_memory_mib(v, mem, max_pods) -
	    aks_eviction_mib(v);
	out->gpu = size->gpus;
}

/* How many of req fit into room (LONG_MAX when req asks for nothing). */
static long
fit_count(const struct deploy_resources *req,
    const struct deploy_resources *room)
{
	long	n = LONG_MAX;

	if (room->cpu_m < 0 || room->memory_mib < 0 || room->gpu < 0)
		return 0;
	if (req->cpu_m > 0 && room->cpu_m / req->cpu_m < n)
		n = room->cpu_m / req->cpu_m;
	if (req->memory_mib > 0 && room->memory_mib / req->memory_mib < n)
		n = room->memory_mib / req->memory_mib;
	if (req->gpu > 0 && room->gpu / req->gpu < n)
		n = room->gpu / req->gpu;
	return n;
}

/* One node's allocatable, less the extension's pods. */
static void
first_node(const struct vm_size *size, const struct k8s_version *v,
    int max_pods, struct deploy_resources *room)
{
	aks_node_allocatable(size, v, max_pods, room);
	room->cpu_m -= AML_EXT_CPU_M;
	room->memory_mib -= AML_EXT_MEMORY_MIB;
}

/* Whether req fits into room; if so, take it from room. */
static bool
place(struct deploy_resources *room, const struct deploy_resources *req)
{
	if ((req->cpu_m > 0 && req->cpu_m > room->cpu_m) ||
	    (req->memory_mib > 0 && req->memory_mib > room->memory_mib) ||
	    (req->gpu > 0 && req->gpu > room->gpu))
		return false;
	room->cpu_m -= req->cpu_m > 0 ? req->cpu_m : 0;
	room->memory_mib -= req->memory_mib > 0 ? req->memory_mib : 0;
	room->gpu -= req->gpu > 0 ? req->gpu : 0;
	return true;
}

long
deploy_instances_fit_with(const struct deploy_resources *req,
    const struct vm_size *size, const struct k8s_version *v, int nodes,
    int max_pods, const struct deploy_placed *placed, size_t nplaced)
{
	struct deploy_resources	room[DEPLOY_NODES_MAX];
	long			n, total = 0, k;
	size_t			i;
	int			node;

	if (size == NULL || nodes < 1)
		return 0;
	if (nodes > DEPLOY_NODES_MAX)
		nodes = DEPLOY_NODES_MAX;
	first_node(size, v, max_pods, &room[0]);
	for (node = 1; node < nodes; node++)
		aks_node_allocatable(size, v, max_pods, &room[node]);
	for (i = 0; i < nplaced; i++)
		for (k = 0; k < placed[i].instances; k++)
			for (node = 0; node < nodes; node++)
				if (place(&room[node], &placed[i].req))
					break;
	for (node = 0; node < nodes; node++) {
		n = fit_count(req, &room[node]);
		if (n == LONG_MAX || total > LONG_MAX - n)
			return LONG_MAX;
		total += n;
	}
	return total;
}

long
deploy_instances_fit(const struct deploy_resources *req,
    const struct vm_size *size, const struct k8s_version *v, int nodes,
    int max_pods)
{
	return deploy_instances_fit_with(req, size, v, nodes, max_pods, NULL,
	    0);
}

static void
fit_one(const char *what, long want, long left, const char *unit,
    const struct vm_size *size, enum plan_field f, struct verdicts *vs)
{
	struct verdict	*v;

	if (want <= 0 || want <= left)
		return;
	v = verdicts_add(vs, f, SEV_ERROR, MSG_DEPLOY_FIT_NODE);
	verdict_arg_text(v, what);
	verdict_arg(v, "%ld%s", want, unit);
	verdict_arg(v, "%ld%s", left > 0 ? left : 0, unit);
	verdict_arg(v, "%s", size->name);
}

void
rules_deploy_fit(const struct deploy_resources *req,
    const struct vm_size *size, const char *k8s_version, int nodes,
    int max_pods, const struct deploy_scale *scale, struct verdicts *vs)
{
	rules_deploy_fit_with(req, size, k8s_version, nodes, max_pods, scale,
	    NULL, 0, vs);
}

void
rules_deploy_fit_with(const struct deploy_resources *req,
    const struct vm_size *size, const char *k8s_version, int nodes,
    int max_pods, const struct deploy_scale *scale,
    const struct deploy_placed *placed, size_t nplaced, struct verdicts *vs)
{
	struct deploy_resources	 room;
	struct k8s_version	 ver, *vp = NULL;
	struct verdict		*v;
	size_t			 before = vs->n;
	long			 want, fit;

	if (req->cpu_m != DEPLOY_UNSET && req->cpu_m <= 0) {
		v = verdicts_add(vs, FIELD_CPU_REQUEST, SEV_ERROR,
		    MSG_DEPLOY_REQUEST_INVALID);
		verdict_arg_text(v, N_("CPU"));
		verdict_arg(v, "%ldm", req->cpu_m);
	}
	if (req->memory_mib != DEPLOY_UNSET && req->memory_mib <= 0) {
		v = verdicts_add(vs, FIELD_MEMORY_REQUEST, SEV_ERROR,
		    MSG_DEPLOY_REQUEST_INVALID);
		verdict_arg_text(v, N_("memory"));
		verdict_arg(v, "%ldMi", req->memory_mib);
	}
	if (req->gpu != DEPLOY_UNSET && req->gpu < 0) {
		v = verdicts_add(vs, FIELD_GPU_REQUEST, SEV_ERROR,
		    MSG_DEPLOY_REQUEST_INVALID);
		verdict_arg_text(v, N_("GPU"));
		verdict_arg(v, "%ld", req->gpu);
	}
	if (vs->n != before || size == NULL)
		return;
	if (k8s_version != NULL && k8s_version_parse(k8s_version, &ver))
		vp = &ver;
	first_node(size, vp, max_pods, &room);
	fit_one(N_("CPU"), req->cpu_m, room.cpu_m, "m", size,
	    FIELD_CPU_REQUEST, vs);
	fit_one(N_("memory"), req->memory_mib, room.memory_mib, "Mi", size,
	    FIELD_MEMORY_REQUEST, vs);
	fit_one(N_("GPU"), req->gpu, room.gpu, "", size, FIELD_GPU_REQUEST,
	    vs);
	if (vs->n != before || scale == NULL || nodes < 1)
		return;
	want = scale->autoscale ? scale->max_instances : scale->instances;
	if (want == DEPLOY_UNSET && scale->autoscale)
		want = scale->min_instances;
	if (want < 1)
		return;
	fit = deploy_instances_fit_with(req, size, vp, nodes, max_pods, placed,
	    nplaced);
	if (want > fit) {
		v = verdicts_add(vs, scale->autoscale ? FIELD_MAX_INSTANCES :
		    FIELD_INSTANCE_COUNT, SEV_ERROR, MSG_DEPLOY_FIT_COUNT);
		verdict_arg(v, "%ld", want);
		verdict_arg(v, "%d", nodes);
		verdict_arg(v, "%s", size->name);
		verdict_arg(v, "%ld", fit);
		v->n = nodes;	/* "1 node", not "1 nodes" */
	}
}

void
deploy_duration_format(long ms, char *buf, size_t len)
{
	char	frac[8];
	size_t	n;

	if (ms % 1000 == 0) {
		snprintf(buf, len, "PT%ldS", ms / 1000);
		return;
	}
	snprintf(frac, sizeof frac, "%03ld", ms % 1000);
	for (n = strlen(frac); n > 0 && frac[n - 1] == '0'; n--)
		frac[n - 1] = '\0';
	snprintf(buf, len, "PT%ld.%sS", ms / 1000, frac);
}

bool
deploy_duration_parse(const char *s, long *ms)
{
	double	total = 0, n;
	bool	t = false, any = false;
	char	*end;

	if (s == NULL || (*s != 'P' && *s != 'p'))
		return false;
	for (s++; *s != '\0'; s = end + 1) {
		if (*s == 'T' || *s == 't') {
			t = true;
			end = (char *)s;
			continue;
		}
		n = strtod(s, &end);
		if (end == s || n < 0)
			return false;
		switch (toupper((unsigned char)*end)) {
		case 'D': if (t) return false; total += n * 86400e3; break;
		case 'H': if (!t) return false; total += n * 3600e3; break;
		case 'M': if (!t) return false; total += n * 60e3; break;
		case 'S': if (!t) return false; total += n * 1e3; break;
		default: return false;
		}
		any = true;
	}
	if (!any || total > 1e12)
		return false;
	*ms = (long)total;
	return true;
}
