#!/bin/sh
# Startup (issue 14, item 6): the CPU (user + sys, from the child's rusage)
# of `akswiz --version`, median of RUNS runs, beside programs that do
# nothing but are linked to akswiz's libraries, so that the part of the
# dynamic loader shows; the loader's own figures (LD_DEBUG=statistics) and
# the number of shared objects loaded.  Not a test: run by hand from a
# build tree,
#	sh bench/startup-bench.sh [BUILDDIR]	(RUNS=41)
# Goal: --version within 3 ms of CPU.
set -eu
builddir=$(cd "${1:-.}" && pwd)
RUNS=${RUNS:-41}
CC=${CC:-cc}
w=$(mktemp -d "${TMPDIR:-/tmp}/akswiz-startup.XXXXXX")
trap 'rm -rf "$w"' EXIT

# median LABEL COMMAND...: the median CPU of RUNS runs (posix_spawn, so
# that the cost of leaving a forked parent's memory is not counted).
median() {
	python3 - "$RUNS" "$@" <<'PY'
import os, sys
runs, label, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
fa = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
      (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
cpu, usr, sys_ = [], [], []
for _ in range(runs):
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    cpu.append((ru.ru_utime + ru.ru_stime) * 1000)
    usr.append(ru.ru_utime * 1000)
    sys_.append(ru.ru_stime * 1000)
for l in (cpu, usr, sys_):
    l.sort()
m = runs // 2
print("%-44s %6.2f ms CPU (user %.2f, sys %.2f; min %.2f)"
      % (label, cpu[m], usr[m], sys_[m], cpu[0]))
PY
}

printf 'int main(void) { return 0; }\n' >"$w/empty.c"
$CC -O2 "$w/empty.c" -o "$w/empty"
$CC -O2 "$w/empty.c" -o "$w/libs-but-curl" -Wl,--no-as-needed \
    $(pkg-config --libs ncursesw json-c libssl libcrypto)
$CC -O2 "$w/empty.c" -o "$w/all-libs" -Wl,--no-as-needed \
    $(pkg-config --libs ncursesw json-c libssl libcrypto libcurl)

echo "shared objects: akswiz needs $(readelf -d "$builddir/akswiz" |
    grep -c NEEDED), loads $(ldd "$builddir/akswiz" | wc -l) in all"
LD_DEBUG=statistics "$builddir/akswiz" --version 2>&1 >/dev/null |
    sed -n 's/^ *[0-9]*: *//; /total startup\|number of relocations:\|relative relocations/p'
median "empty program" "$w/empty"
median "empty program, ncursesw json-c ssl crypto" "$w/libs-but-curl"
median "empty program, all of akswiz's libraries" "$w/all-libs"
median "akswiz --version" "$builddir/akswiz" --version
median "akswiz --no-color --version (locale set up)" "$builddir/akswiz" \
    --no-color --version
