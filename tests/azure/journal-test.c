/*
 * The operation journal on disk: where it lives, its modes, what an entry
 * holds after create, update and finish, the open-only listing that
 * `akswiz watch` uses, and that damaged or half-written files are skipped.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "azure/journal.h"
#include "common/xalloc.h"
#include "tests/tap.h"

static char	tmpdir[] = "/tmp/journal-test-XXXXXX";

static void
make_entry(struct journal_entry *e, const char *name)
{
	journal_entry_init(e);
	snprintf(e->operation, sizeof e->operation, "attach");
	snprintf(e->compute, sizeof e->compute, "%s", name);
	snprintf(e->subscription, sizeof e->subscription, "sub");
	snprintf(e->method, sizeof e->method, "PUT");
	snprintf(e->resource_url, sizeof e->resource_url,
	    "https://arm/computes/%s?api-version=2024-04-01", name);
	snprintf(e->poll_kind, sizeof e->poll_kind, "async");
	snprintf(e->operation_url, sizeof e->operation_url,
	    "https://arm/ops/1?api-version=2024-04-01&s=1");
	snprintf(e->state, sizeof e->state, "Updating");
	e->nsteps = 2;
	snprintf(e->step_name, sizeof e->step_name, "attach");
	e->plan_json = xstrdup("{\"version\":1,\"operation\":\"attach\"}");
}

/* Each damage, as journal_read() words it. */
static void
damaged_table(const char *dir)
{
	static const struct {
		const char	*text;		/* NULL: 2 MB of text */
		const char	*want;
	} rows[] = {
		{ "{\"version\": 1, \"open\": true, \"step\": 1", "truncated" },
		{ "\001\002 garbage", "not JSON" },
		{ "[1, 2]", "an array, not an object" },
		{ "{\"version\": 1, \"open\": true, \"compute\": \"c\", "
		  "\"step\": \"1\", \"steps\": 1}",
		  "member \"step\" is a string, not an integer" },
		{ "{\"version\": 1, \"open\": \"yes\"}",
		  "member \"open\" is a string, not a boolean" },
		{ "{\"version\": 1, \"open\": true, \"compute\": \"c\", "
		  "\"step\": 1, \"steps\": 1, \"method\": \"PUT\"}",
		  "member \"resourceUrl\" is missing" },
		{ "{\"version\": 1, \"open\": true, \"compute\": \"c\", "
		  "\"step\": 3, \"steps\": 2, \"method\": \"PUT\", "
		  "\"resourceUrl\": \"https://a/x\"}", "step 3 of 2" },
		{ "{\"version\": 1, \"open\": true, \"compute\": \"c\", "
		  "\"step\": 1, \"steps\": 1, \"method\": \"PUT\", "
		  "\"resourceUrl\": \"https://a/x\", \"startTime\": 5}",
		  "member \"startTime\" is an integer, not a string" },
		{ "{\"version\": 3}", "version 3" },
		{ "{\"version\": 1} {}", "more after its JSON document" },
		{ "", "empty" },
		{ NULL, "2.0 MB, more than the 1 MB" },
	};
	struct journal_entry	r;
	struct err		err;
	char			path[1200];
	FILE			*fp;
	size_t			i, k;

	snprintf(path, sizeof path, "%s/t-damaged.json", dir);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		fp = fopen(path, "w");
		if (rows[i].text != NULL)
			fputs(rows[i].text, fp);
		else
			for (k = 0; k < 2 * 1024 * 1024; k++)
				fputc('a', fp);
		fclose(fp);
		err_clear(&err);
		ok(!journal_read(path, &r, &err) && err.kind == ERR_PARSE &&
		    strstr(err.msg, "is damaged") != NULL &&
		    strstr(err.msg, rows[i].want) != NULL,
		    "damaged (%s): %s", rows[i].want, err.msg);
	}
	unlink(path);
}

/* The compute's lock: one holder; the next is told who. */
static void
lock_tests(void)
{
	struct journal_lock	a, b;
	struct err		err;
	struct stat		st;
	char			path[1024];

	journal_lock_init(&a);
	journal_lock_init(&b);
	err_clear(&err);
	ok(journal_lock(&a, "sub", "rg", "ws", "ml-lock", "create", &err) &&
	    journal_locked(&a), "the lock is taken");
	ok(stat(a.path, &st) == 0 && (st.st_mode & 0777) == 0600 &&
	    strstr(a.path, "/ml-lock-") != NULL, "its file, mode 0600: %s",
	    a.path);
	journal_lock_note(&a, "/j/entry.json");
	ok(!journal_lock(&b, "SUB", "rg", "WS", "ML-LOCK", "create", &err) &&
	    err.kind == ERR_BUSY && !journal_locked(&b),
	    "the same compute (any case) is busy for another holder");
	ok(strstr(err.msg, "another akswiz is changing ML-LOCK: create by "
	    "process ") != NULL, "saying by whom: %s", err.msg);
	ok(strstr(err.detail, "/j/entry.json") != NULL,
	    "and its journal entry: %s", err.detail);
	ok(journal_lock(&b, "sub", "rg", "ws", "ml-other", "create", &err),
	    "another compute has its own lock");
	journal_unlock(&b);
	snprintf(path, sizeof path, "%s", a.path);
	journal_unlock(&a);
	ok(!journal_locked(&a) && stat(path, &st) != 0,
	    "released, the file is gone");
	ok(journal_lock(&b, "sub", "rg", "ws", "ml-lock", "detach", &err),
	    "and the next one takes it");
	journal_unlock(&b);
	journal_unlock(&b);
}

/* The newest entry of a compute decides whether it is partly applied. */
static void
partial_tests(void)
{
	struct journal_entry	e, f, r;
	struct err		err;

	err_clear(&err);
	journal_entry_init(&e);
	snprintf(e.operation, sizeof e.operation, "attach");
	snprintf(e.subscription, sizeof e.subscription, "sub");
	snprintf(e.resource_group, sizeof e.resource_group, "rg");
	snprintf(e.workspace, sizeof e.workspace, "ws");
	snprintf(e.compute, sizeof e.compute, "ml-part");
	snprintf(e.method, sizeof e.method, "PUT");
	snprintf(e.resource_url, sizeof e.resource_url,
	    "https://arm:1/subscriptions/sub/x/computes/ml-part");
	e.nsteps = 2;
	e.step = 2;
	snprintf(e.step_name, sizeof e.step_name, "update");
	snprintf(e.steps[0].result, sizeof e.steps[0].result, "Succeeded");
	snprintf(e.steps[1].result, sizeof e.steps[1].result, "Failed");
	e.started = 1000;
	ok(journal_create(&e, &err) && journal_finish(&e,
	    JOURNAL_PARTLY_APPLIED, "BadRequest", "no", &err),
	    "a partly applied entry");
	ok(journal_entry_partly_applied(&e), "is partly applied");
	ok(journal_find_partial("https://arm:1", "SUB", "rg", "ws", "ML-PART",
	    &r) && r.step == 2 && strcmp(r.step_name, "update") == 0 &&
	    strcmp(r.steps[0].result, "Succeeded") == 0 &&
	    strcmp(r.steps[1].result, "Failed") == 0,
	    "found for its compute, with the failed step");
	journal_entry_done(&r);
	ok(!journal_find_partial("https://arm:2", "sub", "rg", "ws",
	    "ml-part", &r), "not on another endpoint");
	ok(!journal_find_partial("https://arm:1", "sub", "rg", "ws2",
	    "ml-part", &r), "not in another workspace");
	f = e;
	f.plan_json = NULL;
	f.path[0] = '\0';
	f.started = 2000;
	f.open = true;
	f.result[0] = '\0';
	ok(journal_create(&f, &err) && journal_finish(&f, "Succeeded", NULL,
	    NULL, &err), "a later entry of the compute");
	ok(!journal_find_partial("https://arm:1", "sub", "rg", "ws",
	    "ml-part", &r), "settles it");
	unlink(f.path);
	unlink(e.path);
	journal_entry_done(&e);
}

/*
 * Version 2 keeps each step (kind, target, state, result, poll kind,
 * operation URL) and reads it back; a version 1 file, which kept only the
 * current step, is read as that step of its kind.
 */
static void
step_list_tests(const char *dir)
{
	struct journal_entry	e, r;
	struct err		err;
	char			path[1200], *doc;
	FILE			*fp;

	err_clear(&err);
	make_entry(&e, "ml-steps");
	snprintf(e.steps[0].kind, sizeof e.steps[0].kind, "attachCompute");
	snprintf(e.steps[0].target, sizeof e.steps[0].target, "/x/ml-steps");
	snprintf(e.steps[0].result, sizeof e.steps[0].result, "Succeeded");
	snprintf(e.steps[1].kind, sizeof e.steps[1].kind, "updateCompute");
	snprintf(e.steps[1].target, sizeof e.steps[1].target, "/x/ml-steps");
	e.step = 2;
	ok(journal_create(&e, &err), "an entry of two steps");
	doc = journal_to_json(&e);
	ok(strstr(doc, "\"version\": 2") != NULL, "is of version 2");
	ok(strstr(doc, "\"key\"") == NULL && strstr(doc, "\"body\"") == NULL,
	    "and has no request body");
	free(doc);
	ok(journal_read(e.path, &r, &err), "reads back: %s", err.msg);
	is_str(r.steps[0].kind, "attachCompute", "step 1: kind");
	is_str(r.steps[0].target, "/x/ml-steps", "step 1: target");
	is_str(r.steps[0].result, "Succeeded", "step 1: result");
	is_str(r.steps[0].operation_url, "", "step 1: its own operation URL");
	is_str(r.steps[1].kind, "updateCompute", "step 2: kind");
	is_str(r.steps[1].state, "Updating", "step 2: the current state");
	is_str(r.steps[1].poll_kind, "async", "step 2: poll kind");
	is_str(r.steps[1].operation_url, e.operation_url,
	    "step 2: operation URL");
	is_str(r.steps[1].result, "", "step 2: not ended");
	journal_entry_done(&r);
	unlink(e.path);
	journal_entry_done(&e);

	snprintf(path, sizeof path, "%s/v1.json", dir);
	fp = fopen(path, "w");
	fputs("{\"version\": 1, \"open\": true, \"operation\": \"attach\", "
	    "\"compute\": \"ml-old\", \"step\": 2, \"steps\": 2, "
	    "\"stepName\": \"update\", \"method\": \"PUT\", \"resourceUrl\": "
	    "\"https://arm/subscriptions/s/computes/ml-old?api-version=1\", "
	    "\"pollKind\": \"async\", \"operationUrl\": \"https://arm/op/2\", "
	    "\"state\": \"Updating\", \"stepResults\": [\"Succeeded\", null]}",
	    fp);
	fclose(fp);
	ok(journal_read(path, &r, &err), "a version 1 entry is read: %s",
	    err.msg);
	is_str(r.steps[1].kind, "updateCompute", "its step is of the kind its "
	    "name says");
	is_str(r.steps[1].target, "/subscriptions/s/computes/ml-old",
	    "on the resource of its URL");
	is_str(r.steps[1].operation_url, "https://arm/op/2",
	    "with its operation URL");
	is_str(r.steps[0].result, "Succeeded", "the step before it: done");
	journal_entry_done(&r);
	unlink(path);

	snprintf(path, sizeof path, "%s/v2-short.json", dir);
	fp = fopen(path, "w");
	fputs("{\"version\": 2, \"open\": true, \"compute\": \"c\", "
	    "\"step\": 1, \"steps\": 2, \"method\": \"PUT\", "
	    "\"resourceUrl\": \"https://a/x\", \"stepList\": [{}]}", fp);
	fclose(fp);
	ok(!journal_read(path, &r, &err) &&
	    strstr(err.msg, "member \"stepList\" holds 1 steps, not 2") != NULL,
	    "a version 2 entry whose stepList is short is damaged: %s",
	    err.msg);
	unlink(path);
}

int
main(void)
{
	struct journal_entry	 e, r;
	struct journal_list	 l;
	struct err		 err;
	struct stat		 st;
	char			 dir[1024], path[1200];
	FILE			*fp;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	setenv("XDG_STATE_HOME", tmpdir, 1);
	err_clear(&err);

	ok(journal_dir(dir, sizeof dir, &err), "journal directory is made");
	snprintf(path, sizeof path, "%s/akswiz/operations", tmpdir);
	is_str(dir, path, "under $XDG_STATE_HOME/akswiz/operations");
	ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700,
	    "directory mode 0700");

	make_entry(&e, "ml-inf-01");
	ok(journal_create(&e, &err), "entry created: %s", err.msg);
	ok(stat(e.path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "entry mode 0600");
	ok(strstr(e.id, "ml-inf-01") != NULL, "id names the compute");

	{
		char	*doc = journal_to_json(&e);

		ok(strstr(doc, "\"computeId\": \"/subscriptions/") == NULL,
		    "no computeId for a URL without /subscriptions/");
		free(doc);
		snprintf(e.resource_url, sizeof e.resource_url,
		    "https://arm/subscriptions/s/resourceGroups/g/providers/"
		    "Microsoft.MachineLearningServices/workspaces/w/computes/"
		    "ml-inf-01?api-version=2024-04-01");
		doc = journal_to_json(&e);
		ok(strstr(doc, "\"computeId\": \"/subscriptions/s/resourceGroups"
		    "/g/providers/Microsoft.MachineLearningServices/workspaces/w/"
		    "computes/ml-inf-01\"") != NULL, "computeId from the URL");
		free(doc);
	}
	ok(journal_read(e.path, &r, &err), "entry reads back");
	is_str(r.compute, "ml-inf-01", "compute");
	is_str(r.operation_url, e.operation_url, "operation URL");
	is_str(r.poll_kind, "async", "poll kind");
	is_str(r.state, "Updating", "state");
	is_int(r.step, 1, "step");
	is_int(r.nsteps, 2, "steps");
	ok(r.open, "open");
	is_str(r.plan_json, "{\"version\":1,\"operation\":\"attach\"}",
	    "plan kept as JSON");
	ok(r.started == e.started, "start time");
	journal_entry_done(&r);

	/* Second step, then the end. */
	e.step = 2;
	snprintf(e.step_name, sizeof e.step_name, "update");
	snprintf(e.state, sizeof e.state, "Succeeded");
	ok(journal_write(&e, &err), "entry rewritten");
	ok(journal_read(e.path, &r, &err) && r.step == 2 &&
	    strcmp(r.step_name, "update") == 0, "step 2 recorded");
	journal_entry_done(&r);

	/* Another open entry and two damaged files. */
	{
		struct journal_entry e2;

		make_entry(&e2, "other");
		e2.started += 10;
		ok(journal_create(&e2, &err), "second entry");
		journal_entry_done(&e2);
	}
	snprintf(path, sizeof path, "%s/broken.json", dir);
	fp = fopen(path, "w");
	fputs("{\"open\": true, \"resourceUrl\": ", fp);
	fclose(fp);
	snprintf(path, sizeof path, "%s/x.json.tmp123", dir);
	fp = fopen(path, "w");
	fputs("{}", fp);
	fclose(fp);

	ok(journal_list(&l, true, &err), "list open entries");
	is_int(l.n, 2, "two open entries, damaged ones apart");
	if (l.n == 2)
		is_str(l.v[0].compute, "ml-inf-01", "oldest first");
	is_int(l.ndamaged, 1, "the damaged entry is listed, not skipped");
	if (l.ndamaged == 1)
		ok(strstr(l.damaged[0].path, "broken.json") != NULL &&
		    strstr(l.damaged[0].what, "truncated") != NULL,
		    "with its path and what is wrong: %s", l.damaged[0].what);
	journal_list_free(&l);
	damaged_table(dir);
	lock_tests();
	partial_tests();
	step_list_tests(dir);

	ok(journal_finish(&e, "Failed", "BadRequest", "The request is invalid",
	    &err), "entry finished");
	ok(journal_read(e.path, &r, &err) && !r.open &&
	    strcmp(r.result, "Failed") == 0 &&
	    strcmp(r.error_code, "BadRequest") == 0, "closed with the result");
	journal_entry_done(&r);
	ok(journal_list(&l, true, &err) && l.n == 1, "one open entry left");
	journal_list_free(&l);
	ok(journal_list(&l, false, &err) && l.n == 2, "two entries in all");
	journal_list_free(&l);
	journal_entry_done(&e);

	unsetenv("XDG_STATE_HOME");
	setenv("HOME", tmpdir, 1);
	ok(journal_dir(dir, sizeof dir, &err) &&
	    strstr(dir, "/.local/state/akswiz/operations") != NULL,
	    "default under ~/.local/state");

	/* Which session may follow an entry: its endpoint, exactly. */
	{
		static const struct {
			const char	*url, *endpoint;
			bool		 same;
		} rows[] = {
			{ "https://127.0.0.1:4431/subscriptions/s/x",
			  "https://127.0.0.1:4431", true },
			{ "https://127.0.0.1:4431/subscriptions/s/x",
			  "https://127.0.0.1:443", false },
			{ "https://127.0.0.1:4431/subscriptions/s/x",
			  "https://127.0.0.1:44310", false },
			{ "HTTPS://Management.Azure.com/subscriptions/s",
			  "https://management.azure.com", true },
			{ "https://management.azure.com/subscriptions/s",
			  "https://management.chinacloudapi.cn", false },
			{ "https://management.azure.com/subscriptions/s",
			  "", false },
		};
		struct journal_entry	je;
		size_t			k;

		for (k = 0; k < sizeof rows / sizeof rows[0]; k++) {
			journal_entry_init(&je);
			snprintf(je.resource_url, sizeof je.resource_url, "%s",
			    rows[k].url);
			ok(journal_entry_on_endpoint(&je, rows[k].endpoint) ==
			    rows[k].same, "on endpoint \"%s\": %s",
			    rows[k].endpoint, rows[k].same ? "yes" : "no");
			journal_entry_done(&je);
		}
	}

	{
		char cmd[256];

		snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
		if (system(cmd) != 0)
			tap_diag("could not remove %s", tmpdir);
	}
	return tap_done();
}
