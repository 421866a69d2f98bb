#!/bin/sh
# Browse of a list in many pages (issue 14: browse's cost): the rows of
# each page are appended as it arrives and drawn at most once a frame, not
# once a page (the clock stands still here, so the first page and the
# whole list are the only draws while pages come); the list ends the same,
# row for row, as the same list in one page, and so does a refresh; the
# header counts every compute; the selection stays where it was first put,
# on the first page's first compute, as the rows after it come.
# AKSWIZ_STATS=1 says pages and draws.
. "$top_srcdir/tests/screens/libtest.sh"

# world PAGE-SIZE: the shipped world with 40 more AKS computes in
# ml-workspace (some Failed, names out of order), PAGE-SIZE to a page.
world() {
	awk -v size="$1" '
		{ sub(/"computePageSize": 2/, "\"computePageSize\": " size); print }
		/^  "computes": \[/ && !done {
			for (i = 0; i < 40; i++)
				printf "    {\"subscriptionId\": \"0b1f6471-1bf0-4dda-aec3-cb9272f09590\", \"resourceGroup\": \"ml-rg\", \"workspace\": \"ml-workspace\", \"resource\": {\"name\": \"page-%02d\", \"location\": \"eastus\", \"properties\": {\"computeType\": \"AKS\", \"computeLocation\": \"eastus\", \"provisioningState\": \"%s\", \"isAttachedCompute\": false, \"properties\": {\"agentCount\": 3, \"agentVmSize\": \"Standard_D3_v2\", \"clusterPurpose\": \"FastProd\", \"loadBalancerType\": \"PublicIp\", \"sslConfiguration\": {\"status\": \"Disabled\"}}}}},\n", (i * 17) % 40, i % 7 == 3 ? "Failed" : "Succeeded"
			done = 1
		}' "$top_srcdir/data/sandbox-world.json"
}
world 1000 > "$work/one-page.json"
world 2 > "$work/pages.json"

steps '
	:save-display list.screen
	:save-state list.state
	s
	:save-state sorted.state
'
sandbox_start --world "$work/one-page.json"
AKSWIZ_STATS=1 run_akswiz browse $SB_ARGS
assert_status 0 "one page: exit 0"
grep '^row:' list.state > one.state
grep '^row:' sorted.state > one-sorted.state
assert_grep '^akswiz-stats: browse pages=1 ' "$work/stderr" \
    "one page: AKSWIZ_STATS says 1 page"

steps '
	:save-display list.screen
	:save-state list.state
	s
	:save-state sorted.state
	r
	:save-state refreshed.state
'
sandbox_start --world "$work/pages.json"
AKSWIZ_STATS=1 run_akswiz browse $SB_ARGS
assert_status 0 "22 pages: exit 0"
assert_grep '^akswiz-stats: browse pages=44 ' "$work/stderr" \
    "22 pages, twice (the list, then r): AKSWIZ_STATS says 44 pages"
draws=$(sed -n 's/^akswiz-stats: browse pages=[0-9]* draws=\([0-9]*\)$/\1/p' \
    "$work/stderr")
# The list, its first page, its end, the sort, the refresh: a handful of
# draws, where one a page made more than 44.
if [ -n "$draws" ] && [ "$draws" -le 10 ]; then
	ok "draws at most once a frame, not once a page ($draws draws)"
else
	not_ok "draws at most once a frame, not once a page (${draws:-no} draws)"
	sed 's/^/#   /' "$work/stderr"
fi
grep '^row:' list.state > many.state
grep '^row:' sorted.state > many-sorted.state
if cmp -s one.state many.state; then
	ok "the rows of 22 pages are those of one page, in the same order"
else
	not_ok "the rows of 22 pages are those of one page, in the same order"
	diff one.state many.state | sed 's/^/#   /'
fi
if cmp -s one-sorted.state many-sorted.state; then
	ok "and sort by state alike"
else
	not_ok "and sort by state alike"
	diff one-sorted.state many-sorted.state | sed 's/^/#   /'
fi
if cmp -s sorted.state refreshed.state; then
	ok "a refresh shows the same rows, the selection kept"
else
	not_ok "a refresh shows the same rows, the selection kept"
	diff sorted.state refreshed.state | sed 's/^/#   /'
fi
assert_grep '44 computes' list.screen "the header counts every compute"
assert_grep '^row: page-00 AKS Succeeded$' list.state "a page's compute"
if [ "$(wc -l < many.state)" -eq 44 ]; then
	ok "44 rows"
else
	not_ok "44 rows (got $(wc -l < many.state))"
fi
assert_grep '^row: page-39 ' list.state "the last page's compute"
assert_grep '^selected: page-00$' list.state \
    "the selection stays on the first page's first compute"
tap_done
