/*
 * A deliberately bad Resource Manager for malformed-test.sh: HTTPS on
 * 127.0.0.1 port 0 (the test certificate in tests/azure/certs), a token
 * endpoint that works, and ARM answers that do not:
 *
 *	badserver MODE CERT KEY READYFILE [LOGFILE]
 *
 * MODE: "malformed" (200 with cut JSON), "html" (200 text/html), "shape"
 * (200 with JSON of the wrong shape), "huge" (200 with a 40 MB body,
 * larger than http.c's cap), "deep" (200 with 100,000 nested arrays),
 * "bigheader" (200 with a 4 MB header, more than libcurl takes),
 * "forbidden" (403 AuthorizationFailed), "redirect" (302 to
 * login.example.net), "foreign-next" (a compute list whose nextLink is on
 * https://localhost:PORT, the same server under another host name),
 * "foreign-op" (a workspace with compute c1 whose DELETE answers 202 with
 * an Azure-AsyncOperation on https://localhost:PORT).
 * The port is written to READYFILE once listening; SIGTERM stops it.
 * With LOGFILE, each request appends "HOST METHOD URL auth=yes|no".
 */
#include "config.h"
#include "tests/slurp.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <microhttpd.h>

#define HUGE_BYTES	(40u * 1024 * 1024)
#define BIG_HEADER_BYTES (4u * 1024 * 1024)

static const char *mode, *logfile;
static unsigned port;
static volatile sig_atomic_t stop;

/* A compute of the foreign modes. */
#define COMPUTE_C1 "{\"id\":\"/subscriptions/s/resourceGroups/g/providers/" \
	"Microsoft.MachineLearningServices/workspaces/w/computes/c1\"," \
	"\"name\":\"c1\",\"location\":\"eastus\",\"properties\":{" \
	"\"computeType\":\"AKS\",\"provisioningState\":\"Succeeded\"," \
	"\"isAttachedCompute\":true,\"properties\":{\"agentCount\":3," \
	"\"agentVmSize\":\"Standard_D3_v2\"}}}"

/* Append what a request looked like to the log. */
static void
log_request(struct MHD_Connection *c, const char *method, const char *url)
{
	const char	*host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    "Host");
	const char	*auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    "Authorization");
	FILE		*fp;

	if (logfile == NULL || (fp = fopen(logfile, "a")) == NULL)
		return;
	fprintf(fp, "%s %s %s auth=%s\n", host != NULL ? host : "-", method,
	    url, auth != NULL ? "yes" : "no");
	fclose(fp);
}

/* Whether the request came under the host name localhost. */
static bool
foreign_host(struct MHD_Connection *c)
{
	const char	*host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    "Host");

	return host != NULL && strncmp(host, "localhost", 9) == 0;
}

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}


/* The huge body: "{"value":[" then spaces, generated as it is sent. */
static ssize_t
huge_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	size_t	i;

	(void)cls;
	if (pos >= HUGE_BYTES)
		return MHD_CONTENT_READER_END_OF_STREAM;
	for (i = 0; i < max && pos + i < HUGE_BYTES; i++)
		buf[i] = pos + i < 10 ? "{\"value\":["[pos + i] : ' ';
	return (ssize_t)i;
}

static enum MHD_Result
send_text(struct MHD_Connection *c, unsigned status, const char *type,
    const char *text)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", type);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* The foreign modes: Resource Manager naming a URL on another host. */
static enum MHD_Result
foreign(struct MHD_Connection *c, const char *url, const char *method)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;
	char			 body[1024], op[256];
	size_t			 n = strlen(url);

	if (foreign_host(c))
		return send_text(c, 200, "application/json",
		    "{\"value\":[],\"status\":\"Succeeded\"}");
	if (n >= 9 && strcmp(url + n - 9, "/computes") == 0) {
		if (strcmp(mode, "foreign-next") == 0)
			snprintf(body, sizeof body, "{\"value\":[%s],"
			    "\"nextLink\":\"https://localhost:%u/subscriptions/s/"
			    "computes?page=2\"}", COMPUTE_C1, port);
		else
			snprintf(body, sizeof body, "{\"value\":[%s]}",
			    COMPUTE_C1);
		return send_text(c, 200, "application/json", body);
	}
	if (n >= 12 && strcmp(url + n - 12, "/computes/c1") == 0 &&
	    strcmp(method, "DELETE") == 0) {
		snprintf(op, sizeof op, "https://localhost:%u/subscriptions/s/"
		    "providers/Microsoft.MachineLearningServices/locations/"
		    "eastus/computeOperationsStatus/op1?api-version=2024-04-01",
		    port);
		r = MHD_create_response_from_buffer(0, (void *)"",
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, "Azure-AsyncOperation", op);
		MHD_add_response_header(r, "Retry-After", "0");
		ret = MHD_queue_response(c, 202, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (n >= 12 && strcmp(url + n - 12, "/computes/c1") == 0)
		return send_text(c, 200, "application/json", COMPUTE_C1);
	/* the workspace, and anything else */
	return send_text(c, 200, "application/json",
	    "{\"id\":\"/subscriptions/s/resourceGroups/g/providers/"
	    "Microsoft.MachineLearningServices/workspaces/w\",\"name\":\"w\","
	    "\"location\":\"eastus\",\"properties\":{}}");
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data,
    size_t *size, void **state)
{
	static int		 mark;
	struct MHD_Response	*r;
	enum MHD_Result		 ret;
	char			*deep;
	size_t			 i, n = 100000;

	(void)cls, (void)version, (void)data;
	if (*state == NULL) {
		*state = &mark;
		return MHD_YES;
	}
	if (*size != 0) {	/* swallow request bodies */
		*size = 0;
		return MHD_YES;
	}
	log_request(c, method, url);
	if (strstr(url, "/oauth2/v2.0/token") != NULL)
		return send_text(c, 200, "application/json",
		    "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
		    "\"access_token\":\"bad-server-token\"}");
	if (strncmp(mode, "foreign-", 8) == 0)
		return foreign(c, url, method);
	if (strcmp(mode, "forbidden") == 0)
		return send_text(c, 403, "application/json",
		    "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":"
		    "\"The client 'c' with object id 'o' does not have "
		    "authorization to perform action 'Microsoft."
		    "MachineLearningServices/workspaces/computes/read' over "
		    "scope '/subscriptions/s/resourceGroups/g' or the scope is "
		    "invalid.\"}}");
	if (strcmp(mode, "redirect") == 0) {
		r = MHD_create_response_from_buffer(0, (void *)"",
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, "Location",
		    "https://login.example.net/portal?next=arm");
		ret = MHD_queue_response(c, 302, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (strcmp(mode, "malformed") == 0)
		return send_text(c, 200, "application/json",
		    "{\"value\":[{\"name\":\"x\",\"properties\":{\"computeT");
	if (strcmp(mode, "html") == 0)
		return send_text(c, 200, "text/html",
		    "<html><body>Gateway says hello</body></html>");
	if (strcmp(mode, "shape") == 0)
		return send_text(c, 200, "application/json",
		    "{\"value\":{\"name\":\"x\"},\"values\":7,\"id\":[]}");
	if (strcmp(mode, "bigheader") == 0) {
		deep = malloc(BIG_HEADER_BYTES + 1);
		if (deep == NULL)
			return MHD_NO;
		memset(deep, 'x', BIG_HEADER_BYTES);
		deep[BIG_HEADER_BYTES] = '\0';
		r = MHD_create_response_from_buffer(2, (void *)"{}",
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, "Content-Type", "application/json");
		MHD_add_response_header(r, "X-Big", deep);
		free(deep);
		ret = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (strcmp(mode, "deep") == 0) {
		deep = malloc(2 * n + 1);
		if (deep == NULL)
			return MHD_NO;
		for (i = 0; i < n; i++) {
			deep[i] = '[';
			deep[n + i] = ']';
		}
		deep[2 * n] = '\0';
		ret = send_text(c, 200, "application/json", deep);
		free(deep);
		return ret;
	}
	r = MHD_create_response_from_callback(HUGE_BYTES, 64 * 1024,
	    huge_reader, NULL, NULL);
	MHD_add_response_header(r, "Content-Type", "application/json");
	ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}

int
main(int argc, char **argv)
{
	struct MHD_Daemon	*d;
	const union MHD_DaemonInfo *info;
	struct sockaddr_in	 sa;
	char			*cert, *key, tmp[1100];
	FILE			*fp;

	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: badserver MODE CERT KEY READYFILE "
		    "[LOGFILE]\n");
		return 2;
	}
	mode = argv[1];
	logfile = argc == 6 ? argv[5] : NULL;
	if ((cert = test_slurp(argv[2])) == NULL || (key = test_slurp(argv[3])) == NULL) {
		fprintf(stderr, "badserver: cannot read the certificate\n");
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS,
	    0, NULL, NULL, handle, NULL, MHD_OPTION_SOCK_ADDR, &sa,
	    MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)(2 * BIG_HEADER_BYTES), MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "badserver: cannot start (TLS support?)\n");
		return 77;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	port = info->port;
	snprintf(tmp, sizeof tmp, "%s.tmp", argv[4]);
	if ((fp = fopen(tmp, "w")) == NULL)
		return 1;
	fprintf(fp, "%u\n", (unsigned)info->port);
	fclose(fp);
	rename(tmp, argv[4]);
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	while (!stop)
		pause();
	MHD_stop_daemon(d);
	free(cert);
	free(key);
	return 0;
}
