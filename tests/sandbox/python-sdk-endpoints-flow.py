# Drives akswiz-sandbox's online endpoints and Kubernetes deployments with
# Microsoft's Python SDK (Debian python3-azure, machinelearningservices at
# its default api-version, 2022-10-01): an endpoint and a deployment
# created through their long-running operations, listKeys,
# regenerateKeys, the token of an AMLToken endpoint, getLogs, traffic,
# scale, skus and delete, and the NotSupported refusal of an AKS compute.
# One TAP line a step.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdk_steps import step, check, done, connect  # noqa: E402

from azure.core.exceptions import HttpResponseError
from azure.mgmt.kubernetesconfiguration import (
    SourceControlConfigurationClient as KCClient)
from azure.mgmt.kubernetesconfiguration import models as kc
from azure.mgmt.machinelearningservices import (
    MachineLearningServicesMgmtClient as MLClient)
from azure.mgmt.machinelearningservices import models as ml

ready, cred, kw = connect()
sub = ready["subscriptionId"]
rg = ready["resourceGroup"]
ws = ready["workspace"]
ext = KCClient(cred, sub, **kw)
mlc = MLClient(cred, sub, **kw)
CLUSTER = ("/subscriptions/%s/resourceGroups/aks-rg/providers/"
           "Microsoft.ContainerService/managedClusters/aks-prod" % sub)
WSID = ("/subscriptions/%s/resourceGroups/%s/providers/"
        "Microsoft.MachineLearningServices/workspaces/%s" % (sub, rg, ws))
state = {}


def setup():
    e = kc.Extension(
        extension_type="Microsoft.AzureML.Kubernetes",
        scope=kc.Scope(cluster=kc.ScopeCluster(release_namespace="azureml")),
        configuration_settings={"enableInference": "True",
                                "inferenceRouterServiceType": "LoadBalancer",
                                "allowInsecureConnections": "True"})
    ext.extensions.begin_create(
        "aks-rg", "Microsoft.ContainerService", "managedClusters",
        "aks-prod", "azureml", e).result()
    body = ml.ComputeResource(location="eastus", properties=ml.Kubernetes(
        resource_id=CLUSTER,
        properties=ml.KubernetesProperties(namespace="default")))
    mlc.model_versions.create_or_update(rg, ws, "m", "1", ml.ModelVersion(
        properties=ml.ModelVersionProperties(
            model_uri="azureml://datastores/workspaceblobstore/paths/m/")))
    r = mlc.compute.begin_create_or_update(rg, ws, "pyk8s", body).result()
    check(r.properties.provisioning_state == "Succeeded",
          r.properties.provisioning_state)


def endpoint(name, auth, compute="pyk8s"):
    return mlc.online_endpoints.begin_create_or_update(
        rg, ws, name, ml.OnlineEndpoint(
            location="eastus",
            identity=ml.ManagedServiceIdentity(type="SystemAssigned"),
            properties=ml.OnlineEndpointProperties(
                auth_mode=auth, compute=WSID + "/computes/" + compute))
    ).result()


def create_endpoint():
    r = endpoint("pyep", "Key")
    check(r.properties.provisioning_state == "Succeeded",
          r.properties.provisioning_state)
    check(r.properties.scoring_uri.endswith("/api/v1/endpoint/pyep/score"),
          r.properties.scoring_uri)


def refuse_aks():
    try:
        endpoint("pyaks", "Key", "inf-attached")
        check(False, "accepted")
    except HttpResponseError as e:
        check(e.status_code == 400, e.status_code)
        check("no longer supported" in str(e), str(e))


def keys():
    k = mlc.online_endpoints.list_keys(rg, ws, "pyep")
    check(len(k.primary_key) == 32 and k.secondary_key, "two keys")
    state["old"] = k.primary_key
    mlc.online_endpoints.begin_regenerate_keys(
        rg, ws, "pyep", ml.RegenerateEndpointKeysRequest(
            key_type="Primary")).result()
    k = mlc.online_endpoints.list_keys(rg, ws, "pyep")
    check(k.primary_key != state["old"], "a new primary key")


def token():
    endpoint("pytok", "AMLToken")
    t = mlc.online_endpoints.get_token(rg, ws, "pytok")
    check(t.token_type == "Bearer" and t.access_token, "a bearer token")
    check(t.expiry_time_utc > t.refresh_after_time_utc, "expiry after refresh")


def deploy():
    d = ml.OnlineDeployment(
        location="eastus", sku=ml.Sku(name="Default", capacity=1),
        properties=ml.KubernetesOnlineDeployment(
            model=WSID + "/models/m/versions/1",
            request_settings=ml.OnlineRequestSettings(
                request_timeout="PT5S", max_concurrent_requests_per_instance=1),
            container_resource_requirements=ml.ContainerResourceRequirements(
                container_resource_requests=ml.ContainerResourceSettings(
                    cpu="500m", memory="1Gi"))))
    r = mlc.online_deployments.begin_create_or_update(
        rg, ws, "pyep", "blue", d).result()
    check(r.properties.provisioning_state == "Succeeded",
          r.properties.provisioning_state)
    check(r.properties.endpoint_compute_type == "Kubernetes",
          r.properties.endpoint_compute_type)


def unschedulable():
    d = ml.OnlineDeployment(
        location="eastus", sku=ml.Sku(name="Default", capacity=1),
        properties=ml.KubernetesOnlineDeployment(
            container_resource_requirements=ml.ContainerResourceRequirements(
                container_resource_requests=ml.ContainerResourceSettings(
                    cpu="8", memory="1Gi"))))
    try:
        mlc.online_deployments.begin_create_or_update(
            rg, ws, "pyep", "huge", d).result()
        check(False, "Succeeded")
    except HttpResponseError as e:
        check("Insufficient cpu" in str(e) or "KubernetesError" in str(e),
              str(e))


def logs():
    r = mlc.online_deployments.get_logs(
        rg, ws, "pyep", "blue", ml.DeploymentLogsRequest(
            container_type="StorageInitializer", tail=1))
    check(r.content.strip() == "Code download completed", r.content)


def traffic():
    r = mlc.online_endpoints.begin_update(
        rg, ws, "pyep", ml.PartialMinimalTrackedResourceWithIdentity(
            tags={"t": "1"})).result()
    e = mlc.online_endpoints.get(rg, ws, "pyep")
    e.properties.traffic = {"blue": 100}
    r = mlc.online_endpoints.begin_create_or_update(rg, ws, "pyep", e).result()
    check(r.properties.traffic == {"blue": 100}, r.properties.traffic)


def scale():
    mlc.online_deployments.begin_update(
        rg, ws, "pyep", "blue", ml.PartialMinimalTrackedResourceWithSku(
            sku=ml.PartialSku(capacity=2))).result()
    r = mlc.online_deployments.get(rg, ws, "pyep", "blue")
    check(r.sku.capacity == 2 and r.properties.provisioning_state ==
          "Succeeded", (r.sku.capacity, r.properties.provisioning_state))


def skus():
    s = list(mlc.online_deployments.list_skus(rg, ws, "pyep", "blue"))
    check(len(s) == 1 and s[0].sku.name == "Default", s)
    check(s[0].capacity.minimum == 1 and s[0].capacity.maximum >= 2,
          s[0].capacity)


def delete():
    mlc.online_endpoints.begin_delete(rg, ws, "pyep").result()
    names = [e.name for e in mlc.online_endpoints.list(rg, ws)]
    check("pyep" not in names and "pytok" in names, names)


step("a Kubernetes compute with the Azure ML extension", setup)
step("online_endpoints.begin_create_or_update: Succeeded", create_endpoint)
step("an AKS compute: refused, no longer supported", refuse_aks)
step("list_keys, begin_regenerate_keys", keys)
step("get_token on an AMLToken endpoint", token)
step("online_deployments.begin_create_or_update: Succeeded", deploy)
step("a deployment too big for a node: Unschedulable", unschedulable)
step("online_deployments.get_logs: tail 1", logs)
step("traffic: all to blue", traffic)
step("online_deployments.begin_update: scaled to 2", scale)
step("online_deployments.list_skus", skus)
step("online_endpoints.begin_delete", delete)
done()
