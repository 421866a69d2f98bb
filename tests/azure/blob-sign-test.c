/*
 * Shared Key for Blob storage (azure/blob.c): the string-to-sign of the
 * documented example (learn.microsoft.com, "Authorize with Shared Key":
 * Get Container Metadata, x-ms-date Sun, 11 Oct 2009 21:49:13 GMT,
 * version 2009-09-19, canonicalized resource
 * "/myaccount/myaccount/mycontainer\ncomp:metadata\nrestype:container\n
 * timeout:20"), the documented rules for a parameter of several values
 * and for Content-Length, the HMAC-SHA256 of it, and the blob URLs of a
 * datastore's endpoint (IP-style for an IP literal or localhost).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "azure/blob.h"
#include "tests/tap.h"

struct row {
	const char	*name, *method, *url, *account;
	unsigned long long len;
	const char	*type;
	const char	*headers[4];
	const char	*want;
};

static const struct row rows[] = {
	{ "documented example (path-style URL)", "GET",
	  "http://127.0.0.1:10000/myaccount/mycontainer?restype=container&"
	  "comp=metadata&timeout=20", "myaccount", 0, NULL,
	  { "x-ms-version: 2009-09-19",
	    "x-ms-date: Sun, 11 Oct 2009 21:49:13 GMT", NULL },
	  "GET\n\n\n\n\n\n\n\n\n\n\n\n"
	  "x-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-version:2009-09-19\n"
	  "/myaccount/myaccount/mycontainer\ncomp:metadata\n"
	  "restype:container\ntimeout:20" },
	{ "several values of one parameter, sorted and joined", "GET",
	  "https://myaccount.blob.core.windows.net/mycontainer?restype="
	  "container&comp=list&include=snapshots&include=metadata&include="
	  "uncommittedblobs", "myaccount", 0, NULL,
	  { "X-MS-Date: d", NULL },
	  "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:d\n"
	  "/myaccount/mycontainer\ncomp:list\n"
	  "include:metadata,snapshots,uncommittedblobs\nrestype:container" },
	{ "Put Block: length, type, the block id decoded", "PUT",
	  "https://acct.blob.core.windows.net/c/LocalUpload/h/model.pkl?"
	  "comp=block&blockid=YWJj%3D", "acct", 11,
	  "application/octet-stream",
	  { "x-ms-version: 2023-11-03", "x-ms-date: d",
	    "x-ms-client-request-id: r", NULL },
	  "PUT\n\n\n11\n\napplication/octet-stream\n\n\n\n\n\n\n"
	  "x-ms-client-request-id:r\nx-ms-date:d\nx-ms-version:2023-11-03\n"
	  "/acct/c/LocalUpload/h/model.pkl\nblockid:YWJj=\ncomp:block" },
};

int
main(void)
{
	size_t	i;
	char	*s, *sig;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];

		s = blob_string_to_sign(r->method, r->url, r->account, r->len,
		    r->type, r->headers);
		is_str(s, r->want, "%s", r->name);
		free(s);
	}
	/* HMAC-SHA256 of the documented example's string, two keys */
	s = blob_string_to_sign(rows[0].method, rows[0].url, "myaccount", 0,
	    NULL, rows[0].headers);
	sig = blob_sign("YWtzd2l6LXRlc3QtYWNjb3VudC1rZXktMDEyMzQ1Ng==", s);
	is_str(sig, "W2JSPN2jKdnRgcdS6tkU6CLW0fi6bOYLRv1ZTxEwR2c=",
	    "signature, a key with padding");
	free(sig);
	sig = blob_sign("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UV"
	    "ErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", s);
	is_str(sig, "Su5rvibNeMxB7A4I87rOtEgCDtdICsL8v5H+yJs0W+M=",
	    "signature, the emulator's well-known key");
	free(sig);
	ok(blob_sign("not base64!", s) == NULL, "a key that is not base64");
	free(s);

	s = blob_account_url(NULL, "acct", "core.windows.net");
	is_str(s, "https://acct.blob.core.windows.net", "a DNS endpoint");
	free(s);
	s = blob_account_url("https", "acct", "127.0.0.1:8443");
	is_str(s, "https://127.0.0.1:8443/acct", "an IPv4 endpoint: IP-style");
	free(s);
	s = blob_account_url("https", "acct", "localhost:8443");
	is_str(s, "https://localhost:8443/acct", "localhost: IP-style");
	free(s);
	s = blob_account_url("https", "acct", "[::1]:8443");
	is_str(s, "https://[::1]:8443/acct", "an IPv6 endpoint: IP-style");
	free(s);
	s = blob_account_url("https", "acct", "127.example.com");
	is_str(s, "https://acct.blob.127.example.com",
	    "a name that starts with digits is not an IP");
	free(s);
	s = blob_join("https://h/acct/cont?sv=1&sig=x", "LocalUpload/ab/m y.pkl");
	is_str(s, "https://h/acct/cont/LocalUpload/ab/m%20y.pkl",
	    "a blob under a SAS container URL, the query left off");
	free(s);
	return tap_done();
}
