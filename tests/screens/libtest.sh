# Screen tests of the real akswiz binary (STYLE.md §9): no terminal
# (AKSWIZ_NO_DISPLAY=1), keys from a script (AKSWIZ_SCRIPT), a fake clock,
# saved screens compared with the expected text written inline in the test.
#
#	. "$top_srcdir/tests/screens/libtest.sh"
#	steps '
#		<Enter>ml-inf-dev<Enter>
#		:save-display name.screen
#	'
#	run_akswiz create -w ws -g rg --subscription $SUB
#	assert_equals name.screen <<EOF
#	...
#	EOF
#	tap_done
#
# Pins the locale, TZ, TERM, the size (80x24), HOME and XDG_STATE_HOME;
# every run is killed after 10 s.  Output is TAP.

set -u
: "${top_srcdir:?run from make check}"
: "${top_builddir:?run from make check}"
AKSWIZ="$top_builddir/akswiz"
SUB=00000000-0000-0000-0000-000000000001

work=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-screens.XXXXXX") || exit 99
cd "$work" || exit 99
mkdir -p home state

LC_ALL=C.UTF-8; LANG=C.UTF-8; TZ=UTC; TERM=xterm; COLUMNS=80; LINES=24
HOME=$work/home; XDG_STATE_HOME=$work/state
AKSWIZ_NO_DISPLAY=1; AKSWIZ_FAKE_CLOCK=2030-01-01T00:00:00Z
export LC_ALL LANG TZ TERM COLUMNS LINES HOME XDG_STATE_HOME \
    AKSWIZ_NO_DISPLAY AKSWIZ_FAKE_CLOCK
AKSWIZ_OFFLINE=1; export AKSWIZ_OFFLINE
unset NO_COLOR AKSWIZ_ENDPOINT AKSWIZ_AUTHORITY LANGUAGE AKSWIZ_SCRIPT \
    2>/dev/null || true

tap_n=0
tap_failed=0

SB_PID=
cleanup() {
	if [ -n "$SB_PID" ]; then
		kill "$SB_PID" 2>/dev/null
		wait "$SB_PID" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# sandbox_start [SANDBOX OPTIONS]: a private akswiz-sandbox on 127.0.0.1
# port 0; sets SB_ARGS (the options that point akswiz at it) and the
# service principal in AZURE_*; live screens from here on.
sandbox_start() {
	if [ -n "$SB_PID" ]; then	# never orphan a sandbox started before
		kill "$SB_PID" 2>/dev/null
		wait "$SB_PID" 2>/dev/null
		SB_PID=
	fi
	rm -f "$work/ready.json"
	"$top_builddir/akswiz-sandbox" --ready-file "$work/ready.json" \
	    --journal "$work/journal.log" --state-dir "$work/sb" \
	    --retry-after 0 "$@" >"$work/sandbox.out" 2>"$work/sandbox.err" &
	SB_PID=$!
	i=0
	while [ ! -s "$work/ready.json" ]; do
		if ! kill -0 "$SB_PID" 2>/dev/null || [ $i -gt 2000 ]; then
			echo "Bail out! akswiz-sandbox did not start"
			cat "$work/sandbox.err"
			exit 1
		fi
		i=$((i + 1))
		sleep 0.01
	done
	SB_ARGS="--endpoint $(sb_ready endpoint) --authority \
	    $(sb_ready authority) --ca-file $(sb_ready caFile) \
	    --subscription $(sb_ready subscriptionId) \
	    -g $(sb_ready resourceGroup) -w $(sb_ready workspace)"
	AZURE_TENANT_ID=$(sb_ready tenantId)
	AZURE_CLIENT_ID=$(sb_ready clientId)
	AZURE_CLIENT_SECRET=$(sb_ready clientSecret)
	XDG_CACHE_HOME=$work/cache
	XDG_CONFIG_HOME=$work/config
	AKSWIZ_POLL_MIN_MS=20
	export AZURE_TENANT_ID AZURE_CLIENT_ID AZURE_CLIENT_SECRET \
	    XDG_CACHE_HOME XDG_CONFIG_HOME AKSWIZ_POLL_MIN_MS
	unset AKSWIZ_OFFLINE
}

# wait_running: until a journal entry says an operation is under way
# (InProgress), or about 20 s have passed.
wait_running() {
	i=0
	while [ $i -lt 400 ] && ! grep -q '"state": *"InProgress"' \
	    "$XDG_STATE_HOME"/akswiz/operations/*.json 2>/dev/null; do
		i=$((i + 1))
		sleep 0.05
	done
}

# sb_ready KEY: a member of the sandbox's ready file.
sb_ready() {
	sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" "$work/ready.json" |
	    head -n 1
}

# ok DESCRIPTION / not_ok DESCRIPTION: one TAP line.
ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}
not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

# steps SCRIPT: the keys and commands of the next run.
steps() {
	printf '%s\n' "$1" > "$work/script"
}

# run_akswiz ARGS...: run the binary on the script; $status, stdout, stderr.
run_akswiz() {
	AKSWIZ_SCRIPT="$work/script" timeout 10 "$AKSWIZ" "$@" \
	    > "$work/stdout" 2> "$work/stderr"
	status=$?
	if [ "$status" -eq 124 ]; then
		echo "# akswiz $* timed out"
	fi
	return 0
}

# Drop trailing blank lines (a saved screen has all 24 rows).
trim_trailing() {
	sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$1"
}

# assert_equals FILE [DESCRIPTION] < EXPECTED: compare, diff on failure.
assert_equals() {
	file=$1
	desc=${2:-$1}
	cat > "$work/expected.raw"
	trim_trailing "$work/expected.raw" > "$work/expected"
	if [ ! -f "$file" ]; then
		not_ok "$desc (not written)"
		sed 's/^/#   /' "$work/stderr" 2>/dev/null
		return
	fi
	# The journal's file names end in six random hex digits.
	trim_trailing "$file" | sed -e "s|$work|WORK|g" \
	    -e 's/-[0-9a-f]\{6\}\.json/-RANDOM.json/g' > "$work/got"
	if [ -n "${SCREENS_GEN:-}" ]; then	# print what a test would expect
		echo "=== $file"; cat "$work/got"; ok "$desc"; return
	fi
	if diff -u "$work/expected" "$work/got" > "$work/diff"; then
		ok "$desc"
	else
		not_ok "$desc"
		sed 's/^/#   /' "$work/diff"
	fi
}

# assert_grep PATTERN FILE [DESCRIPTION]: FILE has a line matching.
assert_grep() {
	if grep -q -e "$1" "$2" 2>/dev/null; then
		ok "${3:-$2 has $1}"
	else
		not_ok "${3:-$2 has $1}"
		sed 's/^/#   /' "$2" 2>/dev/null | head -n 30
	fi
}

# assert_no_grep PATTERN FILE [DESCRIPTION]: no line matches.
assert_no_grep() {
	if grep -q -e "$1" "$2" 2>/dev/null; then
		not_ok "${3:-$2 lacks $1}"
		grep -e "$1" "$2" | sed 's/^/#   /'
	else
		ok "${3:-$2 lacks $1}"
	fi
}

# assert_status WANT [DESCRIPTION]: the last run's exit status.
assert_status() {
	if [ "$status" -eq "$1" ]; then
		ok "${2:-exit status $1}"
	else
		not_ok "${2:-exit status $1} (got $status)"
		sed 's/^/#   /' "$work/stderr"
	fi
}

# tap_done: the plan line; the exit status tells the driver nothing more.
tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
