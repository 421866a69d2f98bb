/*
 * The request journal: the lines it writes (sorted keys, decoded query and
 * form fields, chosen headers, status) and, above all, that no secret
 * value reaches the file: each secret sent is searched for in the output.
 * Four threads then write at once and every line must still be whole.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "aad-stubs.h"
#include "common/err.h"
#include "tap.h"
#include "tests/slurp.h"

#define SECRET		"Zx8Q~verySecretValue.1234"
#define ASSERTION	"eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl"
#define REFRESH		"0.AQEAsecretRefreshTokenValue"
#define DEVICE		"GMMhmHCXhWEzkobqIHGG_EnNYYsAkukHsp"
#define BEARER		"eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJtIn0.bearerSig"
#define PEMKEY		"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n" \
			"-----END PRIVATE KEY-----"
#define PEMCERT		"-----BEGIN CERTIFICATE-----\\nMIIDcertBody\\n" \
			"-----END CERTIFICATE-----"

static const struct stub_header form_headers[] = {
	{ "Content-Type", "application/x-www-form-urlencoded" },
	{ "User-Agent", "akswiz/0.1" },
	{ "X-Unlisted", "not journalled" },
	{ NULL, NULL },
};

static const struct stub_header json_headers[] = {
	{ "Content-Type", "application/json" },
	{ "Authorization", "Bearer " BEARER },
	{ "x-ms-client-request-id", "7c1e0c42-1111-4e0b-9c55-0123456789ab" },
	{ NULL, NULL },
};

static const char form_body[] =
    "grant_type=client_credentials&client_id=app-1&client_secret="
    "Zx8Q%7EverySecretValue.1234&scope=https%3A%2F%2Fmanagement.azure.com"
    "%2F.default&client_assertion=" ASSERTION "&refresh_token=" REFRESH
    "&device_code=" DEVICE "&code=AUTHCODE123";

static const char json_body[] =
    "{\"properties\":{\"resourceId\":\"/subscriptions/s1/x\","
    "\"computeType\":\"AKS\",\"properties\":{\"sslConfiguration\":"
    "{\"status\":\"Enabled\",\"cert\":\"" PEMCERT "\",\"key\":\"" PEMKEY
    "\",\"cname\":\"ml.contoso.com\"},\"agentCount\":3}},"
    "\"location\":\"eastus\",\"identity\":{\"password\":\"hunter2\"}}";


static void
record(struct sb_journal *j, const struct stub_header *h, const char *m,
    const char *path, const char *query, const char *body, int status)
{
	struct sb_request	req = { .method = m, .path = path,
	    .query = query, .body = body, .body_len = strlen(body) };
	struct sb_response	resp;
	static uint64_t		seq;

	req.seq = ++seq;
	stub_headers = h;
	sb_resp_init(&resp);
	resp.status = status;
	journal_record(j, &req, &resp);
	sb_resp_done(&resp);
}

static struct sb_journal *shared;

static void *
writer(void *arg)
{
	int	i;

	(void)arg;
	for (i = 0; i < 100; i++)
		record(shared, NULL, "GET", "/subscriptions",
		    "api-version=2022-12-01", "", 200);
	return NULL;
}

int
main(void)
{
	char		 path[] = "/tmp/sandbox-journal-XXXXXX";
	struct sb_journal *j;
	struct err	 err;
	struct stat	 sb;
	pthread_t	 t[4];
	char		*out, *line2, *p;
	const char	*secrets[] = { "verySecretValue", ASSERTION, REFRESH,
	    DEVICE, BEARER, "AUTHCODE123", "MIIEvQIBADANBg", "MIIDcertBody",
	    "hunter2", "eyJhdWQiOiJtIn0" };
	size_t		 i;
	int		 fd, lines, whole;

	if ((fd = mkstemp(path)) < 0)
		return 1;
	close(fd);
	ok(journal_open("/nonexistent/dir/j", &err) == NULL &&
	    err.kind == ERR_IO, "an unwritable path is an error");
	j = journal_open(path, &err);
	ok(j != NULL, "journal opens");
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "journal is mode 0600");
	record(j, form_headers, "POST", "/tid/oauth2/v2.0/token", "", form_body,
	    400);
	record(j, json_headers, "PUT",
	    "/subscriptions/s1/resourceGroups/rg/providers/"
	    "Microsoft.MachineLearningServices/workspaces/ws/computes/ml-1",
	    "api-version=2024-04-01&%24skip=a%2Bb", json_body, 201);
	record(j, json_headers, "PUT", "/x", "", "{\"broken\":", 400);
	record(j, NULL, "GET", "/y", "", "", 404);

	out = test_slurp(path);
	for (i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
		ok(strstr(out, secrets[i]) == NULL, "secret %zu is not in the "
		    "journal", i);
	ok(strstr(out, "-----BEGIN") == NULL, "no PEM block in the journal");

	line2 = strchr(out, '\n') + 1;
	ok(strncmp(out, "{\"time\":\"", 9) == 0 &&
	    strstr(out, "\"seq\":1,\"method\":\"POST\","
	    "\"path\":\"/tid/oauth2/v2.0/token\",\"query\":{},"
	    "\"headers\":{\"content-type\":"
	    "\"application/x-www-form-urlencoded\","
	    "\"user-agent\":\"akswiz/0.1\"},"
	    "\"body\":{\"client_assertion\":\"<redacted>\","
	    "\"client_id\":\"app-1\",\"client_secret\":\"<redacted>\","
	    "\"code\":\"<redacted>\",\"device_code\":\"<redacted>\","
	    "\"grant_type\":\"client_credentials\","
	    "\"refresh_token\":\"<redacted>\","
	    "\"scope\":\"https://management.azure.com/.default\"},"
	    "\"status\":400}\n") != NULL,
	    "a form body is a sorted, decoded, redacted object");
	p = strstr(line2, "\"query\":");
	ok(p != NULL && strncmp(p, "\"query\":{\"$skip\":\"a+b\","
	    "\"api-version\":\"2024-04-01\"},\"headers\":{\"authorization\":"
	    "\"Bearer <redacted>\",\"content-type\":\"application/json\","
	    "\"x-ms-client-request-id\":"
	    "\"7c1e0c42-1111-4e0b-9c55-0123456789ab\"},\"body\":{"
	    "\"identity\":{\"password\":\"<redacted>\"},"
	    "\"location\":\"eastus\",\"properties\":{\"computeType\":\"AKS\","
	    "\"properties\":{\"agentCount\":3,\"sslConfiguration\":{"
	    "\"cert\":\"<redacted>\",\"cname\":\"ml.contoso.com\","
	    "\"key\":\"<redacted>\",\"status\":\"Enabled\"}},"
	    "\"resourceId\":\"/subscriptions/s1/x\"}},\"status\":201}\n",
	    strcspn(p, "\n") + 1) == 0,
	    "a JSON body is re-serialized with sorted keys, redacted");
	ok(strstr(out, "\"body\":\"<10 bytes>\",\"status\":400") != NULL,
	    "a body that is not JSON is only counted");
	ok(strstr(out, "\"headers\":{},\"body\":null,\"status\":404") != NULL,
	    "no headers and no body");
	ok(strstr(out, "X-Unlisted") == NULL && strstr(out, "x-unlisted") ==
	    NULL, "unlisted headers are left out");
	free(out);
	journal_close(j);

	j = journal_open(path, NULL);
	record(j, NULL, "GET", "/z", "", "", 200);
	journal_close(j);
	out = test_slurp(path);
	ok(strstr(out, "\"seq\":1,") == NULL &&
	    strstr(out, "\"path\":\"/z\"") != NULL,
	    "each start begins a fresh journal");
	free(out);

	/* Four writers at once: every line whole and valid JSON. */
	shared = journal_open(path, NULL);
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, writer, NULL);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	journal_close(shared);
	out = test_slurp(path);
	lines = whole = 0;
	for (p = strtok(out, "\n"); p != NULL; p = strtok(NULL, "\n")) {
		struct json_object *o = json_tokener_parse(p);

		lines++;
		whole += o != NULL;
		json_object_put(o);
	}
	is_int(lines, 400, "400 lines from four threads");
	is_int(whole, 400, "each one valid JSON");
	free(out);
	unlink(path);
	return tap_done();
}
