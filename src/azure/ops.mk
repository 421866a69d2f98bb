# src/azure: operations, ARM client, journal (see local.mk for HTTP and sign-in).
