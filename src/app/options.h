/*
 * The options of a run of akswiz, as the command line and the environment
 * gave them (cli/main.c fills them): what the session (app/session.h)
 * builds the cloud, HTTP client, sign-in and scope from, and what the
 * commands and the screens read.
 */
#ifndef AKSWIZ_APP_OPTIONS_H
#define AKSWIZ_APP_OPTIONS_H

#include <stdbool.h>

enum output_format {
	OUTPUT_TABLE,
	OUTPUT_JSON,
	OUTPUT_TSV
};

/* Options accepted before or after any command. */
struct app_options {
	const char		*cloud;		/* AzureCloud ... */
	const char		*endpoint;	/* --endpoint, AKSWIZ_ENDPOINT */
	const char		*authority;	/* --authority, AKSWIZ_AUTHORITY */
	const char		*audience;	/* --audience, AKSWIZ_AUDIENCE */
	const char		*ca_file;	/* --ca-file, SSL_CERT_FILE ... */
	const char		*subscription;
	const char		*resource_group;
	const char		*workspace;
	enum output_format	 output;
	bool			 output_set;
	const char		*debug_file;	/* --debug[=FILE] */
	bool			 debug;
	bool			 sandbox;
	bool			 reset;		/* --reset: empty the world */
	bool			 no_color;
	bool			 readonly;
	bool			 register_providers;	/* apply --register-providers */
	const char		*argv0;
	/*
	 * Where the session's warnings go (a token cache it cannot use, a
	 * sandbox world another akswiz holds): the command line prints them
	 * on stderr.  NULL: "akswiz: warning: MESSAGE" on stderr.
	 */
	void			(*warn)(const char *msg);
};

#endif
