#!/bin/sh
# Compute list paging in akswiz-sandbox (issue 14, item 5): a nextLink
# stays valid while computes are deleted or added between pages, as ARM's
# opaque continuation tokens do: every compute there from the first page
# to the last is listed once, none skipped, none twice.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --allow-legacy-create
V=api-version=2024-04-01

# The whole list first, to know what the pages must hold.
all=$(list_names "$WSP/computes?$V")
is "$(echo "$all" | wc -w)" 4 "the shipped workspace lists 4 computes, 2 a page"

arm GET "$WSP/computes?$V"
first=$(j .value[0].name)
second=$(j .value[1].name)
next=$(j .nextLink)

# Between the first and the second page, the first compute is detached
# (to its end) and a compute is created.
arm DELETE "$WSP/computes/$first?$V&underlyingResourceAction=Detach"
is "$STATUS" 202 "the first compute of page 1 is detached"
loc=$(hdr Location)
arm GET "$loc"
arm GET "$loc"
is "$STATUS" 204 "and is gone"
arm PUT "$WSP/computes/inf-paged?$V" '{"location":"eastus","properties":{"computeType":"AKS","properties":{"agentCount":3,"agentVmSize":"Standard_D3_v2","clusterPurpose":"FastProd"}}}'
is "$STATUS" 201 "a compute is created"

rest=$(list_names "$next")
is "$(echo $first $second $rest)" "$all inf-paged" \
    "the pages after it hold the computes not seen yet, then the new one"

tok=$(printf 'i=999999' | base64 | tr '+/' '-_' | tr -d '=')
arm GET "$WSP/computes?$V&\$skip=$tok"
is "$STATUS" 400 "a token past the end of the list is refused"
done_testing
