# What the Python SDK flows against akswiz-sandbox share: TAP steps, and
# the sandbox's ready file (READY) turned into a credential and client
# keywords.  The secret is read from the ready file here and goes nowhere
# else.
import json
import os
import sys
import traceback

n = 0
failed = 0


def step(desc, fn):
    global n, failed
    n += 1
    try:
        fn()
        print("ok %d - %s" % (n, desc))
    except Exception as e:  # report the step, keep going
        failed += 1
        print("not ok %d - %s" % (n, desc))
        for line in traceback.format_exception_only(type(e), e):
            for l in line.rstrip().splitlines():
                print("#   " + l[:300])
    sys.stdout.flush()


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def done():
    print("1..%d" % n)
    sys.exit(1 if failed else 0)


def connect():
    """The ready file, a credential and the clients' keywords."""
    from azure.identity import ClientSecretCredential

    ready = json.load(open(os.environ["READY"]))
    # MSAL first asks login.microsoftonline.com to validate an authority
    # it does not know, which no machine here reaches: a limit of the
    # client, switched off for this client only (azure-identity
    # 1.13.0b2's keyword).
    cred = ClientSecretCredential(ready["tenantId"], ready["clientId"],
                                  ready["clientSecret"],
                                  authority=ready["authority"],
                                  instance_discovery=False)
    kw = dict(base_url=ready["endpoint"],
              credential_scopes=["https://management.azure.com/.default"],
              polling_interval=0)
    return ready, cred, kw
