/*
 * The token cache: directory 0700, file 0600, atomic replacement (no temp
 * file left), lookups by key, expiry with a margin, removal, and files
 * that cannot be trusted (damaged, a newer format, a link) reported
 * rather than trusted; a mode open to others narrowed; temporary files
 * of writers that are gone removed.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "azure/token-cache.h"
#include "tests/tap.h"

/* Files the cache refuses, one a row: the content and the error kind. */
static const struct {
	const char	*name, *text;
	enum err_kind	 kind;
} refused[] = {
	{ "truncated", "{\"entries\": [tru", ERR_PARSE },
	{ "not an object", "[1, 2]", ERR_PARSE },
	{ "entries not a list", "{\"version\":1,\"entries\":{}}", ERR_PARSE },
	{ "an entry not an object", "{\"version\":1,\"entries\":[7]}",
	  ERR_PARSE },
	{ "empty", "", ERR_PARSE },
	{ "a newer format", "{\"version\":2,\"entries\":[]}", ERR_AUTH },
};

static int
count_files(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' || strncmp(e->d_name, ".tokens", 7) == 0)
			n++;
	if (d != NULL)
		closedir(d);
	return n;
}

int
main(void)
{
	char			 base[] = "/tmp/akswiz-tc-XXXXXX", dir[256];
	char			 path[300];
	struct token_cache	*c;
	struct token_entry	 e;
	const struct token_entry *f;
	struct stat		 st;
	struct err		 err;
	FILE			*fp;
	char			 link_path[320], tmp_dead[320], tmp_live[320];
	size_t			 i;

	if (mkdtemp(base) == NULL)
		return 99;
	snprintf(dir, sizeof dir, "%s/cache/akswiz", base);
	c = token_cache_open(dir, &err);
	ok(c != NULL, "a missing cache is an empty one");
	ok(token_cache_find(c, NULL, NULL, NULL, NULL) == NULL, "nothing in it");

	memset(&e, 0, sizeof e);
	strcpy(e.authority, "https://login.example");
	strcpy(e.tenant, "t1");
	strcpy(e.client_id, "c1");
	strcpy(e.scope, "https://arm/.default");
	strcpy(e.method, "device-code");
	e.access_token = "AT-1";
	e.refresh_token = "RT-\"1\"";
	e.expires_on = 2000000000;
	ok(token_cache_put(c, &e, &err), "put saves");
	ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700,
	    "directory is 0700");
	snprintf(path, sizeof path, "%s/tokens.json", dir);
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "file is 0600");
	is_int(count_files(dir), 1, "no temporary file left behind");
	e.access_token = "AT-2";
	strcpy(e.tenant, "t2");
	ok(token_cache_put(c, &e, &err), "second entry");
	e.access_token = "AT-1b";
	strcpy(e.tenant, "t1");
	ok(token_cache_put(c, &e, &err), "same key replaces");
	token_cache_free(c);

	/* a new process sees what was saved */
	chmod(dir, 0755);
	c = token_cache_open(dir, &err);
	ok(c != NULL, "reopened");
	f = token_cache_find(c, "https://login.example", "t1", "c1",
	    "https://arm/.default");
	ok(f != NULL && strcmp(f->access_token, "AT-1b") == 0 &&
	    strcmp(f->refresh_token, "RT-\"1\"") == 0 &&
	    f->expires_on == 2000000000, "entry read back, escapes intact");
	f = token_cache_find(c, "https://login.example", NULL, NULL, NULL);
	ok(f != NULL && strcmp(f->tenant, "t1") == 0,
	    "newest first for an open lookup");
	ok(token_cache_find(c, "https://other", NULL, NULL, NULL) == NULL,
	    "other authority not found");
	ok(token_entry_fresh(f, 2000000000 - 301, 300), "fresh 301 s before");
	ok(!token_entry_fresh(f, 2000000000 - 300, 300),
	    "stale within the 5-minute margin");
	is_int(token_cache_remove(c, "https://login.example", "t2", &err), 1,
	    "remove one tenant");
	ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700,
	    "saving again narrows a widened directory to 0700");
	is_int(token_cache_remove(c, "https://login.example", NULL, &err), 1,
	    "remove the rest of the authority");
	token_cache_free(c);
	c = token_cache_open(dir, &err);
	ok(c != NULL && token_cache_find(c, NULL, NULL, NULL, NULL) == NULL,
	    "removal persisted");
	token_cache_free(c);

	/* expired entries without a refresh token are dropped on save */
	c = token_cache_open(dir, &err);
	e.refresh_token = NULL;
	e.expires_on = 1000;		/* long ago */
	strcpy(e.tenant, "old");
	token_cache_put(c, &e, &err);
	e.expires_on = 2000000000;
	strcpy(e.tenant, "new");
	token_cache_put(c, &e, &err);
	token_cache_free(c);
	c = token_cache_open(dir, &err);
	ok(token_cache_find(c, NULL, "old", NULL, NULL) == NULL &&
	    token_cache_find(c, NULL, "new", NULL, NULL) != NULL,
	    "an expired token without a refresh token is not kept");
	token_cache_free(c);

	for (i = 0; i < sizeof refused / sizeof *refused; i++) {
		fp = fopen(path, "w");
		fputs(refused[i].text, fp);
		fclose(fp);
		err_clear(&err);
		c = token_cache_open(dir, &err);
		ok(c == NULL && err.kind == refused[i].kind &&
		    strstr(err.msg, path) != NULL, "%s: refused, naming the "
		    "file", refused[i].name);
		token_cache_free(c);
	}

	fp = fopen(path, "w");
	fputs("{\"version\":1,\"entries\":[]}", fp);
	fclose(fp);
	chmod(path, 0644);
	c = token_cache_open(dir, &err);
	ok(c != NULL && token_cache_warning(c) != NULL &&
	    stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "a cache others could read is narrowed to 0600, with a warning");
	token_cache_free(c);

	snprintf(link_path, sizeof link_path, "%s/elsewhere.json", dir);
	rename(path, link_path);
	symlink(link_path, path);
	c = token_cache_open(dir, &err);
	ok(c == NULL && err.kind == ERR_AUTH, "a link is not followed");
	unlink(path);
	rename(link_path, path);

	snprintf(tmp_dead, sizeof tmp_dead, "%s/.tokens.2147483646.aBcDeF",
	    dir);
	snprintf(tmp_live, sizeof tmp_live, "%s/.tokens.%ld.gHiJkL", dir,
	    (long)getpid());
	fclose(fopen(tmp_dead, "w"));
	fclose(fopen(tmp_live, "w"));
	c = token_cache_open(dir, &err);
	ok(access(tmp_dead, F_OK) != 0, "the temporary file of a writer "
	    "that is gone is removed");
	ok(access(tmp_live, F_OK) == 0, "one of a live writer is kept");
	token_cache_free(c);
	unlink(tmp_live);

	unlink(path);
	rmdir(dir);
	snprintf(path, sizeof path, "%s/cache", base);
	rmdir(path);
	rmdir(base);
	return tap_done();
}
