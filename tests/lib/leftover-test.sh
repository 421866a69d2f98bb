#!/bin/sh
# Runs after every other test (tests/local.mk makes its log depend on all
# the others): no test may leave a process of this build behind — an
# akswiz-sandbox still listening, an akswiz still polling.  A process that
# is on its way out gets a few seconds to go.
set -u
: "${top_builddir:?run from make check}"
build=$(cd "$top_builddir" && pwd -P)

# The processes whose program is this build's akswiz or akswiz-sandbox.
ours() {
	for d in /proc/[0-9]*; do
		exe=$(readlink "$d/exe" 2>/dev/null) || continue
		case $exe in
		"$build/akswiz"|"$build/akswiz-sandbox")
			pid=${d#/proc/}
			printf '%s %s\n' "$pid" "$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null)"
			;;
		esac
	done
}

echo "1..1"
i=0
while :; do
	left=$(ours)
	[ -z "$left" ] && break
	i=$((i + 1))
	[ $i -ge 50 ] && break
	sleep 0.1
done
if [ -z "$left" ]; then
	echo "ok 1 - no akswiz or akswiz-sandbox of this build is left running"
else
	echo "not ok 1 - no akswiz or akswiz-sandbox of this build is left running"
	echo "$left" | sed 's/^/#   left: /'
	exit 1
fi
