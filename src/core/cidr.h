/* IPv4 addresses and CIDR ranges: strict parsing and range arithmetic. */
#ifndef AKSWIZ_CORE_CIDR_H
#define AKSWIZ_CORE_CIDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cidr {
	uint32_t	addr;		/* as written (host bits may be set) */
	int		prefix;		/* 0..32 */
};

/*
 * Dotted quad, four decimal numbers 0..255, no leading "+", no spaces, no
 * leading zeros beyond a lone 0 ("010.0.0.1" is refused: ambiguous).
 */
bool		ipv4_parse(const char *, uint32_t *);
void		ipv4_format(uint32_t, char *, size_t);	/* >= 16 bytes */
/* "a.b.c.d/n"; with require_prefix false a bare address is a /32. */
bool		cidr_parse(const char *, bool require_prefix, struct cidr *);
void		cidr_format(const struct cidr *, char *, size_t); /* >= 19 */
uint32_t	cidr_mask(int prefix);
uint32_t	cidr_network(const struct cidr *);
uint32_t	cidr_last(const struct cidr *);	/* broadcast address */
bool		cidr_has_host_bits(const struct cidr *);
bool		cidr_contains(const struct cidr *, uint32_t);
/* True if the two ranges share at least one address (touching is not). */
bool		cidr_overlap(const struct cidr *, const struct cidr *);

#endif
