/*
 * Test and measurement driver: GET an ARM path N times through the real
 * HTTP client and sign-in, the way the commands do.  The cloud comes from
 * AKSWIZ_ENDPOINT / AKSWIZ_AUTHORITY, trust from SSL_CERT_FILE, sign-in
 * from the default chain.  Prints "status attempts" per call on stdout,
 * and "handshakes N" last; exits 0 when every answer was 200.
 *
 *	arm-get [-n TIMES] [-c] PATH
 *
 * -c sends a create instead: PUT with a body, marked no_retry.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/auth.h"
#include "azure/cloud.h"
#include "azure/http.h"

int
main(int argc, char **argv)
{
	struct cloud_endpoints		 cloud;
	struct http_config	 hc;
	struct http_client	*http;
	struct auth_config	 ac;
	struct auth		*auth;
	struct http_request	 req;
	struct http_response	 rsp;
	struct err		 err;
	char			 url[1024];
	int			 i, times = 1, bad = 0;
	bool			 create = false;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		times = atoi(argv[2]);
		argv += 2;
		argc -= 2;
	}
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		create = true;
		argv++;
		argc--;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: arm-get [-n TIMES] [-c] PATH\n");
		return 2;
	}
	if (!cloud_resolve(NULL, getenv("AKSWIZ_ENDPOINT"),
	    getenv("AKSWIZ_AUTHORITY"), &cloud, &err) ||
	    !cloud_arm_url(&cloud, argv[1], url, sizeof url)) {
		fprintf(stderr, "arm-get: %s\n", err.msg);
		return 2;
	}
	memset(&hc, 0, sizeof hc);
	hc.debug_file = getenv("ARM_GET_DEBUG");
	if ((http = http_client_new(&hc, &err)) == NULL) {
		fprintf(stderr, "arm-get: %s\n", err.msg);
		return 2;
	}
	memset(&ac, 0, sizeof ac);
	ac.cloud = &cloud;
	ac.http = http;
	auth = auth_new(&ac, &err);
	memset(&req, 0, sizeof req);
	req.method = "GET";
	req.url = url;
	req.auth = auth_token_source(auth);
	if (create) {
		req.method = "PUT";
		req.body = "{\"location\":\"eastus\"}";
		req.body_len = strlen(req.body);
		req.no_retry = true;
	}
	http_response_init(&rsp);
	for (i = 0; i < times; i++) {
		if (!http_call(http, &req, &rsp, &err)) {
			printf("error %s\n", err.msg);
			bad++;
			continue;
		}
		printf("%ld %d\n", rsp.status, rsp.attempts);
		if (rsp.status != 200)
			bad++;
	}
	printf("handshakes %ld\n", http_client_handshakes(http));
	http_response_done(&rsp);
	auth_free(auth);
	http_client_free(http);
	return bad == 0 ? 0 : 1;
}
