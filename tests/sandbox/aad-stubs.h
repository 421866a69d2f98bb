/*
 * Stand-ins for server.c's request and response helpers, so that unit
 * tests of aad.c, faults.c and journal.c link without libmicrohttpd.
 * Request headers come from the table a test fills.
 */
#ifndef AKSWIZ_TESTS_SANDBOX_AAD_STUBS_H
#define AKSWIZ_TESTS_SANDBOX_AAD_STUBS_H

#include "sandbox/sandbox.h"

struct stub_header {
	const char	*name, *value;
};

/* The headers of the request under test, ended by a NULL name. */
extern const struct stub_header *stub_headers;

#endif
