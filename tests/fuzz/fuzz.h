/*
 * The fuzz targets of tests/fuzz: each file defines LLVMFuzzerTestOneInput
 * (no crash, no leak, no hang on any input is the property).  Built two
 * ways (tests/fuzz/local.mk): for make check, with driver.c's main, which
 * runs the target's seed corpus (tests/fuzz/corpus/NAME), every seed cut
 * short and a few thousand deterministic mutations; for libFuzzer, with
 * -DAKSWIZ_LIBFUZZER and libFuzzer's main (`make fuzzers`).
 */
#ifndef AKSWIZ_TESTS_FUZZ_H
#define AKSWIZ_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int		 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * For targets whose code reads files: write the input to NAME in a private
 * folder made once per process (removed at exit), and return its path.
 */
const char	*fuzz_file(const char *name, const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (cut at its first NUL); free it. */
char		*fuzz_string(const uint8_t *data, size_t size);

#endif
