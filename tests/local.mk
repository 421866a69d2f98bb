# tests/: unit tests (TAP), HTTP tests against the sandbox, screen tests.
noinst_HEADERS += tests/tap.h tests/slurp.h
EXTRA_DIST += tests/lib/layering-test.sh tests/lib/help-test.sh
EXTRA_DIST += tests/lib/tls-pairs.sh
TESTS += tests/lib/layering-test.sh tests/lib/help-test.sh
