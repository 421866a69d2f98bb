# tests/tui: the interface's parts as tables (widgets, keys, browse's
# model); the screens themselves are tested in tests/screens (no terminal)
# and tests/tmux (a real one).
# Widgets on a held screen: display width, wide characters, filtering.
check_PROGRAMS += tests/tui/widget-test
TESTS += tests/tui/widget-test
UNIT_TESTS += tests/tui/widget-test
tests_tui_widget_test_SOURCES = tests/tui/widget-test.c
tests_tui_widget_test_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_widget_test_LDADD = libtui.a libcore.a libcommon.a $(NCURSES_LIBS)

# Keys and the script syntax, as tables.
check_PROGRAMS += tests/tui/keys-test
TESTS += tests/tui/keys-test
UNIT_TESTS += tests/tui/keys-test
tests_tui_keys_test_SOURCES = tests/tui/keys-test.c
tests_tui_keys_test_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_keys_test_LDADD = libtui.a libcommon.a $(NCURSES_LIBS)

# Browse: the model as tables, the screens against a sandbox (issue 6).
check_PROGRAMS += tests/tui/browse-test
TESTS += tests/tui/browse-test
UNIT_TESTS += tests/tui/browse-test
tests_tui_browse_test_SOURCES = tests/tui/browse-test.c
tests_tui_browse_test_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_browse_test_LDADD = libtui.a libazure.a libplan.a libcore.a \
	libcommon.a $(NCURSES_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) \
	$(LIBINTL)
BROWSE_TESTS = \
	tests/screens/browse-list-test.sh \
	tests/screens/browse-actions-test.sh \
	tests/screens/browse-refresh-test.sh \
	tests/screens/browse-tls-test.sh \
	tests/screens/browse-trust-test.sh \
	tests/screens/browse-small-test.sh \
	tests/screens/browse-pages-test.sh \
	tests/tmux/browse-live-test.sh
TESTS += $(BROWSE_TESTS)
EXTRA_DIST += $(BROWSE_TESTS)
