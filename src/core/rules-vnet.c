/*
 * The custom virtual network (DESIGN.md): all six settings or none; the
 * service CIDR, DNS service IP and Docker bridge CIDR must parse; the DNS
 * service IP lies inside the service CIDR but is not its network address
 * nor its first host (Kubernetes takes that one for its API service); the
 * Docker bridge overlaps neither the service CIDR nor the subnet, and the
 * service CIDR does not overlap the subnet.
 *
 * The Docker bridge CIDR is written as the bridge's own address
 * ("172.17.0.1/16"), so host bits there are normal and not reported.
 */
#include "config.h"
#include "core/rules.h"

#include <stddef.h>

struct vnet_part {
	enum plan_field	 field;
	const char	*human;		/* for VNET_INCOMPLETE */
	size_t		 offset;
};

/* In the order of the message and of the legacy SDK's list. */
static const struct vnet_part vnet_parts[] = {
	{ FIELD_VNET_RESOURCE_GROUP, N_("VNet resource group"),
	    offsetof(struct plan_vnet, resource_group) },
	{ FIELD_VNET_NAME, N_("VNet name"),
	    offsetof(struct plan_vnet, vnet) },
	{ FIELD_SUBNET_NAME, N_("subnet name"),
	    offsetof(struct plan_vnet, subnet) },
	{ FIELD_SERVICE_CIDR, N_("service CIDR"),
	    offsetof(struct plan_vnet, service_cidr) },
	{ FIELD_DNS_SERVICE_IP, N_("DNS service IP"),
	    offsetof(struct plan_vnet, dns_service_ip) },
	{ FIELD_DOCKER_BRIDGE_CIDR, N_("Docker bridge CIDR"),
	    offsetof(struct plan_vnet, docker_bridge_cidr) },
};

#define VNET_PARTS	(sizeof vnet_parts / sizeof vnet_parts[0])

/* Parse a CIDR field; on failure add CIDR_INVALID on it. */
static bool
vnet_cidr(const char *s, enum plan_field field, struct cidr *out,
    struct verdicts *vs)
{
	struct verdict	*v;

	if (cidr_parse(s, true, out))
		return true;
	v = verdicts_add(vs, field, SEV_ERROR, MSG_CIDR_INVALID);
	verdict_arg(v, "%s", s);
	return false;
}

/* The DNS service IP against the service CIDR. */
static void
vnet_dns(const char *ip_text, uint32_t ip, const struct cidr *svc,
    const char *svc_text, struct verdicts *vs)
{
	struct verdict	*v;
	struct cidr	 net = { cidr_network(svc), svc->prefix };
	char		 buf[20], hint[16];
	uint32_t	 first = cidr_network(svc);

	if (!cidr_contains(svc, ip)) {
		v = verdicts_add(vs, FIELD_DNS_SERVICE_IP, SEV_ERROR,
		    MSG_DNS_OUTSIDE);
		verdict_arg(v, "%s", ip_text);
		verdict_arg(v, "%s", svc_text);
		return;
	}
	if (ip != first && ip != first + 1)
		return;
	if (svc->prefix >= 31) {
		/* Two addresses or one: both are reserved. */
		v = verdicts_add(vs, FIELD_SERVICE_CIDR, SEV_ERROR,
		    MSG_SERVICE_CIDR_TOO_SMALL);
		verdict_arg(v, "%s", svc_text);
		return;
	}
	/* The conventional choice is the tenth address (10.0.0.10). */
	ipv4_format(first + (svc->prefix <= 28 ? 10 : 2), hint, sizeof hint);
	cidr_format(&net, buf, sizeof buf);
	v = verdicts_add(vs, FIELD_DNS_SERVICE_IP, SEV_ERROR,
	    MSG_DNS_RESERVED);
	verdict_arg(v, "%s", ip_text);
	verdict_arg(v, "%s", buf);
	verdict_arg(v, "%s", hint);
}

/*
 * Every custom virtual network rule; parts: how many of vnet_parts are
 * required (all, or all but the Docker bridge, the last).
 */
static void
vnet_rules(const struct plan_vnet *vn, const struct cidr *subnet_prefix,
    size_t parts, struct verdicts *vs)
{
	struct verdict	*v;
	struct cidr	 svc, bridge;
	uint32_t	 dns = 0;
	bool		 svc_ok = false, dns_ok = false, bridge_ok = false;
	char		 subnet[20];
	size_t		 i;

	if (plan_vnet_is_empty(vn))
		return;
	for (i = 0; i < parts; i++) {
		const char *s = (const char *)vn + vnet_parts[i].offset;

		if (*s != '\0')
			continue;
		v = verdicts_add(vs, vnet_parts[i].field, SEV_ERROR,
		    MSG_VNET_INCOMPLETE);
		verdict_arg_text(v, vnet_parts[i].human);
		break;
	}
	if (vn->service_cidr[0] != '\0' &&
	    (svc_ok = vnet_cidr(vn->service_cidr, FIELD_SERVICE_CIDR, &svc,
	    vs)) && cidr_has_host_bits(&svc)) {
		struct cidr	net = { cidr_network(&svc), svc.prefix };
		char		buf[20];

		cidr_format(&net, buf, sizeof buf);
		v = verdicts_add(vs, FIELD_SERVICE_CIDR, SEV_WARNING,
		    MSG_CIDR_HOST_BITS);
		verdict_arg(v, "%s", vn->service_cidr);
		verdict_arg(v, "%s", buf);
	}
	if (vn->dns_service_ip[0] != '\0' &&
	    !(dns_ok = ipv4_parse(vn->dns_service_ip, &dns))) {
		v = verdicts_add(vs, FIELD_DNS_SERVICE_IP, SEV_ERROR,
		    MSG_IP_INVALID);
		verdict_arg(v, "%s", vn->dns_service_ip);
	}
	if (vn->docker_bridge_cidr[0] != '\0')
		bridge_ok = vnet_cidr(vn->docker_bridge_cidr,
		    FIELD_DOCKER_BRIDGE_CIDR, &bridge, vs);
	if (svc_ok && dns_ok)
		vnet_dns(vn->dns_service_ip, dns, &svc, vn->service_cidr, vs);
	if (svc_ok && bridge_ok && cidr_overlap(&bridge, &svc)) {
		v = verdicts_add(vs, FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR,
		    MSG_BRIDGE_OVERLAPS_SERVICE);
		verdict_arg(v, "%s", vn->docker_bridge_cidr);
		verdict_arg(v, "%s", vn->service_cidr);
	}
	if (subnet_prefix == NULL)
		return;
	cidr_format(subnet_prefix, subnet, sizeof subnet);
	if (bridge_ok && cidr_overlap(&bridge, subnet_prefix)) {
		v = verdicts_add(vs, FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR,
		    MSG_BRIDGE_OVERLAPS_SUBNET);
		verdict_arg(v, "%s", vn->docker_bridge_cidr);
		verdict_arg(v, "%s", subnet);
	}
	if (svc_ok && cidr_overlap(&svc, subnet_prefix)) {
		v = verdicts_add(vs, FIELD_SERVICE_CIDR, SEV_ERROR,
		    MSG_SERVICE_OVERLAPS_SUBNET);
		verdict_arg(v, "%s", vn->service_cidr);
		verdict_arg(v, "%s", subnet);
	}
}

void
rules_vnet(const struct plan_vnet *vn, const struct cidr *subnet_prefix,
    struct verdicts *vs)
{
	vnet_rules(vn, subnet_prefix, VNET_PARTS, vs);
}

/* Today's path: the same rules, without a Docker bridge (not in the API). */
void
rules_vnet_k8s(const struct plan_vnet *vn, const struct cidr *subnet_prefix,
    struct verdicts *vs)
{
	vnet_rules(vn, subnet_prefix, VNET_PARTS - 1, vs);
}
