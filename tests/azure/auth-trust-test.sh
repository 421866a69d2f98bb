#!/bin/sh
# Trust in sign-in (issue 10): a token cache that cannot be trusted is
# said at once, with its path, and sign-in goes on with the next method;
# another user's cache or a newer format is left alone, a mode open to
# others is narrowed, the temporary file of an interrupted write removed
# (item 15).  A process holding secrets cannot dump core, and the
# --sandbox child does not inherit the user's secrets (item 19).
# `--sandbox account` works (item 11); a sandbox that does not start is
# quoted from its log, which is kept (item 26).
. "$top_srcdir/tests/http/lib.sh"

sb_start --allow-legacy-create --polls 2
D="$T/cache/akswiz"
C="$D/tokens.json"
mkdir -p "$D"
chmod 700 "$D"

# Run akswiz without the service principal of the environment (and without
# az on PATH): the token cache is all it has.
az_nosp() {
	env -u AZURE_CLIENT_ID -u AZURE_TENANT_ID -u AZURE_CLIENT_SECRET \
	    PATH=/usr/bin:/bin timeout 120 "$AKSWIZ" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" --subscription "$SB_SUB" \
	    -g "$SB_RG" -w "$SB_WS" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# under_way ERRFILE PID: wait until akswiz PID says its create is under
# way, then print the pid of its sandbox child.
under_way() {
	i=0
	until grep -q 'Creating' "$1" 2>/dev/null || [ $i -gt 6000 ]; do
		i=$((i + 1))
		sleep 0.01
	done
	pgrep -P "$2" akswiz-sandbox | head -n 1
}

# --- item 15: a damaged cache ------------------------------------------
printf '{"version":1,"entries":[{"authority":"https://x","accessTok' >"$C"
chmod 600 "$C"
cp "$C" "$T/damaged"
az list
ok $rc "a damaged token cache: the service principal of the environment still signs in (exit $rc)"
like "$T/err" "warning: the token cache $C is damaged" \
    "the damaged cache is reported with its path"
cmp -s "$C" "$T/damaged"
ok $? "and left as it was"

plan_new "$T/p.json" create --compute-type AKS --name ml-trust --cluster-purpose DevTest \
    --vm-size Standard_D2_v2 --agent-count 1
az apply --no-wait "$T/p.json"
ok $rc "a create is submitted and journaled (exit $rc)"
before=$(grep -c . "$T/journal.log")
az_nosp watch
is "$rc" 4 "watch with only a damaged cache: sign-in failed, exit 4 at once"
like "$T/err" "the token cache $C is damaged" "naming the file"
after=$(grep -c . "$T/journal.log")
is "$after" "$before" "and nothing was sent, nor retried"
az_nosp list
is "$rc" 4 "list likewise (exit $rc)"

# --- item 15: modes, owner, format -------------------------------------
rm -f "$C"
az list
ok $rc "a fresh cache is written (exit $rc)"
chmod 644 "$C"
az list
ok $rc "a cache readable by others still serves (exit $rc)"
is "$(stat -c %a "$C")" 600 "its mode is narrowed to 0600"
like "$T/err" "warning: the token cache $C was readable by others" \
    "and the user is told"
chmod 640 "$C"
az_nosp list
ok $rc "signed in by the cache alone, a cache readable by the group (exit $rc)"
is "$(stat -c %a "$C")" 600 "is narrowed to 0600 as well"
like "$T/err" "warning: the token cache $C was readable by others" \
    "and the user is told too"

if [ "$(id -u)" = 0 ]; then
	chown 65534 "$C"
	cp "$C" "$T/foreign"
	az list
	ok $rc "another user's cache: the service principal signs in (exit $rc)"
	like "$T/err" "warning: the token cache $C belongs to another user" \
	    "the foreign cache is refused with a warning"
	is "$(stat -c %u "$C")" 65534 "it keeps its owner"
	cmp -s "$C" "$T/foreign"
	ok $? "and its content"
	chown 0 "$C"
else
	for i in 1 2 3 4; do n=$((n + 1)); echo "ok $n # SKIP needs root to chown"; done
fi

printf '{"version":2,"entries":[],"accounts":{"future":true}}\n' >"$C"
chmod 600 "$C"
cp "$C" "$T/newer"
az list
ok $rc "a cache of a newer format: sign-in goes on (exit $rc)"
like "$T/err" "warning: the token cache $C was written by a newer akswiz" \
    "the newer cache is reported"
cmp -s "$C" "$T/newer"
ok $? "and not overwritten"

# --- item 15: the temporary file of an interrupted write ---------------
rm -f "$C"
printf '{"refreshToken":"RT-left-behind"}' >"$D/.tokens.2147483646.Ab12Cd"
printf '{"refreshToken":"RT-being-written"}' >"$D/.tokens.$$.Ef34Gh"
az list
ok $rc "list with temporary files in the cache directory (exit $rc)"
[ ! -e "$D/.tokens.2147483646.Ab12Cd" ]
ok $? "the temporary file of a writer that is gone is removed"
[ -e "$D/.tokens.$$.Ef34Gh" ]
ok $? "one of a writer still running is kept"

# --- item 19: no core, no secret for the sandbox child -----------------
mkdir -p "$T/tmp"
plan_new "$T/p2.json" create --compute-type AKS --name ml-core --cluster-purpose DevTest \
    --vm-size Standard_D2_v2 --agent-count 1
AKSWIZ_SANDBOX_OPTIONS="--polls 200 --allow-legacy-create" AKSWIZ_POLL_MIN_MS=1000 \
    AZURE_CLIENT_SECRET=user-secret-must-not-leak TMPDIR="$T/tmp" \
    "$AKSWIZ" --sandbox apply "$T/p2.json" >"$T/out" 2>"$T/err" </dev/null &
pid=$!
child=$(under_way "$T/err" "$pid")
core=$(sed -n 's/^Max core file size *\([^ ]*\) *\([^ ]*\).*/\1 \2/p' \
    "/proc/$pid/limits" 2>/dev/null)
is "$core" "0 0" "akswiz holding a secret allows no core file"
[ -n "$child" ] && tr '\0' '\n' <"/proc/$child/environ" >"$T/child-env"
like "$T/child-env" '^HOME=' "the sandbox child's environment can be read"
unlike "$T/child-env" '^AZURE_CLIENT_SECRET=' \
    "the sandbox child does not inherit AZURE_CLIENT_SECRET"
kill -TERM "$pid"
wait "$pid"
i=0
while [ -n "$child" ] && kill -0 "$child" 2>/dev/null; do
	i=$((i + 1))
	[ $i -gt 500 ] && break
	sleep 0.01
done

# Non-dumpable: /proc/PID/ of such a process belongs to root, whoever runs
# it.  Run by another user than root (nobody, when the tests run as root),
# akswiz holding the sandbox's secret must show root; its sandbox child
# (an exec'd program, dumpable again) shows the user: the control.
U=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-nobody.XXXXXX")
chmod 755 "$U"
mkdir -p "$U/n"
cp "$T/p2.json" "$U/p.json"
chmod 644 "$U/p.json"
if [ "$(id -u)" = 0 ]; then
	chown 65534:65534 "$U/n"
	set -- setpriv --reuid=65534 --regid=65534 --clear-groups
	user=65534
else
	set --
	user=$(id -u)
fi
(cd "$U/n" && exec env HOME="$U/n" TMPDIR="$U/n" XDG_STATE_HOME="$U/n/s" \
    XDG_CACHE_HOME="$U/n/c" XDG_CONFIG_HOME="$U/n/cf" \
    AKSWIZ_SANDBOX_OPTIONS="--polls 200 --allow-legacy-create" AKSWIZ_POLL_MIN_MS=1000 \
    "$@" "$AKSWIZ" --sandbox apply "$U/p.json") >"$U/out" 2>"$U/err" &
pid=$!
child=$(under_way "$U/err" "$pid")
is "$(stat -c %u "/proc/$pid/environ" 2>/dev/null)" 0 \
    "akswiz holding a secret is not dumpable (its /proc entries are root's)"
is "$(stat -c %u "/proc/$child/environ" 2>/dev/null)" "$user" \
    "while its sandbox child, which holds none of ours, is the user's"
kill -TERM "$pid"
wait "$pid"
rm -rf "$U"
set --

# --- item 11: --sandbox account ----------------------------------------
TMPDIR="$T/tmp" timeout 60 "$AKSWIZ" --sandbox account >"$T/out" 2>"$T/err"
ok $? "akswiz --sandbox account signs in to the private sandbox"
like "$T/out" '^Signed in: +secret' "and says how"
like "$T/out" '^Subscription: +[0-9a-f-]{36}$' "with the sandbox's subscription"

# --- item 26: a sandbox that does not start ----------------------------
AKSWIZ_SANDBOX_OPTIONS=--no-such-option TMPDIR="$T/tmp" timeout 60 \
    "$AKSWIZ" --sandbox list >"$T/out" 2>"$T/err"
is "$?" 5 "a sandbox that stops at once: exit 5"
like "$T/err" "unrecognized option '--no-such-option'" \
    "the sandbox's own words are quoted"
unlike "$T/err" "is it installed" "no guess about the installation"
log=$(sed -n 's/.*(its log: \(.*\))$/\1/p' "$T/err")
[ -n "$log" ] && grep -q -- --no-such-option "$log"
ok $? "the log it names is kept ($log)"

# --- item 19: an expired sign-in certificate ----------------------------
# A service principal whose only certificate ended in 2020: akswiz says so
# before signing in, and Azure AD (the sandbox) refuses the assertion.
mkdir -p "$T/ca/db"
: >"$T/ca/db/index"
echo 01 >"$T/ca/db/serial"
printf '[ca]\ndefault_ca=c\n[c]\ndatabase=%s\nnew_certs_dir=%s\nserial=%s\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n' \
    "$T/ca/db/index" "$T/ca/db" "$T/ca/db/serial" >"$T/ca/ca.cnf"
openssl req -new -newkey rsa:2048 -nodes -keyout "$T/old.key" \
    -subj "/CN=akswiz-expired-sp" -out "$T/old.csr" >/dev/null 2>&1
openssl ca -batch -config "$T/ca/ca.cnf" -selfsign -keyfile "$T/old.key" \
    -in "$T/old.csr" -startdate 20200101000000Z -enddate 20200102000000Z \
    -out "$T/old.out" >/dev/null 2>&1
openssl x509 -in "$T/old.out" -out "$T/old.crt"
cat "$T/old.crt" "$T/old.key" >"$T/old.pem"
PEMJSON=$(awk '{ printf "%s\\n", $0 }' "$T/old.crt")
sed "s|\"servicePrincipals\": \[|\"servicePrincipals\": [ { \"clientId\": \"c0ffee00-0000-4000-8000-0000000000e1\", \"objectId\": \"c0ffee00-0000-4000-8000-0000000000e2\", \"displayName\": \"expired sp\", \"certificates\": [\"$PEMJSON\"] },|" \
    "$top_srcdir/data/sandbox-world.json" >"$T/world.json"
sb_stop
sb_start --allow-legacy-create --world "$T/world.json"
env -u AZURE_CLIENT_SECRET AZURE_CLIENT_ID=c0ffee00-0000-4000-8000-0000000000e1 \
    AZURE_CLIENT_CERTIFICATE_PATH="$T/old.pem" timeout 60 "$AKSWIZ" \
    --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    login >"$T/out" 2>"$T/err" </dev/null
is "$?" 4 "an expired sign-in certificate: sign-in fails, exit 4"
like "$T/err" "warning: the sign-in certificate $T/old.pem expired on 2020-01-02T00:00:00Z" \
    "akswiz warns first, with the date it expired"
like "$T/err" "AADSTS700027" "Azure AD refuses it (AADSTS700027)"
like "$T/err" "The key used is expired" "because the key is expired"

done_testing
