/*
 * Azure Blob Storage, the little akswiz needs to register a model or code
 * from local files (kubernetes-path.md E.3): upload one local file to a
 * block blob, look whether a blob is already there, and sign requests.
 *
 * A file of at most BLOB_SINGLE_MAX bytes goes in one Put Blob; a larger
 * one in blocks of BLOB_BLOCK_SIZE bytes (Put Block), then one Put Block
 * List.  Only one block is in memory at a time, whatever the file's size.
 * Block IDs are the same for the same file (index, file size, block
 * size), so an upload that was interrupted asks Get Block List for the
 * blocks already there, uncommitted, and sends only the others.
 *
 * Auth is a container SAS (startPendingUpload's, or a datastore's) or the
 * storage account's key (Shared Key, HMAC-SHA256 of the documented
 * string-to-sign).  The storage host is not Resource Manager: the Azure
 * token is never sent here (the requests carry no token source), and
 * neither the SAS nor the key reach the --debug log (http.c redacts sig=
 * and Authorization).  HTTP goes through azure/http.c.
 */
#ifndef AKSWIZ_AZURE_BLOB_H
#define AKSWIZ_AZURE_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

struct http_client;

/*
 * Put Blob up to 4 MiB (azure-storage-blob's block size); blocks of
 * 8 MiB above (a 200 MB model: 24 blocks; Azure allows 50,000 blocks of
 * up to 4000 MiB each).
 */
#define BLOB_SINGLE_MAX		(4u * 1024 * 1024)
#define BLOB_BLOCK_SIZE		(8u * 1024 * 1024)
/* The storage service version akswiz speaks (x-ms-version). */
#define BLOB_SERVICE_VERSION	"2023-11-03"

struct blob_auth {
	const char	*sas;		/* query without "?", or NULL */
	const char	*account;	/* Shared Key: the account ... */
	const char	*key;		/* ... and its base64 key, or NULL */
};

/* Progress of a transfer: bytes of the file sent or found there. */
struct blob_progress {
	void	(*fn)(void *arg, const char *what, uint64_t done,
		    uint64_t total);
	void	*arg;
};

/* What an upload did (for tests and the bench). */
struct blob_stats {
	unsigned	blocks_sent;	/* Put Block or Put Blob calls */
	unsigned	blocks_kept;	/* found uncommitted, not sent again */
	uint64_t	bytes_sent;
};

/*
 * The URL of an account's blob service: "https://HOST:PORT/ACCOUNT" when
 * endpoint (a datastore's, "core.windows.net" or "127.0.0.1:8443") is an
 * IP literal or localhost (the path style Azurite uses and
 * azure-storage-blob follows for such hosts), else
 * "https://ACCOUNT.blob.ENDPOINT".  protocol NULL: https.  Caller frees.
 */
char	*blob_account_url(const char *protocol, const char *account,
	    const char *endpoint);
/*
 * base/a/b with each path segment of name percent-encoded ("/" kept),
 * and the SAS's query (if any) left off.  Caller frees.
 */
char	*blob_join(const char *base, const char *name);

/*
 * The Shared Key string-to-sign of a request (learn.microsoft.com
 * rest/api/storageservices/authorize-with-shared-key, version 2015-02-21
 * and later): method, the standard headers (only Content-Length and
 * Content-Type are ever sent by akswiz; length 0 is ""), the x-ms-
 * headers ("name:value", any order, NULL-ended) lowercased and sorted,
 * and the canonicalized resource "/ACCOUNT/PATH" with the query's
 * parameters lowercased, sorted and decoded.  Caller frees.
 */
char	*blob_string_to_sign(const char *method, const char *url,
	    const char *account, uint64_t content_length,
	    const char *content_type, const char *const *ms_headers);
/* base64(HMAC-SHA256(base64-decoded key, s)); NULL if key is not base64. */
char	*blob_sign(const char *key, const char *s);

/*
 * Whether blob_url holds a blob of exactly size bytes (Get Blob
 * Properties): *there true if so.  0, or -1 with err.
 */
int	blob_exists(struct http_client *, const char *blob_url,
	    const struct blob_auth *, uint64_t size, bool *there,
	    struct err *);
/*
 * Upload the local file path to blob_url (no query).  0, or -1 with err
 * (a refused SAS or key says so, ERR_SERVICE with http_status 403).
 */
int	blob_upload_file(struct http_client *, const char *blob_url,
	    const struct blob_auth *, const char *path,
	    const struct blob_progress *, struct blob_stats *, struct err *);

#endif
