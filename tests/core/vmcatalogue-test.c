/* core/vmcatalogue.c: the built-in sizes, as generated from the TSV. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/vmcatalogue.h"
#include "tests/tap.h"

static const struct {
	const char	*name;
	int		 vcpus;
	double		 memory_gb;
	const char	*family;
	int		 gpus;
	bool		 fpga;
} known[] = {
	{ "Standard_D3_v2",	4, 14,	"standardDv2Family",	0, false },
	{ "Standard_DS3_v2",	4, 14,	"standardDSv2Family",	0, false },
	{ "Standard_D1_v2",	1, 3.5,	"standardDv2Family",	0, false },
	{ "Standard_D4s_v3",	4, 16,	"standardDSv3Family",	0, false },
	{ "Standard_D2_v3",	2, 8,	"standardDv3Family",	0, false },
	{ "Standard_NC6",	6, 56,	"standardNCFamily",	1, false },
	{ "Standard_NC6s_v3",	6, 112,	"standardNCSv3Family",	1, false },
	{ "Standard_NC4as_T4_v3", 4, 28, "standardNCASv3_T4Family", 1, false },
	{ "Standard_PB6s",	6, 112,	"standardPBSFamily",	0, true },
	{ "Standard_B1ls",	1, 0.5,	"standardBSFamily",	0, false },
	{ "Standard_F4s_v2",	4, 8,	"standardFSv2Family",	0, false },
	{ "Standard_E4s_v3",	4, 32,	"standardESv3Family",	0, false },
	{ "Standard_A2_v2",	2, 4,	"standardAv2Family",	0, false },
	{ "Standard_D96_v5",	96, 384, "standardDv5Family",	0, false },
	{ "Standard_NV12s_v3",	12, 112, "standardNVSv3Family",	1, false },
	{ "Standard_ND24s",	24, 448, "standardNDSFamily",	4, false },
};

/* Does the catalogue have a size of this series ("_v3", "Standard_NC")? */
static bool
has(const struct vm_size *all, size_t n, const char *prefix,
    const char *suffix)
{
	size_t	i, ls = strlen(suffix), ln;

	for (i = 0; i < n; i++) {
		ln = strlen(all[i].name);
		if (strncmp(all[i].name, prefix, strlen(prefix)) == 0 &&
		    ln >= ls && strcmp(all[i].name + ln - ls, suffix) == 0)
			return true;
	}
	return false;
}

/* The size list's filter: the name after its tier, word by word. */
static const struct {
	const char	*name, *filter;
	bool		 match;
} filters[] = {
	{ "Standard_NC6",	"N",		true },
	{ "Standard_D3_v2",	"N",		false },	/* not "Standard" */
	{ "Standard_D3_v2",	"n",		false },
	{ "Standard_NC6s_v3",	"nc6",		true },
	{ "Standard_D3_v2",	"d3",		true },
	{ "Standard_D3_v2",	"v2",		true },
	{ "Standard_D3_v2",	"",		true },
	{ "Standard_D3_v2",	"  ",		true },
	{ "Standard_D3_v2",	"Stan",		true },		/* its start */
	{ "Standard_D3_v2",	"standard_d3",	true },
	{ "Standard_D3_v2",	"st",		false },	/* too short */
	{ "Standard_DS3_v2",	"ds v2",	true },		/* every word */
	{ "Standard_D3_v3",	"d3 v2",	false },
	{ "Standard_D3_v2",	"4",		false },	/* not vCPU */
	{ "Standard_D3_v2",	"Family",	false },	/* nor family */
	{ "Basic_A1",		"a1",		true },
	{ "Basic_A1",		"standard",	false },
	{ "local",		"oca",		true },		/* no tier */
};

int
main(void)
{
	const struct vm_size	*all, *s;
	size_t			 n, i, sorted = 1, sane = 0;

	all = vm_catalogue_all(&n);
	ok(all != NULL && n >= 60, "at least 60 sizes (%zu)", n);
	for (i = 1; i < n; i++)
		if (strcmp(all[i - 1].name, all[i].name) >= 0)
			sorted = 0;
	ok(sorted, "sorted by name, no duplicates");
	for (i = 0; i < n; i++)
		if (all[i].vcpus > 0 && all[i].memory_gb > 0 &&
		    strncmp(all[i].family, "standard", 8) == 0 &&
		    strcmp(all[i].family + strlen(all[i].family) - 6,
		    "Family") == 0 && all[i].gpus >= 0)
			sane++;
	is_int(sane, n, "every size has vCPU, memory and a quota family");

	for (i = 0; i < sizeof known / sizeof known[0]; i++) {
		s = vm_catalogue_find(known[i].name);
		if (!ok(s != NULL, "%s is known", known[i].name))
			continue;
		ok(s->vcpus == known[i].vcpus &&
		    s->memory_gb == known[i].memory_gb &&
		    strcmp(s->family, known[i].family) == 0 &&
		    s->gpus == known[i].gpus && s->fpga == known[i].fpga,
		    "%s: %d vCPU, %g GB, %s, %d GPU%s", known[i].name,
		    known[i].vcpus, known[i].memory_gb, known[i].family,
		    known[i].gpus, known[i].fpga ? ", FPGA" : "");
	}
	s = vm_catalogue_find("STANDARD_d3_V2");
	ok(s != NULL && strcmp(s->name, "Standard_D3_v2") == 0,
	    "lookup ignores case and returns the real spelling");
	ok(vm_catalogue_find("Standard_D3") == NULL, "a prefix is not a size");
	ok(vm_catalogue_find("") == NULL, "empty is not a size");
	ok(vm_catalogue_find(NULL) == NULL, "NULL is not a size");

	/* The series the issue names. */
	ok(has(all, n, "Standard_A", "_v2"), "A v2");
	ok(has(all, n, "Standard_B", "ms"), "B-series");
	ok(has(all, n, "Standard_D", "_v2"), "D v2");
	ok(has(all, n, "Standard_DS", "_v2"), "DS v2");
	ok(has(all, n, "Standard_D", "s_v3"), "Ds v3");
	ok(has(all, n, "Standard_D", "_v4"), "D v4");
	ok(has(all, n, "Standard_D", "s_v5"), "Ds v5");
	ok(has(all, n, "Standard_E", "_v3"), "E v3");
	ok(has(all, n, "Standard_F", "s_v2"), "Fs v2");
	ok(has(all, n, "Standard_NC", "s_v3"), "NC v3");
	ok(has(all, n, "Standard_NC", "as_T4_v3"), "NCasT4_v3");
	ok(has(all, n, "Standard_ND", "s"), "ND");
	ok(has(all, n, "Standard_NV", "s_v3"), "NVv3");
	for (i = 0; i < sizeof filters / sizeof filters[0]; i++)
		ok(vm_size_filter_match(filters[i].name, filters[i].filter) ==
		    filters[i].match, "filter \"%s\" %s %s", filters[i].filter,
		    filters[i].match ? "matches" : "does not match",
		    filters[i].name);
	return tap_done();
}
