/*
 * JWT client assertions: RS256 against a golden token made independently
 * with openssl(1) from the same key and claims (certs/sp-rs256.golden);
 * PS256 verified with the certificate's public key (it is randomised).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/objects.h>

#include "azure/cert.h"
#include "common/base64.h"
#include "azure/jwt.h"
#include "tests/tap.h"
#include "tests/slurp.h"


/* Verify a PS256 JWS with the public key of the certificate at path. */
static bool
verify_ps256(const char *jws, const char *path)
{
	const char	*dot2 = strrchr(jws, '.');
	char		*sig;
	size_t		 siglen;
	FILE		*fp = fopen(path, "r");
	X509		*x = fp != NULL ? PEM_read_X509(fp, NULL, NULL, NULL) : NULL;
	EVP_PKEY	*pub = x != NULL ? X509_get_pubkey(x) : NULL;
	EVP_MD_CTX	*ctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX	*pctx = NULL;
	bool		 ok = false;

	if (fp != NULL)
		fclose(fp);
	sig = (char *)base64url_decode(dot2 + 1, strlen(dot2 + 1), &siglen);
	if (pub != NULL && sig != NULL &&
	    EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), NULL, pub) == 1 &&
	    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
	    EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) == 1 &&
	    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) == 1)
		ok = EVP_DigestVerify(ctx, (unsigned char *)sig, siglen,
		    (const unsigned char *)jws, (size_t)(dot2 - jws)) == 1;
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pub);
	X509_free(x);
	free(sig);
	return ok;
}

int
main(void)
{
	const char	*srcdir = getenv("top_srcdir");
	char		 path[1024], gpath[1024];
	char		*golden, *jws, *claims, *hdr, *dot;
	struct cert_key	*ck;
	struct err	 err;
	size_t		 n;

	snprintf(path, sizeof path, "%s/tests/azure/certs/sp.pem",
	    srcdir != NULL ? srcdir : ".");
	snprintf(gpath, sizeof gpath, "%s/tests/azure/certs/sp-rs256.golden",
	    srcdir != NULL ? srcdir : ".");
	ck = cert_key_load(path, NULL, &err);
	if (!ok(ck != NULL, "load certificate and key from one PEM"))
		tap_diag("%s", err.msg);
	if (ck == NULL)
		return tap_done();

	golden = test_slurp(gpath);
	if (golden != NULL)
		golden[strcspn(golden, "\n")] = '\0';
	jws = jwt_client_assertion(ck, JWT_RS256, "client1",
	    "https://login.example/tenant1/oauth2/v2.0/token", 1900000000,
	    "00000000-0000-4000-8000-000000000001", &err);
	ok(jws != NULL && golden != NULL, "RS256 assertion made");
	is_str(jws, golden, "RS256 assertion equals the openssl(1) golden");
	free(jws);

	jws = jwt_client_assertion(ck, JWT_PS256, "client1",
	    "https://login.example/t/oauth2/v2.0/token", 1900000000, NULL,
	    &err);
	ok(jws != NULL, "PS256 assertion made");
	dot = strchr(jws, '.');
	hdr = (char *)base64url_decode(jws, (size_t)(dot - jws), &n);
	ok(strstr(hdr, "\"alg\":\"PS256\"") != NULL &&
	    strstr(hdr, "\"x5t#S256\":\"") != NULL, "PS256 header names "
	    "x5t#S256: %s", hdr);
	ok(verify_ps256(jws, path), "PS256 signature verifies (MGF1-SHA256, "
	    "salt 32)");
	claims = jwt_claims(jws);
	ok(claims != NULL && strstr(claims, "\"jti\":\"") != NULL &&
	    strstr(claims, "\"exp\":1900000600") != NULL &&
	    strstr(claims, "\"aud\":\"https://login.example/t/oauth2/v2.0/"
	    "token\"") != NULL, "claims: aud, random jti, exp = now + 600");
	jws[strlen(jws) - 3] ^= 1;
	ok(!verify_ps256(jws, path), "a changed signature does not verify");
	free(hdr);
	free(claims);
	free(jws);
	free(golden);
	cert_key_free(ck);

	/* x5c: the certificate itself, standard base64 DER */
	ck = cert_key_load(path, NULL, &err);
	jws = jwt_client_assertion_x5c(ck, JWT_RS256, "c", "https://a/t",
	    1900000000, NULL, true, &err);
	dot = strchr(jws, '.');
	hdr = (char *)base64url_decode(jws, (size_t)(dot - jws), &n);
	{
		char		*p = strstr(hdr, "\"x5c\":[\""), *q;
		unsigned char	 der[4096];
		const unsigned char *dp = der;
		int		 dn = -1;
		X509		*x = NULL;
		char		 cn[64] = "";

		if (p != NULL && (q = strchr(p + 8, '"')) != NULL) {
			*q = '\0';
			dn = EVP_DecodeBlock(der, (unsigned char *)p + 8,
			    (int)strlen(p + 8));
		}
		if (dn > 0)
			x = d2i_X509(NULL, &dp, dn);
		if (x != NULL)
			X509_NAME_get_text_by_NID(X509_get_subject_name(x),
			    NID_commonName, cn, sizeof cn);
		is_str(cn, "akswiz-test-sp", "x5c carries the certificate");
		X509_free(x);
	}
	free(hdr);
	free(jws);
	cert_key_free(ck);

	jws = base64url_encode("\xfb\xff", 2);
	is_str(jws, "-_8", "base64url alphabet, no padding");
	free(jws);
	ok(jwt_claims("nodots") == NULL, "malformed token has no claims");
	ok(cert_key_load("/nonexistent.pem", NULL, &err) == NULL &&
	    err.kind == ERR_IO, "missing file: I/O error");
	return tap_done();
}
