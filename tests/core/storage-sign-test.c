/*
 * core/storage-sign.c: the Shared Key string-to-sign, table-driven.  The
 * first two rows are learn.microsoft.com's, "Authorize with Shared Key":
 * Get Container Metadata (x-ms-date Sun, 11 Oct 2009 21:49:13 GMT,
 * version 2009-09-19, an IP-style URL: the account twice) and the
 * canonicalized resource of a parameter of several values.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/storage-sign.h"
#include "tests/tap.h"

struct row {
	const char	*name, *method;
	const char	*std[STORAGE_STD_HEADERS];
	const char	*headers[6];
	const char	*account, *path, *query;
	const char	*want;
};

static const struct row rows[] = {
	{ "documented example: Get Container Metadata", "GET", { NULL },
	  { "x-ms-version: 2009-09-19",
	    "x-ms-date: Sun, 11 Oct 2009 21:49:13 GMT", NULL },
	  "myaccount", "/myaccount/mycontainer",
	  "restype=container&comp=metadata&timeout=20",
	  "GET\n\n\n\n\n\n\n\n\n\n\n\n"
	  "x-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-version:2009-09-19\n"
	  "/myaccount/myaccount/mycontainer\ncomp:metadata\n"
	  "restype:container\ntimeout:20" },
	{ "documented: several values of one parameter, sorted, joined",
	  "GET", { NULL }, { "x-ms-date: d", NULL },
	  "myaccount", "/mycontainer", "restype=container&comp=list&"
	  "include=snapshots&include=metadata&include=uncommittedblobs",
	  "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:d\n"
	  "/myaccount/mycontainer\ncomp:list\n"
	  "include:metadata,snapshots,uncommittedblobs\nrestype:container" },
	{ "the eleven standard headers in their order", "PUT",
	  { "gzip", "en", "11", "MD5==", "text/plain", "date", "ims",
	    "\"m\"", "\"n\"", "ius", "bytes=0-1" },
	  { "x-ms-date: d", NULL }, "a", "/c/b", NULL,
	  "PUT\ngzip\nen\n11\nMD5==\ntext/plain\ndate\nims\n\"m\"\n\"n\"\n"
	  "ius\nbytes=0-1\nx-ms-date:d\n/a/c/b" },
	{ "Content-Length 0: empty (2015-02-21 on)", "PUT",
	  { NULL, NULL, "0" }, { NULL }, "a", "/c/b", NULL,
	  "PUT\n\n\n\n\n\n\n\n\n\n\n\n/a/c/b" },
	{ "x-ms- headers only, names lowercased, white space folded",
	  "GET", { NULL },
	  { "X-MS-Meta-Name :  a   b\t c  ", "Authorization: SharedKey x",
	    "Content-Type: y", "x-ms-version:2023-11-03", NULL },
	  "a", "/c/b", NULL,
	  "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-meta-name:a b c\n"
	  "x-ms-version:2023-11-03\n/a/c/b" },
	{ "Put Block: the query decoded, names lowercased", "PUT",
	  { NULL, NULL, "8388608", NULL, "application/octet-stream" },
	  { "x-ms-date: d", NULL }, "acct", "/c/LocalUpload/h/model.pkl",
	  "Comp=block&blockid=YWJj%3D",
	  "PUT\n\n\n8388608\n\napplication/octet-stream\n\n\n\n\n\n\n"
	  "x-ms-date:d\n/acct/c/LocalUpload/h/model.pkl\nblockid:YWJj=\n"
	  "comp:block" },
	{ "the path as sent, percent-encoded", "GET", { NULL }, { NULL },
	  "a", "/c/a%20b%2Bc", "", "GET\n\n\n\n\n\n\n\n\n\n\n\n/a/c/a%20b%2Bc" },
	{ "no path: the account's root", "GET", { NULL }, { NULL },
	  "a", "", "comp=list", "GET\n\n\n\n\n\n\n\n\n\n\n\n/a/\ncomp:list" },
};

int
main(void)
{
	struct storage_sign_in	 in;
	size_t			 i, k;
	char			*s;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];

		memset(&in, 0, sizeof in);
		in.method = r->method;
		for (k = 0; k < STORAGE_STD_HEADERS; k++)
			in.std[k] = r->std[k];
		in.headers = r->headers;
		in.account = r->account;
		in.path = r->path;
		in.query = r->query;
		s = storage_string_to_sign(&in);
		is_str(s, r->want, "%s", r->name);
		free(s);
	}
	is_str(storage_std_headers[2], "Content-Length",
	    "the third standard header: Content-Length");
	return tap_done();
}
