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
	src/tui/tui.h src/tui/screens.h src/tui/tui.c \
	src/tui/widget.h src/tui/widget-field.c src/tui/widget-list.c \
	src/tui/widget-form.c \
	src/tui/wizard.h src/tui/screen-wizard.c src/tui/screen-review.c \
	src/tui/screen-home.c src/tui/screen-progress.c \
	src/tui/screen-signin.c \
	src/tui/screen-scope.c \
	src/tui/live.h src/tui/live.c \
	src/tui/browse.h src/tui/browse-model.c src/tui/widget-split.c \
	src/tui/screen-browse.c \
	src/tui/browse-actions.h src/tui/browse-actions.c \
	src/tui/browse-migrate.h src/tui/browse-migrate.c \
	src/tui/tls-save.h src/tui/tls-save.c \
	src/tui/endpoints.h src/tui/screen-endpoints.c \
	src/tui/deploy.h src/tui/screen-deploy.c src/tui/deploy-fields.c \
	src/tui/deploy-call.c src/tui/deploy-pick.c
libtui_a_CFLAGS += $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
