/*
 * A strict reader of the kubeconfig shape AKS emits and the one Kubernetes
 * call akswiz makes: GET the azureml-fe TLS secret before a detach.  No
 * YAML library: the reader knows block maps, "- " list items and plain or
 * quoted scalars, and refuses tabs, flow lists and multi-line scalars.
 */
#include "config.h"
#include "azure/kube.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "azure/arm.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"

#define KUBE_ITEMS	16
#define KUBE_LINE	(64 * 1024)

enum kube_section { SEC_NONE, SEC_CLUSTERS, SEC_CONTEXTS, SEC_USERS };

/* One item of clusters:, contexts: or users: (the fields akswiz reads). */
struct kube_item {
	char	*name;
	char	*server, *ca, *cluster, *user;
	char	*token, *cert, *key;
	bool	 exec;
};

struct kube_doc {
	struct kube_item	 items[3][KUBE_ITEMS];
	size_t			 n[3];
	char			*current;
};

/* Free an item, wiping what may be secret. */
static void
item_done(struct kube_item *it)
{
	char	**s[] = { &it->name, &it->server, &it->ca, &it->cluster,
		    &it->user, &it->token, &it->cert, &it->key };
	size_t	  i;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		if (*s[i] != NULL) {
			OPENSSL_cleanse(*s[i], strlen(*s[i]));
			free(*s[i]);
			*s[i] = NULL;
		}
}

/* Unquote a scalar value in place; false for flow collections or bad quotes. */
static bool
scalar(char *v, char **out)
{
	size_t	n = strlen(v);

	while (n > 0 && v[n - 1] == ' ')
		v[--n] = '\0';
	if (n >= 2 && (v[0] == '"' || v[0] == '\'')) {
		if (v[n - 1] != v[0])
			return false;
		v[n - 1] = '\0';
		v++;
		if (strchr(v, '\\') != NULL || strchr(v, v[-1]) != NULL)
			return false;
	} else if (v[0] == '"' || v[0] == '\'' || v[0] == '[' || v[0] == '|' ||
	    v[0] == '>' || v[0] == '&' || v[0] == '*' || v[0] == '{')
		return false;
	*out = v;
	return true;
}

/* Keep value for key in the item (first one wins: duplicates are refused). */
static bool
item_set(struct kube_item *it, const char *key, const char *val)
{
	static const char *const keys[] = { "server",
	    "certificate-authority-data", "cluster", "user", "token",
	    "client-certificate-data", "client-key-data" };
	char	**slots[] = { &it->server, &it->ca, &it->cluster, &it->user,
		    &it->token, &it->cert, &it->key };
	size_t	  i;

	if (strcmp(key, "exec") == 0 || strcmp(key, "auth-provider") == 0) {
		it->exec = true;
		return true;
	}
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(key, keys[i]) == 0) {
			if (*slots[i] != NULL)
				return false;
			if (*val != '\0')
				*slots[i] = xstrdup(val);
			return true;
		}
	return true;
}

/* Standard base64 (whitespace-free) to a NUL-terminated copy, or NULL. */
static char *
b64_decode(const char *s, size_t *outlen)
{
	size_t		 n = strlen(s), pad = 0;
	unsigned char	*out;
	int		 r;

	if (n == 0 || n % 4 != 0 || n > (size_t)1 << 24)
		return NULL;
	if (s[n - 1] == '=')
		pad++;
	if (s[n - 2] == '=')
		pad++;
	out = xmalloc(n / 4 * 3 + 1);
	r = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n);
	if (r < 0 || (size_t)r < pad) {
		free(out);
		return NULL;
	}
	r -= (int)pad;
	out[r] = '\0';
	if (outlen != NULL)
		*outlen = (size_t)r;
	return (char *)out;
}

/* Parse one line of the document; false + err for what AKS never emits. */
static bool
parse_line(struct kube_doc *d, char *line, int lineno,
    enum kube_section *sec, int *item_indent, struct err *err)
{
	struct kube_item *it;
	char	*p = line, *colon, *val;
	int	 indent = 0;
	size_t	 s;

	while (*p == ' ') {
		p++;
		indent++;
	}
	if (*p == '\t')
		return err_set(err, ERR_PARSE, _("kubeconfig line %d: a tab "
		    "in the indentation"), lineno);
	if (*p == '\0' || *p == '#')
		return true;
	if (indent == 0 && *p != '-') {
		if ((colon = strchr(p, ':')) == NULL)
			return err_set(err, ERR_PARSE, _("kubeconfig line %d: "
			    "not a key"), lineno);
		*colon = '\0';
		*sec = strcmp(p, "clusters") == 0 ? SEC_CLUSTERS :
		    strcmp(p, "contexts") == 0 ? SEC_CONTEXTS :
		    strcmp(p, "users") == 0 ? SEC_USERS : SEC_NONE;
		*item_indent = -1;
		if (strcmp(p, "current-context") == 0) {
			if (d->current != NULL || !scalar(colon + 1 +
			    strspn(colon + 1, " "), &val) || *val == '\0')
				return err_set(err, ERR_PARSE, _("kubeconfig "
				    "line %d: a bad current-context"), lineno);
			d->current = xstrdup(val);
		}
		return true;
	}
	if (*sec == SEC_NONE)
		return true;
	s = (size_t)*sec - 1;
	if (*p == '-' && p[1] == ' ' &&
	    (*item_indent < 0 || indent <= *item_indent)) {
		if (*item_indent >= 0 && indent != *item_indent)
			return err_set(err, ERR_PARSE, _("kubeconfig line %d: "
			    "a list item out of line"), lineno);
		*item_indent = indent;
		if (d->n[s] == KUBE_ITEMS)
			return err_set(err, ERR_PARSE, _("kubeconfig line %d: "
			    "too many entries"), lineno);
		d->n[s]++;
		p += 2;
		indent += 2;
		while (*p == ' ') {
			p++;
			indent++;
		}
	} else if (*item_indent < 0 || d->n[s] == 0)
		return err_set(err, ERR_PARSE, _("kubeconfig line %d: "
		    "expected a list item"), lineno);
	else if (*p == '-')
		return true;		/* a list inside an item (exec args) */
	it = &d->items[s][d->n[s] - 1];
	if ((colon = strchr(p, ':')) == NULL)
		return err_set(err, ERR_PARSE, _("kubeconfig line %d: not a "
		    "key"), lineno);
	*colon = '\0';
	if (!scalar(colon + 1 + strspn(colon + 1, " "), &val))
		return err_set(err, ERR_PARSE, _("kubeconfig line %d: a value "
		    "akswiz cannot read"), lineno);
	if (indent == *item_indent + 2 && strcmp(p, "name") == 0) {
		if (it->name != NULL || *val == '\0')
			return err_set(err, ERR_PARSE, _("kubeconfig line %d: "
			    "a bad name"), lineno);
		it->name = xstrdup(val);
		return true;
	}
	if (indent == *item_indent + 2)
		return true;		/* cluster:, context:, user: */
	if (!item_set(it, p, val))
		return err_set(err, ERR_PARSE, _("kubeconfig line %d: %s "
		    "twice"), lineno, p);
	return true;
}

/* The item of section s named name, or NULL. */
static struct kube_item *
find(struct kube_doc *d, enum kube_section s, const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < d->n[s - 1]; i++)
		if (d->items[s - 1][i].name != NULL &&
		    strcmp(d->items[s - 1][i].name, name) == 0)
			return &d->items[s - 1][i];
	return NULL;
}

/* Resolve the current context into c. */
static bool
resolve(struct kube_doc *d, struct kube_config *c, struct err *err)
{
	struct kube_item *ctx, *cl, *us;

	if ((ctx = find(d, SEC_CONTEXTS, d->current)) == NULL)
		return err_set(err, ERR_PARSE, _("the kubeconfig has no "
		    "current context"));
	if ((cl = find(d, SEC_CLUSTERS, ctx->cluster)) == NULL ||
	    cl->server == NULL)
		return err_set(err, ERR_PARSE, _("the kubeconfig's current "
		    "context names no cluster with a server"));
	if ((us = find(d, SEC_USERS, ctx->user)) == NULL)
		return err_set(err, ERR_PARSE, _("the kubeconfig's current "
		    "context names no user"));
	if (strncmp(cl->server, "https://", 8) != 0)
		return err_set(err, ERR_PARSE, _("the kubeconfig's server is "
		    "not https"));
	c->server = xstrdup(cl->server);
	if (cl->ca != NULL && (c->ca_pem = b64_decode(cl->ca, NULL)) == NULL)
		return err_set(err, ERR_PARSE, _("the kubeconfig's "
		    "certificate-authority-data is not base64"));
	if (us->token != NULL)
		c->token = xstrdup(us->token);
	if (us->cert != NULL &&
	    (c->client_cert = b64_decode(us->cert, NULL)) == NULL)
		return err_set(err, ERR_PARSE, _("the kubeconfig's "
		    "client-certificate-data is not base64"));
	if (us->key != NULL &&
	    (c->client_key = b64_decode(us->key, NULL)) == NULL)
		return err_set(err, ERR_PARSE, _("the kubeconfig's "
		    "client-key-data is not base64"));
	c->exec = us->exec;
	if (c->token == NULL && c->client_key == NULL && !c->exec)
		return err_set(err, ERR_PARSE, _("the kubeconfig's user has "
		    "no credentials"));
	return true;
}

/* Read the kubeconfig AKS hands out. */
bool
kube_config_parse(const char *yaml, struct kube_config *c, struct err *err)
{
	struct kube_doc		*d = xcalloc(1, sizeof *d);
	enum kube_section	 sec = SEC_NONE;
	const char		*p = yaml, *nl;
	char			*line;
	int			 lineno = 0, item_indent = -1;
	size_t			 i, j, n;
	bool			 ok = true;

	memset(c, 0, sizeof *c);
	while (ok && *p != '\0') {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (n >= KUBE_LINE) {
			ok = err_set(err, ERR_PARSE, _("kubeconfig line %d: "
			    "too long"), lineno);
			break;
		}
		line = xmalloc(n + 1);
		memcpy(line, p, n);
		line[n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (strcmp(line, "---") != 0)
			ok = parse_line(d, line, lineno, &sec, &item_indent,
			    err);
		OPENSSL_cleanse(line, n);
		free(line);
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
	if (ok)
		ok = resolve(d, c, err);
	for (i = 0; i < 3; i++)
		for (j = 0; j < d->n[i]; j++)
			item_done(&d->items[i][j]);
	free(d->current);
	free(d);
	if (!ok)
		kube_config_done(c);
	return ok;
}

/* Free a config, wiping the credentials. */
void
kube_config_done(struct kube_config *c)
{
	char	**s[] = { &c->server, &c->ca_pem, &c->token,
		    &c->client_cert, &c->client_key };
	size_t	  i;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		if (*s[i] != NULL) {
			OPENSSL_cleanse(*s[i], strlen(*s[i]));
			free(*s[i]);
			*s[i] = NULL;
		}
}

/* Free the certificate and key, wiping the key. */
void
kube_tls_done(struct kube_tls *t)
{
	if (t->key != NULL)
		OPENSSL_cleanse(t->key, t->key_len);
	free(t->key);
	free(t->cert);
	memset(t, 0, sizeof *t);
}

/* A token source handing out the kubeconfig's static token. */
static bool
static_token(void *ctx, const char *scope, bool force, char *tok,
    size_t len, struct err *err)
{
	const char	*t = ctx;

	(void)scope;
	if (force)
		return err_set(err, ERR_AUTH, _("the cluster refused the "
		    "kubeconfig's credentials"));
	if (strlen(t) >= len)
		return err_set(err, ERR_AUTH, _("the kubeconfig's token is "
		    "too long"));
	snprintf(tok, len, "%s", t);
	return true;
}

/* The Status message of a Kubernetes error body, or "". */
static void
status_message(const char *body, char *out, size_t len)
{
	struct json_object	*o = json_tokener_parse(body), *m;

	out[0] = '\0';
	if (o != NULL && json_object_object_get_ex(o, "message", &m) &&
	    json_object_is_type(m, json_type_string))
		text_escape(out, len, json_object_get_string(m), 0);
	json_object_put(o);
}

/* data[key] of a Secret, base64-decoded; false + err if absent or bad. */
static bool
secret_value(struct json_object *data, const char *key, char **out,
    size_t *len, struct err *err)
{
	struct json_object	*v;

	if (!json_object_object_get_ex(data, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return err_set(err, ERR_SERVICE, _("the azuremlfessl secret "
		    "has no %s"), key);
	if ((*out = b64_decode(json_object_get_string(v), len)) == NULL)
		return err_set(err, ERR_SERVICE, _("the azuremlfessl secret's "
		    "%s is not base64"), key);
	return true;
}

/* Write the CA to a private temporary file for the client. */
static bool
ca_temp(const char *pem, char *path, size_t len, struct err *err)
{
	const char	*dir = getenv("TMPDIR");
	size_t		 n = strlen(pem);
	int		 fd;

	snprintf(path, len, "%s/akswiz-kube-ca-XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return err_set(err, ERR_IO, _("cannot create %s: %s"), path,
		    strerror(errno));
	if (write(fd, pem, n) != (ssize_t)n) {
		close(fd);
		unlink(path);
		return err_set(err, ERR_IO, _("cannot write %s"), path);
	}
	close(fd);
	return true;
}

/* Fetch default/azuremlfessl and decode cert.pem and key.pem. */
bool
kube_fetch_tls(const struct kube_config *c, const struct http_config *base,
    struct kube_tls *t, struct err *err)
{
	struct http_config	 cfg = *base;
	struct http_token_source src = { static_token, c->token, "" };
	struct http_request	 req = { 0 };
	struct http_response	 rsp;
	struct http_client	*cl;
	struct json_object	*o = NULL, *data;
	char			 ca[1024] = "", url[2048], msg[200];
	size_t			 n = strlen(c->server);
	bool			 ok = false;

	memset(t, 0, sizeof *t);
	if (c->token == NULL)
		return err_set(err, ERR_AUTH, c->exec ? _("the kubeconfig "
		    "signs in with a plugin (Azure AD); akswiz cannot use it") :
		    _("the kubeconfig signs in with a client certificate; "
		    "akswiz cannot use it yet"));
	while (n > 0 && c->server[n - 1] == '/')
		n--;
	snprintf(url, sizeof url, "%.*s/api/v1/namespaces/default/secrets/"
	    "azuremlfessl", (int)n, c->server);
	if (c->ca_pem != NULL) {
		if (!ca_temp(c->ca_pem, ca, sizeof ca, err))
			return false;
		cfg.ca_file = ca;
	}
	cl = http_client_new(&cfg, err);
	if (ca[0] != '\0')
		unlink(ca);
	if (cl == NULL)
		return false;
	req.method = "GET";
	req.url = url;
	req.auth = &src;
	req.max_attempts = 1;
	http_response_init(&rsp);
	if (!http_call(cl, &req, &rsp, err))
		goto out;
	status_message(buf_str(&rsp.body), msg, sizeof msg);
	if (rsp.status == 401 || rsp.status == 403) {
		err_set(err, ERR_AUTH, _("the cluster refused the kubeconfig's "
		    "credentials (HTTP %ld)"), rsp.status);
		err_detail(err, "%s", msg);
		goto out;
	}
	if (rsp.status == 404) {
		err_set(err, ERR_SERVICE, _("the cluster has no azuremlfessl "
		    "secret: TLS is not enabled on its azureml-fe"));
		err_detail(err, "%s", msg);
		goto out;
	}
	if (rsp.status != 200) {
		err_set(err, ERR_HTTP, _("the cluster's API server answered "
		    "HTTP %ld"), rsp.status);
		err_detail(err, "%s", msg);
		goto out;
	}
	if ((o = json_tokener_parse(buf_str(&rsp.body))) == NULL ||
	    !json_object_object_get_ex(o, "data", &data) ||
	    !json_object_is_type(data, json_type_object)) {
		err_set(err, ERR_PARSE, _("the azuremlfessl secret has no "
		    "data"));
		goto out;
	}
	ok = secret_value(data, "cert.pem", &t->cert, &t->cert_len, err) &&
	    secret_value(data, "key.pem", &t->key, &t->key_len, err);
	if (!ok)
		kube_tls_done(t);
out:
	if (rsp.body.len > 0)
		OPENSSL_cleanse(rsp.body.data, rsp.body.len);
	json_object_put(o);
	http_response_done(&rsp);
	http_client_free(cl);
	return ok;
}

/* Write data to path, mode 0600. */
bool
kube_write_secret_file(const char *path, const char *data, size_t len,
    struct err *err)
{
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd < 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
	if (fchmod(fd, 0600) != 0 || write(fd, data, len) != (ssize_t)len) {
		err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
		close(fd);
		return false;
	}
	if (close(fd) != 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
	return true;
}

/* Fetch a compute's TLS secret and write the certificate and key. */
bool
kube_save_compute_tls(struct arm *a, const struct http_config *cfg,
    const char *sub, const char *rg, const char *ws, const char *name,
    const char *cert_path, const char *key_path, struct err *err)
{
	struct arm_compute	 cp;
	struct kube_config	 kc;
	struct kube_tls		 t;
	char			*yaml = NULL;
	bool			 found = false, ok;

	memset(&cp, 0, sizeof cp);
	memset(&t, 0, sizeof t);
	if (!arm_get_compute(a, sub, rg, ws, name, &cp, &found, err))
		return false;
	if (!found || cp.resource_id == NULL || *cp.resource_id == '\0') {
		arm_compute_done(&cp);
		return err_set(err, ERR_USAGE, found ? _("%s is not linked to "
		    "an AKS cluster") : _("no compute %s in the workspace"),
		    name);
	}
	ok = arm_cluster_credentials(a, cp.resource_id, &yaml, err);
	arm_compute_done(&cp);
	if (!ok)
		return false;
	ok = kube_config_parse(yaml, &kc, err);
	OPENSSL_cleanse(yaml, strlen(yaml));
	free(yaml);
	if (!ok)
		return false;
	ok = kube_fetch_tls(&kc, cfg, &t, err);
	kube_config_done(&kc);
	if (ok)
		ok = kube_write_secret_file(cert_path, t.cert, t.cert_len,
		    err) && kube_write_secret_file(key_path, t.key, t.key_len,
		    err);
	kube_tls_done(&t);
	return ok;
}

/* The cluster's user kubeconfig, parsed, and a client trusting its CA. */
bool
kube_connect(struct arm *a, const struct http_config *base,
    const char *cluster_id, struct kube_conn *k, struct err *err)
{
	struct http_config	 zero;
	char			*yaml = NULL, ca[1024] = "";
	bool			 ok;

	memset(k, 0, sizeof *k);
	memset(&zero, 0, sizeof zero);
	k->http_cfg = base != NULL ? *base : zero;
	if (base == NULL && a->http != NULL) {
		/* The session's --debug log and --readonly. */
		k->http_cfg.debug_file = http_client_debug_file(a->http);
		k->http_cfg.readonly = http_client_readonly(a->http);
	}
	if (!arm_cluster_credentials(a, cluster_id, &yaml, err))
		return false;
	ok = kube_config_parse(yaml, &k->cfg, err);
	OPENSSL_cleanse(yaml, strlen(yaml));
	free(yaml);
	if (!ok)
		return false;
	if (k->cfg.token == NULL) {
		err_set(err, ERR_AUTH, k->cfg.exec ? _("the kubeconfig "
		    "signs in with a plugin (Azure AD); akswiz cannot use it") :
		    _("the kubeconfig signs in with a client certificate; "
		    "akswiz cannot use it yet"));
		kube_config_done(&k->cfg);
		return false;
	}
	if (k->cfg.ca_pem != NULL) {
		if (!ca_temp(k->cfg.ca_pem, ca, sizeof ca, err)) {
			kube_config_done(&k->cfg);
			return false;
		}
		k->http_cfg.ca_file = ca;
	}
	/* The token goes to the kubeconfig's own server, not to ARM's. */
	k->http_cfg.token_origins[0] = k->http_cfg.token_origins[1] = NULL;
	k->http = http_client_new(&k->http_cfg, err);
	k->http_cfg.ca_file = NULL;
	if (ca[0] != '\0')
		unlink(ca);
	if (k->http == NULL) {
		kube_config_done(&k->cfg);
		return false;
	}
	k->src.get = static_token;
	k->src.ctx = k->cfg.token;
	k->src.scope = "";
	return true;
}

bool
kube_call(struct kube_conn *k, const char *method, const char *path,
    const char *body, const char *content_type, struct http_response *rsp,
    struct err *err)
{
	struct http_request	 req = { 0 };
	char			*url;
	size_t			 n = strlen(k->cfg.server);
	bool			 ok;

	while (n > 0 && k->cfg.server[n - 1] == '/')
		n--;
	xasprintf(&url, "%.*s%s", (int)n, k->cfg.server, path);
	req.method = method;
	req.url = url;
	req.body = body;
	req.body_len = body != NULL ? strlen(body) : 0;
	req.content_type = content_type;
	req.auth = &k->src;
	req.max_attempts = 1;
	/* A write is never sent twice blindly: the caller looks first. */
	req.no_retry = strcmp(method, "GET") != 0;
	ok = http_call(k->http, &req, rsp, err);
	free(url);
	return ok;
}

void
kube_status_message(const char *body, char *out, size_t len)
{
	status_message(body, out, len);
}

void
kube_disconnect(struct kube_conn *k)
{
	http_client_free(k->http);
	k->http = NULL;
	kube_config_done(&k->cfg);
}
