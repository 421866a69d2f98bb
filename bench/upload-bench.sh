#!/bin/sh
# Upload throughput over loopback: a model file of SIZE_MB (default 200)
# registered with `akswiz model create` (hash, datastore secret, 8 MiB
# blocks, the version's PUT: the whole command) against curl's single PUT
# of the same file to the same sandbox (a container SAS from
# startPendingUpload), with akswiz's peak RSS (/usr/bin/time %M), which
# stays flat: one block in memory, whatever the file's size.
# Not a test: run by hand from a build tree,
#	sh bench/upload-bench.sh [BUILDDIR]
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-.}" && pwd)
export top_srcdir="$srcdir" top_builddir="$builddir"
. "$srcdir/tests/http/lib.sh"
. "$srcdir/tests/http/k8s-world.sh"
MB=${SIZE_MB:-200}

sb_start
head -c "$((MB * 1024 * 1024))" /dev/urandom >"$T/model.bin"

/usr/bin/time -f '%e %U %S %M' -o "$T/time" "$AKSWIZ" \
    --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" model create \
    --name bench --version 1 --path "$T/model.bin" >"$T/out" 2>"$T/err" \
    </dev/null || { echo "akswiz failed:"; cat "$T/err"; exit 1; }
read -r a_wall a_user a_sys a_rss <"$T/time"
# Again: the content hash (MD5 of the file, which names its folder, as
# azure-ai-ml's) and the look at the version, nothing sent: the part of
# the command that is not the upload.
/usr/bin/time -f '%e' -o "$T/time2" "$AKSWIZ" \
    --endpoint "$SB_URL" --authority "$SB_AUTH" --ca-file "$SB_CA" \
    --subscription "$SB_SUB" -g "$SB_RG" -w "$SB_WS" model create \
    --name bench --version 1 --path "$T/model.bin" >"$T/out" 2>"$T/err" \
    </dev/null || { echo "akswiz failed:"; cat "$T/err"; exit 1; }
h_wall=$(cat "$T/time2")

k8s_begin "$SB_URL" "$SB_AUTH" "$SB_CA" "$SB_SUB" "$T"
WSP="/subscriptions/$SB_SUB/resourceGroups/$SB_RG/providers/Microsoft.MachineLearningServices/workspaces/$SB_WS"
k8s_arm POST "$WSP/codes/bench/versions/1/startPendingUpload?api-version=2024-04-01" \
    '{"pendingUploadType":"TemporaryBlobReference"}'
SAS=$(sed -n 's/.*"sasUri" *: *"\([^"]*\)".*/\1/p' "$T/k8s.body")
/usr/bin/time -f '%e' -o "$T/ctime" curl -s --cacert "$SB_CA" -o /dev/null \
    -w '%{http_code}\n' -X PUT -H 'x-ms-blob-type: BlockBlob' \
    -H 'x-ms-version: 2023-11-03' -T "$T/model.bin" \
    "${SAS%%\?*}/model.bin?${SAS#*\?}" >"$T/cstatus"
c_wall=$(cat "$T/ctime")
[ "$(cat "$T/cstatus")" = 201 ] || { echo "curl: HTTP $(cat "$T/cstatus")"; exit 1; }
# curl again, the way akswiz sends it: the same 8 MiB blocks, one Put
# Block each (one connection, as akswiz keeps one), then Put Block List;
# the sandbox's work per block (its write, its MD5, the commit) is then
# the same on both sides.
mkdir "$T/blocks"
(cd "$T/blocks" && split -b 8388608 -a 4 -d "$T/model.bin" b)
base="${SAS%%\?*}/blocks.bin"
q="${SAS#*\?}"
set --
list='<?xml version="1.0" encoding="utf-8"?><BlockList>'
for f in "$T"/blocks/b*; do
	id=$(printf '%s' "$(basename "$f")" | base64)
	set -- "$@" --next -s -o /dev/null --cacert "$SB_CA" -X PUT \
	    -H 'x-ms-version: 2023-11-03' -T "$f" \
	    "$base?comp=block&blockid=$(printf '%s' "$id" | sed 's/=/%3D/g')&$q"
	list="$list<Latest>$id</Latest>"
done
printf '%s</BlockList>' "$list" >"$T/list.xml"
start=$(date +%s.%N)
curl "$@" --next -s -o /dev/null --cacert "$SB_CA" -X PUT \
    -H 'x-ms-version: 2023-11-03' -H 'Content-Type: application/xml' \
    --data-binary @"$T/list.xml" "$base?comp=blocklist&$q"
b_wall=$(echo "$(date +%s.%N) - $start" | bc)

awk -v mb="$MB" -v aw="$a_wall" -v au="$a_user" -v as="$a_sys" \
    -v rss="$a_rss" -v cw="$c_wall" -v hw="$h_wall" -v bw="$b_wall" 'BEGIN {
	printf "%d MB over loopback\n", mb
	printf "akswiz model create  %6.2f s  %7.1f MB/s  cpu %.2f s  " \
	    "peak RSS %.1f MB\n", aw, mb / aw, au + as, rss / 1024
	printf "  of which hash+look %6.2f s (the same command again)\n", hw
	printf "  the upload alone   %6.2f s  %7.1f MB/s\n", aw - hw,
	    mb / (aw - hw)
	printf "curl PUT             %6.2f s  %7.1f MB/s\n", cw, mb / cw
	printf "curl, 8 MiB blocks   %6.2f s  %7.1f MB/s\n", bw, mb / bw
	printf "akswiz / curl        %5.0f%% (whole command), %.0f%% (upload)\n",
	    100 * cw / aw, 100 * cw / (aw - hw)
	printf "akswiz / curl blocks %5.0f%% (upload)\n", 100 * bw / (aw - hw)
}'
