# data/: the VM size catalogue and the sandbox's world.
EXTRA_DIST += data/vm-sizes.tsv
