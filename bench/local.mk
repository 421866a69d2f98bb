# bench/: benchmarks, run by hand (never by make check).
