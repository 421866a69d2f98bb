# src/core: the rules, pure.  Links only libcommon.
noinst_LIBRARIES += libcore.a
libcore_a_SOURCES = \
	src/core/msg.c src/core/msg.h \
	src/core/plan.c src/core/plan-check.c \
	src/core/verdict.c src/core/verdict.h \
	src/core/cidr.c src/core/ids.c src/core/versions.c \
	src/core/rules-name.c src/core/rules-sizing.c src/core/rules-vnet.c \
	src/core/rules-tls.c src/core/rules-attach.c \
	src/core/rules-k8s.c src/core/rules-extension.c src/core/rules-k8s.h \
	src/core/rules-migrate.c \
	src/core/rules-deploy.c src/core/rules-deploy.h \
	src/core/rules-change.c src/core/rules-change.h \
	src/core/plan-deploy-check.c src/core/plan-deploy-check.h \
	src/core/assets.c src/core/assets.h \
	src/core/storage-sign.c src/core/storage-sign.h \
	src/core/scope.c src/core/scope.h \
	src/core/vmcatalogue.c src/core/vmcatalogue-data.h \
	src/core/text.c src/core/text.h src/core/trust.c src/core/trust.h \
	src/core/state.c src/core/state.h \
	src/core/plan.h src/core/rules.h src/core/cidr.h src/core/ids.h \
	src/core/versions.h src/core/vmcatalogue.h
nodist_libcore_a_SOURCES = src/core/vmcatalogue-data.c

# The VM catalogue is data (data/vm-sizes.tsv) compiled into a table in
# the build tree, so a read-only source tree (make distcheck) works.
BUILT_SOURCES += src/core/vmcatalogue-data.c
CLEANFILES += src/core/vmcatalogue-data.c
EXTRA_DIST += src/core/vmcatalogue-gen.awk
src/core/vmcatalogue-data.c: $(top_srcdir)/data/vm-sizes.tsv \
    $(top_srcdir)/src/core/vmcatalogue-gen.awk $(top_srcdir)/src/common/tsv-table.awk
	$(AM_V_GEN)$(MKDIR_P) src/core && \
	grep -v '^#' $(top_srcdir)/data/vm-sizes.tsv | LC_ALL=C sort | \
	    $(AWK) -f $(top_srcdir)/src/common/tsv-table.awk \
	    -f $(top_srcdir)/src/core/vmcatalogue-gen.awk >$@-t && \
	    mv -f $@-t $@
