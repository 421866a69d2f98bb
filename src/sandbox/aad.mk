# src/sandbox: Azure AD, faults, journal, TLS material of akswiz-sandbox.
# They call server.c's helpers (sb_req_header(), sb_resp_*()); local.mk
# adds $(SB_AAD_FILES) to akswiz_sandbox_SOURCES next to server.c.
SB_AAD_FILES = \
	src/sandbox/aad.c src/sandbox/aad-jwt.c src/sandbox/aad-jwt.h \
	src/sandbox/tlsgen.c src/sandbox/faults.c src/sandbox/journal.c

# Unit tests link the objects they test, not the server.
SB_AAD_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)

check_PROGRAMS += tests/unit/sandbox-jwt-test
TESTS += tests/unit/sandbox-jwt-test
UNIT_TESTS += tests/unit/sandbox-jwt-test
tests_unit_sandbox_jwt_test_SOURCES = tests/unit/sandbox-jwt-test.c \
	src/sandbox/aad-jwt.c
tests_unit_sandbox_jwt_test_CFLAGS = $(SB_AAD_CFLAGS) -I$(top_srcdir)/tests
tests_unit_sandbox_jwt_test_LDADD = libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)

check_PROGRAMS += tests/unit/sandbox-tlsgen-test
TESTS += tests/unit/sandbox-tlsgen-test
UNIT_TESTS += tests/unit/sandbox-tlsgen-test
tests_unit_sandbox_tlsgen_test_SOURCES = tests/unit/sandbox-tlsgen-test.c \
	src/sandbox/tlsgen.c
tests_unit_sandbox_tlsgen_test_CFLAGS = $(SB_AAD_CFLAGS) -I$(top_srcdir)/tests
tests_unit_sandbox_tlsgen_test_LDADD = libcommon.a $(OPENSSL_LIBS) $(LIBINTL)

EXTRA_DIST += tests/sandbox/aad-stubs.c tests/sandbox/aad-stubs.h \
	tests/certs/sandbox-aad-signing-key.pem
SB_STUBS = tests/sandbox/aad-stubs.c

check_PROGRAMS += tests/unit/sandbox-faults-test
TESTS += tests/unit/sandbox-faults-test
UNIT_TESTS += tests/unit/sandbox-faults-test
tests_unit_sandbox_faults_test_SOURCES = tests/unit/sandbox-faults-test.c \
	src/sandbox/faults.c $(SB_STUBS)
tests_unit_sandbox_faults_test_CFLAGS = $(SB_AAD_CFLAGS) -I$(top_srcdir)/tests
tests_unit_sandbox_faults_test_LDADD = libcommon.a $(JSONC_LIBS) $(LIBINTL) -lpthread

check_PROGRAMS += tests/unit/sandbox-journal-test
TESTS += tests/unit/sandbox-journal-test
UNIT_TESTS += tests/unit/sandbox-journal-test
tests_unit_sandbox_journal_test_SOURCES = tests/unit/sandbox-journal-test.c \
	src/sandbox/journal.c $(SB_STUBS)
tests_unit_sandbox_journal_test_CFLAGS = $(SB_AAD_CFLAGS) \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/sandbox
tests_unit_sandbox_journal_test_LDADD = libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL) -lpthread

check_PROGRAMS += tests/unit/sandbox-aad-test
TESTS += tests/unit/sandbox-aad-test
UNIT_TESTS += tests/unit/sandbox-aad-test
tests_unit_sandbox_aad_test_SOURCES = tests/unit/sandbox-aad-test.c \
	src/sandbox/aad.c src/sandbox/aad-jwt.c $(SB_STUBS)
tests_unit_sandbox_aad_test_CFLAGS = $(SB_AAD_CFLAGS) \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/sandbox \
	-DSB_TEST_CERTS=\"$(abs_top_srcdir)/tests/certs\"
tests_unit_sandbox_aad_test_LDADD = libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)

# Shell tests against the running server (tests/sandbox/lib.sh).
SB_AAD_TESTS = tests/sandbox/aad-flows-test.sh tests/sandbox/faults-curl-test.sh \
	tests/sandbox/journal-redaction-test.sh
TESTS += $(SB_AAD_TESTS)
EXTRA_DIST += $(SB_AAD_TESTS)
