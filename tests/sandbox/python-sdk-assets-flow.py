# Registers a model the way azure-ai-ml does for a workspace, with
# Microsoft's Python SDKs unmodified against akswiz-sandbox: the default
# datastore and its secret (azure-mgmt-machinelearningservices at its
# default api-version, 2022-10-01, which has no startPendingUpload), the
# upload with azure-storage-blob to the account URL the datastore implies
# (in blocks, then read back whole and by range), then the model, code and
# environment versions; a SAS made by azure-storage-blob from the key; a
# wrong signature refused.  One TAP line a step.
import hashlib
import os
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdk_steps import step, check, done, connect  # noqa: E402

from azure.core.exceptions import (ClientAuthenticationError,
                                   HttpResponseError)
from azure.mgmt.machinelearningservices import (
    MachineLearningServicesMgmtClient as MLClient)
from azure.mgmt.machinelearningservices import models as ml
from azure.storage.blob import (BlobClient, BlobServiceClient,
                                ContainerClient, ContainerSasPermissions,
                                generate_container_sas)

ready, cred, kw = connect()
sub = ready["subscriptionId"]
rg = ready["resourceGroup"]
ws = ready["workspace"]
mlc = MLClient(cred, sub, **kw)
MODEL = os.urandom(3 * 1024 * 1024 + 12345)
DIGEST = hashlib.sha256(MODEL).hexdigest()
PATH = "LocalUpload/%s/model.pkl" % DIGEST[:32]
state = {}


def datastore():
    d = mlc.datastores.get(rg, ws, "workspaceblobstore")
    p = d.properties
    check(p.datastore_type == "AzureBlob", p.datastore_type)
    check(p.is_default, "not the default")
    state["account"] = p.account_name
    state["container"] = p.container_name
    state["url"] = "%s://%s/%s" % (p.protocol, p.endpoint, p.account_name)


def secrets():
    s = mlc.datastores.list_secrets(rg, ws, "workspaceblobstore")
    check(s.secrets_type == "AccountKey", s.secrets_type)
    check(len(s.key) > 40, "a short key")
    state["key"] = s.key


def upload_blocks():
    svc = BlobServiceClient(state["url"], credential={
        "account_name": state["account"], "account_key": state["key"]},
        max_single_put_size=1024 * 1024, max_block_size=1024 * 1024)
    cc = svc.get_container_client(state["container"])
    cc.upload_blob(PATH, MODEL, overwrite=True)
    bc = cc.get_blob_client(PATH)
    committed, uncommitted = bc.get_block_list("all")
    check(len(committed) == 4 and not uncommitted,
          "%d committed, %d uncommitted" % (len(committed),
                                            len(uncommitted)))
    state["cc"] = cc


def download_whole():
    data = state["cc"].download_blob(PATH).readall()
    check(hashlib.sha256(data).hexdigest() == DIGEST, "other bytes")


def download_range():
    data = state["cc"].download_blob(PATH, offset=1048570,
                                     length=100).readall()
    check(data == MODEL[1048570:1048670], "other bytes")


def metadata_and_list():
    bc = state["cc"].get_blob_client(PATH)
    bc.set_blob_metadata({"upload_status": "completed", "name": "skl",
                          "version": "1"})
    props = bc.get_blob_properties()
    check(props.metadata.get("upload_status") == "completed",
          str(props.metadata))
    check(props.size == len(MODEL), str(props.size))
    names = [b.name for b in state["cc"].list_blobs(
        name_starts_with="LocalUpload/")]
    check(names == [PATH], str(names))


def model_version():
    uri = ("azureml://subscriptions/%s/resourcegroups/%s/workspaces/%s/"
           "datastores/workspaceblobstore/paths/%s" % (sub, rg, ws, PATH))
    v = mlc.model_versions.create_or_update(
        rg, ws, "skl", "1", ml.ModelVersion(
            properties=ml.ModelVersionProperties(model_uri=uri,
                                                 model_type="custom_model")))
    check(v.properties.model_uri == uri, v.properties.model_uri)
    got = mlc.model_versions.get(rg, ws, "skl", "1")
    check(got.id.endswith("/models/skl/versions/1"), got.id)
    state["uri"] = uri


def model_path_immutable():
    try:
        mlc.model_versions.create_or_update(
            rg, ws, "skl", "1", ml.ModelVersion(
                properties=ml.ModelVersionProperties(
                    model_uri=state["uri"] + "2")))
    except HttpResponseError as e:
        check("Asset paths cannot be updated." in str(e), str(e))
        return
    raise AssertionError("accepted")


def code_and_environment():
    c = mlc.code_versions.create_or_update(
        rg, ws, "score", "1", ml.CodeVersion(
            properties=ml.CodeVersionProperties(
                code_uri=state["url"] + "/" + state["container"] +
                "/LocalUpload/src")))
    check(c.properties.code_uri.endswith("/LocalUpload/src"),
          c.properties.code_uri)
    e = mlc.environment_versions.create_or_update(
        rg, ws, "sk", "1", ml.EnvironmentVersion(
            properties=ml.EnvironmentVersionProperties(
                image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04",
                conda_file="name: sk\ndependencies:\n- python=3.10\n")))
    check(e.properties.os_type == "Linux", e.properties.os_type)
    names = [x.name for x in mlc.model_containers.list(rg, ws)]
    check(names == ["skl"], str(names))


def sas_roundtrip():
    sas = generate_container_sas(
        state["account"], state["container"],
        account_key=state["key"],
        permission=ContainerSasPermissions(read=True, write=True,
                                           create=True),
        expiry=datetime.now(timezone.utc) + timedelta(hours=1))
    cc = ContainerClient.from_container_url(
        state["url"] + "/" + state["container"] + "?" + sas)
    cc.upload_blob("sas/hello.txt", b"hello", overwrite=True)
    check(cc.download_blob("sas/hello.txt").readall() == b"hello",
          "other bytes")
    state["sas"] = sas


def wrong_signature():
    bad = state["sas"].replace("sig=", "sig=AAAA")
    bc = BlobClient.from_blob_url(state["url"] + "/" + state["container"] +
                                  "/sas/hello.txt?" + bad)
    try:
        bc.download_blob().readall()
    except ClientAuthenticationError as e:
        check("AuthenticationFailed" in str(e), str(e)[:200])
        return
    raise AssertionError("read")


step("the default datastore: workspaceblobstore, AzureBlob", datastore)
step("listSecrets: the account key", secrets)
step("upload_blob in 1 MiB blocks: four committed blocks", upload_blocks)
step("download_blob: the same bytes", download_whole)
step("download_blob by range", download_range)
step("metadata, properties and list_blobs", metadata_and_list)
step("the model version on the datastore path", model_version)
step("another path for the same version: refused", model_path_immutable)
step("a code and an environment version", code_and_environment)
step("a container SAS made from the key: upload and download", sas_roundtrip)
step("a wrong signature: AuthenticationFailed", wrong_signature)
done()
