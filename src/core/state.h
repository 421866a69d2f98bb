/*
 * One model of a compute's state (DESIGN.md "Browse", azure-api.md
 * "Long-running operations"): the provisioning state of a compute or a
 * managed cluster, and the status of an operation, parsed once from the
 * service's text (without case) into an enum and classified in one place;
 * the TLS status of a compute (sslConfiguration.status) likewise.  The
 * service's own text stays with the caller for display, since a value
 * this table does not know must be shown as the service wrote it.  Pure.
 */
#ifndef AKSWIZ_CORE_STATE_H
#define AKSWIZ_CORE_STATE_H

#include <stdbool.h>

#include "core/plan.h"

/*
 * provisioningState (Machine Learning's computes: Unknown, Updating,
 * Creating, Deleting, Succeeded, Failed, Canceled; managed clusters add
 * Upgrading, Scaling, Starting, Stopping, Migrating ...) and the status
 * of an Azure-AsyncOperation (InProgress, Accepted, Running, NotStarted
 * ... until Succeeded, Failed or Canceled).
 */
enum provisioning_state {
	PROV_UNKNOWN,		/* absent, "Unknown" or not in the table */
	PROV_NOT_STARTED,
	PROV_ACCEPTED,
	PROV_IN_PROGRESS,
	PROV_RUNNING,
	PROV_CREATING,
	PROV_UPDATING,
	PROV_DELETING,
	PROV_MIGRATING,
	PROV_UPGRADING,
	PROV_SCALING,
	PROV_STARTING,
	PROV_STOPPING,
	PROV_SUCCEEDED,
	PROV_FAILED,
	PROV_CANCELED		/* "Canceled" or "Cancelled" */
};

/* What a provisioning state means for whoever waits on it. */
enum state_class {
	STATE_CLASS_UNKNOWN,		/* nothing known: not an end */
	STATE_CLASS_IN_PROGRESS,	/* the service is working on it */
	STATE_CLASS_SUCCEEDED,
	STATE_CLASS_FAILED,
	STATE_CLASS_CANCELED
};

/* The state named by s (any case; NULL or "" is PROV_UNKNOWN). */
enum provisioning_state provisioning_state_parse(const char *s);
/* The service's spelling ("Succeeded", "InProgress" ...), for output. */
const char	*provisioning_state_name(enum provisioning_state);
/* Its class: in progress, succeeded, failed, canceled or unknown. */
enum state_class provisioning_state_class(enum provisioning_state);
/* Succeeded, Failed and Canceled end an operation; nothing else does. */
bool		 provisioning_state_terminal(enum provisioning_state);
/* provisioning_state_terminal(provisioning_state_parse(s)). */
bool		 provisioning_state_text_terminal(const char *s);

/* sslConfiguration.status of a compute. */
enum tls_status {
	TLS_STATUS_NONE,	/* no sslConfiguration, or an empty status */
	TLS_STATUS_DISABLED,
	TLS_STATUS_AUTO,	/* a certificate from Microsoft */
	TLS_STATUS_ENABLED,	/* the customer's own certificate */
	TLS_STATUS_OTHER	/* a value this table does not know */
};

/* The status named by s (any case; NULL or "" is TLS_STATUS_NONE). */
enum tls_status	 tls_status_parse(const char *s);
/* The service's spelling ("Disabled", "Auto", "Enabled"; "" otherwise). */
const char	*tls_status_text(enum tls_status);
/* Whether the compute serves TLS at all: Auto, Enabled or unknown. */
bool		 tls_status_on(enum tls_status);
/*
 * The plan's TLS mode for a status (Auto: Microsoft, Enabled: custom,
 * anything else: disabled).
 */
enum tls_mode	 tls_status_mode(enum tls_status);
/* The other way: the status the service is sent for a plan's TLS mode
 * ("Disabled", "Auto", "Enabled"). */
const char	*tls_status_name(enum tls_mode);

#endif
