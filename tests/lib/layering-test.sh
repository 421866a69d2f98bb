#!/bin/sh
# Dependencies point one way (STYLE.md): core includes only common and
# core, and nothing below cli/tui pulls in curses; the sandbox never
# includes azure/.  A stray #include fails here before it spreads.
cd "${top_srcdir:-.}/src" || exit 1
n=0
check() {
	n=$((n + 1))
	bad=$(grep -l -E "$2" $1 2>/dev/null)
	if [ -z "$bad" ]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		for f in $bad; do echo "#   $f"; done
	fi
}
check "core/*.c core/*.h" '#include [<"](curl|json-c|json\.h|curses|ncurses|openssl|microhttpd|azure/|tui/|cli/|plan/|sandbox/)' "core includes only common and core"
check "core/*.c" '\b(fopen|open|read|write|printf|fprintf|getenv|time)\(' "core does no I/O and reads no clock"
check "common/*.c common/*.h" '#include [<"](core/|azure/|tui/|cli/|plan/|sandbox/)' "common knows no domain"
check "sandbox/*.c sandbox/*.h" '#include "(azure|tui|cli)/' "the sandbox never links the client"
check "azure/*.c azure/*.h plan/*.c plan/*.h" '#include [<"](curses|ncurses|tui/|cli/)' "azure and plan know no screens"
check "app/*.c app/*.h" '#include [<"](curses|ncurses|tui/|cli/)' "app knows no screens and no commands"
echo "1..$n"
