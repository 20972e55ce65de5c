#!/bin/sh
# Lab hole-stack-segment: LHCALL_SET_STACK must name a stack segment of
# the guest's own privilege level.
# timeout: 60
. /tests/lib.sh
load_lg
bad() { try_snippet set_stack_bad '^dead: bad stack segment 0x68$'; }
good() { try_snippet set_stack '^dead: CRASH: Power down$'; }
user() {
	run_guest 40 32 "$TESTGUEST" test=user $GUEST_PAGING
	guest_passed user
}
lab_check "a ring-0 stack segment kills the guest (set_stack_bad)" bad
lab_check "the guest's own stack segment is taken (set_stack)" good
lab_check "system calls from ring 3 still work (test=user)" user
lab_score hole-stack-segment
