#!/bin/sh
# A guest whose kernel stack has no room for the system-call trampoline's
# two pushes (test=syscalls-bad-stack: 20 bytes above an unmapped page)
# makes a system call from ring 3 through an interrupt gate: the page
# fault at ring 1 (in the trampoline, or in the handler when the Host
# reflects the call) kills this handler-less guest with a
# clear reason, and nothing else happens: the Host logs no warning, and
# the next guest runs.  Through the trampoline (direct_syscalls=1) and
# reflected by the Host (direct_syscalls=0), with the same end.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
for d in 1 0; do
	load_lg direct_syscalls=$d
	guest_dies syscalls-bad-stack '^lguest: unhandled trap 14 at 0x[0-9a-f]+ \(0x[0-9a-f]+ffc\)$'
	run_guest 40 32 "$TESTGUEST" test=syscalls $GUEST_PAGING
	guest_passed syscalls
	expect_no_match "$(dmesg)" 'WARNING|BUG|Oops' "dmesg"
	unload_lg
done
exit 0
