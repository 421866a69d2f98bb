# tests/http: the real akswiz against a real akswiz-sandbox over HTTPS.
# HTTP tests of what the HTTP and ARM layers let through: service text on
# the terminal, token hosts, retries, read-only (the real akswiz against
# the sandbox or tests/http/badserver).
HTTP_TRUST_TESTS = tests/http/display-text-test.sh \
	tests/http/token-host-test.sh tests/http/retries-test.sh \
	tests/http/readonly-test.sh tests/screens/readonly-submit-test.sh
TESTS += $(HTTP_TRUST_TESTS)
EXTRA_DIST += $(HTTP_TRUST_TESTS)

# HTTP tests: the real akswiz against a real akswiz-sandbox over HTTPS.
HTTP_TESTS = tests/http/commands-test.sh tests/http/flows-test.sh \
	tests/http/preflight-test.sh tests/http/faults-test.sh \
	tests/http/resume-test.sh tests/http/secrets-test.sh \
	tests/http/malformed-test.sh tests/http/sandbox-flag-test.sh \
	tests/http/readme-test.sh \
	tests/http/partial-test.sh tests/http/journal-damage-test.sh \
	tests/http/lock-test.sh tests/http/step-resume-test.sh
TESTS += $(HTTP_TESTS)
HTTP_TESTS += tests/http/sandbox-world-test.sh
# list streamed and asked ahead; the workspace check cached (issue 14).
HTTP_TESTS += tests/http/list-stream-test.sh tests/http/scope-cache-test.sh
HTTP_TESTS += tests/http/clusters-attached-test.sh
HTTP_TESTS += tests/http/k8s-create-test.sh
# Attach of an existing cluster as Kubernetes, and its extension.
HTTP_TESTS += tests/http/k8s-attach-test.sh
# Kubernetes computes (today's path) in list, show and clusters.
HTTP_TESTS += tests/http/kubernetes-show-test.sh
# akswiz online-endpoint and online-deployment (issue 13).
HTTP_TESTS += tests/http/online-endpoint-cli-test.sh \
	tests/http/online-endpoint-keys-test.sh \
	tests/http/online-endpoint-invoke-load-test.sh \
	tests/http/online-deployment-logs-follow-test.sh \
	tests/http/online-endpoint-create-test.sh \
	tests/http/online-deployment-change-test.sh \
	tests/http/online-deployment-change-resume-test.sh
# akswiz plan new deploy: its steps, refusals, failures decoded (issue 13).
HTTP_TESTS += tests/http/deploy-test.sh tests/http/deploy-fail-test.sh \
	tests/http/deploy-lost-answer-test.sh \
	tests/http/deploy-upload-test.sh
# Liveness and readiness probes of a deployment (issue 13).
HTTP_TESTS += tests/http/deploy-probes-test.sh
HTTP_TESTS += tests/http/online-deployment-probes-test.sh
# akswiz model and environment: uploads and registration (issue 13).
HTTP_TESTS += tests/http/assets-cli-test.sh
HTTP_TESTS += tests/http/registry-env-test.sh
HTTP_TESTS += tests/http/deploy-registry-env-test.sh
HTTP_TESTS += tests/http/deploy-code-ref-test.sh
EXTRA_DIST += tests/http/endpoint-world.sh
EXTRA_DIST += tests/http/k8s-world.sh
HTTP_TESTS += tests/http/k8s-ops-test.sh
# A partly applied detach or delete, applied again: only what is left.
HTTP_TESTS += tests/http/k8s-remove-finish-test.sh
# Kubernetes by default; the sandbox refuses new AKS computes (issue 12).
HTTP_TESTS += tests/http/k8s-default-test.sh
HTTP_TESTS += tests/http/k8s-migrate-test.sh
EXTRA_DIST += tests/http/lib.sh $(HTTP_TESTS)
EXTRA_DIST += tests/http/sandbox-lib.sh

# A server of bad answers for malformed-test.sh.
check_PROGRAMS += tests/http/badserver
tests_http_badserver_SOURCES = tests/http/badserver.c
tests_http_badserver_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS)
tests_http_badserver_LDADD = $(MHD_LIBS)
