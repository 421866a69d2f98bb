#!/bin/sh
# `akswiz list` writes each page's rows as the page arrives (akswiz(1)):
# a list of many pages is the same, byte for byte, as that list in one
# page; a table takes its column widths from its first page; a page that
# fails part-way leaves what was written, a JSON array closed, the error
# on stderr and exit status 5; and the pages, however many, come over one
# TLS connection.
. "$top_srcdir/tests/http/lib.sh"

# world PAGE-SIZE COUNT: the shipped world with COUNT more AKS computes
# first in ml-workspace (page-0000, page-0001 ..., the last one a longer
# name), PAGE-SIZE to a list page.
world() {
	awk -v size="$1" -v count="$2" '
		{ sub(/"computePageSize": 2/, "\"computePageSize\": " size); print }
		/^  "computes": \[/ && !done {
			for (i = 0; i < count; i++)
				printf "    {\"subscriptionId\": \"0b1f6471-1bf0-4dda-aec3-cb9272f09590\", \"resourceGroup\": \"ml-rg\", \"workspace\": \"ml-workspace\", \"resource\": {\"name\": \"%s\", \"location\": \"eastus\", \"properties\": {\"computeType\": \"AKS\", \"computeLocation\": \"eastus\", \"provisioningState\": \"Succeeded\", \"description\": \"page \\\"%d\\\" \\u00e9t\\u00e9\", \"createdOn\": \"2026-10-01T09:00:00.0000000+00:00\", \"isAttachedCompute\": false, \"properties\": {\"agentCount\": 3, \"agentVmSize\": \"Standard_D3_v2\", \"clusterPurpose\": \"FastProd\", \"loadBalancerType\": \"PublicIp\", \"sslConfiguration\": {\"status\": \"Disabled\"}}}}},\n", i < count - 1 ? sprintf("page-%04d", i) : "zz-long-compute-name-x24", i
			done = 1
		}' "$top_srcdir/data/sandbox-world.json"
}

world 1000 9 >"$T/one-page.json"
world 2 9 >"$T/pages.json"

# 1. The same list in one page and in many: the same bytes.
sb_start --world "$T/one-page.json"
az list -o json --all
is "$rc" 0 "list -o json of one page: exit 0"
cp "$T/out" "$T/one.out"
az list -o tsv --all
cp "$T/out" "$T/one.tsv"
az list
cp "$T/out" "$T/one.table"
sb_stop

sb_start --world "$T/pages.json"
AKSWIZ_STATS=1 az list -o json --all
is "$rc" 0 "list -o json of many pages: exit 0"
pages=$(requests GET '.*/workspaces/[^/]*/computes')
[ "$pages" -gt 5 ]
ok $? "the list came in $pages pages"
cmp -s "$T/one.out" "$T/out"
ok $? "and is byte for byte the list of one page"
like "$T/out" '"name": "page-0007"' "it has the last compute of a middle page"
like "$T/err" 'handshakes=1$' "over one TLS connection"
az list -o tsv --all
cmp -s "$T/one.tsv" "$T/out"
ok $? "list -o tsv of many pages is that of one page"

az list
cmp -s "$T/one.table" "$T/out"
ok $? "list (table) of many pages is that of one page"
like "$T/out" '^zz-long-compute-name-x24  AKS ' "with a name of a later page"
sb_stop

# 2. A table's columns are measured on its first 1,000 rows: a longer
# name after them pushes the rest of its own line only.
world 100 1002 >"$T/big.json"
sb_start --world "$T/big.json"
az list
is "$rc" 0 "list (table) of 1,001 rows and more: exit 0"
like "$T/out" '^NAME {7}TYPE ' "NAME is as wide as the first 1,000 rows' names"
like "$T/out" '^page-0999  AKS ' "the 1,000th row lines up"
like "$T/out" '^page-1000  AKS ' "and so does the next"
like "$T/out" '^zz-long-compute-name-x24  AKS   Succeeded ' \
    "a longer name later keeps two spaces before the next column"

# A file gets -o json in writes of 64 KB, not of stdio's 4 KB: counted
# with strace (write calls on fd 1), when there is one that works here.
if command -v strace >/dev/null 2>&1 &&
    strace -o /dev/null true >/dev/null 2>&1; then
	strace -f -e trace=write -o "$T/strace" "$AKSWIZ" --endpoint "$SB_URL" \
	    --authority "$SB_AUTH" --ca-file "$SB_CA" \
	    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" list -o json \
	    >"$T/out" 2>"$T/err" </dev/null
	bytes=$(wc -c <"$T/out")
	writes=$(grep -c 'write(1,' "$T/strace")
	[ "$bytes" -gt 300000 ] && [ "$writes" -le $((bytes / 65536 + 2)) ]
	ok $? "list -o json to a file: $bytes bytes in $writes writes"
else
	n=$((n + 1))
	echo "ok $n # SKIP no strace here"
fi
sb_stop

# 3. The third page fails (400, not retried): the first two were written.
sb_start --world "$T/pages.json" --faults 'GET:*/computes=400+2'
az list -o json --all
is "$rc" 5 "a page failing part-way: exit 5"
is "$(head -n 1 "$T/out")" '[' "the JSON array was opened"
is "$(tail -n 1 "$T/out")" ']' "and is closed"
is "$(grep -c '"name": ' "$T/out")" 4 "with the rows of the two pages read"
like "$T/out" '^ \{"name": "page-0003"' "the last of them"
unlike "$T/out" 'page-0004' "nothing of the failed page"
like "$T/err" '^akswiz: BadRequest' "the error is on stderr"
is "$(requests GET '.*/workspaces/[^/]*/computes')" 3 \
    "no page was asked for after the failed one"
sb_stop

sb_start --world "$T/pages.json" --faults 'GET:*/computes=400+2'
az list --all -o tsv
is "$rc" 5 "a page failing part-way as TSV: exit 5"
is "$(wc -l <"$T/out")" 4 "the rows read are written"
like "$T/err" '^akswiz: ' "the error is on stderr"
sb_stop

# 4. The first page fails: nothing on stdout, as before.
sb_start --world "$T/pages.json" --faults 'GET:*/computes=400'
az list -o json
is "$rc" 5 "the first page failing: exit 5"
is "$(wc -c <"$T/out")" 0 "nothing on stdout"
sb_stop

done_testing
