/*
 * The long-running-operation decisions, one row per case: a sequence of
 * responses (first, polls, final GET) and the decision expected after
 * each, with the poll URL and the wait the machine chose.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "azure/http.h"
#include "azure/lro.h"
#include "tests/tap.h"

#define RES	"https://arm/subscriptions/s/rg/computes/c1?api-version=2024-04-01"
#define AOP	"https://arm/locations/eastus/computeOperationsStatus/op1?x=1"
#define LOC	"https://arm/locations/eastus/operationResults/op1?x=1"

enum step_kind { START, POLL, FINAL };

struct step {
	enum step_kind	 kind;
	long		 status;
	const char	*async_op;
	const char	*location;
	const char	*retry_after;
	const char	*body;
	enum lro_action	 want;
	uint64_t	 want_wait_ms;	/* checked when want == LRO_WAIT */
	const char	*want_status;	/* NULL: not checked */
};

struct row {
	const char	*name;
	enum lro_method	 method;
	struct step	 steps[6];
	int		 nsteps;
	const char	*want_poll_url;	/* after the first step */
	const char	*want_code;	/* at the end, NULL: not checked */
	const char	*want_detail;
};

static const char *creating =
    "{\"properties\":{\"computeType\":\"AKS\",\"provisioningState\":\"Creating\"}}";
static const char *succeeded_res =
    "{\"properties\":{\"provisioningState\":\"Succeeded\"}}";
static const char *failed_res =
    "{\"properties\":{\"provisioningState\":\"Failed\",\"provisioningErrors\":"
    "[{\"error\":{\"code\":\"BadRequest\",\"statusCode\":400,\"message\":"
    "\"The request is invalid\",\"details\":[{\"code\":\"BadRequestFormat\","
    "\"message\":\"Specified kubernetes version 1.12.4 is not supported. "
    "Supported versions are between 1.8 - 1.11 \"}]}}]}}";

static const struct row rows[] = {
	{ "PUT 201 + Azure-AsyncOperation, two polls, final GET", LRO_PUT, {
		{ START, 201, AOP, NULL, "5", NULL, LRO_WAIT, 5000, "InProgress" },
		{ POLL, 200, NULL, NULL, "7", "{\"status\":\"InProgress\"}", LRO_WAIT, 7000, "InProgress" },
		{ POLL, 200, NULL, NULL, NULL, "{\"status\":\"Succeeded\"}", LRO_FINAL_GET, 0, NULL },
		{ FINAL, 200, NULL, NULL, NULL, "{\"properties\":{\"provisioningState\":\"Succeeded\"}}", LRO_SUCCEEDED, 0, "Succeeded" },
	}, 4, AOP, NULL, NULL },
	{ "PUT body state is the first status", LRO_PUT, {
		{ START, 201, AOP, NULL, "1", "{\"properties\":{\"provisioningState\":\"Creating\"}}", LRO_WAIT, 1000, "Creating" },
	}, 1, AOP, NULL, NULL },
	{ "missing Retry-After waits 30 s", LRO_PUT, {
		{ START, 201, AOP, NULL, NULL, NULL, LRO_WAIT, 30000, NULL },
	}, 1, AOP, NULL, NULL },
	{ "Retry-After 0 is clamped to the minimum", LRO_PUT, {
		{ START, 201, AOP, NULL, "0", NULL, LRO_WAIT, 1000, NULL },
	}, 1, AOP, NULL, NULL },
	{ "huge Retry-After is clamped to 10 minutes", LRO_PUT, {
		{ START, 201, AOP, NULL, "999999999999", NULL, LRO_WAIT, 600000, NULL },
	}, 1, AOP, NULL, NULL },
	{ "malformed Retry-After waits 30 s", LRO_PUT, {
		{ START, 201, AOP, NULL, "soon", NULL, LRO_WAIT, 30000, NULL },
	}, 1, AOP, NULL, NULL },
	{ "async Failed: final GET adds provisioningErrors", LRO_PUT, {
		{ START, 201, AOP, NULL, "1", NULL, LRO_WAIT, 1000, NULL },
		{ POLL, 200, NULL, NULL, NULL, "{\"status\":\"Failed\",\"error\":{\"code\":\"BadRequest\",\"message\":\"The request is invalid\"}}", LRO_FINAL_GET, 0, "Failed" },
		{ FINAL, 200, NULL, NULL, NULL, NULL /* failed_res */, LRO_FAILED, 0, "Failed" },
	}, 3, AOP, "BadRequest", "BadRequestFormat: Specified kubernetes version 1.12.4 is not supported. Supported versions are between 1.8 - 1.11 " },
	{ "async Canceled", LRO_PUT, {
		{ START, 201, AOP, NULL, "1", NULL, LRO_WAIT, 1000, NULL },
		{ POLL, 200, NULL, NULL, NULL, "{\"status\":\"Canceled\"}", LRO_CANCELED, 0, "Canceled" },
	}, 2, AOP, NULL, NULL },
	{ "unknown non-terminal status keeps polling", LRO_PUT, {
		{ START, 201, AOP, NULL, "2", NULL, LRO_WAIT, 2000, NULL },
		{ POLL, 200, NULL, NULL, "2", "{\"status\":\"Provisioning\"}", LRO_WAIT, 2000, "Provisioning" },
	}, 2, AOP, NULL, NULL },
	{ "a 503 poll is retried later, not a failure", LRO_PUT, {
		{ START, 201, AOP, NULL, "1", NULL, LRO_WAIT, 1000, NULL },
		{ POLL, 503, NULL, NULL, "3", "oops", LRO_WAIT, 3000, NULL },
		{ POLL, 429, NULL, NULL, NULL, "", LRO_WAIT, 30000, NULL },
		{ POLL, 200, NULL, NULL, NULL, "{\"status\":\"Succeeded\"}", LRO_FINAL_GET, 0, NULL },
		{ FINAL, 503, NULL, NULL, "1", "", LRO_FINAL_GET, 0, NULL },
		{ FINAL, 200, NULL, NULL, NULL, "{}", LRO_SUCCEEDED, 0, "Succeeded" },
	}, 6, AOP, NULL, NULL },
	{ "malformed status body fails clearly", LRO_PUT, {
		{ START, 201, AOP, NULL, "1", NULL, LRO_WAIT, 1000, NULL },
		{ POLL, 200, NULL, NULL, NULL, "{\"status\":\"InPr", LRO_FAILED, 0, NULL },
	}, 2, AOP, "MalformedResponse", NULL },
	{ "PUT 200 Succeeded is done at once", LRO_PUT, {
		{ START, 200, NULL, NULL, NULL, NULL /* succeeded_res */, LRO_SUCCEEDED, 0, "Succeeded" },
	}, 1, RES, NULL, NULL },
	{ "PUT 201 without headers polls the resource", LRO_PUT, {
		{ START, 201, NULL, NULL, "4", NULL /* creating */, LRO_WAIT, 4000, "Creating" },
		{ POLL, 200, NULL, NULL, "4", NULL /* creating */, LRO_WAIT, 4000, "Creating" },
		{ POLL, 200, NULL, NULL, NULL, NULL /* failed_res */, LRO_FAILED, 0, "Failed" },
	}, 3, RES, "BadRequest", "BadRequestFormat: Specified kubernetes version 1.12.4 is not supported. Supported versions are between 1.8 - 1.11 " },
	{ "PUT 400 fails with the ARM error", LRO_PUT, {
		{ START, 400, NULL, NULL, NULL, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Compute name is invalid.\",\"details\":[{\"code\":\"Inner\",\"message\":\"deeper\",\"details\":[{\"code\":\"Deepest\",\"message\":\"the real cause\"}]}]}}", LRO_FAILED, 0, "Failed" },
	}, 1, "", "BadRequest", "Deepest: the real cause" },
	{ "403 policy error keeps its code", LRO_PUT, {
		{ START, 403, NULL, NULL, NULL, "{\"error\":{\"code\":\"RequestDisallowedByPolicy\",\"message\":\"Resource 'x' was disallowed by policy.\"}}", LRO_FAILED, 0, NULL },
	}, 1, "", "RequestDisallowedByPolicy", NULL },
	{ "old double-nested error and statusCode", LRO_PUT, {
		{ START, 400, NULL, NULL, NULL, "{\"error\":{\"error\":{\"statusCode\":400,\"message\":\"bad\"}}}", LRO_FAILED, 0, NULL },
	}, 1, "", "400", NULL },
	{ "error body that is not JSON", LRO_PUT, {
		{ START, 502, NULL, NULL, NULL, "<html>Bad gateway</html>", LRO_FAILED, 0, NULL },
	}, 1, "", "HTTP502", NULL },
	{ "DELETE 202 + both headers prefers Azure-AsyncOperation", LRO_DELETE, {
		{ START, 202, AOP, LOC, "1", "", LRO_WAIT, 1000, "Deleting" },
		{ POLL, 200, NULL, NULL, "1", "{\"status\":\"InProgress\"}", LRO_WAIT, 1000, "InProgress" },
		{ POLL, 200, NULL, NULL, NULL, "{\"status\":\"Succeeded\"}", LRO_SUCCEEDED, 0, "Succeeded" },
	}, 3, AOP, NULL, NULL },
	{ "DELETE 202 + Location: 202 until 200", LRO_DELETE, {
		{ START, 202, NULL, LOC, "2", "", LRO_WAIT, 2000, NULL },
		{ POLL, 202, NULL, NULL, "2", "", LRO_WAIT, 2000, NULL },
		{ POLL, 204, NULL, NULL, NULL, "", LRO_SUCCEEDED, 0, "Succeeded" },
	}, 3, LOC, NULL, NULL },
	{ "DELETE Location poll answering 404 fails", LRO_DELETE, {
		{ START, 202, NULL, LOC, "2", "", LRO_WAIT, 2000, NULL },
		{ POLL, 404, NULL, NULL, NULL, "{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}", LRO_FAILED, 0, NULL },
	}, 2, LOC, "NotFound", NULL },
	{ "DELETE 200 and 204 are done", LRO_DELETE, {
		{ START, 204, NULL, NULL, NULL, "", LRO_SUCCEEDED, 0, "Succeeded" },
	}, 1, "", NULL, NULL },
	{ "DELETE 202 without headers polls the resource to 404", LRO_DELETE, {
		{ START, 202, NULL, NULL, "1", "", LRO_WAIT, 1000, "Deleting" },
		{ POLL, 200, NULL, NULL, "1", "{\"properties\":{\"provisioningState\":\"Deleting\"}}", LRO_WAIT, 1000, "Deleting" },
		{ POLL, 404, NULL, NULL, NULL, "", LRO_SUCCEEDED, 0, "Succeeded" },
	}, 3, RES, NULL, NULL },
};

static void
response(struct http_response *r, const struct step *s, const char *body)
{
	memset(r, 0, sizeof *r);
	r->status = s->status;
	r->azure_async_operation = (char *)s->async_op;
	r->location = (char *)s->location;
	r->retry_after = (char *)s->retry_after;
	buf_init(&r->body, 0);
	if (body != NULL)
		buf_adds(&r->body, body);
}

/* Rows that need the long bodies above (kept out of the table). */
static const char *
body_for(const struct row *row, int i)
{
	const struct step *s = &row->steps[i];

	if (s->body != NULL)
		return s->body;
	if (strstr(row->name, "final GET adds") != NULL && s->kind == FINAL)
		return failed_res;
	if (strstr(row->name, "200 Succeeded") != NULL)
		return succeeded_res;
	if (strstr(row->name, "without headers polls the resource") != NULL &&
	    row->method == LRO_PUT)
		return i == 2 ? failed_res : creating;
	return NULL;
}

static void
run_row(const struct row *row)
{
	struct lro_state	 st;
	struct http_response	 r;
	uint64_t		 now = 1000000;
	enum lro_action		 a = LRO_WAIT;
	int			 i;

	lro_init(&st, row->method, RES, now, 0);
	for (i = 0; i < row->nsteps; i++) {
		const struct step *s = &row->steps[i];

		response(&r, s, body_for(row, i));
		switch (s->kind) {
		case START:	a = lro_start(&st, &r, now); break;
		case POLL:	a = lro_poll(&st, &r, now); break;
		case FINAL:	a = lro_final(&st, &r, now); break;
		}
		buf_done(&r.body);
		is_int(a, s->want, "%s: step %d decision", row->name, i + 1);
		if (s->want == LRO_WAIT)
			is_int(st.next_poll_ms - now, s->want_wait_ms,
			    "%s: step %d waits", row->name, i + 1);
		if (s->want_status != NULL)
			is_str(st.status, s->want_status, "%s: step %d status",
			    row->name, i + 1);
		if (i == 0 && row->want_poll_url != NULL &&
		    row->want_poll_url[0] != '\0')
			is_str(st.poll_url, row->want_poll_url,
			    "%s: polls the right URL", row->name);
		now += 1000;
	}
	if (row->want_code != NULL)
		is_str(st.error_code, row->want_code, "%s: error code",
		    row->name);
	if (row->want_detail != NULL)
		is_str(st.error_detail, row->want_detail, "%s: error detail",
		    row->name);
}

int
main(void)
{
	struct lro_state	 st;
	size_t			 i;
	uint64_t		 now = (uint64_t)784111777 * 1000;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		run_row(&rows[i]);

	/* An HTTP date 12 s ahead of now. */
	is_int(lro_retry_after_ms("Sun, 06 Nov 1994 08:49:49 GMT", now, 0),
	    12000, "Retry-After as an HTTP date");
	is_int(lro_retry_after_ms("Sun, 06 Nov 1994 08:49:00 GMT", now, 0),
	    1000, "an HTTP date in the past waits the minimum");
	is_int(lro_retry_after_ms("3", now, 100), 3000,
	    "a smaller minimum is honoured");
	setlocale(LC_ALL, "sv_SE.UTF-8");	/* month names differ; no effect */
	is_int(lro_retry_after_ms("Sun, 06 Nov 1994 08:49:49 GMT", now, 0),
	    12000, "an HTTP date is read the same in any locale");
	setlocale(LC_ALL, "C");
	is_int(lro_retry_after_ms("Sun, 06 Foo 1994 08:49:49 GMT", now, 0),
	    30000, "an HTTP date with a bad month waits 30 s");
	is_int(lro_retry_after_ms("Sun, 06 Nov 1994 08:49:49 UTC", now, 0),
	    30000, "an HTTP date not in GMT waits 30 s");

	/* A shorter default (tests) applies only without Retry-After. */
	{
		struct http_response	r;

		memset(&r, 0, sizeof r);
		buf_init(&r.body, 0);
		r.status = 201;
		r.azure_async_operation = (char *)AOP;
		lro_init(&st, LRO_PUT, RES, now, 20);
		st.default_interval_ms = 100;
		lro_start(&st, &r, now);
		is_int(st.next_poll_ms - now, 100, "a shorter default wait");
		r.retry_after = (char *)"2";
		lro_start(&st, &r, now);
		is_int(st.next_poll_ms - now, 2000, "Retry-After still wins");
		buf_done(&r.body);
	}

	/* Resuming from the journal polls at once. */
	lro_resume(&st, LRO_PUT, RES, LRO_POLL_ASYNC, AOP, "Creating", now, 0);
	is_str(st.poll_url, AOP, "resume polls the journaled URL");
	is_int(st.next_poll_ms, now, "resume polls at once");
	lro_resume(&st, LRO_PUT, RES, LRO_POLL_NONE, NULL, "Creating", now, 0);
	is_str(st.poll_url, RES, "resume without a URL polls the resource");
	is_int(st.kind, LRO_POLL_RESOURCE, "resume without a URL: resource");
	is_int(lro_poll_kind_parse(lro_poll_kind_name(LRO_POLL_LOCATION)),
	    LRO_POLL_LOCATION, "poll kind names round-trip");
	return tap_done();
}
