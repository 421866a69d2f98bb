/*
 * Fuzz target: the parsers of src/azure that read what a server sends:
 * ARM error bodies, Retry-After values, the --debug redaction and JWT
 * claims.  Both builds: see tests/fuzz/fuzz.h and tests/fuzz/local.mk.
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

#include "tests/fuzz/fuzz.h"

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
