# The one wait of the real-terminal tests, with their TAP counters.
# Source it after setting T (the tmux command on the test's private
# socket); the pane polled is the session named t.
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# wait_for TEXT [DESCRIPTION]: poll the pane until TEXT shows, 20 s at
# most; never sleeps for a fixed time.  On failure, the pane goes to the
# log as TAP comments.
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		if $T capture-pane -p -t t 2>/dev/null | grep -q -F -- "$1"; then
			ok "${2:-shows $1}"
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "${2:-shows $1}"
	$T capture-pane -p -t t 2>/dev/null | sed 's/^/#   /'
	return 1
}
