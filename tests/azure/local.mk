# tests/azure: the HTTP client, sign-in, token cache, certificates, the
# ARM parsers, the LRO machine, the journal and kubeconfig, unit by unit
# (most link the sources they test) and against the sandbox.
check_PROGRAMS += tests/azure/kube-test
TESTS += tests/azure/kube-test
UNIT_TESTS += tests/azure/kube-test
tests_azure_kube_test_SOURCES = tests/azure/kube-test.c
tests_azure_kube_test_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_kube_test_LDADD = libazure.a libcore.a libcommon.a \
	$(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS)

TESTS += tests/azure/kube-save-test.sh
EXTRA_DIST += tests/azure/kube-save-test.sh

check_PROGRAMS += tests/azure/retry-test tests/azure/armerror-test
TESTS += tests/azure/retry-test tests/azure/armerror-test
UNIT_TESTS += tests/azure/retry-test tests/azure/armerror-test
tests_azure_retry_test_SOURCES = tests/azure/retry-test.c \
	src/azure/retry.c src/azure/retry.h
tests_azure_retry_test_LDADD = libcommon.a
tests_azure_armerror_test_SOURCES = tests/azure/armerror-test.c \
	src/azure/armerror.c src/azure/armerror.h \
	src/azure/retry.c src/azure/retry.h
tests_azure_armerror_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_azure_armerror_test_LDADD = libcore.a libcommon.a $(JSONC_LIBS)

check_PROGRAMS += tests/azure/jwt-test tests/azure/redact-test \
	tests/azure/token-cache-test
TESTS += tests/azure/jwt-test tests/azure/redact-test \
	tests/azure/token-cache-test
UNIT_TESTS += tests/azure/jwt-test tests/azure/redact-test \
	tests/azure/token-cache-test
EXTRA_DIST += tests/azure/certs/sp.pem tests/azure/certs/sp-rs256.golden
tests_azure_jwt_test_SOURCES = tests/azure/jwt-test.c \
	src/azure/jwt.c src/azure/jwt.h src/azure/cert.c src/azure/cert.h \
	src/azure/http.h
tests_azure_jwt_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
# jwt.c takes the jti from http_uuid4(): link the library for it
tests_azure_jwt_test_LDADD = libazure.a libcore.a libcommon.a \
	$(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS)
tests_azure_redact_test_SOURCES = tests/azure/redact-test.c \
	src/azure/debuglog.c src/azure/debuglog.h
tests_azure_redact_test_LDADD = libcommon.a
tests_azure_token_cache_test_SOURCES = tests/azure/token-cache-test.c \
	src/azure/token-cache.c src/azure/token-cache.h
tests_azure_token_cache_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_token_cache_test_LDADD = libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)

check_PROGRAMS += tests/azure/cert-check
TESTS += tests/azure/cert-test.sh
EXTRA_DIST += tests/azure/cert-test.sh
tests_azure_cert_check_SOURCES = tests/azure/cert-check.c \
	src/azure/cert.c src/azure/cert.h
tests_azure_cert_check_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_cert_check_LDADD = libcore.a libcommon.a $(OPENSSL_LIBS)

check_PROGRAMS += tests/azure/blob-sign-test
TESTS += tests/azure/blob-sign-test
UNIT_TESTS += tests/azure/blob-sign-test
tests_azure_blob_sign_test_SOURCES = tests/azure/blob-sign-test.c
tests_azure_blob_sign_test_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_blob_sign_test_LDADD = libazure.a libcore.a libcommon.a \
	$(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS)

check_PROGRAMS += tests/azure/assets-hash-test
TESTS += tests/azure/assets-hash-test
UNIT_TESTS += tests/azure/assets-hash-test
tests_azure_assets_hash_test_SOURCES = tests/azure/assets-hash-test.c
tests_azure_assets_hash_test_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
tests_azure_assets_hash_test_LDADD = libazure.a libcore.a libcommon.a \
	$(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS)

check_PROGRAMS += tests/azure/http-test
TESTS += tests/azure/http-test
UNIT_TESTS += tests/azure/http-test
EXTRA_DIST += tests/azure/certs/ca.pem tests/azure/certs/server.pem \
	tests/azure/certs/server-key.pem
tests_azure_http_test_SOURCES = tests/azure/http-test.c
tests_azure_http_test_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS)
tests_azure_http_test_LDADD = libazure.a libcore.a libcommon.a \
	$(MHD_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) -lpthread

check_PROGRAMS += tests/azure/auth-test
TESTS += tests/azure/auth-test
UNIT_TESTS += tests/azure/auth-test
tests_azure_auth_test_SOURCES = tests/azure/auth-test.c
tests_azure_auth_test_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS)
tests_azure_auth_test_LDADD = libazure.a libcore.a libcommon.a \
	$(MHD_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) -lpthread

check_PROGRAMS += tests/azure/arm-get
tests_azure_arm_get_SOURCES = tests/azure/arm-get.c
tests_azure_arm_get_LDADD = libazure.a libcore.a libcommon.a \
	$(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS)
TESTS += tests/azure/auth-sandbox-test.sh
EXTRA_DIST += tests/azure/auth-sandbox-test.sh
TESTS += tests/azure/auth-trust-test.sh
EXTRA_DIST += tests/azure/auth-trust-test.sh
check_PROGRAMS += tests/azure/tcp-forward
tests_azure_tcp_forward_SOURCES = tests/azure/tcp-forward.c
TESTS += tests/azure/audience-test.sh
EXTRA_DIST += tests/azure/audience-test.sh
TESTS += tests/azure/prompt-tmux-test.sh
EXTRA_DIST += tests/azure/prompt-tmux-test.sh
check_PROGRAMS += tests/azure/cloud-test
TESTS += tests/azure/cloud-test
UNIT_TESTS += tests/azure/cloud-test
tests_azure_cloud_test_SOURCES = tests/azure/cloud-test.c \
	src/azure/cloud.c src/azure/cloud.h
tests_azure_cloud_test_LDADD = libcommon.a

# Unit tests link the pure sources they test, not the whole library.
check_PROGRAMS += tests/azure/lro-test
TESTS += tests/azure/lro-test
UNIT_TESTS += tests/azure/lro-test
tests_azure_lro_test_SOURCES = tests/azure/lro-test.c \
	src/azure/lro.c src/azure/lro.h src/azure/retry.c
tests_azure_lro_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_azure_lro_test_LDADD = libcore.a libcommon.a $(JSONC_LIBS)

check_PROGRAMS += tests/azure/arm-parse-test
TESTS += tests/azure/arm-parse-test
UNIT_TESTS += tests/azure/arm-parse-test
tests_azure_arm_parse_test_SOURCES = tests/azure/arm-parse-test.c \
	src/azure/arm-parse.c src/azure/arm.h
tests_azure_arm_parse_test_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTOP_SRCDIR=\"$(abs_top_srcdir)\"
tests_azure_arm_parse_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) \
	$(OPENSSL_CFLAGS)
tests_azure_arm_parse_test_LDADD = libcore.a libcommon.a $(JSONC_LIBS) $(OPENSSL_LIBS)
EXTRA_DIST += tests/azure/data/compute-list-odd.json
EXTRA_DIST += tests/azure/data/compute-list.json \
	tests/azure/data/compute-get-aks.json tests/azure/data/cluster-get.json \
	tests/azure/data/cluster-list.json tests/azure/data/k8s-versions.json \
	tests/azure/data/orchestrators.json tests/azure/data/vm-sizes.json \
	tests/azure/data/usages.json tests/azure/data/credentials.json \
	tests/azure/data/compute-get-kubernetes.json \
	tests/azure/data/extension-get.json \
	tests/azure/data/extension-failed.json

check_PROGRAMS += tests/azure/journal-test
TESTS += tests/azure/journal-test
UNIT_TESTS += tests/azure/journal-test
tests_azure_journal_test_SOURCES = tests/azure/journal-test.c \
	src/azure/journal.c src/azure/journal.h
tests_azure_journal_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS) \
	$(OPENSSL_CFLAGS)
tests_azure_journal_test_LDADD = libplan.a libcore.a libcommon.a $(JSONC_LIBS) \
	$(OPENSSL_LIBS) $(LIBINTL)

check_PROGRAMS += tests/azure/ops-hint-test
TESTS += tests/azure/ops-hint-test
UNIT_TESTS += tests/azure/ops-hint-test
tests_azure_ops_hint_test_SOURCES = tests/azure/ops-hint-test.c
tests_azure_ops_hint_test_LDADD = libazure.a $(PLAN_LIB) libcore.a \
	libcommon.a $(CURL_LIBS) $(JSONC_LIBS) $(OPENSSL_LIBS) $(LIBINTL)

# JSON members by a dotted path (azure/json-at.h).
check_PROGRAMS += tests/azure/json-at-test
TESTS += tests/azure/json-at-test
UNIT_TESTS += tests/azure/json-at-test
tests_azure_json_at_test_SOURCES = tests/azure/json-at-test.c \
	src/azure/json-at.c src/azure/json-at.h
tests_azure_json_at_test_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_azure_json_at_test_LDADD = libcore.a libcommon.a $(JSONC_LIBS)
