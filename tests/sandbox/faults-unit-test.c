/*
 * The --faults parser and its decisions: good specs parse, bad ones are
 * refused naming the bad item, rules match by method and path, counts,
 * skips and probabilities behave, the same seed gives the same decisions
 * and the injected answers look like ARM's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "sandbox/sandbox.h"
#include "tap.h"

#define COMPUTE "/subscriptions/s1/resourceGroups/rg/providers/" \
	"Microsoft.MachineLearningServices/workspaces/ws/computes/ml-inf"

static const char *good_specs[] = {
	"",
	"seed=42",
	"seed=42;GET:computes*=429@0.3:retry-after=1;PUT:*=503#1",
	"*=reset-before#1; *=latency:200ms ;*=truncate+2#1",
	"*=reset-after",
	"DELETE:/computes/ml-*=500@1#3+1",
	"*=latency:2s",
	"op:ml-*=fail:QuotaExceeded#1:Quota exceeded: 24 of 24 cores used",
	"op:*=fail:BadRequest",
};

static const struct {
	const char	*spec, *want;
} bad_specs[] = {
	{ "seed=x", "bad fault \"seed=x\": bad seed" },
	{ "*=302", "bad fault \"*=302\": unknown fault kind" },
	{ "GET:/a=explode",
	    "bad fault \"GET:/a=explode\": unknown fault kind" },
	{ "seed=1;*=429@1.5", "bad fault \"*=429@1.5\": probability must be "
	    "0 to 1" },
	{ "*=500#x", "bad fault \"*=500#x\": bad count after #" },
	{ "*=latency", "bad fault \"*=latency\": latency needs a duration" },
	{ "*=latency:soon", "bad fault \"*=latency:soon\": bad duration" },
	{ "*=503:retry-after=-1", "bad fault \"*=503:retry-after=-1\": "
	    "bad retry-after" },
	{ "*=truncate:bytes=3", "bad fault \"*=truncate:bytes=3\": unknown "
	    "parameter" },
	{ "/computes/x", "bad fault \"/computes/x\": expected "
	    "[METHOD:]PATH=FAULT" },
	{ "GET:=500", "bad fault \"GET:=500\": missing path" },
	{ "op:x=break:Y", "bad fault \"op:x=break:Y\": expected fail:CODE" },
	{ "op:x=fail:", "bad fault \"op:x=fail:\": missing error code" },
	{ "score:e/d=fast:1", "bad fault \"score:e/d=fast:1\": expected "
	    "slow:MS or busy:N" },
	{ "score:e/d=slow:x", "bad fault \"score:e/d=slow:x\": bad number" },
	{ "score:=busy:1", "bad fault \"score:=busy:1\": expected "
	    "score:ENDPOINT/DEPLOYMENT=slow:MS or busy:N" },
};

/* One decision for method and path; resp is reset. */
static enum fault_action
decide(struct sb_faults *f, const char *method, const char *path,
    struct sb_response *resp, unsigned *latency)
{
	struct sb_request req = { .method = method, .path = path,
	    .query = "", .body = "" };

	sb_resp_done(resp);
	sb_resp_init(resp);
	return faults_before(f, &req, resp, latency);
}

/* The decisions of 500 GETs as a string of action digits. */
static char *
sequence(const char *spec)
{
	struct sb_faults	*f = faults_new(spec, NULL);
	struct sb_response	 resp;
	unsigned		 lat;
	char			*s = calloc(1, 501);
	int			 i;

	sb_resp_init(&resp);
	for (i = 0; f != NULL && i < 500; i++)
		s[i] = (char)('0' + decide(f, "GET", COMPUTE, &resp, &lat));
	sb_resp_done(&resp);
	faults_free(f);
	return s;
}

static const char *
header(const struct sb_response *resp, const char *name)
{
	int	i;

	for (i = 0; i < resp->nheaders; i++)
		if (strcmp(resp->headers[i].name, name) == 0)
			return resp->headers[i].value;
	return NULL;
}

int
main(void)
{
	struct sb_faults	*f;
	struct sb_response	 resp;
	struct err		 err;
	unsigned		 lat;
	char			*a, *b, code[64], msg[128];
	long			 slow, busy;
	size_t			 i;
	int			 n;

	for (i = 0; i < sizeof good_specs / sizeof good_specs[0]; i++) {
		f = faults_new(good_specs[i], &err);
		ok(f != NULL, "parses \"%s\"", good_specs[i]);
		faults_free(f);
	}
	for (i = 0; i < sizeof bad_specs / sizeof bad_specs[0]; i++) {
		err_clear(&err);
		f = faults_new(bad_specs[i].spec, &err);
		ok(f == NULL && err.kind == ERR_USAGE, "refuses \"%s\"",
		    bad_specs[i].spec);
		is_str(err.msg, bad_specs[i].want, "  and says why");
		faults_free(f);
	}

	sb_resp_init(&resp);
	f = faults_new("GET:computes*=429:retry-after=7#1;"
	    "PUT:*=503#2+1;*=latency:150ms;*=latency:1s", NULL);
	is_int(decide(f, "GET", COMPUTE, &resp, &lat), FAULT_RESPOND,
	    "first GET of a compute is answered by the fault");
	is_int(resp.status, 429, "  with 429");
	is_str(header(&resp, "Retry-After"), "7", "  and Retry-After: 7");
	ok(strstr(buf_str(&resp.body), "\"code\":\"TooManyRequests\"") != NULL,
	    "  and an ARM error body");
	is_int(lat, 1150, "latency rules add up");
	is_int(decide(f, "GET", COMPUTE, &resp, &lat), FAULT_NONE,
	    "#1 fires once only");
	is_int(decide(f, "GET", "/subscriptions/s1/computesX", &resp, &lat),
	    FAULT_NONE, "the glob is anchored at a '/'");
	is_int(decide(f, "PUT", COMPUTE, &resp, &lat), FAULT_NONE,
	    "+1 lets the first PUT through");
	is_int(decide(f, "put", COMPUTE, &resp, &lat), FAULT_RESPOND,
	    "the second PUT fails (method without case)");
	is_int(resp.status, 503, "  with 503");
	ok(header(&resp, "Retry-After") == NULL, "  without Retry-After");
	is_int(decide(f, "PUT", COMPUTE, &resp, &lat), FAULT_RESPOND,
	    "so does the third");
	is_int(decide(f, "PUT", COMPUTE, &resp, &lat), FAULT_NONE,
	    "the fourth goes through (#2)");
	faults_free(f);

	f = faults_new("*=reset-before#1;*=reset-after#1;*=truncate#1;"
	    "/nowhere=500", NULL);
	is_int(decide(f, "GET", "/a", &resp, &lat), FAULT_RESET_BEFORE,
	    "reset-before");
	is_int(decide(f, "GET", "/a", &resp, &lat), FAULT_RESET_AFTER,
	    "then reset-after (rules in order)");
	is_int(decide(f, "GET", "/a", &resp, &lat), FAULT_TRUNCATE,
	    "then truncate");
	is_int(decide(f, "GET", "/a", &resp, &lat), FAULT_NONE, "then none");
	faults_free(f);

	a = sequence("seed=42;*=500@0.3");
	b = sequence("seed=42;*=500@0.3");
	is_str(a, b, "the same seed gives the same decisions");
	for (n = 0, i = 0; a[i] != '\0'; i++)
		n += a[i] == '0' + FAULT_RESPOND;
	ok(n > 100 && n < 200, "@0.3 fires about 30%% of the time (%d/500)",
	    n);
	free(b);
	b = sequence("seed=43;*=500@0.3");
	ok(strcmp(a, b) != 0, "another seed gives other decisions");
	free(a);
	free(b);

	f = faults_new("op:ml-*=fail:QuotaExceeded#1:Quota: 24 of 24 used;"
	    "op:other=fail:BadRequest", NULL);
	ok(!faults_operation_fails(f, "aks-1", code, sizeof code, msg,
	    sizeof msg), "an unmatched compute's operation succeeds");
	ok(faults_operation_fails(f, "ML-inf", code, sizeof code, msg,
	    sizeof msg), "a matching compute's operation fails");
	is_str(code, "QuotaExceeded", "  with the code");
	is_str(msg, "Quota: 24 of 24 used", "  and the message");
	ok(!faults_operation_fails(f, "ml-inf", code, sizeof code, msg,
	    sizeof msg), "  once (#1)");
	ok(faults_operation_fails(f, "other", code, sizeof code, msg,
	    sizeof msg), "a rule without message fails too");
	is_str(msg, "The operation failed.", "  with a default message");
	is_int(decide(f, "GET", COMPUTE, &resp, &lat), FAULT_NONE,
	    "op rules do not touch requests");
	faults_free(f);

	f = faults_new("score:ep/blue=slow:6000#1;score:ep/*=busy:3", NULL);
	faults_score_load(f, "ep/blue", &slow, &busy);
	is_int((int)slow, 6000, "score: a matching deployment is slow");
	is_int((int)busy, 3, "  and busy (a glob)");
	faults_score_load(f, "ep/blue", &slow, &busy);
	is_int((int)slow, -1, "  slow once (#1)");
	faults_score_load(f, "other/blue", &slow, &busy);
	is_int((int)(slow + busy), -2, "  another endpoint is not loaded");
	is_int(decide(f, "POST", "/api/v1/endpoint/ep/score", &resp, &lat),
	    FAULT_NONE, "score rules do not answer requests themselves");
	faults_free(f);
	faults_score_load(NULL, "ep/blue", &slow, &busy);
	is_int((int)(slow + busy), -2, "no --faults, no load");

	is_int(decide(NULL, "GET", COMPUTE, &resp, &lat), FAULT_NONE,
	    "no --faults, no faults");
	sb_resp_done(&resp);
	return tap_done();
}
