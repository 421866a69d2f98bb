/* akswiz-sandbox's HTTP(S) server: libmicrohttpd around the handlers. */
#ifndef AKSWIZ_SANDBOX_SERVER_H
#define AKSWIZ_SANDBOX_SERVER_H

#include <stdbool.h>

struct sandbox;
struct err;
struct sb_server;

/*
 * Listen on addr:port (port 0: any free one) with TLS when cert_pem and
 * key_pem are given; fills sb->endpoint.  Requests are served one at a
 * time under one lock, each on its connection's thread.
 */
struct sb_server *server_start(struct sandbox *, const char *addr, int port,
		    const char *cert_pem, const char *key_pem,
		    const char *state_file, struct err *);
void		 server_stop(struct sb_server *);
/* Run fn under the server's lock (to save state while serving). */
void		 server_lock(struct sb_server *);
void		 server_unlock(struct sb_server *);

#endif
