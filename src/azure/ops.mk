# src/azure: operations, ARM client, journal (see local.mk for HTTP and sign-in).
libazure_a_SOURCES += \
	src/azure/arm.c src/azure/arm-parse.c src/azure/arm.h \
	src/azure/arm-endpoints.c src/azure/arm-endpoints.h \
	src/azure/lro.c src/azure/lro.h \
	src/azure/journal.c src/azure/journal.h \
	src/azure/ops.c src/azure/ops.h \
	src/azure/ops-deploy.c src/azure/ops-deploy.h \
	src/azure/clusters.c src/azure/clusters.h
