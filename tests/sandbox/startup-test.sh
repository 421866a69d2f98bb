#!/bin/sh
# Starting akswiz-sandbox: finding the world, refusing bad options and
# worlds with a message, the ready file's fields.
. "$top_srcdir/tests/sandbox/lib.sh"

"$SB" --help >"$T/out" 2>&1; rc=$?
is "$rc" 0 "--help"
like "$(cat "$T/out")" "Usage: akswiz-sandbox*--ready-file*" "usage names the options"
"$SB" --speed fast >"$T/out" 2>&1; rc=$?
is "$rc" 2 "a bad option value: exit 2"
"$SB" --bogus >"$T/out" 2>&1; rc=$?
is "$rc" 2 "an unknown option: exit 2"
"$SB" --world "$T/none.json" --state-dir "$T/st" >"$T/out" 2>&1; rc=$?
is "$rc" 1 "a missing world: exit 1"
like "$(cat "$T/out")" "*$T/none.json*" "naming the file"
printf '{"subscriptions": [' >"$T/broken.json"
"$SB" --world "$T/broken.json" --state-dir "$T/st" >"$T/out" 2>&1; rc=$?
is "$rc" 1 "a broken world: exit 1"
AKSWIZ_SANDBOX_WORLD="$T/none.json" "$SB" --state-dir "$T/st" \
    >"$T/out" 2>&1; rc=$?
like "$rc:$(cat "$T/out")" "1:*$T/none.json*" "\$AKSWIZ_SANDBOX_WORLD is where the world is looked for"

# No --world, from the build tree: the source tree's world.
rm -f "$T/ready.json"
"$SB" --state-dir "$T/st" --ready-file "$T/ready.json" >"$T/sb.out" \
    2>"$T/sb.err" &
SB_PID=$!
i=0
while [ ! -s "$T/ready.json" ] && [ $i -lt 200 ] && kill -0 "$SB_PID" 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
is "$("$JGET" .workspace <"$T/ready.json")" ml-workspace "the build tree's world by default"
for k in endpoint authority caFile tenantId subscriptionId resourceGroup \
    workspace clientId clientSecret; do
	v=$("$JGET" ".$k" <"$T/ready.json")
	like "$v" "?*" "ready file: $k"
done
is "$("$JGET" .authority <"$T/ready.json")" "$("$JGET" .endpoint <"$T/ready.json")" "the authority is the endpoint"
test -r "$("$JGET" .caFile <"$T/ready.json")"; tap $? "caFile exists"
sandbox_stop
is "$SB_STATUS" 0 "clean stop"
done_testing
