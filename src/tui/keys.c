/*
 * The default keymap, written in the script's key syntax, and the key
 * names the script understands.  Arrows, Tab and Shift-Tab move, Enter
 * confirms, Esc goes back, "?" shows the keys, "q" quits.  Printable keys
 * that are bound ("q", "?", "+", "-", space) are still text for a focused
 * text field: the screen decides (keys_is_text()).
 */
#include "config.h"
#include "tui/keys.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "tui/curses.h"

#define KEY_ESC		27
#define KEY_CTRL(c)	((c) & 0x1f)

static const struct {
	const char	*name;
	bool		 fn;
	wint_t		 code;
} key_names[] = {
	{ "Up",		true,	KEY_UP },
	{ "Down",	true,	KEY_DOWN },
	{ "Left",	true,	KEY_LEFT },
	{ "Right",	true,	KEY_RIGHT },
	{ "Home",	true,	KEY_HOME },
	{ "End",	true,	KEY_END },
	{ "PgUp",	true,	KEY_PPAGE },
	{ "PgDn",	true,	KEY_NPAGE },
	{ "S-Tab",	true,	KEY_BTAB },
	{ "Backspace",	true,	KEY_BACKSPACE },
	{ "Delete",	true,	KEY_DC },
	{ "Resize",	true,	KEY_RESIZE },
	{ "F1",		true,	KEY_F(1) },
	{ "F4",		true,	KEY_F(4) },
	{ "Enter",	false,	'\n' },
	{ "Tab",	false,	'\t' },
	{ "Esc",	false,	KEY_ESC },
	{ "Space",	false,	' ' },
	{ "lt",		false,	'<' },
	{ "C-u",	false,	KEY_CTRL('u') },
	{ "C-l",	false,	KEY_CTRL('l') },
	{ "C-s",	false,	KEY_CTRL('s') },
	{ "C-o",	false,	KEY_CTRL('o') },
	{ "C-c",	false,	KEY_CTRL('c') },
};

static const struct {
	const char	*key;
	enum request	 req;
} keymap[] = {
	{ "Up",		REQ_UP },
	{ "Down",	REQ_DOWN },
	{ "PgUp",	REQ_PAGE_UP },
	{ "PgDn",	REQ_PAGE_DOWN },
	{ "Left",	REQ_LEFT },
	{ "Right",	REQ_RIGHT },
	{ "Home",	REQ_HOME },
	{ "End",	REQ_END },
	{ "Tab",	REQ_NEXT_FIELD },
	{ "S-Tab",	REQ_PREV_FIELD },
	{ "Enter",	REQ_ENTER },
	{ "Esc",	REQ_BACK },
	{ "Space",	REQ_TOGGLE },
	{ "+",		REQ_INCREASE },
	{ "-",		REQ_DECREASE },
	{ "Backspace",	REQ_BACKSPACE },
	{ "Delete",	REQ_DELETE },
	{ "C-u",	REQ_KILL_LINE },
	{ "C-l",	REQ_REDRAW },
	{ "C-s",	REQ_SAVE },
	{ "F4",		REQ_PICK },
	{ "C-o",	REQ_PICK },
	{ "?",		REQ_HELP },
	{ "F1",		REQ_HELP },
	{ "q",		REQ_QUIT },
	{ "C-c",	REQ_QUIT },
	{ "Resize",	REQ_RESIZE },
};

/*
 * Keys bound only where the screen lists the request among its keys
 * (tig's per-view keymaps): elsewhere they stay text ("s" in a name).
 */
static const struct {
	const char	*key;
	enum request	 req;
} keymap_screen[] = {
	{ "/",		REQ_FILTER },
	{ "s",		REQ_SORT },
	{ "r",		REQ_REFRESH },
	{ "d",		REQ_DETACH },
	{ "i",		REQ_SWITCH_LB },
	{ "t",		REQ_CHANGE_TLS },
	{ "f",		REQ_FINISH },
	{ "x",		REQ_DELETE_COMPUTE },
	{ "c",		REQ_SCALE },
	{ "m",		REQ_MIGRATE },
	{ "n",		REQ_OPEN_CREATE },
	{ "a",		REQ_OPEN_ATTACH },
	{ "e",		REQ_OPEN_ENDPOINTS },
	{ "k",		REQ_ENDPOINT_KEYS },
	{ "i",		REQ_INVOKE },
	{ "l",		REQ_LOGS },
	{ "v",		REQ_REVEAL },
	{ "p",		REQ_REGEN_PRIMARY },
	{ "s",		REQ_REGEN_SECONDARY },
	{ "f",		REQ_FOLLOW },
	{ "c",		REQ_SCALE_DEPLOYMENT },
	{ "t",		REQ_TRAFFIC },
	{ "x",		REQ_DELETE_ENDPOINT },
};

/*
 * What terminals send beyond their terminfo entry: tmux and screen send
 * ESC [ 1 ~ / ESC [ 4 ~ for Home/End whatever TERM the program was given
 * (a TERM=xterm-256color inside tmux is common), xterm ESC [ H / ESC O H,
 * rxvt ESC [ 7 ~ / ESC [ 8 ~, the Linux console ESC [ 1 ~.
 */
static const struct {
	const char	*seq;
	const char	*key;
} key_sequences[] = {
	{ "\033[1~",	"Home" },
	{ "\033[7~",	"Home" },
	{ "\033[H",	"Home" },
	{ "\033OH",	"Home" },
	{ "\033[4~",	"End" },
	{ "\033[8~",	"End" },
	{ "\033[F",	"End" },
	{ "\033OF",	"End" },
	{ "\033[3~",	"Delete" },
	{ "\033[5~",	"PgUp" },
	{ "\033[6~",	"PgDn" },
	{ "\033[A",	"Up" },
	{ "\033[B",	"Down" },
	{ "\033[C",	"Right" },
	{ "\033[D",	"Left" },
	{ "\033OA",	"Up" },
	{ "\033OB",	"Down" },
	{ "\033OC",	"Right" },
	{ "\033OD",	"Left" },
	{ "\033[Z",	"S-Tab" },
	{ "\033OP",	"F1" },
	{ "\033[11~",	"F1" },
	{ "\033[[A",	"F1" },
	{ "\033OS",	"F4" },
	{ "\033[14~",	"F4" },
};

/* The i-th known sequence and its key. */
bool
keys_sequence(size_t i, const char **seq, struct key *k)
{
	if (i >= sizeof key_sequences / sizeof key_sequences[0])
		return false;
	*seq = key_sequences[i].seq;
	return keys_parse_name(key_sequences[i].key, k);
}

/* A whole escape sequence as a key; false if unknown. */
bool
keys_parse_sequence(const char *seq, struct key *k)
{
	size_t	i;

	for (i = 0; i < sizeof key_sequences / sizeof key_sequences[0]; i++)
		if (strcmp(key_sequences[i].seq, seq) == 0)
			return keys_parse_name(key_sequences[i].key, k);
	return false;
}

/*
 * True once seq is complete: ESC O and one character (SS3), or ESC [
 * then parameters and a final byte in 0x40..0x7e (CSI; the Linux
 * console's ESC [ [ A is one more character).
 */
bool
keys_sequence_complete(const char *seq)
{
	size_t	n = strlen(seq);

	if (n < 3 || seq[0] != '\033')
		return false;
	if (seq[1] == 'O')
		return true;
	if (seq[1] != '[')
		return true;	/* not a sequence: complete as it is */
	if (seq[2] == '[')
		return n >= 4;
	return (unsigned char)seq[n - 1] >= 0x40 &&
	    (unsigned char)seq[n - 1] <= 0x7e;
}

#define REQUEST_ROW(id, name, help) { name, help },
static const struct {
	const char	*name;
	const char	*help;
} request_table[] = {
	REQUEST_TABLE(REQUEST_ROW)
};
#undef REQUEST_ROW

/* A script key name ("Down", "S-Tab", "q") as a key. */
bool
keys_parse_name(const char *name, struct key *k)
{
	size_t	i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcmp(key_names[i].name, name) == 0) {
			k->fn = key_names[i].fn;
			k->code = key_names[i].code;
			return true;
		}
	/* A single ASCII character names itself ("q", "?"). */
	if (name[0] != '\0' && name[1] == '\0') {
		k->fn = false;
		k->code = (unsigned char)name[0];
		return true;
	}
	return false;
}

/* Normalise the spellings terminals use for the same key. */
static void
keys_normalise(struct key *k)
{
	if (k->fn && k->code == KEY_ENTER) {
		k->fn = false;
		k->code = '\n';
	} else if (!k->fn && (k->code == '\r')) {
		k->code = '\n';
	} else if (!k->fn && (k->code == 127 || k->code == 8)) {
		k->fn = true;
		k->code = KEY_BACKSPACE;
	}
}

/* True if req is in the list (ending with REQ_NONE; NULL is empty). */
static bool
keys_listed(const enum request *list, enum request req)
{
	for (; list != NULL && *list != REQ_NONE; list++)
		if (*list == req)
			return true;
	return false;
}

/* The request the default keymap gives a key. */
enum request
keys_request(const struct key *in)
{
	return keys_request_for(in, NULL);
}

/* The request a key gives on a screen that understands these requests. */
enum request
keys_request_for(const struct key *in, const enum request *understood)
{
	struct key	k = *in, m;
	size_t		i;

	keys_normalise(&k);
	for (i = 0; i < sizeof keymap_screen / sizeof keymap_screen[0]; i++)
		if (keys_listed(understood, keymap_screen[i].req) &&
		    keys_parse_name(keymap_screen[i].key, &m) &&
		    m.fn == k.fn && m.code == k.code)
			return keymap_screen[i].req;
	for (i = 0; i < sizeof keymap / sizeof keymap[0]; i++)
		if (keys_parse_name(keymap[i].key, &m) && m.fn == k.fn &&
		    m.code == k.code)
			return keymap[i].req;
	return keys_is_text(&k) ? REQ_CHAR : REQ_NONE;
}

/* True for a printable character. */
bool
keys_is_text(const struct key *k)
{
	return !k->fn && k->code >= ' ' && k->code != 127 &&
	    iswprint(k->code);
}

/* Every key bound to a request, as the help shows them. */
const char *
keys_name_of(enum request req)
{
	static char	buf[64];
	size_t		i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof keymap / sizeof keymap[0]; i++) {
		if (keymap[i].req != req)
			continue;
		len += (size_t)snprintf(buf + len, sizeof buf - len,
		    strlen(keymap[i].key) == 1 ? "%s%s" : "%s<%s>",
		    len > 0 ? " " : "", keymap[i].key);
		if (len >= sizeof buf)
			break;
	}
	for (i = 0; i < sizeof keymap_screen / sizeof keymap_screen[0] &&
	    len < sizeof buf; i++)
		if (keymap_screen[i].req == req)
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			    "%s%s", len > 0 ? " " : "", keymap_screen[i].key);
	return buf[0] != '\0' ? buf : NULL;
}

/* The help text of a request (untranslated). */
const char *
keys_help(enum request req)
{
	return (unsigned)req < REQ__COUNT ? request_table[req].help : "";
}

/* The stable name of a request. */
const char *
keys_request_name(enum request req)
{
	return (unsigned)req < REQ__COUNT ? request_table[req].name : "";
}
