/*
 * The long-running-operation state machine (azure-api.md section 2.1).
 * Pure: every decision comes from a struct http_response and a time.
 *
 * Choices: a poll answered with 408, 429 or 5xx (after http.c's own
 * retries) does not fail the operation, which is still running in Azure;
 * it is polled again later.  A failed PUT gets a final GET of the compute
 * too, because its provisioningErrors name the real cause (the operation
 * status often says only "BadRequest").
 */
#include "config.h"
#include "azure/lro.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "azure/http.h"
#include "azure/retry.h"
#include "common/xalloc.h"
#include "core/state.h"
#include "core/text.h"

/* Copy src (or "") into dst, cut to len, control characters escaped. */
static void
copy(char *dst, size_t len, const char *src)
{
	text_escape(dst, len, src != NULL ? src : "", 0);
}

/* Start a machine for a call on resource_url, nothing sent yet. */
void
lro_init(struct lro_state *st, enum lro_method m, const char *resource_url,
    uint64_t now_ms, uint64_t min_interval_ms)
{
	memset(st, 0, sizeof *st);
	st->method = m;
	copy(st->resource_url, sizeof st->resource_url, resource_url);
	st->started_ms = now_ms;
	st->next_poll_ms = now_ms;
	st->min_interval_ms = min_interval_ms != 0 ? min_interval_ms :
	    LRO_MIN_INTERVAL_MS;
	st->default_interval_ms = LRO_DEFAULT_INTERVAL_MS;
	st->action = LRO_WAIT;
}

/* Start a machine at a journaled poll URL, polling at once. */
void
lro_resume(struct lro_state *st, enum lro_method m, const char *resource_url,
    enum lro_poll_kind kind, const char *poll_url, const char *status,
    uint64_t now_ms, uint64_t min_interval_ms)
{
	lro_init(st, m, resource_url, now_ms, min_interval_ms);
	if (kind == LRO_POLL_NONE || poll_url == NULL || *poll_url == '\0') {
		kind = LRO_POLL_RESOURCE;
		poll_url = resource_url;
	}
	st->kind = kind;
	copy(st->poll_url, sizeof st->poll_url, poll_url);
	copy(st->status, sizeof st->status, status);
}

/* The journal's name of a poll kind. */
const char *
lro_poll_kind_name(enum lro_poll_kind k)
{
	switch (k) {
	case LRO_POLL_ASYNC:	return "async";
	case LRO_POLL_LOCATION:	return "location";
	case LRO_POLL_RESOURCE:	return "resource";
	case LRO_POLL_NONE:	break;
	}
	return "none";
}

/* The poll kind of a journal name; NONE if unknown. */
enum lro_poll_kind
lro_poll_kind_parse(const char *s)
{
	if (s == NULL)
		return LRO_POLL_NONE;
	if (strcmp(s, "async") == 0)
		return LRO_POLL_ASYNC;
	if (strcmp(s, "location") == 0)
		return LRO_POLL_LOCATION;
	if (strcmp(s, "resource") == 0)
		return LRO_POLL_RESOURCE;
	return LRO_POLL_NONE;
}

static const char *
jstr(json_object *o, const char *key)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* An object member of o, or NULL. */
static json_object *
jobj(json_object *o, const char *key)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

/* The first element of an array member that is an object, or NULL. */
static json_object *
jfirst(json_object *o, const char *key)
{
	json_object	*v, *e;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_array) ||
	    json_object_array_length(v) == 0)
		return NULL;
	e = json_object_array_get_idx(v, 0);
	return json_object_is_type(e, json_type_object) ? e : NULL;
}

/* Fill code/message/detail from an "error" object; false if empty. */
static bool
error_fields(json_object *e, char *code, size_t codelen, char *msg,
    size_t msglen, char *detail, size_t detlen)
{
	json_object	*inner, *d, *sc;
	const char	*c, *m;
	int		 depth;

	/* Before 2019-06-01 the ML error was nested twice. */
	while ((inner = jobj(e, "error")) != NULL)
		e = inner;
	c = jstr(e, "code");
	m = jstr(e, "message");
	if (c == NULL && json_object_object_get_ex(e, "statusCode", &sc)) {
		snprintf(code, codelen, "%s", json_object_get_string(sc));
		c = code;
	} else
		copy(code, codelen, c);
	copy(msg, msglen, m);
	detail[0] = '\0';
	/* The most specific detail: follow details[0] down. */
	for (d = e, depth = 0; depth < 16 && (d = jfirst(d, "details")) !=
	    NULL; depth++) {
		const char *dc = jstr(d, "code"), *dm = jstr(d, "message");

		if (dc != NULL || dm != NULL)
			snprintf(detail, detlen, "%s%s%s", dc ? dc : "",
			    dc && dm ? ": " : "", dm ? dm : "");
	}
	text_escape_inplace(code, codelen, 0);
	text_escape_inplace(detail, detlen, 0);
	return c != NULL || m != NULL;
}

/* Code, message and innermost detail of an error body. */
bool
lro_error_from_json(const char *body, char *code, size_t codelen,
    char *msg, size_t msglen, char *detail, size_t detlen)
{
	json_object	*root, *e, *props, *pe;
	bool		 found = false;

	code[0] = msg[0] = detail[0] = '\0';
	if (body == NULL || (root = json_tokener_parse(body)) == NULL)
		return false;
	if ((e = jobj(root, "error")) != NULL)
		found = error_fields(e, code, codelen, msg, msglen, detail,
		    detlen);
	else if ((props = jobj(root, "properties")) != NULL &&
	    (pe = jfirst(props, "provisioningErrors")) != NULL)
		found = error_fields(pe, code, codelen, msg, msglen, detail,
		    detlen);
	else if (jstr(root, "message") != NULL)
		found = error_fields(root, code, codelen, msg, msglen, detail,
		    detlen);
	json_object_put(root);
	return found;
}

/*
 * An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") without strptime(),
 * whose month names follow the locale.
 */
static bool
parse_imf_date(const char *s, struct tm *tm)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char		  mon[4], gmt[4];
	const char	 *m;
	int		  day, year, hh, mm, ss, n = 0;

	memset(tm, 0, sizeof *tm);
	if (strlen(s) < 29 || s[3] != ',' ||
	    sscanf(s + 4, " %2d %3s %4d %2d:%2d:%2d %3s%n", &day, mon, &year,
	    &hh, &mm, &ss, gmt, &n) != 7 || s[4 + n] != '\0' ||
	    strcmp(gmt, "GMT") != 0 || strlen(mon) != 3 ||
	    (m = strstr(months, mon)) == NULL || (m - months) % 3 != 0)
		return false;
	tm->tm_mday = day;
	tm->tm_mon = (int)(m - months) / 3;
	tm->tm_year = year - 1900;
	tm->tm_hour = hh;
	tm->tm_min = mm;
	tm->tm_sec = ss;
	return day >= 1 && day <= 31 && hh < 24 && mm < 60 && ss <= 60;
}

/* The wait Retry-After asks for, clamped; 30 s when absent. */
uint64_t
lro_retry_after_ms(const char *h, uint64_t now_ms, uint64_t min_ms)
{
	uint64_t	 ms = LRO_DEFAULT_INTERVAL_MS;
	char		*end;
	struct tm	 tm;

	if (min_ms == 0)
		min_ms = LRO_MIN_INTERVAL_MS;
	if (h != NULL) {
		while (isspace((unsigned char)*h))
			h++;
		if (isdigit((unsigned char)*h)) {
			unsigned long long s = strtoull(h, &end, 10);

			while (isspace((unsigned char)*end))
				end++;
			if (*end == '\0')
				ms = s > LRO_MAX_INTERVAL_MS / 1000 ?
				    LRO_MAX_INTERVAL_MS : s * 1000;
		} else if (parse_imf_date(h, &tm)) {
			uint64_t at = (uint64_t)timegm(&tm) * 1000;

			ms = at > now_ms ? at - now_ms : 0;
		}
	}
	if (ms < min_ms)
		ms = min_ms;
	if (ms > LRO_MAX_INTERVAL_MS)
		ms = LRO_MAX_INTERVAL_MS;
	return ms;
}

/* Record a new status; status_changed says whether it differs. */
static void
set_status(struct lro_state *st, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	if (strcmp(st->status, s) != 0) {
		copy(st->status, sizeof st->status, s);
		st->status_changed = true;
	}
}

/* Record and return the decision. */
static enum lro_action
decide(struct lro_state *st, enum lro_action a)
{
	st->action = a;
	return a;
}

/* Poll again after the Retry-After of rsp. */
static enum lro_action
wait_next(struct lro_state *st, const struct http_response *rsp,
    uint64_t now)
{
	if (rsp->retry_after == NULL && st->default_interval_ms > 0 &&
	    st->default_interval_ms < LRO_DEFAULT_INTERVAL_MS)
		st->next_poll_ms = now + (st->default_interval_ms >
		    st->min_interval_ms ? st->default_interval_ms :
		    st->min_interval_ms);
	else
		st->next_poll_ms = now + lro_retry_after_ms(rsp->retry_after,
		    now, st->min_interval_ms);
	return decide(st, LRO_WAIT);
}

/* Fail with the error in the body, or a generic one naming the status. */
static enum lro_action
fail(struct lro_state *st, const struct http_response *rsp)
{
	char	code[64], msg[512], det[512];

	st->http_status = rsp->status;
	if (lro_error_from_json(buf_str(&rsp->body), code, sizeof code, msg,
	    sizeof msg, det, sizeof det)) {
		if (code[0] != '\0' || st->error_code[0] == '\0')
			copy(st->error_code, sizeof st->error_code, code);
		if (msg[0] != '\0' || st->error_message[0] == '\0')
			copy(st->error_message, sizeof st->error_message, msg);
		if (det[0] != '\0')
			copy(st->error_detail, sizeof st->error_detail, det);
	} else if (st->error_code[0] == '\0' && rsp->status >= 300)
		snprintf(st->error_code, sizeof st->error_code, "HTTP%ld",
		    rsp->status);
	if (provisioning_state_parse(st->status) == PROV_CANCELED)
		return decide(st, LRO_CANCELED);
	set_status(st, "Failed");
	return decide(st, LRO_FAILED);
}

/* The provisioningState of a resource body; NULL if absent. */
static char *
provisioning_state(const struct http_response *rsp)
{
	json_object	*root;
	const char	*s;
	char		*r = NULL;

	if ((root = json_tokener_parse(buf_str(&rsp->body))) == NULL)
		return NULL;
	if ((s = jstr(jobj(root, "properties"), "provisioningState")) != NULL)
		r = xstrdup(s);
	json_object_put(root);
	return r;
}

/* A resource body with a terminal or missing state ends the operation. */
static enum lro_action
from_resource(struct lro_state *st, const struct http_response *rsp,
    uint64_t now)
{
	char			*ps = provisioning_state(rsp);
	enum provisioning_state	 p = provisioning_state_parse(ps);

	if (ps != NULL && !provisioning_state_terminal(p)) {
		set_status(st, ps);
		free(ps);
		return wait_next(st, rsp, now);
	}
	set_status(st, ps != NULL ? ps : "Succeeded");
	free(ps);
	if (p == PROV_FAILED)
		return fail(st, rsp);
	if (p == PROV_CANCELED)
		return decide(st, LRO_CANCELED);
	return decide(st, LRO_SUCCEEDED);
}

/* Decide from the first answer: done, or what to poll. */
enum lro_action
lro_start(struct lro_state *st, const struct http_response *rsp, uint64_t now)
{
	char	*ps;

	st->status_changed = false;
	if (rsp->status != 200 && rsp->status != 201 && rsp->status != 202 &&
	    rsp->status != 204)
		return fail(st, rsp);
	if (st->method == LRO_PUT && (ps = provisioning_state(rsp)) != NULL) {
		set_status(st, ps);
		free(ps);
	}
	if (rsp->azure_async_operation != NULL &&
	    *rsp->azure_async_operation != '\0') {
		st->kind = LRO_POLL_ASYNC;
		copy(st->poll_url, sizeof st->poll_url,
		    rsp->azure_async_operation);
	} else if (rsp->location != NULL && *rsp->location != '\0' &&
	    (rsp->status == 202 || st->method == LRO_DELETE)) {
		st->kind = LRO_POLL_LOCATION;
		copy(st->poll_url, sizeof st->poll_url, rsp->location);
	} else if (st->method == LRO_DELETE) {
		if (rsp->status == 202) {
			st->kind = LRO_POLL_RESOURCE;
			copy(st->poll_url, sizeof st->poll_url,
			    st->resource_url);
			set_status(st, "Deleting");
			return wait_next(st, rsp, now);
		}
		set_status(st, "Succeeded");
		return decide(st, LRO_SUCCEEDED);
	} else {
		st->kind = LRO_POLL_RESOURCE;
		copy(st->poll_url, sizeof st->poll_url, st->resource_url);
		return from_resource(st, rsp, now);
	}
	if (st->status[0] == '\0')
		set_status(st, st->method == LRO_DELETE ? "Deleting" :
		    "InProgress");
	return wait_next(st, rsp, now);
}

/* Decide from an answer to a poll. */
enum lro_action
lro_poll(struct lro_state *st, const struct http_response *rsp, uint64_t now)
{
	json_object	*root;
	const char	*s;
	char		 status[48];

	st->status_changed = false;
	st->polls++;
	if (retry_status_transient(rsp->status))
		return wait_next(st, rsp, now);
	switch (st->kind) {
	case LRO_POLL_ASYNC:
		if (rsp->status != 200)
			return fail(st, rsp);
		if ((root = json_tokener_parse(buf_str(&rsp->body))) == NULL) {
			st->http_status = rsp->status;
			copy(st->error_code, sizeof st->error_code,
			    "MalformedResponse");
			copy(st->error_message, sizeof st->error_message,
			    "the operation status is not JSON");
			return decide(st, LRO_FAILED);
		}
		s = jstr(root, "status");
		copy(status, sizeof status, s != NULL ? s : "");
		json_object_put(root);
		if (status[0] == '\0')
			return wait_next(st, rsp, now);
		if (!provisioning_state_text_terminal(status)) {
			set_status(st, status);
			return wait_next(st, rsp, now);
		}
		if (provisioning_state_parse(status) == PROV_SUCCEEDED) {
			if (st->method == LRO_DELETE) {
				set_status(st, "Succeeded");
				return decide(st, LRO_SUCCEEDED);
			}
			st->next_poll_ms = now;
			return decide(st, LRO_FINAL_GET);
		}
		set_status(st, status);
		fail(st, rsp);
		if (st->method == LRO_PUT && st->action == LRO_FAILED) {
			/* The compute's provisioningErrors say more. */
			st->next_poll_ms = now;
			return decide(st, LRO_FINAL_GET);
		}
		return st->action;
	case LRO_POLL_LOCATION:
		if (rsp->status == 202)
			return wait_next(st, rsp, now);
		if (rsp->status == 200 || rsp->status == 204) {
			if (st->method == LRO_DELETE) {
				set_status(st, "Succeeded");
				return decide(st, LRO_SUCCEEDED);
			}
			st->next_poll_ms = now;
			return decide(st, LRO_FINAL_GET);
		}
		return fail(st, rsp);
	case LRO_POLL_RESOURCE:
	case LRO_POLL_NONE:
		if (st->method == LRO_DELETE && (rsp->status == 404 ||
		    rsp->status == 204)) {
			set_status(st, "Succeeded");
			return decide(st, LRO_SUCCEEDED);
		}
		if (rsp->status != 200)
			return fail(st, rsp);
		return from_resource(st, rsp, now);
	}
	return fail(st, rsp);
}

/* Decide from the final GET of the resource. */
enum lro_action
lro_final(struct lro_state *st, const struct http_response *rsp, uint64_t now)
{
	enum provisioning_state	 p = provisioning_state_parse(st->status);
	bool			 failed = st->action == LRO_FINAL_GET &&
				    p == PROV_FAILED;
	bool			 canceled = p == PROV_CANCELED;
	char			*ps;

	st->status_changed = false;
	if (retry_status_transient(rsp->status)) {
		st->next_poll_ms = now + lro_retry_after_ms(rsp->retry_after,
		    now, st->min_interval_ms);
		return decide(st, LRO_FINAL_GET);
	}
	if (rsp->status != 200) {
		if (failed)
			return decide(st, LRO_FAILED);
		return fail(st, rsp);
	}
	if (failed || canceled) {
		/* Keep the operation's verdict; add the compute's errors. */
		char	code[64], msg[512], det[512];

		if (lro_error_from_json(buf_str(&rsp->body), code, sizeof code,
		    msg, sizeof msg, det, sizeof det)) {
			if (st->error_code[0] == '\0')
				copy(st->error_code, sizeof st->error_code,
				    code);
			if (st->error_message[0] == '\0' ||
			    strcmp(st->error_message, msg) != 0) {
				if (st->error_message[0] == '\0')
					copy(st->error_message,
					    sizeof st->error_message, msg);
				else if (st->error_detail[0] == '\0')
					copy(st->error_detail,
					    sizeof st->error_detail, msg);
			}
			if (det[0] != '\0')
				copy(st->error_detail, sizeof st->error_detail,
				    det);
		}
		return decide(st, canceled ? LRO_CANCELED : LRO_FAILED);
	}
	/* The operation succeeded: only a Failed compute contradicts it. */
	ps = provisioning_state(rsp);
	p = provisioning_state_parse(ps);
	free(ps);
	if (p == PROV_FAILED) {
		set_status(st, "Failed");
		return fail(st, rsp);
	}
	set_status(st, "Succeeded");
	return decide(st, LRO_SUCCEEDED);
}
