#!/bin/sh
# A guest that loads an LDT selector finds no LDT (the Switcher loads a
# null one): #GP with the selector as error code, reflected; with no
# handler the guest dies and says so.
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
try ldt '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x4\)'
unload_lg
exit 0
