#!/bin/sh
# switcher_place=auto puts the Switcher in the fixmap's empty stretch when
# it is free, and falls back to vmap when it is not.  No Host we boot has a
# fixmap without that stretch, so the debug parameter pretend_fixmap_taken
# makes its first page look taken.  Then auto must say so, put the
# Switcher in the vmalloc area (below the fixed slot), give a guest the
# reserve_mem of that slot, run guests, and unload cleanly, leaving the
# fixmap as it was: the next plain load is fixed again.  With the same
# parameter, switcher_place=fixed must be refused, leaving nothing behind.
# The guest pages in the Host's format.
# timeout: 150
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
last_place() { dmesg | sed -n 's/.*Switcher at 0x[0-9a-f]* (\([a-z]*\),.*/\1/p' |
	tail -1; }
load_lg switcher_place=auto pretend_fixmap_taken=1
expect_dmesg 'fixmap page 0x[0-9a-f]+ is taken \(pretend_fixmap_taken\)'
expect_eq "$(last_place)" vmap "where auto put the Switcher"
base=$(cat /sys/kernel/debug/lguest/switcher_addr)
# The Switcher's slot is what one page-directory entry maps: 4 MiB, or
# 2 MiB on a PAE Host.
if [ -n "$HOST_PAE" ]; then slot=$((0xffe00000)); else slot=$((0xffc00000)); fi
[ "$base" -lt $((0xffc00000)) ] ||
	fail "the fallback left the Switcher at $(printf %#x "$base")"
want=$(printf 0x%08x $(( (1 << 32) - (base & slot) )))
note "fallback: Switcher at $(printf %#x "$base"), reserve $want"
run_guest 30 32 "$TESTGUEST" test=hello
guest_passed hello
expect_eq "$(echo "$out" | sed -n 's/^# reserve_mem //p' | tail -1)" "$want" \
	"the guest's reserve_mem"
run_guest 60 32 "$TESTGUEST" test=paging-top $GUEST_PAGING
guest_passed paging-top
expect_match "$out" \
	"^# highest page $(printf 0x%08x $(( (base & slot) - 4096 )))\$" \
	"the highest page"
unload_lg
load_lg switcher_place=auto
expect_eq "$(last_place)" fixed "auto, without the pretence"
run_guest 30 32 "$TESTGUEST" test=hello
guest_passed hello
unload_lg
insmod "$LG_KO" switcher_place=fixed pretend_fixmap_taken=1 2>/dev/null &&
	fail "switcher_place=fixed loaded with the fixmap taken"
[ -e /sys/kernel/debug/lguest ] &&
	fail "a refused insmod left /sys/kernel/debug/lguest behind"
exit 0
