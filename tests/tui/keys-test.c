/*
 * Keys and scripts, as tables: key names of the script syntax, what the
 * default keymap makes of them, and how a script line becomes keys and
 * commands (indentation, <lt>, unknown names typed as text, comments).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "common/err.h"
#include "tui/curses.h"
#include "tui/keys.h"
#include "tui/script.h"

static const struct {
	const char	*name;
	enum request	 req;
} key_rows[] = {
	{ "Down",	REQ_DOWN },
	{ "Up",		REQ_UP },
	{ "Enter",	REQ_ENTER },
	{ "Tab",	REQ_NEXT_FIELD },
	{ "S-Tab",	REQ_PREV_FIELD },
	{ "Esc",	REQ_BACK },
	{ "Backspace",	REQ_BACKSPACE },
	{ "Space",	REQ_TOGGLE },
	{ "C-u",	REQ_KILL_LINE },
	{ "C-c",	REQ_QUIT },
	{ "F1",		REQ_HELP },
	{ "?",		REQ_HELP },
	{ "q",		REQ_QUIT },
	{ "+",		REQ_INCREASE },
	{ "-",		REQ_DECREASE },
	{ "a",		REQ_CHAR },
	{ "lt",		REQ_CHAR },
};

/*
 * A screen's own keys: bound where the screen lists the request (browse),
 * text everywhere else (a compute name may hold an "s").
 */
static const enum request browse_like[] = {
	REQ_UP, REQ_FILTER, REQ_SORT, REQ_REFRESH, REQ_DETACH, REQ_SWITCH_LB,
	REQ_CHANGE_TLS, REQ_FINISH, REQ_DELETE_COMPUTE, REQ_OPEN_CREATE,
	REQ_OPEN_ATTACH, REQ_NONE
};
static const struct {
	const char	*name;
	enum request	 on_screen;	/* where the screen lists it */
	enum request	 elsewhere;
	const char	*shown;		/* keys_name_of() */
} screen_key_rows[] = {
	{ "/",	REQ_FILTER,		REQ_CHAR,	"/" },
	{ "s",	REQ_SORT,		REQ_CHAR,	"s" },
	{ "r",	REQ_REFRESH,		REQ_CHAR,	"r" },
	{ "d",	REQ_DETACH,		REQ_CHAR,	"d" },
	{ "i",	REQ_SWITCH_LB,		REQ_CHAR,	"i" },
	{ "t",	REQ_CHANGE_TLS,		REQ_CHAR,	"t" },
	{ "f",	REQ_FINISH,		REQ_CHAR,	"f" },
	{ "x",	REQ_DELETE_COMPUTE,	REQ_CHAR,	"x" },
	{ "n",	REQ_OPEN_CREATE,	REQ_CHAR,	"n" },
	{ "a",	REQ_OPEN_ATTACH,	REQ_CHAR,	"a" },
	{ "q",	REQ_QUIT,		REQ_QUIT,	"q <C-c>" },
	{ "Up",	REQ_UP,			REQ_UP,		"<Up>" },
};

/* A script of one text, read item by item into a compact description. */
static const char *
script_items(const char *text)
{
	static char		 out[512];
	char			 path[] = "/tmp/akswiz-keys-test.XXXXXX";
	struct script_item	 it;
	struct err		 err;
	FILE			*fp;
	int			 fd;
	size_t			 len = 0;

	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		return "(no temp file)";
	fputs(text, fp);
	fclose(fp);
	out[0] = '\0';
	if (!script_open(path, &err))
		return "(not opened)";
	for (script_next(&it); it.kind != SCRIPT_END; script_next(&it)) {
		if (it.kind == SCRIPT_COMMAND)
			len += (size_t)snprintf(out + len, sizeof out - len,
			    "[:%s]", it.command);
		else if (it.key.fn)
			len += (size_t)snprintf(out + len, sizeof out - len,
			    "[%s]", keys_request_name(keys_request(&it.key)));
		else
			len += (size_t)snprintf(out + len, sizeof out - len,
			    "%lc", (wint_t)it.key.code);
		if (len >= sizeof out)
			break;
	}
	script_close();
	unlink(path);
	return out;
}

static const struct {
	const char	*script;
	const char	*items;
	const char	*what;
} script_rows[] = {
	{ "ab<Enter>\n", "ab\n", "text and a key" },
	{ "\t<Down><S-Tab>\n", "[down][prev-field]", "indented, function keys" },
	{ ":save-display x.screen  \n", "[:save-display x.screen]",
	    "a command, trailing blanks dropped" },
	{ "a:b\n", "a:b", "a colon inside a line is text" },
	{ "<lt>b>\n", "<b>", "<lt> types a <" },
	{ "<Nope>\n", "<Nope>", "an unknown name is typed as text" },
	{ "# comment\n\n  x\n", "x", "comments and blank lines" },
	{ "名前\n", "名前", "UTF-8 text a character at a time" },
};

/* Escape sequences as terminals send them, and what they are. */
static const struct {
	const char	*seq;
	enum request	 req;		/* REQ_NONE: unknown, dropped */
	bool		 complete;
	const char	*what;
} seq_rows[] = {
	{ "\033[1~",	REQ_HOME,	true,	"tmux/screen Home" },
	{ "\033[4~",	REQ_END,	true,	"tmux/screen End" },
	{ "\033[7~",	REQ_HOME,	true,	"rxvt Home" },
	{ "\033[8~",	REQ_END,	true,	"rxvt End" },
	{ "\033[H",	REQ_HOME,	true,	"xterm Home" },
	{ "\033[F",	REQ_END,	true,	"xterm End" },
	{ "\033OH",	REQ_HOME,	true,	"xterm application-mode Home" },
	{ "\033OF",	REQ_END,	true,	"xterm application-mode End" },
	{ "\033[3~",	REQ_DELETE,	true,	"Delete" },
	{ "\033[5~",	REQ_PAGE_UP,	true,	"PgUp" },
	{ "\033[6~",	REQ_PAGE_DOWN,	true,	"PgDn" },
	{ "\033[Z",	REQ_PREV_FIELD,	true,	"Shift-Tab" },
	{ "\033OA",	REQ_UP,		true,	"application-mode Up" },
	{ "\033[[A",	REQ_HELP,	true,	"Linux console F1" },
	{ "\033[1;5H",	REQ_NONE,	true,	"Ctrl-Home: complete, unknown" },
	{ "\033[1",	REQ_NONE,	false,	"a sequence still arriving" },
	{ "\033[",	REQ_NONE,	false,	"CSI alone is not complete" },
};

int
main(void)
{
	struct key	k;
	const char	*name;
	size_t		i;

	setlocale(LC_ALL, "C.UTF-8");
	for (i = 0; i < sizeof key_rows / sizeof key_rows[0]; i++) {
		ok(keys_parse_name(key_rows[i].name, &k), "<%s> is a key",
		    key_rows[i].name);
		is_int(keys_request(&k), key_rows[i].req, "<%s> is %s",
		    key_rows[i].name, keys_request_name(key_rows[i].req));
	}
	ok(!keys_parse_name("Nope", &k), "an unknown name is refused");
	k.fn = false;
	k.code = '\r';
	is_int(keys_request(&k), REQ_ENTER, "a carriage return is Enter");
	k.code = 127;
	is_int(keys_request(&k), REQ_BACKSPACE, "DEL is Backspace");
	is_str(keys_name_of(REQ_HELP), "? <F1>", "help lists every key bound");
	for (i = 0; i < sizeof screen_key_rows / sizeof screen_key_rows[0];
	    i++) {
		ok(keys_parse_name(screen_key_rows[i].name, &k), "<%s> is a key",
		    screen_key_rows[i].name);
		is_int(keys_request_for(&k, browse_like),
		    screen_key_rows[i].on_screen, "<%s> is %s on a screen "
		    "that lists it", screen_key_rows[i].name,
		    keys_request_name(screen_key_rows[i].on_screen));
		is_int(keys_request_for(&k, NULL),
		    screen_key_rows[i].elsewhere, "<%s> is %s elsewhere",
		    screen_key_rows[i].name,
		    keys_request_name(screen_key_rows[i].elsewhere));
		is_str(keys_name_of(screen_key_rows[i].on_screen),
		    screen_key_rows[i].shown, "%s is shown as %s",
		    keys_request_name(screen_key_rows[i].on_screen),
		    screen_key_rows[i].shown);
	}
	for (i = 0; i < sizeof seq_rows / sizeof seq_rows[0]; i++) {
		bool	known = keys_parse_sequence(seq_rows[i].seq, &k);

		is_int(keys_sequence_complete(seq_rows[i].seq),
		    seq_rows[i].complete, "sequence %s: complete or not",
		    seq_rows[i].what);
		ok(known == (seq_rows[i].req != REQ_NONE),
		    "sequence %s: known or not", seq_rows[i].what);
		if (known)
			is_int(keys_request(&k), seq_rows[i].req,
			    "sequence %s is %s", seq_rows[i].what,
			    keys_request_name(seq_rows[i].req));
	}
	for (i = 0; keys_sequence(i, &name, &k); i++)
		ok(k.fn && keys_parse_sequence(name, &k),
		    "sequence %zu is a function key curses can be taught", i);
	for (i = 0; i < sizeof script_rows / sizeof script_rows[0]; i++)
		is_str(script_items(script_rows[i].script),
		    script_rows[i].items, "script: %s", script_rows[i].what);
	return tap_done();
}
