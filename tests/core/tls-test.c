/* core/rules-tls.c: load balancer and TLS combinations, host names. */
#include "config.h"

#include <string.h>

#include "core/rules.h"
#include "core-test.h"

#define NONE	{ MSG__COUNT, FIELD_NONE, SEV_INFO }
#define E(m, f)	{ MSG_##m, FIELD_##f, SEV_ERROR }
#define W(m, f)	{ MSG_##m, FIELD_##f, SEV_WARNING }

struct want {
	enum msg_id	 msg;
	enum plan_field	 field;
	enum severity	 sev;
};

/*
 * Every combination that matters: load balancer x subnet x TLS mode x
 * which TLS fields are set, and the verdicts expected.
 */
static const struct {
	enum lb_type	 lb;
	const char	*subnet;
	enum tls_mode	 mode;
	const char	*leaf, *cert, *key, *cname;
	bool		 overwrite;
	struct want	 want[3];
	const char	*why;
} rows[] = {
	{ LB_PUBLIC, "", TLS_DISABLED, "", "", "", "", false, { NONE },
	    "public, TLS disabled" },
	{ LB_INTERNAL, "aks-subnet", TLS_DISABLED, "", "", "", "", false,
	    { NONE }, "internal with subnet" },
	{ LB_INTERNAL, "", TLS_DISABLED, "", "", "", "", false,
	    { E(LB_SUBNET_NEEDED, LB_SUBNET), NONE },
	    "internal without subnet" },
	{ LB_PUBLIC, "aks-subnet", TLS_DISABLED, "", "", "", "", false,
	    { E(LB_SUBNET_PUBLIC, LB_SUBNET), NONE },
	    "public with subnet" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "myscore", "", "", "", false,
	    { NONE }, "Microsoft certificate" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "myscore", "", "", "", true,
	    { NONE }, "Microsoft certificate, overwrite" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "", "", "", "", false,
	    { E(TLS_LEAF_EMPTY, TLS_LEAF_LABEL), NONE },
	    "Microsoft certificate without a label" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "-bad", "", "", "", false,
	    { E(TLS_LEAF_INVALID, TLS_LEAF_LABEL), NONE },
	    "label starting with a hyphen" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "my.score", "", "", "", false,
	    { E(TLS_LEAF_INVALID, TLS_LEAF_LABEL), NONE },
	    "label with a dot" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "myscore", "c.pem", "", "", false,
	    { E(TLS_LEAF_WITH_CUSTOM, TLS_CERT_FILE), NONE },
	    "Microsoft certificate with a certificate file" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "myscore", "", "k.pem", "", false,
	    { E(TLS_LEAF_WITH_CUSTOM, TLS_KEY_FILE), NONE },
	    "Microsoft certificate with a key file" },
	{ LB_PUBLIC, "", TLS_MICROSOFT, "myscore", "", "", "a.example.com",
	    false, { E(TLS_LEAF_WITH_CUSTOM, TLS_CNAME), NONE },
	    "Microsoft certificate with a CNAME" },
	{ LB_INTERNAL, "aks-subnet", TLS_MICROSOFT, "myscore", "", "", "",
	    false, { E(TLS_MICROSOFT_INTERNAL, TLS_MODE), NONE },
	    "Microsoft certificate, internal load balancer" },
	{ LB_INTERNAL, "", TLS_MICROSOFT, "myscore", "", "", "", false,
	    { E(LB_SUBNET_NEEDED, LB_SUBNET),
	    E(TLS_MICROSOFT_INTERNAL, TLS_MODE), NONE },
	    "Microsoft certificate, internal without subnet" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "c.pem", "k.pem", "a.example.com",
	    false, { NONE }, "custom certificate" },
	{ LB_INTERNAL, "aks-subnet", TLS_CUSTOM, "", "c.pem", "k.pem",
	    "a.example.com", false, { NONE },
	    "custom certificate, internal load balancer" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "", "k.pem", "a.example.com", false,
	    { E(TLS_CUSTOM_INCOMPLETE, TLS_CERT_FILE), NONE },
	    "custom without certificate" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "c.pem", "", "a.example.com", false,
	    { E(TLS_CUSTOM_INCOMPLETE, TLS_KEY_FILE), NONE },
	    "custom without key" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "c.pem", "k.pem", "", false,
	    { E(TLS_CUSTOM_INCOMPLETE, TLS_CNAME), NONE },
	    "custom without CNAME" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "", "", "", false,
	    { E(TLS_CUSTOM_INCOMPLETE, TLS_CERT_FILE),
	    E(TLS_CUSTOM_INCOMPLETE, TLS_KEY_FILE),
	    E(TLS_CUSTOM_INCOMPLETE, TLS_CNAME) },
	    "custom with nothing" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "c.pem", "k.pem", "bad_name.com",
	    false, { E(TLS_CNAME_INVALID, TLS_CNAME), NONE },
	    "custom with a bad CNAME" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "myscore", "c.pem", "k.pem",
	    "a.example.com", false,
	    { E(TLS_LEAF_WITH_CUSTOM, TLS_LEAF_LABEL), NONE },
	    "custom with a leaf label" },
	{ LB_PUBLIC, "", TLS_CUSTOM, "", "c.pem", "k.pem", "a.example.com",
	    true, { E(TLS_OVERWRITE_ONLY_LEAF, TLS_OVERWRITE), NONE },
	    "custom with overwrite" },
	{ LB_PUBLIC, "", TLS_DISABLED, "", "", "", "", true,
	    { W(TLS_OVERWRITE_ONLY_LEAF, TLS_OVERWRITE), NONE },
	    "disabled with overwrite" },
	{ LB_PUBLIC, "", TLS_DISABLED, "myscore", "", "", "", false,
	    { W(PLAN_NOT_APPLICABLE, TLS_LEAF_LABEL), NONE },
	    "disabled with a leaf label" },
	{ LB_PUBLIC, "", TLS_DISABLED, "", "c.pem", "", "a.example.com", false,
	    { W(PLAN_NOT_APPLICABLE, TLS_CERT_FILE),
	    W(PLAN_NOT_APPLICABLE, TLS_CNAME), NONE },
	    "disabled with a certificate and CNAME" },
};

static const struct {
	const char	*s;
	bool		 label, host;
} name_rows[] = {
	{ "a",			true,	true },
	{ "myscore",		true,	true },
	{ "My-Score-1",		true,	true },
	{ "1abc",		true,	true },
	{ "-abc",		false,	false },
	{ "abc-",		false,	false },
	{ "a_b",		false,	false },
	{ "",			false,	false },
	{ "a.example.com",	false,	true },
	{ "scoring.contoso.com", false,	true },
	{ "a..com",		false,	false },
	{ ".example.com",	false,	false },
	{ "example.com.",	false,	false },
	{ "*.example.com",	false,	false },
	{ "10.0.0.1",		false,	false },
	{ "a.b.c.123",		false,	false },
	{ "123.example.com",	false,	true },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				true,	true },		/* 63 */
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				false,	false },	/* 64 */
	{ "sc\xc3\xb6re",	false,	false },
};

/* An internal load balancer's subnet against the network (create). */
static const struct {
	enum lb_type	 lb;
	const char	*subnet;
	const char	*vnet_subnet;	/* "" the Basic network */
	bool		 error;
	const char	*offered;
	const char	*why;
} subnets[] = {
	{ LB_INTERNAL, "aks-subnet", "", false, "aks-subnet",
	    "Basic network, aks-subnet" },
	{ LB_INTERNAL, "AKS-Subnet", "", false, "aks-subnet",
	    "Basic network, aks-subnet in capitals (names ignore case)" },
	{ LB_INTERNAL, "snet-scoring", "", true, "aks-subnet",
	    "Basic network, another subnet" },
	{ LB_INTERNAL, "", "", false, "aks-subnet",
	    "Basic network, no subnet (LB_SUBNET_NEEDED's job)" },
	{ LB_PUBLIC, "snet-scoring", "", false, "aks-subnet",
	    "public (LB_SUBNET_PUBLIC's job)" },
	{ LB_INTERNAL, "snet-scoring", "snet-nodes", false, "snet-nodes",
	    "Advanced network, any subnet of the VNet" },
};

int
main(void)
{
	struct plan_tls		 tls;
	struct verdicts		 vs;
	const struct verdict	*v;
	char			 buf[128], host[300];
	size_t			 i, want;
	int			 w;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		memset(&tls, 0, sizeof tls);
		tls.mode = rows[i].mode;
		strcpy(tls.leaf_label, rows[i].leaf);
		strcpy(tls.cert_file, rows[i].cert);
		strcpy(tls.key_file, rows[i].key);
		strcpy(tls.cname, rows[i].cname);
		tls.overwrite = rows[i].overwrite;
		verdicts_init(&vs);
		rules_lb_tls(rows[i].lb, rows[i].subnet, &tls, &vs);
		for (want = 0, w = 0; w < 3 &&
		    rows[i].want[w].msg != MSG__COUNT; w++, want++)
			core_expect(&vs, rows[i].want[w].field,
			    rows[i].want[w].sev, rows[i].want[w].msg,
			    rows[i].why);
		core_count(&vs, want, rows[i].why);
	}

	for (i = 0; i < sizeof subnets / sizeof subnets[0]; i++) {
		struct plan_vnet	vn;

		memset(&vn, 0, sizeof vn);
		if (subnets[i].vnet_subnet[0] != '\0') {
			strcpy(vn.resource_group, "net-rg");
			strcpy(vn.vnet, "ml-vnet");
			strcpy(vn.subnet, subnets[i].vnet_subnet);
			strcpy(vn.service_cidr, "10.0.0.0/16");
			strcpy(vn.dns_service_ip, "10.0.0.10");
			strcpy(vn.docker_bridge_cidr, "172.17.0.1/16");
		}
		verdicts_init(&vs);
		rules_lb_subnet_network(subnets[i].lb, subnets[i].subnet, &vn,
		    &vs);
		if (subnets[i].error)
			core_arg(core_expect(&vs, FIELD_LB_SUBNET, SEV_ERROR,
			    MSG_LB_SUBNET_BASIC, subnets[i].why), 0,
			    subnets[i].subnet, subnets[i].why);
		core_count(&vs, subnets[i].error ? 1 : 0, subnets[i].why);
		tap_ok(strcmp(rules_lb_subnet_default(&vn),
		    subnets[i].offered) == 0, "%s: offers %s", subnets[i].why,
		    subnets[i].offered);
	}

	/* Arguments. */
	memset(&tls, 0, sizeof tls);
	tls.mode = TLS_CUSTOM;
	strcpy(tls.cert_file, "c.pem");
	strcpy(tls.key_file, "k.pem");
	verdicts_init(&vs);
	rules_lb_tls(LB_PUBLIC, NULL, &tls, &vs);
	core_arg(core_find(&vs, MSG_TLS_CUSTOM_INCOMPLETE), 0, "the CNAME",
	    "TLS_CUSTOM_INCOMPLETE names what is missing");
	strcpy(tls.cname, "bad_name.com");
	verdicts_init(&vs);
	rules_lb_tls(LB_PUBLIC, NULL, &tls, &vs);
	core_arg(core_find(&vs, MSG_TLS_CNAME_INVALID), 0, "bad_name.com",
	    "TLS_CNAME_INVALID: as written");
	memset(&tls, 0, sizeof tls);
	tls.mode = TLS_MICROSOFT;
	strcpy(tls.leaf_label, "my.score");
	verdicts_init(&vs);
	rules_lb_tls(LB_PUBLIC, "", &tls, &vs);
	core_arg(core_find(&vs, MSG_TLS_LEAF_INVALID), 0, "my.score",
	    "TLS_LEAF_INVALID: as written");
	memset(&tls, 0, sizeof tls);
	tls.mode = TLS_DISABLED;
	strcpy(tls.cname, "a.example.com");
	verdicts_init(&vs);
	rules_lb_tls(LB_PUBLIC, "", &tls, &vs);
	v = core_find(&vs, MSG_PLAN_NOT_APPLICABLE);
	core_arg(v, 0, "--ssl-cname", "not applicable: the flag");

	for (i = 0; i < sizeof name_rows / sizeof name_rows[0]; i++) {
		is_int(rules_dns_label_valid(name_rows[i].s), name_rows[i].label,
		    "DNS label \"%s\"", name_rows[i].s);
		is_int(rules_host_name_valid(name_rows[i].s), name_rows[i].host,
		    "host name \"%s\"", name_rows[i].s);
	}
	ok(!rules_dns_label_valid(NULL), "DNS label NULL");
	ok(!rules_host_name_valid(NULL), "host name NULL");
	/* 253 characters is the most a host name may have. */
	memset(host, 0, sizeof host);
	for (i = 0; i < 4; i++) {
		memset(host + i * 64, 'a', 63);
		host[i * 64 + 63] = '.';
	}
	host[253] = '\0';	/* 4 labels of 63, the last cut to 61 */
	ok(rules_host_name_valid(host), "host name of 253 characters");
	host[253] = 'a';
	host[254] = '\0';
	ok(!rules_host_name_valid(host), "host name of 254 characters");

	/* Leaf host preview per cloud. */
	ok(rules_leaf_host_preview(CLOUD_AZURE, "myscore", "westeurope", buf,
	    sizeof buf), "preview, Azure");
	is_str(buf, "myscore######.westeurope.cloudapp.azure.com",
	    "preview, Azure: host");
	ok(rules_leaf_host_preview(CLOUD_CHINA, "myscore", "chinaeast2", buf,
	    sizeof buf), "preview, China");
	is_str(buf, "myscore######.chinaeast2.cloudapp.chinacloudapi.cn",
	    "preview, China: host");
	ok(rules_leaf_host_preview(CLOUD_USGOV, "MyScore", "usgovvirginia",
	    buf, sizeof buf), "preview, US Gov");
	is_str(buf, "myscore######.usgovvirginia.cloudapp.usgovcloudapi.net",
	    "preview, US Gov: host, in lowercase");
	ok(!rules_leaf_host_preview(CLOUD_AZURE, "", "westeurope", buf,
	    sizeof buf), "preview: no label");
	is_str(buf, "", "preview: no label leaves the buffer empty");
	ok(!rules_leaf_host_preview(CLOUD_AZURE, "my.score", "westeurope", buf,
	    sizeof buf), "preview: bad label");
	ok(!rules_leaf_host_preview(CLOUD_AZURE, "myscore", "", buf,
	    sizeof buf), "preview: no region");
	ok(!rules_leaf_host_preview(CLOUD_AZURE, "myscore", "West Europe", buf,
	    sizeof buf), "preview: a display name is not a region");
	ok(!rules_leaf_host_preview(CLOUD_AZURE, "myscore", "westeurope", buf,
	    20), "preview: too small a buffer");
	is_str(rules_cloud_dns_suffix(CLOUD_AZURE), "cloudapp.azure.com",
	    "suffix, Azure");
	is_str(rules_cloud_dns_suffix(CLOUD_CHINA), "cloudapp.chinacloudapi.cn",
	    "suffix, China");
	is_str(rules_cloud_dns_suffix(CLOUD_USGOV),
	    "cloudapp.usgovcloudapi.net", "suffix, US Gov");
	return tap_done();
}
