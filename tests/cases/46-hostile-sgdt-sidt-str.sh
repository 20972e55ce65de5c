#!/bin/sh
# sgdt, sidt and str at ring 1 (the Switcher clears UMIP for the guest)
# only reveal the Switcher's tables, which the guest cannot write: the
# write to what sgdt showed is a page fault the guest must take itself,
# and str names the guest's own TSS.
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
try sgdt_write '^dead: unhandled trap 14 at'
try str '^dead: CRASH: handled$'
unload_lg
exit 0
