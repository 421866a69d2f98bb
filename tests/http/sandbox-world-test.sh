#!/bin/sh
# `akswiz --sandbox` keeps one sandbox world per user under
# $XDG_STATE_HOME/akswiz/sandbox: an operation one run leaves going
# (apply --no-wait, a kill -9) is followed to its end by the next run's
# watch, even on another port; the sandbox dies with the akswiz that started it, even a killed
# one; --reset empties the world first.
SB_POLLS=3
SB_LEGACY=1
. "$top_srcdir/tests/http/sandbox-lib.sh"

# no_sandbox: poll until no sandbox of the world runs (10 s at most)
no_sandbox() {
	i=0
	while pgrep -f "akswiz-sandbox --ready-file $W" >/dev/null; do
		i=$((i + 1))
		[ $i -gt 1000 ] && return 1
		sleep 0.01
	done
	return 0
}

"$A" plan new create --compute-type AKS --name ml-demo --vm-size Standard_D3_v2 --agent-count 3 \
    >"$T/p.json" 2>/dev/null
"$A" plan new create --compute-type AKS --name ml-kill --vm-size Standard_D3_v2 --agent-count 3 \
    >"$T/k.json" 2>/dev/null

# apply --no-wait in one process, watch in the next.
timeout 60 "$A" --sandbox apply --no-wait "$T/p.json" >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox apply --no-wait exits 0"
[ -s "$W/state.json" ] && [ -s "$W/ca.pem" ]
ok $? "the world (state and CA) is kept under XDG_STATE_HOME/akswiz/sandbox"
no_sandbox
ok $? "no sandbox is left running"
timeout 60 "$A" --sandbox watch >"$T/out" 2>"$T/err"
ok $? "the next akswiz --sandbox watch exits 0"
grep -q 'create of ml-demo succeeded' "$T/out"
ok $? "and follows the create to its end"
timeout 60 "$A" --sandbox list >"$T/out" 2>"$T/err"
grep -q '^ml-demo  *AKS  *Succeeded ' "$T/out"
ok $? "the world keeps the new cluster"

# The world on another port: watch follows the operation by the world's
# identity (its id file), not by the endpoint it was started on.
"$A" plan new create --compute-type AKS --name ml-port --vm-size Standard_D3_v2 --agent-count 3 \
    >"$T/q.json" 2>/dev/null
timeout 60 "$A" --sandbox apply --no-wait "$T/q.json" >"$T/out" 2>"$T/err"
ok $? "apply --no-wait of ml-port exits 0"
grep -q "\"sandboxWorld\": \"$(cat "$W/id")\"" \
    "$XDG_STATE_HOME"/akswiz/operations/*ml-port*.json
ok $? "its journal entry names the world"
old=$(cat "$W/port")
if [ "$old" -lt 65000 ]; then echo $((old + 1)); else echo $((old - 1)); fi \
    >"$W/port"
timeout 60 "$A" --sandbox watch >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox watch on the world's new port exits 0"
[ "$(cat "$W/port")" != "$old" ]
ok $? "the world was served on another port"
grep -q 'create of ml-port succeeded' "$T/out"
ok $? "and watch follows the create started on the old port to its end"
# (interrupt below waits for "Creating" in a fresh stderr, not this one)
rm -f "$T/err" "$T/out"

# A kill -9 of akswiz mid-create: its sandbox goes too; watch finishes.
interrupt KILL "$T/k.json"
[ $killed -eq 137 ]
ok $? "akswiz is killed mid-create"
no_sandbox
ok $? "after a kill -9 of akswiz its sandbox stops too"
AKSWIZ_SANDBOX_OPTIONS="--polls 50 --retry-after 0 --allow-legacy-create" \
    timeout 60 "$A" --sandbox watch >"$T/out" 2>"$T/err"
ok $? "the next akswiz --sandbox watch exits 0"
grep -q 'create of ml-kill succeeded' "$T/out"
ok $? "and follows the killed run's create to its end"

# --reset: the world as shipped, then the command.
timeout 60 "$A" --sandbox --reset list >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox --reset list exits 0"
grep -q '^inf-created ' "$T/out" && ! grep -q '^ml-demo ' "$T/out"
ok $? "it lists the world as shipped"
"$A" --reset list >"$T/out" 2>"$T/err"
[ $? -eq 2 ]
ok $? "--reset without --sandbox is a usage error"
grep -q -- '--sandbox' "$T/err"
ok $? "that says it goes with --sandbox"

echo "1..$n"
[ $failed -eq 0 ]
