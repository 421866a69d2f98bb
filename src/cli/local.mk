# src/cli: the akswiz binary.
bin_PROGRAMS += akswiz
akswiz_SOURCES = \
	src/cli/main.c src/cli/cmd.c src/cli/cmd.h \
	src/cli/cmd-plan.c
akswiz_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_LDADD = libcore.a libcommon.a \
	$(NCURSES_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL) -lm
