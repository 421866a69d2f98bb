/*
 * The little of Kubernetes akswiz needs: read the kubeconfig AKS hands out
 * (listClusterUserCredential) and fetch the azureml-fe TLS secret
 * (default/azuremlfessl: data["cert.pem"], data["key.pem"]) so that a
 * detach can save the certificate and key first.
 */
#ifndef AKSWIZ_AZURE_KUBE_H
#define AKSWIZ_AZURE_KUBE_H

#include <stdbool.h>
#include <stddef.h>

#include "azure/http.h"
#include "common/err.h"

/* The current context of a kubeconfig.  Secrets are wiped by _done. */
struct kube_config {
	char		*server;	/* https://host[:port][/path] */
	char		*ca_pem;	/* decoded certificate-authority-data */
	char		*token;		/* or NULL */
	char		*client_cert;	/* decoded client-certificate-data */
	char		*client_key;	/* decoded client-key-data (secret) */
	bool		 exec;		/* the user signs in by exec/plugin */
};

/* The azureml-fe certificate and key (PEM); key is wiped by _done. */
struct kube_tls {
	char		*cert;
	size_t		 cert_len;
	char		*key;
	size_t		 key_len;
};

/*
 * Read the strict YAML subset AKS emits (block maps and lists, plain or
 * quoted scalars); false + err (ERR_PARSE) for anything else or for a
 * current context without a server or credentials.
 */
bool	kube_config_parse(const char *yaml, struct kube_config *,
	    struct err *);
void	kube_config_done(struct kube_config *);

/*
 * GET {server}/api/v1/namespaces/default/secrets/azuremlfessl trusting the
 * kubeconfig's CA for this request only (cfg gives the rest: debug log,
 * user agent).  err says why not: ERR_NOT_FOUND-like reasons are in the
 * message (no TLS secret, credentials refused, unreachable).
 */
bool	kube_fetch_tls(const struct kube_config *, const struct http_config *,
	    struct kube_tls *, struct err *);
void	kube_tls_done(struct kube_tls *);

/* Write data to path with mode 0600 (replacing a file); false + err. */
bool	kube_write_secret_file(const char *path, const char *data, size_t,
	    struct err *);

struct arm;

/*
 * A connection to an AKS cluster's Kubernetes API for the steps that
 * speak it (namespaces, the legacy azureml-fe): the cluster's user
 * kubeconfig (listClusterUserCredential), its server and CA, its token
 * (never logged: http.c's debug log hides Authorization).
 */
struct kube_conn {
	struct kube_config	 cfg;
	struct http_config	 http_cfg;
	struct http_client	*http;
	struct http_token_source src;
};

/* Fetch the kubeconfig of cluster_id and open a client; false + err. */
bool	kube_connect(struct arm *, const struct http_config *,
	    const char *cluster_id, struct kube_conn *, struct err *);
/*
 * One request to path (from the server's root: "/api/v1/namespaces"),
 * body with content_type (NULL: application/json); any HTTP status is an
 * answer (rsp->status); false + err when none came.
 */
bool	kube_call(struct kube_conn *, const char *method, const char *path,
	    const char *body, const char *content_type,
	    struct http_response *, struct err *);
/* The message of a Kubernetes Status body (escaped), or "". */
void	kube_status_message(const char *body, char *out, size_t len);
void	kube_disconnect(struct kube_conn *);

/*
 * The whole retrieval for a detach: the compute's cluster (ARM), its user
 * kubeconfig (listClusterUserCredential), the secret, and the two files
 * (0600).  False + err with the reason: not an attached AKS compute, the
 * credentials are refused or unusable, no TLS secret, API server
 * unreachable, a file not written.
 */
bool	kube_save_compute_tls(struct arm *, const struct http_config *,
	    const char *sub, const char *rg, const char *ws, const char *name,
	    const char *cert_path, const char *key_path, struct err *);

#endif
