# src/azure: operations, ARM client, journal (see local.mk for HTTP and sign-in).
libazure_a_SOURCES += \
	src/azure/arm.c src/azure/arm-parse.c src/azure/arm.h \
	src/azure/lro.c src/azure/lro.h \
	src/azure/journal.c src/azure/journal.h \
	src/azure/ops.c src/azure/ops.h

# The non-interactive commands (cmd.c has their rows).
akswiz_SOURCES += \
	src/cli/session.c src/cli/session.h src/cli/session-ops.c \
	src/cli/cmd-apply.c src/cli/cmd-watch.c src/cli/cmd-list.c \
	src/cli/cmd-show.c src/cli/cmd-detach.c src/cli/cmd-clusters.c \
	src/cli/cmd-vmsizes.c src/cli/cmd-versions.c

# Unit tests link the pure sources they test, not the whole library.
check_PROGRAMS += tests/unit/lro-test
TESTS += tests/unit/lro-test
UNIT_TESTS += tests/unit/lro-test
tests_unit_lro_test_SOURCES = tests/unit/lro-test.c \
	src/azure/lro.c src/azure/lro.h
tests_unit_lro_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_unit_lro_test_LDADD = libcore.a libcommon.a $(JSONC_LIBS)

check_PROGRAMS += tests/unit/arm-parse-test
TESTS += tests/unit/arm-parse-test
UNIT_TESTS += tests/unit/arm-parse-test
tests_unit_arm_parse_test_SOURCES = tests/unit/arm-parse-test.c \
	src/azure/arm-parse.c src/azure/arm.h
tests_unit_arm_parse_test_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_arm_parse_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) \
	$(OPENSSL_CFLAGS)
tests_unit_arm_parse_test_LDADD = libcore.a libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)
EXTRA_DIST += tests/azure/data/compute-list.json \
	tests/azure/data/compute-get-aks.json tests/azure/data/cluster-get.json \
	tests/azure/data/cluster-list.json tests/azure/data/k8s-versions.json \
	tests/azure/data/orchestrators.json tests/azure/data/vm-sizes.json \
	tests/azure/data/usages.json tests/azure/data/credentials.json

check_PROGRAMS += tests/unit/journal-test
TESTS += tests/unit/journal-test
UNIT_TESTS += tests/unit/journal-test
tests_unit_journal_test_SOURCES = tests/unit/journal-test.c \
	src/azure/journal.c src/azure/journal.h
tests_unit_journal_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) \
	$(OPENSSL_CFLAGS)
tests_unit_journal_test_LDADD = libplan.a libcore.a libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)

# HTTP tests: the real akswiz against a real akswiz-sandbox over HTTPS.
HTTP_TESTS = tests/http/commands-test.sh tests/http/flows-test.sh \
	tests/http/preflight-test.sh tests/http/faults-test.sh \
	tests/http/resume-test.sh tests/http/secrets-test.sh \
	tests/http/malformed-test.sh tests/http/sandbox-flag-test.sh \
	tests/http/partial-test.sh tests/http/journal-damage-test.sh \
	tests/http/lock-test.sh tests/http/step-resume-test.sh
TESTS += $(HTTP_TESTS)
HTTP_TESTS += tests/http/sandbox-world-test.sh
EXTRA_DIST += tests/http/lib.sh $(HTTP_TESTS)
EXTRA_DIST += tests/http/sandbox-lib.sh

# Benchmarks (run by hand; figures in the ops report).
EXTRA_DIST += bench/list-bench.sh bench/monitor-bench.sh

# A server of bad answers for malformed-test.sh.
check_PROGRAMS += tests/http/badserver
tests_http_badserver_SOURCES = tests/http/badserver.c
tests_http_badserver_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS)
tests_http_badserver_LDADD = $(MHD_LIBS)

# The parsers' fuzz target, run on cut and corrupted fixtures (a libFuzzer
# build: tests/fuzz/local.mk).
check_PROGRAMS += tests/unit/arm-fuzz
TESTS += tests/unit/arm-fuzz
UNIT_TESTS += tests/unit/arm-fuzz
tests_unit_arm_fuzz_SOURCES = tests/unit/arm-fuzz.c \
	src/azure/arm-parse.c src/azure/lro.c
tests_unit_arm_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_unit_arm_fuzz_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
tests_unit_arm_fuzz_LDADD = libcore.a libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)
tests_unit_arm_fuzz_LDFLAGS = $(FUZZER_LINK)

check_PROGRAMS += tests/unit/ops-hint-test
TESTS += tests/unit/ops-hint-test
UNIT_TESTS += tests/unit/ops-hint-test
tests_unit_ops_hint_test_SOURCES = tests/unit/ops-hint-test.c
tests_unit_ops_hint_test_LDADD = libazure.a $(PLAN_LIB) libcore.a \
	libcommon.a $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL)
