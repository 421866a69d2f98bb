/* core/cidr.c: strict IPv4 and CIDR parsing, masks, ranges, overlap. */
#include "config.h"

#include "core/cidr.h"
#include "tests/tap.h"

static const struct {
	const char	*in;
	bool		 ok;
	uint32_t	 addr;
} ipv4_rows[] = {
	{ "0.0.0.0",		true,	0x00000000 },
	{ "10.0.0.10",		true,	0x0a00000a },
	{ "255.255.255.255",	true,	0xffffffff },
	{ "192.168.1.1",	true,	0xc0a80101 },
	{ "256.1.1.1",		false,	0 },
	{ "1.1.1.256",		false,	0 },
	{ "1000.1.1.1",		false,	0 },
	{ "010.0.0.1",		false,	0 },
	{ "10.0.0.01",		false,	0 },
	{ "10.00.0.1",		false,	0 },
	{ "10.0.0",		false,	0 },
	{ "10.0.0.1.1",		false,	0 },
	{ "10..0.1",		false,	0 },
	{ ".10.0.0.1",		false,	0 },
	{ "10.0.0.1.",		false,	0 },
	{ " 10.0.0.1",		false,	0 },
	{ "10.0.0.1 ",		false,	0 },
	{ "10.0. 0.1",		false,	0 },
	{ "+10.0.0.1",		false,	0 },
	{ "-1.0.0.1",		false,	0 },
	{ "10.0.0.x",		false,	0 },
	{ "0x0a.0.0.1",		false,	0 },
	{ "",			false,	0 },
	{ "10.0.0.1/32",	false,	0 },
};

static const struct {
	const char	*in;
	bool		 require_prefix;
	bool		 ok;
	uint32_t	 addr;
	int		 prefix;
} cidr_rows[] = {
	{ "10.0.0.0/16",	true,	true,	0x0a000000, 16 },
	{ "0.0.0.0/0",		true,	true,	0, 0 },
	{ "10.1.2.3/32",	true,	true,	0x0a010203, 32 },
	{ "172.17.0.1/16",	true,	true,	0xac110001, 16 },
	{ "10.0.0.0/33",	true,	false,	0, 0 },
	{ "10.0.0.0/-1",	true,	false,	0, 0 },
	{ "10.0.0.0/",		true,	false,	0, 0 },
	{ "10.0.0.0/08",	true,	false,	0, 0 },
	{ "10.0.0.0/8/8",	true,	false,	0, 0 },
	{ "10.0.0.0/ 8",	true,	false,	0, 0 },
	{ "10.0.0.0/100",	true,	false,	0, 0 },
	{ "10.0.0.0/x",		true,	false,	0, 0 },
	{ "10.0.0.0",		true,	false,	0, 0 },
	{ "10.0.0.5",		false,	true,	0x0a000005, 32 },
	{ "256.0.0.0/8",	true,	false,	0, 0 },
	{ "/8",			true,	false,	0, 0 },
	{ "",			false,	false,	0, 0 },
};

/* Ranges for overlap: a, b, whether they share an address. */
static const struct {
	const char	*a, *b;
	bool		 overlap;
} overlap_rows[] = {
	{ "10.0.0.0/16",	"10.0.0.0/16",		true },
	{ "10.0.0.0/16",	"10.0.128.0/24",	true },
	{ "10.0.128.0/24",	"10.0.0.0/16",		true },
	{ "10.0.0.0/16",	"10.1.0.0/16",		false },	/* touching */
	{ "10.1.0.0/16",	"10.0.0.0/16",		false },	/* touching */
	{ "10.0.0.0/24",	"10.0.0.255/32",	true },		/* last address */
	{ "10.0.0.0/24",	"10.0.1.0/32",		false },	/* just past it */
	{ "0.0.0.0/0",		"192.168.0.0/16",	true },
	{ "172.17.0.1/16",	"172.17.5.0/24",	true },		/* host bits */
	{ "10.0.0.0/8",		"172.16.0.0/12",	false },
	{ "255.255.255.255/32",	"255.255.255.0/24",	true },
};

int
main(void)
{
	struct cidr	c, d;
	uint32_t	a;
	char		buf[32];
	size_t		i;

	for (i = 0; i < sizeof ipv4_rows / sizeof ipv4_rows[0]; i++) {
		bool	got;

		a = 0xdeadbeef;
		got = ipv4_parse(ipv4_rows[i].in, &a);
		is_int(got, ipv4_rows[i].ok, "ipv4_parse(\"%s\") %s",
		    ipv4_rows[i].in, ipv4_rows[i].ok ? "accepts" : "refuses");
		if (got && ipv4_rows[i].ok)
			is_int(a, ipv4_rows[i].addr, "ipv4_parse(\"%s\") value",
			    ipv4_rows[i].in);
		else if (!got)
			is_int(a, 0xdeadbeef, "ipv4_parse(\"%s\") leaves the "
			    "output alone", ipv4_rows[i].in);
	}
	ok(!ipv4_parse(NULL, &a), "ipv4_parse(NULL) refuses");

	for (i = 0; i < sizeof cidr_rows / sizeof cidr_rows[0]; i++) {
		bool	got = cidr_parse(cidr_rows[i].in,
		    cidr_rows[i].require_prefix, &c);

		is_int(got, cidr_rows[i].ok, "cidr_parse(\"%s\", %s) %s",
		    cidr_rows[i].in, cidr_rows[i].require_prefix ?
		    "prefix required" : "prefix optional",
		    cidr_rows[i].ok ? "accepts" : "refuses");
		if (got && cidr_rows[i].ok) {
			is_int(c.addr, cidr_rows[i].addr, "  address");
			is_int(c.prefix, cidr_rows[i].prefix, "  prefix");
		}
	}

	is_int(cidr_mask(0), 0, "mask /0");
	is_int(cidr_mask(1), 0x80000000u, "mask /1");
	is_int(cidr_mask(16), 0xffff0000u, "mask /16");
	is_int(cidr_mask(31), 0xfffffffeu, "mask /31");
	is_int(cidr_mask(32), 0xffffffffu, "mask /32");

	cidr_parse("10.0.5.7/16", true, &c);
	is_int(cidr_network(&c), 0x0a000000, "network of 10.0.5.7/16");
	is_int(cidr_last(&c), 0x0a00ffff, "last of 10.0.5.7/16");
	ok(cidr_has_host_bits(&c), "10.0.5.7/16 has host bits");
	ok(cidr_contains(&c, 0x0a000000), "/16 contains its network address");
	ok(cidr_contains(&c, 0x0a00ffff), "/16 contains its last address");
	ok(!cidr_contains(&c, 0x0a010000), "/16 does not contain the next");
	ok(!cidr_contains(&c, 0x09ffffff), "/16 does not contain the previous");

	cidr_parse("0.0.0.0/0", true, &c);
	is_int(cidr_network(&c), 0, "network of /0");
	is_int(cidr_last(&c), 0xffffffffu, "last of /0");
	ok(cidr_contains(&c, 0xffffffffu), "/0 contains everything");
	ok(!cidr_has_host_bits(&c), "0.0.0.0/0 has no host bits");

	cidr_parse("10.1.2.3/32", true, &c);
	is_int(cidr_network(&c), 0x0a010203, "network of /32");
	is_int(cidr_last(&c), 0x0a010203, "last of /32");
	ok(!cidr_has_host_bits(&c), "a /32 has no host bits");
	ok(cidr_contains(&c, 0x0a010203), "/32 contains its address");
	ok(!cidr_contains(&c, 0x0a010204), "/32 contains nothing else");

	for (i = 0; i < sizeof overlap_rows / sizeof overlap_rows[0]; i++) {
		cidr_parse(overlap_rows[i].a, true, &c);
		cidr_parse(overlap_rows[i].b, true, &d);
		is_int(cidr_overlap(&c, &d), overlap_rows[i].overlap,
		    "%s and %s %s", overlap_rows[i].a, overlap_rows[i].b,
		    overlap_rows[i].overlap ? "overlap" : "do not overlap");
	}

	ipv4_format(0x0a00000a, buf, sizeof buf);
	is_str(buf, "10.0.0.10", "ipv4_format");
	ipv4_format(0xffffffff, buf, 16);
	is_str(buf, "255.255.255.255", "ipv4_format fits in 16 bytes");
	cidr_parse("172.17.0.1/16", true, &c);
	cidr_format(&c, buf, sizeof buf);
	is_str(buf, "172.17.0.1/16", "cidr_format keeps the address as written");
	cidr_parse("255.255.255.255/32", true, &c);
	cidr_format(&c, buf, 19);
	is_str(buf, "255.255.255.255/32", "cidr_format fits in 19 bytes");
	return tap_done();
}
