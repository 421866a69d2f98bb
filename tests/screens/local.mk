# tests/screens: the interface's screens, scripted keys, no terminal
# (tests/screens/libtest.sh).
# Screen tests: the real binary, no terminal, scripted keys.
SCREEN_TESTS = \
	tests/screens/create-devtest-test.sh \
	tests/screens/create-production-test.sh \
	tests/screens/back-test.sh \
	tests/screens/tls-test.sh \
	tests/screens/wizard-choices-test.sh \
	tests/screens/wizard-steps-test.sh \
	tests/screens/signin-failure-test.sh \
	tests/screens/display-test.sh \
	tests/screens/wrap-test.sh \
	tests/screens/progress-test.sh \
	tests/screens/export-test.sh \
	tests/screens/small-test.sh \
	tests/screens/network-test.sh \
	tests/screens/live-create-test.sh \
	tests/screens/live-failures-test.sh \
	tests/screens/live-attach-test.sh \
	tests/screens/resume-test.sh \
	tests/screens/live-scope-test.sh \
	tests/screens/signin-device-test.sh \
	tests/screens/signin-secret-test.sh \
	tests/screens/partial-test.sh \
	tests/screens/live-attach-elsewhere-test.sh
TESTS += $(SCREEN_TESTS)
EXTRA_DIST += tests/screens/libtest.sh $(SCREEN_TESTS)
TESTS += tests/screens/browse-save-tls-test.sh
EXTRA_DIST += tests/screens/browse-save-tls-test.sh
# The one keys overlay: scrolls at 60x20, in zh_CN too.
TESTS += tests/screens/help-test.sh
EXTRA_DIST += tests/screens/help-test.sh
# Screens open screens through requests (tui_open).
TESTS += tests/screens/open-test.sh
EXTRA_DIST += tests/screens/open-test.sh
# Browse with Kubernetes computes (today's path).
TESTS += tests/screens/browse-kubernetes-test.sh
TESTS += tests/screens/browse-scale-test.sh
TESTS += tests/screens/browse-k8s-remove-test.sh
TESTS += tests/screens/browse-k8s-update-test.sh
# Browse's endpoints screen: endpoints, deployments, keys, invoke, logs.
TESTS += tests/screens/endpoints-test.sh
EXTRA_DIST += tests/screens/endpoints-test.sh
# Its changes: scale, traffic, delete, as plans (deploy-change's).
TESTS += tests/screens/endpoints-change-test.sh
EXTRA_DIST += tests/screens/endpoints-change-test.sh \
	tests/screens/endpoints-world.sh
EXTRA_DIST += tests/screens/browse-kubernetes-test.sh
# The create wizard on today's path (Kubernetes, the default) end to end.
TESTS += tests/screens/k8s-wizard-test.sh
EXTRA_DIST += tests/screens/k8s-wizard-test.sh
# The attach wizard on today's path, up to the review.
TESTS += tests/screens/k8s-attach-wizard-test.sh
EXTRA_DIST += tests/screens/k8s-attach-wizard-test.sh
EXTRA_DIST += tests/screens/browse-scale-test.sh
EXTRA_DIST += tests/screens/browse-k8s-remove-test.sh
EXTRA_DIST += tests/screens/browse-k8s-update-test.sh
# Browse's migrate (m) of a legacy AKS compute, end to end.
TESTS += tests/screens/browse-migrate-test.sh
EXTRA_DIST += tests/screens/browse-migrate-test.sh
# Browse's f is left out on a Kubernetes compute.
TESTS += tests/screens/browse-k8s-finish-test.sh
EXTRA_DIST += tests/screens/browse-k8s-finish-test.sh
# Deploy a model from home (issue 13): the three pages and the review.
TESTS += tests/screens/deploy-wizard-test.sh
EXTRA_DIST += tests/screens/deploy-wizard-test.sh
TESTS += tests/screens/deploy-pick-test.sh
EXTRA_DIST += tests/screens/deploy-pick-test.sh
TESTS += tests/screens/deploy-pick-code-test.sh
EXTRA_DIST += tests/screens/deploy-pick-code-test.sh
TESTS += tests/screens/deploy-one-node-test.sh
EXTRA_DIST += tests/screens/deploy-one-node-test.sh
# The first page at 60x20, English and zh_CN: messages whole or left out.
TESTS += tests/screens/deploy-small-test.sh
EXTRA_DIST += tests/screens/deploy-small-test.sh
# A deploy that fails: its reason, its log, Enter back to the page to change.
TESTS += tests/screens/deploy-failure-test.sh
EXTRA_DIST += tests/screens/deploy-failure-test.sh
# A deploy that succeeds: its steps, its scoring URI, c calls it.
TESTS += tests/screens/deploy-progress-test.sh
EXTRA_DIST += tests/screens/deploy-progress-test.sh tests/screens/deploy-world.sh
