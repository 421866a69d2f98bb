# src/azure: HTTP, sign-in, ARM client, operations.
# (ops.mk adds the ARM client, operations and journal to libazure.a.)
noinst_LIBRARIES += libazure.a
AZURE_LIB += libazure.a
libazure_a_CFLAGS = $(AM_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
libazure_a_SOURCES = \
	src/azure/http.c src/azure/http.h \
	src/azure/retry.c src/azure/retry.h \
	src/azure/armerror.c src/azure/armerror.h \
	src/azure/debuglog.c src/azure/debuglog.h \
	src/azure/cloud.c src/azure/cloud.h \
	src/azure/auth.h

check_PROGRAMS += tests/azure/retry-test tests/azure/armerror-test
TESTS += tests/azure/retry-test tests/azure/armerror-test
UNIT_TESTS += tests/azure/retry-test tests/azure/armerror-test
tests_azure_retry_test_SOURCES = tests/azure/retry-test.c \
	src/azure/retry.c src/azure/retry.h
tests_azure_retry_test_LDADD = libcommon.a
tests_azure_armerror_test_SOURCES = tests/azure/armerror-test.c \
	src/azure/armerror.c src/azure/armerror.h \
	src/azure/retry.c src/azure/retry.h
tests_azure_armerror_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_azure_armerror_test_LDADD = libcommon.a $(JSONC_LIBS)
