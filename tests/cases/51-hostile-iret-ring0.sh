#!/bin/sh
# An iret to ring 0 (the Switcher's code segment) is refused by the
# processor with #GP(selector), reflected, and kills the handler-less
# guest with that reason.
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
try iret_ring0 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x50\)'
unload_lg
exit 0
