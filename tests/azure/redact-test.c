/* The --debug redaction: every secret shape, and what must stay. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "azure/debuglog.h"
#include "tests/tap.h"

struct row {
	const char	*name, *in, *want;
};

static const struct row rows[] = {
	{ "Authorization header", "Authorization: Bearer abc.def",
	  "Authorization: [REDACTED]" },
	{ "header name case", "authorization: Bearer x\nAccept: json",
	  "authorization: [REDACTED]\nAccept: json" },
	{ "identity header", "X-IDENTITY-HEADER: s3cr3t",
	  "X-IDENTITY-HEADER: [REDACTED]" },
	{ "form secret", "grant_type=client_credentials&client_id=c&"
	  "client_secret=hunter2&scope=x",
	  "grant_type=client_credentials&client_id=c&"
	  "client_secret=[REDACTED]&scope=x" },
	{ "form assertion and refresh token", "client_assertion=aaa.bbb.ccc&"
	  "refresh_token=0.AQE", "client_assertion=[REDACTED]&"
	  "refresh_token=[REDACTED]" },
	{ "device code", "grant_type=x&device_code=GMMh&client_id=c",
	  "grant_type=x&device_code=[REDACTED]&client_id=c" },
	{ "JSON tokens", "{\"token_type\":\"Bearer\",\"access_token\": "
	  "\"tok\\\"en\",\"refresh_token\":\"r\"}",
	  "{\"token_type\":\"Bearer\",\"access_token\": \"[REDACTED]\","
	  "\"refresh_token\":\"[REDACTED]\"}" },
	{ "ssl key and cert members", "{\"cname\":\"www\",\"cert\":\"abc\","
	  "\"key\":\"def\"}", "{\"cname\":\"www\",\"cert\":\"[REDACTED]\","
	  "\"key\":\"[REDACTED]\"}" },
	{ "PEM block anywhere", "x -----BEGIN PRIVATE KEY-----\nMIIE\n"
	  "-----END PRIVATE KEY----- y", "x [REDACTED PEM] y" },
	{ "PEM cut off", "a-----BEGIN CERTIFICATE-----\nMIIB",
	  "a[REDACTED PEM]" },
	{ "bare JWT", "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln end",
	  "token [REDACTED] end" },
	{ "nothing secret kept", "GET https://x/subscriptions/1?api-version=2"
	  " {\"keyVault\":\"kv\",\"name\":\"n\"}",
	  "GET https://x/subscriptions/1?api-version=2"
	  " {\"keyVault\":\"kv\",\"name\":\"n\"}" },
	{ "signed operation URL", "https://x/op?api-version=1&sig=abc&t=1",
	  "https://x/op?api-version=1&sig=[REDACTED]&t=1" },
	{ "signed ML operation URL (t, c, s, h)", "https://x/computeOperations"
	  "Status/1?api-version=2&service=new&t=638&c=MIIH&s=Zm9v&h=abc",
	  "https://x/computeOperationsStatus/1?api-version=2&service=new&t=638"
	  "&c=MIIH&s=[REDACTED]&h=abc" },
	{ "kubeconfig", "{\"userKubeConfig\":\"apiVersion: v1\"}",
	  "{\"userKubeConfig\":\"[REDACTED]\"}" },
};

int
main(void)
{
	size_t	i;
	char	*r;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		r = debuglog_redact(rows[i].in, strlen(rows[i].in));
		is_str(r, rows[i].want, "%s", rows[i].name);
		free(r);
	}
	r = debuglog_redact("abc", 0);
	is_str(r, "", "empty input");
	free(r);
	return tap_done();
}
