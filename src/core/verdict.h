/*
 * Verdicts: what a rule says about a field, as data.  The wizard shows
 * them next to the field, the CLI prints them, the sandbox turns them into
 * the service's errors.  Text comes only from msg.h's table, at the edge.
 *
 * Everything here is pure: fixed-size storage, no allocation, no I/O.
 */
#ifndef AKSWIZ_CORE_VERDICT_H
#define AKSWIZ_CORE_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/msg.h"

enum severity {
	SEV_INFO,
	SEV_WARNING,
	SEV_ERROR
};

/*
 * The fields of a plan, with their path in the plan document and the
 * command-line flag that sets them (NULL where none does).
 */
#define PLAN_FIELDS(_) \
	_(NONE,			"",				NULL) \
	_(OPERATION,		"operation",			NULL) \
	_(COMPUTE_TYPE,		"computeType",			"--compute-type") \
	_(SUBSCRIPTION,		"scope.subscription",		"--subscription") \
	_(RESOURCE_GROUP,	"scope.resourceGroup",		"--resource-group") \
	_(WORKSPACE,		"scope.workspace",		"--workspace") \
	_(NAME,			"name",				"--name") \
	_(DESCRIPTION,		"description",			"--description") \
	_(PURPOSE,		"purpose",			"--cluster-purpose") \
	_(LOCATION,		"location",			"--location") \
	_(VM_SIZE,		"vmSize",			"--vm-size") \
	_(NODE_COUNT,		"nodeCount",			"--agent-count") \
	_(CLUSTER_ID,		"clusterResourceId",		"--compute-resource-id") \
	_(CLUSTER_NAME,		"cluster.name",			"--cluster-name") \
	_(POOL_NAME,		"cluster.nodePool",		"--nodepool-name") \
	_(DNS_PREFIX,		"cluster.dnsPrefix",		"--dns-name-prefix") \
	_(NAMESPACE,		"namespace",			"--namespace") \
	_(ROUTER_SERVICE,	"inferenceRouterServiceType",	"--inference-router-service-type") \
	_(EXTENSION,		"extension",			NULL) \
	_(LB_TYPE,		"loadBalancer.type",		"--load-balancer-type") \
	_(LB_SUBNET,		"loadBalancer.subnet",		"--load-balancer-subnet") \
	_(VNET_RESOURCE_GROUP,	"network.vnetResourceGroup",	"--vnet-resourcegroup-name") \
	_(VNET_NAME,		"network.vnetName",		"--vnet-name") \
	_(SUBNET_NAME,		"network.subnetName",		"--subnet-name") \
	_(SERVICE_CIDR,		"network.serviceCidr",		"--service-cidr") \
	_(DNS_SERVICE_IP,	"network.dnsServiceIp",		"--dns-service-ip") \
	_(DOCKER_BRIDGE_CIDR,	"network.dockerBridgeCidr",	"--docker-bridge-cidr") \
	_(NETWORK_PLUGIN,	"network.networkPlugin",	"--network-plugin") \
	_(CLUSTER_GROUP,	"cluster.resourceGroup",	"--cluster-resource-group") \
	_(K8S_VERSION,		"cluster.kubernetesVersion",	"--kubernetes-version") \
	_(TLS_MODE,		"tls.mode",			NULL) \
	_(TLS_LEAF_LABEL,	"tls.leafDomainLabel",		"--ssl-leaf-domain-label") \
	_(TLS_OVERWRITE,	"tls.overwriteExistingDomain",	"--ssl-overwrite-domain") \
	_(TLS_CERT_FILE,	"tls.certFile",			"--ssl-cert-file") \
	_(TLS_KEY_FILE,		"tls.keyFile",			"--ssl-key-file") \
	_(TLS_CNAME,		"tls.cname",			"--ssl-cname") \
	_(DETACH_ACTION,	"underlyingResourceAction",	NULL) \
	_(CLUSTER,		"cluster",			NULL) \
	_(NEW_NAME,		"newName",			"--new-name") \
	_(ENDPOINT_NAME,	"deploy.endpointName",		"--endpoint-name") \
	_(DEPLOYMENT_NAME,	"deploy.deploymentName",	"--deployment-name") \
	_(AUTH_MODE,		"deploy.authMode",		"--auth-mode") \
	_(TRAFFIC,		"deploy.traffic",		"--traffic") \
	_(MIRROR_TRAFFIC,	"deploy.mirrorTraffic",		"--mirror-traffic") \
	_(INSTANCE_COUNT,	"deploy.instanceCount",		"--instance-count") \
	_(MIN_INSTANCES,	"deploy.scale.minInstances",	"--min-instances") \
	_(MAX_INSTANCES,	"deploy.scale.maxInstances",	"--max-instances") \
	_(TARGET_UTILIZATION,	"deploy.scale.targetUtilization", "--target-utilization") \
	_(POLLING_INTERVAL,	"deploy.scale.pollingInterval",	NULL) \
	_(REQUEST_TIMEOUT,	"deploy.requests.timeoutMs",	"--request-timeout-ms") \
	_(MAX_CONCURRENT,	"deploy.requests.maxConcurrentPerInstance", "--max-concurrent-requests") \
	_(MAX_QUEUE_WAIT,	"deploy.requests.maxQueueWaitMs", "--max-queue-wait-ms") \
	_(LIVENESS_INITIAL_DELAY, "deploy.livenessProbe.initialDelaySeconds", "--liveness-initial-delay") \
	_(LIVENESS_PERIOD,	"deploy.livenessProbe.periodSeconds", "--liveness-period") \
	_(LIVENESS_TIMEOUT,	"deploy.livenessProbe.timeoutSeconds", "--liveness-timeout") \
	_(LIVENESS_SUCCESS,	"deploy.livenessProbe.successThreshold", "--liveness-success-threshold") \
	_(LIVENESS_FAILURE,	"deploy.livenessProbe.failureThreshold", "--liveness-failure-threshold") \
	_(READINESS_INITIAL_DELAY, "deploy.readinessProbe.initialDelaySeconds", "--readiness-initial-delay") \
	_(READINESS_PERIOD,	"deploy.readinessProbe.periodSeconds", "--readiness-period") \
	_(READINESS_TIMEOUT,	"deploy.readinessProbe.timeoutSeconds", "--readiness-timeout") \
	_(READINESS_SUCCESS,	"deploy.readinessProbe.successThreshold", "--readiness-success-threshold") \
	_(READINESS_FAILURE,	"deploy.readinessProbe.failureThreshold", "--readiness-failure-threshold") \
	_(CPU_REQUEST,		"deploy.resources.cpu",		"--cpu") \
	_(MEMORY_REQUEST,	"deploy.resources.memory",	"--memory-gb") \
	_(GPU_REQUEST,		"deploy.resources.gpu",		"--gpu") \
	_(MODEL,		"deploy.model",			"--model") \
	_(CODE_PATH,		"deploy.codePath",		"--code-path") \
	_(CODE,			"deploy.code",			"--code") \
	_(SCORING_SCRIPT,	"deploy.scoringScript",		"--scoring-script") \
	_(ENVIRONMENT,		"deploy.environment",		"--environment") \
	_(IMAGE,		"deploy.image",			"--image") \
	_(CONDA_FILE,		"deploy.condaFile",		"--conda-file") \
	_(INSTANCE_TYPE,	"deploy.instanceType",		"--instance-type")

#define PLAN_FIELD_ENUM(id, path, flag) FIELD_##id,
enum plan_field {
	PLAN_FIELDS(PLAN_FIELD_ENUM)
	FIELD__COUNT
};
#undef PLAN_FIELD_ENUM

/* The field's path in the plan document ("tls.cname"); "" for FIELD_NONE. */
const char	*plan_field_path(enum plan_field);
/* The command-line flag that sets it, or NULL. */
const char	*plan_field_flag(enum plan_field);

#define VERDICT_ARGS	6
#define VERDICT_ARG_LEN	160

struct verdict {
	enum plan_field	 field;
	enum severity	 severity;
	enum msg_id	 msg;
	long		 n;		/* selects the plural form, if any */
	int		 nargs;
	unsigned	 text_args;	/* bit i: args[i] is N_() text */
	char		 args[VERDICT_ARGS][VERDICT_ARG_LEN];
};

#define VERDICTS_MAX	48

struct verdicts {
	size_t		 n;
	bool		 overflow;	/* more verdicts than fit were dropped */
	struct verdict	 v[VERDICTS_MAX];
};

void		 verdicts_init(struct verdicts *);
/*
 * Add a verdict; returns it so that arguments can be added, or a scratch
 * verdict (never NULL) when the list is full and overflow is set.
 */
struct verdict	*verdicts_add(struct verdicts *, enum plan_field,
		    enum severity, enum msg_id);
/* Append an argument (printf-formatted, cut to VERDICT_ARG_LEN). */
void		 verdict_arg(struct verdict *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/*
 * Append an argument that is English text marked with N_(); renderers
 * that translate the message translate it too (verdict_render_with).
 */
void		 verdict_arg_text(struct verdict *, const char *msgid);
/* Append every verdict of src to dst. */
void		 verdicts_merge(struct verdicts *dst, const struct verdicts *src);
size_t		 verdicts_count(const struct verdicts *, enum severity);
bool		 verdicts_has_errors(const struct verdicts *);
/* The first verdict for a field at or above a severity, or NULL. */
const struct verdict *verdicts_find(const struct verdicts *, enum plan_field,
		    enum severity);
bool		 verdicts_has_msg(const struct verdicts *, enum msg_id);

/*
 * Render a verdict with the given format (msg_format(v->msg), or its
 * translation) into buf; the format uses %1$s ... %6$s for the arguments.
 * Returns the length snprintf would have written.
 */
int		 verdict_render(const struct verdict *, const char *format,
		    char *buf, size_t len);
/* The same, passing the N_() text arguments through translate first. */
int		 verdict_render_with(const struct verdict *, const char *format,
		    const char *(*translate)(const char *), char *buf,
		    size_t len);
/* "error", "warning" or "info": stable, untranslated (machine output). */
const char	*severity_name(enum severity);

#endif
