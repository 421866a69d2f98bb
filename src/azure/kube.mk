# src/azure/kube: the kubeconfig reader and the azureml-fe TLS secret.
libazure_a_SOURCES += src/azure/kube.c src/azure/kube.h

check_PROGRAMS += tests/azure/kube-test
TESTS += tests/azure/kube-test
UNIT_TESTS += tests/azure/kube-test
tests_azure_kube_test_SOURCES = tests/azure/kube-test.c
tests_azure_kube_test_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_kube_test_LDADD = libazure.a libcore.a libcommon.a \
	$(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS)

TESTS += tests/azure/kube-save-test.sh
EXTRA_DIST += tests/azure/kube-save-test.sh
TESTS += tests/screens/browse-save-tls-test.sh
EXTRA_DIST += tests/screens/browse-save-tls-test.sh
