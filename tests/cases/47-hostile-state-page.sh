#!/bin/sh
# A write to the read-only state page (the interrupt table that sidt
# reveals) faults, and the guest dies of its own page fault; the Host's
# copy of the table is untouched, and the next guest runs normally.
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
try switcher_write '^dead: unhandled trap 14 at'
try idt_ud2 '^dead: CRASH: handled$'
unload_lg
exit 0
