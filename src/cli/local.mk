# src/cli: the akswiz binary.  Other folders add their commands' files to
# akswiz_SOURCES and their library to TUI_LIB, AZURE_LIB or PLAN_LIB.
bin_PROGRAMS += akswiz
akswiz_SOURCES = \
	src/cli/main.c src/cli/cmd.c src/cli/cmd.h \
	src/cli/readonly.c \
	src/cli/cmd-plan.c
akswiz_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_LDADD = $(TUI_LIB) $(APP_LIB) $(AZURE_LIB) $(PLAN_LIB) libcore.a libcommon.a \
	$(NCURSES_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL) -lm
# The commands' details against the sandbox (tests/http/lib.sh).
TESTS += tests/http/cli-test.sh
EXTRA_DIST += tests/http/cli-test.sh
