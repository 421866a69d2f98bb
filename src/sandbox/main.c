/* akswiz-sandbox: placeholder until the server lands. */
#include "config.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
	printf("Usage: akswiz-sandbox [--listen ADDR:PORT] [--tls|--no-tls] "
	    "[--world FILE] [--state FILE] [--speed FACTOR] [--faults SPEC] "
	    "[--journal FILE] [--ready-file FILE]\n");
	return 0;
}
