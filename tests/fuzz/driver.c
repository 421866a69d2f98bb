/*
 * make check's main for a fuzz target (fuzz.h): the seeds of
 * $top_srcdir/tests/fuzz/corpus/FUZZ_CORPUS, each seed cut at many
 * lengths, and FUZZ_RUNS (default 1500, fewer for costly targets)
 * deterministic mutations: bytes
 * replaced by ones that matter to the formats (quotes, braces, separators,
 * digits, NUL, high bytes), runs inserted, deleted, repeated, and seeds
 * spliced.  TAP out.  Under ASan/UBSan (CI's second build) or valgrind
 * (check-valgrind) a finding fails the test.  Not built for libFuzzer,
 * which brings its own main.
 */
#include "config.h"

#ifndef AKSWIZ_LIBFUZZER
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/fuzz.h"

#define MAX_SEEDS	64
#define FUZZ_MAX_INPUT	(256 * 1024)
/* A target whose every input is costly (key parsing) asks for fewer. */
#ifndef FUZZ_DEFAULT_RUNS
#define FUZZ_DEFAULT_RUNS	1500
#endif
#ifndef FUZZ_FINE_CUTS		/* cut at every length up to this */
#define FUZZ_FINE_CUTS		64
#endif

struct seed {
	char		 name[256];
	uint8_t		*data;
	size_t		 len;
};

static uint64_t	rng = 0x2545F4914F6CDD1DULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct seed *)a)->name,
	    ((const struct seed *)b)->name);
}

static size_t
load(const char *dir, struct seed *s)
{
	char		 path[1400];
	struct dirent	*de;
	size_t		 n = 0;
	DIR		*d;
	FILE		*fp;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL && n < MAX_SEEDS) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if ((fp = fopen(path, "rb")) == NULL)
			continue;
		s[n].data = malloc(FUZZ_MAX_INPUT);
		s[n].len = fread(s[n].data, 1, FUZZ_MAX_INPUT, fp);
		fclose(fp);
		snprintf(s[n].name, sizeof s[n].name, "%s", de->d_name);
		n++;
	}
	closedir(d);
	qsort(s, n, sizeof *s, by_name);
	return n;
}

/* One mutation of buf (len bytes, room for FUZZ_MAX_INPUT) in place. */
static size_t
mutate(uint8_t *buf, size_t len, const struct seed *seeds, size_t nseeds)
{
	static const char bytes[] = "\"{}[],:=&%+-./\\0123456789 \n\r\t\0"
	    "\177\200\377\303\251eE-";
	size_t	at, k, n;

	switch (next() % 6) {
	case 0:					/* replace bytes */
		for (k = 1 + next() % 4; k > 0 && len > 0; k--)
			buf[next() % len] =
			    (uint8_t)bytes[next() % (sizeof bytes - 1)];
		break;
	case 1:					/* insert a byte */
		if (len + 1 >= FUZZ_MAX_INPUT)
			break;
		at = len > 0 ? next() % (len + 1) : 0;
		memmove(buf + at + 1, buf + at, len - at);
		buf[at] = (uint8_t)bytes[next() % (sizeof bytes - 1)];
		len++;
		break;
	case 2:					/* delete a run */
		if (len == 0)
			break;
		at = next() % len;
		k = 1 + next() % (len - at);
		if (k > 64)
			k = 1 + next() % 64;
		memmove(buf + at, buf + at + k, len - at - k);
		len -= k;
		break;
	case 3:					/* repeat a run */
		if (len == 0)
			break;
		at = next() % len;
		k = 1 + next() % (len - at > 32 ? 32 : len - at);
		for (n = 1 + next() % 8; n > 0 && len + k < FUZZ_MAX_INPUT; n--) {
			memmove(buf + at + k, buf + at, len - at);
			len += k;
		}
		break;
	case 4:					/* splice another seed */
		k = next() % nseeds;
		at = len > 0 ? next() % len : 0;
		n = seeds[k].len > 0 ? next() % seeds[k].len : 0;
		if (at + (seeds[k].len - n) < FUZZ_MAX_INPUT) {
			memcpy(buf + at, seeds[k].data + n, seeds[k].len - n);
			len = at + (seeds[k].len - n);
		}
		break;
	default:				/* a digit run grows */
		for (at = 0; at < len && (buf[at] < '0' || buf[at] > '9'); at++)
			;
		if (at < len && len + 24 < FUZZ_MAX_INPUT) {
			memmove(buf + at + 24, buf + at, len - at);
			memset(buf + at, '9', 24);
			len += 24;
		}
		break;
	}
	return len;
}

int
main(void)
{
	static struct seed	 seeds[MAX_SEEDS];
	const char		*top = getenv("top_srcdir");
	char			 dir[1024];
	uint8_t			*buf;
	size_t			 nseeds, i, len, cut, cuts = 0;
	long			 runs, r, m;

	snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s",
	    top != NULL ? top : ".", FUZZ_CORPUS);
	if ((nseeds = load(dir, seeds)) == 0) {
		printf("Bail out! no seeds in %s\n", dir);
		return 1;
	}
	runs = getenv("FUZZ_RUNS") != NULL ? atol(getenv("FUZZ_RUNS")) :
	    FUZZ_DEFAULT_RUNS;
	buf = malloc(FUZZ_MAX_INPUT);

	for (i = 0; i < nseeds; i++)
		LLVMFuzzerTestOneInput(seeds[i].data, seeds[i].len);
	printf("ok 1 - %s: %zu seeds\n", FUZZ_CORPUS, nseeds);

	for (i = 0; i < nseeds; i++)
		for (cut = 0; cut < seeds[i].len;
		    cut += cut < FUZZ_FINE_CUTS ? 1 : seeds[i].len / 24 + 1) {
			LLVMFuzzerTestOneInput(seeds[i].data, cut);
			cuts++;
		}
	printf("ok 2 - %s: %zu seeds cut short\n", FUZZ_CORPUS, cuts);

	for (r = 0; r < runs; r++) {
		i = next() % nseeds;
		memcpy(buf, seeds[i].data, seeds[i].len);
		len = seeds[i].len;
		for (m = 1 + (long)(next() % 4); m > 0; m--)
			len = mutate(buf, len, seeds, nseeds);
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("ok 3 - %s: %ld mutated inputs\n", FUZZ_CORPUS, runs);
	printf("1..3\n");
	for (i = 0; i < nseeds; i++)
		free(seeds[i].data);
	free(buf);
	return 0;
}
#endif
