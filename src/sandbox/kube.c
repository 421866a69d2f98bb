/*
 * The sliver of each cluster's Kubernetes API server the sandbox plays:
 * under {endpoint}/kube/{sub}/{group}/{cluster}/ (the server of the
 * kubeconfig listClusterUserCredential hands out), with a per-cluster
 * bearer token,
 *
 *	GET api/v1/namespaces/default/secrets/azuremlfessl
 *
 * answers the azureml-fe TLS secret (data["cert.pem"], data["key.pem"],
 * base64) of a cluster attached with TLS, the certificate and key its
 * attach carried; 404 with a Kubernetes Status for a cluster without it,
 * 401 Status for a wrong token.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/evp.h>

#include "common/buf.h"
#include "common/xalloc.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"

#define SECRET_PATH	"api/v1/namespaces/default/secrets/azuremlfessl"

/* The cluster's user token: a digest of its id (stable across restarts). */
void
kube_token(const char *sub, const char *group, const char *name, char *out,
    size_t len)
{
	unsigned char	md[EVP_MAX_MD_SIZE];
	unsigned int	mdlen = 0;
	char		id[3 * 256];
	size_t		i;
	int		n;

	n = snprintf(id, sizeof id, "akswiz-sandbox-kube/%s/%s/%s", sub,
	    group, name);
	EVP_Digest(id, n > 0 ? (size_t)n : 0, md, &mdlen, EVP_sha256(), NULL);
	for (i = 0; i < mdlen && i < 16 && 2 * i + 2 < len; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* A Kubernetes Status failure. */
void
kube_status(struct sb_response *resp, int code, const char *reason,
    const char *msg)
{
	struct json_object	*o = json_object_new_object();

	json_object_object_add(o, "kind", json_object_new_string("Status"));
	json_object_object_add(o, "apiVersion", json_object_new_string("v1"));
	json_object_object_add(o, "metadata", json_object_new_object());
	json_object_object_add(o, "status", json_object_new_string("Failure"));
	json_object_object_add(o, "message", json_object_new_string(msg));
	json_object_object_add(o, "reason", json_object_new_string(reason));
	json_object_object_add(o, "code", json_object_new_int(code));
	kube_send(resp, code, o);
}

/* Send o (taken) as the body with status. */
void
kube_send(struct sb_response *resp, int status, struct json_object *o)
{
	resp->status = status;
	buf_reset(&resp->body);
	buf_adds(&resp->body, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

/* The stored TLS secret of a live compute attached to cluster id, or NULL. */
static struct json_object *
secret_of(struct sb_world *w, const char *cid)
{
	struct json_object	*p, *rid, *s;
	size_t			 i;

	for (i = 0; i < w->ncomputes; i++) {
		struct sb_compute *c = &w->computes[i];
		struct json_object *res;

		if (c->gone || !world_compute_may_hold(c, cid))
			continue;
		res = world_compute_res(w, c);
		if (!json_object_object_get_ex(res, "properties", &p) ||
		    !json_object_object_get_ex(p, "resourceId", &rid) ||
		    strcasecmp(json_object_get_string(rid), cid) != 0)
			continue;
		if (json_object_object_get_ex(res, KUBE_SECRET_MEMBER, &s))
			return s;
	}
	return NULL;
}

/* Serve /kube/...; false when the path is not the sandbox's Kubernetes. */
bool
kube_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	struct sb_cluster	*cl;
	struct json_object	*o, *md, *s;
	const char		*auth;
	char			 part[3][256], tok[64] = "", cid[1024];
	const char		*p, *e;
	int			 i;

	if (req->path == NULL || strncmp(req->path, "/kube/", 6) != 0)
		return false;
	p = req->path + 6;
	for (i = 0; i < 3; i++) {
		if ((e = strchr(p, '/')) == NULL || e == p ||
		    (size_t)(e - p) >= sizeof part[i]) {
			kube_status(resp, 404, "NotFound", "the server could "
			    "not find the requested resource");
			return true;
		}
		snprintf(part[i], sizeof part[i], "%.*s", (int)(e - p), p);
		p = e + 1;
	}
	cl = world_cluster(sb->world, part[0], part[1], part[2]);
	if (cl == NULL || cl->gone) {
		kube_status(resp, 404, "NotFound", "the server could not find "
		    "the requested resource");
		return true;
	}
	kube_token(cl->sub, cl->group, cl->name, tok, sizeof tok);
	auth = sb_req_header(req, "Authorization");
	if (auth == NULL || strncasecmp(auth, "Bearer ", 7) != 0 ||
	    strcmp(auth + 7, tok) != 0) {
		kube_status(resp, 401, "Unauthorized", "Unauthorized");
		return true;
	}
	if (kube_objects(sb, cl, p, req, resp))	/* kube-objects.c */
		return true;
	if (strcmp(p, SECRET_PATH) != 0 || strcmp(req->method, "GET") != 0) {
		kube_status(resp, strcmp(p, SECRET_PATH) != 0 ? 404 : 405,
		    strcmp(p, SECRET_PATH) != 0 ? "NotFound" :
		    "MethodNotAllowed", "the server does not allow this "
		    "method on the requested resource");
		return true;
	}
	world_cluster_id(cl, cid, sizeof cid);
	if ((s = secret_of(sb->world, cid)) == NULL) {
		kube_status(resp, 404, "NotFound",
		    "secrets \"azuremlfessl\" not found");
		return true;
	}
	o = json_object_new_object();
	md = json_object_new_object();
	json_object_object_add(o, "kind", json_object_new_string("Secret"));
	json_object_object_add(o, "apiVersion", json_object_new_string("v1"));
	json_object_object_add(md, "name",
	    json_object_new_string("azuremlfessl"));
	json_object_object_add(md, "namespace",
	    json_object_new_string("default"));
	json_object_object_add(o, "metadata", md);
	json_object_object_add(o, "data", json_object_get(s));
	json_object_object_add(o, "type", json_object_new_string("Opaque"));
	kube_send(resp, 200, o);
	return true;
}

/* Keep an attach's TLS certificate and key as the cluster's secret. */
void
kube_keep_secret(struct json_object *res, const char *cert, const char *key)
{
	struct json_object	*d = json_object_new_object();
	const char		*v[2] = { cert, key };
	const char		*k[2] = { "cert.pem", "key.pem" };
	unsigned char		*b64;
	size_t			 n;
	int			 i;

	for (i = 0; i < 2; i++) {
		n = strlen(v[i]);
		b64 = xmalloc(n * 4 / 3 + 8);
		EVP_EncodeBlock(b64, (const unsigned char *)v[i], (int)n);
		json_object_object_add(d, k[i],
		    json_object_new_string((char *)b64));
		free(b64);
	}
	json_object_object_add(res, KUBE_SECRET_MEMBER, d);
}
