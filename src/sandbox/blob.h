/*
 * The sandbox's blob store (blob.c): storage accounts of the world, their
 * containers and block blobs, on the sandbox's own host at
 * https://HOST:PORT/ACCOUNT/CONTAINER/BLOB.
 */
#ifndef AKSWIZ_SANDBOX_BLOB_H
#define AKSWIZ_SANDBOX_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sandbox;
struct sb_request;
struct sb_response;
struct json_object;

/* The storage account name of a workspace: its letters and digits,
 * lowercase, cut to 17, then "storage" (3 to 24 characters). */
void	blob_account_name(const char *workspace, char *buf, size_t len);
/*
 * The world's account entry {"name", "key", "defaultContainer"} of that
 * name (made, with a random key, for a workspace's account), or NULL.
 */
struct json_object *blob_account(struct sandbox *, const char *name);
/* Make a container on the account (nothing when it is there). */
void	blob_container_make(struct sandbox *, const char *account,
	    const char *container);
/* The query of a container service SAS (sv, sr=c, sp, se, sig). */
void	blob_container_sas(struct sandbox *, const char *account,
	    const char *container, const char *perms, uint64_t expiry_s,
	    char *out, size_t len);
/* Whether path's first segment is an account of the world. */
bool	blob_path(struct sandbox *, const char *path);
/* At start: remove the bytes under the state directory that the world
 * does not keep (a fresh world keeps none) and unfinished uploads. */
void	blob_sweep(struct sandbox *);
/* Serve a blob store request; false: not a blob store path. */
bool	blob_route(struct sandbox *, const struct sb_request *,
	    struct sb_response *);

#endif
