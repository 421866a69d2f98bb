# The world of the endpoints screen's tests, sourced after libtest.sh: a
# private sandbox (--polls 1) with tests/http/endpoint-world.sh's ep_world
# (k8s-dev; ep-key with blue taking all the traffic; ep-tok) and green, a
# second deployment of ep-key without traffic, one instance; $EP_FAULTS, if
# set, are the sandbox's --faults.
#
#   journal_since N	akswiz's lines of the sandbox's journal after line N
sandbox_start --polls 1 ${EP_FAULTS:+--faults "$EP_FAULTS"}
SB_URL=$(sb_ready endpoint) SB_AUTH=$(sb_ready authority)
SB_CA=$(sb_ready caFile) SB_SUB=$(sb_ready subscriptionId) T=$work
. "$top_srcdir/tests/http/endpoint-world.sh"
ep_world
k8s_arm PUT "$EP/ep-key/deployments/green?$EP_V" "{\"location\":\"eastus\",\"sku\":{\"name\":\"Default\",\"capacity\":1},\"properties\":{\"endpointComputeType\":\"Kubernetes\",\"model\":\"$K8S_WSP/models/m/versions/2\",\"scaleSettings\":{\"scaleType\":\"Default\"}}}"
k8s_wait

journal_since() {
	tail -n +"$(($1 + 1))" "$work/journal.log" | grep '"user-agent":"akswiz'
}
