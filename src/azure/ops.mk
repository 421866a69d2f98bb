# src/azure: operations, ARM client, journal (see local.mk for HTTP and sign-in).

# Unit tests link the pure sources they test, not the whole library.
check_PROGRAMS += tests/unit/lro-test
TESTS += tests/unit/lro-test
UNIT_TESTS += tests/unit/lro-test
tests_unit_lro_test_SOURCES = tests/unit/lro-test.c \
	src/azure/lro.c src/azure/lro.h
tests_unit_lro_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_unit_lro_test_LDADD = libcommon.a $(JSONC_LIBS)
