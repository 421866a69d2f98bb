/*
 * The sandbox's world: subscriptions, groups, regions, workspaces, AKS
 * clusters, computes and running operations, loaded from the world file
 * (data/sandbox-world.json, format in akswiz-sandbox(1)) and saved to the
 * --state file.  Everything is guarded by the server's one lock.
 */
#ifndef AKSWIZ_SANDBOX_WORLD_H
#define AKSWIZ_SANDBOX_WORLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan.h"

struct json_object;
struct err;

#define SB_ID	64		/* GUIDs, regions, sizes, versions */
#define SB_NAME	128		/* names */
#define SB_TEXT	512		/* ARM ids, messages */

struct sb_settings {
	int	page_size;		/* computes per list page */
	int	polls_to_complete;	/* >0: operations end after N polls */
	int	create_seconds;		/* service time of each operation */
	int	attach_seconds;
	int	update_seconds;
	int	delete_seconds;
	int	retry_after;		/* Retry-After on LROs, seconds */
	bool	refuse_aks_create;	/* "no longer supported" switch */
	bool	policy_sync;		/* policy denial as a synchronous 403 */
	char	dns_suffix[SB_ID];	/* "cloudapp.azure.com" */
};

struct sb_usage {
	char	name[SB_ID];		/* "cores", "standardDv2Family" */
	char	label[SB_NAME];		/* "Total Regional vCPUs" */
	long	limit;
	long	usage;
};

/* One subscription's quota in a region. */
struct sb_quota {
	char		 location[SB_ID];
	struct sb_usage	*u;
	size_t		 n;
};

struct sb_group {
	char	name[SB_NAME];
	char	location[SB_ID];
	bool	deny_public_ip;		/* the "no public IP" policy */
	char	policy_name[SB_NAME];	/* assignment name */
	char	policy_display[SB_NAME];	/* "load balancer should ..." */
};

struct sb_subscription {
	char		 id[SB_ID];
	char		 display[SB_NAME];
	char		 state[SB_ID];
	char		 quota_id[SB_ID];
	struct sb_group	*groups;
	size_t		 ngroups;
	struct sb_quota	*quotas;
	size_t		 nquotas;
};

struct sb_k8s {
	char	version[SB_ID];		/* "1.29" */
	bool	is_default;
	bool	preview;
	bool	retired;		/* not offered, not supported */
	char	patches[4][SB_ID];
	int	npatches;
};

struct sb_location {
	char		 name[SB_ID];
	char		 display[SB_NAME];
	char		**sizes;	/* VM sizes offered (catalogue names) */
	size_t		 nsizes;
	struct sb_k8s	*k8s;
	size_t		 nk8s;
};

struct sb_workspace {
	char	sub[SB_ID];
	char	group[SB_NAME];
	char	name[SB_NAME];
	char	location[SB_ID];
	char	friendly[SB_NAME];
	char	workspace_id[SB_ID];
};

struct sb_pool {
	char	name[SB_ID];
	int	count;
	char	vm_size[SB_ID];
	char	mode[SB_ID];
	bool	autoscale;		/* enableAutoScaling */
	int	min_count, max_count;	/* with the autoscaler */
};

/* A resource tag. */
struct sb_tag {
	char	key[SB_ID];
	char	value[SB_NAME];
};

struct sb_cluster {
	char		sub[SB_ID];
	char		group[SB_NAME];
	char		name[SB_NAME];
	char		location[SB_ID];
	char		version[SB_ID];
	char		state[SB_ID];		/* provisioningState */
	char		power[SB_ID];		/* Running | Stopped */
	char		dns_prefix[SB_NAME];
	char		tier[SB_ID];		/* Free | Standard */
	bool		private_cluster;
	char		ranges[4][SB_ID];	/* authorized IP ranges */
	int		nranges;
	struct sb_pool	pools[4];
	int		npools;
	bool		created_by_aml;
	bool		gone;			/* deleted */
	struct sb_tag	tags[4];		/* as PUT or the world has them */
	int		ntags;
	/* Created with a service principal (its clientId, no identity);
	 * "" for a managed identity, AKS's default. */
	char		sp_client_id[SB_ID];
};

/*
 * A compute; its resource body is kept in the 2024-04-01 shape, as compact
 * JSON text: a parsed resource takes ten times the memory, and a world
 * may hold 50,000.  It is parsed when a request changes it (res, by
 * world_compute_res()) and written back to text when the request ends
 * (world_settle()); a read parses a copy (world_compute_peek()).
 */
struct sb_compute {
	const char		*sub;		/* interned by the world */
	const char		*group;		/* interned */
	const char		*ws;		/* interned */
	char			*name;		/* owned */
	char			*text;		/* owned; NULL while res is set */
	struct json_object	*res;		/* owned, or NULL */
	bool			 gone;
};

enum sb_op_kind {
	SB_OP_CREATE,
	SB_OP_ATTACH,
	SB_OP_UPDATE,
	SB_OP_DETACH,
	SB_OP_DELETE
};

struct sb_op {
	char			 id[SB_ID];
	enum sb_op_kind		 kind;
	char			 sub[SB_ID];
	char			 location[SB_ID];
	size_t			 compute;	/* index into computes */
	uint64_t		 start_ms;
	uint64_t		 end_ms;
	int			 duration_s;	/* service time */
	int			 polls;
	bool			 done;
	/* Decided when the operation starts: the error it ends with. */
	struct json_object	*fail;		/* {code,message,...} or NULL */
	/* Update: the new properties.properties to apply (owned). */
	struct json_object	*update;
};

struct sb_world {
	char			 tenant[SB_ID];
	char			 def_sub[SB_ID];
	char			 def_group[SB_NAME];
	char			 def_ws[SB_NAME];
	struct sb_settings	 settings;
	struct json_object	*root;		/* the file as loaded (owned) */
	struct json_object	*aad;		/* borrowed from root */
	struct sb_subscription	*subs;
	size_t			 nsubs;
	struct sb_location	*locs;
	size_t			 nlocs;
	struct sb_workspace	*wss;
	size_t			 nwss;
	struct sb_cluster	*clusters;
	size_t			 nclusters;
	struct sb_compute	*computes;
	size_t			 ncomputes;
	size_t			*parsed;	/* computes whose res is set */
	size_t			 nparsed;
	char			**strs;		/* interned strings */
	size_t			 nstrs;
	struct sb_op		*ops;
	size_t			 nops;
	uint64_t		 seq;		/* ids handed out */
	long			 reads, writes, deletes; /* rate limits */
	bool			 dirty;		/* changed since last save */
};

/* Load a world (or a saved state: same format). */
struct sb_world	*world_load(const char *path, struct err *);
void		 world_free(struct sb_world *);
/* Write the world to path atomically (temporary file + rename). */
bool		 world_save(struct sb_world *, const char *path, struct err *);

struct sb_subscription	*world_sub(struct sb_world *, const char *id);
struct sb_group		*world_group(struct sb_subscription *, const char *);
struct sb_location	*world_location(struct sb_world *, const char *);
struct sb_workspace	*world_workspace(struct sb_world *, const char *sub,
			    const char *group, const char *name);
struct sb_cluster	*world_cluster(struct sb_world *, const char *sub,
			    const char *group, const char *name);
/* The compute's index, or -1. */
long			 world_compute(struct sb_world *, const char *sub,
			    const char *group, const char *ws,
			    const char *name);
struct sb_usage		*world_usage(struct sb_subscription *,
			    const char *location, const char *name);
bool			 world_size_offered(const struct sb_location *,
			    const char *size);
struct sb_op		*world_op(struct sb_world *, const char *id);

/* The compute's resource, parsed to be read or changed until the end of
 * the request (world_settle()); never NULL. */
struct json_object	*world_compute_res(struct sb_world *,
			    struct sb_compute *);
/* A reference to the compute's resource, to read (json_object_put() it). */
struct json_object	*world_compute_peek(const struct sb_compute *);
/* Whether the compute's resource may hold s, ignoring case and one
 * trailing "/" (false: it surely does not); s is not parsed for this. */
bool			 world_compute_may_hold(const struct sb_compute *,
			    const char *s);
/* Every resource parsed by world_compute_res() back to text. */
void			 world_settle(struct sb_world *);

/* A new compute (takes res); returns its index. */
size_t			 world_add_compute(struct sb_world *, const char *sub,
			    const char *group, const char *ws,
			    const char *name, struct json_object *res);
struct sb_cluster	*world_add_cluster(struct sb_world *);
/* A new operation on a compute (its id filled in). */
struct sb_op		*world_add_op(struct sb_world *, enum sb_op_kind,
			    size_t compute, uint64_t now_ms);
/* Finish every operation whose time (or poll count) has come. */
void			 world_tick(struct sb_world *, uint64_t now_ms,
			    double speed);
/* A fresh GUID-shaped id (deterministic per world: a counter). */
void			 world_guid(struct sb_world *, char *, size_t);
/* "2026-11-23T07:31:20.0000000+00:00" */
void			 world_time(uint64_t ms, char *, size_t);
/* A cluster's tags from a "tags" object (NULL: none), and as one. */
void			 world_cluster_tags_set(struct sb_cluster *,
			    struct json_object *tags);
struct json_object	*world_cluster_tags_json(const struct sb_cluster *);
/* A pool's autoscaler from an agent pool object's members. */
void			 world_pool_autoscale_set(struct sb_pool *,
			    struct json_object *pool);
/* The cluster's ARM id. */
void			 world_cluster_id(const struct sb_cluster *, char *,
			    size_t);
/* The compute's ARM id. */
void			 world_compute_id(const struct sb_compute *, char *,
			    size_t);

#endif
