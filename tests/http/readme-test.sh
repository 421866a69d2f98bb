#!/bin/sh
# The README's command lines for a new user, run as written (./akswiz is
# the akswiz under test, from the source tree so that examples/ is there):
# the create of a Kubernetes compute on the sandbox, then the three lines
# that deploy the example model and call it.  What a user sees: each
# command's exit status, the deploy's outcome, the example's reply.
. "$top_srcdir/tests/http/sandbox-lib.sh"
SB_POLLS=1
export AKSWIZ_SANDBOX_OPTIONS="--polls 1 --retry-after 0"

# Every "./akswiz ..." line of the README's sh blocks, in order.
awk '/^```sh$/ { on = 1; next } /^```$/ { on = 0 } on && /^\.\/akswiz /' \
    "$top_srcdir/README.md" >"$T/lines"
grep -q 'plan new create' "$T/lines"
ok $? "the README has the create line"
grep -q 'plan new deploy' "$T/lines"
ok $? "the README has the deploy lines"
cd "$top_srcdir" || exit 1
i=0
while IFS= read -r line; do
	i=$((i + 1))
	cmd=$(printf '%s\n' "$line" | sed -e "s#^\./akswiz #\"\$A\" #" \
	    -e "s#> *\([a-z]*\.json\)#> \"\$T/\1\"#" \
	    -e "s#apply \([a-z]*\.json\)#apply \"\$T/\1\"#" \
	    -e "s#&& \./akswiz #\&\& \"\$A\" #")
	eval "$cmd" >"$T/out.$i" 2>"$T/err.$i" </dev/null
	rc=$?
	cp "$T/out.$i" "$T/out"; cp "$T/err.$i" "$T/err"
	ok $rc "README line $i exits 0: $(printf '%s' "$line" | cut -c1-60)"
done <"$T/lines"
grep -h -q '^create of demo succeeded' "$T"/out.*
ok $? "the compute is created"
grep -h -q "^deploy of blue on demo-ep succeeded; the endpoint's traffic: blue=100" "$T"/out.*
ok $? "the example is deployed, all traffic to it"
grep -h -q '"deployment": *"blue"' "$T"/out.*
ok $? "the example's request answered by blue"
echo "1..$n"
[ "$failed" -eq 0 ]
