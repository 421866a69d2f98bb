/* Helpers of the fuzz targets (fuzz.h), in both builds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/fuzz/fuzz.h"

static char	fuzz_dir[256];
static char	fuzz_path[512];

static void
fuzz_cleanup(void)
{
	char	cmd[300];

	/* Only our own mkdtemp() folder, never anything else. */
	if (fuzz_dir[0] != '\0' && strstr(fuzz_dir, "/akswiz-fuzz.") != NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", fuzz_dir);
	}
}

const char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	FILE	*fp;

	if (fuzz_dir[0] == '\0') {
		snprintf(fuzz_dir, sizeof fuzz_dir, "%s/akswiz-fuzz.XXXXXX",
		    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
		if (mkdtemp(fuzz_dir) == NULL) {
			perror(fuzz_dir);
			exit(99);
		}
		atexit(fuzz_cleanup);
	}
	snprintf(fuzz_path, sizeof fuzz_path, "%s/%s", fuzz_dir, name);
	if ((fp = fopen(fuzz_path, "w")) == NULL) {
		perror(fuzz_path);
		exit(99);
	}
	if (size > 0 && fwrite(data, 1, size, fp) != size) {
		perror(fuzz_path);
		exit(99);
	}
	fclose(fp);
	(void)chmod(fuzz_path, 0600);
	return fuzz_path;
}

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char	*s = malloc(size + 1);

	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
