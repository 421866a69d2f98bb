/*
 * IPv4 addresses and CIDR ranges (see cidr.h).  Parsing is strict on
 * purpose: the service's patterns accept "010.0.0.1" and "999.1.1.1", but
 * AKS then fails late; refusing them here gives the user a field-level
 * error instead.
 */
#include "config.h"
#include "core/cidr.h"

#include <stdio.h>
#include <string.h>

/* Parse one decimal octet at *sp, advancing it; false on anything else. */
static bool
ipv4_octet(const char **sp, uint32_t *out)
{
	const char	*s = *sp;
	uint32_t	 v = 0;
	int		 digits = 0;

	while (*s >= '0' && *s <= '9') {
		if (digits == 1 && v == 0)
			return false;	/* leading zero */
		v = v * 10 + (uint32_t)(*s - '0');
		if (++digits > 3 || v > 255)
			return false;
		s++;
	}
	if (digits == 0)
		return false;
	*sp = s;
	*out = v;
	return true;
}

/* Parse a dotted quad ending at the end of s or at stop; see cidr.h. */
static bool
ipv4_parse_until(const char *s, char stop, const char **end, uint32_t *out)
{
	uint32_t	addr = 0, octet;
	int		i;

	if (s == NULL)
		return false;
	for (i = 0; i < 4; i++) {
		if (i > 0) {
			if (*s != '.')
				return false;
			s++;
		}
		if (!ipv4_octet(&s, &octet))
			return false;
		addr = (addr << 8) | octet;
	}
	if (*s != '\0' && (stop == '\0' || *s != stop))
		return false;
	*end = s;
	*out = addr;
	return true;
}

/* Parse a dotted quad strictly; see cidr.h. */
bool
ipv4_parse(const char *s, uint32_t *out)
{
	const char	*end;
	uint32_t	 addr;

	if (!ipv4_parse_until(s, '\0', &end, &addr))
		return false;
	*out = addr;
	return true;
}

/* Write an address as a dotted quad. */
void
ipv4_format(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", (unsigned)(a >> 24) & 255,
	    (unsigned)(a >> 16) & 255, (unsigned)(a >> 8) & 255,
	    (unsigned)a & 255);
}

/* Parse "a.b.c.d/n" (or a bare address when the prefix is optional). */
bool
cidr_parse(const char *s, bool require_prefix, struct cidr *out)
{
	const char	*end, *p;
	uint32_t	 addr;
	int		 prefix = 0, digits = 0;

	if (!ipv4_parse_until(s, '/', &end, &addr))
		return false;
	if (*end == '\0') {
		if (require_prefix)
			return false;
		out->addr = addr;
		out->prefix = 32;
		return true;
	}
	for (p = end + 1; *p >= '0' && *p <= '9'; p++) {
		if (digits == 1 && prefix == 0)
			return false;	/* "/08" */
		prefix = prefix * 10 + (*p - '0');
		if (++digits > 2 || prefix > 32)
			return false;
	}
	if (digits == 0 || *p != '\0')
		return false;
	out->addr = addr;
	out->prefix = prefix;
	return true;
}

/* Write a range as written, host bits included. */
void
cidr_format(const struct cidr *c, char *buf, size_t len)
{
	char	ip[16];

	ipv4_format(c->addr, ip, sizeof ip);
	snprintf(buf, len, "%s/%d", ip, c->prefix);
}

/* The netmask of a prefix length, 0 for /0. */
uint32_t
cidr_mask(int prefix)
{
	if (prefix <= 0)
		return 0;
	if (prefix >= 32)
		return 0xffffffffu;
	return ~(0xffffffffu >> prefix);
}

/* The range's first address. */
uint32_t
cidr_network(const struct cidr *c)
{
	return c->addr & cidr_mask(c->prefix);
}

/* The range's last (broadcast) address. */
uint32_t
cidr_last(const struct cidr *c)
{
	return cidr_network(c) | ~cidr_mask(c->prefix);
}

/* Is the address as written other than the range's network? */
bool
cidr_has_host_bits(const struct cidr *c)
{
	return (c->addr & ~cidr_mask(c->prefix)) != 0;
}

/* Is the address inside the range? */
bool
cidr_contains(const struct cidr *c, uint32_t a)
{
	return (a & cidr_mask(c->prefix)) == cidr_network(c);
}

/* Do two ranges share an address (merely touching is not)? */
bool
cidr_overlap(const struct cidr *a, const struct cidr *b)
{
	return cidr_network(a) <= cidr_last(b) &&
	    cidr_network(b) <= cidr_last(a);
}
