# tests/lib: checks of the whole tree (layering, --help, the manual pages,
# installation prefixes) and the suite's last test, which fails when a test
# left a process of this build running.
EXTRA_DIST += tests/lib/tls-pairs.sh
TESTS += tests/lib/layering-test.sh tests/lib/help-test.sh \
	tests/lib/man-lint-test.sh
EXTRA_DIST += tests/lib/layering-test.sh tests/lib/help-test.sh \
	tests/lib/man-lint-test.sh

# The suite ends by checking that no test left a process of this build
# running: that test's log waits for every other test's.
EXTRA_DIST += tests/lib/leftover-test.sh tests/lib/prefix-test.sh
TESTS += tests/lib/prefix-test.sh tests/lib/leftover-test.sh
tests/lib/leftover-test.log: $(filter-out tests/lib/leftover-test.log,$(TEST_LOGS))
