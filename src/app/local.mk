# src/app: the application session, what the commands and the screens
# share beneath them: options, session, sandbox child, scope file, and the
# driver of operations (run.c).
noinst_LIBRARIES += libapp.a
APP_LIB += libapp.a
libapp_a_SOURCES = \
	src/app/options.h \
	src/app/session.c src/app/session.h \
	src/app/sandbox-child.c src/app/sandbox-child.h \
	src/app/scope-file.c src/app/scope-file.h \
	src/app/run.c src/app/run.h \
	src/app/scale.c src/app/scale.h
libapp_a_CFLAGS = $(AM_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
# The workspace checks cached (issue 14).
libapp_a_SOURCES += src/app/scope-cache.c src/app/scope-cache.h
