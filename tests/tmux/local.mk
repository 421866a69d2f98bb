# tests/tmux: the interface on a real terminal (tmux; skipped without it).
# A few real-terminal smoke tests (skipped without tmux).
TESTS += tests/tmux/smoke-test.sh
EXTRA_DIST += tests/tmux/smoke-test.sh
# Home/End as tmux, screen, xterm and rxvt send them (issue 10).
TESTS += tests/tmux/keys-test.sh
EXTRA_DIST += tests/tmux/keys-test.sh
TESTS += tests/tmux/upload-progress-test.sh
EXTRA_DIST += tests/tmux/upload-progress-test.sh

TESTS += tests/tmux/live-test.sh
EXTRA_DIST += tests/tmux/live-test.sh tests/tmux/lib.sh tests/tmux/wait.sh
TESTS += tests/tmux/quit-running-test.sh
EXTRA_DIST += tests/tmux/quit-running-test.sh
# The issue's closing test: akswiz --sandbox to a Kubernetes compute.
TESTS += tests/tmux/k8s-first-run-test.sh
EXTRA_DIST += tests/tmux/k8s-first-run-test.sh
# Browse's actions on a Kubernetes compute, end to end.
TESTS += tests/tmux/browse-k8s-live-test.sh
EXTRA_DIST += tests/tmux/browse-k8s-live-test.sh
# browse → a compute's endpoints → invoke → logs → keys revealed → back.
TESTS += tests/tmux/endpoints-live-test.sh
EXTRA_DIST += tests/tmux/endpoints-live-test.sh
TESTS += tests/tmux/browse-migrate-live-test.sh
EXTRA_DIST += tests/tmux/browse-migrate-live-test.sh
# The deploy issue's closing test: home to a deployed model, called.
TESTS += tests/tmux/deploy-first-run-test.sh
EXTRA_DIST += tests/tmux/deploy-first-run-test.sh
TESTS += tests/tmux/deploy-pick-live-test.sh
EXTRA_DIST += tests/tmux/deploy-pick-live-test.sh
TESTS += tests/tmux/progress-tick-test.sh
EXTRA_DIST += tests/tmux/progress-tick-test.sh
EXTRA_DIST += tests/tmux/deploy-assets.sh
