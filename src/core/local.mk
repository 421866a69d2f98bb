# src/core: the rules, pure.  Links only libcommon.
noinst_LIBRARIES += libcore.a
libcore_a_SOURCES = \
	src/core/msg.c src/core/msg.h \
	src/core/plan.c src/core/plan-check.c \
	src/core/verdict.c src/core/verdict.h \
	src/core/cidr.c src/core/ids.c src/core/versions.c \
	src/core/rules-name.c src/core/rules-sizing.c src/core/rules-vnet.c \
	src/core/rules-tls.c src/core/rules-attach.c \
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

# Unit tests: each links only libcore and libcommon.
CORE_TEST_LIBS = libcore.a libcommon.a

noinst_HEADERS += tests/unit/core-test.h
CORE_TESTS = \
	tests/unit/core-cidr-test tests/unit/core-versions-test \
	tests/unit/core-ids-test tests/unit/core-name-test \
	tests/unit/core-sizing-test tests/unit/core-vnet-test \
	tests/unit/core-tls-test tests/unit/core-attach-test \
	tests/unit/core-plan-check-test tests/unit/core-vmcatalogue-test \
	tests/unit/core-msg-test tests/unit/core-specs-test \
	tests/unit/core-props-test \
	tests/unit/core-text-test tests/unit/core-trust-test \
	tests/unit/core-scope-test tests/unit/core-state-test
check_PROGRAMS += $(CORE_TESTS)
TESTS += $(CORE_TESTS)
UNIT_TESTS += $(CORE_TESTS)
tests_unit_core_cidr_test_SOURCES = tests/unit/core-cidr-test.c
tests_unit_core_cidr_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_versions_test_SOURCES = tests/unit/core-versions-test.c
tests_unit_core_versions_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_ids_test_SOURCES = tests/unit/core-ids-test.c
tests_unit_core_ids_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_name_test_SOURCES = tests/unit/core-name-test.c
tests_unit_core_name_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_sizing_test_SOURCES = tests/unit/core-sizing-test.c
tests_unit_core_sizing_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_vnet_test_SOURCES = tests/unit/core-vnet-test.c
tests_unit_core_vnet_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_tls_test_SOURCES = tests/unit/core-tls-test.c
tests_unit_core_tls_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_attach_test_SOURCES = tests/unit/core-attach-test.c
tests_unit_core_attach_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_scope_test_SOURCES = tests/unit/core-scope-test.c
tests_unit_core_scope_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_state_test_SOURCES = tests/unit/core-state-test.c
tests_unit_core_state_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_plan_check_test_SOURCES = tests/unit/core-plan-check-test.c
tests_unit_core_plan_check_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_vmcatalogue_test_SOURCES = tests/unit/core-vmcatalogue-test.c
tests_unit_core_vmcatalogue_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_msg_test_SOURCES = tests/unit/core-msg-test.c
tests_unit_core_msg_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_specs_test_SOURCES = tests/unit/core-specs-test.c
tests_unit_core_specs_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_props_test_SOURCES = tests/unit/core-props-test.c
tests_unit_core_props_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_text_test_SOURCES = tests/unit/core-text-test.c
tests_unit_core_text_test_LDADD = $(CORE_TEST_LIBS)
tests_unit_core_trust_test_SOURCES = tests/unit/core-trust-test.c
tests_unit_core_trust_test_LDADD = $(CORE_TEST_LIBS)

TESTS += tests/unit/core-vmcatalogue-gen-test.sh
EXTRA_DIST += tests/unit/core-vmcatalogue-gen-test.sh
