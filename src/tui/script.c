/*
 * Script reader (see script.h).  The loop asks for one item at a time and
 * only when no job is running, so a scripted run is deterministic: a key
 * never races a backend answer.
 */
#include "config.h"
#include "tui/script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common/err.h"
#include "common/i18n.h"

static FILE	*script_fp;
static char	 script_line[4096];
static char	*script_pos;	/* next character of the current line */
static int	 script_lineno;
static int	 script_fresh;	/* script_pos is at the start of a line */

/* Open the script file. */
bool
script_open(const char *path, struct err *err)
{
	if ((script_fp = fopen(path, "r")) == NULL)
		return err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
	script_pos = NULL;
	return true;
}

/* True while a script drives the keys. */
bool
script_active(void)
{
	return script_fp != NULL;
}

/* Close the script. */
void
script_close(void)
{
	if (script_fp != NULL)
		fclose(script_fp);
	script_fp = NULL;
}

/* Read lines until one has something to do; false at the end. */
static bool
script_read_line(void)
{
	char	*p;
	size_t	 len;

	while (fgets(script_line, sizeof script_line, script_fp) != NULL) {
		script_lineno++;
		len = strlen(script_line);
		while (len > 0 && (script_line[len - 1] == '\n' ||
		    script_line[len - 1] == '\r'))
			script_line[--len] = '\0';
		for (p = script_line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		script_pos = p;
		script_fresh = 1;
		return true;
	}
	return false;
}

/* The next key or command of the script. */
void
script_next(struct script_item *it)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 r, len;
	char		 name[32], *end;

	memset(it, 0, sizeof *it);
	if (script_fp == NULL || ((script_pos == NULL || *script_pos == '\0')
	    && !script_read_line())) {
		it->kind = SCRIPT_END;
		return;
	}
	it->line = script_lineno;
	if (script_fresh && *script_pos == ':') {
		it->kind = SCRIPT_COMMAND;
		snprintf(it->command, sizeof it->command, "%s",
		    script_pos + 1);
		len = strlen(it->command);
		while (len > 0 && (it->command[len - 1] == ' ' ||
		    it->command[len - 1] == '\t'))
			it->command[--len] = '\0';
		script_pos = NULL;
		return;
	}
	script_fresh = 0;
	it->kind = SCRIPT_KEY;
	if (*script_pos == '<' && (end = strchr(script_pos, '>')) != NULL &&
	    (size_t)(end - script_pos - 1) < sizeof name) {
		memcpy(name, script_pos + 1, (size_t)(end - script_pos - 1));
		name[end - script_pos - 1] = '\0';
		if (keys_parse_name(name, &it->key)) {
			script_pos = end + 1;
			return;
		}
	}
	memset(&st, 0, sizeof st);
	r = mbrtowc(&wc, script_pos, strlen(script_pos), &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		wc = (unsigned char)*script_pos;
		r = 1;
	}
	it->key.fn = false;
	it->key.code = (wint_t)wc;
	script_pos += r;
}
