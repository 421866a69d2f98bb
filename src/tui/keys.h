/*
 * Keys: what arrives from the terminal or the script, and the keymap that
 * turns it into a request.  The key names are those of the script syntax
 * ("<Down>", "<S-Tab>"), so the default keymap reads like a config file.
 */
#ifndef AKSWIZ_TUI_KEYS_H
#define AKSWIZ_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "tui/request.h"

/* One key press: a function key (fn, code is a curses KEY_*) or a char. */
struct key {
	bool	fn;
	wint_t	code;
};

/* A key and what the keymap makes of it. */
struct key_event {
	struct key	key;
	enum request	req;
};

/* The request a key maps to (REQ_CHAR for other printable chars). */
enum request	keys_request(const struct key *);
/*
 * The same on a screen that understands these requests (ending with
 * REQ_NONE): its own keys ("s" sorts in browse) come before the others.
 */
enum request	keys_request_for(const struct key *,
		    const enum request *understood);
/* Parse a key name without brackets ("Down", "S-Tab", "C-u"); false if unknown. */
bool		keys_parse_name(const char *, struct key *);
/* The keys bound to a request, "? <F1>" (static buffer), or NULL. */
const char	*keys_name_of(enum request);
/* The untranslated help text of a request. */
const char	*keys_help(enum request);
/* The request's stable name ("next-field"). */
const char	*keys_request_name(enum request);
/*
 * The escape sequences terminals and multiplexers send for the keys
 * (tmux and screen "ESC [ 1 ~" for Home, xterm "ESC [ H" and "ESC O H",
 * rxvt "ESC [ 7 ~" ...), whatever terminfo says: the i-th as seq and key,
 * false past the end (display.c teaches them to curses).
 */
bool		keys_sequence(size_t, const char **seq, struct key *);
/*
 * Read a whole escape sequence (ESC included) as a key: true with *k set
 * for a known one; false for another (to be dropped, never typed).
 */
bool		keys_parse_sequence(const char *seq, struct key *);
/* True once seq (ESC included) is a complete CSI or SS3 sequence. */
bool		keys_sequence_complete(const char *seq);
/* True if the key is a printable character (text for a field). */
bool		keys_is_text(const struct key *);

#endif
