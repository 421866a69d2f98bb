/* akswiz plan: placeholder until the plan commands land. */
#include "config.h"
#include "cli/cmd.h"

#include "common/i18n.h"

int
cmd_plan(struct cli_globals *g, int argc, char **argv)
{
	cli_error(_("plan commands are not built yet"));
	return EXIT_USAGE;
}
