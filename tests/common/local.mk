# tests/common: the helpers of src/common.
check_PROGRAMS += tests/common/base64-test
TESTS += tests/common/base64-test
UNIT_TESTS += tests/common/base64-test
tests_common_base64_test_SOURCES = tests/common/base64-test.c
tests_common_base64_test_LDADD = libcommon.a $(OPENSSL_LIBS)

check_PROGRAMS += tests/common/atomicfile-test
TESTS += tests/common/atomicfile-test
UNIT_TESTS += tests/common/atomicfile-test
tests_common_atomicfile_test_SOURCES = tests/common/atomicfile-test.c
tests_common_atomicfile_test_LDADD = libcommon.a
