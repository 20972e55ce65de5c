#!/bin/sh
# Where the Switcher goes decides how much of its address space a guest
# keeps.  By default (switcher_place=auto) the Switcher takes the empty
# stretch of the Host's fixmap at the top of memory: reserve_mem is 4 MiB,
# and a guest maps and uses the page just below it, 0xffbff000, while the
# first page of the reserve is refused.  With switcher_place=vmap it sits
# in the vmalloc area and the guest reserves everything from its 4 MiB
# slot up, as the first version of the Host did.  switcher_place=fixed
# loads again and again (each unload empties the fixmap's entries), and a
# bad value is refused, leaving nothing behind: no debugfs directory, and a
# module that loads afterwards gives its guests their directories.
# timeout: 150
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
addr() { cat /sys/kernel/debug/lguest/switcher_addr; }
reserve() { # the guest's reserve_mem, from test=hello
	run_guest 30 32 "$TESTGUEST" test=hello
	guest_passed hello
	echo "$out" | sed -n 's/^# reserve_mem //p'
}
top() { # EXPECTED: the guest uses its highest page, which is EXPECTED
	run_guest 60 32 "$TESTGUEST" test=paging-top $GUEST_PAGING
	guest_passed paging-top
	expect_match "$out" "^# highest page $1\$" "the highest page"
}
load_lg switcher_place=auto
expect_dmesg 'Switcher at 0x[0-9a-f]+ \(fixed, '
expect_eq "$(reserve | tail -1)" 0x00400000 "reserve_mem, fixed"
top 0xffbff000
guest_dies paging-switcher "^lguest: SET_PTE for 0xffc00000 in the Switcher's region\$"
fixed=$(addr)
note "fixed: Switcher at $(printf %#x "$fixed")"
unload_lg
load_lg switcher_place=vmap
expect_dmesg 'Switcher at 0x[0-9a-f]+ \(vmap, '
base=$(addr)
want=$(printf 0x%08x $(( (1 << 32) - (base & 0xffc00000) )))
note "vmap: Switcher at $(printf %#x "$base"), reserve $want"
[ "$base" -lt "$fixed" ] || fail "vmap put the Switcher at $base, above the fixmap"
expect_eq "$(reserve | tail -1)" "$want" "reserve_mem, vmap"
top "$(printf 0x%08x $(( (base & 0xffc00000) - 4096 )))"
unload_lg
for round in 1 2; do
	load_lg switcher_place=fixed
	expect_eq "$(addr)" "$fixed" "the fixed address, round $round"
	unload_lg
done
insmod "$LG_KO" switcher_place=elsewhere 2>/dev/null &&
	fail "switcher_place=elsewhere was accepted"
expect_dmesg 'switcher_place must be fixed, vmap or auto'
[ -e /sys/kernel/debug/lguest ] &&
	fail "a refused insmod left /sys/kernel/debug/lguest behind"
load_lg
# After a refused insmod, a guest still gets its debugfs directory
# (spin_guest fails if it has none).
spin_guest
kill -KILL $pid; wait $pid
unload_lg
exit 0
