# src/azure: HTTP, sign-in, ARM client, operations.
# (ops.mk adds the ARM client, operations and journal to libazure.a.)
noinst_LIBRARIES += libazure.a
AZURE_LIB += libazure.a
libazure_a_CFLAGS = $(AM_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
libazure_a_SOURCES = \
	src/azure/http.c src/azure/http.h \
	src/azure/blob.c src/azure/blob.h \
	src/azure/assets.c src/azure/assets.h \
	src/azure/json-at.c src/azure/json-at.h \
	src/azure/cloud-metadata.c src/azure/cloud-metadata.h \
	src/azure/registry.c src/azure/registry.h \
	src/azure/retry.c src/azure/retry.h \
	src/azure/armerror.c src/azure/armerror.h \
	src/azure/debuglog.c src/azure/debuglog.h \
	src/azure/cloud.c src/azure/cloud.h \
	src/azure/auth.c src/azure/auth.h \
	src/azure/token-cache.c src/azure/token-cache.h \
	src/azure/cachefile.c src/azure/cachefile.h \
	src/azure/jwt.c src/azure/jwt.h \
	src/azure/cert.c src/azure/cert.h
