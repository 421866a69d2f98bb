/* Fuzz target: PEM loading — a sign-in certificate with its key (one file,
 * as AZURE_CLIENT_CERTIFICATE_PATH holds both) and the checks of a custom
 * TLS certificate, key and CNAME. */
#include "config.h"

#include <stdlib.h>

#include "azure/cert.h"
#include "core/verdict.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cert_key	*ck;
	struct err	 err;
	struct verdicts	 vs;
	const char	*path = fuzz_file("cert.pem", data, size);

	if ((ck = cert_key_load(path, NULL, &err)) != NULL)
		cert_key_free(ck);
	verdicts_init(&vs);
	(void)cert_check_tls(path, path, "www.contoso.com", 1900000000, &vs);
	return 0;
}
