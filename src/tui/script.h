/*
 * AKSWIZ_SCRIPT: keys and commands from a file instead of the keyboard
 * (tig's test scripts).  A line holds key names in angle brackets
 * ("<Down>", "<S-Tab>", "<lt>" for "<") and plain text, typed a character
 * at a time; a line starting with ":" is a command (":save-display FILE",
 * ":save-state FILE", ":resize COLSxLINES"); "#" starts a comment line.
 * Leading blanks are ignored, so scripts can be indented.
 */
#ifndef AKSWIZ_TUI_SCRIPT_H
#define AKSWIZ_TUI_SCRIPT_H

#include <stdbool.h>

#include "tui/keys.h"

struct err;

enum script_kind {
	SCRIPT_KEY,
	SCRIPT_COMMAND,
	SCRIPT_END
};

struct script_item {
	enum script_kind	kind;
	struct key		key;
	char			command[1024];	/* ":save-display x" without ":" */
	int			line;
};

/* Open the script named by AKSWIZ_SCRIPT, if any; false on error. */
bool	script_open(const char *path, struct err *);
bool	script_active(void);
/* The next key or command; SCRIPT_END at the end of the file. */
void	script_next(struct script_item *);
void	script_close(void);

#endif
