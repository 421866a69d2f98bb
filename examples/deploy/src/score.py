# The scoring script of akswiz's deploy example: a linear model whose
# coefficients are model.json, in the folder Azure ML mounts as
# AZUREML_MODEL_DIR.  init() runs once per container, run() per request.
import json
import os

model = None


def init():
    global model
    folder = os.environ.get("AZUREML_MODEL_DIR", ".")
    with open(os.path.join(folder, "model.json")) as f:
        model = json.load(f)


def run(raw_data):
    rows = json.loads(raw_data)["data"]
    coef, b = model["coefficients"], model["intercept"]
    return [sum(c * x for c, x in zip(coef, row)) + b for row in rows]
