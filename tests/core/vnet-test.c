/* core/rules-vnet.c: the custom virtual network. */
#include "config.h"

#include <string.h>

#include "core/rules.h"
#include "core-test.h"

/* A complete, valid network: the values the docs use. */
static void
vnet_good(struct plan_vnet *vn)
{
	memset(vn, 0, sizeof *vn);
	strcpy(vn->resource_group, "net-rg");
	strcpy(vn->vnet, "ml-vnet");
	strcpy(vn->subnet, "aks-subnet");
	strcpy(vn->service_cidr, "10.0.0.0/16");
	strcpy(vn->dns_service_ip, "10.0.0.10");
	strcpy(vn->docker_bridge_cidr, "172.17.0.1/16");
}

/* Which field each missing part is reported on, in the message's order. */
static const struct {
	size_t		 offset;
	enum plan_field	 field;
	const char	*human;
} parts[] = {
	{ offsetof(struct plan_vnet, resource_group),
	    FIELD_VNET_RESOURCE_GROUP, "VNet resource group" },
	{ offsetof(struct plan_vnet, vnet), FIELD_VNET_NAME, "VNet name" },
	{ offsetof(struct plan_vnet, subnet), FIELD_SUBNET_NAME,
	    "subnet name" },
	{ offsetof(struct plan_vnet, service_cidr), FIELD_SERVICE_CIDR,
	    "service CIDR" },
	{ offsetof(struct plan_vnet, dns_service_ip), FIELD_DNS_SERVICE_IP,
	    "DNS service IP" },
	{ offsetof(struct plan_vnet, docker_bridge_cidr),
	    FIELD_DOCKER_BRIDGE_CIDR, "Docker bridge CIDR" },
};

/* One field changed from the good network and the error it must get. */
static const struct {
	const char	*service, *dns, *bridge, *subnet;
	enum plan_field	 field;
	enum severity	 sev;
	enum msg_id	 msg;		/* MSG__COUNT: no verdict */
	const char	*why;
} rows[] = {
	{ NULL, NULL, NULL, NULL, 0, 0, MSG__COUNT, "the docs' example" },
	{ NULL, NULL, NULL, "10.240.0.0/16", 0, 0, MSG__COUNT,
	    "with a subnet apart" },
	{ "10.0.0.0/33", NULL, NULL, NULL, FIELD_SERVICE_CIDR, SEV_ERROR,
	    MSG_CIDR_INVALID, "service /33" },
	{ "10.0.0.0", NULL, NULL, NULL, FIELD_SERVICE_CIDR, SEV_ERROR,
	    MSG_CIDR_INVALID, "service without a prefix" },
	{ "10.0.0.5/16", "10.0.0.10", NULL, NULL, FIELD_SERVICE_CIDR,
	    SEV_WARNING, MSG_CIDR_HOST_BITS, "service with host bits" },
	{ NULL, "256.0.0.10", NULL, NULL, FIELD_DNS_SERVICE_IP, SEV_ERROR,
	    MSG_IP_INVALID, "DNS 256.x" },
	{ NULL, "10.0.0.10/32", NULL, NULL, FIELD_DNS_SERVICE_IP, SEV_ERROR,
	    MSG_IP_INVALID, "DNS with a prefix" },
	{ NULL, NULL, "172.17.0.1/33", NULL, FIELD_DOCKER_BRIDGE_CIDR,
	    SEV_ERROR, MSG_CIDR_INVALID, "bridge /33" },
	{ NULL, "10.1.0.10", NULL, NULL, FIELD_DNS_SERVICE_IP, SEV_ERROR,
	    MSG_DNS_OUTSIDE, "DNS outside the service CIDR" },
	{ NULL, "10.0.255.255", NULL, NULL, 0, 0, MSG__COUNT,
	    "DNS at the last address" },
	{ NULL, "10.0.0.0", NULL, NULL, FIELD_DNS_SERVICE_IP, SEV_ERROR,
	    MSG_DNS_RESERVED, "DNS at the network address" },
	{ NULL, "10.0.0.1", NULL, NULL, FIELD_DNS_SERVICE_IP, SEV_ERROR,
	    MSG_DNS_RESERVED, "DNS at the first host" },
	{ NULL, "10.0.0.2", NULL, NULL, 0, 0, MSG__COUNT,
	    "DNS at the second host" },
	{ NULL, NULL, "10.0.128.1/24", NULL, FIELD_DOCKER_BRIDGE_CIDR,
	    SEV_ERROR, MSG_BRIDGE_OVERLAPS_SERVICE, "bridge inside service" },
	{ NULL, NULL, "10.1.0.1/16", NULL, 0, 0, MSG__COUNT,
	    "bridge touching service" },
	{ NULL, NULL, "10.0.0.1/8", NULL, FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR,
	    MSG_BRIDGE_OVERLAPS_SERVICE, "bridge around service" },
	{ NULL, NULL, NULL, "172.17.4.0/24", FIELD_DOCKER_BRIDGE_CIDR,
	    SEV_ERROR, MSG_BRIDGE_OVERLAPS_SUBNET, "bridge over the subnet" },
	{ NULL, NULL, NULL, "172.18.0.0/24", 0, 0, MSG__COUNT,
	    "bridge touching the subnet" },
	{ NULL, NULL, NULL, "10.0.5.0/24", FIELD_SERVICE_CIDR, SEV_ERROR,
	    MSG_SERVICE_OVERLAPS_SUBNET, "service over the subnet" },
	{ "10.0.0.0/32", "10.0.0.0", NULL, NULL, FIELD_SERVICE_CIDR,
	    SEV_ERROR, MSG_SERVICE_CIDR_TOO_SMALL, "service /32" },
	{ "10.0.0.0/31", "10.0.0.1", NULL, NULL, FIELD_SERVICE_CIDR,
	    SEV_ERROR, MSG_SERVICE_CIDR_TOO_SMALL, "service /31" },
	{ "10.0.0.0/30", "10.0.0.1", NULL, NULL, FIELD_DNS_SERVICE_IP,
	    SEV_ERROR, MSG_DNS_RESERVED, "service /30, first host" },
	{ "10.0.0.0/30", "10.0.0.2", NULL, NULL, 0, 0, MSG__COUNT,
	    "service /30, second host" },
	{ "0.0.0.0/0", "10.0.0.10", "172.17.0.1/16", NULL,
	    FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR, MSG_BRIDGE_OVERLAPS_SERVICE,
	    "service /0 overlaps everything" },
};

int
main(void)
{
	struct plan_vnet	 vn;
	struct verdicts		 vs;
	const struct verdict	*v;
	struct cidr		 subnet;
	size_t			 i, j;

	memset(&vn, 0, sizeof vn);
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	core_count(&vs, 0, "no custom network");

	/* All six or none: each missing one is named, alone or first. */
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		vnet_good(&vn);
		((char *)&vn + parts[i].offset)[0] = '\0';
		verdicts_init(&vs);
		rules_vnet(&vn, NULL, &vs);
		core_count(&vs, 1, parts[i].human);
		v = core_expect(&vs, parts[i].field, SEV_ERROR,
		    MSG_VNET_INCOMPLETE, parts[i].human);
		core_arg(v, 0, parts[i].human, parts[i].human);
	}
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		memset(&vn, 0, sizeof vn);
		strcpy((char *)&vn + parts[i].offset, "x");
		verdicts_init(&vs);
		rules_vnet(&vn, NULL, &vs);
		j = i == 0 ? 1 : 0;
		v = core_expect(&vs, parts[j].field, SEV_ERROR,
		    MSG_VNET_INCOMPLETE, "only one given");
		core_arg(v, 0, parts[j].human, "the first missing is named");
	}

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		vnet_good(&vn);
		if (rows[i].service != NULL)
			strcpy(vn.service_cidr, rows[i].service);
		if (rows[i].dns != NULL)
			strcpy(vn.dns_service_ip, rows[i].dns);
		if (rows[i].bridge != NULL)
			strcpy(vn.docker_bridge_cidr, rows[i].bridge);
		if (rows[i].subnet != NULL)
			cidr_parse(rows[i].subnet, true, &subnet);
		verdicts_init(&vs);
		rules_vnet(&vn, rows[i].subnet != NULL ? &subnet : NULL, &vs);
		if (rows[i].msg == MSG__COUNT) {
			core_count(&vs, 0, rows[i].why);
			continue;
		}
		core_count(&vs, 1, rows[i].why);
		core_expect(&vs, rows[i].field, rows[i].sev, rows[i].msg,
		    rows[i].why);
	}

	/* Arguments. */
	vnet_good(&vn);
	strcpy(vn.dns_service_ip, "10.0.0.1");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	v = core_find(&vs, MSG_DNS_RESERVED);
	core_arg(v, 0, "10.0.0.1", "DNS_RESERVED: the IP");
	core_arg(v, 1, "10.0.0.0/16", "DNS_RESERVED: the range");
	core_arg(v, 2, "10.0.0.10", "DNS_RESERVED: a suggestion");
	strcpy(vn.service_cidr, "10.0.0.0/29");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	core_arg(core_find(&vs, MSG_DNS_RESERVED), 2, "10.0.0.2",
	    "DNS_RESERVED: a suggestion inside a /29");
	strcpy(vn.service_cidr, "10.0.0.0/16");
	strcpy(vn.dns_service_ip, "10.1.0.10");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	v = core_find(&vs, MSG_DNS_OUTSIDE);
	core_arg(v, 0, "10.1.0.10", "DNS_OUTSIDE: the IP");
	core_arg(v, 1, "10.0.0.0/16", "DNS_OUTSIDE: the range");
	vnet_good(&vn);
	strcpy(vn.service_cidr, "10.0.0.5/16");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	v = core_find(&vs, MSG_CIDR_HOST_BITS);
	core_arg(v, 0, "10.0.0.5/16", "CIDR_HOST_BITS: as written");
	core_arg(v, 1, "10.0.0.0/16", "CIDR_HOST_BITS: the range");
	vnet_good(&vn);
	cidr_parse("172.17.4.7/24", true, &subnet);
	verdicts_init(&vs);
	rules_vnet(&vn, &subnet, &vs);
	v = core_find(&vs, MSG_BRIDGE_OVERLAPS_SUBNET);
	core_arg(v, 0, "172.17.0.1/16", "BRIDGE_OVERLAPS_SUBNET: bridge");
	core_arg(v, 1, "172.17.4.7/24", "BRIDGE_OVERLAPS_SUBNET: subnet");
	vnet_good(&vn);
	strcpy(vn.docker_bridge_cidr, "10.0.0.1/8");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	v = core_find(&vs, MSG_BRIDGE_OVERLAPS_SERVICE);
	core_arg(v, 0, "10.0.0.1/8", "BRIDGE_OVERLAPS_SERVICE: bridge");
	core_arg(v, 1, "10.0.0.0/16", "BRIDGE_OVERLAPS_SERVICE: service");

	/* Several problems at once, each on its own field. */
	vnet_good(&vn);
	strcpy(vn.service_cidr, "junk");
	strcpy(vn.dns_service_ip, "010.0.0.10");
	strcpy(vn.docker_bridge_cidr, "172.17.0.1");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	core_count(&vs, 3, "three syntax errors");
	core_arg(core_expect(&vs, FIELD_SERVICE_CIDR, SEV_ERROR,
	    MSG_CIDR_INVALID, "junk"), 0, "junk", "CIDR_INVALID: as written");
	core_expect(&vs, FIELD_DNS_SERVICE_IP, SEV_ERROR, MSG_IP_INVALID,
	    "010.0.0.10");
	core_expect(&vs, FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR, MSG_CIDR_INVALID,
	    "bridge without a prefix");
	return tap_done();
}
