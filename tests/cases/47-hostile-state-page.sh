#!/bin/sh
# A write to the read-only state page faults, and the guest dies of its own
# page fault; the Host's copy of the table is untouched, and the next guest
# runs normally.  The guest cannot find the page itself (sidt faults, see
# 46-hostile-sgdt-sidt-str), so we read the Switcher's address from the
# Host's debugfs and pin the Launcher to CPU 0, whose state page is the
# third page of the Switcher (code, then CPU 0's register and state pages).
# timeout: 60
. /tests/lib.sh
load_lg
f=/sys/kernel/debug/lguest/switcher_addr
[ -r $f ] || fail "no $f"
base=$(cat $f)
state=$((base + 2 * 4096))
note "Switcher at $(printf %#x "$base"), CPU 0's state page at $(printf %#x $state)"
# Mapped (a read works) but read-only (a write faults).
out=$(LG_TARGET=$state taskset 1 lgsnippet target_read 2>&1) ||
	fail "lgsnippet target_read: $out"
expect_match "$out" '^dead: CRASH: Power down' "a read of the state page"
out=$(LG_TARGET=$state taskset 1 lgsnippet target_write 2>&1) ||
	fail "lgsnippet target_write: $out"
expect_match "$out" "^dead: unhandled trap 14 at 0x[0-9a-f]+ \\($(printf %#x $state)\\)" "a write to the state page"
note "target_write: $out"
# The code page is read-only too.
out=$(LG_TARGET=$base taskset 1 lgsnippet target_write 2>&1) ||
	fail "lgsnippet target_write: $out"
expect_match "$out" '^dead: unhandled trap 14 at' "a write to the Switcher's code"
try_snippet idt_ud2 '^dead: CRASH: handled$'
unload_lg
exit 0
