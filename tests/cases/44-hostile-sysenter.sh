#!/bin/sh
# A guest's sysenter finds SYSENTER_CS zero and faults with #GP(0)
# instead of entering the Host at ring 0; the exit goes to the Launcher,
# which would hand it back to the guest.
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
try sysenter '^exit: trap 13 insn 0f 34'
unload_lg
exit 0
