# src/tui: screens and widgets.  Curses only here (tui/curses.h).
noinst_LIBRARIES += libtui.a
TUI_LIB += libtui.a
libtui_a_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
libtui_a_SOURCES = \
	src/tui/curses.h src/tui/request.h src/tui/keys.h src/tui/keys.c \
	src/tui/display.h src/tui/display.c \
	src/tui/script.h src/tui/script.c \
	src/tui/job.h src/tui/job.c \
	src/tui/timer.h src/tui/timer.c \
	src/tui/tui.h src/tui/tui.c \
	src/tui/widget.h src/tui/widget-field.c src/tui/widget-list.c \
	src/tui/widget-form.c \
	src/tui/wizard.h src/tui/screen-wizard.c src/tui/screen-review.c \
	src/tui/screen-home.c src/tui/screen-progress.c \
	src/tui/screen-signin.c \
	src/tui/screen-scope.c \
	src/tui/live.h src/tui/live.c \
	src/tui/browse.h src/tui/browse-model.c src/tui/widget-split.c \
	src/tui/screen-browse.c
libtui_a_CFLAGS += $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_SOURCES += src/cli/cmd-tui.c
akswiz_LDADD += -lpthread

# Screen tests: the real binary, no terminal, scripted keys.
SCREEN_TESTS = \
	tests/screens/create-devtest-test.sh \
	tests/screens/create-production-test.sh \
	tests/screens/back-test.sh \
	tests/screens/tls-test.sh \
	tests/screens/wizard-choices-test.sh \
	tests/screens/wizard-steps-test.sh \
	tests/screens/signin-failure-test.sh \
	tests/screens/display-test.sh \
	tests/screens/wrap-test.sh \
	tests/screens/progress-test.sh \
	tests/screens/export-test.sh \
	tests/screens/small-test.sh \
	tests/screens/network-test.sh \
	tests/screens/live-create-test.sh \
	tests/screens/live-failures-test.sh \
	tests/screens/live-attach-test.sh \
	tests/screens/live-attach-elsewhere-test.sh \
	tests/screens/resume-test.sh \
	tests/screens/live-scope-test.sh \
	tests/screens/signin-device-test.sh \
	tests/screens/signin-secret-test.sh \
	tests/screens/partial-test.sh
TESTS += $(SCREEN_TESTS)
EXTRA_DIST += tests/screens/libtest.sh $(SCREEN_TESTS)

# A few real-terminal smoke tests (skipped without tmux).
TESTS += tests/tmux/smoke-test.sh
EXTRA_DIST += tests/tmux/smoke-test.sh
# Home/End as tmux, screen, xterm and rxvt send them (issue 10).
TESTS += tests/tmux/keys-test.sh
EXTRA_DIST += tests/tmux/keys-test.sh

# Widgets on a held screen: display width, wide characters, filtering.
check_PROGRAMS += tests/unit/tui-widget-test
TESTS += tests/unit/tui-widget-test
UNIT_TESTS += tests/unit/tui-widget-test
tests_unit_tui_widget_test_SOURCES = tests/unit/tui-widget-test.c
tests_unit_tui_widget_test_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_unit_tui_widget_test_LDADD = libtui.a libcore.a libcommon.a $(NCURSES_LIBS)

# Benchmarks of the interface, run by hand (bench/tui-bench.sh).
EXTRA_DIST += bench/tui-bench.sh bench/tui-redraw-bench.c
TESTS += tests/tmux/live-test.sh
EXTRA_DIST += tests/tmux/live-test.sh tests/tmux/lib.sh
TESTS += tests/tmux/quit-running-test.sh
EXTRA_DIST += tests/tmux/quit-running-test.sh

# Keys and the script syntax, as tables.
check_PROGRAMS += tests/unit/tui-keys-test
TESTS += tests/unit/tui-keys-test
UNIT_TESTS += tests/unit/tui-keys-test
tests_unit_tui_keys_test_SOURCES = tests/unit/tui-keys-test.c
tests_unit_tui_keys_test_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_unit_tui_keys_test_LDADD = libtui.a libcommon.a $(NCURSES_LIBS)

# Browse: the model as tables, the screens against a sandbox (issue 6).
check_PROGRAMS += tests/unit/tui-browse-test
TESTS += tests/unit/tui-browse-test
UNIT_TESTS += tests/unit/tui-browse-test
tests_unit_tui_browse_test_SOURCES = tests/unit/tui-browse-test.c
tests_unit_tui_browse_test_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_unit_tui_browse_test_LDADD = libtui.a libazure.a libplan.a libcore.a \
	libcommon.a $(NCURSES_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) \
	$(LIBINTL)
BROWSE_TESTS = \
	tests/screens/browse-list-test.sh \
	tests/screens/browse-actions-test.sh \
	tests/screens/browse-refresh-test.sh \
	tests/screens/browse-tls-test.sh \
	tests/screens/browse-trust-test.sh \
	tests/screens/browse-small-test.sh \
	tests/tmux/browse-live-test.sh
TESTS += $(BROWSE_TESTS)
EXTRA_DIST += $(BROWSE_TESTS) bench/browse-bench.sh bench/browse-bench.c
