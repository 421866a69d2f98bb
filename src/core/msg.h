/*
 * Every message a rule can give, once: a stable id (used in machine output
 * as its name, e.g. "NAME_LENGTH") and its translatable format.  Formats
 * take string arguments by position (%1$s ...), so translators may reorder
 * them.  NP_() marks a message with a plural form chosen by verdict.n.
 *
 * Keep ids stable: scripts match them in `akswiz plan check -o json`.
 */
#ifndef AKSWIZ_CORE_MSG_H
#define AKSWIZ_CORE_MSG_H

#include "common/i18n.h"

#define NP_(s, p)	(s), (p)
#define NS_(s)		(s), NULL

#define MSG_TABLE(_) \
	/* compute name */ \
	_(NAME_EMPTY,		NS_(N_("Enter a compute name."))) \
	_(NAME_LENGTH,		NS_(N_("The name must be 3 to 24 characters long; \"%1$s\" has %2$s."))) \
	_(NAME_CHARS,		NS_(N_("The name may contain only letters, digits and hyphens; \"%1$s\" is not allowed."))) \
	_(NAME_FIRST,		NS_(N_("The name must start with a letter."))) \
	_(NAME_LAST,		NS_(N_("The name must end with a letter or a digit."))) \
	_(NAME_DIGIT_SUFFIX,	NS_(N_("The name may not end in a hyphen and digits (\"%1$s\"); add a letter at the end, as in \"%2$s\"."))) \
	_(NAME_RESERVED,	NS_(N_("\"%1$s\" is a reserved name; choose another."))) \
	_(NAME_TAKEN,		NS_(N_("The workspace already has a compute named \"%1$s\"; choose another name."))) \
	_(NAME_SUGGESTED,	NS_(N_("\"%1$s\", made from the cluster's name, would do."))) \
	/* purpose, size, nodes, quota */ \
	_(PURPOSE_INVALID,	NS_(N_("The purpose must be FastProd (production) or DevTest (dev-test); \"%1$s\" is neither."))) \
	_(NODES_INVALID,	NS_(N_("The agent count must be a positive integer, from 1 to %1$s."))) \
	_(NODES_MAX,		NS_(N_("AKS allows at most %1$s nodes in a node pool; this plan has %2$s."))) \
	_(PROD_NODES,		NP_("Production needs at least 3 nodes; this has %1$s node.", "Production needs at least 3 nodes; this has %1$s nodes.")) \
	_(PROD_VCPU,		NS_(N_("Production needs nodes x vCPU of at least 12; %1$s x %2$s vCPU = %3$s vCPU."))) \
	_(DEVTEST_NODES,	NS_(N_("Dev-test needs at least 1 node."))) \
	_(DEVTEST_LOW_VCPU,	NS_(N_("Dev-test with %1$s vCPU in total: at least 2 vCPU are recommended."))) \
	_(SIZING_OK_PROD,	NP_("%1$s node x %2$s vCPU = %3$s vCPU: meets production (at least 3 nodes, at least 12 vCPU).", "%1$s nodes x %2$s vCPU = %3$s vCPU: meets production (at least 3 nodes, at least 12 vCPU).")) \
	_(SIZING_OK_DEVTEST,	NP_("%1$s node x %2$s vCPU = %3$s vCPU: meets dev-test (at least 1 node).", "%1$s nodes x %2$s vCPU = %3$s vCPU: meets dev-test (at least 1 node).")) \
	_(DEVTEST_CAVEAT,	NS_(N_("Dev-test is not suited to production traffic and may increase inference times."))) \
	_(SIZE_EMPTY,		NS_(N_("Choose a VM size."))) \
	_(SIZE_DEFAULT,		NS_(N_("No VM size given: the service will use %1$s."))) \
	_(NODES_DEFAULT,	NS_(N_("No node count given: the service will use %1$s nodes."))) \
	_(SIZE_UNKNOWN,		NS_(N_("VM size \"%1$s\" is not in the built-in catalogue; the live check will tell whether the region offers it."))) \
	_(SIZE_NOT_OFFERED,	NS_(N_("VM size \"%1$s\" is not offered in %2$s."))) \
	_(QUOTA_FAMILY,		NS_(N_("Not enough %1$s quota in %2$s: limit %3$s, in use %4$s, this needs %5$s more; %6$s are free."))) \
	_(QUOTA_REGIONAL,	NS_(N_("Not enough Total Regional vCPU quota in %1$s: limit %2$s, in use %3$s, this needs %4$s more; %5$s are free."))) \
	_(LOCATION_DIFFERS,	NS_(N_("The cluster is in %1$s and the workspace in %2$s: expect network latency and data transfer costs."))) \
	/* virtual network */ \
	_(VNET_INCOMPLETE,	NS_(N_("A custom virtual network needs all six settings (VNet resource group, VNet, subnet, service CIDR, DNS service IP, Docker bridge CIDR); %1$s is missing."))) \
	_(IP_INVALID,		NS_(N_("\"%1$s\" is not an IPv4 address (four numbers from 0 to 255, such as 10.0.0.10)."))) \
	_(CIDR_INVALID,		NS_(N_("\"%1$s\" is not an IPv4 CIDR range (an address and a prefix from 0 to 32, such as 10.0.0.0/16)."))) \
	_(CIDR_HOST_BITS,	NS_(N_("\"%1$s\" has host bits set; the range it names is %2$s."))) \
	_(DNS_OUTSIDE,		NS_(N_("DNS service IP %1$s is outside the service CIDR %2$s."))) \
	_(DNS_RESERVED,		NS_(N_("DNS service IP %1$s is the network address or first host of %2$s, which Kubernetes reserves; use another, such as %3$s."))) \
	_(BRIDGE_OVERLAPS_SERVICE, NS_(N_("Docker bridge CIDR %1$s overlaps the service CIDR %2$s."))) \
	_(BRIDGE_OVERLAPS_SUBNET, NS_(N_("Docker bridge CIDR %1$s overlaps the subnet's range %2$s."))) \
	_(SERVICE_OVERLAPS_SUBNET, NS_(N_("Service CIDR %1$s overlaps the subnet's range %2$s."))) \
	_(SERVICE_CIDR_TOO_SMALL, NS_(N_("Service CIDR %1$s leaves no address for the DNS service IP; use a larger range, such as 10.0.0.0/16."))) \
	/* load balancer and TLS */ \
	_(LB_INVALID,		NS_(N_("The load balancer type must be PublicIp or InternalLoadBalancer; \"%1$s\" is neither."))) \
	_(LB_SUBNET_NEEDED,	NS_(N_("An internal load balancer needs a subnet."))) \
	_(LB_SUBNET_PUBLIC,	NS_(N_("A load balancer subnet applies only to an internal load balancer."))) \
	_(LB_SUBNET_BASIC,	NS_(N_("The Basic network has only the subnet \"aks-subnet\", not \"%1$s\"; use it, or the Advanced network."))) \
	_(TLS_CUSTOM_INCOMPLETE, NS_(N_("A custom certificate needs the certificate file, the key file and the CNAME; %1$s is missing."))) \
	_(TLS_LEAF_WITH_CUSTOM,	NS_(N_("A leaf domain label (Microsoft certificate) cannot be combined with a custom certificate, key or CNAME."))) \
	_(TLS_OVERWRITE_ONLY_LEAF, NS_(N_("Overwrite existing domain applies only to a Microsoft certificate (leaf domain label)."))) \
	_(TLS_LEAF_EMPTY,	NS_(N_("A Microsoft certificate needs a leaf domain label."))) \
	_(TLS_LEAF_INVALID,	NS_(N_("Leaf domain label \"%1$s\" is not a valid DNS label: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen."))) \
	_(TLS_CNAME_INVALID,	NS_(N_("CNAME \"%1$s\" is not a valid host name."))) \
	_(TLS_MICROSOFT_INTERNAL, NS_(N_("A Microsoft certificate is not supported with an internal load balancer; use a custom certificate or a public load balancer."))) \
	_(TLS_HOST_PREVIEW,	NS_(N_("Scoring host name: %1$s"))) \
	_(CERT_UNREADABLE,	NS_(N_("Cannot read %1$s: %2$s."))) \
	_(CERT_PARSE,		NS_(N_("%1$s is not a PEM certificate."))) \
	_(KEY_PARSE,		NS_(N_("%1$s is not a PEM private key."))) \
	_(KEY_ENCRYPTED,	NS_(N_("%1$s is protected by a pass phrase, which the service does not support."))) \
	_(KEY_MISMATCH,		NS_(N_("The key in %1$s does not belong to the certificate in %2$s."))) \
	_(CERT_EXPIRED,		NS_(N_("The certificate expired on %1$s."))) \
	_(CERT_NOT_YET_VALID,	NS_(N_("The certificate is not valid before %1$s."))) \
	_(CERT_EXPIRES_SOON,	NS_(N_("The certificate expires on %1$s."))) \
	_(CERT_CNAME_NOT_COVERED, NS_(N_("The certificate does not cover %1$s; it covers %2$s."))) \
	/* Kubernetes versions */ \
	_(K8S_VERSION_INVALID,	NS_(N_("\"%1$s\" is not a Kubernetes version (such as 1.29 or 1.29.2)."))) \
	_(K8S_SUPPORTED,	NS_(N_("Kubernetes %1$s is supported."))) \
	_(K8S_PREVIEW,		NS_(N_("Kubernetes %1$s is a preview version; it may change or be withdrawn."))) \
	_(K8S_UNSUPPORTED,	NS_(N_("Kubernetes %1$s is not supported; supported versions are between %2$s and %3$s."))) \
	/* AKS resource IDs and attach */ \
	_(ID_EMPTY,		NS_(N_("Give the AKS cluster's resource ID."))) \
	_(ID_NOT_ABSOLUTE,	NS_(N_("A resource ID starts with /subscriptions/; \"%1$s\" does not."))) \
	_(ID_SEGMENTS,		NS_(N_("An AKS cluster ID has 8 segments (/subscriptions/ID/resourceGroups/GROUP/providers/Microsoft.ContainerService/managedClusters/NAME); this one has %1$s."))) \
	_(ID_EMPTY_SEGMENT,	NS_(N_("The resource ID has an empty segment at position %1$s."))) \
	_(ID_KEYWORD,		NS_(N_("Segment %1$s of the resource ID should be \"%2$s\", not \"%3$s\"."))) \
	_(ID_SUBSCRIPTION,	NS_(N_("\"%1$s\" is not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000)."))) \
	_(ID_RESOURCE_GROUP,	NS_(N_("\"%1$s\" is not a valid resource group name."))) \
	_(ID_PROVIDER,		NS_(N_("The resource ID names provider %1$s; an AKS cluster is under Microsoft.ContainerService."))) \
	_(ID_TYPE,		NS_(N_("The resource ID names type %1$s; an AKS cluster is managedClusters."))) \
	_(ID_CLUSTER_NAME,	NS_(N_("\"%1$s\" is not a valid AKS cluster name."))) \
	_(ATTACH_OTHER_SUBSCRIPTION, NS_(N_("The cluster is in subscription %1$s and the workspace in %2$s; a cluster can be attached only within the workspace's subscription."))) \
	_(CLUSTER_PRIVATE,	NS_(N_("%1$s is a private cluster: the workspace must be on the same virtual network."))) \
	_(CLUSTER_AUTHORIZED_IPS, NS_(N_("%1$s admits only authorized IP ranges (%2$s); they must include the Azure Machine Learning control plane's ranges."))) \
	_(CLUSTER_ATTACHED,	NS_(N_("%1$s is already attached to workspace %2$s as \"%3$s\"; attaching it again would break that attachment."))) \
	_(CLUSTER_NOT_READY,	NS_(N_("%1$s is %2$s; it can be attached once it has succeeded and is running."))) \
	_(CLUSTER_TOO_SMALL,	NP_("%1$s has %2$s node and %3$s vCPU; production needs at least 3 nodes and 12 vCPU.", "%1$s has %2$s nodes and %3$s vCPU; production needs at least 3 nodes and 12 vCPU.")) \
	_(CLUSTER_OK,		NS_(N_("%1$s can be attached."))) \
	/* today's path: AKS names, node sizes, the Azure ML extension */ \
	/* TRANSLATORS: AKS, LoadBalancer, NodePort, ClusterIP, azureml, azureml-fe and CNAME are names: keep them. */ \
	_(AKS_CLUSTER_NAME,	NS_(N_("The AKS cluster name must be 1 to 63 letters, digits, hyphens and underscores, starting and ending with a letter or a digit; \"%1$s\" is not."))) \
	_(AKS_NAME_RESERVED,	NS_(N_("AKS reserves the cluster name \"%1$s\"; choose another."))) \
	_(AKS_NAME_TRADEMARK,	NS_(N_("AKS refuses cluster names containing the reserved word \"%2$s\", as \"%1$s\" does; choose another."))) \
	_(AKS_POOL_NAME,	NS_(N_("A node pool name must be 1 to 12 lower-case letters and digits, starting with a letter; \"%1$s\" is not."))) \
	_(AKS_DNS_PREFIX,	NS_(N_("The DNS prefix must be 1 to 54 letters, digits and hyphens, starting and ending with a letter or a digit; \"%1$s\" is not."))) \
	_(AKS_SYSTEM_POOL_SIZE,	NS_(N_("AKS needs the VM size of a System node pool to have at least 2 vCPU and 4 GB of memory; %1$s has %2$s vCPU and %3$s GB."))) \
	_(K8S_PROD_NODE_SIZE,	NS_(N_("Production needs each node to have at least 4 vCPU and 14 GB of memory; %1$s has %2$s vCPU and %3$s GB."))) \
	_(K8S_SERVICE_TYPE,	NS_(N_("The inference router's service type must be LoadBalancer, NodePort or ClusterIP; \"%1$s\" is none of them."))) \
	_(K8S_SERVICE_TYPE_MISSING, NS_(N_("Choose the inference router's service type: LoadBalancer, NodePort or ClusterIP."))) \
	_(K8S_NODEPORT_INTERNAL, NS_(N_("An internal load balancer cannot be combined with the NodePort service type; choose LoadBalancer, or a public load balancer."))) \
	_(K8S_INTERNAL_LB_SUBNET, NS_(N_("The internal load balancer takes an address in the subnet of the cluster's nodes."))) \
	_(K8S_TLS_MICROSOFT,	NS_(N_("A Microsoft-issued certificate exists only for legacy AKS computes; use your own certificate, or turn TLS off."))) \
	_(K8S_TLS_OFF,		NS_(N_("TLS is off: scoring requests and their answers travel as plain HTTP."))) \
	_(K8S_TLS_NEEDED,	NS_(N_("Scoring needs TLS settings: your own certificate and key, or TLS turned off (plain HTTP)."))) \
	_(K8S_CNAME_NEEDED,	NS_(N_("Scoring over HTTPS needs the host name the certificate is for (the CNAME)."))) \
	_(K8S_HA_NODES,		NP_("The inference router's high availability runs 3 replicas and needs at least 3 nodes; the cluster has %1$s node.", "The inference router's high availability runs 3 replicas and needs at least 3 nodes; the cluster has %1$s nodes.")) \
	_(EXT_SCOPE,		NS_(N_("The Azure Machine Learning extension is installed for the whole cluster (release namespace azureml), not in namespace \"%1$s\"."))) \
	_(EXT_DUPLICATE_KEY,	NS_(N_("Extension setting \"%1$s\" is given both as a setting and as a protected setting."))) \
	_(EXT_NO_WORKLOAD,	NS_(N_("The Azure Machine Learning extension must enable inference or training; this enables neither."))) \
	_(EXT_LEGACY_FE,	NS_(N_("The cluster still runs the scoring router of a legacy AKS compute (azureml-fe): migrate it (annotated for the upgrade, and the extension installed with the upgrade setting) or remove it first."))) \
	/* today's path: attach an existing cluster, update its extension */ \
	_(K8S_SERVICE_PRINCIPAL, NS_(N_("%1$s signs in with a service principal; Azure Machine Learning needs a cluster with a managed identity (az aks update --enable-managed-identity)."))) \
	_(K8S_ATTACHED_SHARED,	NS_(N_("%1$s is also attached to workspace %2$s as \"%3$s\"; a Kubernetes compute can share the cluster."))) \
	_(K8S_ATTACHED_LEGACY,	NS_(N_("%1$s is attached to workspace %2$s as legacy AKS compute \"%3$s\"; migrate that compute, or detach it first."))) \
	_(EXT_INSTALL,		NS_(N_("The Azure Machine Learning extension is not on %1$s; it will be installed."))) \
	_(EXT_SAME,		NS_(N_("The Azure Machine Learning extension on %1$s already has these settings (%2$s); it is kept as it is."))) \
	/* TRANSLATORS: %1$s is an extension setting's name, %2$s and %3$s its old and new values. */ \
	_(EXT_CHANGE,		NS_(N_("Extension setting %1$s changes from \"%2$s\" to \"%3$s\"."))) \
	_(EXT_UPDATE,		NS_(N_("The Azure Machine Learning extension on %1$s will be updated: all its settings are sent, replacing the old ones."))) \
	_(EXT_CERT_AGAIN,	NS_(N_("The extension never returns its certificate and key: they are read from the plan's files and sent again."))) \
	_(EXT_FAILED,		NS_(N_("The Azure Machine Learning extension on %1$s is Failed (%2$s); it will be installed again."))) \
	_(EXT_BUSY,		NS_(N_("The Azure Machine Learning extension on %1$s is %2$s; apply once that has ended."))) \
	/* plan as a whole */ \
	_(PLAN_REQUIRED,	NS_(N_("%1$s is required to %2$s."))) \
	_(SCOPE_SUBSCRIPTION_NOT_FOUND, NS_(N_("Subscription %1$s does not exist, or this account cannot see it: choose another with --subscription ID or AKSWIZ_SUBSCRIPTION, or from the list (Create or Attach on the home screen)."))) \
	_(SCOPE_GROUP_NOT_FOUND, NS_(N_("Resource group %1$s does not exist in subscription %2$s: choose another with -g GROUP or AKSWIZ_RESOURCE_GROUP, or from the list (Create or Attach on the home screen)."))) \
	_(SCOPE_WORKSPACE_NOT_FOUND, NS_(N_("Workspace %1$s does not exist in resource group %2$s: choose another with -w WORKSPACE or AKSWIZ_WORKSPACE, or from the list (Create or Attach on the home screen)."))) \
	_(PLAN_SCOPE_LATER,	NP_("%1$s is not in the plan: the one in effect when the plan is applied (the option, the environment or the configuration file) is used.", "%1$s are not in the plan: the ones in effect when the plan is applied (the options, the environment or the configuration file) are used.")) \
	_(PLAN_NOT_APPLICABLE,	NS_(N_("%1$s does not apply to %2$s; remove it."))) \
	_(PLAN_DETACH_ACTION,	NS_(N_("The underlying resource action must be Detach or Delete; \"%1$s\" is neither."))) \
	/* today's path: create preflight */ \
	_(K8S_NOT_APPLICABLE,	NS_(N_("%1$s does not apply to compute type %2$s; remove it."))) \
	_(K8S_PROVIDER_UNREGISTERED, NS_(N_("Resource provider %1$s is not registered in subscription %2$s: apply with --register-providers to register it, or register it with \"az provider register --namespace %1$s\"."))) \
	_(K8S_NETWORK_PLUGIN,	NS_(N_("The network plugin must be azure, kubenet or none; \"%1$s\" is none of them."))) \
	_(K8S_CLUSTER_EXISTS,	NS_(N_("Resource group %2$s already has an AKS cluster named %1$s; choose another name with --cluster-name."))) \
	_(CREATE_LEGACY,	NS_(N_("Azure Machine Learning may refuse to create new AKS computes; if it does, create the cluster in AKS and attach it."))) \
	/* today's path: the namespace; migrate */ \
	_(K8S_NAMESPACE_INVALID, NS_(N_("The namespace must be a Kubernetes name: at most 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit; \"%1$s\" is not."))) \
	_(K8S_NAMESPACE_CREATED, NS_(N_("Namespace %1$s does not exist in cluster %2$s: the plan creates it."))) \
	_(MIGRATE_NAMESPACE_V1,	NS_(N_("Namespace %1$s is the legacy compute's (azureml-<workspace>): the Kubernetes compute needs another one; choose it with --namespace."))) \
	_(MIGRATE_SAME_NAME,	NS_(N_("The Kubernetes compute needs a name of its own: %1$s is the legacy compute's, and both exist until the last step; choose another with --new-name."))) \
	_(MIGRATE_TLS_MICROSOFT, NS_(N_("%1$s uses a certificate issued by Microsoft, which a Kubernetes compute cannot have: give your own with --ssl-cert-file, --ssl-key-file and --ssl-cname, or turn TLS off with --ssl-disable."))) \
	/* deploying a model: online endpoints and deployments */ \
	_(DEPLOY_ENDPOINT_NAME,	NS_(N_("The endpoint name \"%1$s\" is not valid: %2$s."))) \
	_(DEPLOY_DEPLOYMENT_NAME, NS_(N_("The deployment name \"%1$s\" is not valid: %2$s."))) \
	_(DEPLOY_AUTH_MISSING,	NS_(N_("Choose the endpoint's auth mode: key or aml_token."))) \
	_(DEPLOY_AUTH_NONE,	NS_(N_("Online endpoints have no \"no authentication\" mode; choose key or aml_token as the auth mode."))) \
	_(DEPLOY_AUTH_AAD,	NS_(N_("The auth mode aad_token is not supported on Kubernetes endpoints; choose key or aml_token."))) \
	_(DEPLOY_AUTH_INVALID,	NS_(N_("The auth mode must be key or aml_token; \"%1$s\" is neither."))) \
	_(DEPLOY_TRAFFIC_RANGE,	NS_(N_("Traffic to deployment %1$s is %2$s percent; give a percentage from 0 to 100."))) \
	_(DEPLOY_TRAFFIC_SUM,	NS_(N_("The endpoint's traffic adds up to %1$s percent; the percentages must add up to 100 (or all be 0)."))) \
	_(DEPLOY_TRAFFIC_UNKNOWN, NS_(N_("Traffic names deployment %1$s, which the endpoint does not have; remove it or create the deployment first."))) \
	_(DEPLOY_MIRROR_K8S,	NS_(N_("Mirror traffic is not supported on Kubernetes endpoints; remove the mirror traffic setting."))) \
	_(DEPLOY_INSTANCES,	NS_(N_("The instance count must be at least 1; it is %1$s."))) \
	_(DEPLOY_SCALE_BOTH,	NS_(N_("Give either an instance count or autoscale's minimum and maximum, not both."))) \
	_(DEPLOY_MIN_INSTANCES,	NS_(N_("Autoscale's minimum instances must be at least 1; it is %1$s."))) \
	_(DEPLOY_MIN_MAX,	NS_(N_("Autoscale's minimum instances (%1$s) is more than its maximum (%2$s); lower the minimum or raise the maximum."))) \
	_(DEPLOY_TARGET_UTIL,	NS_(N_("Autoscale's target utilization must be from 1 to 100 percent; it is %1$s."))) \
	_(DEPLOY_POLLING,	NS_(N_("Autoscale's polling interval must be at least 1 second; it is %1$s."))) \
	_(DEPLOY_TIMEOUT,	NS_(N_("The request timeout must be from 1 to %2$s milliseconds; it is %1$s."))) \
	_(DEPLOY_CONCURRENCY,	NS_(N_("The maximum of concurrent requests per instance must be at least 1; it is %1$s."))) \
	_(DEPLOY_QUEUE_WAIT,	NS_(N_("The maximum queue wait must be from 0 to %2$s milliseconds; it is %1$s."))) \
	/* TRANSLATORS: %1$s is "liveness" or "readiness" (kept in English), %2$s the value given. */ \
	_(DEPLOY_PROBE_DELAY,	NS_(N_("The %1$s probe's initial delay must be 0 seconds or more; it is %2$s."))) \
	/* TRANSLATORS: %1$s is "liveness" or "readiness" (kept in English), %2$s the value given. */ \
	_(DEPLOY_PROBE_PERIOD,	NS_(N_("The %1$s probe's period must be at least 1 second; it is %2$s."))) \
	/* TRANSLATORS: %1$s is "liveness" or "readiness" (kept in English), %2$s the value given. */ \
	_(DEPLOY_PROBE_TIMEOUT,	NS_(N_("The %1$s probe's timeout must be at least 1 second; it is %2$s."))) \
	/* TRANSLATORS: %1$s is "liveness" or "readiness" (kept in English), %2$s the value given. */ \
	_(DEPLOY_PROBE_THRESHOLD, NS_(N_("The %1$s probe's success and failure thresholds must be at least 1; it is %2$s."))) \
	/* TRANSLATORS: %1$s the success threshold given; Kubernetes requires 1 for liveness probes. */ \
	_(DEPLOY_PROBE_LIVENESS_SUCCESS, NS_(N_("A liveness probe's success threshold must be 1, as Kubernetes requires; it is %1$s."))) \
	_(DEPLOY_REQUEST_INVALID, NS_(N_("The %1$s request must be more than 0; it is %2$s."))) \
	/* TRANSLATORS: %1$s is the field's label, %2$s what was typed in it. */ \
	_(FIELD_NOT_WHOLE_NUMBER, NS_(N_("%1$s must be a whole number, 0 or more, not \"%2$s\"."))) \
	/* TRANSLATORS: the first sentence is the service's own (deploy.md 1c); %1$s is the compute. */ \
	_(DEPLOY_COMPUTE_AKS,	NS_(N_("Creation of Online Endpoints or deployments on AKS compute type is no longer supported. %1$s is a legacy AKS compute: move it onto a Kubernetes compute with \"akswiz plan new migrate %1$s\"."))) \
	_(DEPLOY_COMPUTE_TYPE,	NS_(N_("Compute %1$s is of type %2$s: an online endpoint needs a compute of type Kubernetes."))) \
	_(DEPLOY_ENDPOINT_EXISTS, NS_(N_("The workspace already has an online endpoint named %1$s; choose another name."))) \
	/* changing a deployment: its traffic, scale, deletion */ \
	_(DEPLOY_ENDPOINT_MISSING, NS_(N_("The workspace has no online endpoint named %1$s."))) \
	_(DEPLOY_DEPLOYMENT_MISSING, NS_(N_("Online endpoint %1$s has no deployment named %2$s."))) \
	/* TRANSLATORS: %1$s a deployment, %2$s its percent of traffic, %3$s the endpoint, %4$s the traffic to set, as in "blue=0 green=100". */ \
	_(DEPLOY_DELETE_TRAFFIC, NS_(N_("Deployment %1$s still takes %2$s percent of online endpoint %3$s's traffic; set it to 0 first: akswiz online-endpoint update --name %3$s --traffic \"%4$s\"."))) \
	_(DEPLOY_UPDATE_NOTHING, NS_(N_("The update of deployment %1$s changes nothing; give an instance count, autoscale settings or request settings."))) \
	/* TRANSLATORS: %1$s is "CPU", "memory" or "GPU"; %2$s the request and %3$s what one node has left, both with units (such as "1500m" or "2048Mi"); %4$s the VM size. */ \
	_(DEPLOY_FIT_NODE,	NS_(N_("The %1$s request (%2$s) does not fit on one node: a %4$s node has %3$s left after what AKS reserves and what the Azure Machine Learning extension takes; lower the request or choose a larger VM size."))) \
	_(DEPLOY_FIT_COUNT,	NP_("%1$s instances do not fit on the cluster's %2$s node of %3$s, which holds at most %4$s; lower the instance count or add nodes.", "%1$s instances do not fit on the cluster's %2$s nodes of %3$s, which hold at most %4$s; lower the instance count or add nodes.")) \
	/* TRANSLATORS: deploy (issue 13); %1$s is the flag or the plan member. */ \
	_(DEPLOY_ENV_BOTH,	NS_(N_("Give either a registered environment or an image, not both; remove %1$s."))) \
	_(DEPLOY_ENV_REF,	NS_(N_("The environment \"%1$s\" is not NAME:VERSION of a registered environment; give it so, or an image with --image."))) \
	/* TRANSLATORS: %1$s is the environment as given (an azureml://registries/ URI or AzureML-NAME@LABEL); the URIs are typed as they are. */ \
	_(DEPLOY_ENV_REGISTRY,	NS_(N_("The environment \"%1$s\" is not a registry environment akswiz can copy into the workspace: give azureml://registries/REGISTRY/environments/NAME/versions/VERSION, .../labels/latest or AzureML-NAME@latest."))) \
	/* TRANSLATORS: %1$s is the environment as given (an azureml://registries/ URI or AzureML-NAME@latest). */ \
	_(DEPLOY_ENV_REGISTRY_MISSING, NS_(N_("The registry has no environment %1$s; give a version it has, or .../labels/latest."))) \
	/* TRANSLATORS: %1$s is the model as given (an azureml://registries/ URI). */ \
	_(DEPLOY_MODEL_REGISTRY, NS_(N_("The model \"%1$s\" is in a registry, and Kubernetes online endpoints do not support registry models: download it and give its local file or folder, or register it in the workspace."))) \
	_(DEPLOY_CONDA_NO_IMAGE, NS_(N_("A conda file goes with an image (--image); give the image or remove the conda file."))) \
	/* TRANSLATORS: %1$s is "CPU" or "memory", %2$s the value given. */ \
	_(DEPLOY_QUANTITY,	NS_(N_("The %1$s \"%2$s\" is not a Kubernetes quantity (such as \"500m\" or \"1.5\" CPU, \"512Mi\" or \"2Gi\" memory)."))) \
	/* TRANSLATORS: %1$s is the memory request or limit as given, a bare number such as "1"; "Gi" is Kubernetes' unit, typed as it is. */ \
	_(DEPLOY_MEMORY_NO_UNIT, NS_(N_("The memory \"%1$s\" has no unit, so Kubernetes reads it as bytes; for gibibytes give \"%1$sGi\", for mebibytes \"%1$sMi\"."))) \
	_(DEPLOY_LIMIT_BELOW,	NS_(N_("The %1$s limit (%2$s) is below its request (%3$s); raise the limit or lower the request."))) \
	_(DEPLOY_ENDPOINT_OTHER_COMPUTE, NS_(N_("The workspace's online endpoint %1$s is on compute %2$s, not %3$s; choose another endpoint name or deploy to %2$s."))) \
	_(DEPLOY_DEPLOYMENT_EXISTS, NS_(N_("Endpoint %1$s already has a deployment named %2$s; choose another deployment name."))) \
	_(DEPLOY_MODEL_MISSING,	NS_(N_("The workspace has no model %1$s; give a registered NAME:VERSION or a local file or folder."))) \
	/* TRANSLATORS: %1$s is the code as given (NAME:VERSION); "akswiz code list" is a command, typed as it is. */ \
	_(DEPLOY_CODE_MISSING,	NS_(N_("The workspace has no code %1$s (--code); give a registered NAME:VERSION from akswiz code list, or a local folder with --code-path."))) \
	_(DEPLOY_CODE_REF,	NS_(N_("The code \"%1$s\" (--code) is not NAME:VERSION of a registered code version; give it so, or a local folder with --code-path."))) \
	_(DEPLOY_CODE_BOTH,	NS_(N_("Give either a registered code version (--code) or a local folder (--code-path), not both."))) \
	_(DEPLOY_ENVIRONMENT_MISSING, NS_(N_("The workspace has no environment %1$s; give a registered NAME:VERSION, or an image with --image."))) \
	_(DEPLOY_TRAFFIC_DEFAULT_NEW, NS_(N_("The new endpoint sends 100 percent of its traffic to deployment %1$s."))) \
	_(DEPLOY_TRAFFIC_DEFAULT, NS_(N_("Without --traffic, deployment %1$s gets 100 percent of a new endpoint's traffic, or 0 percent of an endpoint whose traffic goes to other deployments."))) \
	_(DEPLOY_TRAFFIC_DEFAULT_ZERO, NS_(N_("Endpoint %1$s has other deployments: deployment %2$s gets 0 percent of its traffic; give --traffic to send it some."))) \
	/* TRANSLATORS: %2$s is a provisioning state ("Failed", "Creating"). */ \
	_(DEPLOY_COMPUTE_STATE,	NS_(N_("Compute %1$s is %2$s, not Succeeded; wait for it or repair it before deploying to it."))) \
	_(DEPLOY_EXTENSION_STATE, NS_(N_("The Azure Machine Learning extension on the cluster of compute %1$s is %2$s, not Succeeded; repair it (akswiz plan new update %1$s) before deploying."))) \
	/* TRANSLATORS: %1$s is a local file or folder, %2$s why it cannot be read. */ \
	_(DEPLOY_PATH_UNREADABLE, NS_(N_("%1$s cannot be read: %2$s."))) \
	_(DEPLOY_CODE_NOT_FOLDER, NS_(N_("%1$s is not a folder: the scoring code is a folder with the scoring script in it."))) \
	_(DEPLOY_SCRIPT_MISSING, NS_(N_("The scoring script %1$s is not in %2$s; give its path relative to the code folder."))) \
	/* TRANSLATORS: %2$s and %3$s are auth modes (Key, AMLToken). */ \
	_(DEPLOY_AUTH_KEPT,	NS_(N_("Endpoint %1$s is there with auth mode %2$s, which it keeps: the plan's %3$s is not applied.")))

#define MSG_ENUM(id, ...) MSG_##id,
enum msg_id {
	MSG_TABLE(MSG_ENUM)
	MSG__COUNT
};
#undef MSG_ENUM

/* The untranslated format (singular); pass it through _() to show it. */
const char	*msg_format(enum msg_id);
/* The untranslated plural format, or NULL when the message has none. */
const char	*msg_format_plural(enum msg_id);
/* The stable name, "NAME_LENGTH": for machine output. */
const char	*msg_name(enum msg_id);
/* The id of a name, or MSG__COUNT if unknown. */
enum msg_id	 msg_lookup(const char *name);

#endif
