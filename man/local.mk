# man/: the manual pages, installed and distributed (tests/lib/man-lint-test.sh
# lints them).
dist_man_MANS += man/akswiz.1 man/akswiz-plan.5
