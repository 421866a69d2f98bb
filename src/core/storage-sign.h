/*
 * Azure Storage's Shared Key string-to-sign (learn.microsoft.com,
 * "Authorize with Shared Key", version 2009-09-19 and later): the verb,
 * eleven standard headers (Content-Length empty when zero), the
 * canonicalized x-ms- headers, the canonicalized resource.  Built once
 * here for the client (azure/blob.c, which signs) and the sandbox
 * (sandbox/blob.c, which checks); the HMAC stays where OpenSSL is.
 */
#ifndef AKSWIZ_CORE_STORAGE_SIGN_H
#define AKSWIZ_CORE_STORAGE_SIGN_H

#include <stddef.h>

#define STORAGE_STD_HEADERS	11

/* The standard headers of the string, in its order. */
extern const char *const storage_std_headers[STORAGE_STD_HEADERS];

struct storage_sign_in {
	const char	*method;
	/* Values of storage_std_headers[i]; NULL: not sent. */
	const char	*std[STORAGE_STD_HEADERS];
	/* "Name: value" lines, NULL-ended; those not x-ms- are left out. */
	const char	*const *headers;
	const char	*account;
	/* The URL's path as sent (percent-encoded; "" is "/") and its raw
	 * query without the '?' (or NULL). */
	const char	*path;
	const char	*query;
};

/* The string-to-sign, a new string. */
char	*storage_string_to_sign(const struct storage_sign_in *);

#endif
