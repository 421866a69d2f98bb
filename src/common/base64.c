/* base64url on OpenSSL's EVP_EncodeBlock / EVP_DecodeBlock (see base64.h). */
#include "config.h"
#include "common/base64.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "common/xalloc.h"

char *
base64url_encode(const void *data, size_t len)
{
	char	*out, *p;
	int	 n;

	if (len > (size_t)INT_MAX / 4 * 3 - 3)
		abort();	/* no caller encodes anything near this */
	out = xmalloc(4 * ((len + 2) / 3) + 1);
	n = EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	out[n] = '\0';
	for (p = out; *p != '\0'; p++) {
		if (*p == '+')
			*p = '-';
		else if (*p == '/')
			*p = '_';
		else if (*p == '=') {
			*p = '\0';
			break;
		}
	}
	return out;
}

unsigned char *
base64url_decode(const char *s, size_t len, size_t *outlen)
{
	unsigned char	*out;
	char		*std;
	size_t		 i, pad;
	int		 n;

	while (len > 0 && s[len - 1] == '=')
		len--;
	if (len % 4 == 1 || len > (size_t)INT_MAX / 2)
		return NULL;
	/* The standard alphabet, padded, as EVP_DecodeBlock wants it. */
	pad = (4 - len % 4) % 4;
	std = xmalloc(len + pad + 1);
	for (i = 0; i < len; i++) {
		char	c = s[i];

		if (c == '-')
			c = '+';
		else if (c == '_')
			c = '/';
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9'))) {
			free(std);
			return NULL;
		}
		std[i] = c;
	}
	memset(std + len, '=', pad);
	std[len + pad] = '\0';
	out = xmalloc((len + pad) / 4 * 3 + 1);
	n = EVP_DecodeBlock(out, (unsigned char *)std, (int)(len + pad));
	free(std);
	if (n < 0 || (size_t)n < pad) {
		free(out);
		return NULL;
	}
	n -= (int)pad;		/* EVP_DecodeBlock counts the padding's zeros */
	out[n] = '\0';
	if (outlen != NULL)
		*outlen = (size_t)n;
	return out;
}
