#!/bin/sh
# The sandbox's blob store (kubernetes-path.md E.3, F.6) with curl(1):
# Put Blob, Put Block, Put Block List, Get Block List, Get Blob (whole and
# ranged), Get Blob Properties, Set Blob Metadata, List Blobs, Create
# Container; each refusal (no x-ms-blob-type, no Content-Length, block IDs
# of two lengths, an unknown block, a wrong or expired SAS, a permission
# the SAS lacks, a wrong Shared Key) with the storage error XML; a 20 MB
# upload in blocks kept on disk; signatures and keys never in the journal.
. "$top_srcdir/tests/sandbox/lib.sh"
sandbox_start --journal "$T/journal"
V=api-version=2024-10-01
ACCT=mlworkspacestorage
arm POST "$WSP/codes/c/versions/1/startPendingUpload?$V" '{"pendingUploadType":"TemporaryBlobReference"}'
CU=$(j .blobReferenceForConsumption.blobUri)
SAS=$(j .blobReferenceForConsumption.credential.sasUri)
SAS=${SAS#*\?}
CONT=${CU##*/}
arm POST "$WSP/datastores/workspaceblobstore/listSecrets?$V"
KEY=$(j .key)
arm GET "$WSP/datastores/workspaceblobstore?$V"
DCONT=$(j .properties.containerName)

# blob METHOD URL [curl args...]: STATUS, $T/bbody, $T/bhdr.
blob() {
	m=$1 u=$2
	shift 2
	STATUS=$($CURL -o "$T/bbody" -D "$T/bhdr" -w '%{http_code}' -X "$m" "$@" "$u")
}
bh() { grep -i "^$1:" "$T/bhdr" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
code() { sed -n 's/.*<Code>\([^<]*\)<\/Code>.*/\1/p' "$T/bbody"; }
hmac() {	# hmac KEY <TEXT: the base64 HMAC-SHA256 of stdin
	openssl dgst -sha256 -mac HMAC -macopt \
	    "hexkey:$(printf '%s' "$1" | base64 -d | od -An -v -tx1 | tr -d ' \n')" \
	    -binary | base64 -w0
}
b64hmac() { printf '%s' "$2" | hmac "$1"; }
urlenc() { printf '%s' "$1" | sed -e 's/+/%2B/g' -e 's/\//%2F/g' -e 's/=/%3D/g'; }

# Put Blob and Get Blob with the SAS of startPendingUpload.
printf 'def init():\n    pass\n' >"$T/score.py"
MD5=$(openssl dgst -md5 -binary "$T/score.py" | base64)
blob PUT "$CU/src/score.py?$SAS" -H 'x-ms-blob-type: BlockBlob' -H 'x-ms-version: 2023-11-03' -H "Content-MD5: $MD5" --data-binary @"$T/score.py"
is "$STATUS" 201 "Put Blob: 201"
is "$(bh Content-MD5)" "$MD5" "its Content-MD5"
like "$(bh ETag)" '"0x*"' "an ETag"
like "$(bh x-ms-request-id)" "?*" "a request id"
blob GET "$CU/src/score.py?$SAS"
is "$STATUS/$(cat "$T/bbody" | head -n 1)" "200/def init():" "Get Blob: the bytes"
is "$(bh Content-Length)/$(bh x-ms-blob-type)/$(bh Content-MD5)" "21/BlockBlob/$MD5" "length, type, MD5"
blob HEAD "$CU/src/score.py?$SAS" -I
is "$STATUS/$(bh Content-Length)/$(bh Accept-Ranges)" "200/21/bytes" "Get Blob Properties (HEAD)"
blob GET "$CU/src/score.py?$SAS" -H 'x-ms-range: bytes=4-7'
is "$STATUS/$(cat "$T/bbody")/$(bh Content-Range)" "206/init/bytes 4-7/21" "a ranged read: 206, Content-Range"
blob GET "$CU/src/score.py?$SAS" -H 'Range: bytes=20-'
is "$STATUS/$(bh Content-Range)" "206/bytes 20-20/21" "an open range"
blob GET "$CU/src/score.py?$SAS" -H 'Range: bytes=99-'
is "$STATUS/$(code)" "416/InvalidRange" "a range past the end: 416"
blob PUT "$CU/src/x.py?$SAS" -H "Content-MD5: $MD5" -H 'x-ms-blob-type: BlockBlob' --data-binary 'other bytes'
is "$STATUS/$(code)" "400/Md5Mismatch" "a wrong Content-MD5"

# Refusals.
blob PUT "$CU/src/a.py?$SAS" --data-binary 'x'
is "$STATUS/$(code)" "400/MissingRequiredHeader" "Put Blob without x-ms-blob-type"
grep -q '<HeaderName>x-ms-blob-type</HeaderName>' "$T/bbody"; tap $? "  naming the header"
grep -q '^.*<?xml version="1.0" encoding="utf-8"?><Error><Code>' "$T/bbody"; tap $? "  the storage error XML"
blob PUT "$CU/src/a.py?$SAS" -H 'x-ms-blob-type: BlockBlob' -H 'Transfer-Encoding: chunked' --data-binary 'x'
is "$STATUS/$(code)" "411/MissingContentLengthHeader" "no Content-Length: 411"
blob PUT "$CU/src/huge.bin?$SAS" -H 'x-ms-blob-type: BlockBlob' -H 'Content-Length: 6000000000' --data-binary 'x'
is "$STATUS/$(code)" "413/RequestBodyTooLarge" "a body past 5000 MiB: 413, refused before it is read"
blob GET "$CU/src/score.py?${SAS%sig=*}sig=AAAA$(urlenc "${SAS#*sig=}")"
is "$STATUS/$(code)/$(bh x-ms-error-code)" "403/AuthenticationFailed/AuthenticationFailed" "a wrong signature: 403 AuthenticationFailed"
grep -q 'Signature did not match' "$T/bbody"; tap $? "  Signature did not match"
blob GET "$CU/src/score.py"
is "$STATUS/$(code)" "401/NoAuthenticationInformation" "no authorization at all"
blob GET "$CU/src/nosuch.py?$SAS"
is "$STATUS/$(code)" "404/BlobNotFound" "a blob that does not exist"
blob GET "$EP/$ACCT/nosuchcontainer/a?$SAS"
is "$STATUS/$(code)" "403/AuthenticationFailed" "the SAS of another container"

# SAS made here with the account key: read-only, expired.
sas() {	# sas PERMS EXPIRY [VERSION]: a container SAS of $CONT
	sv=${3:-2021-08-06}
	if [ "$sv" \< 2020-12-06 ]; then
		sig=$(printf '%s\n\n%s\n/blob/%s/%s\n\n\nhttps\n%s\nc\n\n\n\n\n\n' "$1" "$2" "$ACCT" "$CONT" "$sv" | hmac "$KEY")
	else
		sig=$(printf '%s\n\n%s\n/blob/%s/%s\n\n\nhttps\n%s\nc\n\n\n\n\n\n\n' "$1" "$2" "$ACCT" "$CONT" "$sv" | hmac "$KEY")
	fi
	echo "sv=$sv&sr=c&sp=$1&se=$2&spr=https&sig=$(urlenc "$sig")"
}
blob GET "$CU/src/score.py?$(sas r 2099-01-01T00:00:00Z)"
is "$STATUS" 200 "a read SAS signed with the account key"
blob GET "$CU/src/score.py?$(sas r 2099-01-01T00:00:00Z 2019-12-12)"
is "$STATUS" 200 "  at sv 2019-12-12 (no encryption scope)"
blob PUT "$CU/src/b.py?$(sas r 2099-01-01T00:00:00Z)" -H 'x-ms-blob-type: BlockBlob' --data-binary 'x'
is "$STATUS/$(code)" "403/AuthorizationPermissionMismatch" "a write with a read SAS"
blob GET "$CU/src/score.py?$(sas r 2001-01-01T00:00:00Z)"
is "$STATUS/$(code)" "403/AuthenticationFailed" "an expired SAS"
grep -q 'not valid in the specified time frame' "$T/bbody"; tap $? "  not valid in the time frame"

# Shared Key.
sharedkey() {	# sharedkey METHOD PATH-AND-QUERY KEY [x-ms-meta header]: a request
	d=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
	p=${2%%\?*}
	canq=
	case $2 in *\?*) canq=$(printf '%s' "${2#*\?}" | tr '&' '\n' | sort | sed 's/=/:/' | sed 's/^/\\n/' | tr -d '\n') ;; esac
	meta=
	[ -n "${4-}" ] && meta="${4%%: *}:${4#*: }\\n"
	sts=$(printf "$1\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:%s\n${meta}x-ms-version:2023-11-03\n/%s%s$canq" "$d" "$ACCT" "$p")
	sig=$(b64hmac "$3" "$sts")
	if [ -n "${4-}" ]; then
		blob "$1" "$EP$2" -H "x-ms-date: $d" -H 'x-ms-version: 2023-11-03' -H "Authorization: SharedKey $ACCT:$sig" -H "$4" -H 'Content-Length: 0' -H 'Content-Type:'
	else
		blob "$1" "$EP$2" -H "x-ms-date: $d" -H 'x-ms-version: 2023-11-03' -H "Authorization: SharedKey $ACCT:$sig"
	fi
}
sharedkey GET "/$ACCT/$CONT/src/score.py" "$KEY"
is "$STATUS/$(head -n 1 "$T/bbody")" "200/def init():" "Shared Key: Get Blob"
sharedkey GET "/$ACCT/$CONT?restype=container&comp=list&prefix=src/" "$KEY"
is "$STATUS" 200 "Shared Key: List Blobs, the query canonicalized"
is "$(sed -n 's/.*<Blob><Name>\([^<]*\)<.*/\1/p' "$T/bbody")" "src/score.py" "  the blob under the prefix"
blob GET "$EP/$ACCT/$CONT/src/score.py" -H "x-ms-date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')" -H "Authorization: SharedKey $ACCT:AAAA"
is "$STATUS/$(code)" "400/MissingRequiredHeader" "Shared Key without x-ms-version"
blob GET "$EP/$ACCT/$CONT/src/score.py" -H "x-ms-version: 2023-11-03" -H "Authorization: SharedKey $ACCT:AAAA"
is "$STATUS/$(code)" "403/AuthenticationFailed" "Shared Key without a date"
blob PUT "$CU/src/my%20model%2B1.pkl?$SAS" -H 'x-ms-blob-type: BlockBlob' --data-binary 'spaced'
is "$STATUS" 201 "a blob name with a space and a plus"
sharedkey GET "/$ACCT/$CONT/src/my%20model%2B1.pkl" "$KEY"
is "$STATUS/$(cat "$T/bbody")" "200/spaced" "Shared Key signs the path as the request spells it"
sharedkey GET "/$ACCT/$CONT/src/score.py" "$(printf 'not the key of this account' | base64 -w0)"
is "$STATUS/$(code)" "403/AuthenticationFailed" "Shared Key with another key: 403"
grep -q 'is not the same as any computed signature' "$T/bbody"; tap $? "  the MAC did not match"
sharedkey PUT "/$ACCT/$CONT/src/score.py?comp=metadata" "$KEY" 'x-ms-meta-upload_status: completed'
is "$STATUS" 200 "Set Blob Metadata"
blob HEAD "$CU/src/score.py?$SAS" -I
is "$(bh x-ms-meta-upload_status)" completed "  the metadata on the blob"
sharedkey PUT "/$ACCT/newcont?restype=container" "$KEY" 'x-ms-meta-a: b'
is "$STATUS" 201 "Create Container"
sharedkey PUT "/$ACCT/newcont?restype=container" "$KEY" 'x-ms-meta-a: b'
is "$STATUS/$(code)" "409/ContainerAlreadyExists" "  again: 409"

# A 20 MB model in 5 blocks, resumable from Get Block List.
head -c 20971520 /dev/urandom >"$T/model.bin"
split -b 4194304 -a 1 "$T/model.bin" "$T/part."
i=0
for p in "$T"/part.?; do
	id=$(printf 'block-%06d' "$i" | base64)
	d=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
	blob PUT "$EP/$ACCT/$DCONT/LocalUpload/h/model.bin?comp=block&blockid=$(urlenc "$id")" \
	    --data-binary @"$p" -H 'x-ms-version: 2023-11-03' -H "x-ms-date: $d" \
	    -H "Authorization: SharedKey $ACCT:$(b64hmac "$KEY" "$(printf 'PUT\n\n\n%s\n\n\n\n\n\n\n\n\nx-ms-date:%s\nx-ms-version:2023-11-03\n/%s/%s/%s/LocalUpload/h/model.bin\nblockid:%s\ncomp:block' "$(wc -c <"$p")" "$d" "$ACCT" "$ACCT" "$DCONT" "$id")")" -H 'Content-Type:'
	[ "$STATUS" = 201 ] || echo "# block $i: $STATUS $(cat "$T/bbody")"
	i=$((i + 1))
done
is "$i/$STATUS" "5/201" "Put Block, five times (Shared Key)"
SK="$(sas racwdl 2099-01-01T00:00:00Z)"
MCU=$EP/$ACCT/$DCONT
# The datastore's container is not $CONT: sign for it.
CONT_SAVE=$CONT; CONT=$DCONT; SK="$(sas racwdl 2099-01-01T00:00:00Z)"; CONT=$CONT_SAVE
blob GET "$MCU/LocalUpload/h/model.bin?comp=blocklist&blocklisttype=all&$SK"
is "$STATUS/$(grep -o '<Block>' "$T/bbody" | wc -l)" "200/5" "Get Block List: five uncommitted blocks"
grep -q '<CommittedBlocks></CommittedBlocks><UncommittedBlocks><Block><Name>'"$(printf 'block-%06d' 0 | base64)"'</Name><Size>4194304</Size>' "$T/bbody"; tap $? "  with names and sizes"
blob GET "$MCU/LocalUpload/h/model.bin?$SK"
is "$STATUS" 404 "nothing to read before the block list"
blob PUT "$MCU/LocalUpload/h/model.bin?comp=block&blockid=$(urlenc "$(printf 'short' | base64)")&$SK" --data-binary 'x'
is "$STATUS/$(code)" "400/InvalidBlobOrBlock" "a block ID of another length"
blob PUT "$MCU/LocalUpload/h/model.bin?comp=blocklist&$SK" -H 'Content-Type: application/xml' --data-binary "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>$(printf 'block-%06d' 9 | base64)</Latest></BlockList>"
is "$STATUS/$(code)" "400/InvalidBlockList" "a block list naming an unknown block"
list='<?xml version="1.0" encoding="utf-8"?><BlockList>'
for i in 0 1 2 3; do list="$list<Latest>$(printf 'block-%06d' "$i" | base64)</Latest>"; done
list="$list<Uncommitted>$(printf 'block-%06d' 4 | base64)</Uncommitted></BlockList>"
blob PUT "$MCU/LocalUpload/h/model.bin?comp=blocklist&$SK" -H 'Content-Type: application/xml' -H 'x-ms-blob-content-type: application/octet-stream' --data-binary "$list"
is "$STATUS" 201 "Put Block List (Latest, Uncommitted): 201"
blob GET "$MCU/LocalUpload/h/model.bin?$SK"
is "$STATUS/$(bh Content-Length)" "200/20971520" "Get Blob: 20 MB"
is "$(sha256sum <"$T/bbody")" "$(sha256sum <"$T/model.bin")" "  the same bytes"
blob HEAD "$MCU/LocalUpload/h/model.bin?$SK" -I
is "$STATUS/$(bh Content-Length)/$(bh Accept-Ranges)" "200/20971520/bytes" "Get Blob Properties (HEAD) of a blob of blocks"
blob GET "$MCU/LocalUpload/h/model.bin?$SK" -H 'x-ms-range: bytes=8388608-8388617'
is "$STATUS/$(bh Content-Range)" "206/bytes 8388608-8388617/20971520" "a range in the third block"
is "$(od -An -tx1 <"$T/bbody")" "$(tail -c +8388609 "$T/model.bin" | head -c 10 | od -An -tx1)" "  its bytes"
blob GET "$MCU/LocalUpload/h/model.bin?$SK" -H 'x-ms-range: bytes=4194300-12582920'
is "$STATUS/$(bh Content-Range)" "206/bytes 4194300-12582920/20971520" "a range across three blocks"
is "$(sha256sum <"$T/bbody")" "$(tail -c +4194301 "$T/model.bin" | head -c 8388621 | sha256sum)" "  its bytes"
blob GET "$MCU/LocalUpload/h/model.bin?comp=blocklist&$SK"
is "$(grep -o '<Block>' "$T/bbody" | wc -l)/$(grep -c UncommittedBlocks "$T/bbody")" "5/0" "Get Block List: five committed blocks"
# A block of a committed block's ID: the committed bytes stay.
blob PUT "$MCU/LocalUpload/h/model.bin?comp=block&blockid=$(urlenc "$(printf 'block-%06d' 1 | base64)")&$SK" --data-binary @"$T/part.a"
is "$STATUS" 201 "Put Block of a committed block's ID"
blob GET "$MCU/LocalUpload/h/model.bin?$SK"
is "$(sha256sum <"$T/bbody")" "$(sha256sum <"$T/model.bin")" "  the blob's bytes do not change"
list='<?xml version="1.0" encoding="utf-8"?><BlockList>'
list="$list<Committed>$(printf 'block-%06d' 1 | base64)</Committed></BlockList>"
blob PUT "$MCU/LocalUpload/h/model.bin?comp=blocklist&$SK" -H 'Content-Type: application/xml' --data-binary "$list"
blob GET "$MCU/LocalUpload/h/model.bin?$SK"
is "$STATUS/$(bh Content-Length)" "200/4194304" "a block list of one committed block"
is "$(sha256sum <"$T/bbody")" "$(sha256sum <"$T/part.b")" "  its bytes: the committed block's"
blob GET "$MCU/LocalUpload/h/model.bin?comp=blocklist&blocklisttype=uncommitted&$SK"
is "$(grep -o '<Block>' "$T/bbody" | wc -l)" 0 "  the uncommitted block is gone"
n=$(find "$T/st/blobs" -type f -size +4000k | wc -l)
like "$n" "[1-9]*" "the bytes are on disk under the state directory"
blob GET "$MCU?restype=container&comp=list&include=metadata&$SK"
is "$(sed -n 's/.*<Name>\([^<]*\)<\/Name>.*<Content-Length>\([0-9]*\)<.*/\1 \2/p' "$T/bbody")" "LocalUpload/h/model.bin 4194304" "List Blobs: the model and its length"

blob DELETE "$MCU/LocalUpload/h/model.bin?$(sas r 2099-01-01T00:00:00Z)"
is "$STATUS/$(code)" "403/AuthenticationFailed" "Delete Blob with a SAS of another container"
CONT_SAVE=$CONT; CONT=$DCONT; RSAS="$(sas r 2099-01-01T00:00:00Z)"; CONT=$CONT_SAVE
blob DELETE "$MCU/LocalUpload/h/model.bin?$RSAS"
is "$STATUS/$(code)" "403/AuthorizationPermissionMismatch" "Delete Blob with a read SAS"
blob DELETE "$MCU/LocalUpload/h/model.bin?$SK"
is "$STATUS" 202 "Delete Blob: 202"
blob GET "$MCU/LocalUpload/h/model.bin?$SK"
is "$STATUS/$(code)" "404/BlobNotFound" "  gone"
n=$(find "$T/st/blobs" -type f -size +4000k | wc -l)
is "$n" 0 "  its bytes too"

# The bytes are kept with the state, and swept with a fresh world.
sandbox_start --state "$T/state.json"
arm POST "$WSP/codes/c/versions/1/startPendingUpload?$V" '{}'
CU=$(j .blobReferenceForConsumption.blobUri)
SAS=$(j .blobReferenceForConsumption.credential.sasUri)
SAS=${SAS#*\?}
blob PUT "$CU/kept.bin?$SAS" -H 'x-ms-blob-type: BlockBlob' --data-binary @"$T/part.a"
is "$STATUS" 201 "a blob put with --state"
blob PUT "$CU/half.bin?comp=block&blockid=$(urlenc "$(printf 'block-%06d' 0 | base64)")&$SAS" --data-binary @"$T/part.b"
is "$STATUS" 201 "and an uncommitted block"
blob PUT "$CU/listed.bin?comp=block&blockid=$(urlenc "$(printf 'block-%06d' 0 | base64)")&$SAS" --data-binary @"$T/part.c"
blob PUT "$CU/listed.bin?comp=block&blockid=$(urlenc "$(printf 'block-%06d' 1 | base64)")&$SAS" --data-binary @"$T/part.d"
blob PUT "$CU/listed.bin?comp=blocklist&$SAS" -H 'Content-Type: application/xml' --data-binary "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>$(printf 'block-%06d' 0 | base64)</Latest><Latest>$(printf 'block-%06d' 1 | base64)</Latest></BlockList>"
is "$STATUS" 201 "and a blob of two blocks"
: >"$T/st/upload.dead1"
sandbox_start --state "$T/state.json"
CU="$EP/${CU#https://*/}"	# a new port
blob GET "$CU/kept.bin?$SAS"
is "$STATUS/$(sha256sum <"$T/bbody")" "200/$(sha256sum <"$T/part.a")" "the blob is there after a restart"
blob GET "$CU/half.bin?comp=blocklist&blocklisttype=uncommitted&$SAS"
is "$STATUS/$(grep -o '<Block>' "$T/bbody" | wc -l)" "200/1" "so is the uncommitted block (an upload resumes)"
blob GET "$CU/listed.bin?$SAS"
is "$STATUS/$(sha256sum <"$T/bbody")" "200/$(cat "$T/part.c" "$T/part.d" | sha256sum)" "so is the blob of blocks"
blob GET "$CU/listed.bin?$SAS" -H 'x-ms-range: bytes=4194303-4194304'
is "$STATUS/$(od -An -tx1 <"$T/bbody")" "206/$(cat "$T/part.c" "$T/part.d" | tail -c +4194304 | head -c 2 | od -An -tx1)" "  a range across its two blocks"
[ ! -e "$T/st/upload.dead1" ]; tap $? "an unfinished upload's body is removed at start"
n=$(find "$T/st/blobs" -type f | wc -l)
is "$n" 4 "the bytes of blobs no world keeps are removed at start"
sandbox_start
n=$(find "$T/st/blobs" -type f 2>/dev/null | wc -l)
is "$n" 0 "a fresh world: no bytes left"

# An account the world file names (storageAccounts), with its own key.
sandbox_stop
OWNKEY=$(printf 'a key of the world file, 32 bytes' | base64 -w0)
"$JGET" . <"$WORLD" >/dev/null
sed "s|^{|{\"storageAccounts\":[{\"name\":\"extrastore\",\"key\":\"$OWNKEY\",\"defaultContainer\":\"data\"}],|" "$WORLD" >"$T/world.json"
WORLD="$T/world.json" sandbox_start
ACCT=extrastore
sharedkey PUT "/$ACCT/data?restype=container" "$OWNKEY" 'x-ms-meta-a: b'
is "$STATUS/$(code)" "409/ContainerAlreadyExists" "the world's own account and its default container"
sharedkey GET "/$ACCT/data?restype=container&comp=list" "$OWNKEY"
is "$STATUS" 200 "  its key signs"
sharedkey GET "/$ACCT/data?restype=container&comp=list" "$KEY"
is "$STATUS" 403 "  a workspace's key does not"

# The journal.
n=$(grep -c -e "${SAS#*sig=}" -e "$KEY" "$T/journal")
is "$n" 0 "no signature or key in the journal"
n=$(grep -c '"sig":"<redacted>"' "$T/journal")
like "$n" "[1-9]*" "a SAS's sig is redacted"
n=$(grep -c '"authorization":"SharedKey <redacted>"' "$T/journal")
like "$n" "[1-9]*" "a Shared Key shows its scheme only"
done_testing
