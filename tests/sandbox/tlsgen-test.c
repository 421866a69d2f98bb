/*
 * The sandbox's TLS material: the server certificate verifies against the
 * CA it writes, for 127.0.0.1, ::1 and localhost and nothing else; keys
 * are mode 0600; a second start reuses the files; a broken set is remade.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "common/err.h"
#include "sandbox/sandbox.h"
#include "tap.h"
#include "tests/slurp.h"

static X509 *
read_cert(const char *path)
{
	FILE	*fp = fopen(path, "r");
	X509	*x;

	if (fp == NULL)
		return NULL;
	x = PEM_read_X509(fp, NULL, NULL, NULL);
	fclose(fp);
	return x;
}

/* Whether cert_file verifies against ca_file as a TLS server. */
static bool
verifies(const char *ca_file, const char *cert_file)
{
	X509		*ca = read_cert(ca_file), *cert = read_cert(cert_file);
	X509_STORE	*store = X509_STORE_new();
	X509_STORE_CTX	*ctx = X509_STORE_CTX_new();
	bool		 good = false;

	if (ca != NULL && cert != NULL && X509_STORE_add_cert(store, ca) == 1 &&
	    X509_STORE_CTX_init(ctx, store, cert, NULL) == 1) {
		X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
		good = X509_verify_cert(ctx) == 1;
	}
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	X509_free(ca);
	X509_free(cert);
	return good;
}

static long
mode_of(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 ? (long)(sb.st_mode & 0777) : -1;
}


int
main(void)
{
	char		 dir[] = "/tmp/sandbox-tlsgen-XXXXXX", sub[256];
	char		 ca[PATH_MAX], cert[PATH_MAX], key[PATH_MAX];
	char		 cakey[PATH_MAX + 16], *before, *after;
	struct err	 err;
	X509		*x;
	FILE		*fp;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(sub, sizeof sub, "%s/tls", dir);
	err_clear(&err);
	ok(tlsgen_ensure(sub, ca, cert, key, &err), "material is created");
	if (err.msg[0] != '\0')
		tap_diag("%s", err.msg);
	ok(verifies(ca, cert), "server certificate verifies against the CA");
	x = read_cert(cert);
	ok(x != NULL && X509_check_ip_asc(x, "127.0.0.1", 0) == 1,
	    "it covers IP 127.0.0.1");
	ok(x != NULL && X509_check_ip_asc(x, "::1", 0) == 1,
	    "it covers IP ::1");
	ok(x != NULL && X509_check_host(x, "localhost", 0, 0, NULL) == 1,
	    "it covers DNS localhost");
	ok(x != NULL && X509_check_ip_asc(x, "10.1.2.3", 0) != 1 &&
	    X509_check_host(x, "example.com", 0, 0, NULL) != 1,
	    "it covers nothing else");
	X509_free(x);
	snprintf(cakey, sizeof cakey, "%s/ca-key.pem", sub);
	is_int(mode_of(key), 0600, "server key is mode 0600");
	is_int(mode_of(cakey), 0600, "CA key is mode 0600");
	is_int(mode_of(sub), 0700, "the folder is mode 0700");

	before = test_slurp(cert);
	ok(tlsgen_ensure(sub, ca, cert, key, &err), "second start succeeds");
	after = test_slurp(cert);
	is_str(after, before, "second start reuses the certificate");
	free(after);

	/* A server key that no longer matches: everything is remade. */
	fp = fopen(key, "w");
	fputs("-----BEGIN PRIVATE KEY-----\nbroken\n", fp);
	fclose(fp);
	ok(tlsgen_ensure(sub, ca, cert, key, &err), "broken set is remade");
	after = test_slurp(cert);
	ok(strcmp(after, before) != 0, "with a new certificate");
	ok(verifies(ca, cert), "which verifies against the new CA");
	free(after);
	free(before);

	fp = fopen(cakey, "w");
	fclose(fp);
	ok(!tlsgen_ensure(cert, ca, cert, key, &err) && err.kind == ERR_IO,
	    "a file where the folder should be is an error");

	unlink(ca);
	unlink(cert);
	unlink(key);
	unlink(cakey);
	rmdir(sub);
	rmdir(dir);
	return tap_done();
}
