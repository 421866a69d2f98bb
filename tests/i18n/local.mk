# tests/i18n: the catalogs (every message translated, formats kept) and
# machine output in every language; the translated screens are in
# tests/screens/i18n-*.
TESTS += tests/i18n/po-check-test.sh tests/i18n/machine-output-test.sh
EXTRA_DIST += tests/i18n/po-check-test.sh tests/i18n/machine-output-test.sh \
	tests/i18n/locale.sh
TESTS += tests/screens/i18n-zh_CN-test.sh tests/screens/i18n-sv-test.sh \
	tests/screens/i18n-browse-test.sh
EXTRA_DIST += tests/screens/i18n-zh_CN-test.sh tests/screens/i18n-sv-test.sh \
	tests/screens/i18n-browse-test.sh
