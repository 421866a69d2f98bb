# src/sandbox: akswiz-sandbox, a local Azure (ARM + Azure AD).
bin_PROGRAMS += akswiz-sandbox
akswiz_sandbox_SOURCES = src/sandbox/main.c src/sandbox/sandbox.h \
	src/sandbox/server.c src/sandbox/server.h \
	src/sandbox/world.c src/sandbox/world.h \
	src/sandbox/arm.c src/sandbox/arm.h \
	src/sandbox/arm-compute.c src/sandbox/arm-aks.c \
	src/sandbox/kube.c \
	src/sandbox/metadata.c \
	$(SB_AAD_FILES)
akswiz_sandbox_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSB_BUILDDIR=\"$(abs_top_builddir)\" -DSB_SRCDIR=\"$(abs_top_srcdir)\"
akswiz_sandbox_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_sandbox_LDADD = libcore.a libcommon.a $(MHD_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL) -lpthread -lm

dist_pkgdata_DATA += data/sandbox-world.json
dist_man_MANS += man/akswiz-sandbox.1

# Shell tests drive the server with curl(1); jget reads JSON for them.
check_PROGRAMS += tests/sandbox/jget
tests_sandbox_jget_SOURCES = tests/sandbox/jget.c
tests_sandbox_jget_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_sandbox_jget_LDADD = $(JSONC_LIBS)
SB_TESTS = tests/sandbox/arm-routes-test.sh tests/sandbox/compute-lro-test.sh \
	tests/sandbox/compute-checks-test.sh tests/sandbox/state-test.sh \
	tests/sandbox/garbage-test.sh tests/sandbox/faults-test.sh \
	tests/sandbox/startup-test.sh
TESTS += $(SB_TESTS)
EXTRA_DIST += $(SB_TESTS) tests/sandbox/lib.sh bench/sandbox-bench.sh

# The request-body fuzz target, as a TAP test of seeds and mutations (see
# its end for the libFuzzer build by hand).
check_PROGRAMS += tests/fuzz/sandbox-body-fuzz
TESTS += tests/fuzz/sandbox-body-fuzz
UNIT_TESTS += tests/fuzz/sandbox-body-fuzz
tests_fuzz_sandbox_body_fuzz_SOURCES = tests/fuzz/sandbox-body-fuzz.c \
	src/sandbox/server.c src/sandbox/world.c src/sandbox/arm.c \
	src/sandbox/arm-compute.c src/sandbox/arm-aks.c src/sandbox/kube.c \
	src/sandbox/metadata.c
tests_fuzz_sandbox_body_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSB_SRCDIR=\"$(abs_top_srcdir)\"
tests_fuzz_sandbox_body_fuzz_CFLAGS = $(akswiz_sandbox_CFLAGS)
tests_fuzz_sandbox_body_fuzz_LDADD = $(akswiz_sandbox_LDADD)
