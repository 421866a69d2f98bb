/* core/state.c: the provisioning state and the TLS status, one table each. */
#include "config.h"

#include <string.h>

#include "core/state.h"
#include "tests/tap.h"

static const struct {
	const char		*text;
	enum provisioning_state	 state;
	enum state_class	 class;
	bool			 terminal;
	const char		*name;	/* provisioning_state_name */
} prov[] = {
	{ "Succeeded", PROV_SUCCEEDED, STATE_CLASS_SUCCEEDED, true,
	    "Succeeded" },
	{ "succeeded", PROV_SUCCEEDED, STATE_CLASS_SUCCEEDED, true,
	    "Succeeded" },
	{ "Failed", PROV_FAILED, STATE_CLASS_FAILED, true, "Failed" },
	{ "FAILED", PROV_FAILED, STATE_CLASS_FAILED, true, "Failed" },
	{ "Canceled", PROV_CANCELED, STATE_CLASS_CANCELED, true,
	    "Canceled" },
	{ "Cancelled", PROV_CANCELED, STATE_CLASS_CANCELED, true,
	    "Canceled" },
	{ "Creating", PROV_CREATING, STATE_CLASS_IN_PROGRESS, false,
	    "Creating" },
	{ "Updating", PROV_UPDATING, STATE_CLASS_IN_PROGRESS, false,
	    "Updating" },
	{ "deleting", PROV_DELETING, STATE_CLASS_IN_PROGRESS, false,
	    "Deleting" },
	{ "Migrating", PROV_MIGRATING, STATE_CLASS_IN_PROGRESS, false,
	    "Migrating" },
	{ "Accepted", PROV_ACCEPTED, STATE_CLASS_IN_PROGRESS, false,
	    "Accepted" },
	{ "InProgress", PROV_IN_PROGRESS, STATE_CLASS_IN_PROGRESS, false,
	    "InProgress" },
	{ "NotStarted", PROV_NOT_STARTED, STATE_CLASS_IN_PROGRESS, false,
	    "NotStarted" },
	{ "Running", PROV_RUNNING, STATE_CLASS_IN_PROGRESS, false,
	    "Running" },
	{ "Upgrading", PROV_UPGRADING, STATE_CLASS_IN_PROGRESS, false,
	    "Upgrading" },
	{ "Scaling", PROV_SCALING, STATE_CLASS_IN_PROGRESS, false,
	    "Scaling" },
	{ "Starting", PROV_STARTING, STATE_CLASS_IN_PROGRESS, false,
	    "Starting" },
	{ "Stopping", PROV_STOPPING, STATE_CLASS_IN_PROGRESS, false,
	    "Stopping" },
	{ "Unknown", PROV_UNKNOWN, STATE_CLASS_UNKNOWN, false, "Unknown" },
	/* Not in the table: unknown, and never an end. */
	{ "Provisioning", PROV_UNKNOWN, STATE_CLASS_UNKNOWN, false,
	    "Unknown" },
	{ "Succeeded ", PROV_UNKNOWN, STATE_CLASS_UNKNOWN, false, "Unknown" },
	{ "", PROV_UNKNOWN, STATE_CLASS_UNKNOWN, false, "Unknown" },
	{ NULL, PROV_UNKNOWN, STATE_CLASS_UNKNOWN, false, "Unknown" },
};

static const struct {
	const char	*text;
	enum tls_status	 status;
	const char	*name;	/* tls_status_text */
	bool		 on;
	enum tls_mode	 mode;
} tls[] = {
	{ "Disabled", TLS_STATUS_DISABLED, "Disabled", false, TLS_DISABLED },
	{ "disabled", TLS_STATUS_DISABLED, "Disabled", false, TLS_DISABLED },
	{ "Auto", TLS_STATUS_AUTO, "Auto", true, TLS_MICROSOFT },
	{ "AUTO", TLS_STATUS_AUTO, "Auto", true, TLS_MICROSOFT },
	{ "Enabled", TLS_STATUS_ENABLED, "Enabled", true, TLS_CUSTOM },
	{ "enabled", TLS_STATUS_ENABLED, "Enabled", true, TLS_CUSTOM },
	{ "Pending", TLS_STATUS_OTHER, "", true, TLS_DISABLED },
	{ "", TLS_STATUS_NONE, "", false, TLS_DISABLED },
	{ NULL, TLS_STATUS_NONE, "", false, TLS_DISABLED },
};

int
main(void)
{
	size_t		 i;
	const char	*t;

	for (i = 0; i < sizeof prov / sizeof prov[0]; i++) {
		enum provisioning_state p;

		t = prov[i].text != NULL ? prov[i].text : "(null)";
		p = provisioning_state_parse(prov[i].text);
		is_int(p, prov[i].state, "parse \"%s\"", t);
		is_int(provisioning_state_class(p), prov[i].class,
		    "class of \"%s\"", t);
		is_int(provisioning_state_terminal(p), prov[i].terminal,
		    "\"%s\" %s", t, prov[i].terminal ? "ends" : "goes on");
		is_int(provisioning_state_text_terminal(prov[i].text),
		    prov[i].terminal, "\"%s\" from the text", t);
		is_str(provisioning_state_name(p), prov[i].name,
		    "name of \"%s\"", t);
	}
	for (i = 0; i < sizeof tls / sizeof tls[0]; i++) {
		enum tls_status s;

		t = tls[i].text != NULL ? tls[i].text : "(null)";
		s = tls_status_parse(tls[i].text);
		is_int(s, tls[i].status, "TLS \"%s\"", t);
		is_str(tls_status_text(s), tls[i].name, "TLS text of \"%s\"",
		    t);
		is_int(tls_status_on(s), tls[i].on, "TLS \"%s\" %s", t,
		    tls[i].on ? "on" : "off");
		is_int(tls_status_mode(s), tls[i].mode, "TLS mode of \"%s\"",
		    t);
	}
	return tap_done();
}
