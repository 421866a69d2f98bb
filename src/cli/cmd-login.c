/*
 * akswiz login, logout, account: sign in and keep the result in the token
 * cache, forget it, and say who is signed in.  A client secret is never
 * taken from the command line (it would show in ps and shell history):
 * --client-secret is refused with a pointer to the ways that are allowed.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "azure/auth.h"
#include "azure/cloud.h"
#include "azure/http.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"

struct login_opts {
	enum auth_method	 method;
	const char		*tenant;
	const char		*client_id;
	const char		*secret_file;
	const char		*certificate;
};

/* Print s as a JSON string (machine output: never translated). */
static void
json_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; s != NULL && *s != '\0'; s++)
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(fp, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, fp);
	fputc('"', fp);
}

/* Whether the environment names a complete service principal. */
static bool
env_has_sp(void)
{
	const char	*t = getenv("AZURE_TENANT_ID");
	const char	*c = getenv("AZURE_CLIENT_ID");

	return t != NULL && *t != '\0' && c != NULL && *c != '\0' &&
	    (getenv("AZURE_CLIENT_SECRET") != NULL ||
	    getenv("AZURE_CLIENT_SECRET_FILE") != NULL ||
	    getenv("AZURE_CLIENT_CERTIFICATE_PATH") != NULL);
}

/* Parse the options of login/logout/account; -1 on a usage error. */
static int
parse_opts(const char *cmd, int argc, char **argv, struct login_opts *o,
    bool methods)
{
	int		 i;
	const char	*a, **slot;

	memset(o, 0, sizeof *o);
	o->method = AUTH_DEFAULT;
	for (i = 1; i < argc; i++) {
		a = argv[i];
		slot = NULL;
		if (strcmp(a, "--client-secret") == 0 ||
		    strncmp(a, "--client-secret=", 16) == 0 ||
		    strcmp(a, "-p") == 0 || strcmp(a, "--password") == 0) {
			cli_error(_("a client secret is never taken from the "
			    "command line; set AZURE_CLIENT_SECRET, use "
			    "--client-secret-file FILE, or type it at the "
			    "prompt"));
			return -1;
		}
		if (methods && strcmp(a, "--device-code") == 0)
			o->method = AUTH_DEVICE_CODE;
		else if (methods && strcmp(a, "--service-principal") == 0)
			o->method = AUTH_SECRET;
		else if (methods && strcmp(a, "--managed-identity") == 0)
			o->method = AUTH_MANAGED_IDENTITY;
		else if (methods && strcmp(a, "--azure-cli") == 0)
			o->method = AUTH_AZURE_CLI;
		else if (strcmp(a, "--tenant") == 0 || strcmp(a, "-t") == 0)
			slot = &o->tenant;
		else if (methods && (strcmp(a, "--client-id") == 0 ||
		    strcmp(a, "-u") == 0 || strcmp(a, "--username") == 0))
			slot = &o->client_id;
		else if (methods && strcmp(a, "--client-secret-file") == 0)
			slot = &o->secret_file;
		else if (methods && strcmp(a, "--certificate") == 0)
			slot = &o->certificate;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			if (methods)
				printf(_("Usage: akswiz %s [--device-code | "
				    "--service-principal | --managed-identity "
				    "| --azure-cli]\n       [--tenant ID] "
				    "[--client-id ID] [--client-secret-file "
				    "FILE | --certificate PEM]\n"), cmd);
			else
				printf(_("Usage: akswiz %s [--tenant ID]\n"),
				    cmd);
			return 0;
		} else {
			cli_error(_("%s: unknown option \"%s\""), cmd, a);
			return -1;
		}
		if (slot != NULL) {
			if (i + 1 >= argc) {
				cli_error(_("option %s needs a value"), a);
				return -1;
			}
			*slot = argv[++i];
		}
	}
	if (o->certificate != NULL &&
	    (o->method == AUTH_DEFAULT || o->method == AUTH_SECRET))
		o->method = AUTH_CERTIFICATE;
	if (o->secret_file != NULL && o->method == AUTH_DEFAULT)
		o->method = AUTH_SECRET;
	return 1;
}

/*
 * The session of login, logout and account (app/session.h): with
 * --sandbox alone, signed in as the sandbox's service principal; else as
 * the options say; logout builds no credential.  The exit status.
 */
static int
login_open(struct app_options *g, const struct login_opts *o,
    struct session *s, bool interactive, bool need_auth)
{
	struct session_login	login;
	struct err		err;

	err_clear(&err);
	if (g->sandbox && g->endpoint == NULL && o->method != AUTH_DEFAULT) {
		/* TRANSLATORS: options and program names stay as they
		   are. */
		cli_error(_("with --sandbox alone, akswiz signs in as the "
		    "sandbox's service principal; for another method start "
		    "akswiz-sandbox yourself and give --endpoint and "
		    "--authority"));
		return EXIT_USAGE;
	}
	memset(&login, 0, sizeof login);
	login.method = o->method != AUTH_DEFAULT ?
	    auth_method_name(o->method) : NULL;
	login.tenant = o->tenant;
	login.client_id = o->client_id;
	login.secret_file = o->secret_file;
	login.certificate = o->certificate;
	login.interactive = interactive;
	if (session_open_login(s, g, need_auth ? 0 : SESSION_NO_SIGNIN,
	    &login, &err))
		return EXIT_OK;
	if (g->sandbox) {
		session_report(&err);
		return session_exit_status(&err);
	}
	cli_error("%s", err.msg);
	return err.kind == ERR_USAGE ? EXIT_USAGE : EXIT_AUTH;
}

/* "Label:   value", the label padded to 14 cells (not bytes). */
static void
account_line(const char *label, const char *value)
{
	size_t	w = output_width(label);

	printf("%s%*s %s\n", label, w < 14 ? (int)(14 - w) : 0, "", value);
}

/* Print the account as a table or JSON (the sandbox names a subscription). */
static void
print_account(struct app_options *g, const struct session *s,
    const struct auth_account *acc)
{
	const char	*sub = g->subscription;
	char		 when[32];

	if ((sub == NULL || *sub == '\0') && g->sandbox)
		sub = s->subscription;
	if (sub == NULL || *sub == '\0')
		sub = getenv("AKSWIZ_SUBSCRIPTION");
	if (sub == NULL || *sub == '\0')
		sub = getenv("AZURE_SUBSCRIPTION_ID");
	if (sub != NULL && *sub == '\0')
		sub = NULL;
	clock_format_iso8601(acc->expires, when, sizeof when);
	if (g->output == OUTPUT_JSON) {
		fputs("{\"method\": ", stdout);
		json_str(stdout, acc->method);
		fputs(", \"authority\": ", stdout);
		json_str(stdout, acc->authority);
		fputs(", \"tenant\": ", stdout);
		json_str(stdout, acc->tenant);
		fputs(", \"clientId\": ", stdout);
		json_str(stdout, acc->client_id);
		fputs(", \"objectId\": ", stdout);
		json_str(stdout, acc->object_id);
		fputs(", \"user\": ", stdout);
		json_str(stdout, acc->user);
		fputs(", \"subscription\": ", stdout);
		if (sub != NULL)
			json_str(stdout, sub);
		else
			fputs("null", stdout);
		fputs(", \"expiresOn\": ", stdout);
		json_str(stdout, when);
		fputs("}\n", stdout);
		return;
	}
	if (g->output == OUTPUT_TSV) {
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", acc->method,
		    acc->authority, acc->tenant, acc->client_id,
		    acc->object_id, acc->user, sub != NULL ? sub : "", when);
		return;
	}
	account_line(_("Signed in:"), acc->method);
	if (*acc->user != '\0')
		account_line(_("User:"), acc->user);
	account_line(_("Client:"), acc->client_id);
	if (*acc->object_id != '\0')
		account_line(_("Object:"), acc->object_id);
	account_line(_("Tenant:"), acc->tenant);
	account_line(_("Authority:"), acc->authority);
	account_line(_("Subscription:"), sub != NULL ? sub :
	    _("(none chosen)"));
	account_line(_("Token until:"), when);
}

int
cmd_login(struct app_options *g, int argc, char **argv)
{
	struct login_opts	o;
	struct session		s;
	struct auth_account	acc;
	struct err		err;
	int			r;

	if ((r = parse_opts("login", argc, argv, &o, true)) <= 0)
		return r < 0 ? EXIT_USAGE : EXIT_OK;
	if (o.method == AUTH_DEFAULT && !(g->sandbox && g->endpoint == NULL))
		o.method = env_has_sp() ? AUTH_ENVIRONMENT : AUTH_DEVICE_CODE;
	if ((r = login_open(g, &o, &s, isatty(STDIN_FILENO) ||
	    o.method == AUTH_DEVICE_CODE, true)) != EXIT_OK)
		return r;
	err_clear(&err);
	if (!auth_login(session_auth(&s), &err) ||
	    !auth_account(session_auth(&s), &acc, &err)) {
		cli_error(_("sign-in failed: %s"), err.msg);
		session_close(&s);
		return EXIT_AUTH;
	}
	print_account(g, &s, &acc);
	session_close(&s);
	return EXIT_OK;
}

int
cmd_logout(struct app_options *g, int argc, char **argv)
{
	struct login_opts	o;
	struct session		s;
	struct err		err;
	int			r, removed = 0;

	if ((r = parse_opts("logout", argc, argv, &o, false)) <= 0)
		return r < 0 ? EXIT_USAGE : EXIT_OK;
	if ((r = login_open(g, &o, &s, false, false)) != EXIT_OK)
		return r;
	err_clear(&err);
	if (!session_signout(&s, o.tenant, &removed, &err)) {
		cli_error("%s", err.msg);
		session_close(&s);
		return EXIT_FAILED;
	}
	if (g->output == OUTPUT_JSON)
		printf("{\"removed\": %d}\n", removed);
	else
		printf(P_("Removed %d cached sign-in.\n",
		    "Removed %d cached sign-ins.\n", removed), removed);
	session_close(&s);
	return EXIT_OK;
}

int
cmd_account(struct app_options *g, int argc, char **argv)
{
	struct login_opts	o;
	struct session		s;
	struct auth_account	acc;
	struct err		err;
	int			r;

	if ((r = parse_opts("account", argc, argv, &o, true)) <= 0)
		return r < 0 ? EXIT_USAGE : EXIT_OK;
	if ((r = login_open(g, &o, &s, false, true)) != EXIT_OK)
		return r;
	err_clear(&err);
	if (!auth_account(session_auth(&s), &acc, &err)) {
		cli_error("%s", err.msg);
		session_close(&s);
		return EXIT_AUTH;
	}
	print_account(g, &s, &acc);
	session_close(&s);
	return EXIT_OK;
}
