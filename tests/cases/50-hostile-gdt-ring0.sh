#!/bin/sh
# GDT entries that try to give the guest ring 0: a privilege-0 code
# segment (plain and conforming) is made privilege 1, so a far jump to it
# stays at ring 1; a TSS descriptor is refused (not present); a reserved
# entry index is refused.
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
try gdt_ring0 '^dead: CRASH: handled$'
try gdt_ring0_conforming '^dead: CRASH: handled$'
try gdt_tss '^dead: unhandled trap 11 at'
try gdt_index '^dead: too many gdt entries 40'
unload_lg
exit 0
