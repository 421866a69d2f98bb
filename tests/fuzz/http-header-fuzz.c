/* Fuzz target: the headers of an HTTP answer as libcurl hands them over,
 * one line at a time, to the HTTP layer's header callback (its statics
 * are reached by including the file), with the --debug log redacting
 * them, then the values the client acts on. */
#include "azure/http.c"

#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_response	 rsp;
	struct http_transfer	 t;
	struct debuglog		*log;
	struct err		 err;
	char			*s = fuzz_string(data, size), *line, *nl;

	http_response_init(&rsp);
	memset(&t, 0, sizeof t);
	t.rsp = &rsp;
	log = debuglog_open("/dev/null", &err);
	t.log = log;
	for (line = s; *line != '\0'; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			nl++;
		else
			nl = line + strlen(line);
		(void)header_cb(line, 1, (size_t)(nl - line), &t);
	}
	if (rsp.retry_after != NULL)
		(void)retry_after_ms(rsp.retry_after, 1700000000);
	debuglog_close(log);
	http_response_done(&rsp);
	free(s);
	return 0;
}
