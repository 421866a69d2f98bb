/*
 * TLS material for akswiz-sandbox: a private CA and a server certificate
 * for IP 127.0.0.1, IP ::1 and DNS localhost signed by it, in a folder:
 *
 *	ca.pem		the CA certificate (give it to clients: --ca-file)
 *	ca-key.pem	its key (mode 0600)
 *	server.pem	the server certificate
 *	server-key.pem	its key (mode 0600)
 *
 * Files already there are reused when they still fit together: the server
 * certificate verifies against the CA for 127.0.0.1, matches its key and
 * is valid for at least another day.  Otherwise all four are made again,
 * so a client that trusted the old CA learns it must re-read ca.pem.
 * Keys are EC P-256: quick to make on every fresh start, and what GnuTLS
 * (libmicrohttpd) and libcurl both speak.
 */
#include "config.h"
#include "sandbox/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "common/atomicfile.h"
#include "common/err.h"
#include "common/i18n.h"

#define TLSGEN_CA_DAYS		3650
#define TLSGEN_SERVER_DAYS	397
#define TLSGEN_MIN_LEFT		86400	/* remake with less than a day left */

/* Read one certificate from a PEM file, or NULL. */
static X509 *
tlsgen_read_cert(const char *path)
{
	FILE	*fp;
	X509	*x;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	x = PEM_read_X509(fp, NULL, NULL, NULL);
	fclose(fp);
	return x;
}

/* Read a private key from a PEM file, or NULL. */
static EVP_PKEY *
tlsgen_read_key(const char *path)
{
	FILE		*fp;
	EVP_PKEY	*k;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	k = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
	fclose(fp);
	return k;
}

/* Whether the files in place form a usable set. */
static bool
tlsgen_usable(const char *ca_file, const char *cert_file,
    const char *key_file)
{
	X509		*ca, *cert;
	EVP_PKEY	*key;
	X509_STORE	*store = NULL;
	X509_STORE_CTX	*ctx = NULL;
	time_t		 soon = time(NULL) + TLSGEN_MIN_LEFT;
	bool		 good = false;

	ca = tlsgen_read_cert(ca_file);
	cert = tlsgen_read_cert(cert_file);
	key = tlsgen_read_key(key_file);
	if (ca == NULL || cert == NULL || key == NULL)
		goto out;
	if (X509_check_private_key(cert, key) != 1 ||
	    X509_cmp_time(X509_get0_notAfter(cert), &soon) <= 0 ||
	    X509_cmp_time(X509_get0_notAfter(ca), &soon) <= 0 ||
	    X509_check_ip_asc(cert, "127.0.0.1", 0) != 1 ||
	    X509_check_host(cert, "localhost", 0, 0, NULL) != 1)
		goto out;
	if ((store = X509_STORE_new()) == NULL ||
	    (ctx = X509_STORE_CTX_new()) == NULL ||
	    X509_STORE_add_cert(store, ca) != 1 ||
	    X509_STORE_CTX_init(ctx, store, cert, NULL) != 1)
		goto out;
	good = X509_verify_cert(ctx) == 1;
out:
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	X509_free(ca);
	X509_free(cert);
	EVP_PKEY_free(key);
	return good;
}

/* Add one v3 extension given in openssl.cnf syntax. */
static bool
tlsgen_ext(X509 *cert, X509 *issuer, int nid, const char *value)
{
	X509V3_CTX	 v3;
	X509_EXTENSION	*ext;
	bool		 good;

	X509V3_set_ctx_nodb(&v3);
	X509V3_set_ctx(&v3, issuer, cert, NULL, NULL, 0);
	if ((ext = X509V3_EXT_conf_nid(NULL, &v3, nid, value)) == NULL)
		return false;
	good = X509_add_ext(cert, ext, -1) == 1;
	X509_EXTENSION_free(ext);
	return good;
}

/*
 * Make a certificate for key named cn, signed by issuer_key (issuer NULL:
 * self-signed), as a CA or as a server for the loopback names.
 */
static X509 *
tlsgen_make(EVP_PKEY *key, const char *cn, X509 *issuer,
    EVP_PKEY *issuer_key, bool ca, long days)
{
	X509		*x;
	X509_NAME	*name;
	BIGNUM		*serial;
	bool		 good;

	if ((x = X509_new()) == NULL)
		return NULL;
	serial = BN_new();
	good = serial != NULL && BN_rand(serial, 120, BN_RAND_TOP_ANY,
	    BN_RAND_BOTTOM_ANY) == 1 &&
	    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x)) != NULL;
	BN_free(serial);
	good = good && X509_set_version(x, 2) == 1 &&
	    X509_gmtime_adj(X509_getm_notBefore(x), -300) != NULL &&
	    X509_gmtime_adj(X509_getm_notAfter(x), days * 86400L) != NULL &&
	    X509_set_pubkey(x, key) == 1;
	name = X509_get_subject_name(x);
	good = good && X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
	    (const unsigned char *)"akswiz-sandbox", -1, -1, 0) == 1 &&
	    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	    (const unsigned char *)cn, -1, -1, 0) == 1 &&
	    X509_set_issuer_name(x, issuer != NULL ?
	    X509_get_subject_name(issuer) : name) == 1;
	if (issuer == NULL)
		issuer = x;
	if (ca)
		good = good &&
		    tlsgen_ext(x, issuer, NID_basic_constraints,
		    "critical,CA:TRUE,pathlen:0") &&
		    tlsgen_ext(x, issuer, NID_key_usage,
		    "critical,keyCertSign,cRLSign") &&
		    tlsgen_ext(x, issuer, NID_subject_key_identifier, "hash");
	else
		good = good &&
		    tlsgen_ext(x, issuer, NID_basic_constraints,
		    "critical,CA:FALSE") &&
		    tlsgen_ext(x, issuer, NID_key_usage,
		    "critical,digitalSignature,keyEncipherment") &&
		    tlsgen_ext(x, issuer, NID_ext_key_usage, "serverAuth") &&
		    tlsgen_ext(x, issuer, NID_subject_alt_name,
		    "IP:127.0.0.1,IP:::1,DNS:localhost") &&
		    tlsgen_ext(x, issuer, NID_subject_key_identifier, "hash") &&
		    tlsgen_ext(x, issuer, NID_authority_key_identifier,
		    "keyid:always");
	good = good && X509_sign(x, issuer_key, EVP_sha256()) > 0;
	if (!good) {
		X509_free(x);
		return NULL;
	}
	return x;
}

/* Write a PEM file atomically (common/atomicfile), mode 0600 for keys. */
static bool
tlsgen_write(const char *path, X509 *cert, EVP_PKEY *key, struct err *err)
{
	BIO	*mem;
	char	*data;
	long	 len;
	int	 ok;
	bool	 written = false;

	if ((mem = BIO_new(BIO_s_mem())) == NULL)
		return err_set(err, ERR_IO, _("cannot write %s"), path);
	if (key != NULL)
		ok = PEM_write_bio_PrivateKey(mem, key, NULL, NULL, 0, NULL,
		    NULL);
	else
		ok = PEM_write_bio_X509(mem, cert);
	len = BIO_get_mem_data(mem, &data);
	if (ok != 1 || len <= 0)
		err_set(err, ERR_IO, _("cannot write %s"), path);
	else
		written = atomicfile_write(path, data, (size_t)len,
		    key != NULL ? 0600 : 0644, err);
	/* the key's text goes no further than the file */
	if (len > 0)
		OPENSSL_cleanse(data, (size_t)len);
	BIO_free(mem);
	return written;
}

/* Make the CA, the server certificate and their keys in dir. */
static bool
tlsgen_create(const char *dir, const char *ca_file, const char *cert_file,
    const char *key_file, struct err *err)
{
	EVP_PKEY	*ca_key, *key;
	X509		*ca = NULL, *cert = NULL;
	char		 ca_key_file[PATH_MAX];
	bool		 good = false;

	ca_key = EVP_EC_gen("P-256");
	key = EVP_EC_gen("P-256");
	if (ca_key == NULL || key == NULL) {
		err_set(err, ERR_TLS, _("cannot generate a key"));
		goto out;
	}
	ca = tlsgen_make(ca_key, "akswiz-sandbox local CA", NULL, ca_key,
	    true, TLSGEN_CA_DAYS);
	if (ca != NULL)
		cert = tlsgen_make(key, "localhost", ca, ca_key, false,
		    TLSGEN_SERVER_DAYS);
	if (cert == NULL) {
		err_set(err, ERR_TLS, _("cannot make a certificate"));
		goto out;
	}
	snprintf(ca_key_file, sizeof ca_key_file, "%s/ca-key.pem", dir);
	good = tlsgen_write(ca_key_file, NULL, ca_key, err) &&
	    tlsgen_write(key_file, NULL, key, err) &&
	    tlsgen_write(cert_file, cert, NULL, err) &&
	    tlsgen_write(ca_file, ca, NULL, err);
out:
	X509_free(ca);
	X509_free(cert);
	EVP_PKEY_free(ca_key);
	EVP_PKEY_free(key);
	return good;
}

/* Ensure dir holds a usable CA and server certificate; give their paths. */
bool
tlsgen_ensure(const char *dir, char *ca_file, char *cert_file,
    char *key_file, struct err *err)
{
	struct stat	sb;

	if (stat(dir, &sb) != 0) {
		if (mkdir(dir, 0700) != 0)
			return err_set(err, ERR_IO,
			    _("cannot create %s: %s"), dir, strerror(errno));
	} else if (!S_ISDIR(sb.st_mode))
		return err_set(err, ERR_IO, _("%s is not a folder"), dir);
	if (snprintf(ca_file, PATH_MAX, "%s/ca.pem", dir) >= PATH_MAX ||
	    snprintf(cert_file, PATH_MAX, "%s/server.pem", dir) >= PATH_MAX ||
	    snprintf(key_file, PATH_MAX, "%s/server-key.pem", dir) >= PATH_MAX)
		return err_set(err, ERR_IO, _("path too long: %s"), dir);
	if (tlsgen_usable(ca_file, cert_file, key_file))
		return true;
	return tlsgen_create(dir, ca_file, cert_file, key_file, err);
}
