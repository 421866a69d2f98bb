# bench/: benchmarks, run by hand (never by make check).
EXTRA_DIST += bench/fixed-cost-bench.sh bench/startup-bench.sh \
	bench/big-world.sh
