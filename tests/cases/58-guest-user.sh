#!/bin/sh
# A ring-3 program in the test guest makes system calls through int $0x80
# and gets the right results, reads its thread-local storage through %gs
# (LOAD_TLS) before and after a system call, and system calls through a
# trap gate are delivered directly, much faster than reflected breakpoints.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 40 32 "$TESTGUEST" test=user $GUEST_PAGING
guest_passed user
unload_lg
exit 0
