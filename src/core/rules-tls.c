/*
 * Load balancer and TLS (DESIGN.md, and the legacy SDK's checks quoted in
 * service-behaviour.md): an internal load balancer needs a subnet and a
 * subnet needs one; TLS is disabled, a Microsoft certificate from a leaf
 * domain label (overwrite applies only here; not with an internal load
 * balancer), or a custom certificate with key and CNAME, all three.
 * Nothing here reads the certificate files: that is azure/cert.c's job.
 */
#include "config.h"
#include "core/rules.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* An internal load balancer's subnet on the Basic network is aks-subnet. */
void
rules_lb_subnet_network(enum lb_type lb, const char *lb_subnet,
    const struct plan_vnet *vnet, struct verdicts *vs)
{
	struct verdict	*v;

	if (lb != LB_INTERNAL || lb_subnet == NULL || *lb_subnet == '\0' ||
	    !plan_vnet_is_empty(vnet) ||
	    strcasecmp(lb_subnet, AKS_BASIC_SUBNET) == 0)
		return;
	v = verdicts_add(vs, FIELD_LB_SUBNET, SEV_ERROR, MSG_LB_SUBNET_BASIC);
	verdict_arg(v, "%s", lb_subnet);
}

/* aks-subnet on the Basic network, else the VNet's own subnet. */
const char *
rules_lb_subnet_default(const struct plan_vnet *vnet)
{
	if (plan_vnet_is_empty(vnet) || vnet->subnet[0] == '\0')
		return AKS_BASIC_SUBNET;
	return vnet->subnet;
}

/* One DNS label: 1 to 63 letters, digits or inner hyphens. */
bool
rules_dns_label_valid(const char *s)
{
	size_t	i, len;

	if (s == NULL || (len = strlen(s)) < 1 || len > 63)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char	c = (unsigned char)s[i];

		if (c < 0x80 && isalnum(c))
			continue;
		if (c == '-' && i > 0 && i + 1 < len)
			continue;
		return false;
	}
	return true;
}

/*
 * Dot-separated DNS labels, at most 253 characters; the last label is not
 * all digits, so that an IP address is not taken for a host name.
 */
bool
rules_host_name_valid(const char *s)
{
	char		 label[64];
	const char	*p, *dot;
	size_t		 len;
	bool		 numeric = false;

	if (s == NULL || *s == '\0' || strlen(s) > 253)
		return false;
	for (p = s; ; p = dot + 1) {
		dot = strchr(p, '.');
		len = dot != NULL ? (size_t)(dot - p) : strlen(p);
		if (len == 0 || len >= sizeof label)
			return false;
		memcpy(label, p, len);
		label[len] = '\0';
		if (!rules_dns_label_valid(label))
			return false;
		numeric = strspn(label, "0123456789") == len;
		if (dot == NULL)
			break;
	}
	return !numeric;
}

/* The public-IP DNS suffix of a cloud (azure-api.md section 7). */
const char *
rules_cloud_dns_suffix(enum cloud c)
{
	switch (c) {
	case CLOUD_CHINA:
		return "cloudapp.chinacloudapi.cn";
	case CLOUD_USGOV:
		return "cloudapp.usgovcloudapi.net";
	case CLOUD_AZURE:
		break;
	}
	return "cloudapp.azure.com";
}

/* An ARM region name: lowercase letters and digits ("westeurope"). */
static bool
tls_region_valid(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= '0' && *s <= '9'))
			return false;
	return true;
}

/* The Microsoft certificate's host name, its six random characters "#". */
bool
rules_leaf_host_preview(enum cloud cloud, const char *label,
    const char *region, char *buf, size_t len)
{
	char	lower[64];
	size_t	i;
	int	n;

	if (len > 0)
		buf[0] = '\0';
	if (label == NULL || region == NULL || !rules_dns_label_valid(label) ||
	    !tls_region_valid(region))
		return false;
	/* Host names are shown as DNS stores them, in lowercase. */
	for (i = 0; label[i] != '\0'; i++)
		lower[i] = (char)tolower((unsigned char)label[i]);
	lower[i] = '\0';
	n = snprintf(buf, len, "%s######.%s.%s", lower, region,
	    rules_cloud_dns_suffix(cloud));
	return n >= 0 && (size_t)n < len;
}

/* Add an error on field naming what is missing (a human name). */
static void
tls_missing(enum plan_field field, const char *what, struct verdicts *vs)
{
	struct verdict	*v;

	v = verdicts_add(vs, field, SEV_ERROR, MSG_TLS_CUSTOM_INCOMPLETE);
	verdict_arg_text(v, what);
}

/*
 * A TLS field set while TLS is disabled: the service ignores it, so it is
 * a warning (PLAN_NOT_APPLICABLE), not a refusal.
 */
static void
tls_not_applicable(enum plan_field field, struct verdicts *vs)
{
	struct verdict	*v;
	const char	*flag = plan_field_flag(field);

	v = verdicts_add(vs, field, SEV_WARNING, MSG_PLAN_NOT_APPLICABLE);
	verdict_arg(v, "%s", flag != NULL ? flag : plan_field_path(field));
	verdict_arg(v, "%s", "tls.mode disabled");
}

/* The load balancer and TLS rules. */
void
rules_lb_tls(enum lb_type lb, const char *lb_subnet,
    const struct plan_tls *tls, struct verdicts *vs)
{
	struct verdict	*v;
	bool		 subnet = lb_subnet != NULL && *lb_subnet != '\0';
	bool		 cert = tls->cert_file[0] != '\0';
	bool		 key = tls->key_file[0] != '\0';
	bool		 cname = tls->cname[0] != '\0';
	bool		 leaf = tls->leaf_label[0] != '\0';

	if (lb != LB_PUBLIC && lb != LB_INTERNAL) {
		v = verdicts_add(vs, FIELD_LB_TYPE, SEV_ERROR, MSG_LB_INVALID);
		verdict_arg(v, "%d", (int)lb);
	} else if (lb == LB_INTERNAL && !subnet)
		verdicts_add(vs, FIELD_LB_SUBNET, SEV_ERROR,
		    MSG_LB_SUBNET_NEEDED);
	else if (lb == LB_PUBLIC && subnet)
		verdicts_add(vs, FIELD_LB_SUBNET, SEV_ERROR,
		    MSG_LB_SUBNET_PUBLIC);

	switch (tls->mode) {
	case TLS_DISABLED:
		if (leaf)
			tls_not_applicable(FIELD_TLS_LEAF_LABEL, vs);
		if (cert)
			tls_not_applicable(FIELD_TLS_CERT_FILE, vs);
		if (key)
			tls_not_applicable(FIELD_TLS_KEY_FILE, vs);
		if (cname)
			tls_not_applicable(FIELD_TLS_CNAME, vs);
		if (tls->overwrite)
			verdicts_add(vs, FIELD_TLS_OVERWRITE, SEV_WARNING,
			    MSG_TLS_OVERWRITE_ONLY_LEAF);
		break;
	case TLS_MICROSOFT:
		if (!leaf)
			verdicts_add(vs, FIELD_TLS_LEAF_LABEL, SEV_ERROR,
			    MSG_TLS_LEAF_EMPTY);
		else if (!rules_dns_label_valid(tls->leaf_label)) {
			v = verdicts_add(vs, FIELD_TLS_LEAF_LABEL, SEV_ERROR,
			    MSG_TLS_LEAF_INVALID);
			verdict_arg(v, "%s", tls->leaf_label);
		}
		if (cert || key || cname)
			verdicts_add(vs, cert ? FIELD_TLS_CERT_FILE :
			    key ? FIELD_TLS_KEY_FILE : FIELD_TLS_CNAME,
			    SEV_ERROR, MSG_TLS_LEAF_WITH_CUSTOM);
		if (lb == LB_INTERNAL)
			verdicts_add(vs, FIELD_TLS_MODE, SEV_ERROR,
			    MSG_TLS_MICROSOFT_INTERNAL);
		break;
	case TLS_CUSTOM:
		if (!cert)
			tls_missing(FIELD_TLS_CERT_FILE,
			    N_("the certificate file"), vs);
		if (!key)
			tls_missing(FIELD_TLS_KEY_FILE, N_("the key file"), vs);
		if (!cname)
			tls_missing(FIELD_TLS_CNAME, N_("the CNAME"), vs);
		else if (!rules_host_name_valid(tls->cname)) {
			v = verdicts_add(vs, FIELD_TLS_CNAME, SEV_ERROR,
			    MSG_TLS_CNAME_INVALID);
			verdict_arg(v, "%s", tls->cname);
		}
		if (leaf)
			verdicts_add(vs, FIELD_TLS_LEAF_LABEL, SEV_ERROR,
			    MSG_TLS_LEAF_WITH_CUSTOM);
		if (tls->overwrite)
			verdicts_add(vs, FIELD_TLS_OVERWRITE, SEV_ERROR,
			    MSG_TLS_OVERWRITE_ONLY_LEAF);
		break;
	}
}
