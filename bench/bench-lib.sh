# Shared by the benchmarks that drive akswiz against a sandbox started with
# tests/http/lib.sh's sb_start: its scope as options, a timed run and a
# plan written.  Sourced, never run.

# timed WHAT ARGS...: akswiz ARGS, then one line of figures.
timed() {
	what=$1
	shift
	/usr/bin/time -f '%e %U %S' -o "$T/time" "$AKSWIZ" \
	    --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
	    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" "$@" \
	    >"$T/out" 2>"$T/err" </dev/null || {
		echo "$what failed:"
		cat "$T/err"
		exit 1
	}
	awk -v w="$what" '{ printf "%-34s wall %6.1f s  akswiz cpu %.2f s\n",
	    w, $1, $2 + $3 }' "$T/time"
}

plan() {
	out=$1
	shift
	"$AKSWIZ" --endpoint "$SB_URL" --authority "$SB_AUTH" \
	    --ca-file "$SB_CA" --subscription "$SB_SUB" -g "$SB_RG" \
	    -w "$SB_WS" plan new "$@" >"$out" 2>"$T/err" </dev/null || {
		echo "plan new $* failed:"
		cat "$T/err"
		exit 1
	}
}

