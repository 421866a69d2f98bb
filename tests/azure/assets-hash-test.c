/*
 * The hashes azure-ai-ml computes of a model or code path (azure/assets.c):
 * get_object_hash() (MD5, seeded; entries sorted lowercased, names and
 * bytes) names the LocalUpload/<hash> folder, get_content_hash() (SHA-256
 * of the count, "#relpath#" and sizes, then bytes) marks a code version.
 * The expected values were computed with the functions of azure-ai-ml's
 * _asset_utils.py on the same files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "azure/assets.h"
#include "tests/tap.h"

static char	root[256];

static void
put(const char *rel, const char *text)
{
	char	path[512];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", root, rel);
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	fputs(text, fp);
	fclose(fp);
}

static void
folder(const char *rel)
{
	char	path[512];

	snprintf(path, sizeof path, "%s/%s", root, rel);
	mkdir(path, 0700);
}

struct row {
	const char	*rel, *object, *content;
};

static const struct row rows[] = {
	{ "model.pkl", "ebdeb00f8727a15bffe0fe7dda8782fe",
	  "554f0d82b411859086e66b7beb99aef2d8421f3a9277550cb55a6a2e1e25a4a9" },
	{ "code", "90cafa28963b3bf6bdd487669028c5f5",
	  "53afd87d1bfe81e475d4e119baba94ad4157ddba37ef136d6a541aa9f0c901de" },
	{ "empty", "bf6fb7b1e88207436d2a346c6bcf7ded",
	  "0031255cdec4903bb91d04ab04f3187262d6ba771cf0e69e56d258e778016e70" },
};

int
main(void)
{
	struct err	err;
	char		path[512], h[80];
	size_t		i;

	snprintf(root, sizeof root, "%s/akswiz-hash-XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL)
		abort();
	folder("code");
	folder("code/Sub");
	folder("code/a");
	put("code/score.py", "print(1)\n");
	put("code/Sub/b.txt", "x");
	put("code/a/c.txt", "yy");
	put("model.pkl", "model-bytes");
	put("empty", "");
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", root, rows[i].rel);
		err_clear(&err);
		ok(assets_object_hash(path, h, sizeof h, &err) == 0,
		    "%s: object hash computed", rows[i].rel);
		is_str(h, rows[i].object, "%s: get_object_hash", rows[i].rel);
		ok(assets_content_hash(path, h, sizeof h, &err) == 0,
		    "%s: content hash computed", rows[i].rel);
		is_str(h, rows[i].content, "%s: get_content_hash",
		    rows[i].rel);
	}
	/* Both in one pass: the same as each alone, also for a folder whose
	 * walk (a/ before a-b.txt) and sorted paths (a-b.txt before a/x.txt)
	 * disagree on the order of its files. */
	folder("mixed");
	folder("mixed/a");
	put("mixed/a-b.txt", "first by path");
	put("mixed/a/x.txt", "first in the walk");
	put("mixed/z.txt", "last in both");
	for (i = 0; i < 2; i++) {
		char	o[40], c[72], o1[40], c1[72];

		snprintf(path, sizeof path, "%s/%s", root, i == 0 ? "code" :
		    "mixed");
		ok(assets_hashes(path, o, sizeof o, c, sizeof c, &err) == 0 &&
		    assets_object_hash(path, o1, sizeof o1, &err) == 0 &&
		    assets_content_hash(path, c1, sizeof c1, &err) == 0,
		    "%s: both hashes in one pass", i == 0 ? "code" : "mixed");
		is_str(o, o1, "  the object hash, as alone");
		is_str(c, c1, "  the content hash, as alone");
	}
	snprintf(path, sizeof path, "%s/missing", root);
	ok(assets_object_hash(path, h, sizeof h, &err) != 0 &&
	    strstr(err.msg, "missing") != NULL, "a missing path is said");
	snprintf(path, sizeof path, "rm -rf '%s'", root);
	if (system(path) != 0)
		tap_diag("could not remove %s", root);
	return tap_done();
}
