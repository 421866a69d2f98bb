# bench/: benchmarks, run by hand (never by make check).
EXTRA_DIST += bench/list-bench.sh bench/monitor-bench.sh \
	bench/tui-bench.sh bench/tui-redraw-bench.c \
	bench/browse-bench.sh bench/browse-bench.c \
	bench/sandbox-bench.sh
EXTRA_DIST += bench/fixed-cost-bench.sh bench/startup-bench.sh \
	bench/big-world.sh
EXTRA_DIST += bench/sdk-list-bench.sh bench/sdk-list.py
EXTRA_DIST += bench/list-profile.sh bench/json-floor.sh bench/json-floor.c
EXTRA_DIST += bench/k8s-ops-bench.sh
EXTRA_DIST += bench/upload-bench.sh
EXTRA_DIST += bench/bench-lib.sh bench/deploy-bench.sh
