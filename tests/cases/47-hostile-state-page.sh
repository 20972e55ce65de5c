#!/bin/sh
# A write to the read-only state page faults, and the guest dies of its own
# page fault; the Host's copy of the table is untouched, and the next guest
# runs normally.  The guest cannot find the page itself (sidt faults, see
# 46-hostile-sgdt-sidt-str), so we read the Switcher's address from the
# Host's debugfs and pin the Launcher to CPU 0, whose state page is the
# third page of the Switcher (code, then CPU 0's register and state pages).
# Then the guest copies all three pages it can read and the test proves
# that they hold nothing of the Host's: two Launchers alive at the same
# time (each with its own page directory, %cr3, and its own kernel stack)
# must read byte-identical code and state pages, no copy may hold Linux's
# %cr0 (CR0_STATE, 0x80050033), and the debug register the Switcher keeps
# the Host's %cr3 in cannot be read from ring 1.
# timeout: 90
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
# The three pages, from two Launchers alive at once.
LG_TARGET=$base LG_DUMP=/tmp/dump.1 LG_HOLD=1 taskset 1 lgsnippet dump3 \
	>/tmp/dump.1.out 2>&1 &
holder=$!
wait_for_line /tmp/dump.1.out '^dead: CRASH: Power down' 20 "the first copy"
out=$(LG_TARGET=$base LG_DUMP=/tmp/dump.2 taskset 1 lgsnippet dump3 2>&1)
kill $holder
wait $holder 2>/dev/null
expect_match "$out" '^dead: CRASH: Power down' "the second copy"
page() { dd if="$1" bs=4096 skip="$2" count=1 2>/dev/null; }
words() { page "$1" "$2" | od -An -v -tx4 | tr -s ' \n' ' '; }
note "state page, first words:$(words /tmp/dump.1 2 | cut -c1-100)"
leaks=
for p in 0:code 2:state; do
	page /tmp/dump.1 ${p%%:*} >/tmp/page.1
	page /tmp/dump.2 ${p%%:*} >/tmp/page.2
	d=$(cmp -l /tmp/page.1 /tmp/page.2 | head -4 | tr -s ' \n' ' ')
	[ -z "$d" ] || leaks="$leaks; the ${p#*:} page differs between two Launchers (offset, octal bytes):$d"
done
# CR0_STATE at any byte offset of any of the three pages.
for f in /tmp/dump.1 /tmp/dump.2; do
	at=$(od -An -v -tx1 "$f" | tr -d ' \n' | awk '{ s = $0; o = 0
		while ((i = index(s, "33000580")) > 0) {
			if ((o + i) % 2 == 1) { print (o + i - 1) / 2; exit }
			s = substr(s, i + 1); o += i } }')
	[ -z "$at" ] || leaks="$leaks; the Host's %cr0 at byte $at of $f"
done
[ -z "$leaks" ] || fail "the guest reads the Host's state:${leaks#;}"
try_snippet dr0 '^exit: trap 13 insn 0f 21 c0'
unload_lg
exit 0
