# src/sandbox: akswiz-sandbox, a local Azure (ARM + Azure AD).
bin_PROGRAMS += akswiz-sandbox
akswiz_sandbox_SOURCES = src/sandbox/main.c
akswiz_sandbox_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_sandbox_LDADD = libcore.a libcommon.a $(MHD_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL) -lm
