# src/common: helpers with no domain knowledge.
noinst_LIBRARIES += libcommon.a
libcommon_a_SOURCES = \
	src/common/buf.c src/common/buf.h \
	src/common/clock.c src/common/clock.h \
	src/common/err.c src/common/err.h \
	src/common/i18n.h \
	src/common/xalloc.c src/common/xalloc.h
