/*
 * The browse model: a workspace's computes as plain rows (copies, so a
 * refresh cannot leave the screen with dangling pointers), sorted with
 * inference (Kubernetes and AKS) computes first, filtered by a substring ("!" inverts),
 * the selection kept on the same compute across refreshes, and the
 * decision to refresh by itself while a compute is in a transitional
 * state.  No curses and no network here: tests/tui/browse-test.c.
 */
#ifndef AKSWIZ_TUI_BROWSE_H
#define AKSWIZ_TUI_BROWSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/state.h"

/* Columns of the list, in the order shown; also the sort keys. */
enum browse_col {
	BROWSE_COL_NAME,
	BROWSE_COL_STATE,
	BROWSE_COL_PURPOSE,
	BROWSE_COL_NODES,
	BROWSE_COL_VERSION,
	BROWSE_COL_REGION,
	BROWSE_COL_LB,
	BROWSE_COL_TLS,
	BROWSE_COL__COUNT
};

enum browse_state {
	BROWSE_STATE_OK,	/* Succeeded */
	BROWSE_STATE_FAILED,	/* Failed, Canceled */
	BROWSE_STATE_BUSY,	/* in progress: Creating, Updating, Deleting ... */
	BROWSE_STATE_OTHER	/* Unknown, or a value core/state does not know */
};

/*
 * What few computes have (a subnet, a certificate, an error, a step left
 * undone, a Kubernetes compute's extension, the cluster's version once it
 * was read for the rows on screen): apart, so that a row of
 * 10,000 does not carry fifteen empty pointers.  Every row points to one:
 * a shared one of "" (never written) until browse_row_more() gives it its
 * own.
 */
struct browse_row_more {
	char	*subnet;
	char	*cname;
	char	*leaf;
	char	*error_code;
	char	*error_message;
	char	*error_detail;	/* the innermost error, if another */
	char	*failed_op;	/* "attach" */
	char	*failed_step_name;	/* "update" */
	char	*failed_error;	/* "Code: message" as journaled */
	char	*journal;	/* the journal file */
	/*
	 * A Kubernetes compute: its namespace, and once its cluster and
	 * extension were read (for the rows on screen), the cluster's power
	 * state and the extension's; purpose, size, nodes, lb and tls of the
	 * row then come from the cluster and the extension's settings.
	 */
	char	*k8s_namespace;
	char	*power;		/* the cluster's powerState.code */
	char	*ext_version;
	char	*ext_problem;	/* its health check's "code: message" */
	char	*router;	/* inferenceRouterServiceType */
	char	*version;	/* the AKS cluster's, once fetched */
	char	*ext_state;	/* the Kubernetes compute's extension's
				 * provisioningState; "": not read yet; "-":
				 * not installed */
};

/*
 * One compute, every string owned by the row ("" when unknown: one shared
 * empty string, never freed, so that the many unknown members of 10,000
 * rows cost no allocation).  A row made from the service's answer keeps
 * its own strings in one block (browse_row_pack), the values many rows
 * share in a pool, and its compute ID as the workspace's prefix, kept
 * once, that its name completes (browse_row_id).
 */
struct browse_row {
	char	*id;		/* the ID, or its prefix if id_by_name */
	char	*name;
	char	*type;		/* "AKS", "AmlCompute" ... */
	char	*state;		/* provisioningState, as written */
	char	*purpose;	/* clusterPurpose */
	char	*size;		/* agentVmSize */
	char	*region;
	char	*lb;		/* "PublicIp" / "InternalLoadBalancer" */
	char	*tls;		/* sslConfiguration.status, as written */
	char	*fqdn;
	char	*resource_id;	/* the AKS cluster */
	char	*description;
	char	*created;
	char	*modified;
	struct browse_row_more *more;	/* never NULL */
	char	*block;		/* the row's own strings, one allocation */
	unsigned nblock;	/* its bytes */
	enum provisioning_state prov;	/* parsed by browse_row_finish */
	enum tls_status tls_status;	/* parsed by browse_row_finish */
	int	 nodes;		/* -1 unknown */
	int	 vcpu;		/* nodes × the size's vCPU; -1 unknown */
	/*
	 * The journal's last operation on the compute stopped after its
	 * first step (an attach whose update failed): step failed_step of
	 * nsteps did not apply (more's failed_* say which); 0 when nothing
	 * is left unfinished.
	 */
	int	 failed_step;
	int	 nsteps;
	bool	 attached;	/* isAttachedCompute */
	bool	 id_by_name;	/* id + name is the compute ID */
	bool	 inference;	/* browse_row_inference(), set by
				 * browse_row_finish for sorting */
};

/* The list as shown: rows, their order, the filter and the selection. */
struct compute_page {
	struct browse_row	*rows;		/* owned */
	size_t			 n;
	uint32_t		*order;		/* rows sorted */
	uint32_t		*view;		/* sorted rows matching the
						 * filter */
	size_t			 nview;
	size_t			 sel;		/* index into view */
	size_t			 top;		/* first view row drawn */
	enum browse_col		 sort;
	char			 filter[128];	/* as typed, "!" first inverts */
	size_t			 alloc;		/* rows, order and view room */
	size_t			 sorted;	/* rows in order; the rest are
						 * appended, not yet sorted */
};

void	browse_page_init(struct compute_page *);
void	browse_page_done(struct compute_page *);
/*
 * Replace the rows (takes over rows, an array of n made with
 * browse_rows_new) and re-sort and re-filter; the selection stays on the
 * compute of the same name when it is still shown.
 */
void	browse_page_set(struct compute_page *, struct browse_row *rows,
	    size_t n);
/*
 * Add rows (takes over rows, an array of n made with browse_rows_new; its
 * strings change owner, nothing is copied) as a list's pages arrive.  They
 * are sorted and filtered in by browse_page_settle(), once per frame
 * rather than once per page; the view shows the rows settled so far.
 * Rows and their pointers move: browse_page_selected() is borrowed until
 * the next set or append.
 */
void	browse_page_append(struct compute_page *, struct browse_row *rows,
	    size_t n);
/*
 * Sort the appended rows into the order (sorting them alone and merging),
 * re-filter, keep the selection on its compute; nothing when none wait.
 */
void	browse_page_settle(struct compute_page *);
/* Set the filter text and recompute the view, keeping the selection. */
void	browse_page_filter(struct compute_page *, const char *);
/* Sort by the next column (after TLS, by name again). */
void	browse_page_cycle_sort(struct compute_page *);
/* The selected row (borrowed until the next set), or NULL. */
struct browse_row *browse_page_selected(const struct compute_page *);
/* Select the compute of that name; false if it is not shown. */
bool	browse_page_select(struct compute_page *, const char *name);
/* Move the selection by delta rows, keeping it in a window of height rows. */
void	browse_page_move(struct compute_page *, long delta, int height);
/*
 * True while a compute, or a Kubernetes compute's extension, is in
 * progress (Creating, Updating, Deleting ...).
 */
bool	browse_page_transitional(const struct compute_page *);
/* The row of that name, or NULL. */
struct browse_row *browse_page_find(const struct compute_page *,
	    const char *name);

/* n empty rows (every string ""); fill them, then browse_row_finish(). */
struct browse_row *browse_rows_new(size_t n);
/*
 * Set a string member of the row r (copies; NULL becomes ""); r NULL for
 * a string that is no row's.
 */
void	browse_row_set(struct browse_row *r, char **member, const char *value);
/* Set a row's string member to *value, taken over (*value becomes NULL). */
void	browse_row_take(struct browse_row *r, char **member, char **value);
/*
 * Likewise for a short value most rows share (type, state, region ...):
 * the row points to one copy kept for all rows, and *value is freed.
 */
void	browse_row_share(struct browse_row *r, char **member, char **value);
/* A member and its value, for browse_row_pack. */
struct browse_str {
	char		**member;
	const char	 *value;	/* NULL or "": the shared "" */
};
/*
 * Set the new row's own strings at once: copied into one block the row
 * owns; id, when it is the workspace's
 * prefix and then the row's name (set in v), is kept as that prefix,
 * shared by the rows.  The values most rows share are set before
 * (browse_row_share), browse_row_finish() after.  One allocation a row
 * instead of one a string, and nothing of the service's answer kept.
 */
void	browse_row_pack(struct browse_row *, const char *id,
	    const struct browse_str *v, size_t n);
/* The row's rare members, to write them: its own from now on. */
struct browse_row_more *browse_row_more(struct browse_row *);
/* The row's compute ID, in buf when it is made of the prefix and name. */
const char *browse_row_id(const struct browse_row *, char *buf, size_t len);
/*
 * Parse the state and the TLS status, compute the vCPU and whether it is
 * an inference cluster once the members are set.
 */
void	browse_row_finish(struct browse_row *);
void	browse_rows_free(struct browse_row *, size_t n);

/*
 * Fill the row's failed_* members from the newest journal entry of its
 * compute: a closed operation that did not succeed at step 2 or later
 * left the earlier steps applied and the rest not.
 */
struct journal_entry;
void	browse_row_journal(struct browse_row *, const struct journal_entry *);
/* The kind of a provisioning state (core/state.h's class). */
enum browse_state browse_state_kind(enum provisioning_state);
/* True for inference clusters: Kubernetes and AKS computes. */
bool	browse_row_inference(const struct browse_row *);
/* True for Kubernetes computes (today's path). */
bool	browse_row_kubernetes(const struct browse_row *);
/* The extension's state as a provisioning state (PROV_UNKNOWN if unread). */
enum provisioning_state browse_row_ext_prov(const struct browse_row *);
/* The column's heading (N_() text) and untranslated name. */
const char *browse_col_title(enum browse_col);
const char *browse_col_name(enum browse_col);
/* The column's short heading (N_() text), for its minimum width. */
const char *browse_col_brief(enum browse_col);

/* A key hint of the footer; the lower prio, the sooner it is shown. */
#define BROWSE_HINT_PRIO_MAX	9
struct browse_hint {
	const char	*text;		/* translated; NULL: left out */
	int		 prio;		/* 0 .. BROWSE_HINT_PRIO_MAX */
};
/*
 * The hints that fit width cells, joined by two spaces in their order:
 * taken by priority, each one that still fits (so "? keys", priority 0,
 * is always there and the actions come before sorting).
 */
void	browse_hints_fit(const struct browse_hint *, size_t n, int width,
	    char *, size_t);
/*
 * "3 × Standard_D3_v2 = 12" (times is the glyph to use); brief drops the
 * "Standard_" every size starts with: "3 × D3_v2 = 12".
 */
void	browse_nodes_text(const struct browse_row *, const char *times,
	    bool brief, char *, size_t);
/*
 * Column widths for a terminal width: each column's minimum, then what is
 * left shared out where the text needs it.  widths[] gets one per column,
 * 0 for a column left out.
 */
void	browse_layout(int width, int widths[BROWSE_COL__COUNT]);

/*
 * The split widget (widget-split.c): a list and a detail pane, side by
 * side on wide terminals (WIDGET_SPLIT_MIN_COLS and more), the detail
 * full screen on smaller ones.  The screen draws both through callbacks.
 */
#define WIDGET_SPLIT_MIN_COLS	150

struct _win_st;
typedef void (*widget_split_fn)(void *arg, struct _win_st *, int y, int x,
    int height, int width);

struct widget_split {
	bool	 open;		/* the detail pane is shown */
	int	 scroll;	/* first detail line shown */
};

/* True when the detail takes the whole screen at this width. */
bool	widget_split_full(const struct widget_split *, int cols);
/* Draw the list and/or the detail in the rectangle y,x,height,width. */
void	widget_split_draw(struct widget_split *, struct _win_st *, int y,
	    int x, int height, int width, widget_split_fn list,
	    widget_split_fn detail, void *arg);
/* The width the list gets (the whole width when the detail is closed). */
int	widget_split_list_width(const struct widget_split *, int width);

#endif
