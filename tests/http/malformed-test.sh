#!/bin/sh
# Answers that are malformed, of the wrong shape, HTML, nested too deep or
# too big for http.c's cap: each command fails with a clear message and
# exit status 5, and never crashes (tests/http/badserver serves them).
. "$top_srcdir/tests/http/lib.sh"

# check MODE TEXT ARGS...: akswiz ARGS exits 5 with a message, no crash.
check() {
	mode=$1 text=$2
	shift 2
	timeout 60 "$AKSWIZ" --endpoint "$BAD_URL" --authority "$BAD_URL" \
	    --ca-file "$BAD_CA" --subscription s -g g -w w "$@" \
	    >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	n=$((n + 1))
	if [ $rc -eq 5 ] && grep -q '^akswiz: ' "$T/err" &&
	    ! grep -q -i 'segmentation\|core dumped\|abort' "$T/err"; then
		echo "ok $n - $mode: $text ($(head -n 1 "$T/err"))"
	else
		echo "not ok $n - $mode: $text (exit $rc)"
		sed 's/^/#   /' "$T/err" | head -n 5
		failed=$((failed + 1))
	fi
}

for mode in malformed html shape deep huge; do
	bad_start $mode
	check $mode "list fails clearly" list
	check $mode "show fails clearly" show x
	check $mode "versions fails clearly" versions -l eastus
	check $mode "vm-sizes fails clearly" vm-sizes -l eastus
	check $mode "clusters fails clearly" clusters
	bad_stop
done

# A 4 MB header is named as such, not "Out of memory" (issue 10, 22).
bad_start bigheader
check bigheader "a header too large is said" list
if grep -q "has a header larger than libcurl accepts" "$T/err" &&
    ! grep -q -i "out of memory" "$T/err"; then
	ok 0 "bigheader: says the header is too large"
else
	ok 1 "bigheader: says the header is too large"
fi
bad_stop
done_testing
