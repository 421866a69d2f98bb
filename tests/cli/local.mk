# tests/cli: the commands' output helpers and details.
# The CLI's output helpers, linked on their own.
check_PROGRAMS += tests/cli/output-test
TESTS += tests/cli/output-test
UNIT_TESTS += tests/cli/output-test
tests_cli_output_test_SOURCES = tests/cli/output-test.c src/cli/output.c
tests_cli_output_test_LDADD = libcore.a libcommon.a $(LIBINTL)

# The commands' details against the sandbox (tests/http/lib.sh).
TESTS += tests/http/cli-test.sh
EXTRA_DIST += tests/http/cli-test.sh
