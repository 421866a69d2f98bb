/*
 * akswiz-sandbox: a local Azure (Resource Manager and Azure AD) for
 * akswiz, its tests and its demo.  See akswiz-sandbox(1).
 *
 * Start-up order matters: the server listens first (so the endpoint, which
 * Azure AD's issuer and URLs name, is known), then Azure AD is made under
 * the server's lock (a request that arrives meanwhile waits), and only
 * then is the ready file written, so a client that read it finds
 * everything in place.  SIGTERM and SIGINT are taken with sigwait() on
 * the main thread, blocked everywhere else.
 */
#include "config.h"
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "common/atomicfile.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "sandbox/blob.h"
#include "sandbox/sandbox.h"
#include "sandbox/server.h"
#include "sandbox/world.h"

#ifndef SB_BUILDDIR
#define SB_BUILDDIR ""
#endif
#ifndef SB_SRCDIR
#define SB_SRCDIR ""
#endif

struct options {
	const char	*listen;
	int		 port;		/* -1: from listen */
	bool		 tls;
	const char	*world;
	const char	*state;
	const char	*state_dir;
	const char	*faults;
	const char	*journal;
	const char	*ready;
	double		 speed;
	int		 polls;		/* -1: the world's */
	int		 retry_after;	/* -1: the world's */
	int		 token_lifetime;
	int		 device_approve;
	bool		 allow_legacy;	/* --allow-legacy-create */
};

/* Print the synopsis. */
static void
usage(FILE *fp)
{
	fprintf(fp, _("Usage: akswiz-sandbox [--listen ADDR:PORT] [--port N] "
	    "[--tls|--no-tls]\n"
	    "       [--world FILE] [--state FILE] [--state-dir DIR] "
	    "[--speed FACTOR]\n"
	    "       [--polls N] [--retry-after SECONDS] [--faults SPEC] "
	    "[--journal FILE]\n"
	    "       [--ready-file FILE] [--token-lifetime SECONDS] "
	    "[--device-approve-after N]\n"));
	/* TRANSLATORS: the synopsis's last line; the option is not translated. */
	fputs(_("       [--allow-legacy-create]\n"), fp);
}

/* Parse a number within [lo, hi]; false if it is not one. */
static bool
num(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* The world file: --world, $AKSWIZ_SANDBOX_WORLD, the build tree's, ours. */
static const char *
world_path(const char *given, char *buf, size_t len)
{
	const char *env = getenv("AKSWIZ_SANDBOX_WORLD");
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (given != NULL)
		return given;
	if (env != NULL && *env != '\0')
		return env;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0 && *SB_BUILDDIR != '\0') {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		if (strcmp(exe, SB_BUILDDIR) == 0) {
			snprintf(buf, len, "%s/data/sandbox-world.json",
			    SB_SRCDIR);
			if (access(buf, R_OK) == 0)
				return buf;
		}
	}
	snprintf(buf, len, "%s/sandbox-world.json", PKGDATADIR);
	return buf;
}

/* Create dir and its parents (mode 0700) unless they exist. */
static bool
mkdir_p(const char *dir, struct err *err)
{
	char tmp[PATH_MAX], *p;

	if (!strlcpy_ok(tmp, dir, sizeof tmp))
		return err_set(err, ERR_IO, _("path too long: %s"), dir);
	for (p = tmp + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
			return err_set(err, ERR_IO, _("cannot create %s: %s"),
			    tmp, strerror(errno));
		*p = '/';
	}
	if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
		return err_set(err, ERR_IO, _("cannot create %s: %s"), tmp,
		    strerror(errno));
	return true;
}

/* Read a whole (small) file; caller frees. */
static char *
slurp(const char *path, struct err *err)
{
	FILE *fp = fopen(path, "r");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (fp == NULL) {
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	buf_init(&b, 1 << 20);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (!buf_add(&b, chunk, n))
			break;
	fclose(fp);
	buf_adds(&b, "");
	return buf_take(&b);
}

/* Wipe a secret before freeing it. */
static void
wipe_free(char *s)
{
	if (s == NULL)
		return;
	OPENSSL_cleanse(s, strlen(s));
	free(s);
}

/* The ready file (mode 0600), written once the server listens. */
static bool
write_ready(const char *path, struct sandbox *sb, const char *ca,
    struct err *err)
{
	struct sb_world *w = sb->world;
	struct json_object *o = json_object_new_object(), *sps, *sp;
	const char *client = "", *secret = "";
	char *text;
	size_t i;
	bool ok;

	if (w->aad != NULL && json_object_object_get_ex(w->aad,
	    "servicePrincipals", &sps) &&
	    json_object_is_type(sps, json_type_array))
		for (i = 0; i < json_object_array_length(sps); i++) {
			struct json_object *v;

			sp = json_object_array_get_idx(sps, i);
			if (!json_object_object_get_ex(sp, "clientSecret", &v))
				continue;
			secret = json_object_get_string(v);
			if (json_object_object_get_ex(sp, "clientId", &v))
				client = json_object_get_string(v);
			break;
		}
#define ADD(k, v) json_object_object_add(o, k, json_object_new_string(v))
	ADD("endpoint", sb->endpoint);
	ADD("authority", sb->endpoint);
	ADD("caFile", ca);
	ADD("tenantId", w->tenant);
	ADD("subscriptionId", w->def_sub);
	ADD("resourceGroup", w->def_group);
	ADD("workspace", w->def_ws);
	ADD("clientId", client);
	ADD("clientSecret", secret);
#undef ADD
	xasprintf(&text, "%s\n", json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	ok = atomicfile_write(path, text, strlen(text), 0600, err);
	wipe_free(text);
	return ok;
}

/* Parse the command line into o; false after a usage message. */
static bool
parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "port", required_argument, NULL, 'p' },
		{ "tls", no_argument, NULL, 'T' },
		{ "no-tls", no_argument, NULL, 'N' },
		{ "world", required_argument, NULL, 'w' },
		{ "state", required_argument, NULL, 's' },
		{ "state-dir", required_argument, NULL, 'd' },
		{ "speed", required_argument, NULL, 'S' },
		{ "polls", required_argument, NULL, 'P' },
		{ "retry-after", required_argument, NULL, 'R' },
		{ "faults", required_argument, NULL, 'f' },
		{ "journal", required_argument, NULL, 'j' },
		{ "ready-file", required_argument, NULL, 'r' },
		{ "token-lifetime", required_argument, NULL, 't' },
		{ "device-approve-after", required_argument, NULL, 'a' },
		{ "allow-legacy-create", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	double v;
	int ch;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l': o->listen = optarg; break;
		case 'p':
			if (!num(optarg, 0, 65535, &v))
				goto bad;
			o->port = (int)v;
			break;
		case 'T': o->tls = true; break;
		case 'N': o->tls = false; break;
		case 'w': o->world = optarg; break;
		case 's': o->state = optarg; break;
		case 'd': o->state_dir = optarg; break;
		case 'S':
			if (!num(optarg, 0.001, 1e6, &o->speed))
				goto bad;
			break;
		case 'P':
			if (!num(optarg, 0, 1e6, &v))
				goto bad;
			o->polls = (int)v;
			break;
		case 'R':
			if (!num(optarg, 0, 3600, &v))
				goto bad;
			o->retry_after = (int)v;
			break;
		case 'f': o->faults = optarg; break;
		case 'j': o->journal = optarg; break;
		case 'r': o->ready = optarg; break;
		case 't':
			if (!num(optarg, 1, 1e8, &v))
				goto bad;
			o->token_lifetime = (int)v;
			break;
		case 'a':
			if (!num(optarg, -1, 1e6, &v))
				goto bad;
			o->device_approve = v == 0 ? -1 : (int)v;
			break;
		case 'L': o->allow_legacy = true; break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("akswiz-sandbox %s\n", PACKAGE_VERSION);
			exit(0);
		default:
			usage(stderr);
			return false;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return false;
	}
	return true;
bad:
	fprintf(stderr, _("akswiz-sandbox: bad option value: %s\n"), optarg);
	return false;
}

/* Split ADDR:PORT; the address defaults to loopback. */
static bool
split_listen(const char *s, char *addr, size_t len, int *port)
{
	const char *colon = strrchr(s, ':');
	double v;

	if (colon == NULL) {
		strlcpy_ok(addr, s, len);
		return true;
	}
	if ((size_t)(colon - s) >= len || !num(colon + 1, 0, 65535, &v))
		return false;
	memcpy(addr, s, (size_t)(colon - s));
	addr[colon - s] = '\0';
	if (*addr == '\0')
		strlcpy_ok(addr, "127.0.0.1", len);
	*port = (int)v;
	return true;
}

/* Serve until SIGTERM or SIGINT. */
int
main(int argc, char **argv)
{
	struct options o = { NULL, -1, true, NULL, NULL, NULL, NULL, NULL,
	    NULL, 60.0, -1, -1, 0, 0, false };
	struct sandbox sb;
	struct sb_server *srv = NULL;
	struct err err;
	char wbuf[PATH_MAX], ca[PATH_MAX] = "", cert[PATH_MAX], key[PATH_MAX];
	char addr[256] = "127.0.0.1";
	char *cert_pem = NULL, *key_pem = NULL;
	const char *wpath, *home;
	sigset_t set;
	int port = 0, sig, status = 1;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, getenv("AKSWIZ_LOCALEDIR") != NULL &&
	    getenv("AKSWIZ_LOCALEDIR")[0] != '\0' ?
	    getenv("AKSWIZ_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	err_clear(&err);
	memset(&sb, 0, sizeof sb);
	if (!parse_args(argc, argv, &o))
		return 2;
	if (o.listen != NULL && !split_listen(o.listen, addr, sizeof addr,
	    &port)) {
		fprintf(stderr, _("akswiz-sandbox: bad --listen %s\n"),
		    o.listen);
		return 2;
	}
	if (o.port >= 0)
		port = o.port;
	sb.speed = o.speed;
	sb.token_lifetime = o.token_lifetime;
	sb.device_auto_approve = o.device_approve;

	if (o.state_dir != NULL)
		strlcpy_ok(sb.state_dir, o.state_dir, sizeof sb.state_dir);
	else if ((home = getenv("XDG_STATE_HOME")) != NULL && *home == '/')
		snprintf(sb.state_dir, sizeof sb.state_dir,
		    "%s/akswiz-sandbox", home);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		snprintf(sb.state_dir, sizeof sb.state_dir,
		    "%s/.local/state/akswiz-sandbox", home);
	else
		snprintf(sb.state_dir, sizeof sb.state_dir,
		    "/tmp/akswiz-sandbox-%ld", (long)getuid());
	if (!mkdir_p(sb.state_dir, &err))
		goto fail;

	/* What an earlier sandbox killed mid-write left (secrets inside). */
	if (o.state != NULL)
		(void)atomicfile_sweep(o.state);
	if (o.ready != NULL)
		(void)atomicfile_sweep(o.ready);
	wpath = o.state != NULL && access(o.state, R_OK) == 0 ? o.state :
	    world_path(o.world, wbuf, sizeof wbuf);
	if ((sb.world = world_load(wpath, &err)) == NULL)
		goto fail;
	blob_sweep(&sb);	/* blob bytes the world no longer has */
	if (o.polls >= 0)
		sb.world->settings.polls_to_complete = o.polls;
	if (o.retry_after >= 0)
		sb.world->settings.retry_after = o.retry_after;
	if (o.allow_legacy)
		sb.world->settings.refuse_aks_create = false;
	if (o.faults != NULL &&
	    (sb.faults = faults_new(o.faults, &err)) == NULL)
		goto fail;
	if (o.journal != NULL &&
	    (sb.journal = journal_open(o.journal, &err)) == NULL)
		goto fail;
	if (o.tls) {
		if (!tlsgen_ensure(sb.state_dir, ca, cert, key, &err) ||
		    (cert_pem = slurp(cert, &err)) == NULL ||
		    (key_pem = slurp(key, &err)) == NULL)
			goto fail;
	}

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	srv = server_start(&sb, addr, port, cert_pem, key_pem, o.state, &err);
	wipe_free(key_pem);
	key_pem = NULL;
	if (srv == NULL)
		goto fail;
	server_lock(srv);
	sb.aad = aad_new(&sb, sb.world->aad, &err);
	if (sb.aad != NULL && o.state != NULL)
		(void)world_save(sb.world, o.state, &err);
	server_unlock(srv);
	if (sb.aad == NULL)
		goto fail;
	if (o.ready != NULL && !write_ready(o.ready, &sb, ca, &err))
		goto fail;
	printf("%s\n", sb.endpoint);
	fflush(stdout);

	if (sigwait(&set, &sig) == 0)
		status = 0;
	server_stop(srv);
	srv = NULL;
	if (o.state != NULL && !world_save(sb.world, o.state, &err)) {
		fprintf(stderr, "akswiz-sandbox: %s\n", err.msg);
		status = 1;
	}
	goto out;
fail:
	fprintf(stderr, "akswiz-sandbox: %s\n", err.msg);
	status = 1;
out:
	server_stop(srv);
	wipe_free(key_pem);
	free(cert_pem);
	aad_free(sb.aad);
	faults_free(sb.faults);
	journal_close(sb.journal);
	world_free(sb.world);
	return status;
}
