# Drives akswiz-sandbox with Microsoft's Python SDK (Debian python3-azure)
# at its default api-versions: a create/attach/list/show/delete flow in 11
# steps, each a TAP line.  The sandbox's ready file (READY) gives the
# endpoint, the service principal and the workspace; the secret is read
# from it here and goes nowhere else.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdk_steps import step, check, done, connect  # noqa: E402

from azure.core.exceptions import ResourceNotFoundError
from azure.mgmt.resource import SubscriptionClient
from azure.mgmt.compute import ComputeManagementClient
from azure.mgmt.containerservice import ContainerServiceClient
from azure.mgmt.machinelearningservices import (
    MachineLearningServicesMgmtClient as MLClient)
from azure.mgmt.machinelearningservices import models as ml

ready, cred, kw = connect()
sub = ready["subscriptionId"]
rg = ready["resourceGroup"]
ws = ready["workspace"]
subs = SubscriptionClient(cred, **kw)
compute = ComputeManagementClient(cred, sub, **kw)
aks = ContainerServiceClient(cred, sub, **kw)
mlc = MLClient(cred, sub, **kw)
state = {}


def s1():
    got = [s.subscription_id for s in subs.subscriptions.list()]
    check(sub in got, "subscriptions: %r" % got)


def s2():
    sizes = {s.name: s for s in
             compute.virtual_machine_sizes.list("eastus")}
    check(sizes["Standard_D3_v2"].number_of_cores == 4, "D3_v2 cores")


def s3():
    u = {x.name.value: x for x in compute.usage.list("eastus")}
    fam = sum(x.current_value for k, x in u.items()
              if k.endswith("Family"))
    check(u["cores"].current_value >= fam,
          "regional %d < families %d" % (u["cores"].current_value, fam))


def s4():
    cl = list(aks.managed_clusters.list())
    check(len(cl) > 0, "no clusters")
    for c in cl:
        check(c.service_principal_profile.client_id == "msi",
              "%s: servicePrincipalProfile" % c.name)
    state["cluster"] = [c for c in cl if c.name == "aks-prod"][0]


def s5():
    c = aks.managed_clusters.get("aks-rg", "aks-prod")
    check(c.identity.type == "SystemAssigned", "identity %r" % c.identity)
    check(c.max_agent_pools == 100, "maxAgentPools")
    check(c.agent_pool_profiles[0].count == 3, "agent count")


def s6():
    w = mlc.workspaces.get(rg, ws)
    check(w.name == ws and w.location == "eastus", "workspace %r" % w.name)


def s7():
    body = ml.ComputeResource(location="eastus", properties=ml.AKS(
        properties=ml.AKSSchemaProperties(
            agent_count=3, agent_vm_size="Standard_D3_v2",
            cluster_purpose="FastProd")))
    r = mlc.compute.begin_create_or_update(rg, ws, "sdk-new", body).result()
    check(r.properties.provisioning_state == "Succeeded",
          "create: %s" % r.properties.provisioning_state)


def s8():
    body = ml.ComputeResource(location="eastus", properties=ml.AKS(
        resource_id=state["cluster"].id,
        properties=ml.AKSSchemaProperties(cluster_purpose="DevTest")))
    r = mlc.compute.begin_create_or_update(rg, ws, "sdk-att", body).result()
    check(r.properties.provisioning_state == "Succeeded",
          "attach: %s" % r.properties.provisioning_state)
    check(r.properties.is_attached_compute is True, "isAttachedCompute")


def s9():
    names = [c.name for c in mlc.compute.list(rg, ws)]
    check("sdk-new" in names and "sdk-att" in names, "list: %r" % names)


def s10():
    c = mlc.compute.get(rg, ws, "sdk-new")
    check(c.properties.compute_type == "AKS", "computeType")
    check(c.properties.properties.agent_count == 3, "agentCount")
    check(c.properties.properties.cluster_purpose == "FastProd",
          "clusterPurpose")


def s11():
    mlc.compute.begin_delete(rg, ws, "sdk-att", "Detach").result()
    mlc.compute.begin_delete(rg, ws, "sdk-new", "Delete").result()
    for name in ("sdk-att", "sdk-new"):
        try:
            mlc.compute.get(rg, ws, name)
            raise AssertionError("%s still there" % name)
        except ResourceNotFoundError:
            pass


step("1 subscriptions.list (azure-mgmt-resource)", s1)
step("2 virtual_machine_sizes.list (azure-mgmt-compute)", s2)
step("3 usage.list: regional vCPUs cover the families'", s3)
step("4 managed_clusters.list: servicePrincipalProfile msi", s4)
step("5 managed_clusters.get: identity, maxAgentPools, pools", s5)
step("6 workspaces.get (azure-mgmt-machinelearningservices)", s6)
step("7 compute create, polled to Succeeded", s7)
step("8 compute attach of an AKS cluster", s8)
step("9 compute.list", s9)
step("10 compute.get", s10)
step("11 compute detach and delete", s11)
done()
