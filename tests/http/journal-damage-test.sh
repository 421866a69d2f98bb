#!/bin/sh
# A damaged journal entry (truncated, garbage, wrong types, 50 MB) is
# never dropped in silence: `akswiz watch` names the file, says what is
# wrong and what to do, exits 7, and leaves the file as it was; a sound
# entry next to it is still followed.
. "$top_srcdir/tests/http/lib.sh"
sb_start --allow-legacy-create --polls 3
J="$T/state/akswiz/operations"

# A real open entry to damage: apply --no-wait journals it.
plan_new "$T/c.json" create --compute-type AKS --name ml-dmg --vm-size Standard_D3_v2 --agent-count 3
az apply "$T/c.json" --no-wait
is "$rc" 0 "apply --no-wait journals an open operation"
good=$(ls "$J"/*ml-dmg*.json)
cp "$good" "$T/good.json"
size=$(wc -c <"$good")

# check NAME WHAT-ERE TEXT: watch on the damaged entry $J/$NAME.
check() {
	cp "$J/$1" "$T/before"
	az watch
	is "$rc" 7 "$3: watch exits 7"
	like "$T/err" "journal entry $J/$1 is damaged" "$3: names the file"
	like "$T/err" "$2" "$3: says what is wrong"
	like "$T/err" 'akswiz show ml-dmg' "$3: says what to do"
	unlike "$T/out" 'No open operations' "$3: does not say nothing is open"
	cmp -s "$J/$1" "$T/before"
	ok $? "$3: the file is left as it was"
}

# Truncated: the first half of the real entry.
head -c $((size / 2)) "$T/good.json" >"$good"
check "$(basename "$good")" 'truncated' "truncated"

# Garbage.
printf '\001\002garbage\377 not json at all' >"$good"
check "$(basename "$good")" 'not JSON' "garbage"

# Wrong types: the step as a string.
sed 's/"step": 1,/"step": "1",/' "$T/good.json" >"$good"
check "$(basename "$good")" 'member "step" is a string, not an integer' "wrong type"

# 50 MB: a description that runs on.
{ head -c 100 "$T/good.json"; head -c 52428800 /dev/zero | tr '\0' a; } >"$good"
check "$(basename "$good")" 'it is 50\.[0-9] MB, more than the 1 MB' "50 MB"

# -o json: the damage is an outcome object too.
az watch -o json
is "$rc" 7 "-o json: exit 7"
like "$T/out" '"result": "damaged"' "-o json: result damaged"

# A sound entry next to a damaged one is still followed.
cp "$T/good.json" "$J/20300101T000000Z-ml-dmg-abcdef.json"
az watch
is "$rc" 7 "with a sound entry too: still exit 7"
like "$T/out" 'create of ml-dmg succeeded' "the sound entry is followed to its end"
like "$T/err" 'is damaged' "and the damaged one reported"
unlike "$T/err" '20300101T000000Z-ml-dmg-abcdef.json is damaged' \
    "the sound one is not called damaged"
is "$(requests PUT '.*')" 1 "watch sent no PUT"

done_testing
