# tests/plan: the plan document, its exports and the plan commands.
# Unit tests: the document and the exports, against tests/plan/data/.
PLAN_TEST_CPPFLAGS = $(AM_CPPFLAGS) \
	-DPLAN_TEST_DATA=\"$(abs_top_srcdir)/tests/plan/data\"
PLAN_TEST_LIBS = libplan.a libcore.a libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)
check_PROGRAMS += tests/plan/plan-json-test tests/plan/plan-export-test
TESTS += tests/plan/plan-json-test tests/plan/plan-export-test
UNIT_TESTS += tests/plan/plan-json-test tests/plan/plan-export-test
tests_plan_plan_json_test_SOURCES = tests/plan/plan-json-test.c
tests_plan_plan_json_test_CPPFLAGS = $(PLAN_TEST_CPPFLAGS)
tests_plan_plan_json_test_LDADD = $(PLAN_TEST_LIBS)
tests_plan_plan_export_test_SOURCES = tests/plan/plan-export-test.c
tests_plan_plan_export_test_CPPFLAGS = $(PLAN_TEST_CPPFLAGS)
tests_plan_plan_export_test_LDADD = $(PLAN_TEST_LIBS)
check_PROGRAMS += tests/plan/plan-steps-test
TESTS += tests/plan/plan-steps-test
UNIT_TESTS += tests/plan/plan-steps-test
tests_plan_plan_steps_test_SOURCES = tests/plan/plan-steps-test.c
tests_plan_plan_steps_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_plan_plan_steps_test_LDADD = $(PLAN_TEST_LIBS)
check_PROGRAMS += tests/plan/plan-deploy-test
TESTS += tests/plan/plan-deploy-test
UNIT_TESTS += tests/plan/plan-deploy-test
tests_plan_plan_deploy_test_SOURCES = tests/plan/plan-deploy-test.c
tests_plan_plan_deploy_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_plan_plan_deploy_test_LDADD = $(PLAN_TEST_LIBS)
EXTRA_DIST += $(PLAN_TEST_DATA_FILES)
PLAN_TEST_DATA_FILES = \
	tests/plan/data/attach-ilb.json tests/plan/data/attach-ilb.az \
	tests/plan/data/attach-ilb.python tests/plan/data/attach-ilb.arm \
	tests/plan/data/attach-tls.json tests/plan/data/attach-tls.az \
	tests/plan/data/attach-tls.python tests/plan/data/attach-tls.arm \
	tests/plan/data/create-full.json tests/plan/data/create-full.az \
	tests/plan/data/deploy.json \
	tests/plan/data/create-full.python tests/plan/data/create-full.arm \
	tests/plan/data/create-min.json tests/plan/data/create-min.az \
	tests/plan/data/create-min.python tests/plan/data/create-min.arm \
	tests/plan/data/detach.json tests/plan/data/detach.az \
	tests/plan/data/detach.python tests/plan/data/detach.arm \
	tests/plan/data/detach-k8s.json tests/plan/data/detach-k8s.az \
	tests/plan/data/detach-k8s.python tests/plan/data/detach-k8s.arm \
	tests/plan/data/scale.json tests/plan/data/scale.az \
	tests/plan/data/scale.python tests/plan/data/scale.arm \
	tests/plan/data/update.json tests/plan/data/update.az \
	tests/plan/data/update.python tests/plan/data/update.arm \
	tests/plan/data/create-k8s.json tests/plan/data/create-k8s.az \
	tests/plan/data/create-k8s.python tests/plan/data/create-k8s.arm
EXTRA_DIST += tests/plan/data/attach-k8s.json tests/plan/data/attach-k8s.az \
	tests/plan/data/attach-k8s.python tests/plan/data/attach-k8s.arm

# The plan commands of the real binary: stdout, stderr, exit status.
TESTS += tests/plan/plan-cli-test.sh
EXTRA_DIST += tests/plan/plan-cli-test.sh
