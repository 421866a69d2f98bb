/*
 * Fuzz akswiz-sandbox's request-body handling: an input is a compute PUT
 * body (first byte: which compute, which api-version, and whether the
 * rest is also tried as a query string and a form), run through the real
 * Resource Manager code (arm_route) on the shipped world, with Azure AD's
 * bearer check stood in for.  No crash, no leak, no hang is the property.
 *
 * Two builds of the same file:
 *  - make check: a TAP test that runs built-in seeds and a few thousand
 *    deterministic mutations of them (run it under ASan/UBSan or
 *    valgrind to make it mean something);
 *  - libFuzzer: tests/fuzz/local.mk.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"

/* Stand-ins for Azure AD, faults and the journal: every bearer is good. */
bool
aad_check_bearer(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	(void)sb;
	(void)req;
	(void)resp;
	return true;
}

bool
faults_operation_fails(struct sb_faults *f, const char *name, char *code,
    size_t codelen, char *message, size_t msglen)
{
	(void)f;
	(void)name;
	(void)code;
	(void)codelen;
	(void)message;
	(void)msglen;
	return false;
}

void
faults_score_load(struct sb_faults *f, const char *target, long *slow_ms,
    long *busy)
{
	(void)f;
	(void)target;
	*slow_ms = *busy = -1;
}

/* server.c's other partners, never reached: arm_route is called directly. */
enum fault_action
faults_before(struct sb_faults *f, const struct sb_request *req,
    struct sb_response *resp, unsigned *latency_ms)
{
	(void)f;
	(void)req;
	(void)resp;
	*latency_ms = 0;
	return FAULT_NONE;
}

void
journal_record(struct sb_journal *j, const struct sb_request *req,
    const struct sb_response *resp)
{
	(void)j;
	(void)req;
	(void)resp;
}

bool
aad_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	(void)sb;
	(void)req;
	(void)resp;
	return false;
}

static struct sandbox sb;

static void
fuzz_world(void)
{
	const char *top = getenv("top_srcdir");
	const char *env = getenv("SB_FUZZ_WORLD");
	char path[4096];
	struct err err;

	world_free(sb.world);
	if (env != NULL)
		snprintf(path, sizeof path, "%s", env);
	else
		snprintf(path, sizeof path, "%s/data/sandbox-world.json",
		    top != NULL ? top : SB_SRCDIR);
	if ((sb.world = world_load(path, &err)) == NULL) {
		fprintf(stderr, "sandbox-body-fuzz: %s\n", err.msg);
		exit(99);
	}
	sb.world->settings.polls_to_complete = 1;
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "fz-new", "inf-attached",
	    "inf-created", "inf-failed", "cpu-cluster", "Fz", "fz-op" };
	static const char *const versions[] = { "2024-04-01", "2020-06-01" };
	struct sb_request req;
	struct sb_response resp;
	char path[512], *body, *f;
	unsigned sel = size > 0 ? data[0] : 0;

	if (sb.world == NULL || sb.world->ncomputes > 40) {
		strcpy(sb.endpoint, "https://127.0.0.1:1");
		sb.speed = 60;
		fuzz_world();
	}
	if (size > 0) {
		data++;
		size--;
	}
	body = malloc(size + 1);
	memcpy(body, data, size);
	body[size] = '\0';

	memset(&req, 0, sizeof req);
	snprintf(path, sizeof path, "/subscriptions/%s/resourceGroups/ml-rg/"
	    "providers/Microsoft.MachineLearningServices/workspaces/"
	    "ml-workspace/computes/%s", sb.world->def_sub,
	    names[(sel & 7) % 7]);
	req.method = "PUT";
	req.path = path;
	req.query = (sel & 8) ? "api-version=2020-06-01" :
	    "api-version=2024-04-01";
	req.body = body;
	req.body_len = strlen(body);	/* as MHD hands it: up to a NUL */
	(void)versions;
	sb_resp_init(&resp);
	arm_route(&sb, &req, &resp);
	sb_resp_done(&resp);

	if (sel & 16) {			/* the rest as a query string */
		req.method = (sel & 32) ? "DELETE" : "GET";
		req.query = body;
		req.body = "";
		req.body_len = 0;
		sb_resp_init(&resp);
		arm_route(&sb, &req, &resp);
		sb_resp_done(&resp);
	}
	if (sel & 64) {			/* and as a form */
		free(sb_form_get(body, "grant_type"));
		f = sb_form_get(body, "client_id");
		free(f);
	}
	if (sel & 128) {		/* poll whatever started */
		size_t i;

		for (i = 0; i < sb.world->nops; i++)
			sb.world->ops[i].polls++;
		world_tick(sb.world, 0, 1);
	}
	free(body);
	return 0;
}

#ifndef AKSWIZ_LIBFUZZER
static const char *const seeds[] = {
	"\x00{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\","
	"\"properties\":{\"agentCount\":3,\"agentVmSize\":\"Standard_D3_v2\","
	"\"clusterPurpose\":\"FastProd\",\"loadBalancerType\":\"PublicIp\","
	"\"sslConfiguration\":{\"status\":\"Auto\",\"leafDomainLabel\":\"x\","
	"\"overwriteExistingDomain\":false},\"aksNetworkingConfiguration\":"
	"{\"subnetId\":\"/subscriptions/s/resourceGroups/g/providers/"
	"Microsoft.Network/virtualNetworks/v/subnets/n\",\"serviceCidr\":"
	"\"10.0.0.0/16\",\"dnsServiceIP\":\"10.0.0.10\",\"dockerBridgeCidr\":"
	"\"172.17.0.1/16\"}}}}",
	"\x86{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\","
	"\"resourceId\":\"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/"
	"resourcegroups/aks-rg/providers/Microsoft.ContainerService/"
	"managedClusters/aks-old\",\"properties\":{\"clusterPurpose\":"
	"\"DevTest\",\"loadBalancerType\":\"InternalLoadBalancer\","
	"\"loadBalancerSubnet\":\"s\"}}}",
	"\x01{\"properties\":{\"computeType\":\"AKS\",\"resourceId\":"
	"\"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/"
	"aks-rg/providers/Microsoft.ContainerService/managedClusters/"
	"aks-attached\",\"properties\":{\"sslConfiguration\":{\"status\":"
	"\"Enabled\",\"cert\":\"c\",\"key\":\"k\",\"cname\":\"a.b\"}}}}",
	"\x58" "api-version=2024-04-01&underlyingResourceAction=Detach"
	"&$skip=bz0y",
	"\x40grant_type=client_credentials&client_id=%41%zz+x&scope=a%2Fb",
	"\x08{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":"
	"{\"agentVMSize\":\"Standard_NC6\",\"agentCount\":-1}}}",
	"\x00[[[[[[[[[[{\"a\":1e999999,\"b\":\"\\ud800\"}]]]]]]]]]]",
};

/* A deterministic random source (xorshift). */
static uint32_t
rnd(void)
{
	static uint32_t x = 2463534242u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

int
main(int argc, char **argv)
{
	static const char *const tokens[] = { "{", "}", "[", "]", "\"", ",",
	    ":", "null", "true", "0", "-1", "1e400", "\"AKS\"", "\\u0000",
	    "\"properties\"", "\"resourceId\"", "\xff" };
	uint8_t buf[4096];
	size_t nseeds = sizeof seeds / sizeof seeds[0], len, k;
	long i, n = argc > 1 ? atol(argv[1]) : 4000;

	for (k = 0; k < nseeds; k++) {
		len = strlen(seeds[k] + 1) + 1;
		LLVMFuzzerTestOneInput((const uint8_t *)seeds[k], len);
	}
	printf("ok 1 - %zu seeds\n", nseeds);
	for (i = 0; i < n; i++) {
		const char *s = seeds[rnd() % nseeds];
		int m, edits = 1 + (int)(rnd() % 8);

		len = strlen(s + 1) + 1;
		memcpy(buf, s, len);
		buf[0] = (uint8_t)rnd();
		for (m = 0; m < edits && len > 1; m++) {
			size_t at = 1 + rnd() % (len - 1);
			const char *t;

			switch (rnd() % 4) {
			case 0:		/* flip a byte */
				buf[at] = (uint8_t)rnd();
				break;
			case 1:		/* cut */
				len = at;
				break;
			case 2:		/* insert a token */
				t = tokens[rnd() % (sizeof tokens /
				    sizeof tokens[0])];
				if (len + strlen(t) < sizeof buf) {
					memmove(buf + at + strlen(t), buf + at,
					    len - at);
					memcpy(buf + at, t, strlen(t));
					len += strlen(t);
				}
				break;
			default:	/* delete a run */
				k = rnd() % 16;
				if (at + k < len) {
					memmove(buf + at, buf + at + k,
					    len - at - k);
					len -= k;
				}
				break;
			}
		}
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("ok 2 - %ld mutated inputs\n", n);
	world_free(sb.world);
	printf("1..2\n");
	return 0;
}
#endif
