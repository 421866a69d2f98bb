# src/azure/kube: the kubeconfig reader and the azureml-fe TLS secret.
libazure_a_SOURCES += src/azure/kube.c src/azure/kube.h
