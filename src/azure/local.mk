# src/azure: HTTP, sign-in, ARM client, operations.
