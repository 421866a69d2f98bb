/*
 * The Azure ML extension's settings (kubernetes-path.md B.5) and the
 * rules az k8s-extension create checks before it sends them (B.6), in
 * B.6's order, with what the in-cluster health check reports (B.8).  The
 * verdicts name akswiz's settings; the sandbox ends an extension that
 * breaks them Failed with the health check's code.
 */
#include "config.h"
#include "core/rules-k8s.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void
ext_settings_init(struct ext_settings *es)
{
	es->n = 0;
	es->overflow = false;
}

/* Copy s into dst of size len; false if it had to be cut. */
static bool
copy_fits(char *dst, size_t len, const char *s)
{
	return (size_t)snprintf(dst, len, "%s", s) < len;
}

bool
ext_settings_set(struct ext_settings *es, const char *key, const char *value)
{
	struct ext_setting	*s = NULL;
	size_t			 i;

	for (i = 0; i < es->n; i++)
		if (strcmp(es->s[i].key, key) == 0) {
			s = &es->s[i];
			break;
		}
	if (s == NULL) {
		if (es->n == EXT_SETTINGS_MAX ||
		    strlen(key) >= sizeof s->key) {
			es->overflow = true;
			return false;
		}
		s = &es->s[es->n++];
		copy_fits(s->key, sizeof s->key, key);
	}
	if (!copy_fits(s->value, sizeof s->value, value)) {
		es->overflow = true;
		return false;
	}
	return true;
}

const char *
ext_settings_get(const struct ext_settings *es, const char *key)
{
	size_t	i;

	for (i = 0; es != NULL && i < es->n; i++)
		if (strcmp(es->s[i].key, key) == 0)
			return es->s[i].value;
	return NULL;
}

bool
ext_setting_true(const char *v)
{
	return v != NULL && strcasecmp(v, "true") == 0;
}

/* Is key set, non-empty, in es? */
static bool
has(const struct ext_settings *es, const char *key)
{
	const char	*v = ext_settings_get(es, key);

	return v != NULL && *v != '\0';
}

/*
 * TLS material: the certificate and key as REST sends them, the CLI's
 * file keys, or a Kubernetes secret (B.5).
 */
static bool
has_tls(const struct ext_settings *set, const struct ext_settings *prot)
{
	return (has(prot, EXT_SSL_CERT) && has(prot, EXT_SSL_KEY)) ||
	    (has(prot, "sslCertPemFile") && has(prot, "sslKeyPemFile")) ||
	    has(set, "sslSecret");
}

void
rules_extension(const struct ext_settings *set,
    const struct ext_settings *prot, const char *scope_namespace,
    struct verdicts *vs)
{
	struct verdict		*v;
	enum router_service	 r;
	const char		*type;
	size_t			 i;

	if (scope_namespace != NULL) {
		v = verdicts_add(vs, FIELD_EXTENSION, SEV_ERROR,
		    MSG_EXT_SCOPE);
		verdict_arg(v, "%s", scope_namespace);
		return;
	}
	for (i = 0; prot != NULL && i < prot->n; i++)
		if (ext_settings_get(set, prot->s[i].key) != NULL) {
			v = verdicts_add(vs, FIELD_EXTENSION, SEV_ERROR,
			    MSG_EXT_DUPLICATE_KEY);
			verdict_arg(v, "%s", prot->s[i].key);
			return;
		}
	if (!ext_setting_true(ext_settings_get(set, "enableInference"))) {
		if (!ext_setting_true(ext_settings_get(set,
		    "enableTraining")))
			verdicts_add(vs, FIELD_EXTENSION, SEV_ERROR,
			    MSG_EXT_NO_WORKLOAD);
		return;
	}
	if (!has_tls(set, prot)) {
		if (!ext_setting_true(ext_settings_get(set,
		    "allowInsecureConnections"))) {
			verdicts_add(vs, FIELD_TLS_CERT_FILE, SEV_ERROR,
			    MSG_K8S_TLS_NEEDED);
			return;
		}
	} else if (!has(set, "sslCname")) {
		verdicts_add(vs, FIELD_TLS_CNAME, SEV_ERROR,
		    MSG_K8S_CNAME_NEEDED);
		return;
	}
	type = ext_settings_get(set, "inferenceRouterServiceType");
	if (type == NULL || *type == '\0') {
		verdicts_add(vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
		    MSG_K8S_SERVICE_TYPE_MISSING);
		return;
	}
	if (!router_service_parse(type, &r)) {
		v = verdicts_add(vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
		    MSG_K8S_SERVICE_TYPE);
		verdict_arg(v, "%s", type);
		return;
	}
	if (r == ROUTER_NODEPORT && has(set, "internalLoadBalancerProvider"))
		verdicts_add(vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
		    MSG_K8S_NODEPORT_INTERNAL);
}

void
rules_extension_nodes(const struct ext_settings *set, int nodes,
    struct verdicts *vs)
{
	const char	*ha = ext_settings_get(set, "inferenceRouterHA");
	struct verdict	*v;

	/* HA is on unless the setting says otherwise (B.5). */
	if (!ext_setting_true(ext_settings_get(set, "enableInference")) ||
	    (ha != NULL && !ext_setting_true(ha)) || nodes >= K8S_HA_MIN_NODES)
		return;
	v = verdicts_add(vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_K8S_HA_NODES);
	v->n = nodes;
	verdict_arg(v, "%d", nodes);
}

void
rules_extension_legacy_fe(const struct ext_settings *set, bool fe_present,
    bool fe_annotated, struct verdicts *vs)
{
	if (fe_present && !(fe_annotated && ext_setting_true(
	    ext_settings_get(set, "scoringFe.enableUpgrade"))))
		verdicts_add(vs, FIELD_EXTENSION, SEV_ERROR, MSG_EXT_LEGACY_FE);
}

const char *
ext_health_code(enum msg_id m, const char **name)
{
	const char	*code = NULL, *n = NULL;

	switch (m) {
	case MSG_K8S_TLS_NEEDED:
	case MSG_K8S_CNAME_NEEDED:
		code = "E40007";
		n = "INVALID_SSL_SETTING";
		break;
	case MSG_K8S_HA_NODES:
		code = "E40002";
		n = "INSUFFICIENT_NODE";
		break;
	case MSG_K8S_NODEPORT_INTERNAL:
		code = "E40003";
		n = "INTERNAL_LOAD_BALANCER_NOT_SUPPORT";
		break;
	case MSG_EXT_LEGACY_FE:
		code = "E45005";
		n = "AZUREML_FE_DEPLOYMENT_CONFLICT";
		break;
	default:
		break;
	}
	if (name != NULL)
		*name = n;
	return code;
}
