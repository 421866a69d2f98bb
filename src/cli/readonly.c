/*
 * --readonly for the commands: one that would change something in Azure
 * (apply, detach) says at once that --readonly forbids it, before any
 * sign-in or request.  Under it, azure/http.c refuses every writing
 * request of a read-only session whatever asks for it (the screens
 * included); this is the early, clear word for the command line.
 */
#include "config.h"
#include "cli/cmd.h"

#include "common/i18n.h"

int
cli_readonly_refuse(const struct cli_globals *g, const char *command)
{
	if (!g->readonly)
		return EXIT_OK;
	/* TRANSLATORS: %s is a command name, such as apply or detach. */
	cli_error(_("%s would change Azure, which --readonly forbids; nothing "
	    "was sent"), command);
	return EXIT_PREFLIGHT;
}
