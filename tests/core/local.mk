# tests/core: the rules of src/core, table-driven.
# Unit tests: each links only libcore and libcommon.
CORE_TEST_LIBS = libcore.a libcommon.a

noinst_HEADERS += tests/core/core-test.h tests/core/deploy-fixture.h
CORE_TESTS = \
	tests/core/cidr-test tests/core/versions-test \
	tests/core/ids-test tests/core/name-test tests/core/assets-test \
	tests/core/sizing-test tests/core/vnet-test \
	tests/core/tls-test tests/core/attach-test \
	tests/core/plan-check-test tests/core/vmcatalogue-test \
	tests/core/msg-test tests/core/specs-test \
	tests/core/props-test \
	tests/core/text-test tests/core/trust-test \
	tests/core/scope-test tests/core/state-test
check_PROGRAMS += $(CORE_TESTS)
TESTS += $(CORE_TESTS)
UNIT_TESTS += $(CORE_TESTS)
tests_core_cidr_test_SOURCES = tests/core/cidr-test.c
tests_core_cidr_test_LDADD = $(CORE_TEST_LIBS)
tests_core_versions_test_SOURCES = tests/core/versions-test.c
tests_core_versions_test_LDADD = $(CORE_TEST_LIBS)
tests_core_ids_test_SOURCES = tests/core/ids-test.c
tests_core_ids_test_LDADD = $(CORE_TEST_LIBS)
tests_core_name_test_SOURCES = tests/core/name-test.c
tests_core_name_test_LDADD = $(CORE_TEST_LIBS)
tests_core_assets_test_SOURCES = tests/core/assets-test.c
tests_core_assets_test_LDADD = $(CORE_TEST_LIBS)
tests_core_sizing_test_SOURCES = tests/core/sizing-test.c
tests_core_sizing_test_LDADD = $(CORE_TEST_LIBS)
tests_core_vnet_test_SOURCES = tests/core/vnet-test.c
tests_core_vnet_test_LDADD = $(CORE_TEST_LIBS)
tests_core_tls_test_SOURCES = tests/core/tls-test.c
tests_core_tls_test_LDADD = $(CORE_TEST_LIBS)
tests_core_attach_test_SOURCES = tests/core/attach-test.c
tests_core_attach_test_LDADD = $(CORE_TEST_LIBS)
tests_core_scope_test_SOURCES = tests/core/scope-test.c
tests_core_scope_test_LDADD = $(CORE_TEST_LIBS)
CORE_TESTS += tests/core/k8s-test
tests_core_k8s_test_SOURCES = tests/core/k8s-test.c
tests_core_k8s_test_LDADD = $(CORE_TEST_LIBS)
CORE_TESTS += tests/core/migrate-test
tests_core_migrate_test_SOURCES = tests/core/migrate-test.c
tests_core_migrate_test_LDADD = $(CORE_TEST_LIBS)
tests_core_plan_check_test_SOURCES = tests/core/plan-check-test.c
tests_core_plan_check_test_LDADD = $(CORE_TEST_LIBS)
tests_core_vmcatalogue_test_SOURCES = tests/core/vmcatalogue-test.c
tests_core_vmcatalogue_test_LDADD = $(CORE_TEST_LIBS)
tests_core_msg_test_SOURCES = tests/core/msg-test.c
tests_core_msg_test_LDADD = $(CORE_TEST_LIBS)
tests_core_specs_test_SOURCES = tests/core/specs-test.c
tests_core_specs_test_LDADD = $(CORE_TEST_LIBS)
tests_core_props_test_SOURCES = tests/core/props-test.c
tests_core_props_test_LDADD = $(CORE_TEST_LIBS)
tests_core_text_test_SOURCES = tests/core/text-test.c
tests_core_text_test_LDADD = $(CORE_TEST_LIBS)
tests_core_trust_test_SOURCES = tests/core/trust-test.c
tests_core_trust_test_LDADD = $(CORE_TEST_LIBS)
CORE_TESTS += tests/core/storage-sign-test
tests_core_storage_sign_test_SOURCES = tests/core/storage-sign-test.c
tests_core_storage_sign_test_LDADD = $(CORE_TEST_LIBS)

TESTS += tests/core/vmcatalogue-gen-test.sh
EXTRA_DIST += tests/core/vmcatalogue-gen-test.sh
tests_core_state_test_SOURCES = tests/core/state-test.c
tests_core_state_test_LDADD = $(CORE_TEST_LIBS)
CORE_TESTS += tests/core/deploy-test
tests_core_deploy_test_SOURCES = tests/core/deploy-test.c
tests_core_deploy_test_LDADD = $(CORE_TEST_LIBS)
CORE_TESTS += tests/core/deploy-plan-test
tests_core_deploy_plan_test_SOURCES = tests/core/deploy-plan-test.c
tests_core_deploy_plan_test_LDADD = $(CORE_TEST_LIBS)
CORE_TESTS += tests/core/change-test
tests_core_change_test_SOURCES = tests/core/change-test.c
tests_core_change_test_LDADD = $(CORE_TEST_LIBS)
