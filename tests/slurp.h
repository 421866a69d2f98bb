/*
 * A test's whole-file read: the contents, NUL-terminated (yours to free),
 * or NULL when the file cannot be read.  Header-only, for test programs.
 */
#ifndef AKSWIZ_TESTS_SLURP_H
#define AKSWIZ_TESTS_SLURP_H

#include <stdio.h>
#include <stdlib.h>

static inline char *
test_slurp(const char *path)
{
	FILE	*fp = fopen(path, "r");
	char	*s;
	long	 n;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0) {
		fclose(fp);
		return NULL;
	}
	rewind(fp);
	if ((s = malloc((size_t)n + 1)) == NULL ||
	    fread(s, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		free(s);
		return NULL;
	}
	s[n] = '\0';
	fclose(fp);
	return s;
}

#endif
