#!/bin/sh
# Direct delivery against reflection: the test guest's ring-3 program
# (test=user) makes 2000 breakpoints through an interrupt gate, which the
# Host reflects, 2000 system calls through an interrupt gate (reflected
# too, or, with direct_syscalls, through the Switcher's trampoline), and
# 2000 through a trap gate, which the processor delivers straight to
# ring 1.  The guest counts TSC ticks.
# timeout: 120
. /tests/lib.sh
load_lg
run_timeout 60 "$LAUNCHER" 32 "$TESTGUEST" test=user $GUEST_PAGING >/tmp/out 2>&1 ||
	fail "test=user failed: $(tail -3 /tmp/out)"
line=$(grep '^# 2000 system calls:' /tmp/out) || fail "no timing in: $(cat /tmp/out)"
note "$line"
set -- $(echo "$line" | sed 's/.*: \(0x[0-9a-f]*\) TSC ticks through the interrupt gate, \(0x[0-9a-f]*\) through the trap gate; 2000 int3: \(0x[0-9a-f]*\) reflected.*/\1 \2 \3/')
[ $# = 3 ] || fail "cannot read: $line"
i=$(($1 / 2000)) d=$(($2 / 2000)) r=$(($3 / 2000))
how=$(cat /sys/module/lg/parameters/direct_syscalls 2>/dev/null)
echo "BENCH syscall-interrupt-gate $i TSC-ticks per int \$0x80 through an interrupt gate (direct_syscalls=$how)"
echo "BENCH syscall-trap-gate $d TSC-ticks per int \$0x80 through a trap gate (straight to ring 1)"
echo "BENCH int3-reflected $r TSC-ticks per int3 through an interrupt gate (via the Host)"
unload_lg
