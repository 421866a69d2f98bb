# src/cli: the akswiz binary, its commands (cmd.c has their rows) and
# their output.  The layers below come as libraries: TUI_LIB, AZURE_LIB,
# PLAN_LIB, filled in by their folders' local.mk.
bin_PROGRAMS += akswiz
akswiz_SOURCES = \
	src/cli/main.c src/cli/cmd.c src/cli/cmd.h \
	src/cli/readonly.c \
	src/cli/cmd-plan.c src/cli/cmd-plan-migrate.c \
	src/cli/cmd-deploy.c \
	src/cli/plan-update.c \
	src/cli/cmd-login.c \
	src/cli/session-print.c src/cli/session.h src/cli/session-ops.c \
	src/cli/cmd-apply.c src/cli/cmd-watch.c src/cli/cmd-list.c \
	src/cli/cmd-show.c src/cli/cmd-detach.c \
	src/cli/cmd-scale.c src/cli/cmd-delete.c \
	src/cli/cmd-clusters.c \
	src/cli/cmd-endpoint.c \
	src/cli/cmd-asset.c \
	src/cli/cmd-vmsizes.c src/cli/cmd-versions.c \
	src/cli/output.c src/cli/output.h \
	src/cli/cmd-tui.c
akswiz_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_LDADD = $(TUI_LIB) $(APP_LIB) $(AZURE_LIB) $(PLAN_LIB) libcore.a \
	libcommon.a $(NCURSES_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) \
	$(LIBINTL) -lm -lpthread
