#!/bin/sh
# The installation paths follow configure: a build tree configured again
# with another --prefix compiles the new paths in (a -D flag on the
# command line left the old objects, and the old paths, behind).  One
# object of a scratch build is enough to see it.
set -u
: "${top_srcdir:?run from make check}"
work=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-prefix.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
obj=src/sandbox/akswiz_sandbox-main.o

if [ -f "$top_srcdir/config.status" ]; then
	# configure refuses a second build of a source tree configured in place.
	echo "1..0 # SKIP the source tree is configured in place (CI builds out of tree)"
	exit 0
fi
echo "1..2"
build() {	# build PREFIX: configure the scratch tree and compile $obj
	(cd "$work" && "$top_srcdir/configure" --prefix="$1" >configure.out 2>&1 &&
	    make -k paths.h "$obj" >make.out 2>&1)
	[ -f "$work/$obj" ] || { echo "Bail out! cannot build $obj"; tail -n 20 "$work/make.out"; exit 1; }
}
build /opt/akswiz-first
if grep -a -q /opt/akswiz-first/share/akswiz "$work/$obj"; then
	echo "ok 1 - the first prefix is compiled in"
else
	echo "not ok 1 - the first prefix is compiled in"
fi
build /opt/akswiz-second
if grep -a -q /opt/akswiz-second/share/akswiz "$work/$obj" &&
    ! grep -a -q /opt/akswiz-first "$work/$obj"; then
	echo "ok 2 - configured again with another prefix, the object has the new paths"
else
	echo "not ok 2 - configured again with another prefix, the object has the new paths"
	exit 1
fi
