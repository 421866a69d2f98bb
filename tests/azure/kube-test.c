/*
 * The kubeconfig reader: AKS's own shape (token), client certificate data,
 * an exec (Azure AD) user, quoting, CRLF, and malformed documents; the
 * secret files are written with mode 0600.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "azure/kube.h"
#include "tests/tap.h"

/* "-----BEGIN CERTIFICATE-----\nCA\n" in base64. */
#define CA_B64	"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCkNBCg=="
#define CA_PEM	"-----BEGIN CERTIFICATE-----\nCA\n"

static const char aks[] =
    "apiVersion: v1\n"
    "clusters:\n"
    "- cluster:\n"
    "    certificate-authority-data: " CA_B64 "\n"
    "    server: https://aks1-dns-1234.hcp.eastus.azmk8s.io:443\n"
    "  name: aks1\n"
    "- cluster:\n"
    "    certificate-authority-data: " CA_B64 "\n"
    "    server: https://other.example:443\n"
    "  name: other\n"
    "contexts:\n"
    "- context:\n"
    "    cluster: other\n"
    "    user: clusterUser_rg_other\n"
    "  name: other\n"
    "- context:\n"
    "    cluster: aks1\n"
    "    user: clusterUser_rg_aks1\n"
    "  name: aks1\n"
    "current-context: aks1\n"
    "kind: Config\n"
    "preferences: {}\n"
    "users:\n"
    "- name: clusterUser_rg_other\n"
    "  user:\n"
    "    token: wrong\n"
    "- name: clusterUser_rg_aks1\n"
    "  user:\n"
    "    token: 0123456789abcdef\n";

/* Parse text; return ok and leave the message in msg. */
static bool
parse(const char *text, struct kube_config *c, char *msg, size_t len)
{
	struct err	e;
	bool		r;

	err_clear(&e);
	r = kube_config_parse(text, c, &e);
	snprintf(msg, len, "%s", r ? "" : e.msg);
	return r;
}

int
main(void)
{
	struct kube_config	 c;
	struct err		 e;
	struct stat		 st;
	char			 msg[256], path[] = "kube-test-XXXXXX", *crlf;
	FILE			*fp;
	size_t			 i, j;
	int			 fd;

	ok(parse(aks, &c, msg, sizeof msg), "AKS's kubeconfig reads (%s)", msg);
	is_str(c.server, "https://aks1-dns-1234.hcp.eastus.azmk8s.io:443",
	    "the current context's server");
	is_str(c.ca_pem, CA_PEM, "its CA, decoded");
	is_str(c.token, "0123456789abcdef", "its user's token");
	ok(c.client_key == NULL && !c.exec, "no client key, no exec");
	kube_config_done(&c);

	crlf = malloc(sizeof aks * 2);
	for (i = j = 0; aks[i] != '\0'; i++) {
		if (aks[i] == '\n')
			crlf[j++] = '\r';
		crlf[j++] = aks[i];
	}
	crlf[j] = '\0';
	ok(parse(crlf, &c, msg, sizeof msg), "CRLF lines read (%s)", msg);
	is_str(c.token, "0123456789abcdef", "CRLF: the token has no CR");
	kube_config_done(&c);
	free(crlf);

	ok(parse("apiVersion: v1\nclusters:\n  - cluster:\n"
	    "      server: \"https://10.0.0.1:6443\"\n    name: c\n"
	    "contexts:\n  - context:\n      cluster: c\n      user: u\n"
	    "    name: x\ncurrent-context: 'x'\nusers:\n  - name: u\n"
	    "    user:\n      client-certificate-data: " CA_B64 "\n"
	    "      client-key-data: a2V5\n", &c, msg, sizeof msg),
	    "indented lists, quotes, client certificate data (%s)", msg);
	is_str(c.server, "https://10.0.0.1:6443", "quoted server");
	ok(c.ca_pem == NULL, "no CA: the system store");
	ok(c.token == NULL, "no token");
	is_str(c.client_cert, CA_PEM, "client certificate decoded");
	is_str(c.client_key, "key", "client key decoded");
	err_clear(&e);
	ok(!kube_fetch_tls(&c, &(struct http_config){ 0 },
	    &(struct kube_tls){ 0 }, &e), "client certificates: not fetched");
	ok(strstr(e.msg, "client certificate") != NULL, "and says why: %s",
	    e.msg);
	kube_config_done(&c);

	ok(parse("clusters:\n- cluster:\n    server: https://h\n  name: c\n"
	    "contexts:\n- context:\n    cluster: c\n    user: u\n  name: x\n"
	    "current-context: x\nusers:\n- name: u\n  user:\n    exec:\n"
	    "      apiVersion: client.authentication.k8s.io/v1beta1\n"
	    "      args:\n      - get-token\n      - --login\n"
	    "      - devicecode\n      command: kubelogin\n      env: null\n",
	    &c, msg, sizeof msg), "an exec (kubelogin) user reads (%s)", msg);
	ok(c.exec && c.token == NULL, "exec, no token");
	err_clear(&e);
	ok(!kube_fetch_tls(&c, &(struct http_config){ 0 },
	    &(struct kube_tls){ 0 }, &e), "exec: not fetched");
	ok(strstr(e.msg, "plugin") != NULL, "and says why: %s", e.msg);
	kube_config_done(&c);

	/* An API server that does not answer: a network error, no retry. */
	ok(parse("clusters:\n- cluster:\n    server: https://127.0.0.1:1/\n"
	    "  name: c\ncontexts:\n- context:\n    cluster: c\n    user: u\n"
	    "  name: x\ncurrent-context: x\nusers:\n- name: u\n  user:\n"
	    "    token: t\n", &c, msg, sizeof msg), "a local kubeconfig (%s)",
	    msg);
	err_clear(&e);
	ok(!kube_fetch_tls(&c, &(struct http_config){ .connect_timeout_ms =
	    2000, .timeout_ms = 2000, .max_retries = 1 },
	    &(struct kube_tls){ 0 }, &e), "an unreachable API server");
	is_int(e.kind, ERR_NETWORK, "is a network error: %s", e.msg);
	kube_config_done(&c);

	ok(!parse("clusters:\n- cluster:\n\tserver: https://h\n", &c, msg,
	    sizeof msg) && strstr(msg, "tab") != NULL, "a tab: %s", msg);
	ok(!parse("clusters:\n- cluster:\n    server: https://h\n  name: c\n"
	    "current-context: y\n", &c, msg, sizeof msg) &&
	    strstr(msg, "current context") != NULL,
	    "a missing context: %s", msg);
	ok(!parse("clusters:\n- cluster:\n    server: http://h\n  name: c\n"
	    "contexts:\n- context:\n    cluster: c\n    user: u\n  name: x\n"
	    "current-context: x\nusers:\n- name: u\n  user:\n    token: t\n",
	    &c, msg, sizeof msg) && strstr(msg, "https") != NULL,
	    "a plain http server: %s", msg);
	ok(!parse("clusters:\n- cluster:\n    server: https://h\n"
	    "    certificate-authority-data: not*base64\n  name: c\n"
	    "contexts:\n- context:\n    cluster: c\n    user: u\n  name: x\n"
	    "current-context: x\nusers:\n- name: u\n  user:\n    token: t\n",
	    &c, msg, sizeof msg) && strstr(msg, "base64") != NULL,
	    "bad CA data: %s", msg);
	ok(!parse("clusters:\n- cluster:\n    server: https://h\n  name: c\n"
	    "contexts:\n- context:\n    cluster: c\n    user: u\n  name: x\n"
	    "current-context: x\nusers:\n- name: u\n  user: {}\n",
	    &c, msg, sizeof msg), "a flow map is refused: %s", msg);
	ok(strstr(msg, "cannot read") != NULL, "as a value akswiz cannot read");
	ok(!parse("clusters:\n- cluster:\n    server: https://h\n"
	    "    server: https://evil\n  name: c\n", &c, msg, sizeof msg) &&
	    strstr(msg, "twice") != NULL, "a repeated key: %s", msg);
	ok(!parse("clusters:\n    server: https://h\n", &c, msg, sizeof msg),
	    "a map where a list belongs: %s", msg);
	ok(!parse("clusters:\n- cluster:\n    server: |\n      https://h\n",
	    &c, msg, sizeof msg), "a block scalar: %s", msg);
	ok(!parse("", &c, msg, sizeof msg), "empty: %s", msg);
	ok(!parse("clusters:\n- cluster:\n    server: https://h\n  name: c\n"
	    "contexts:\n- context:\n    cluster: c\n    user: u\n  name: x\n"
	    "current-context: x\nusers:\n- name: u\n  user:\n    username: a\n",
	    &c, msg, sizeof msg) && strstr(msg, "credentials") != NULL,
	    "a user without credentials: %s", msg);

	fd = mkstemp(path);
	close(fd);
	chmod(path, 0644);
	err_clear(&e);
	ok(kube_write_secret_file(path, "KEY\n", 4, &e), "a file written");
	if (stat(path, &st) != 0)
		st.st_mode = 0;
	ok((st.st_mode & 0777) == 0600,
	    "replacing a 0644 file leaves it 0600 (%o)",
	    (unsigned)(st.st_mode & 0777));
	fp = fopen(path, "r");
	ok(fp != NULL && fgets(msg, sizeof msg, fp) != NULL &&
	    strcmp(msg, "KEY\n") == 0, "with the content");
	if (fp != NULL)
		fclose(fp);
	unlink(path);
	ok(!kube_write_secret_file("/nonexistent/dir/k.pem", "K", 1, &e) &&
	    strstr(e.msg, "/nonexistent/dir/k.pem") != NULL,
	    "an unwritable path is named: %s", e.msg);
	return tap_done();
}
