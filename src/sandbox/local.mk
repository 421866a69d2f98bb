# src/sandbox: akswiz-sandbox, a local Azure (ARM + Azure AD).
bin_PROGRAMS += akswiz-sandbox
akswiz_sandbox_SOURCES = src/sandbox/main.c src/sandbox/sandbox.h \
	src/sandbox/server.c src/sandbox/server.h \
	src/sandbox/world.c src/sandbox/world.h \
	src/sandbox/arm.c src/sandbox/arm.h \
	src/sandbox/arm-compute.c src/sandbox/arm-aks.c \
	src/sandbox/arm-providers.c src/sandbox/arm-k8s.c \
	src/sandbox/arm-clusters.c src/sandbox/kube-objects.c \
	src/sandbox/arm-json.c src/sandbox/arm-endpoints.c \
	src/sandbox/arm-assets.c src/sandbox/blob.c src/sandbox/blob.h \
	src/sandbox/arm-registry.c \
	src/sandbox/kube.c \
	src/sandbox/apiversions.c src/sandbox/apiversions.h \
	src/sandbox/metadata.c \
	$(SB_AAD_FILES)
nodist_akswiz_sandbox_SOURCES = src/sandbox/apiversions-data.c
akswiz_sandbox_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSB_BUILDDIR=\"$(abs_top_builddir)\" -DSB_SRCDIR=\"$(abs_top_srcdir)\"
akswiz_sandbox_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
akswiz_sandbox_LDADD = libcore.a libcommon.a $(MHD_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL) -lpthread -lm

dist_pkgdata_DATA += data/sandbox-world.json

# The accepted api-versions are data (data/api-versions.tsv, with how it
# was made) compiled into a table in the build tree.
BUILT_SOURCES += src/sandbox/apiversions-data.c
CLEANFILES += src/sandbox/apiversions-data.c
EXTRA_DIST += src/sandbox/apiversions-gen.awk data/api-versions.tsv
src/sandbox/apiversions-data.c: $(top_srcdir)/data/api-versions.tsv \
    $(top_srcdir)/src/sandbox/apiversions-gen.awk $(top_srcdir)/src/common/tsv-table.awk
	$(AM_V_GEN)$(MKDIR_P) src/sandbox && \
	grep -v '^#' $(top_srcdir)/data/api-versions.tsv | LC_ALL=C sort -f | \
	    $(AWK) -f $(top_srcdir)/src/common/tsv-table.awk \
	    -f $(top_srcdir)/src/sandbox/apiversions-gen.awk >$@-t && \
	    mv -f $@-t $@
dist_man_MANS += man/akswiz-sandbox.1
