#!/bin/sh
# The audience of Resource Manager tokens (issue 10, item 20).  Through a
# proxy or alias of Resource Manager (here a TCP forwarder: another port,
# the same sandbox behind it) sign-in used to ask for "<endpoint>/.default",
# which Azure AD does not know.  Now the endpoint's /metadata/endpoints
# names the audience (asked once, then remembered a week in the cache
# directory, mode 0600; a damaged file or one others may write is said and
# not trusted), or --audience / AKSWIZ_AUDIENCE does.
. "$top_srcdir/tests/http/lib.sh"
FWD="$top_builddir/tests/azure/tcp-forward"

sb_start
port=${SB_URL##*:}
"$FWD" "$T/fwd.port" "$port" &
FWD_PID=$!
trap 'kill $FWD_PID 2>/dev/null; cleanup' EXIT
i=0
while [ ! -s "$T/fwd.port" ] && [ $i -lt 2000 ]; do i=$((i + 1)); sleep 0.01; done
PROXY="https://127.0.0.1:$(cat "$T/fwd.port")"

# azp ARGS...: akswiz with the proxy as its Resource Manager endpoint.
azp() {
	timeout 120 "$AKSWIZ" --endpoint "$PROXY" --authority "$SB_AUTH" \
	    --ca-file "$SB_CA" --subscription "$SB_SUB" -g "$SB_RG" \
	    -w "$SB_WS" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}
# The scope of the last token request the sandbox received.
# The number of token requests the sandbox received so far.
tokens() {
	grep -c '"path":"/[^"]*/oauth2/v2.0/token"' "$T/journal.log"
}

last_scope() {
	grep '"path":"/[^"]*/oauth2/v2.0/token"' "$T/journal.log" | tail -n 1 |
	    sed -n 's/.*"scope":"\([^"]*\)".*/\1/p'
}

curl -s --cacert "$SB_CA" "$SB_URL/metadata/endpoints?api-version=2015-01-01" \
    >"$T/md.json"
like "$T/md.json" '"audiences":\["https://management.core.windows.net/","https://management.azure.com/"\]' \
    "the sandbox serves the metadata document with AzureCloud's audiences"
like "$T/md.json" "\"loginEndpoint\":\"$SB_AUTH/\"" "and its own Azure AD as the login endpoint"
md0=$(requests GET '/metadata/endpoints')

# One request each (show): a list's next page names the sandbox's own
# host, where the token does not go through a proxy (checked below).
azp show inf-created
ok $rc "show through a proxy of Resource Manager signs in (exit $rc)"
like "$T/out" 'inf-created' "and reads the workspace's compute"
is "$(last_scope)" "https://management.core.windows.net/.default" \
    "the token is asked for the audience the metadata names"
is "$(requests GET '/metadata/endpoints')" $((md0 + 1)) "the metadata was asked once"
like "$T/cache/akswiz/endpoints.json" "\"endpoint\":\"$PROXY\"" \
    "and kept in the cache directory with its endpoint"
is "$(stat -c %a "$T/cache/akswiz/endpoints.json")" 600 "  readable by its user alone"
rm -f "$T/cache/akswiz/tokens.json"
t0=$(tokens)
azp show inf-created
ok $rc "a second command (exit $rc)"
is "$(tokens)" $((t0 + 1)) "  signs in again (its cache is gone)"
is "$(requests GET '/metadata/endpoints')" $((md0 + 1)) "costs no second metadata request"
is "$(last_scope)" "https://management.core.windows.net/.default" \
    "and asks for the same audience"

rm -f "$T/cache/akswiz/tokens.json"
azp --audience https://management.azure.com/ show inf-created
ok $rc "--audience (exit $rc)"
is "$(last_scope)" "https://management.azure.com/.default" "--audience decides the scope"
rm -rf "$T/cache" "$T/state"
AKSWIZ_AUDIENCE=https://management.azure.com azp show inf-created
ok $rc "AKSWIZ_AUDIENCE (exit $rc)"
is "$(last_scope)" "https://management.azure.com/.default" "AKSWIZ_AUDIENCE decides the scope"
is "$(requests GET '/metadata/endpoints')" $((md0 + 1)) "and no metadata is asked for then"

azp --audience "not a uri" list
is "$rc" 2 "an audience that is not a URI is a usage error"
like "$T/err" "absolute URI" "saying what it must be"

# The sandbox names itself, not the proxy, in a list's next page: the
# token goes only to the endpoint given and the cloud's own Resource
# Manager, so that page is refused and said.
azp list
is "$rc" 5 "list through the proxy: a next page on another host is refused (exit 5)"
like "$T/err" "not Resource Manager" "  and said"

# The cached answer: a week old, it is asked for again; damaged, or
# writable by others, it is said and not trusted, and written anew.
md=$(requests GET '/metadata/endpoints')
azp show inf-created
is "$(requests GET '/metadata/endpoints')" "$md" "a fresh cached answer is used"
sed -i 's/"checked":[0-9]*/"checked":1000000000/' "$T/cache/akswiz/endpoints.json"
azp show inf-created
ok $rc "a stale cached answer (exit $rc)"
is "$(requests GET '/metadata/endpoints')" $((md + 1)) "  is asked for again"
unlike "$T/cache/akswiz/endpoints.json" '"checked":1000000000' "  and replaced"
printf 'not json' >"$T/cache/akswiz/endpoints.json"
azp show inf-created
ok $rc "a damaged cache file (exit $rc)"
like "$T/err" "endpoints.json is damaged; it is ignored" "  is said"
is "$(requests GET '/metadata/endpoints')" $((md + 2)) "  and not trusted: asked again"
like "$T/cache/akswiz/endpoints.json" '"version":2' "  and written anew"
chmod 0666 "$T/cache/akswiz/endpoints.json"
azp show inf-created
ok $rc "a cache file others may write (exit $rc)"
like "$T/err" "endpoints.json may be written by others" "  is said"
is "$(requests GET '/metadata/endpoints')" $((md + 3)) "  and not trusted: asked again"
is "$(stat -c %a "$T/cache/akswiz/endpoints.json")" 600 "  and written anew, 0600"
azp show inf-created
is "$(wc -c <"$T/err")" 0 "then nothing more is said"

done_testing
