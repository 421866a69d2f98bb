/*
 * The interactive commands: `akswiz create`, `akswiz attach`, and what
 * runs when akswiz is started with no command (the home screen).  They
 * hand the scope from the global options to tui/ and nothing else.
 */
#include "config.h"
#include "cli/cmd.h"

#include <string.h>

#include "common/i18n.h"
#include "core/plan.h"
#include "tui/tui.h"

/* Fill the interface's options from the global ones. */
static void
cmd_tui_options(const struct cli_globals *g, struct tui_options *o,
    enum tui_start start)
{
	memset(o, 0, sizeof *o);
	o->start = start;
	o->subscription = g->subscription;
	o->resource_group = g->resource_group;
	o->workspace = g->workspace;
	o->no_color = g->no_color;
	o->sandbox = g->sandbox;
	o->cloud = CLOUD_AZURE;
	if (g->cloud != NULL && !cloud_parse(g->cloud, &o->cloud))
		o->cloud = CLOUD_AZURE;
}

/* Run the interface from a start screen; extra arguments are refused. */
static int
cmd_tui_run(struct cli_globals *g, int argc, char **argv,
    enum tui_start start)
{
	struct tui_options	o;

	if (argc > 1) {
		cli_error(_("%s takes no arguments, only options"), argv[0]);
		return EXIT_USAGE;
	}
	cmd_tui_options(g, &o, start);
	return tui_main(&o) == 0 ? EXIT_OK : EXIT_USAGE;
}

int
cmd_home(struct cli_globals *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_HOME);
}

int
cmd_create(struct cli_globals *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_CREATE);
}

int
cmd_attach(struct cli_globals *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_ATTACH);
}
