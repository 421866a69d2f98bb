/*
 * Saving a compute's TLS certificate and key from its cluster (the
 * secret azuremlfessl, azure/kube.h) to two files, as a step inside a
 * screen: browse offers it before a detach (s) and on the migrate form
 * (Ctrl-S), and the deploy wizard on its migrate form (Ctrl-S).  A form
 * of the two paths (./NAME-cert.pem and ./NAME-key.pem to start), a job
 * that reads and writes them (mode 0600), and a line that says where
 * they went or why not.
 */
#ifndef AKSWIZ_TUI_TLS_SAVE_H
#define AKSWIZ_TUI_TLS_SAVE_H

#include <stdbool.h>

#include "tui/curses.h"
#include "tui/widget.h"

struct tui;
struct tls_save_job;

/*
 * The save finished (not called once cancelled): ok, and the two paths
 * written, or not, and ts->note says why.
 */
typedef void	(*tls_save_done_fn)(void *owner, bool ok, const char *cert,
		    const char *key);

struct tls_save {
	char			 name[64];	/* the compute */
	struct widget_field	 cert, key;	/* where to */
	struct widget_form	 form;
	struct tls_save_job	*job;		/* running, or NULL */
	char			 note[1024];	/* the last outcome */
	bool			 failed;
	tls_save_done_fn	 done;
	void			*owner;
};

/* The form for compute name's files; done(owner, ...) when saved. */
void	tls_save_open(struct tls_save *, const char *name,
	    tls_save_done_fn done, void *owner);
/* Enter: start saving to the form's paths; false when a path is missing
 * (the status line says so), or a save runs, or there is no session. */
bool	tls_save_start(struct tls_save *, struct tui *);
bool	tls_save_busy(const struct tls_save *);
/* The form's own keys (typing, moving). */
bool	tls_save_key(struct tls_save *, const struct key_event *);
/* Its title, form and hint from row y; the rows used. */
int	tls_save_draw(struct tls_save *, struct tui *, WINDOW *, int y,
	    int ymax);
/* The screen goes away: a running save finishes without telling it. */
void	tls_save_cancel(struct tls_save *);

#endif
