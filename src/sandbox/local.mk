# src/sandbox: akswiz-sandbox, a local Azure (ARM + Azure AD).
bin_PROGRAMS += akswiz-sandbox
akswiz_sandbox_SOURCES = src/sandbox/main.c src/sandbox/sandbox.h \
	src/sandbox/server.c src/sandbox/server.h \
	src/sandbox/world.c src/sandbox/world.h \
	src/sandbox/arm.c src/sandbox/arm.h \
	src/sandbox/arm-compute.c src/sandbox/arm-aks.c \
	src/sandbox/kube.c \
	src/sandbox/apiversions.c src/sandbox/apiversions.h \
	src/sandbox/metadata.c \
	$(SB_AAD_FILES)
nodist_akswiz_sandbox_SOURCES = src/sandbox/apiversions-data.c
akswiz_sandbox_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSB_BUILDDIR=\"$(abs_top_builddir)\" -DSB_SRCDIR=\"$(abs_top_srcdir)\"
akswiz_sandbox_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_sandbox_LDADD = libcore.a libcommon.a $(MHD_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL) -lpthread -lm

dist_pkgdata_DATA += data/sandbox-world.json

# The accepted api-versions are data (data/api-versions.tsv, with how it
# was made) compiled into a table in the build tree.
BUILT_SOURCES += src/sandbox/apiversions-data.c
CLEANFILES += src/sandbox/apiversions-data.c
EXTRA_DIST += src/sandbox/apiversions-gen.awk data/api-versions.tsv
src/sandbox/apiversions-data.c: $(top_srcdir)/data/api-versions.tsv \
    $(top_srcdir)/src/sandbox/apiversions-gen.awk $(top_srcdir)/src/common/tsv-table.awk
	$(AM_V_GEN)$(MKDIR_P) src/sandbox && \
	grep -v '^#' $(top_srcdir)/data/api-versions.tsv | LC_ALL=C sort | \
	    $(AWK) -f $(top_srcdir)/src/common/tsv-table.awk \
	    -f $(top_srcdir)/src/sandbox/apiversions-gen.awk >$@-t && \
	    mv -f $@-t $@
dist_man_MANS += man/akswiz-sandbox.1

# The api-version table's lookups, table-driven.
check_PROGRAMS += tests/unit/sandbox-apiversions-test
TESTS += tests/unit/sandbox-apiversions-test
UNIT_TESTS += tests/unit/sandbox-apiversions-test
tests_unit_sandbox_apiversions_test_SOURCES = \
	tests/unit/sandbox-apiversions-test.c src/sandbox/apiversions.c
nodist_tests_unit_sandbox_apiversions_test_SOURCES = \
	src/sandbox/apiversions-data.c
tests_unit_sandbox_apiversions_test_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests

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
	tests/sandbox/paging-test.sh tests/sandbox/world-file-test.sh
TESTS += $(SB_TESTS)
EXTRA_DIST += $(SB_TESTS) tests/sandbox/lib.sh bench/sandbox-bench.sh \
	tests/sandbox/python-sdk-flow.py

# The request-body fuzz target, as a TAP test of seeds and mutations (a
# libFuzzer build: tests/fuzz/local.mk).
check_PROGRAMS += tests/fuzz/sandbox-body-fuzz
TESTS += tests/fuzz/sandbox-body-fuzz
UNIT_TESTS += tests/fuzz/sandbox-body-fuzz
tests_fuzz_sandbox_body_fuzz_SOURCES = tests/fuzz/sandbox-body-fuzz.c \
	src/sandbox/server.c src/sandbox/world.c src/sandbox/arm.c \
	src/sandbox/arm-compute.c src/sandbox/arm-aks.c src/sandbox/kube.c \
	src/sandbox/apiversions.c src/sandbox/metadata.c
nodist_tests_fuzz_sandbox_body_fuzz_SOURCES = src/sandbox/apiversions-data.c
tests_fuzz_sandbox_body_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSB_SRCDIR=\"$(abs_top_srcdir)\"
tests_fuzz_sandbox_body_fuzz_CFLAGS = $(akswiz_sandbox_CFLAGS)
tests_fuzz_sandbox_body_fuzz_LDADD = $(akswiz_sandbox_LDADD)
tests_fuzz_sandbox_body_fuzz_LDFLAGS = $(FUZZER_LINK)
