# src/sandbox: Azure AD, faults, journal, TLS material of akswiz-sandbox.
