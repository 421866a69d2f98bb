# src/plan: the plan document (JSON), its exports and the ARM request
# bodies.  The only place besides azure/ and sandbox/ that uses json-c.
noinst_LIBRARIES += libplan.a
PLAN_LIB += libplan.a
libplan_a_SOURCES = \
	src/plan/plan-arm.c src/plan/plan-arm.h \
	src/plan/plan-export.c src/plan/plan-export.h \
	src/plan/plan-json.c src/plan/plan-json.h \
	src/plan/plan-endpoint.c src/plan/plan-endpoint.h \
	src/plan/plan-deploy.c src/plan/plan-deploy.h \
	src/plan/plan-jw.c src/plan/plan-jw.h \
	src/plan/plan-k8s.c src/plan/plan-k8s.h \
	src/plan/plan-migrate.c src/plan/plan-migrate.h \
	src/plan/plan-steps.c src/plan/plan-steps.h
libplan_a_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
