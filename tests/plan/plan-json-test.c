/*
 * The plan document: canonical fixtures round-trip byte for byte; every
 * kind of bad input gets an error naming the field (or the line and
 * column) and never a crash: malformed, truncated at every byte, wrong
 * types, unknown version and fields, long strings, 10 MB documents.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "core/plan.h"
#include "plan/plan-json.h"
#include "tests/tap.h"

#ifndef PLAN_TEST_DATA
#define PLAN_TEST_DATA "tests/plan/data"
#endif

static const char *const fixtures[] = {
	"create-full", "create-min", "attach-ilb", "attach-tls", "detach",
	"update", "create-k8s", "scale", "detach-k8s",
	"deploy",
};

/* The whole file, NUL-terminated; NULL if it cannot be read. */
static char *
slurp(const char *name, const char *ext, size_t *len)
{
	const char	*dir = getenv("PLAN_TEST_DATA");
	char		 path[1024], *s;
	FILE		*fp;
	long		 n;

	snprintf(path, sizeof path, "%s/%s.%s", dir != NULL ? dir :
	    PLAN_TEST_DATA, name, ext);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	if (fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		fclose(fp);
		return NULL;
	}
	s[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return s;
}

static void
test_round_trip(void)
{
	struct plan	 p;
	struct err	 err;
	char		*text, *out;
	size_t		 i, len;

	for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		if ((text = slurp(fixtures[i], "json", &len)) == NULL) {
			ok(0, "read fixture %s", fixtures[i]);
			continue;
		}
		err_clear(&err);
		if (!ok(plan_json_parse(text, len, &p, &err), "%s parses",
		    fixtures[i]))
			tap_diag("%s", err.msg);
		out = plan_json_write(&p);
		is_str(out, text, "%s round-trips byte for byte", fixtures[i]);
		free(out);
		free(text);
	}
}

/* Read fixture name into p; false (a failed test) when it cannot be. */
static bool
read_fixture(const char *name, struct plan *p)
{
	struct err	 err;
	char		*text;
	size_t		 len;
	bool		 parsed;

	text = slurp(name, "json", &len);
	parsed = text != NULL && plan_json_parse(text, len, p, &err);
	free(text);
	if (!parsed)
		ok(0, "%s parses", name);
	return parsed;
}

/* A deploy's members read into struct plan_deployment and the traffic. */
static void
test_deploy_values(void)
{
	struct plan	p;
	const struct plan_deployment *d = &p.deployment;

	if (!read_fixture("deploy", &p))
		return;
	ok(p.op == PLAN_DEPLOY && p.type == COMPUTE_KUBERNETES,
	    "deploy: operation and type");
	is_str(p.name, "k8s-compute", "deploy: the compute");
	is_str(p.endpoint_name, "my-endpoint", "deploy: the endpoint");
	is_str(d->name, "blue", "deploy: the deployment");
	is_str(d->model, "azureml:sklearn-model:3", "deploy: the model");
	is_str(d->scoring_script, "score.py", "deploy: the scoring script");
	is_str(d->cpu, "500m", "deploy: the CPU request");
	is_str(d->memory_limit, "2Gi", "deploy: the memory limit");
	ok(d->gpu == 0, "deploy: gpu 0 is given, not unset");
	ok(d->scale.autoscale && d->scale.min_instances == 1 &&
	    d->scale.max_instances == 3 && d->scale.target_utilization == 70,
	    "deploy: autoscale");
	ok(d->scale.instances == DEPLOY_UNSET, "deploy: no instance count");
	ok(d->requests.timeout_ms == 5000 && d->requests.max_concurrent == 2 &&
	    d->requests.max_queue_wait_ms == 500, "deploy: request settings");
	ok(d->app_insights, "deploy: app insights");
	ok(d->liveness.initial_delay_s == 30 &&
	    d->liveness.failure_threshold == 5 &&
	    d->liveness.period_s == DEPLOY_UNSET &&
	    d->liveness.success_threshold == DEPLOY_UNSET,
	    "deploy: the liveness probe, what is not given unset");
	ok(d->readiness.initial_delay_s == 0 && d->readiness.period_s == 5 &&
	    d->readiness.timeout_s == 3 && d->readiness.success_threshold == 2 &&
	    d->readiness.failure_threshold == 10, "deploy: the readiness probe");
	ok(p.traffic.n == 2 && strcmp(p.traffic.t[0].name, "green") == 0 &&
	    p.traffic.t[0].percent == 90 && p.traffic.t[1].percent == 10,
	    "deploy: the traffic in the document's order");
	plan_init(&p, PLAN_DEPLOY);
	ok(d->gpu == DEPLOY_UNSET && d->scale.instances == DEPLOY_UNSET &&
	    d->requests.timeout_ms == DEPLOY_UNSET && p.traffic.n == 0 &&
	    !deploy_probe_given(&d->liveness) &&
	    !deploy_probe_given(&d->readiness),
	    "deploy: plan_init leaves every number unset");
}

static void
test_values(void)
{
	struct plan	 p;

	if (!read_fixture("create-full", &p))
		return;
	is_int(p.op, PLAN_CREATE, "operation create");
	is_str(p.scope.subscription, "00000000-0000-0000-0000-000000000001",
	    "scope.subscription");
	is_str(p.description, "Scoring für \"prod\" & friends",
	    "description unescaped");
	is_int(p.node_count, 3, "nodeCount");
	is_int(p.lb_type, LB_INTERNAL, "loadBalancer.type");
	is_str(p.vnet.dns_service_ip, "10.0.0.10", "network.dnsServiceIp");
	is_int(p.tls.mode, TLS_CUSTOM, "tls.mode");
	is_str(p.tls.key_file, "/etc/ssl/ml prod/key.pem", "tls.keyFile");
	is_int(p.version, 1, "create-full is of version 1");
	is_int(p.type, COMPUTE_AKS, "version 1: compute type AKS");

	if (!read_fixture("create-k8s", &p))
		return;
	is_int(p.version, 2, "create-k8s is of version 2");
	is_int(p.type, COMPUTE_KUBERNETES, "computeType Kubernetes");
	is_str(p.cluster.name, "aks-prod", "cluster.name");
	is_str(p.cluster.resource_group, "aks-rg", "cluster.resourceGroup");
	is_str(p.cluster.dns_prefix, "aks-prod-dns", "cluster.dnsPrefix");
	is_str(p.cluster.node_pool, "system", "cluster.nodePool");
	is_str(p.cluster.kubernetes_version, "1.29",
	    "cluster.kubernetesVersion");
	is_str(p.namespace_, "team-a", "namespace");
	is_str(p.router_service, "LoadBalancer", "inferenceRouterServiceType");
	is_str(p.network_plugin, "azure", "network.networkPlugin");
}

/*
 * Version 2 without computeType is today's path; with AKS it is a legacy
 * plan, written back as version 1; the defaults of today's path.
 */
static void
test_versions(void)
{
	static const char v2[] = "{\"akswizPlan\": 2, \"operation\": "
	    "\"create\", \"name\": \"ml-a\"}";
	static const char v2aks[] = "{\"akswizPlan\": 2, \"operation\": "
	    "\"create\", \"computeType\": \"AKS\", \"name\": \"ml-a\"}";
	static const char scale[] = "{\"akswizPlan\": 1, \"operation\": "
	    "\"scale\", \"name\": \"ml-a\", \"nodepoolName\": \"pool2\", "
	    "\"nodepoolMode\": \"User\"}";
	struct plan	 p;
	struct err	 err;
	char		*out, dns[PLAN_NAME_LEN];

	ok(plan_json_parse(v2, strlen(v2), &p, &err) &&
	    p.type == COMPUTE_KUBERNETES, "version 2 is today's path by default");
	out = plan_json_write(&p);
	ok(strstr(out, "\"akswizPlan\": 2,\n") != NULL &&
	    strstr(out, "\"computeType\": \"Kubernetes\",\n") != NULL &&
	    strstr(out, "\"inferenceRouterServiceType\": \"LoadBalancer\"")
	    != NULL, "written as version 2, computeType and router said");
	free(out);
	is_str(plan_cluster_name(&p), "ml-a", "the cluster is named as the "
	    "compute");
	plan_dns_prefix(&p, dns, sizeof dns);
	is_str(dns, "ml-a", "the DNS prefix from the cluster's name");
	is_str(plan_node_pool(&p), "nodepool1", "the pool nodepool1");
	is_str(plan_namespace(&p), "default", "the namespace default");
	snprintf(p.scope.resource_group, sizeof p.scope.resource_group, "rg");
	is_str(plan_cluster_group(&p), "rg", "the group the workspace's");
	snprintf(p.cluster.name, sizeof p.cluster.name, "aks_prod_");
	plan_dns_prefix(&p, dns, sizeof dns);
	is_str(dns, "aks-prod", "no underscore, no trailing hyphen");
	ok(plan_json_parse(v2aks, strlen(v2aks), &p, &err) &&
	    p.type == COMPUTE_AKS, "version 2 may say AKS");
	out = plan_json_write(&p);
	ok(strstr(out, "\"akswizPlan\": 1,\n") != NULL &&
	    strstr(out, "\"computeType\": \"AKS\",\n") != NULL,
	    "a legacy plan is written as version 1, as before");
	free(out);
	/* A scale's pool mode: read, written, kept. */
	ok(plan_json_parse(scale, strlen(scale), &p, &err) &&
	    strcmp(p.nodepool_mode, "User") == 0, "a scale's nodepoolMode");
	out = plan_json_write(&p);
	ok(strstr(out, "\"nodepoolName\": \"pool2\",\n  \"nodepoolMode\": "
	    "\"User\"\n") != NULL, "written after the pool's name");
	free(out);
}

/* Each row: a document and the exact error it must give. */
static const struct {
	const char	*name;
	const char	*doc;
	const char	*msg;
} bad[] = {
	{ "empty", "", "the plan is empty" },
	{ "blank", " \n\t\n", "the plan is empty" },
	{ "array", "[1, 2]", "the plan must be an object, not an array" },
	{ "string", "\"plan\"", "the plan must be an object, not a string" },
	{ "syntax line 3",
	  "{\n  \"akswizPlan\": 1,\n  \"operation\": create\n}",
	  "line 3, column 16: malformed JSON: unexpected character" },
	{ "trailing comma",
	  "{\n  \"akswizPlan\": 1,\n}",
	  "line 3, column 1: malformed JSON: unexpected character" },
	{ "unquoted key",
	  "{\n akswizPlan: 1}",
	  "line 2, column 2: malformed JSON: quoted object property name "
	  "expected" },
	{ "truncated",
	  "{\n  \"akswizPlan\": 1,\n  \"operation\": \"cre",
	  "line 3, column 20: the document ends before the JSON is complete "
	  "(truncated?)" },
	{ "text after",
	  "{\"akswizPlan\": 1, \"operation\": \"create\"}\n}",
	  "line 2, column 1: malformed JSON: unexpected character" },
	{ "no version", "{\"operation\": \"create\"}",
	  "akswizPlan is missing: this is not an akswiz plan, or it lacks its "
	  "version (this akswiz reads version 2)" },
	{ "version 3", "{\"akswizPlan\": 3, \"steps\": []}",
	  "akswizPlan 3 is not supported: this akswiz reads version 2" },
	{ "version string", "{\"akswizPlan\": \"1\"}",
	  "akswizPlan must be a whole number, not a string" },
	{ "version fraction", "{\"akswizPlan\": 1.5}",
	  "akswizPlan must be a whole number, not 1.5" },
	{ "no operation", "{\"akswizPlan\": 1}",
	  "operation is missing: it must be create, attach, detach or update" },
	{ "bad operation", "{\"akswizPlan\": 1, \"operation\": \"resize\"}",
	  "operation must be create, attach, detach, update, scale, delete or "
	  "migrate, not \"resize\"" },
	{ "computeType", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"computeType\": \"Kubernetes\"}",
	  "computeType must be AKS, not \"Kubernetes\"" },
	{ "computeType 2", "{\"akswizPlan\": 2, \"operation\": \"create\", "
	  "\"computeType\": \"Arc\"}",
	  "computeType must be Kubernetes or AKS, not \"Arc\"" },
	{ "cluster member", "{\"akswizPlan\": 2, \"operation\": \"create\", "
	  "\"cluster\": {\"nodepool\": \"x\"}}",
	  "unknown field \"cluster.nodepool\"; did you mean "
	  "\"cluster.nodePool\"?" },
	{ "namespace", "{\"akswizPlan\": 2, \"operation\": \"create\", "
	  "\"namespace\": 1}", "namespace must be a string, not a whole number" },
	{ "nodeCount string", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"nodeCount\": \"3\"}",
	  "nodeCount must be a whole number, not a string" },
	{ "nodeCount huge", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"nodeCount\": 99999999999}",
	  "nodeCount is out of range: a node count is a whole number from 1 "
	  "to 1000" },
	{ "nodeCount 2^63", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"nodeCount\": 9223372036854775808}",
	  "nodeCount is out of range: a node count is a whole number from 1 "
	  "to 1000" },
	{ "nodeCount 1e300", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"nodeCount\": 1e300}", "nodeCount must be a whole number, not 1e300" },
	{ "null", "null", "the plan must be an object, not null" },
	{ "name number", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"name\": 7}", "name must be a string, not a whole number" },
	{ "name null", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"name\": null}", "name must be a string, not null" },
	{ "scope string", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"scope\": \"ws\"}", "scope must be an object, not a string" },
	{ "scope member", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"scope\": {\"workspace\": [\"ws\"]}}",
	  "scope.workspace must be a string, not an array" },
	{ "overwrite string", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"tls\": {\"overwriteExistingDomain\": \"yes\"}}",
	  "tls.overwriteExistingDomain must be true or false, not a string" },
	{ "unknown top", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"nmae\": \"x\"}", "unknown field \"nmae\"; did you mean \"name\"?" },
	{ "unknown nested", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"tls\": {\"cnam\": \"x\"}}",
	  "unknown field \"tls.cnam\"; did you mean \"tls.cname\"?" },
	{ "misplaced", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"subnetName\": \"x\"}",
	  "unknown field \"subnetName\"; did you mean \"network.subnetName\"?" },
	{ "unknown far", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"colour\": \"blue\"}", "unknown field \"colour\"" },
	{ "purpose", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"purpose\": \"Prod\"}",
	  "purpose must be FastProd, DevTest or DenseProd, not \"Prod\"" },
	{ "lb type", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"loadBalancer\": {\"type\": \"Internal\"}}",
	  "loadBalancer.type must be PublicIp or InternalLoadBalancer, not "
	  "\"Internal\"" },
	{ "tls mode", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"tls\": {\"mode\": \"auto\"}}",
	  "tls.mode must be disabled, microsoft or custom, not \"auto\"" },
	{ "action", "{\"akswizPlan\": 1, \"operation\": \"detach\", "
	  "\"underlyingResourceAction\": \"Keep\"}",
	  "underlyingResourceAction must be Detach or Delete, not \"Keep\"" },
	{ "nul in string", "{\"akswizPlan\": 1, \"operation\": \"create\", "
	  "\"name\": \"a\\u0000b\"}", "name contains a NUL character" },
	{ "repeated member",
	  "{\n  \"akswizPlan\": 1,\n  \"operation\": \"create\",\n"
	  "  \"nodeCount\": 3,\n  \"nodeCount\": 1\n}",
	  "nodeCount appears twice, on lines 4 and 5" },
	{ "repeated nested member",
	  "{\"akswizPlan\": 1, \"operation\": \"create\", \"tls\": {\n"
	  "\"cname\": \"a\", \"keyFile\": \"{\\\"cname\\\":\", "
	  "\"cname\": \"b\"}}",
	  "tls.cname appears twice, on lines 2 and 2" },
	{ "a pool mode AKS does not have",
	  "{\"akswizPlan\": 1, \"operation\": \"scale\", "
	  "\"nodepoolMode\": \"Spot\"}",
	  "nodepoolMode is \"Spot\": System or User" },
	{ "bad utf-8", "{\"akswizPlan\": 1, \"name\": \"\xff\"}",
	  "line 1, column 28: malformed JSON: invalid utf-8 string" },
};

static void
test_bad(void)
{
	struct plan	p;
	struct err	err;
	size_t		i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&err);
		ok(!plan_json_parse(bad[i].doc, strlen(bad[i].doc), &p, &err),
		    "%s is refused", bad[i].name);
		is_str(err.msg, bad[i].msg, "%s: message", bad[i].name);
	}
}

/* Strings one byte over their buffers are refused, at their limit read. */
static void
test_lengths(void)
{
	static const struct {
		const char	*key;
		size_t		 max;
	} rows[] = {
		{ "name", PLAN_NAME_LEN - 1 },
		{ "vmSize", PLAN_ID_LEN - 1 },
		{ "description", PLAN_TEXT_LEN - 1 },
		{ "clusterResourceId", PLAN_TEXT_LEN - 1 },
	};
	struct plan	 p;
	struct err	 err;
	char		 doc[2048], want[128], *v;
	size_t		 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		v = malloc(rows[i].max + 2);
		memset(v, 'a', rows[i].max + 1);
		v[rows[i].max + 1] = '\0';
		snprintf(doc, sizeof doc, "{\"akswizPlan\": 1, \"operation\": "
		    "\"create\", \"%s\": \"%s\"}", rows[i].key, v);
		ok(!plan_json_parse(doc, strlen(doc), &p, &err),
		    "%s of %zu bytes is refused", rows[i].key,
		    rows[i].max + 1);
		snprintf(want, sizeof want, "%s is too long: %zu bytes, at "
		    "most %zu", rows[i].key, rows[i].max + 1, rows[i].max);
		is_str(err.msg, want, "%s: message", rows[i].key);
		v[rows[i].max] = '\0';
		snprintf(doc, sizeof doc, "{\"akswizPlan\": 1, \"operation\": "
		    "\"create\", \"%s\": \"%s\"}", rows[i].key, v);
		ok(plan_json_parse(doc, strlen(doc), &p, &err),
		    "%s of %zu bytes is read", rows[i].key, rows[i].max);
		free(v);
	}
}

/* Every prefix of a plan is refused with a line number, never a crash. */
static void
test_truncated(void)
{
	struct plan	 p;
	struct err	 err;
	char		*text;
	size_t		 len, n, refused = 0, with_line = 0;

	if ((text = slurp("create-full", "json", &len)) == NULL) {
		ok(0, "read create-full");
		return;
	}
	/* Without its last "}\n" the document is incomplete. */
	for (n = 0; n + 2 < len; n++) {
		err_clear(&err);
		if (!plan_json_parse(text, n, &p, &err))
			refused++;
		if (strncmp(err.msg, "line ", 5) == 0 ||
		    strcmp(err.msg, "the plan is empty") == 0)
			with_line++;
	}
	is_int(refused, len - 2, "every one of %zu truncations is refused",
	    len - 2);
	is_int(with_line, len - 2, "every truncation names a line");
	free(text);
}

static void
test_huge(void)
{
	struct plan	 p;
	struct err	 err;
	static const char head[] = "{\"akswizPlan\": 1, \"description\": \"";
	static const char head2[] = "{\"akswizPlan\": 1, \"operation\": "
	    "\"create\", \"description\": \"";
	size_t		 big = 10 * 1024 * 1024, i, n;
	char		*doc = malloc(big + 64), path[] = "/tmp/akswiz-plan-XXXXXX";
	char		 want[256];
	int		 fd;
	FILE		*fp;

	if (doc == NULL) {
		ok(0, "allocate 10 MB");
		return;
	}
	/* 10 MB: refused before parsing. */
	n = strlen(head);
	memcpy(doc, head, n);
	memset(doc + n, 'x', big);
	memcpy(doc + n + big, "\"}", 3);
	ok(!plan_json_parse(doc, strlen(doc), &p, &err),
	    "a 10 MB document is refused");
	is_str(err.msg, "the plan is 10485796 bytes, more than the 1048576 "
	    "bytes a plan may have", "10 MB: message");

	fd = mkstemp(path);
	fp = fdopen(fd, "w");
	fwrite(doc, 1, strlen(doc), fp);
	fclose(fp);
	ok(!plan_json_read_file(path, &p, &err),
	    "a 10 MB file is refused");
	snprintf(want, sizeof want, "%s: the plan is more than the 1048576 "
	    "bytes a plan may have", path);
	is_str(err.msg, want, "10 MB file: message, with the file's name");
	remove(path);

	/* Just under the limit, well formed: the string is too long. */
	n = strlen(head2);
	memcpy(doc, head2, n);
	memset(doc + n, 'y', 1000000);
	memcpy(doc + n + 1000000, "\"}", 3);
	ok(!plan_json_parse(doc, strlen(doc), &p, &err),
	    "a 1 MB description is refused");
	is_str(err.msg, "description is too long: 1000000 bytes, at most 511",
	    "1 MB description: message");

	/* Deep nesting stops in json-c, not in our stack. */
	for (i = 0; i < 100000; i++)
		doc[i] = '[';
	doc[i] = '\0';
	ok(!plan_json_parse(doc, i, &p, &err) &&
	    strstr(err.msg, "malformed JSON") != NULL,
	    "100000 nested arrays are refused: %s", err.msg);
	free(doc);
}

static void
test_files(void)
{
	struct plan	p;
	struct err	err;

	err_clear(&err);
	ok(!plan_json_read_file("/nonexistent/plan.json", &p, &err) &&
	    err.kind == ERR_IO, "a missing file is an I/O error");
	is_str(err.msg, "cannot open /nonexistent/plan.json: No such file or "
	    "directory", "missing file: message");
}

/* Enums written canonically whatever the case they were read in. */
static void
test_canonical(void)
{
	static const char	 doc[] = "{\"akswizPlan\":1,\"operation\":"
	    "\"ATTACH\",\"purpose\":\"devtest\",\"tls\":{\"leafDomainLabel\":"
	    "\"x\"},\"loadBalancer\":{\"type\":\"publicip\"}}";
	static const char	 want[] = "{\n  \"akswizPlan\": 1,\n"
	    "  \"operation\": \"attach\",\n  \"computeType\": \"AKS\",\n"
	    "  \"purpose\": \"DevTest\",\n  \"loadBalancer\": {\n"
	    "    \"type\": \"PublicIp\"\n  },\n  \"tls\": {\n"
	    "    \"mode\": \"microsoft\",\n    \"leafDomainLabel\": \"x\"\n"
	    "  }\n}\n";
	static const char	 bom[] = "\xef\xbb\xbf{\"akswizPlan\": 1, "
	    "\"operation\": \"detach\"}";
	struct plan	 p;
	struct err	 err;
	char		*out;

	ok(plan_json_parse(doc, strlen(doc), &p, &err), "compact plan parses");
	out = plan_json_write(&p);
	is_str(out, want, "written canonically, TLS mode from its members");
	free(out);
	ok(plan_json_parse(bom, strlen(bom), &p, &err) && p.op == PLAN_DETACH,
	    "a byte order mark is skipped");
}

int
main(void)
{
	test_round_trip();
	test_values();
	test_deploy_values();
	test_versions();
	test_bad();
	test_lengths();
	test_truncated();
	test_huge();
	test_files();
	test_canonical();
	return tap_done();
}
