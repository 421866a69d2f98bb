# src/sandbox: Azure AD, faults, journal, TLS material of akswiz-sandbox.
# They call server.c's helpers (sb_req_header(), sb_resp_*()); local.mk
# adds $(SB_AAD_FILES) to akswiz_sandbox_SOURCES next to server.c.
SB_AAD_FILES = \
	src/sandbox/aad.c src/sandbox/aad-jwt.c src/sandbox/aad-jwt.h \
	src/sandbox/tlsgen.c src/sandbox/faults.c src/sandbox/journal.c
