# src/core: the rules, pure.  Links only libcommon.
noinst_LIBRARIES += libcore.a
libcore_a_SOURCES = \
	src/core/msg.c src/core/msg.h \
	src/core/plan.c \
	src/core/verdict.c src/core/verdict.h \
	src/core/plan.h src/core/rules.h src/core/cidr.h src/core/ids.h \
	src/core/versions.h src/core/vmcatalogue.h
