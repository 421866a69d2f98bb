# Drives akswiz-sandbox's today's-path surfaces with Microsoft's Python
# SDK (Debian python3-azure) at its default api-versions: provider
# registration (resource 2022-09-01), an AKS cluster created, scaled and
# deleted (containerservice 2022-11-01), the Azure ML extension
# (kubernetesconfiguration 2022-03-01), a Kubernetes compute attached and
# detached (machinelearningservices 2022-10-01).  One TAP line a step.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdk_steps import step, check, done, connect  # noqa: E402

from azure.mgmt.resource import ResourceManagementClient
from azure.mgmt.containerservice import ContainerServiceClient
from azure.mgmt.containerservice import models as cs
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
res = ResourceManagementClient(cred, sub, **kw)
aks = ContainerServiceClient(cred, sub, **kw)
ext = KCClient(cred, sub, **kw)
mlc = MLClient(cred, sub, **kw)
state = {}


def providers():
    p = res.providers.get("Microsoft.KubernetesConfiguration")
    check(p.registration_state == "NotRegistered", p.registration_state)
    p = res.providers.register("Microsoft.KubernetesConfiguration")
    check(p.registration_state == "Registering", p.registration_state)
    for _ in range(3):
        p = res.providers.get("Microsoft.KubernetesConfiguration")
    check(p.registration_state == "Registered", p.registration_state)


def create_cluster():
    mc = cs.ManagedCluster(
        location="eastus", dns_prefix="pyaks",
        identity=cs.ManagedClusterIdentity(type="SystemAssigned"),
        agent_pool_profiles=[cs.ManagedClusterAgentPoolProfile(
            name="nodepool1", mode="System", count=1,
            vm_size="Standard_D2_v2", os_type="Linux")])
    r = aks.managed_clusters.begin_create_or_update(rg, "pyaks", mc).result()
    check(r.provisioning_state == "Succeeded", r.provisioning_state)
    check(r.service_principal_profile.client_id == "msi", "msi")
    check(r.power_state.code == "Running", "running")
    state["id"] = r.id


def scale():
    p = aks.agent_pools.get(rg, "pyaks", "nodepool1")
    p.count = 3
    r = aks.agent_pools.begin_create_or_update(rg, "pyaks", "nodepool1",
                                               p).result()
    check(r.count == 3, r.count)
    c = aks.managed_clusters.get(rg, "pyaks")
    check(c.agent_pool_profiles[0].count == 3, "cluster shows 3")


def install():
    e = kc.Extension(
        extension_type="Microsoft.AzureML.Kubernetes",
        release_train="stable", auto_upgrade_minor_version=True,
        scope=kc.Scope(cluster=kc.ScopeCluster(release_namespace="azureml")),
        configuration_settings={
            "enableInference": "True",
            "inferenceRouterServiceType": "LoadBalancer",
            "allowInsecureConnections": "True"},
        configuration_protected_settings={})
    r = ext.extensions.begin_create(rg, "Microsoft.ContainerService",
                                    "managedClusters", "pyaks", "azureml",
                                    e).result()
    check(r.provisioning_state == "Succeeded", r.provisioning_state)
    check(r.installed_version, "installedVersion, the 2022-03-01 shape")


def attach():
    body = ml.ComputeResource(location="eastus", properties=ml.Kubernetes(
        resource_id=state["id"],
        properties=ml.KubernetesProperties(namespace="default")))
    r = mlc.compute.begin_create_or_update(rg, ws, "pyk8s", body).result()
    check(r.properties.compute_type == "Kubernetes", r.properties.compute_type)
    check(r.properties.provisioning_state == "Succeeded",
          r.properties.provisioning_state)
    check(r.properties.properties.namespace == "default", "namespace")


def detach():
    mlc.compute.begin_delete(rg, ws, "pyk8s", "Detach").result()
    names = [c.name for c in mlc.compute.list(rg, ws)]
    check("pyk8s" not in names, names)


def uninstall():
    ext.extensions.begin_delete(rg, "Microsoft.ContainerService",
                                "managedClusters", "pyaks", "azureml").result()
    names = [e.name for e in ext.extensions.list(
        rg, "Microsoft.ContainerService", "managedClusters", "pyaks")]
    check(names == [], names)


def delete_cluster():
    aks.managed_clusters.begin_delete(rg, "pyaks").result()
    names = [c.name for c in aks.managed_clusters.list_by_resource_group(rg)]
    check("pyaks" not in names, names)


step("providers: get, register, Registered", providers)
step("managed_clusters.begin_create_or_update: Succeeded", create_cluster)
step("agent_pools.begin_create_or_update: scaled to 3", scale)
step("extensions.begin_create: the Azure ML extension Succeeded", install)
step("compute.begin_create_or_update: Kubernetes compute Succeeded", attach)
step("compute.begin_delete Detach", detach)
step("extensions.begin_delete", uninstall)
step("managed_clusters.begin_delete", delete_cluster)
done()
