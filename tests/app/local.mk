# tests/app: the session layer (src/app).
# The scope file's reader and writer, as tables.
check_PROGRAMS += tests/app/scope-file-test
TESTS += tests/app/scope-file-test
UNIT_TESTS += tests/app/scope-file-test
tests_app_scope_file_test_SOURCES = tests/app/scope-file-test.c
tests_app_scope_file_test_LDADD = libapp.a libcommon.a
# Its poll tuning, as a table.
check_PROGRAMS += tests/app/run-test
TESTS += tests/app/run-test
UNIT_TESTS += tests/app/run-test
tests_app_run_test_SOURCES = tests/app/run-test.c
tests_app_run_test_LDADD = libapp.a $(AZURE_LIB) $(PLAN_LIB) libcore.a \
	libcommon.a $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL)
# The same AKSWIZ_POLL_MIN_MS in akswiz apply and on the progress screen.
TESTS += tests/app/poll-env-test.sh
EXTRA_DIST += tests/app/poll-env-test.sh
# The interface's follow of an operation another akswiz holds, then after.
TESTS += tests/app/busy-test.sh
EXTRA_DIST += tests/app/busy-test.sh
# A preflight that cannot be done keeps the plan unsaved on the screen.
TESTS += tests/app/preflight-error-test.sh
EXTRA_DIST += tests/app/preflight-error-test.sh
