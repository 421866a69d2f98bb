/*
 * core/rules-deploy.c: endpoint and deployment names, auth mode, traffic,
 * mirror traffic, scale, request settings, Kubernetes quantities, AKS's
 * node reservations and whether a deployment fits the cluster.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include "core/rules-deploy.h"
#include "core-test.h"

#define NONE	MSG__COUNT
#define U	DEPLOY_UNSET

static const struct {
	const char	*name;
	bool		 valid;
	const char	*why;
} names[] = {
	{ "abc", true, "3 characters" },
	{ "my-endpoint-01", true, "letters, digits, hyphens" },
	{ "Blue", true, "upper case" },
	{ "a2345678901234567890123456789012", true, "32 characters" },
	{ "a23456789012345678901234567890123", false, "33 characters" },
	{ "ab", false, "2 characters" },
	{ "", false, "empty" },
	{ "1abc", false, "starts with a digit" },
	{ "-abc", false, "starts with a hyphen" },
	{ "abc-", false, "ends with a hyphen" },
	{ "ab_c", false, "underscore" },
	{ "ab.c", false, "dot" },
	{ "ab\xc3\xa5", false, "not ASCII" },
};

static const struct {
	const char	*mode;
	enum msg_id	 msg;
	const char	*why;
} auths[] = {
	{ "key", NONE, "key" },
	{ "aml_token", NONE, "aml_token" },
	{ "Key", NONE, "REST Key" },
	{ "AMLToken", NONE, "REST AMLToken" },
	{ "", MSG_DEPLOY_AUTH_MISSING, "empty" },
	{ NULL, MSG_DEPLOY_AUTH_MISSING, "none given" },
	{ "none", MSG_DEPLOY_AUTH_NONE, "no auth: v2 has none" },
	{ "aad_token", MSG_DEPLOY_AUTH_AAD, "aad_token: managed only" },
	{ "AADToken", MSG_DEPLOY_AUTH_AAD, "REST AADToken" },
	{ "basic", MSG_DEPLOY_AUTH_INVALID, "unknown mode" },
};

static const struct {
	const char	*names[4];
	long		 pct[4];
	enum msg_id	 msg[3];
	const char	*why;
} traffic[] = {
	{ { "blue" }, { 100 }, { NONE }, "all to one" },
	{ { "blue", "green" }, { 90, 10 }, { NONE }, "90/10" },
	{ { "blue", "green" }, { 0, 0 }, { NONE }, "all zero: no traffic" },
	{ { NULL }, { 0 }, { NONE }, "empty" },
	{ { "blue", "green" }, { 90, 20 }, { MSG_DEPLOY_TRAFFIC_SUM, NONE },
	    "sum 110" },
	{ { "blue" }, { 50 }, { MSG_DEPLOY_TRAFFIC_SUM, NONE }, "sum 50" },
	{ { "blue", "green" }, { 150, -50 },
	    { MSG_DEPLOY_TRAFFIC_RANGE, MSG_DEPLOY_TRAFFIC_RANGE, NONE },
	    "out of range, no sum verdict" },
	{ { "blue", "red" }, { 50, 50 }, { MSG_DEPLOY_TRAFFIC_UNKNOWN, NONE },
	    "an unknown deployment" },
};

static const struct {
	bool		 autoscale;
	long		 n, min, max, target, poll;
	enum plan_field	 field;
	enum msg_id	 msg;
	const char	*why;
} scales[] = {
	{ false, 1, U, U, U, U, FIELD_NONE, NONE, "1 instance" },
	{ false, U, U, U, U, U, FIELD_NONE, NONE, "default" },
	{ false, 0, U, U, U, U, FIELD_INSTANCE_COUNT, MSG_DEPLOY_INSTANCES,
	    "0 instances" },
	{ true, U, 1, 3, 70, 1, FIELD_NONE, NONE, "autoscale 1-3 at 70%" },
	{ true, U, 2, 2, U, U, FIELD_NONE, NONE, "min = max" },
	{ true, U, 3, 2, U, U, FIELD_MIN_INSTANCES, MSG_DEPLOY_MIN_MAX,
	    "min > max" },
	{ true, U, 0, 2, U, U, FIELD_MIN_INSTANCES, MSG_DEPLOY_MIN_INSTANCES,
	    "min 0" },
	{ true, U, 1, 0, U, U, FIELD_MAX_INSTANCES, MSG_DEPLOY_INSTANCES,
	    "max 0" },
	{ true, U, 1, 2, 0, U, FIELD_TARGET_UTILIZATION,
	    MSG_DEPLOY_TARGET_UTIL, "target 0%" },
	{ true, U, 1, 2, 101, U, FIELD_TARGET_UTILIZATION,
	    MSG_DEPLOY_TARGET_UTIL, "target 101%" },
	{ true, U, 1, 2, 100, U, FIELD_NONE, NONE, "target 100%" },
	{ true, U, 1, 2, U, 0, FIELD_POLLING_INTERVAL, MSG_DEPLOY_POLLING,
	    "polling 0 s" },
	{ true, 2, 1, 2, U, U, FIELD_INSTANCE_COUNT, MSG_DEPLOY_SCALE_BOTH,
	    "count and autoscale" },
};

static const struct {
	long		 timeout, conc, wait;
	enum plan_field	 field;
	enum msg_id	 msg;
	const char	*why;
} requests[] = {
	{ 5000, 1, 500, FIELD_NONE, NONE, "defaults" },
	{ U, U, U, FIELD_NONE, NONE, "none given" },
	{ 300000, 1000, 0, FIELD_NONE, NONE, "the upper timeout, no wait" },
	{ 300001, U, U, FIELD_REQUEST_TIMEOUT, MSG_DEPLOY_TIMEOUT,
	    "timeout above 300 s" },
	{ 0, U, U, FIELD_REQUEST_TIMEOUT, MSG_DEPLOY_TIMEOUT, "timeout 0" },
	{ U, 0, U, FIELD_MAX_CONCURRENT, MSG_DEPLOY_CONCURRENCY,
	    "concurrency 0" },
	{ U, U, -5, FIELD_MAX_QUEUE_WAIT, MSG_DEPLOY_QUEUE_WAIT,
	    "negative queue wait" },
	{ U, U, 300001, FIELD_MAX_QUEUE_WAIT, MSG_DEPLOY_QUEUE_WAIT,
	    "queue wait above 300 s" },
};

static const struct {
	bool		 liveness;
	long		 delay, period, timeout, success, failure;
	enum plan_field	 field;
	enum msg_id	 msg;
	const char	*why;
} probes[] = {
	{ true, U, U, U, U, U, FIELD_NONE, NONE, "liveness: none given" },
	{ true, 10, 10, 2, 1, 30, FIELD_NONE, NONE, "liveness: the defaults" },
	{ true, 0, 1, 1, U, 1, FIELD_NONE, NONE, "liveness: the least values" },
	{ true, -5, U, U, U, U, FIELD_LIVENESS_INITIAL_DELAY,
	    MSG_DEPLOY_PROBE_DELAY, "liveness: negative initial delay" },
	{ true, U, 0, U, U, U, FIELD_LIVENESS_PERIOD, MSG_DEPLOY_PROBE_PERIOD,
	    "liveness: period 0" },
	{ true, U, U, 0, U, U, FIELD_LIVENESS_TIMEOUT,
	    MSG_DEPLOY_PROBE_TIMEOUT, "liveness: timeout 0" },
	{ true, U, U, U, 2, U, FIELD_LIVENESS_SUCCESS,
	    MSG_DEPLOY_PROBE_LIVENESS_SUCCESS, "liveness: success threshold 2" },
	{ true, U, U, U, 0, U, FIELD_LIVENESS_SUCCESS,
	    MSG_DEPLOY_PROBE_THRESHOLD, "liveness: success threshold 0" },
	{ true, U, U, U, U, 0, FIELD_LIVENESS_FAILURE,
	    MSG_DEPLOY_PROBE_THRESHOLD, "liveness: failure threshold 0" },
	{ false, U, U, U, U, U, FIELD_NONE, NONE, "readiness: none given" },
	{ false, 5, 5, 5, 3, 10, FIELD_NONE, NONE,
	    "readiness: a success threshold above 1" },
	{ false, -3, U, U, U, U, FIELD_READINESS_INITIAL_DELAY,
	    MSG_DEPLOY_PROBE_DELAY, "readiness: negative initial delay" },
	{ false, U, 0, U, U, U, FIELD_READINESS_PERIOD,
	    MSG_DEPLOY_PROBE_PERIOD, "readiness: period 0" },
	{ false, U, U, -2, U, U, FIELD_READINESS_TIMEOUT,
	    MSG_DEPLOY_PROBE_TIMEOUT, "readiness: negative timeout" },
	{ false, U, U, U, 0, U, FIELD_READINESS_SUCCESS,
	    MSG_DEPLOY_PROBE_THRESHOLD, "readiness: success threshold 0" },
	{ false, U, U, U, U, 0, FIELD_READINESS_FAILURE,
	    MSG_DEPLOY_PROBE_THRESHOLD, "readiness: failure threshold 0" },
};

static const struct {
	const char	*q;
	bool		 cpu;		/* else memory */
	bool		 ok;
	long		 want;
} quantities[] = {
	{ "100m", true, true, 100 },
	{ "1", true, true, 1000 },
	{ "1.5", true, true, 1500 },
	{ "0.1", true, true, 100 },
	{ "2Gi", true, false, 0 },
	{ "-1", true, false, 0 },
	{ "", true, false, 0 },
	{ "2Gi", false, true, 2048 },
	{ "512Mi", false, true, 512 },
	{ "1.5Gi", false, true, 1536 },
	{ "1G", false, true, 954 },
	{ "1048576", false, true, 1 },
	{ "2gi", false, false, 0 },
	{ "abc", false, false, 0 },
};

/* AKS's documented reservations, its examples among them. */
static const struct {
	const char	*version;	/* NULL: current */
	long		 memory_mib;
	int		 max_pods;
	long		 reserved;
	const char	*why;
} memories[] = {
	{ "1.29", 8192, 30, 650, "8 GB, 30 pods: 20 x 30 + 50 (AKS example)" },
	{ "1.30", 4096, 70, 1024, "4 GB, 70 pods: 25% (AKS example)" },
	{ NULL, 7168, 0, 1792, "7 GB, default pods: 25%" },
	{ NULL, 16384, 0, 2250, "16 GB, default 110 pods: 20 x 110 + 50" },
	{ "1.28", 7168, 0, 1638, "before 1.29, 7 GB: 25% of 4 + 20% of 3" },
	{ "1.28", 16384, 0, 2662, "before 1.29, 16 GB: 1024 + 819 + 819" },
	{ "1.27", 262144, 0, 1024 + 819 + 819 + 6881 + 2621,
	    "before 1.29, 256 GB: every band" },
};

static const struct {
	int	vcpus;
	long	m;
} cpus[] = {
	{ 1, 60 }, { 2, 100 }, { 4, 140 }, { 6, 160 }, { 8, 180 },
	{ 16, 260 }, { 32, 420 }, { 64, 740 }, { 96, 1060 },
};

static const struct {
	const char	*cpu, *memory;
	long		 gpu;
	const char	*size;
	const char	*version;
	int		 nodes;
	bool		 autoscale;
	long		 count;
	enum plan_field	 field[3];
	enum msg_id	 msg[3];
	const char	*arg2;		/* the room left in the first verdict */
	const char	*why;
} fits[] = {
	{ "100m", "2Gi", U, "Standard_D2_v2", "1.30", 1, false, 1,
	    { FIELD_NONE }, { NONE }, NULL,
	    "the default instance type on a dev-test D2_v2" },
	{ "1", "2Gi", U, "Standard_D2_v2", "1.30", 1, false, 1,
	    { FIELD_CPU_REQUEST }, { MSG_DEPLOY_FIT_NODE, NONE }, "120m",
	    "1 CPU on 2 vCPU: the extension takes most of it" },
	{ "100m", "2560Mi", U, "Standard_D2_v2", "1.30", 1, false, 1,
	    { FIELD_NONE }, { NONE }, NULL, "2.5 GiB fits on 1.30" },
	{ "100m", "2560Mi", U, "Standard_D2_v2", "1.28", 1, false, 1,
	    { FIELD_MEMORY_REQUEST }, { MSG_DEPLOY_FIT_NODE, NONE }, "2340Mi",
	    "2.5 GiB does not fit before 1.29 (750Mi eviction)" },
	{ "1", "2Gi", U, "Standard_DS3_v2", NULL, 3, false, 8,
	    { FIELD_NONE }, { NONE }, NULL, "8 instances on 3 x DS3_v2" },
	{ "1", "2Gi", U, "Standard_DS3_v2", NULL, 3, false, 9,
	    { FIELD_INSTANCE_COUNT }, { MSG_DEPLOY_FIT_COUNT, NONE }, "3",
	    "9 instances on 3 x DS3_v2" },
	{ "1", "2Gi", U, "Standard_DS3_v2", NULL, 3, true, 9,
	    { FIELD_MAX_INSTANCES }, { MSG_DEPLOY_FIT_COUNT, NONE }, "3",
	    "autoscale to 9 on 3 x DS3_v2" },
	{ "1", "4Gi", 1, "Standard_DS3_v2", NULL, 1, false, 1,
	    { FIELD_GPU_REQUEST }, { MSG_DEPLOY_FIT_NODE, NONE }, "0",
	    "a GPU on a CPU size" },
	{ "1", "4Gi", 1, "Standard_NC6s_v3", NULL, 1, false, 1,
	    { FIELD_NONE }, { NONE }, NULL, "a GPU on NC6s_v3" },
	{ "1", "4Gi", 1, "Standard_NC6s_v3", NULL, 2, false, 3,
	    { FIELD_INSTANCE_COUNT }, { MSG_DEPLOY_FIT_COUNT, NONE }, "2",
	    "3 one-GPU instances on 2 one-GPU nodes" },
	{ "0", "2Gi", U, "Standard_D2_v2", NULL, 1, false, 1,
	    { FIELD_CPU_REQUEST }, { MSG_DEPLOY_REQUEST_INVALID, NONE }, NULL,
	    "CPU 0" },
	{ "4", "64Gi", U, "Standard_D2_v2", NULL, 1, false, 1,
	    { FIELD_CPU_REQUEST, FIELD_MEMORY_REQUEST },
	    { MSG_DEPLOY_FIT_NODE, MSG_DEPLOY_FIT_NODE, NONE }, "120m",
	    "neither CPU nor memory fits" },
};

static void
fill_traffic(struct deploy_traffic *t, const char *const *n, const long *p,
    size_t max)
{
	size_t	i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < max && n[i] != NULL; i++) {
		strcpy(t->t[i].name, n[i]);
		t->t[i].percent = p[i];
		t->n++;
	}
}

/* ISO 8601 durations: what is written for ms, and what is read back. */
static const struct {
	long		 ms;
	const char	*written;
} durations_out[] = {
	{ 5000, "PT5S" }, { 500, "PT0.5S" }, { 90000, "PT90S" },
	{ 1250, "PT1.25S" }, { 0, "PT0S" },
};
static const struct {
	const char	*text;
	long		 ms;		/* -1: refused */
} durations_in[] = {
	{ "PT5S", 5000 }, { "PT0.5S", 500 }, { "PT1M30S", 90000 },
	{ "P1D", 86400000 }, { "pt2h", 7200000 }, { "PT", -1 },
	{ "P5S", -1 }, { "PT1D", -1 }, { "5S", -1 }, { "PT-1S", -1 },
	{ "", -1 },
};

static void
expect_msgs(const struct verdicts *vs, const enum msg_id *msg, size_t max,
    const char *why)
{
	size_t	i;

	for (i = 0; i < max && msg[i] != NONE; i++)
		if (!ok(i < vs->n && vs->v[i].msg == msg[i] &&
		    vs->v[i].severity == SEV_ERROR, "%s: %s", why,
		    msg_name(msg[i])))
			core_dump(vs);
	core_count(vs, i, why);
}

int
main(void)
{
	static const char *const known[] = { "blue", "green" };
	struct deploy_traffic	 t;
	struct deploy_scale	 s;
	struct deploy_requests	 r;
	struct deploy_resources	 req, room;
	struct verdicts		 vs;
	struct k8s_version	 ver;
	const struct verdict	*v;
	size_t			 i;
	long			 n;

	for (i = 0; i < sizeof(durations_out) / sizeof(durations_out[0]);
	    i++) {
		char	buf[32];

		deploy_duration_format(durations_out[i].ms, buf, sizeof buf);
		is_str(buf, durations_out[i].written, "%ld ms written",
		    durations_out[i].ms);
	}
	for (i = 0; i < sizeof(durations_in) / sizeof(durations_in[0]); i++) {
		long	ms = -1;
		bool	read = deploy_duration_parse(durations_in[i].text, &ms);

		ok(read == (durations_in[i].ms >= 0) && (!read ||
		    ms == durations_in[i].ms), "duration \"%s\" read as %ld",
		    durations_in[i].text, durations_in[i].ms);
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		is_int(deploy_name_valid(names[i].name), names[i].valid,
		    "name: %s", names[i].why);
		verdicts_init(&vs);
		rules_deploy_endpoint_name(names[i].name, &vs);
		rules_deploy_deployment_name(names[i].name, &vs);
		if (names[i].valid)
			core_count(&vs, 0, names[i].why);
		else {
			v = core_expect(&vs, FIELD_ENDPOINT_NAME, SEV_ERROR,
			    MSG_DEPLOY_ENDPOINT_NAME, names[i].why);
			core_arg(v, 0, names[i].name, names[i].why);
			core_expect(&vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
			    MSG_DEPLOY_DEPLOYMENT_NAME, names[i].why);
			ok(v != NULL && (v->text_args & 2u) != 0,
			    "%s: the reason is translatable text",
			    names[i].why);
		}
	}

	for (i = 0; i < sizeof(auths) / sizeof(auths[0]); i++) {
		verdicts_init(&vs);
		rules_deploy_auth_mode(auths[i].mode, &vs);
		if (auths[i].msg == NONE)
			core_count(&vs, 0, auths[i].why);
		else {
			core_expect(&vs, FIELD_AUTH_MODE, SEV_ERROR,
			    auths[i].msg, auths[i].why);
			core_count(&vs, 1, auths[i].why);
		}
	}
	{
		enum deploy_auth a = DEPLOY_AUTH_KEY;

		ok(deploy_auth_parse("aml_token", &a) &&
		    a == DEPLOY_AUTH_AML_TOKEN, "aml_token parses");
		is_str(deploy_auth_rest(a), "AMLToken", "aml_token is AMLToken");
		is_str(deploy_auth_rest(DEPLOY_AUTH_KEY), "Key", "key is Key");
	}

	for (i = 0; i < sizeof(traffic) / sizeof(traffic[0]); i++) {
		fill_traffic(&t, traffic[i].names, traffic[i].pct, 4);
		verdicts_init(&vs);
		rules_deploy_traffic(&t, known, 2, &vs);
		expect_msgs(&vs, traffic[i].msg, 3, traffic[i].why);
		for (n = 0; (size_t)n < vs.n; n++)
			is_int(vs.v[n].field, FIELD_TRAFFIC,
			    "%s: on the traffic", traffic[i].why);
	}
	{
		static const char *const b[] = { "blue", NULL };
		static const long ten[] = { 10 }, zero[] = { 0 };

		fill_traffic(&t, b, ten, 1);
		verdicts_init(&vs);
		rules_deploy_mirror_traffic(&t, &vs);
		core_expect(&vs, FIELD_MIRROR_TRAFFIC, SEV_ERROR,
		    MSG_DEPLOY_MIRROR_K8S, "mirror 10%");
		fill_traffic(&t, b, zero, 1);
		verdicts_init(&vs);
		rules_deploy_mirror_traffic(&t, &vs);
		core_count(&vs, 0, "mirror 0% is no mirror");
	}

	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++) {
		deploy_scale_init(&s);
		s.autoscale = scales[i].autoscale;
		s.instances = scales[i].n;
		s.min_instances = scales[i].min;
		s.max_instances = scales[i].max;
		s.target_utilization = scales[i].target;
		s.polling_interval_s = scales[i].poll;
		verdicts_init(&vs);
		rules_deploy_scale(&s, &vs);
		if (scales[i].msg == NONE)
			core_count(&vs, 0, scales[i].why);
		else {
			core_expect(&vs, scales[i].field, SEV_ERROR,
			    scales[i].msg, scales[i].why);
			core_count(&vs, 1, scales[i].why);
		}
	}

	for (i = 0; i < sizeof(requests) / sizeof(requests[0]); i++) {
		r.timeout_ms = requests[i].timeout;
		r.max_concurrent = requests[i].conc;
		r.max_queue_wait_ms = requests[i].wait;
		verdicts_init(&vs);
		rules_deploy_requests(&r, &vs);
		if (requests[i].msg == NONE)
			core_count(&vs, 0, requests[i].why);
		else {
			core_expect(&vs, requests[i].field, SEV_ERROR,
			    requests[i].msg, requests[i].why);
			core_count(&vs, 1, requests[i].why);
		}
	}

	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		struct deploy_probe	pr;

		deploy_probe_init(&pr);
		is_int(deploy_probe_given(&pr), false, "a new probe is unset");
		pr.initial_delay_s = probes[i].delay;
		pr.period_s = probes[i].period;
		pr.timeout_s = probes[i].timeout;
		pr.success_threshold = probes[i].success;
		pr.failure_threshold = probes[i].failure;
		verdicts_init(&vs);
		rules_deploy_probe(&pr, probes[i].liveness, &vs);
		if (probes[i].msg == NONE)
			core_count(&vs, 0, probes[i].why);
		else {
			core_expect(&vs, probes[i].field, SEV_ERROR,
			    probes[i].msg, probes[i].why);
			core_count(&vs, 1, probes[i].why);
		}
	}

	for (i = 0; i < sizeof(quantities) / sizeof(quantities[0]); i++) {
		bool	got;

		n = -7;
		got = quantities[i].cpu ? k8s_cpu_parse(quantities[i].q, &n) :
		    k8s_memory_parse(quantities[i].q, &n);
		is_int(got, quantities[i].ok, "%s \"%s\" %s",
		    quantities[i].cpu ? "cpu" : "memory", quantities[i].q,
		    quantities[i].ok ? "parses" : "is refused");
		if (quantities[i].ok)
			is_int(n, quantities[i].want, "\"%s\" is %ld",
			    quantities[i].q, quantities[i].want);
	}

	for (i = 0; i < sizeof(cpus) / sizeof(cpus[0]); i++)
		is_int(aks_kube_reserved_cpu_m(cpus[i].vcpus), cpus[i].m,
		    "kube-reserved CPU of %d cores", cpus[i].vcpus);
	for (i = 0; i < sizeof(memories) / sizeof(memories[0]); i++) {
		const struct k8s_version *vp = NULL;

		if (memories[i].version != NULL &&
		    k8s_version_parse(memories[i].version, &ver))
			vp = &ver;
		is_int(aks_kube_reserved_memory_mib(vp, memories[i].memory_mib,
		    memories[i].max_pods), memories[i].reserved, "%s",
		    memories[i].why);
	}
	k8s_version_parse("1.28.5", &ver);
	is_int(aks_eviction_mib(&ver), 750, "eviction before 1.29");
	is_int(aks_eviction_mib(NULL), 100, "eviction from 1.29");
	aks_node_allocatable(vm_catalogue_find("Standard_D2_v2"), NULL, 0,
	    &room);
	is_int(room.cpu_m, 1900, "D2_v2 allocatable CPU");
	is_int(room.memory_mib, 7168 - 1792 - 100, "D2_v2 allocatable memory");

	for (i = 0; i < sizeof(fits) / sizeof(fits[0]); i++) {
		const struct vm_size *size = vm_catalogue_find(fits[i].size);
		size_t	k;

		ok(size != NULL, "%s: size in the catalogue", fits[i].why);
		ok(k8s_cpu_parse(fits[i].cpu, &req.cpu_m) &&
		    k8s_memory_parse(fits[i].memory, &req.memory_mib),
		    "%s: quantities parse", fits[i].why);
		req.gpu = fits[i].gpu;
		deploy_scale_init(&s);
		s.autoscale = fits[i].autoscale;
		if (s.autoscale) {
			s.min_instances = 1;
			s.max_instances = fits[i].count;
		} else
			s.instances = fits[i].count;
		verdicts_init(&vs);
		rules_deploy_fit(&req, size, fits[i].version, fits[i].nodes, 0,
		    &s, &vs);
		expect_msgs(&vs, fits[i].msg, 3, fits[i].why);
		for (k = 0; k < vs.n && k < 3; k++)
			is_int(vs.v[k].field, fits[i].field[k], "%s: field %zu",
			    fits[i].why, k + 1);
		if (fits[i].arg2 != NULL && vs.n > 0)
			core_arg(&vs.v[0], fits[i].msg[0] == MSG_DEPLOY_FIT_NODE ?
			    2 : 1, fits[i].arg2, fits[i].why);
	}
	req.cpu_m = 1000;
	req.memory_mib = 2048;
	req.gpu = U;
	is_int(deploy_instances_fit(&req, vm_catalogue_find("Standard_DS3_v2"),
	    NULL, 3, 0), 8, "1 CPU 2Gi on 3 x DS3_v2: 2 + 3 + 3");
	{
		/* Others' instances take their room first (deploy.md 3.5). */
		struct deploy_placed	p[2] = {
			{ { 1000, 2048, DEPLOY_UNSET }, 2 },
			{ { 3000, 1024, DEPLOY_UNSET }, 1 },
		};
		const struct vm_size	*ds3 = vm_catalogue_find(
					    "Standard_DS3_v2");

		is_int(deploy_instances_fit_with(&req, ds3, NULL, 3, 0, p, 1),
		    6, "2 placed: 8 - 2");
		is_int(deploy_instances_fit_with(&req, ds3, NULL, 3, 0, p, 2),
		    3, "and 3 CPU on the second node: 0 + 0 + 3");
		deploy_scale_init(&s);
		s.instances = 4;
		verdicts_init(&vs);
		rules_deploy_fit_with(&req, ds3, NULL, 3, 0, &s, p, 2, &vs);
		v = core_expect(&vs, FIELD_INSTANCE_COUNT, SEV_ERROR,
		    MSG_DEPLOY_FIT_COUNT, "4 more do not fit beside them");
		core_arg(v, 3, "3", "at most 3");
		verdicts_init(&vs);
		s.instances = 3;
		rules_deploy_fit_with(&req, ds3, NULL, 3, 0, &s, p, 2, &vs);
		core_count(&vs, 0, "3 do");
	}
	/* The compute an endpoint goes on, and a name already taken. */
	{
		static const struct {
			const char	*type;
			enum msg_id	 msg;
			const char	*why;
		} computes[] = {
			{ "Kubernetes", NONE, "a Kubernetes compute" },
			{ "kubernetes", NONE, "its type without case" },
			{ NULL, NONE, "a type not known: no rule" },
			{ "AKS", MSG_DEPLOY_COMPUTE_AKS,
			    "a legacy AKS compute: the service's refusal" },
			{ "AmlCompute", MSG_DEPLOY_COMPUTE_TYPE,
			    "another type" },
		};
		size_t	c;

		for (c = 0; c < sizeof(computes) / sizeof(computes[0]); c++) {
			verdicts_init(&vs);
			rules_deploy_endpoint_compute("c1", computes[c].type,
			    &vs);
			if (computes[c].msg == NONE) {
				core_count(&vs, 0, computes[c].why);
				continue;
			}
			v = core_expect(&vs, FIELD_NAME, SEV_ERROR,
			    computes[c].msg, computes[c].why);
			core_arg(v, 0, "c1", computes[c].why);
			core_count(&vs, 1, computes[c].why);
		}
		verdicts_init(&vs);
		rules_deploy_endpoint_free("ep1", false, &vs);
		core_count(&vs, 0, "a free endpoint name");
		verdicts_init(&vs);
		rules_deploy_endpoint_free("ep1", true, &vs);
		v = core_expect(&vs, FIELD_ENDPOINT_NAME, SEV_ERROR,
		    MSG_DEPLOY_ENDPOINT_EXISTS, "a name taken");
		core_arg(v, 0, "ep1", "named");
	}
	return tap_done();
}
