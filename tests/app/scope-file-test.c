/*
 * app/scope-file: the scope configuration file read into the members the
 * options left empty, and rewritten with only its three keys changed --
 * comments, blank lines, other keys and their order kept.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/scope-file.h"
#include "tests/tap.h"

static const struct {
	const char	*text;
	const char	*given;		/* the workspace an option gave */
	const char	*sub, *group, *ws;
} reads[] = {
	{ "", "", "", "", "" },
	{ "subscription = s1\nresource-group = g1\nworkspace = w1\n", "",
	    "s1", "g1", "w1" },
	/* spaces, tabs, CRLF, no final newline */
	{ "  subscription\t=\ts1 \r\nworkspace=w1", "", "s1", "", "w1" },
	/* comments and other keys are no scope */
	{ "# workspace = no\nworkspace-note = no\nworkspaces = no\n", "",
	    "", "", "" },
	/* the first line of a key wins */
	{ "workspace = w1\nworkspace = w2\n", "", "", "", "w1" },
	/* an option is not overridden */
	{ "workspace = w1\n", "opt", "", "", "opt" },
	/* a line without = is ignored */
	{ "workspace\nresource-group = g\n", "", "", "g", "" },
};

static const struct {
	const char	*before;
	const char	*after;
} updates[] = {
	{ "", "subscription = S\nresource-group = G\nworkspace = W\n" },
	/* in place, others kept */
	{ "# mine\nworkspace = old\ncolor = never\n",
	    "# mine\nworkspace = W\ncolor = never\nsubscription = S\n"
	    "resource-group = G\n" },
	/* the line's own spacing kept, a second line of the key dropped */
	{ "subscription=old\n\nsubscription = older\nworkspace-note = x\n",
	    "subscription=S\n\nworkspace-note = x\nresource-group = G\n"
	    "workspace = W\n" },
	/* an empty value, and no newline at the end */
	{ "workspace =\n# end", "workspace = W\n# end\nsubscription = S\n"
	    "resource-group = G\n" },
	/* a comment that looks like a key stays a comment */
	{ "#workspace = old\n", "#workspace = old\nsubscription = S\n"
	    "resource-group = G\nworkspace = W\n" },
};

int
main(void)
{
	struct app_scope	sc, want;
	size_t			i;
	char			*text;

	for (i = 0; i < sizeof reads / sizeof *reads; i++) {
		memset(&sc, 0, sizeof sc);
		snprintf(sc.workspace, sizeof sc.workspace, "%s",
		    reads[i].given);
		app_config_parse(reads[i].text, &sc);
		is_str(sc.subscription, reads[i].sub, "read %zu: subscription",
		    i);
		is_str(sc.resource_group, reads[i].group,
		    "read %zu: resource group", i);
		is_str(sc.workspace, reads[i].ws, "read %zu: workspace", i);
	}
	memset(&want, 0, sizeof want);
	snprintf(want.subscription, sizeof want.subscription, "S");
	snprintf(want.resource_group, sizeof want.resource_group, "G");
	snprintf(want.workspace, sizeof want.workspace, "W");
	for (i = 0; i < sizeof updates / sizeof *updates; i++) {
		text = app_config_update(updates[i].before, &want);
		is_str(text, updates[i].after, "update %zu", i);
		/* and what it wrote reads back */
		memset(&sc, 0, sizeof sc);
		app_config_parse(text, &sc);
		ok(strcmp(sc.subscription, "S") == 0 &&
		    strcmp(sc.resource_group, "G") == 0 &&
		    strcmp(sc.workspace, "W") == 0, "update %zu reads back", i);
		free(text);
	}
	return tap_done();
}
