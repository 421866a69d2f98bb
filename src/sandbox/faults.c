/*
 * Fault injection for akswiz-sandbox (--faults SPEC).
 *
 * SPEC is a list of items separated by ';' (spaces around items ignored):
 *
 *	seed=N			the random source's seed (default 1)
 *	[METHOD:]GLOB=ACTION	a request rule
 *	op:GLOB=fail:CODE[MODS][:MESSAGE]
 *				operations on computes whose name matches
 *				GLOB end Failed with error CODE and MESSAGE
 *	score:GLOB=slow:MS[MODS]
 *				scoring requests to a deployment whose
 *				"ENDPOINT/DEPLOYMENT" matches GLOB take MS
 *				milliseconds of the model's time (not slept:
 *				past the deployment's requestTimeout they
 *				answer 504 at once)
 *	score:GLOB=busy:N[MODS]
 *				N requests are already in flight there: at
 *				maxConcurrentRequestsPerInstance x instances
 *				or more, a request waits in the queue, and
 *				past maxQueueWait (the in-flight ones' slow
 *				time, unknown without a slow rule) it answers
 *				503
 *
 * METHOD is an HTTP method or '*' (default: any).  GLOB is matched without
 * case against the request path (no query), '*' matching any run of
 * characters including '/'.  It must match the whole path or a tail of it
 * that starts at or just after a '/': "computes*" matches ".../computes"
 * and ".../computes/NAME" (and "/computes/NAME" matches the latter), and
 * "*" matches everything.
 *
 * ACTION is a kind, then modifiers in any order:
 *
 *	429, 500, 502, 503, 504 or another status 400-599
 *				answer with that status and an ARM error body
 *	  :retry-after=N	  with "Retry-After: N" (429 default 1)
 *	reset-before		close the connection without answering
 *	reset-after		serve the request (its effects happen), then
 *				close the connection without the answer: a
 *				lost reply, as when a proxy drops it
 *	truncate		send only part of the body
 *	latency:DURATION	wait before answering ("200ms", "2s", "150"
 *				is milliseconds); adds to whatever else fires
 *	@P			fire with probability P (0 to 1; default 1)
 *	#N			fire at most N times (default: no limit)
 *	+K			let the first K matching requests through
 *
 * Rules are tried in order for each request.  Every matching rule draws
 * from the random source (so decisions depend only on the seed and the
 * sequence of requests); latency rules add up, and the first other rule
 * that fires decides what happens.  Examples:
 *
 *	seed=42;GET:computes*=429@0.3:retry-after=1;PUT:*=503#1
 *	*=reset-before#1;*=latency:200ms;*=truncate+2#1
 *	op:ml-*=fail:QuotaExceeded#1:Quota exceeded for family standardDv2
 *
 * A MESSAGE runs to the end of its item and so cannot contain ';'.  A
 * malformed spec is refused with a message naming the bad item.
 */
#include "config.h"
#include "sandbox/sandbox.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#define FAULTS_MAX_RULES	64

enum fault_kind {
	FK_STATUS,
	FK_RESET_BEFORE,
	FK_RESET_AFTER,
	FK_TRUNCATE,
	FK_LATENCY,
	FK_OP_FAIL,
	FK_SCORE_SLOW,
	FK_SCORE_BUSY
};

struct fault_rule {
	enum fault_kind	 kind;
	char		 method[16];	/* "" for any */
	char		*glob;
	int		 status;
	int		 retry_after;	/* -1: no header */
	unsigned	 latency_ms;
	double		 prob;
	long		 max_fires;	/* -1: no limit */
	long		 skip;
	char		*code, *message;	/* FK_OP_FAIL */
	long		 amount;	/* FK_SCORE_*: milliseconds, requests */
	long		 matched, fired;
};

struct sb_faults {
	pthread_mutex_t	 lock;
	uint64_t	 rng;
	struct fault_rule rules[FAULTS_MAX_RULES];
	int		 nrules;
};

/* splitmix64: small, good enough and the same on every platform. */
static uint64_t
faults_next(struct sb_faults *f)
{
	uint64_t	z;

	z = (f->rng += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A draw in [0, 1). */
static double
faults_draw(struct sb_faults *f)
{
	return (double)(faults_next(f) >> 11) / (double)(UINT64_C(1) << 53);
}

/* Whether glob (with '*') matches all of s, ignoring case. */
static bool
faults_glob(const char *g, const char *s)
{
	const char	*star = NULL, *mark = NULL;

	while (*s != '\0') {
		if (*g == '*') {
			star = g++;
			mark = s;
		} else if (tolower((unsigned char)*g) ==
		    tolower((unsigned char)*s)) {
			g++;
			s++;
		} else if (star != NULL) {
			g = star + 1;
			s = ++mark;
		} else
			return false;
	}
	while (*g == '*')
		g++;
	return *g == '\0';
}

/* Whether glob matches path or a tail of it at or just after a '/'. */
static bool
faults_match_path(const char *glob, const char *path)
{
	const char	*p;

	if (faults_glob(glob, path))
		return true;
	for (p = strchr(path, '/'); p != NULL; p = strchr(p + 1, '/'))
		if (faults_glob(glob, p) || faults_glob(glob, p + 1))
			return true;
	return false;
}

/* Parse a non-negative integer filling all of s. */
static bool
faults_long(const char *s, size_t len, long *out)
{
	char	buf[32], *end;

	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (!isdigit((unsigned char)buf[0]))
		return false;
	errno = 0;
	*out = strtol(buf, &end, 10);
	return errno == 0 && *end == '\0';
}

/* Parse "200ms", "2s" or "150" (milliseconds). */
static bool
faults_duration(const char *s, size_t len, unsigned *ms)
{
	long	n, mult = 1;

	if (len > 2 && strncmp(s + len - 2, "ms", 2) == 0)
		len -= 2;
	else if (len > 1 && s[len - 1] == 's') {
		len--;
		mult = 1000;
	}
	if (!faults_long(s, len, &n) || n > 600000 / mult)
		return false;
	*ms = (unsigned)(n * mult);
	return true;
}

/* Parse the modifiers after a kind: ":param", "@P", "#N", "+K". */
static const char *
faults_mods(struct fault_rule *r, const char *s, bool op)
{
	const char	*v, *end;
	char		 buf[32], *e;
	size_t		 len;
	long		 n;

	while (*s != '\0') {
		if (op && *s == ':')
			return NULL;	/* the message follows */
		v = s + 1;
		end = v + strcspn(v, ":@#+");
		len = (size_t)(end - v);
		switch (*s) {
		case '@':
			if (len == 0 || len >= sizeof buf)
				return "bad probability";
			memcpy(buf, v, len);
			buf[len] = '\0';
			errno = 0;
			r->prob = strtod(buf, &e);
			if (errno != 0 || *e != '\0' || r->prob < 0 ||
			    r->prob > 1)
				return "probability must be 0 to 1";
			break;
		case '#':
			if (!faults_long(v, len, &r->max_fires))
				return "bad count after #";
			break;
		case '+':
			if (!faults_long(v, len, &r->skip))
				return "bad count after +";
			break;
		case ':':
			if (r->kind == FK_LATENCY && r->latency_ms == 0) {
				if (!faults_duration(v, len, &r->latency_ms))
					return "bad duration";
			} else if (r->kind == FK_STATUS && len > 12 &&
			    strncasecmp(v, "retry-after=", 12) == 0) {
				if (!faults_long(v + 12, len - 12, &n) ||
				    n > 86400)
					return "bad retry-after";
				r->retry_after = (int)n;
			} else
				return "unknown parameter";
			break;
		default:
			return "unexpected character";
		}
		s = end;
	}
	return NULL;
}

/* Parse "KIND..." of a request rule into r; an error text or NULL. */
static const char *
faults_action(struct fault_rule *r, const char *s)
{
	static const struct {
		const char	*name;
		enum fault_kind	 kind;
	} kinds[] = {
		{ "reset-before", FK_RESET_BEFORE },
		{ "reset-after", FK_RESET_AFTER },
		{ "truncate", FK_TRUNCATE },
		{ "latency", FK_LATENCY },
	};
	const char	*why;
	size_t		 len, i;
	long		 n;

	len = strcspn(s, ":@#+");
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strlen(kinds[i].name) == len &&
		    strncmp(s, kinds[i].name, len) == 0)
			break;
	if (i < sizeof kinds / sizeof kinds[0])
		r->kind = kinds[i].kind;
	else if (faults_long(s, len, &n) && n >= 400 && n <= 599) {
		r->kind = FK_STATUS;
		r->status = (int)n;
		if (n == 429)
			r->retry_after = 1;
	} else
		return "unknown fault kind";
	if ((why = faults_mods(r, s + len, false)) != NULL)
		return why;
	if (r->kind == FK_LATENCY && r->latency_ms == 0)
		return "latency needs a duration";
	return NULL;
}

/* Parse "GLOB=fail:CODE[MODS][:MESSAGE]" of an op rule. */
static const char *
faults_op(struct fault_rule *r, const char *s)
{
	const char	*eq, *code, *why, *msg;
	size_t		 len;

	r->kind = FK_OP_FAIL;
	if ((eq = strchr(s, '=')) == NULL || eq == s)
		return "expected op:NAME=fail:CODE";
	r->glob = xstrndup(s, (size_t)(eq - s));
	if (strncmp(eq + 1, "fail:", 5) != 0)
		return "expected fail:CODE";
	code = eq + 6;
	for (len = 0; isalnum((unsigned char)code[len]) || code[len] == '_' ||
	    code[len] == '.'; len++)
		;
	if (len == 0)
		return "missing error code";
	r->code = xstrndup(code, len);
	if ((why = faults_mods(r, code + len, true)) != NULL)
		return why;
	msg = strchr(code + len, ':');
	r->message = xstrdup(msg != NULL && msg[1] != '\0' ? msg + 1 :
	    "The operation failed.");
	return NULL;
}

/* Parse "GLOB=slow:MS[MODS]" or "GLOB=busy:N[MODS]" of a score rule. */
static const char *
faults_score(struct fault_rule *r, const char *s)
{
	const char	*eq, *n;
	size_t		 len;

	if ((eq = strchr(s, '=')) == NULL || eq == s)
		return "expected score:ENDPOINT/DEPLOYMENT=slow:MS or busy:N";
	r->glob = xstrndup(s, (size_t)(eq - s));
	if (strncmp(eq + 1, "slow:", 5) == 0)
		r->kind = FK_SCORE_SLOW;
	else if (strncmp(eq + 1, "busy:", 5) == 0)
		r->kind = FK_SCORE_BUSY;
	else
		return "expected slow:MS or busy:N";
	n = eq + 6;
	len = strspn(n, "0123456789");
	if (!faults_long(n, len, &r->amount) || r->amount < 0)
		return "bad number";
	return faults_mods(r, n + len, false);
}

/* Parse one item into f; an error text or NULL. */
static const char *
faults_item(struct sb_faults *f, const char *s)
{
	struct fault_rule *r;
	const char	*eq, *colon;
	long		 seed;
	size_t		 mlen;

	if (strncmp(s, "seed=", 5) == 0) {
		if (!faults_long(s + 5, strlen(s + 5), &seed))
			return "bad seed";
		f->rng = (uint64_t)seed;
		return NULL;
	}
	if (f->nrules == FAULTS_MAX_RULES)
		return "too many rules";
	r = &f->rules[f->nrules++];
	memset(r, 0, sizeof *r);
	r->prob = 1;
	r->max_fires = -1;
	r->retry_after = -1;
	if (strncmp(s, "op:", 3) == 0)
		return faults_op(r, s + 3);
	if (strncmp(s, "score:", 6) == 0)
		return faults_score(r, s + 6);
	if ((eq = strchr(s, '=')) == NULL)
		return "expected [METHOD:]PATH=FAULT";
	colon = memchr(s, ':', (size_t)(eq - s));
	if (colon != NULL) {
		mlen = (size_t)(colon - s);
		if (mlen == 0 || mlen >= sizeof r->method)
			return "bad method";
		memcpy(r->method, s, mlen);
		r->method[mlen] = '\0';
		if (strcmp(r->method, "*") == 0)
			r->method[0] = '\0';
		s = colon + 1;
	}
	if (eq == s)
		return "missing path";
	r->glob = xstrndup(s, (size_t)(eq - s));
	return faults_action(r, eq + 1);
}

/* Parse SPEC (see the top of this file). */
struct sb_faults *
faults_new(const char *spec, struct err *err)
{
	struct sb_faults *f;
	char		*copy, *item, *next, *end;
	const char	*why;

	f = xcalloc(1, sizeof *f);
	pthread_mutex_init(&f->lock, NULL);
	f->rng = 1;
	copy = xstrdup(spec != NULL ? spec : "");
	for (item = copy; item != NULL; item = next) {
		if ((next = strchr(item, ';')) != NULL)
			*next++ = '\0';
		while (isspace((unsigned char)*item))
			item++;
		end = item + strlen(item);
		while (end > item && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (*item == '\0')
			continue;
		if ((why = faults_item(f, item)) != NULL) {
			err_set(err, ERR_USAGE, _("bad fault \"%s\": %s"),
			    item, why);
			free(copy);
			faults_free(f);
			return NULL;
		}
	}
	free(copy);
	return f;
}

void
faults_free(struct sb_faults *f)
{
	int	i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nrules; i++) {
		free(f->rules[i].glob);
		free(f->rules[i].code);
		free(f->rules[i].message);
	}
	pthread_mutex_destroy(&f->lock);
	free(f);
}

/* Whether rule r fires for a matching request; counts and draws. */
static bool
faults_fires(struct sb_faults *f, struct fault_rule *r)
{
	double	draw = faults_draw(f);

	if (++r->matched <= r->skip)
		return false;
	if (r->max_fires >= 0 && r->fired >= r->max_fires)
		return false;
	if (r->prob < 1 && draw >= r->prob)
		return false;
	r->fired++;
	return true;
}

/* Fill resp with an injected error status, in ARM's shape. */
static void
faults_respond(const struct fault_rule *r, struct sb_response *resp)
{
	const char	*code, *msg;

	switch (r->status) {
	case 429:
		code = "TooManyRequests";
		msg = "The request is being throttled. Please try again "
		    "after the time given in the Retry-After header.";
		break;
	case 500:
		code = "InternalServerError";
		msg = "Encountered internal server error.";
		break;
	case 502:
		code = "BadGateway";
		msg = "The gateway did not receive a response.";
		break;
	case 503:
		code = "ServiceUnavailable";
		msg = "The service is currently unavailable. Please try "
		    "again later.";
		break;
	case 504:
		code = "GatewayTimeout";
		msg = "The gateway did not receive a response from "
		    "'Microsoft.MachineLearningServices' within the "
		    "specified time period.";
		break;
	default:
		code = r->status < 500 ? "BadRequest" : "InternalServerError";
		msg = "The request failed.";
		break;
	}
	sb_resp_arm_error(resp, r->status, code, "%s", msg);
	if (r->retry_after >= 0)
		sb_resp_header(resp, "Retry-After", "%d", r->retry_after);
}

/* Decide what happens to one request. */
enum fault_action
faults_before(struct sb_faults *f, const struct sb_request *req,
    struct sb_response *resp, unsigned *latency_ms)
{
	enum fault_action action = FAULT_NONE;
	struct fault_rule *r, *fired = NULL;
	int		 i;

	*latency_ms = 0;
	if (f == NULL)
		return FAULT_NONE;
	pthread_mutex_lock(&f->lock);
	for (i = 0; i < f->nrules; i++) {
		r = &f->rules[i];
		if (r->kind == FK_OP_FAIL || r->kind == FK_SCORE_SLOW ||
		    r->kind == FK_SCORE_BUSY ||
		    (r->method[0] != '\0' &&
		    strcasecmp(r->method, req->method) != 0) ||
		    !faults_match_path(r->glob, req->path))
			continue;
		if (r->kind != FK_LATENCY && fired != NULL)
			continue;
		if (!faults_fires(f, r))
			continue;
		if (r->kind == FK_LATENCY)
			*latency_ms += r->latency_ms;
		else
			fired = r;
	}
	if (fired != NULL) {
		switch (fired->kind) {
		case FK_STATUS:
			faults_respond(fired, resp);
			action = FAULT_RESPOND;
			break;
		case FK_RESET_BEFORE:
			action = FAULT_RESET_BEFORE;
			break;
		case FK_RESET_AFTER:
			action = FAULT_RESET_AFTER;
			break;
		case FK_TRUNCATE:
			action = FAULT_TRUNCATE;
			break;
		default:
			break;
		}
	}
	pthread_mutex_unlock(&f->lock);
	return action;
}

/* Whether an operation on compute_name is to fail, and its error. */
bool
faults_operation_fails(struct sb_faults *f, const char *compute_name,
    char *code, size_t codelen, char *message, size_t msglen)
{
	struct fault_rule *r;
	bool		 fails = false;
	int		 i;

	if (f == NULL)
		return false;
	pthread_mutex_lock(&f->lock);
	for (i = 0; i < f->nrules && !fails; i++) {
		r = &f->rules[i];
		if (r->kind != FK_OP_FAIL ||
		    !faults_glob(r->glob, compute_name))
			continue;
		if (faults_fires(f, r)) {
			snprintf(code, codelen, "%s", r->code);
			snprintf(message, msglen, "%s", r->message);
			fails = true;
		}
	}
	pthread_mutex_unlock(&f->lock);
	return fails;
}

/*
 * What the score rules say of a request to target ("ENDPOINT/DEPLOYMENT"):
 * its model time in *slow_ms and the requests in flight in *busy, each -1
 * when no rule of its kind fires.
 */
void
faults_score_load(struct sb_faults *f, const char *target, long *slow_ms,
    long *busy)
{
	struct fault_rule *r;
	int		 i;

	*slow_ms = *busy = -1;
	if (f == NULL)
		return;
	pthread_mutex_lock(&f->lock);
	for (i = 0; i < f->nrules; i++) {
		r = &f->rules[i];
		if ((r->kind != FK_SCORE_SLOW && r->kind != FK_SCORE_BUSY) ||
		    !faults_glob(r->glob, target))
			continue;
		if (r->kind == FK_SCORE_SLOW && *slow_ms < 0 &&
		    faults_fires(f, r))
			*slow_ms = r->amount;
		else if (r->kind == FK_SCORE_BUSY && *busy < 0 &&
		    faults_fires(f, r))
			*busy = r->amount;
	}
	pthread_mutex_unlock(&f->lock);
}
