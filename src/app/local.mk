# src/app: the application session, what the commands and the screens
# share beneath them: the driver of operations (run.c).
noinst_LIBRARIES += libapp.a
APP_LIB += libapp.a
libapp_a_CFLAGS = $(AM_CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
libapp_a_SOURCES = \
	src/app/run.c src/app/run.h
