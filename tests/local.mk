# tests/: each folder of tests/ has its local.mk (Makefile.am includes
# them); tap.h and slurp.h serve the C tests of every folder.
noinst_HEADERS += tests/tap.h tests/slurp.h
