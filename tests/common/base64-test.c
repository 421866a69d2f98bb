/* base64url: RFC 4648 test vectors, padding, the standard alphabet refused. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/base64.h"
#include "tests/tap.h"

int
main(void)
{
	static const struct {
		const char	*plain, *encoded;
	} vectors[] = {		/* RFC 4648 section 10, url alphabet */
		{ "", "" }, { "f", "Zg" }, { "fo", "Zm8" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg" }, { "fooba", "Zm9vYmE" },
		{ "foobar", "Zm9vYmFy" },
		{ "\xfb\xff", "-_8" },		/* "+/8=" in standard base64 */
		{ "{\"alg\":\"RS256\"}", "eyJhbGciOiJSUzI1NiJ9" },
	};
	static const struct {
		const char	*text, *plain;
	} decodes[] = {
		{ "Zm8=", "fo" }, { "Zg==", "f" }, { "-_8=", "\xfb\xff" },
	};
	static const char *const bad[] = {
		"Z", "Zm9vY", "Zm 9v", "Zm9v\n", "Zm9v.", "Zm*v", "é", "+/8",
		"a+b/",
	};
	size_t		 i, n;
	char		*e;
	unsigned char	*d;

	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		size_t	len = strlen(vectors[i].plain);

		e = base64url_encode(vectors[i].plain, len);
		is_str(e, vectors[i].encoded, "encode \"%s\"", vectors[i].encoded);
		free(e);
		d = base64url_decode(vectors[i].encoded,
		    strlen(vectors[i].encoded), &n);
		ok(d != NULL && n == len && memcmp(d, vectors[i].plain, n) == 0
		    && d[n] == '\0', "decode \"%s\"", vectors[i].encoded);
		free(d);
	}
	for (i = 0; i < sizeof decodes / sizeof decodes[0]; i++) {
		d = base64url_decode(decodes[i].text, strlen(decodes[i].text),
		    NULL);
		is_str((char *)d, decodes[i].plain, "padded decode \"%s\"",
		    decodes[i].text);
		free(d);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		d = base64url_decode(bad[i], strlen(bad[i]), &n);
		ok(d == NULL, "refuse \"%s\"", bad[i]);
		free(d);
	}
	/* All 256 byte values survive a round trip. */
	{
		unsigned char	all[256];

		for (i = 0; i < 256; i++)
			all[i] = (unsigned char)i;
		e = base64url_encode(all, sizeof all);
		d = base64url_decode(e, strlen(e), &n);
		ok(d != NULL && n == 256 && memcmp(d, all, 256) == 0 &&
		    strpbrk(e, "+/=") == NULL, "256 bytes round trip");
		free(e);
		free(d);
	}
	return tap_done();
}
