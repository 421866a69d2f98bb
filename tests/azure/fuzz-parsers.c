/*
 * libFuzzer target for the parsers of src/azure that read what a server
 * sends: ARM error bodies, Retry-After values, the --debug redaction and
 * JWT claims.  Not run by `make check`; build and run by hand:
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *	    -I. -Isrc -I$BUILD tests/azure/fuzz-parsers.c \
 *	    src/azure/armerror.c src/azure/retry.c src/azure/debuglog.c \
 *	    src/azure/jwt.c src/azure/cert.c src/azure/http.c \
 *	    src/core/verdict.c src/core/msg.c src/common/buf.c \
 *	    src/common/clock.c src/common/err.c src/common/xalloc.c \
 *	    $(pkg-config --cflags --libs json-c libcurl libssl libcrypto) \
 *	    -o fuzz-parsers && ./fuzz-parsers -max_total_time=60
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "azure/armerror.h"
#include "azure/debuglog.h"
#include "common/base64.h"
#include "azure/jwt.h"
#include "azure/retry.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err	 e;
	char		*s, *r;
	size_t		 n;

	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	arm_error_summary(s, 400, &e);
	(void)retry_after_ms(s, 1700000000);
	r = debuglog_redact(s, size);
	free(r);
	r = jwt_claims(s);
	free(r);
	r = (char *)base64url_decode(s, strlen(s), &n);
	free(r);
	free(s);
	return 0;
}
