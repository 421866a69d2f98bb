# src/app: the application session, what the commands and the screens
# share beneath them: the driver of operations (run.c).
noinst_LIBRARIES += libapp.a
APP_LIB += libapp.a
libapp_a_CFLAGS = $(AM_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
libapp_a_SOURCES = \
	src/app/run.c src/app/run.h

# The driver's poll tuning, as a table.
check_PROGRAMS += tests/app/run-test
TESTS += tests/app/run-test
UNIT_TESTS += tests/app/run-test
tests_app_run_test_SOURCES = tests/app/run-test.c
tests_app_run_test_LDADD = libapp.a $(AZURE_LIB) $(PLAN_LIB) libcore.a \
	libcommon.a $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL)
# The same AKSWIZ_POLL_MIN_MS in akswiz apply and on the progress screen.
TESTS += tests/screens/poll-env-test.sh
EXTRA_DIST += tests/screens/poll-env-test.sh
