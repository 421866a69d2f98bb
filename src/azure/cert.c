/*
 * PEM certificate and key handling with OpenSSL (see cert.h).  Host name
 * coverage is OpenSSL's X509_check_host() with partial wildcards refused,
 * which is what browsers and curl accept: "*.contoso.com" covers
 * "www.contoso.com" but neither "contoso.com" nor "a.b.contoso.com", and
 * the common name counts only when there is no DNS subject alt name.
 */
#include "config.h"
#include "azure/cert.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan.h"

struct cert_key {
	X509		*cert;
	EVP_PKEY	*key;
};

/* Read a whole (small) file; NULL with errno set. */
static char *
read_small_file(const char *path, size_t *lenp)
{
	FILE		*fp;
	struct buf	 b;
	char		 chunk[4096];
	size_t		 n;
	int		 saved;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	buf_init(&b, 4 * 1024 * 1024);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (!buf_add(&b, chunk, n)) {
			OPENSSL_cleanse(b.data, b.len);
			buf_done(&b);
			fclose(fp);
			errno = EFBIG;
			return NULL;
		}
	if (ferror(fp)) {
		saved = errno;
		OPENSSL_cleanse(b.data, b.len);
		buf_done(&b);
		fclose(fp);
		errno = saved;
		return NULL;
	}
	fclose(fp);
	*lenp = b.len;
	buf_add(&b, "", 0);
	return buf_take(&b);
}

/* A pass phrase callback that records it was asked and gives nothing. */
static int
no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf; (void)size; (void)rwflag;
	*(bool *)u = true;
	return -1;
}

enum key_result { KEY_OK, KEY_NONE, KEY_IS_ENCRYPTED };

/* The private key in PEM text; without pass, pass phrases are refused. */
static enum key_result
parse_key(const char *text, size_t len, const char *pass, EVP_PKEY **out)
{
	BIO		*bio;
	bool		 asked = false;

	*out = NULL;
	if (pass == NULL && (strstr(text,
	    "-----BEGIN ENCRYPTED PRIVATE KEY-----") != NULL ||
	    strstr(text, "Proc-Type: 4,ENCRYPTED") != NULL))
		return KEY_IS_ENCRYPTED;
	bio = BIO_new_mem_buf(text, (int)len);
	if (pass != NULL)	/* OpenSSL's default callback uses u as is */
		*out = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)pass);
	else
		*out = PEM_read_bio_PrivateKey(bio, NULL, no_passphrase,
		    &asked);
	BIO_free(bio);
	ERR_clear_error();
	if (*out == NULL)
		return asked ? KEY_IS_ENCRYPTED : KEY_NONE;
	return KEY_OK;
}

/* The first certificate in PEM text, or NULL. */
static X509 *
parse_cert(const char *text, size_t len)
{
	BIO	*bio = BIO_new_mem_buf(text, (int)len);
	X509	*x = PEM_read_bio_X509(bio, NULL, NULL, NULL);

	BIO_free(bio);
	ERR_clear_error();
	return x;
}

/* Free and wipe file text. */
static void
text_free(char *text, size_t len)
{
	if (text != NULL) {
		OPENSSL_cleanse(text, len);
		free(text);
	}
}

struct cert_key *
cert_key_load(const char *cert_path, const char *key_path, struct err *err)
{
	return cert_key_load_pass(cert_path, key_path, NULL, err);
}

struct cert_key *
cert_key_load_pass(const char *cert_path, const char *key_path,
    const char *pass, struct err *err)
{
	struct cert_key	*ck = NULL;
	char		*ctext = NULL, *ktext = NULL;
	size_t		 clen = 0, klen = 0;
	X509		*x = NULL;
	EVP_PKEY	*k = NULL;

	if (key_path == NULL)
		key_path = cert_path;
	if ((ctext = read_small_file(cert_path, &clen)) == NULL) {
		err_set(err, ERR_IO, _("cannot read %s: %s"), cert_path,
		    strerror(errno));
		goto out;
	}
	if ((x = parse_cert(ctext, clen)) == NULL) {
		err_set(err, ERR_AUTH, _("%s is not a PEM certificate"),
		    cert_path);
		goto out;
	}
	if (strcmp(key_path, cert_path) == 0) {
		ktext = ctext;
		klen = clen;
		ctext = NULL;
	} else if ((ktext = read_small_file(key_path, &klen)) == NULL) {
		err_set(err, ERR_IO, _("cannot read %s: %s"), key_path,
		    strerror(errno));
		goto out;
	}
	switch (parse_key(ktext, klen, pass, &k)) {
	case KEY_OK:
		break;
	case KEY_NONE:
		if (pass != NULL)
			err_set(err, ERR_AUTH, _("%s holds no PEM private key "
			    "that the pass phrase opens"), key_path);
		else
			err_set(err, ERR_AUTH, _("%s holds no PEM private "
			    "key"), key_path);
		goto out;
	case KEY_IS_ENCRYPTED:
		err_set(err, ERR_AUTH, _("the private key in %s has a pass "
		    "phrase; set AZURE_CLIENT_CERTIFICATE_PASSWORD or give an "
		    "unencrypted PEM key"), key_path);
		goto out;
	}
	if (X509_check_private_key(x, k) != 1) {
		ERR_clear_error();
		err_set(err, ERR_AUTH, _("the private key in %s does not "
		    "belong to the certificate in %s"), key_path, cert_path);
		goto out;
	}
	ck = xcalloc(1, sizeof *ck);
	ck->cert = x;
	ck->key = k;
	x = NULL;
	k = NULL;
out:
	text_free(ctext, clen);
	text_free(ktext, klen);
	X509_free(x);
	EVP_PKEY_free(k);
	return ck;
}

void
cert_key_free(struct cert_key *ck)
{
	if (ck == NULL)
		return;
	X509_free(ck->cert);
	EVP_PKEY_free(ck->key);
	free(ck);
}

bool
cert_key_thumbprint(const struct cert_key *ck, bool sha256, unsigned char *md,
    size_t *mdlen)
{
	unsigned int	n = 0;

	if (X509_digest(ck->cert, sha256 ? EVP_sha256() : EVP_sha1(), md,
	    &n) != 1)
		return false;
	*mdlen = n;
	return true;
}

bool
cert_key_validity(const struct cert_key *ck, time_t *not_before,
    time_t *not_after)
{
	struct tm	tm;

	if (ASN1_TIME_to_tm(X509_get0_notBefore(ck->cert), &tm) != 1)
		return false;
	*not_before = timegm(&tm);
	if (ASN1_TIME_to_tm(X509_get0_notAfter(ck->cert), &tm) != 1)
		return false;
	*not_after = timegm(&tm);
	return true;
}

bool
cert_key_der(const struct cert_key *ck, unsigned char **der, size_t *len)
{
	int	n;

	*der = NULL;
	if ((n = i2d_X509(ck->cert, der)) <= 0)
		return false;
	*len = (size_t)n;
	return true;
}

bool
cert_key_sign(const struct cert_key *ck, bool pss, const void *data,
    size_t len, unsigned char **sig, size_t *siglen, struct err *err)
{
	EVP_MD_CTX	*ctx;
	EVP_PKEY_CTX	*pctx = NULL;
	bool		 ok = false;

	*sig = NULL;
	if ((ctx = EVP_MD_CTX_new()) == NULL)
		return err_set(err, ERR_INTERNAL, _("out of memory"));
	if (EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), NULL, ck->key) != 1)
		goto out;
	if (pss && (EVP_PKEY_CTX_set_rsa_padding(pctx,
	    RSA_PKCS1_PSS_PADDING) != 1 ||
	    EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1 ||
	    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) != 1))
		goto out;
	if (EVP_DigestSign(ctx, NULL, siglen, data, len) != 1)
		goto out;
	*sig = xmalloc(*siglen);
	if (EVP_DigestSign(ctx, *sig, siglen, data, len) != 1) {
		free(*sig);
		*sig = NULL;
		goto out;
	}
	ok = true;
out:
	EVP_MD_CTX_free(ctx);
	if (!ok) {
		ERR_clear_error();
		err_set(err, ERR_AUTH, _("cannot sign the client assertion "
		    "with the certificate's key (is it an RSA key?)"));
	}
	return ok;
}

/* An ASN1_TIME as "YYYY-MM-DDTHH:MM:SSZ". */
static void
asn1_time_text(const ASN1_TIME *t, char *buf, size_t len)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	if (ASN1_TIME_to_tm(t, &tm) == 1)
		snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec);
	else
		snprintf(buf, len, "?");
}

/* The DNS names a certificate covers, comma-separated, into b. */
static void
covered_names(X509 *x, struct buf *b)
{
	GENERAL_NAMES	*sans;
	X509_NAME	*subj;
	char		 cn[256];
	int		 i, n = 0;

	sans = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
	for (i = 0; sans != NULL && i < sk_GENERAL_NAME_num(sans); i++) {
		GENERAL_NAME	*g = sk_GENERAL_NAME_value(sans, i);

		if (g->type != GEN_DNS)
			continue;
		buf_addf(b, "%s%.*s", n++ > 0 ? ", " : "",
		    ASN1_STRING_length(g->d.dNSName),
		    (const char *)ASN1_STRING_get0_data(g->d.dNSName));
	}
	GENERAL_NAMES_free(sans);
	if (n == 0 && (subj = X509_get_subject_name(x)) != NULL &&
	    X509_NAME_get_text_by_NID(subj, NID_commonName, cn,
	    sizeof cn) > 0)
		buf_adds(b, cn), n++;
	if (n == 0)
		buf_adds(b, _("no host names"));
}

bool
cert_check_tls(const char *cert_file, const char *key_file, const char *cname,
    time_t now, struct verdicts *vs)
{
	struct verdict	*v;
	char		*ctext = NULL, *ktext = NULL, when[64];
	size_t		 clen = 0, klen = 0;
	X509		*x = NULL;
	EVP_PKEY	*k = NULL;
	bool		 ok = true;
	time_t		 soon;

	if ((ctext = read_small_file(cert_file, &clen)) == NULL) {
		v = verdicts_add(vs, FIELD_TLS_CERT_FILE, SEV_ERROR,
		    MSG_CERT_UNREADABLE);
		verdict_arg(v, "%s", cert_file);
		verdict_arg(v, "%s", strerror(errno));
		ok = false;
	} else if ((x = parse_cert(ctext, clen)) == NULL) {
		v = verdicts_add(vs, FIELD_TLS_CERT_FILE, SEV_ERROR,
		    MSG_CERT_PARSE);
		verdict_arg(v, "%s", cert_file);
		ok = false;
	}
	if ((ktext = read_small_file(key_file, &klen)) == NULL) {
		v = verdicts_add(vs, FIELD_TLS_KEY_FILE, SEV_ERROR,
		    MSG_CERT_UNREADABLE);
		verdict_arg(v, "%s", key_file);
		verdict_arg(v, "%s", strerror(errno));
		ok = false;
	} else {
		switch (parse_key(ktext, klen, NULL, &k)) {
		case KEY_OK:
			break;
		case KEY_NONE:
			v = verdicts_add(vs, FIELD_TLS_KEY_FILE, SEV_ERROR,
			    MSG_KEY_PARSE);
			verdict_arg(v, "%s", key_file);
			ok = false;
			break;
		case KEY_IS_ENCRYPTED:
			v = verdicts_add(vs, FIELD_TLS_KEY_FILE, SEV_ERROR,
			    MSG_KEY_ENCRYPTED);
			verdict_arg(v, "%s", key_file);
			ok = false;
			break;
		}
	}
	if (x != NULL && k != NULL && X509_check_private_key(x, k) != 1) {
		ERR_clear_error();
		v = verdicts_add(vs, FIELD_TLS_KEY_FILE, SEV_ERROR,
		    MSG_KEY_MISMATCH);
		verdict_arg(v, "%s", key_file);
		verdict_arg(v, "%s", cert_file);
		ok = false;
	}
	if (x != NULL) {
		if (X509_cmp_time(X509_get0_notBefore(x), &now) > 0) {
			asn1_time_text(X509_get0_notBefore(x), when,
			    sizeof when);
			v = verdicts_add(vs, FIELD_TLS_CERT_FILE, SEV_ERROR,
			    MSG_CERT_NOT_YET_VALID);
			verdict_arg(v, "%s", when);
			ok = false;
		}
		soon = now + (time_t)CERT_SOON_DAYS * 86400;
		asn1_time_text(X509_get0_notAfter(x), when, sizeof when);
		if (X509_cmp_time(X509_get0_notAfter(x), &now) < 0) {
			v = verdicts_add(vs, FIELD_TLS_CERT_FILE, SEV_ERROR,
			    MSG_CERT_EXPIRED);
			verdict_arg(v, "%s", when);
			ok = false;
		} else if (X509_cmp_time(X509_get0_notAfter(x), &soon) < 0) {
			v = verdicts_add(vs, FIELD_TLS_CERT_FILE, SEV_WARNING,
			    MSG_CERT_EXPIRES_SOON);
			verdict_arg(v, "%s", when);
		}
		if (cname != NULL && *cname != '\0' &&
		    X509_check_host(x, cname, 0,
		    X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, NULL) != 1) {
			struct buf	names;

			buf_init(&names, 0);
			covered_names(x, &names);
			v = verdicts_add(vs, FIELD_TLS_CNAME, SEV_ERROR,
			    MSG_CERT_CNAME_NOT_COVERED);
			verdict_arg(v, "%s", cname);
			verdict_arg(v, "%s", buf_str(&names));
			buf_done(&names);
			ok = false;
		}
	}
	text_free(ctext, clen);
	text_free(ktext, klen);
	X509_free(x);
	EVP_PKEY_free(k);
	return ok;
}

bool
cert_check_plan(const struct plan *p, time_t now, struct verdicts *vs)
{
	const struct plan_tls	*t = &p->tls;

	if ((p->op != PLAN_CREATE && p->op != PLAN_ATTACH &&
	    p->op != PLAN_UPDATE) || t->mode != TLS_CUSTOM ||
	    t->cert_file[0] == '\0' || t->key_file[0] == '\0')
		return true;
	return cert_check_tls(t->cert_file, t->key_file,
	    t->cname[0] != '\0' ? t->cname : NULL, now, vs);
}
