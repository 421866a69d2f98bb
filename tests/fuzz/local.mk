# tests/fuzz: fuzz targets of what akswiz and akswiz-sandbox read from
# files and the network (tests/fuzz/fuzz.h).  make check runs each on its
# seed corpus, the seeds cut short and deterministic mutations (driver.c);
# under ASan/UBSan or valgrind a finding fails the test.
#
# The same targets for libFuzzer, from a build tree of their own (clang
# with libFuzzer: Debian's clang and libclang-rt-14-dev):
#
#	mkdir fuzz && cd fuzz
#	SRC/configure CC=clang CPPFLAGS=-DAKSWIZ_LIBFUZZER \
#	    CFLAGS='-g -O1 -fsanitize=fuzzer-no-link,address,undefined'
#	make fuzzers FUZZER_LINK=-fsanitize=fuzzer
#	mkdir corpus && cp SRC/tests/fuzz/corpus/plan/* corpus
#	tests/fuzz/plan-fuzz -max_total_time=60 corpus
#
# (top_srcdir=SRC in the environment for aad-form-fuzz, which reads the
# shipped world.)  tests/azure/arm-fuzz and tests/fuzz/sandbox-body-fuzz
# are built the same way.
FUZZ_TARGETS = tests/fuzz/plan-fuzz tests/fuzz/token-cache-fuzz \
	tests/fuzz/journal-fuzz tests/fuzz/pem-fuzz \
	tests/fuzz/http-header-fuzz tests/fuzz/aad-form-fuzz \
	tests/fuzz/parsers-fuzz
check_PROGRAMS += $(FUZZ_TARGETS)
TESTS += $(FUZZ_TARGETS)
UNIT_TESTS += $(FUZZ_TARGETS)
noinst_HEADERS += tests/fuzz/fuzz.h
EXTRA_DIST += tests/fuzz/corpus
FUZZER_LINK =
FUZZ_COMMON = tests/fuzz/driver.c tests/fuzz/fuzz-file.c
FUZZ_AZURE_LIBS = libazure.a libplan.a libcore.a libcommon.a $(CURL_LIBS) \
	$(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL)
FUZZ_AZURE_CC = $(AM_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) \
	$(OPENSSL_CFLAGS)

# Every target and the two older ones, for a libFuzzer build (see above).
fuzzers: $(FUZZ_TARGETS) tests/azure/arm-fuzz tests/fuzz/sandbox-body-fuzz
.PHONY: fuzzers

tests_fuzz_plan_fuzz_SOURCES = tests/fuzz/plan-fuzz.c $(FUZZ_COMMON)
tests_fuzz_plan_fuzz_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS=\"plan\"
tests_fuzz_plan_fuzz_LDADD = libplan.a libcore.a libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)
tests_fuzz_plan_fuzz_LDFLAGS = $(FUZZER_LINK)

tests_fuzz_token_cache_fuzz_SOURCES = tests/fuzz/token-cache-fuzz.c \
	$(FUZZ_COMMON)
tests_fuzz_token_cache_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS=\"token-cache\"
tests_fuzz_token_cache_fuzz_CFLAGS = $(FUZZ_AZURE_CC)
tests_fuzz_token_cache_fuzz_LDADD = $(FUZZ_AZURE_LIBS)
tests_fuzz_token_cache_fuzz_LDFLAGS = $(FUZZER_LINK)

tests_fuzz_journal_fuzz_SOURCES = tests/fuzz/journal-fuzz.c $(FUZZ_COMMON)
tests_fuzz_journal_fuzz_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS=\"journal\"
tests_fuzz_journal_fuzz_CFLAGS = $(FUZZ_AZURE_CC)
tests_fuzz_journal_fuzz_LDADD = $(FUZZ_AZURE_LIBS)
tests_fuzz_journal_fuzz_LDFLAGS = $(FUZZER_LINK)

tests_fuzz_pem_fuzz_SOURCES = tests/fuzz/pem-fuzz.c $(FUZZ_COMMON)
tests_fuzz_pem_fuzz_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS=\"pem\" \
	-DFUZZ_DEFAULT_RUNS=150 -DFUZZ_FINE_CUTS=4
tests_fuzz_pem_fuzz_CFLAGS = $(FUZZ_AZURE_CC)
tests_fuzz_pem_fuzz_LDADD = $(FUZZ_AZURE_LIBS)
tests_fuzz_pem_fuzz_LDFLAGS = $(FUZZER_LINK)

tests_fuzz_http_header_fuzz_SOURCES = tests/fuzz/http-header-fuzz.c \
	$(FUZZ_COMMON)
tests_fuzz_http_header_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS=\"http-header\"
tests_fuzz_http_header_fuzz_CFLAGS = $(FUZZ_AZURE_CC)
tests_fuzz_http_header_fuzz_LDADD = $(FUZZ_AZURE_LIBS)
tests_fuzz_http_header_fuzz_LDFLAGS = $(FUZZER_LINK)

tests_fuzz_aad_form_fuzz_SOURCES = tests/fuzz/aad-form-fuzz.c \
	$(FUZZ_COMMON) src/sandbox/aad.c src/sandbox/aad-jwt.c $(SB_STUBS)
tests_fuzz_aad_form_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS=\"aad-form\"
tests_fuzz_aad_form_fuzz_CFLAGS = $(SB_AAD_CFLAGS) \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/sandbox
tests_fuzz_aad_form_fuzz_LDADD = libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)
tests_fuzz_aad_form_fuzz_LDFLAGS = $(FUZZER_LINK)

tests_fuzz_parsers_fuzz_SOURCES = tests/fuzz/parsers-fuzz.c $(FUZZ_COMMON)
tests_fuzz_parsers_fuzz_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS=\"parsers\"
tests_fuzz_parsers_fuzz_CFLAGS = $(FUZZ_AZURE_CC)
tests_fuzz_parsers_fuzz_LDADD = $(FUZZ_AZURE_LIBS)
tests_fuzz_parsers_fuzz_LDFLAGS = $(FUZZER_LINK)

# The parsers' fuzz target, run on cut and corrupted fixtures (a libFuzzer
# build: tests/fuzz/local.mk).
check_PROGRAMS += tests/azure/arm-fuzz
TESTS += tests/azure/arm-fuzz
UNIT_TESTS += tests/azure/arm-fuzz
tests_azure_arm_fuzz_SOURCES = tests/azure/arm-fuzz.c \
	src/azure/arm-parse.c src/azure/lro.c src/azure/retry.c
tests_azure_arm_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_azure_arm_fuzz_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_arm_fuzz_LDADD = libcore.a libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)
tests_azure_arm_fuzz_LDFLAGS = $(FUZZER_LINK)

# The request-body fuzz target, as a TAP test of seeds and mutations (a
# libFuzzer build: tests/fuzz/local.mk).
check_PROGRAMS += tests/fuzz/sandbox-body-fuzz
TESTS += tests/fuzz/sandbox-body-fuzz
UNIT_TESTS += tests/fuzz/sandbox-body-fuzz
tests_fuzz_sandbox_body_fuzz_SOURCES = tests/fuzz/sandbox-body-fuzz.c \
	src/sandbox/server.c src/sandbox/world.c src/sandbox/arm.c \
	src/sandbox/arm-compute.c src/sandbox/arm-aks.c src/sandbox/kube.c \
	src/sandbox/arm-providers.c src/sandbox/arm-k8s.c \
	src/sandbox/arm-clusters.c src/sandbox/kube-objects.c \
	src/sandbox/arm-json.c src/sandbox/arm-endpoints.c \
	src/sandbox/arm-assets.c src/sandbox/blob.c \
	src/sandbox/arm-registry.c \
	src/sandbox/apiversions.c src/sandbox/metadata.c
nodist_tests_fuzz_sandbox_body_fuzz_SOURCES = src/sandbox/apiversions-data.c
tests_fuzz_sandbox_body_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSB_SRCDIR=\"$(abs_top_srcdir)\"
tests_fuzz_sandbox_body_fuzz_CFLAGS = $(akswiz_sandbox_CFLAGS)
tests_fuzz_sandbox_body_fuzz_LDADD = $(akswiz_sandbox_LDADD)
tests_fuzz_sandbox_body_fuzz_LDFLAGS = $(FUZZER_LINK)
