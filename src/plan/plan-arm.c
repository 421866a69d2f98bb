/*
 * ARM requests for a plan (see plan-arm.h); shapes from azure-api.md 1.3.
 * Unset members are omitted, never sent empty.
 */
#include "config.h"
#include "plan/plan-arm.h"

#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "core/state.h"
#include "plan/plan-jw.h"

const char *
plan_arm_method(const struct plan *p)
{
	return p->op == PLAN_DETACH ? "DELETE" : "PUT";
}

/* Append a path segment, percent-encoded, or the placeholder if empty. */
void
plan_arm_segment(struct buf *b, const char *v, const char *placeholder)
{
	const unsigned char	*s;

	if (v[0] == '\0') {
		buf_adds(b, placeholder);
		return;
	}
	for (s = (const unsigned char *)v; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~()", *s) != NULL)
			buf_add(b, s, 1);
		else
			buf_addf(b, "%%%02X", *s);
}

/* The compute's path with api-version; placeholders for what is unset. */
char *
plan_arm_path(const struct plan *p)
{
	struct buf	b;

	buf_init(&b, 0);
	buf_adds(&b, "/subscriptions/");
	plan_arm_segment(&b, p->scope.subscription, "{subscriptionId}");
	buf_adds(&b, "/resourceGroups/");
	plan_arm_segment(&b, p->scope.resource_group, "{resourceGroupName}");
	buf_adds(&b, "/providers/Microsoft.MachineLearningServices/"
	    "workspaces/");
	plan_arm_segment(&b, p->scope.workspace, "{workspaceName}");
	buf_adds(&b, "/computes/");
	plan_arm_segment(&b, p->name, "{computeName}");
	buf_adds(&b, "?api-version=" PLAN_ARM_API_VERSION);
	if (p->op == PLAN_DETACH)
		buf_addf(&b, "&underlyingResourceAction=%s",
		    detach_action_name(p->detach_action));
	return buf_take(&b);
}

/* The subnet's ARM ID, in the workspace's subscription. */
void
plan_arm_subnet_id(const struct plan *p, char *out, size_t len)
{
	const struct plan_vnet	*n = &p->vnet;

	if (n->resource_group[0] == '\0' && n->vnet[0] == '\0' &&
	    n->subnet[0] == '\0') {
		if (len > 0)
			out[0] = '\0';
		return;
	}
	snprintf(out, len, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.Network/virtualNetworks/%s/subnets/%s",
	    p->scope.subscription[0] != '\0' ? p->scope.subscription :
	    "{subscriptionId}", n->resource_group, n->vnet, n->subnet);
}

bool
plan_arm_needs_update(const struct plan *p)
{
	return p->op == PLAN_ATTACH && p->lb_type == LB_INTERNAL;
}

/* sslConfiguration for the plan's TLS mode; PEM text or placeholders. */
static void
put_ssl(struct plan_jw *w, const struct plan *p,
    const struct plan_arm_opts *o)
{
	const struct plan_tls	*t = &p->tls;
	char			 ph[PLAN_TEXT_LEN + 32];

	plan_jw_begin(w, "sslConfiguration");
	plan_jw_str(w, "status", tls_status_name(t->mode));
	if (t->mode == TLS_MICROSOFT) {
		plan_jw_str(w, "leafDomainLabel", t->leaf_label);
		plan_jw_bool(w, "overwriteExistingDomain", t->overwrite);
	} else if (t->mode == TLS_CUSTOM) {
		if (o != NULL && o->cert_pem != NULL)
			plan_jw_str(w, "cert", o->cert_pem);
		else {
			snprintf(ph, sizeof ph, "<PEM text of %s>",
			    t->cert_file);
			plan_jw_str(w, "cert", ph);
		}
		if (o != NULL && o->key_pem != NULL)
			plan_jw_str(w, "key", o->key_pem);
		else {
			snprintf(ph, sizeof ph, "<PEM text of %s>",
			    t->key_file);
			plan_jw_str(w, "key", ph);
		}
		plan_jw_str(w, "cname", t->cname);
	}
	plan_jw_end(w);
}

/* loadBalancerType, and loadBalancerSubnet when set. */
static void
put_lb(struct plan_jw *w, const struct plan *p)
{
	plan_jw_str(w, "loadBalancerType", lb_type_name(p->lb_type));
	if (p->lb_subnet[0] != '\0')
		plan_jw_str(w, "loadBalancerSubnet", p->lb_subnet);
}

/* aksNetworkingConfiguration when the plan has a custom virtual network. */
static void
put_network(struct plan_jw *w, const struct plan *p)
{
	char	subnet_id[PLAN_TEXT_LEN * 2];

	if (plan_vnet_is_empty(&p->vnet))
		return;
	plan_jw_begin(w, "aksNetworkingConfiguration");
	plan_arm_subnet_id(p, subnet_id, sizeof subnet_id);
	if (subnet_id[0] != '\0')
		plan_jw_str(w, "subnetId", subnet_id);
	if (p->vnet.service_cidr[0] != '\0')
		plan_jw_str(w, "serviceCidr", p->vnet.service_cidr);
	if (p->vnet.dns_service_ip[0] != '\0')
		plan_jw_str(w, "dnsServiceIP", p->vnet.dns_service_ip);
	if (p->vnet.docker_bridge_cidr[0] != '\0')
		plan_jw_str(w, "dockerBridgeCidr", p->vnet.docker_bridge_cidr);
	plan_jw_end(w);
}

/* The main request's body: the whole compute for create and attach. */
char *
plan_arm_body(const struct plan *p, const struct plan_arm_opts *o)
{
	struct plan_jw	 w;
	const char	*loc;

	if (p->op == PLAN_DETACH)
		return NULL;
	if (p->op == PLAN_UPDATE)
		return plan_arm_update_body(p, o);
	loc = p->location[0] != '\0' ? p->location :
	    o != NULL && o->location != NULL ? o->location :
	    "{workspaceLocation}";
	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_str(&w, "location", loc);
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "computeType", "AKS");
	if (p->op == PLAN_CREATE)
		plan_jw_str(&w, "computeLocation", loc);
	else
		plan_jw_str(&w, "resourceId", p->cluster_id);
	if (p->description[0] != '\0')
		plan_jw_str(&w, "description", p->description);
	plan_jw_begin(&w, "properties");
	if (p->op == PLAN_CREATE) {
		if (p->node_count != 0)
			plan_jw_int(&w, "agentCount", p->node_count);
		if (p->vm_size[0] != '\0')
			plan_jw_str(&w, "agentVmSize", p->vm_size);
	}
	plan_jw_str(&w, "clusterPurpose", purpose_name(p->purpose));
	/* On attach the internal balancer comes with the second step. */
	if (p->op == PLAN_CREATE)
		put_lb(&w, p);
	if (p->tls.mode != TLS_DISABLED)
		put_ssl(&w, p, o);
	if (p->op == PLAN_CREATE)
		put_network(&w, p);
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_end(&w);
	return plan_jw_take(&w);
}

/* The properties an update changes, to merge into the GET answer. */
char *
plan_arm_update_body(const struct plan *p, const struct plan_arm_opts *o)
{
	struct plan_jw	w;

	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "computeType", "AKS");
	plan_jw_begin(&w, "properties");
	put_lb(&w, p);
	/*
	 * After an attach too: the service does not echo a certificate and
	 * key (x-ms-secret), so an update without them is refused as "not
	 * all ssl information provided".
	 */
	if (p->op != PLAN_ATTACH || p->tls.mode != TLS_DISABLED)
		put_ssl(&w, p, o);
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_end(&w);
	return plan_jw_take(&w);
}
