# man/: the manual pages, installed and distributed; a test lints them.
dist_man_MANS += man/akswiz.1 man/akswiz-plan.5
TESTS += tests/plan/man-lint-test.sh
EXTRA_DIST += tests/plan/man-lint-test.sh
