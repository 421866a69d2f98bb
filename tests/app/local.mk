# tests/app: the session layer (src/app).
# The scope file's reader and writer, as tables.
check_PROGRAMS += tests/app/scope-file-test
TESTS += tests/app/scope-file-test
UNIT_TESTS += tests/app/scope-file-test
tests_app_scope_file_test_SOURCES = tests/app/scope-file-test.c
tests_app_scope_file_test_LDADD = libapp.a libcommon.a
