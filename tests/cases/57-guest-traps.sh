#!/bin/sh
# Traps reach the test guest's own handlers with the right frames: divide
# error, invalid opcode, #GP (an LDT selector), page faults at ring 1 and
# ring 3 (error code, lguest_data.cr2), int3 both reflected and delivered
# directly through a trap gate, and from ring 3 cli (#GP 0 through the
# Launcher) and int $0x1f (#GP 0xfa).
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 40 32 "$TESTGUEST" test=traps $GUEST_PAGING
guest_passed traps
unload_lg
exit 0
