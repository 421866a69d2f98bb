/*
 * json-c's own floor for a compute list (issue 14): the saved pages
 * (files named on the command line, one page each) read into memory, then
 * REPS times: each page parsed by json_tokener_parse_ex into a json-c
 * tree and that tree freed with json_object_put, nothing else.  Prints
 * the CPU (getrusage) of the parse and of the free per pass over all
 * pages.  Built and run by bench/json-floor.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <json-c/json.h>

static double
cpu(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int
main(int argc, char **argv)
{
	struct json_tokener	*tok = json_tokener_new();
	json_object		**trees;
	char			**page;
	size_t			 *len, bytes = 0;
	int			  i, r, reps = atoi(getenv("REPS") ?
				    getenv("REPS") : "5"), n = argc - 1;
	double			  t0, parse = 0, put = 0, best = 1e9,
				  best_put = 1e9;

	/* HASH=perl: json-c's cheaper string hash for the objects' keys */
	if (getenv("HASH") != NULL && strcmp(getenv("HASH"), "perl") == 0)
		json_global_set_string_hash(JSON_C_STR_HASH_PERLLIKE);
	page = calloc(n, sizeof *page);
	len = calloc(n, sizeof *len);
	trees = calloc(n, sizeof *trees);
	for (i = 0; i < n; i++) {
		FILE	*f = fopen(argv[i + 1], "rb");

		if (f == NULL) {
			perror(argv[i + 1]);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		len[i] = (size_t)ftell(f);
		rewind(f);
		page[i] = malloc(len[i] + 1);
		if (fread(page[i], 1, len[i], f) != len[i])
			return 1;
		page[i][len[i]] = '\0';
		bytes += len[i];
		fclose(f);
	}
	for (r = 0; r < reps; r++) {
		/* the parse of every page, then the free of every tree */
		t0 = cpu();
		for (i = 0; i < n; i++) {
			json_tokener_reset(tok);
			trees[i] = json_tokener_parse_ex(tok, page[i],
			    (int)len[i]);
			if (trees[i] == NULL) {
				fprintf(stderr, "page %d: %s\n", i,
				    json_tokener_error_desc(
				    json_tokener_get_error(tok)));
				return 1;
			}
		}
		parse = cpu() - t0;
		t0 = cpu();
		for (i = 0; i < n; i++)
			json_object_put(trees[i]);
		put = cpu() - t0;
		if (parse + put < best + best_put) {
			best = parse;
			best_put = put;
		}
	}
	printf("%d pages, %zu bytes: json-c parse %.3f s + free %.3f s = "
	    "%.3f s CPU (best of %d)\n", n, bytes, best, best_put,
	    best + best_put, reps);
	json_tokener_free(tok);
	for (i = 0; i < n; i++)
		free(page[i]);
	free(page);
	free(len);
	free(trees);
	return 0;
}
