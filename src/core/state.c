/*
 * The provisioning state and the TLS status of a compute, parsed once and
 * classified once (core/state.h).  One table each: a new value the
 * service documents is one row here.
 */
#include "config.h"
#include "core/state.h"

#include <stddef.h>
#include <strings.h>

#define NROWS(a)	(sizeof (a) / sizeof (a)[0])

static const struct {
	enum provisioning_state	 state;
	const char		*name;
	enum state_class	 class;
} prov_rows[] = {
	{ PROV_UNKNOWN,		"Unknown",	STATE_CLASS_UNKNOWN },
	{ PROV_NOT_STARTED,	"NotStarted",	STATE_CLASS_IN_PROGRESS },
	{ PROV_ACCEPTED,	"Accepted",	STATE_CLASS_IN_PROGRESS },
	{ PROV_IN_PROGRESS,	"InProgress",	STATE_CLASS_IN_PROGRESS },
	{ PROV_RUNNING,		"Running",	STATE_CLASS_IN_PROGRESS },
	{ PROV_CREATING,	"Creating",	STATE_CLASS_IN_PROGRESS },
	{ PROV_UPDATING,	"Updating",	STATE_CLASS_IN_PROGRESS },
	{ PROV_DELETING,	"Deleting",	STATE_CLASS_IN_PROGRESS },
	{ PROV_MIGRATING,	"Migrating",	STATE_CLASS_IN_PROGRESS },
	{ PROV_UPGRADING,	"Upgrading",	STATE_CLASS_IN_PROGRESS },
	{ PROV_SCALING,		"Scaling",	STATE_CLASS_IN_PROGRESS },
	{ PROV_STARTING,	"Starting",	STATE_CLASS_IN_PROGRESS },
	{ PROV_STOPPING,	"Stopping",	STATE_CLASS_IN_PROGRESS },
	{ PROV_SUCCEEDED,	"Succeeded",	STATE_CLASS_SUCCEEDED },
	{ PROV_FAILED,		"Failed",	STATE_CLASS_FAILED },
	{ PROV_CANCELED,	"Canceled",	STATE_CLASS_CANCELED },
	/* The British spelling some services write; parsed, never named. */
	{ PROV_CANCELED,	"Cancelled",	STATE_CLASS_CANCELED },
};

enum provisioning_state
provisioning_state_parse(const char *s)
{
	size_t	i;

	if (s == NULL)
		return PROV_UNKNOWN;
	for (i = 0; i < NROWS(prov_rows); i++)
		if (strcasecmp(s, prov_rows[i].name) == 0)
			return prov_rows[i].state;
	return PROV_UNKNOWN;
}

/* The first row of p (its canonical spelling); the Unknown row if none. */
static size_t
prov_row(enum provisioning_state p)
{
	size_t	i;

	for (i = 0; i < NROWS(prov_rows); i++)
		if (prov_rows[i].state == p)
			return i;
	return 0;
}

const char *
provisioning_state_name(enum provisioning_state p)
{
	return prov_rows[prov_row(p)].name;
}

enum state_class
provisioning_state_class(enum provisioning_state p)
{
	return prov_rows[prov_row(p)].class;
}

bool
provisioning_state_terminal(enum provisioning_state p)
{
	switch (provisioning_state_class(p)) {
	case STATE_CLASS_SUCCEEDED:
	case STATE_CLASS_FAILED:
	case STATE_CLASS_CANCELED:
		return true;
	case STATE_CLASS_UNKNOWN:
	case STATE_CLASS_IN_PROGRESS:
		break;
	}
	return false;
}

bool
provisioning_state_text_terminal(const char *s)
{
	return provisioning_state_terminal(provisioning_state_parse(s));
}

static const struct {
	enum tls_status	 status;
	const char	*name;
	enum tls_mode	 mode;
} tls_rows[] = {
	{ TLS_STATUS_DISABLED,	"Disabled",	TLS_DISABLED },
	{ TLS_STATUS_AUTO,	"Auto",		TLS_MICROSOFT },
	{ TLS_STATUS_ENABLED,	"Enabled",	TLS_CUSTOM },
};

enum tls_status
tls_status_parse(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return TLS_STATUS_NONE;
	for (i = 0; i < NROWS(tls_rows); i++)
		if (strcasecmp(s, tls_rows[i].name) == 0)
			return tls_rows[i].status;
	return TLS_STATUS_OTHER;
}

/* The row of t, or NROWS(tls_rows) for none and unknown values. */
static size_t
tls_row(enum tls_status t)
{
	size_t	i;

	for (i = 0; i < NROWS(tls_rows); i++)
		if (tls_rows[i].status == t)
			break;
	return i;
}

const char *
tls_status_text(enum tls_status t)
{
	size_t	i = tls_row(t);

	return i < NROWS(tls_rows) ? tls_rows[i].name : "";
}

bool
tls_status_on(enum tls_status t)
{
	return t != TLS_STATUS_NONE && t != TLS_STATUS_DISABLED;
}

const char *
tls_status_name(enum tls_mode m)
{
	size_t	i;

	for (i = 0; i < NROWS(tls_rows); i++)
		if (tls_rows[i].mode == m)
			return tls_rows[i].name;
	return tls_rows[0].name;
}

enum tls_mode
tls_status_mode(enum tls_status t)
{
	size_t	i = tls_row(t);

	return i < NROWS(tls_rows) ? tls_rows[i].mode : TLS_DISABLED;
}
