#!/bin/sh
# int $0x80 through an interrupt gate, as Linux installs it, from ring 1 and
# ring 3 with the virtual interrupt flag on and off (test=syscalls): the
# handler finds the frame the processor would push (the virtual flag in
# its flags image), its registers and flags as at the int, and the virtual
# flag off.  Once reflected by the Host (direct_syscalls=0), once through
# the Switcher's trampoline (direct_syscalls=1), which must then also be
# much faster than a reflected breakpoint.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
for d in 0 1; do
	load_lg direct_syscalls=$d
	p=$(cat /sys/module/lg/parameters/direct_syscalls)
	run_guest 40 32 "$TESTGUEST" test=syscalls direct=$p $GUEST_PAGING
	guest_passed syscalls
	note "direct_syscalls=$p: $(echo "$out" | grep '^# 2000')"
	[ $d = 0 ] || expect_match "$out" '^ok syscalls-direct$' "guest output"
	unload_lg
done
exit 0
