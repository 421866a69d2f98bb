# src/common: helpers with no domain knowledge.
noinst_LIBRARIES += libcommon.a
libcommon_a_SOURCES = \
	src/common/atomicfile.c src/common/atomicfile.h \
	src/common/base64.c src/common/base64.h \
	src/common/buf.c src/common/buf.h \
	src/common/clock.c src/common/clock.h \
	src/common/err.c src/common/err.h \
	src/common/i18n.h \
	src/common/xalloc.c src/common/xalloc.h \
	src/common/xdgdir.c src/common/xdgdir.h
libcommon_a_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
# The awk the build's data-to-C generators share.
EXTRA_DIST += src/common/tsv-table.awk
