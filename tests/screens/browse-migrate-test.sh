#!/bin/sh
# Browse's migrate (m) of a legacy AKS compute to today's path, end to
# end against a sandbox started with --allow-legacy-create whose world
# holds the legacy compute inf-created on a cluster with the old
# azureml-fe: the form starts from the legacy compute's choices and the
# default name `plan new migrate` gives; core's rules as typed (the
# legacy namespace azureml-<workspace> refused); Esc from the form and
# from the review sends nothing; Enter shows the migration on the review,
# which submits it: the sandbox receives the five requests of
# kubernetes-path.md D.4 in their order, once each.  A legacy compute
# with a Microsoft certificate: the form says today's path has none.
. "$top_srcdir/tests/screens/libtest.sh"
. "$top_srcdir/tests/http/k8s-world.sh"
. "$top_srcdir/tests/i18n/locale.sh"
sandbox_start --polls 1 --allow-legacy-create
J=$work/journal.log

# The writes the sandbox received from akswiz (k8s-world.sh).
writes() { k8s_writes "$J"; }

# The rows: inf-attached inf-created inf-failed ...
steps '
	<Down>
	m
	:save-display form.screen
	<Esc>
	:save-display back.screen
	m
	<Down>azureml-ml-workspace
	:save-display v1ns.screen
	<C-u>ml
	<Enter>
	:save-display review.screen
	<Esc>
	:save-display back-review.screen
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: runs"
assert_equals form.screen "80x24: the form, from the legacy compute's choices" <<EOF
 Computes of the workspace                                           4 computes
 Workspace ml-workspace · group ml-rg · subscription 0b1f6471-1bf0-4dda-aec3-c…

  Migrate inf-created to a Kubernetes compute on the same AKS cluster:

  › New name        [inf-created-k8s                                 ]
    Namespace       [                                                ]
    Load balancer   (•) Public IP   ( ) Internal
    Router service  (•) LoadBalancer   ( ) NodePort   ( ) ClusterIP
    TLS             (•) Disabled   ( ) My own certificate
                    ! TLS is off: scoring requests and their answers travel as
                      plain HTTP.

  Enter reviews the plan; Esc cancels.









 Enter confirm  Esc cancel
EOF
assert_grep '^› inf-created ' back.screen "Esc: the list again"
assert_grep "✗ Namespace azureml-ml-workspace is the legacy compute's" v1ns.screen \
    "the legacy namespace: refused as typed, core's rule"
assert_grep '^ Review the plan  *Migrate$' review.screen "Enter: the review of a migration"
assert_grep '^    New name  *inf-created-k8s$' review.screen "the default new name"
assert_grep '^    Namespace  *ml$' review.screen "the namespace typed"
assert_grep '^    AKS cluster  *inf-createdx7k2q ' review.screen "on the legacy compute's cluster"
assert_grep '^    Load balancer  *Public IP$' review.screen "its load balancer kept"
assert_grep '^    TLS  *Disabled$' review.screen "TLS off, as it was"
assert_grep '^› inf-created ' back-review.screen "Esc from the review: the list"
writes >"$work/writes"
assert_equals "$work/writes" "Esc from the form and from the review: nothing sent" </dev/null

# Submit: the five requests of D.4, in their order, once each.
steps '
	<Down>
	m
	<Down>ml
	<Enter>
	<Enter>
	:save-display progress.screen
	<Enter>
	:save-state after.state
'
: >"$J"
run_akswiz browse $SB_ARGS
assert_status 0 "browse: migration submitted"
assert_grep 'migrate of inf-created succeeded' progress.screen \
    "the progress screen follows the migration to its end"
assert_grep '^ Migrated inf-created ' progress.screen \
    "its title says the migration was done (not \"Created\")"
assert_grep '^screen: browse$' after.state "and Enter goes back to browse"
writes >"$work/writes"
assert_equals "$work/writes" "the five requests of D.4, in order, once each" <<EOF
PATCH /apis/apps/v1/namespaces/default/deployments/azureml-fe
PUT extensions/azureml
POST /api/v1/namespaces
PUT computes/inf-created-k8s
DELETE computes/inf-created
EOF
grep -a '"method":"PUT","path":"[^"]*/computes/inf-created-k8s"' "$J" >"$work/line"
assert_grep '"namespace":"ml"' "$work/line" "the compute in the namespace typed"
assert_grep '"operation": *"migrate"' "$(ls state/akswiz/operations/*inf-created*.json | head -n 1)" \
    "the migration is journaled"

# A custom certificate (inf-attached): kept as a certificate of your own,
# its CNAME given, its files asked; m on a Kubernetes compute: nothing to
# migrate; --readonly: m opens nothing.
steps '
	m
	:save-display custom.screen
	<Esc><Down>
	m
	:save-state k8s.state
'
run_akswiz browse $SB_ARGS
assert_grep '^    TLS             ( ) Disabled   (•) My own certificate$' custom.screen \
    "a custom certificate: kept as one of your own"
assert_grep '^    CNAME  *\[scoring.contoso.example ' custom.screen "with its CNAME"
assert_grep 'The certificate and key files are asked' custom.screen \
    "the files are asked, and why"
assert_grep '^status: inf-created-k8s is a Kubernetes compute already' k8s.state \
    "a Kubernetes compute: nothing to migrate"
steps '
	<Down>
	m
	:save-display readonly.screen
'
: >"$J"
run_akswiz --readonly browse $SB_ARGS
assert_no_grep 'Migrate inf' readonly.screen "--readonly: m opens nothing"
steps '
	?
	:save-display keys.screen
'
run_akswiz browse $SB_ARGS
assert_grep "^  m  *migrate a legacy AKS compute to today's path$" keys.screen \
    "? lists m"

# A Microsoft certificate cannot be kept: the form says so and asks for a
# certificate of your own (or TLS off).
"$AKSWIZ" plan new create --compute-type AKS --name ml-ms \
    --cluster-purpose DevTest --vm-size Standard_D3_v2 --agent-count 1 \
    --ssl-leaf-domain-label mlms >ms.json 2>/dev/null
timeout 60 "$AKSWIZ" $SB_ARGS apply ms.json >/dev/null 2>&1
assert_grep '"name": *"ml-ms"' ms.json "a legacy compute with a Microsoft certificate"
steps '
	/ml-ms<Enter>
	m
	:save-display ms.screen
	<Enter>
	:save-state ms.state
'
run_akswiz browse $SB_ARGS
assert_grep '(•) My own certificate' ms.screen "a Microsoft certificate: one of your own instead"
assert_grep "ml-ms has a Microsoft certificate, which today's path does not" ms.screen \
    "and the form says why"
assert_grep '^status: The migration would be refused; nothing was sent' ms.state \
    "without the files: refused on the form"

# A custom certificate the service never gives back: Ctrl-S saves it from
# the cluster first, as detach's s does, and the form takes the files and
# checks them again; Esc from the save comes back to the form.  In browse,
# and on the deploy wizard's m.
if command -v openssl >/dev/null 2>&1; then
	openssl req -x509 -newkey rsa:2048 -nodes -keyout own.key -out own.pem \
	    -days 3650 -subj "/CN=www.contoso.com" \
	    -addext "subjectAltName=DNS:www.contoso.com" >/dev/null 2>&1
	"$AKSWIZ" plan new create --compute-type AKS --name ml-tls \
	    --vm-size Standard_D3_v2 --agent-count 3 \
	    --ssl-cert-file "$work/own.pem" --ssl-key-file "$work/own.key" \
	    --ssl-cname www.contoso.com $SB_ARGS >tls.json 2>/dev/null
	env -u AKSWIZ_FAKE_CLOCK timeout 60 "$AKSWIZ" $SB_ARGS apply tls.json \
	    >/dev/null 2>&1
	# save_walk WHO KEYS [COMMAND]: KEYS open ml-tls's migrate form
	# in `akswiz COMMAND` (browse, or home's deploy wizard); Ctrl-S,
	# Esc, Ctrl-S, Enter saves; a name; Enter reviews; Esc.
	save_walk() {
		who=$1 keys=$2
		shift 2
		rm -f ml-tls-cert.pem ml-tls-key.pem
		steps "
			$keys
			:save-display $who-form.screen
			<C-s>
			:save-display $who-save.screen
			<Esc>
			:save-display $who-back.screen
			<C-s>
			<Enter>
			:save-display $who-saved.screen
			<Down>ml<Enter>
			:save-display $who-review.screen
			<Esc>
		"
		: >"$J"
		run_akswiz "$@" $SB_ARGS
		assert_grep 'Ctrl-S saves the certificate and key of ml-tls' \
		    $who-form.screen "$who: a custom certificate: the form offers to save it"
		assert_grep 'Save the TLS certificate and key of ml-tls' \
		    $who-save.screen "$who: Ctrl-S: where to save them"
		assert_grep 'Migrate ml-tls to a Kubernetes compute' $who-back.screen \
		    "$who: Esc from the save: the form again"
		assert_grep 'Saved the certificate to \./ml-tls-cert\.pem' \
		    $who-saved.screen "$who: saved, and said"
		assert_grep '^    Certificate  *\[\./ml-tls-cert\.pem' $who-saved.screen \
		    "$who: the form takes the certificate file"
		assert_no_grep 'file is missing' $who-saved.screen \
		    "$who: and checks it again: no error about the files"
		if cmp -s own.pem ml-tls-cert.pem; then ok "$who: the certificate the create sent"
		else not_ok "$who: the certificate the create sent"; fi
		assert_grep '^    CNAME  *\[www\.contoso\.com ' $who-saved.screen \
		    "$who: its CNAME kept"
		assert_grep '^    TLS  *Custom: \./ml-tls-cert\.pem, \./ml-tls-key\.pem, CNAME' \
		    $who-review.screen "$who: the review: the saved files"
		assert_no_grep 'PRIVATE KEY' $who-saved.screen "$who: the key is on no screen"
		writes >"$work/writes"
		assert_equals "$work/writes" "$who: saving and the review's Esc send nothing" </dev/null
	}
	save_walk browse '/ml-tls<Enter>
			m' browse
	# The deploy wizard's m on the same compute: the same Ctrl-S.
	save_walk deploy '<Down><Down><Enter>
			<End>
			:save-display deploy-list.screen
			m'
	assert_grep '^  › ml-tls  *AKS (legacy: migrate it first)' deploy-list.screen \
	    "deploy: the legacy compute chosen"
	assert_grep '^ Enter save  Esc back  Tab move  F1 keys' deploy-save.screen \
	    "deploy: Ctrl-S's keys"
else
	ok "# SKIP no openssl"
fi

# 60x20 and zh_CN: the form reads whole.
steps '
	m
	:save-display small.screen
	<PgDn>
	:save-display small-end.screen
'
COLUMNS=60 LINES=20 run_akswiz browse $SB_ARGS
assert_grep '^  › New name        \[inf-attached-k8s  *\]$' small.screen \
    "60x20: the form, inside the screen"
assert_grep 'PgUp/PgDn scroll' small.screen "60x20: it says it scrolls"
assert_grep 'Enter reviews the plan' small-end.screen "60x20: PgDn reaches its end"
if i18n_have_locale zh_CN.UTF-8 && i18n_locale_tree "$work/locale"; then
	steps '
		m
		:save-display zh.screen
	'
	LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run_akswiz browse $SB_ARGS
	assert_status 0 "zh_CN: runs"
	assert_grep '^ 工作区的计算目标' zh.screen "zh_CN: translated around it"
	assert_grep 'inf-attached-k8s' zh.screen "zh_CN: the form"
else
	ok "# SKIP zh_CN.UTF-8 or its catalog is not available"
fi
tap_done
