# tests/sandbox: akswiz-sandbox's own tests: its parts unit by unit (they
# link the objects they test, not the server), and the running server
# driven with curl(1), Microsoft's Python SDK and the az CLI.
SB_AAD_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)

check_PROGRAMS += tests/sandbox/jwt-test
TESTS += tests/sandbox/jwt-test
UNIT_TESTS += tests/sandbox/jwt-test
tests_sandbox_jwt_test_SOURCES = tests/sandbox/jwt-test.c \
	src/sandbox/aad-jwt.c
tests_sandbox_jwt_test_CFLAGS = $(SB_AAD_CFLAGS) -I$(top_srcdir)/tests
tests_sandbox_jwt_test_LDADD = libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)

check_PROGRAMS += tests/sandbox/tlsgen-test
TESTS += tests/sandbox/tlsgen-test
UNIT_TESTS += tests/sandbox/tlsgen-test
tests_sandbox_tlsgen_test_SOURCES = tests/sandbox/tlsgen-test.c \
	src/sandbox/tlsgen.c
tests_sandbox_tlsgen_test_CFLAGS = $(SB_AAD_CFLAGS) -I$(top_srcdir)/tests
tests_sandbox_tlsgen_test_LDADD = libcommon.a $(OPENSSL_LIBS) $(LIBINTL)

EXTRA_DIST += tests/sandbox/aad-stubs.c tests/sandbox/aad-stubs.h \
	tests/certs/sandbox-aad-signing-key.pem
SB_STUBS = tests/sandbox/aad-stubs.c

check_PROGRAMS += tests/sandbox/faults-unit-test
TESTS += tests/sandbox/faults-unit-test
UNIT_TESTS += tests/sandbox/faults-unit-test
tests_sandbox_faults_unit_test_SOURCES = tests/sandbox/faults-unit-test.c \
	src/sandbox/faults.c $(SB_STUBS)
tests_sandbox_faults_unit_test_CFLAGS = $(SB_AAD_CFLAGS) -I$(top_srcdir)/tests
tests_sandbox_faults_unit_test_LDADD = libcommon.a $(JSONC_LIBS) $(LIBINTL) -lpthread

check_PROGRAMS += tests/sandbox/journal-test
TESTS += tests/sandbox/journal-test
UNIT_TESTS += tests/sandbox/journal-test
tests_sandbox_journal_test_SOURCES = tests/sandbox/journal-test.c \
	src/sandbox/journal.c $(SB_STUBS)
tests_sandbox_journal_test_CFLAGS = $(SB_AAD_CFLAGS) \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/sandbox
tests_sandbox_journal_test_LDADD = libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL) -lpthread

check_PROGRAMS += tests/sandbox/aad-test
TESTS += tests/sandbox/aad-test
UNIT_TESTS += tests/sandbox/aad-test
tests_sandbox_aad_test_SOURCES = tests/sandbox/aad-test.c \
	src/sandbox/aad.c src/sandbox/aad-jwt.c $(SB_STUBS)
tests_sandbox_aad_test_CFLAGS = $(SB_AAD_CFLAGS) \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/sandbox \
	-DSB_TEST_CERTS=\"$(abs_top_srcdir)/tests/certs\"
tests_sandbox_aad_test_LDADD = libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)

# Shell tests against the running server (tests/sandbox/lib.sh).
SB_AAD_TESTS = tests/sandbox/aad-flows-test.sh tests/sandbox/faults-curl-test.sh \
	tests/sandbox/journal-redaction-test.sh
TESTS += $(SB_AAD_TESTS)
EXTRA_DIST += $(SB_AAD_TESTS)

# The api-version table's lookups, table-driven.
check_PROGRAMS += tests/sandbox/apiversions-test
TESTS += tests/sandbox/apiversions-test
UNIT_TESTS += tests/sandbox/apiversions-test
tests_sandbox_apiversions_test_SOURCES = \
	tests/sandbox/apiversions-test.c src/sandbox/apiversions.c
nodist_tests_sandbox_apiversions_test_SOURCES = \
	src/sandbox/apiversions-data.c
tests_sandbox_apiversions_test_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests

# Shell tests drive the server with curl(1); jget reads JSON for them.
check_PROGRAMS += tests/sandbox/jget
tests_sandbox_jget_SOURCES = tests/sandbox/jget.c
tests_sandbox_jget_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_sandbox_jget_LDADD = $(JSONC_LIBS)
SB_TESTS = tests/sandbox/arm-routes-test.sh tests/sandbox/compute-lro-test.sh \
	tests/sandbox/compute-checks-test.sh tests/sandbox/state-test.sh \
	tests/sandbox/garbage-test.sh tests/sandbox/faults-test.sh \
	tests/sandbox/startup-test.sh tests/sandbox/api-versions-test.sh \
	tests/sandbox/python-sdk-test.sh tests/sandbox/az-cli-test.sh \
	tests/sandbox/paging-test.sh tests/sandbox/world-file-test.sh \
	tests/sandbox/providers-test.sh tests/sandbox/extensions-test.sh \
	tests/sandbox/kubernetes-compute-test.sh tests/sandbox/cluster-lifecycle-test.sh \
	tests/sandbox/kube-objects-test.sh tests/sandbox/python-sdk-k8s-test.sh \
	tests/sandbox/legacy-fe-test.sh tests/sandbox/online-endpoints-test.sh \
	tests/sandbox/score-load-test.sh \
	tests/sandbox/python-sdk-endpoints-test.sh \
	tests/sandbox/assets-test.sh tests/sandbox/blob-store-test.sh \
	tests/sandbox/python-sdk-assets-test.sh \
	tests/sandbox/registry-test.sh
TESTS += $(SB_TESTS)
EXTRA_DIST += $(SB_TESTS) tests/sandbox/lib.sh \
	tests/sandbox/python-sdk-flow.py tests/sandbox/python-sdk-k8s-flow.py \
	tests/sandbox/sdk_steps.py tests/sandbox/python-sdk-endpoints-flow.py \
	tests/sandbox/python-sdk-assets-flow.py
