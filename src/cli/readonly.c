/*
 * --readonly for the commands: one that would change something in Azure
 * (apply, detach) says at once that --readonly forbids it, before any
 * sign-in or request.  Under it, azure/http.c refuses every writing
 * request of a read-only session whatever asks for it (the screens
 * included); this is the early, clear word for the command line.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>

#include "common/i18n.h"

int
cli_readonly_refuse(const struct app_options *g, const char *command)
{
	if (!g->readonly)
		return EXIT_OK;
	/* TRANSLATORS: %s is a command name, such as apply or detach. */
	cli_error(_("%s would change Azure, which --readonly forbids; nothing "
	    "was sent"), command);
	/* the outcome object of a refused plan (akswiz(1) "apply") */
	if (g->output == OUTPUT_JSON)
		fputs("{\"result\": \"refused\", \"readonly\": true, "
		    "\"verdicts\": []}\n", stdout);
	return EXIT_PREFLIGHT;
}
