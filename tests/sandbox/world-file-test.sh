#!/bin/sh
# akswiz-sandbox reads a world file's computes one at a time and keeps
# each as text (issue 14, item 5): whatever the layout of the file, every
# compute is there, its strings exactly as written, and they come back
# the same from the state file after a restart; a compute that is not
# JSON is refused with the file's name.
. "$top_srcdir/tests/sandbox/lib.sh"
V=api-version=2024-04-01
W="$top_srcdir/data/sandbox-world.json"

names() { list_names "$WSP/computes?$V"; }

sandbox_start --allow-legacy-create
want=$(names)
is "$(echo "$want" | wc -w)" 4 "the shipped world: 4 computes"

# The same world on one line, with a member named "computes" elsewhere
# and strings that look like JSON in a compute.
tr -d '\n' <"$W" | sed 's|^{|{"notes": {"computes": [{"resource": {"name": "not-a-compute"}}]}, |; s|"inf-created",|"inf-created", "description": "a \\"quoted\\" ] } [ { \\\\ text, ünïcode",|' >"$T/line.json"
WORLD="$T/line.json" sandbox_start --allow-legacy-create --state "$T/state.json"
is "$(names)" "$want" "a world file on one line: the same computes"
arm GET "$WSP/computes/inf-created?$V"
is "$(j .description)" 'a "quoted" ] } [ { \ text, ünïcode' \
    "a string with quotes, brackets and backslashes, as written"
arm PUT "$WSP/computes/inf-more?$V" '{"location":"eastus","properties":{"computeType":"AKS","description":"new \"one\"","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2","clusterPurpose":"FastProd"}}}'
is "$STATUS" 201 "a compute is created"
sandbox_stop
"$JGET" -l .computes <"$T/state.json" >/dev/null
tap $? "the state file is JSON"
WORLD="$T/state.json" sandbox_start --allow-legacy-create
is "$(names)" "$want inf-more" "the state file read again: the same computes and the new one"
arm GET "$WSP/computes/inf-created?$V"
is "$(j .description)" 'a "quoted" ] } [ { \ text, ünïcode' \
    "the string kept through the state file"
arm GET "$WSP/computes/inf-more?$V"
is "$(j .properties.description)/$(j .properties.properties.agentCount)" \
    'new "one"/3' "the new compute kept through the state file"
sandbox_stop

# A compute that is not JSON.
sed 's|"inf-created",|"inf-created", "broken": tru,|' "$W" >"$T/bad.json"
"$SB" --world "$T/bad.json" --state-dir "$T/st2" --ready-file "$T/r2.json" \
    >"$T/bad.out" 2>"$T/bad.err" &
pid=$!
wait $pid
rc=$?
[ $rc -ne 0 ]; tap $? "a compute that is not JSON: the sandbox does not start (exit $rc)"
grep -q "bad.json is not a JSON world file" "$T/bad.err"
tap $? "and names the file"
done_testing
