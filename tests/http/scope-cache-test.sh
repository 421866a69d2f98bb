#!/bin/sh
# The workspace check is cached (issue 14, item 1): vm-sizes and versions
# without -l ask Resource Manager for the workspace's region once a day
# per endpoint, identity and scope, kept in $XDG_CACHE_HOME/akswiz/
# scopes.json (mode 0600); another identity or scope asks again; a stale,
# damaged or others-writable file is not trusted (the last two are said).
. "$top_srcdir/tests/http/lib.sh"
F="$T/cache/akswiz/scopes.json"
gets() {
	requests GET '.*/workspaces/[^/]*'
}

sb_start
az vm-sizes
is "$rc" 0 "vm-sizes without -l (exit $rc)"
is "$(gets)" 1 "asks for the workspace once"
is "$(stat -c %a "$F")" 600 "and keeps its region, readable by its user alone"
like "$F" '"location":"eastus"' "the region is kept"
like "$F" "\"endpoint\":\"$SB_URL\"" "with the endpoint"
like "$F" '"tenant":"[^"]+","objectId":"[^"]+"' "and the identity"
az versions
is "$rc" 0 "versions without -l (exit $rc)"
like "$T/err" "versions of eastus, the region of workspace $SB_WS" \
    "says the cached region"
is "$(gets)" 1 "without asking again"

# Another identity (its object id in the file changed) asks again.
sed -i 's/"objectId":"[^"]*"/"objectId":"someone-else"/' "$F"
az vm-sizes
is "$(gets)" 2 "another identity's check is not used"

# A stale check (a day old) is asked again.
sed -i 's/"checked":[0-9]*/"checked":1000000000/' "$F"
az vm-sizes
is "$(gets)" 3 "a stale check is asked again"

# A damaged file is said and not trusted.
printf '{"version":1,"workspaces":' >"$F"
az vm-sizes
is "$rc" 0 "a damaged cache file (exit $rc)"
like "$T/err" "scopes.json is damaged; it is ignored" "is said"
is "$(gets)" 4 "and not trusted"
like "$F" '"location":"eastus"' "and written anew"

# A file others may write is said and not trusted.
chmod 0666 "$F"
az vm-sizes
like "$T/err" "scopes.json may be written by others" "a file others may write is said"
is "$(gets)" 5 "and not trusted"
is "$(stat -c %a "$F")" 600 "it is written anew, 0600"

# Another workspace is its own check.
az -w no-such-ws vm-sizes
is "$rc" 5 "an unknown workspace is not cached as known (exit $rc)"
is "$(gets)" 6 "it was asked for"
az -w no-such-ws vm-sizes
is "$(gets)" 7 "and is asked for again"

done_testing
