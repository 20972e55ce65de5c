#!/bin/sh
# int to a Host vector (0xec, the local timer on this kernel) or to the
# system-call vector with no guest gate finds a privilege-0 gate: #GP with
# the vector in the error code, reflected, and the Host's own handler
# never runs.
# timeout: 60
. /tests/lib.sh
command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
load_lg
# try NAME ERE: the snippet's one-line verdict matches ERE.
try() {
	out=$(lgsnippet "$1" 2>&1) || fail "lgsnippet $1: $out"
	expect_match "$out" "$2" "snippet $1"
	echo "ok $1: $(echo "$out" | tr '\n' ' ')"
}
try int_host '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x762\)'
try int80 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x402\)'
unload_lg
exit 0
