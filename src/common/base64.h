/*
 * base64url (RFC 4648 section 5) without padding, as JWTs use it, on top of
 * OpenSSL's base64.  Decoding accepts padding and nothing outside the url
 * alphabet (a "+" or "/" is standard base64, not base64url).
 */
#ifndef AKSWIZ_COMMON_BASE64_H
#define AKSWIZ_COMMON_BASE64_H

#include <stddef.h>

/* Encode len bytes; the result is yours to free. */
char		*base64url_encode(const void *data, size_t len);
/*
 * Decode len characters into a NUL-terminated copy (the NUL is not counted
 * in *outlen, which may be NULL); NULL if the text is not base64url.
 */
unsigned char	*base64url_decode(const char *s, size_t len, size_t *outlen);

#endif
