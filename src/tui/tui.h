/*
 * The terminal interface: one thread, one loop (tui.c).  Screens are ops
 * tables on a stack; keys become requests (keys.c) that go to the top
 * screen, whose handler says what changed; the loop redraws.  A screen
 * opens another with its request (tui_open(), as tig opens views) and
 * shows its keys in the one overlay (tui_help_open()).  Backend calls
 * run as jobs on a worker thread (job.c); screens start them and read the
 * results when the loop hands them back.  Test hooks: AKSWIZ_NO_DISPLAY,
 * AKSWIZ_SCRIPT, AKSWIZ_FAKE_CLOCK (STYLE.md §9).
 */
#ifndef AKSWIZ_TUI_TUI_H
#define AKSWIZ_TUI_TUI_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/plan.h"
#include "core/verdict.h"
#include "tui/keys.h"

struct screen;
struct tui;
struct arm;
struct err;
typedef struct _win_st WINDOW;

enum tui_start {
	TUI_START_HOME,
	TUI_START_CREATE,
	TUI_START_ATTACH,
	TUI_START_BROWSE
};

/*
 * Sign-in from the screens, provided by cli/ (cmd-tui.c); every call
 * runs on the worker thread.  Errors come back as struct err.
 */
struct tui_identity {
	char	user[256];		/* user name, else the client id */
	char	tenant[64];
	char	method[32];		/* "device-code", "secret" ... */
	int64_t	expires;		/* seconds since the epoch */
};
struct tui_signin_req {
	const char	*method;	/* "device-code", "secret" ... */
	const char	*tenant, *client_id;
	const char	*secret;	/* wiped by the screen after */
	const char	*certificate;
	void		(*prompt)(void *, const char *uri, const char *code,
			    const char *message);
	void		*prompt_ctx;
	atomic_bool	*cancel;	/* set to stop a device-code wait */
};
struct tui_signin {
	void		*ctx;
	bool		(*signin)(void *, const struct tui_signin_req *,
			    struct err *);
	bool		(*whoami)(void *, struct tui_identity *, struct err *);
	bool		(*signout)(void *, struct err *);
	struct arm	*arm;		/* live once signed in */
};

/* What cli/ hands over: the scope from the command line, no more. */
struct tui_options {
	enum tui_start	 start;
	const char	*subscription;	/* may be NULL */
	const char	*resource_group;
	const char	*workspace;
	const char	*location;	/* workspace region, if known */
	enum cloud	 cloud;
	bool		 no_color;
	bool		 sandbox;
	bool		 readonly;	/* --readonly: no actions */
	struct arm	*arm;		/* live backend (borrowed), or NULL */
	const char	*offline_reason;	/* why arm is NULL, or NULL */
	const struct tui_signin *signin;	/* NULL: no sign-in */
	/* create --compute-type: "Kubernetes" or "AKS"; NULL: asked */
	const char	*compute_type;
};

enum reaction {
	REACT_NONE,		/* nothing changed */
	REACT_REDRAW,		/* redraw the top screen */
	REACT_UNHANDLED		/* the loop applies its default (help, quit) */
};

struct screen_ops {
	const char	*name;		/* untranslated, for :save-state */
	void		(*enter)(struct screen *);
	void		(*leave)(struct screen *);
	enum reaction	(*request)(struct screen *, const struct key_event *);
	void		(*draw)(struct screen *, WINDOW *);
	/* Free the screen's data when it is popped. */
	void		(*free)(struct screen *);
	/* Write the model as "key: value" lines (untranslated). */
	void		(*save_state)(struct screen *, FILE *);
	/* True when quitting would lose work (q then asks). */
	bool		(*unsaved)(struct screen *);
	/* Save a draft on hang-up; may be NULL. */
	void		(*save_draft)(struct screen *);
	/*
	 * The requests this screen understands, ending with REQ_NONE; the
	 * keys bound to a screen's own requests (browse's "s") are bound
	 * only where they are listed (keys_request_for()).
	 */
	const enum request *keys;
};

struct screen {
	const struct screen_ops	*ops;
	void			*data;	/* owned by the screen */
	struct tui		*tui;
};

/* What every screen may read: the scope and what is known of it. */
struct tui_context {
	struct plan_scope	 scope;
	char			 location[PLAN_ID_LEN];
	enum cloud		 cloud;
	bool			 sandbox;
	bool			 live;		/* a backend answers */
	bool			 readonly;	/* --readonly: no actions */
	struct arm		*arm;		/* (borrowed) NULL offline */
	char			 offline_reason[256];
	char			 identity[PLAN_NAME_LEN];
	const struct tui_signin	*signin;	/* NULL: no sign-in */
	struct tui_identity	 account;	/* valid when identity[0] */
	bool			 signed_out;	/* the account is known absent */
	/* The workspace as Resource Manager answered (screen-home.c). */
	int			 scope_state;	/* enum tui_scope_state */
	char			 scope_problem[512];	/* what is wrong, or "" */
	/* A job that waits for the user (device code): scripts go on. */
	bool			(*job_waits)(struct tui *);
	/* The compute type the command line gave the create wizard. */
	bool			 type_given;
	enum compute_type	 type;
};

/*
 * The keys overlay ("?"): rows of keys and what they do, from the
 * screen's request table, framed over the screen with a title, or, with
 * no title, in place of the screen's body from row top (browse); taller
 * than the terminal, it scrolls (Up/Down, PgUp/PgDn), any other key
 * closes it.
 */
#define TUI_HELP_ROWS	48
struct tui_help_row {
	char		 keys[64];	/* as shown ("q <C-c>", "Esc") */
	const char	*text;		/* translated */
};
struct tui_help {
	char			 title[256];	/* translated, or "" */
	const char		*intro;	/* a paragraph first, or NULL */
	int			 top;	/* no title: the first row */
	struct tui_help_row	 rows[TUI_HELP_ROWS];
	size_t			 n;
};

struct tui {
	struct tui_context	 ctx;
	struct screen		*stack[8];
	int			 depth;
	bool			 quit;
	bool			 redraw;
	bool			 help;		/* the keys overlay is shown */
	struct tui_help		 help_view;	/* what it shows */
	int			 help_top;	/* its first row shown */
	bool			 help_more;	/* rows below the last shown */
	bool			 confirm_quit;	/* "quit without saving?" */
	char			 confirm_text[512];	/* its question, or "" */
	char			 status[512];	/* one message for the user */
	int			 status_style;	/* enum display_style */
	unsigned		 spin;		/* spinner phase */
};

/* Run the interface until the user quits; returns an exit status. */
int	tui_main(const struct tui_options *);
/*
 * True when a backend call still runs after tui_main() returned (the user
 * left while an operation was followed): its HTTP client must not be
 * freed under it; the process is about to end, the journal keeps the rest.
 */
bool	tui_busy(void);

/* Push a new screen (takes over data) and enter it. */
void	tui_push(struct tui *, const struct screen_ops *, void *data);
/* Pop the top screen (leave, free). */
void	tui_pop(struct tui *);
/* Replace the top screen. */
void	tui_replace(struct tui *, const struct screen_ops *, void *data);
/* Show one line in the status bar (translated text); lesser never hides greater. */
void	tui_status(struct tui *, int style, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	tui_status_clear(struct tui *);
/*
 * One row of the keys overlay: keys NULL shows the keys the keymap binds
 * to req, help NULL the request's own help (request.h).  False (nothing
 * added) for a request no key is bound to.
 */
bool	tui_help_add(struct tui_help *, enum request, const char *keys,
	    const char *help);
/* Open the keys overlay on this content (copied). */
void	tui_help_open(struct tui *, const struct tui_help *);
/* Quit, asking first when a screen holds unsaved work. */
void	tui_request_quit(struct tui *);

/* A verdict as text for the user (translated, plural chosen). */
void	tui_verdict_text(const struct verdict *, char *, size_t);

/* Drawing helpers shared by screens: title row, scope row, key hints. */
void	tui_draw_frame(struct tui *, WINDOW *, const char *title,
	    const char *right);
void	tui_draw_hints(WINDOW *, const char *);
/* A message above the hints, wrapped upwards over as many rows as it needs. */
void	tui_draw_status(WINDOW *, const char *, int attr);
/* The spinner glyph for the current phase. */
const char *tui_spinner(struct tui *);

/*
 * Open a screen: tui.c keeps the one table of open requests and the
 * screens they open (tig's open_view); a screen asks for another with its
 * request and these arguments, never by calling it.
 */
struct wizard;
struct live_run;
struct open_request {
	enum plan_op	 op;		/* OPEN_SCOPE: the wizard to open next */
	const struct plan *plan;	/* OPEN_PLAN: the plan to go on with;
					 * OPEN_REVIEW without wizard: a
					 * plan browse made (copied) */
	struct wizard	*wizard;	/* OPEN_REVIEW; OPEN_PROGRESS, or NULL */
	struct live_run	*run;		/* OPEN_PROGRESS (taken over) */
	const char	*title;		/* OPEN_TEXT */
	char		*text;		/* OPEN_TEXT (taken over) */
	const char	*file;		/* OPEN_TEXT: w writes exports/FILE */
	const char	*compute;	/* OPEN_ENDPOINTS: the Kubernetes compute */
};
/* True for a request that opens a screen (REQ_OPEN_*). */
bool	tui_opens(enum request);
/* Open the screen of an open request; arg may be NULL (no arguments). */
void	tui_open(struct tui *, enum request, const struct open_request *);

enum tui_scope_state {
	TUI_SCOPE_UNKNOWN,	/* not asked (offline, no workspace) */
	TUI_SCOPE_CHECKING,
	TUI_SCOPE_OK,
	TUI_SCOPE_MISSING	/* ctx.scope_problem says which part */
};
/* GET the workspace on the worker; home and browse show the answer. */
void	tui_scope_check(struct tui *);
/*
 * A failed call on the workspace: when it says a part of the scope does
 * not exist, set ctx.scope_problem, show it whole, and return true.
 */
bool	tui_scope_failed(struct tui *, const struct err *);
/* Ask who is signed in, on the worker thread; home shows it (screen-signin.c). */
void	tui_whoami(struct tui *);

#endif
