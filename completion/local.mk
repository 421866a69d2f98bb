# completion/: bash completion, installed where bash-completion looks
# (configure's bashcompletiondir); its test.  Also the language tests of
# tests/i18n/ and tests/screens/i18n-*.
dist_bashcompletion_DATA = completion/akswiz
TESTS += completion/completion-test.sh
EXTRA_DIST += completion/completion-test.sh

TESTS += tests/i18n/po-check-test.sh tests/i18n/machine-output-test.sh
EXTRA_DIST += tests/i18n/po-check-test.sh tests/i18n/machine-output-test.sh \
	tests/i18n/locale.sh
TESTS += tests/screens/i18n-zh_CN-test.sh tests/screens/i18n-sv-test.sh \
	tests/screens/i18n-browse-test.sh
EXTRA_DIST += tests/screens/i18n-zh_CN-test.sh tests/screens/i18n-sv-test.sh \
	tests/screens/i18n-browse-test.sh
