#!/bin/sh
# `akswiz --sandbox`: a private sandbox for the run, found next to akswiz,
# credentials from its ready file (the secret never on a command line),
# stopped and tidied at exit, and also when akswiz is interrupted.
SB_LEGACY=1
. "$top_srcdir/tests/http/sandbox-lib.sh"

timeout 60 "$A" --sandbox list >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox list exits 0"
grep -q '^inf-created ' "$T/out"
ok $? "it lists the sandbox's workspace (scope from the ready file)"
[ -z "$(ls -A "$T/tmp")" ]
ok $? "its private directory is gone"
pgrep -f "akswiz-sandbox --ready-file $W" >/dev/null
[ $? -ne 0 ]
ok $? "the sandbox was stopped"

# Sign-in commands with --sandbox alone, without a terminal: the sandbox's
# own service principal, no --endpoint needed.
timeout 60 "$A" --sandbox login </dev/null >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox login </dev/null exits 0"
grep -q '^Client: *3f9a1c2b-7d4e-4f5a-8b6c-9d0e1f2a3b4c$' "$T/out"
ok $? "and says who is signed in (the sandbox's service principal)"
timeout 60 "$A" --sandbox account </dev/null >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox account exits 0"
grep -q '^Signed in: *secret$' "$T/out"
ok $? "and shows the account"
timeout 60 "$A" --sandbox logout </dev/null >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox logout exits 0"
grep -q '^Removed [0-9]* cached sign-in' "$T/out"
ok $? "and says what it removed"
[ -z "$(ls -A "$T/tmp")" ]
ok $? "the sign-in commands left no private directory"

"$A" plan new create --compute-type AKS --name ml-demo --vm-size Standard_D3_v2 --agent-count 3 \
    >"$T/p.json" 2>/dev/null
timeout 60 "$A" --sandbox apply "$T/p.json" >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox apply creates a cluster"
grep -q 'create of ml-demo succeeded' "$T/out"
ok $? "and says so"

# Interrupted while it monitors (the world reset: ml-demo is new again):
# the sandbox still goes, and its files.
interrupt TERM "$T/p.json" --reset
is_term=$killed
[ $is_term -eq 143 ]
ok $? "apply stopped by SIGTERM"
[ -z "$(ls -A "$T/tmp")" ]
ok $? "left no private directory behind"
i=0
while pgrep -f "akswiz-sandbox --ready-file $W" >/dev/null; do
	i=$((i + 1))
	[ $i -gt 500 ] && break
	sleep 0.01
done
pgrep -f "akswiz-sandbox --ready-file $W" >/dev/null
[ $? -ne 0 ]
ok $? "and no sandbox running"

echo "1..$n"
[ $failed -eq 0 ]
