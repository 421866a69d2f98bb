/*
 * tcp-forward PORTFILE TARGET-PORT: a plain TCP forwarder on 127.0.0.1,
 * what a TLS-passing proxy or an alias of Resource Manager looks like to
 * a client (another host:port, the same server behind it).  Listens on a
 * free port, writes it to PORTFILE, and copies bytes both ways, one
 * child per connection, until killed.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Copy between a and b until either side closes. */
static void
pump(int a, int b)
{
	struct pollfd	pf[2] = { { a, POLLIN, 0 }, { b, POLLIN, 0 } };
	char		buf[16384];
	ssize_t		n;
	int		i;

	for (;;) {
		if (poll(pf, 2, -1) < 0)
			return;
		for (i = 0; i < 2; i++) {
			if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if ((n = read(pf[i].fd, buf, sizeof buf)) <= 0)
				return;
			if (write(pf[1 - i].fd, buf, (size_t)n) != n)
				return;
		}
	}
}

int
main(int argc, char **argv)
{
	struct sockaddr_in	sa;
	socklen_t		len = sizeof sa;
	FILE			*fp;
	int			ls, c, t, one = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: tcp-forward PORTFILE TARGET-PORT\n");
		return 2;
	}
	signal(SIGCHLD, SIG_IGN);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((ls = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(ls, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    listen(ls, 16) != 0 ||
	    getsockname(ls, (struct sockaddr *)&sa, &len) != 0) {
		perror("tcp-forward");
		return 1;
	}
	if ((fp = fopen(argv[1], "w")) == NULL)
		return 1;
	fprintf(fp, "%u\n", ntohs(sa.sin_port));
	fclose(fp);
	for (;;) {
		if ((c = accept(ls, NULL, NULL)) < 0)
			continue;
		if (fork() == 0) {
			close(ls);
			sa.sin_port = htons((unsigned short)atoi(argv[2]));
			if ((t = socket(AF_INET, SOCK_STREAM, 0)) >= 0 &&
			    connect(t, (struct sockaddr *)&sa, sizeof sa) == 0)
				pump(c, t);
			_exit(0);
		}
		close(c);
	}
}
