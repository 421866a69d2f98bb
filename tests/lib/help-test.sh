#!/bin/sh
# Every command of the table answers --help: exit 0, its synopsis on
# standard output, nothing on standard error, no terminal needed.
AKSWIZ="${top_builddir:-.}/akswiz"
cmds=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", N_(.*/\1/p' \
    "${top_srcdir:-.}/src/cli/cmd.c")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-help.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
count=0
for c in $cmds; do
	count=$((count + 1))
	for opt in --help -h; do
		n=$((n + 1))
		"$AKSWIZ" "$c" "$opt" >"$tmp/out" 2>"$tmp/err" </dev/null
		status=$?
		if [ "$status" = 0 ] && [ ! -s "$tmp/err" ] &&
		    grep -q -E "^(Usage: )?akswiz $c( |\$)" "$tmp/out"; then
			echo "ok $n - akswiz $c $opt"
		else
			echo "not ok $n - akswiz $c $opt (status $status)"
			sed 's/^/#   /' "$tmp/out" "$tmp/err" | head -n 5
		fi
	done
done
n=$((n + 1))
if [ "$count" -ge 15 ]; then
	echo "ok $n - the table was read ($count commands)"
else
	echo "not ok $n - the table was read ($count commands)"
fi
echo "1..$n"
