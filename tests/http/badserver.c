/*
 * A deliberately bad Resource Manager for malformed-test.sh: HTTPS on
 * 127.0.0.1 port 0 (the test certificate in tests/azure/certs), a token
 * endpoint that works, and ARM answers that do not:
 *
 *	badserver MODE CERT KEY READYFILE
 *
 * MODE: "malformed" (200 with cut JSON), "html" (200 text/html), "shape"
 * (200 with JSON of the wrong shape), "huge" (200 with a 40 MB body,
 * larger than http.c's cap), "deep" (200 with 100,000 nested arrays),
 * "bigheader" (200 with a 4 MB header, more than libcurl takes).
 * The port is written to READYFILE once listening; SIGTERM stops it.
 */
#include "config.h"
#include "tests/slurp.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <microhttpd.h>

#define HUGE_BYTES	(40u * 1024 * 1024)
#define BIG_HEADER_BYTES (4u * 1024 * 1024)

static const char *mode;
static volatile sig_atomic_t stop;

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
	if (strstr(url, "/oauth2/v2.0/token") != NULL)
		return send_text(c, 200, "application/json",
		    "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
		    "\"access_token\":\"bad-server-token\"}");
	(void)method;
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

	if (argc != 5) {
		fprintf(stderr, "usage: badserver MODE CERT KEY READYFILE\n");
		return 2;
	}
	mode = argv[1];
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
