#!/bin/sh
# The ARM token goes to Resource Manager and nowhere else: a nextLink or
# an Azure-AsyncOperation naming another host (tests/http/badserver
# under the name localhost, while akswiz talks to 127.0.0.1) is refused
# with a clear message, and that host receives nothing; a 403
# AuthorizationFailed is not a failed sign-in; a redirect is not followed.
. "$top_srcdir/tests/http/lib.sh"

# run ARGS...: akswiz against the bad server (a GUID subscription).
run() {
	timeout 60 "$AKSWIZ" --endpoint "$BAD_URL" --authority "$BAD_URL" \
	    --ca-file "$BAD_CA" \
	    --subscription 00000000-0000-0000-0000-000000000001 -g g -w w "$@" \
	    >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# A nextLink on another host.
bad_start foreign-next
run list
[ $rc -eq 5 ]
ok $? "list: a nextLink on another host fails with exit 5 (got $rc)"
grep -q "localhost:$BAD_PORT" "$T/err" && grep -q 'not Resource Manager' "$T/err"
ok $? "list: the message names the host and why"
grep -q "^localhost" "$T/bad.log"
[ $? -ne 0 ]
ok $? "list: nothing reached the other host (no token, no request)"
grep -q "^127.0.0.1:$BAD_PORT GET .*/computes auth=yes" "$T/bad.log"
ok $? "list: Resource Manager itself got the token"
bad_stop

# An Azure-AsyncOperation on another host.
bad_start foreign-op
run detach c1 --yes
[ $rc -eq 5 ]
ok $? "detach: a poll URL on another host fails with exit 5 (got $rc)"
grep -q "localhost:$BAD_PORT" "$T/err" && grep -q 'not Resource Manager' "$T/err"
ok $? "detach: the message names the host and why"
grep -q "^localhost" "$T/bad.log"
[ $? -ne 0 ]
ok $? "detach: nothing reached the other host"
grep -q "DELETE .*/computes/c1" "$T/bad.log"
ok $? "detach: the DELETE itself went to Resource Manager"
bad_stop

# 403 AuthorizationFailed: a missing role, not a failed sign-in.
bad_start forbidden
run list
[ $rc -eq 5 ]
ok $? "403 AuthorizationFailed: exit 5, not 4 (sign-in failed) (got $rc)"
grep -q 'AuthorizationFailed: The client' "$T/err"
ok $? "403: the service's words"
grep -q -i 'sign-in\|sign in' "$T/err"
[ $? -ne 0 ]
ok $? "403: no word of sign-in"
bad_stop

# A redirect is not followed (the token would follow it).
bad_start redirect
run list
[ $rc -eq 5 ]
ok $? "302: exit 5 (got $rc)"
grep -q 'redirect to login.example.net' "$T/err"
ok $? "302: says where it pointed"
grep -q "^login" "$T/bad.log"
[ $? -ne 0 ]
ok $? "302: not followed"
bad_stop

done_testing
