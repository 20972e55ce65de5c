#!/bin/sh
# The system-call trampoline is exactly an interrupt gate: with the debug
# parameter step_syscalls the Host single-steps every instruction of it
# and raises the guest's line 0 at each stop, so that a virtual interrupt
# is pending at every point between the int $0x80 and the handler's first
# instruction.  The test guest (test=syscalls step=1) checks that none is
# delivered before its handler has started, with the virtual flag off,
# and that one arrives once it lets it; the Host's syscall_steps file must
# show that all ten instructions of the trampoline were stepped.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg direct_syscalls=1 step_syscalls=1
run_guest 40 32 "$TESTGUEST" test=syscalls step=1 $GUEST_PAGING
guest_passed syscalls syscalls-ticks-after
steps=$(cat /sys/kernel/debug/lguest/syscall_steps) ||
	fail "no /sys/kernel/debug/lguest/syscall_steps"
note "$(echo $steps)"
expect_match "$steps" '^visited 10$' "syscall_steps"
unload_lg
exit 0
