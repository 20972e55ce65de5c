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
run_timeout 40 "$LAUNCHER" 32 "$TESTGUEST" test=traps >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok traps$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
unload_lg
exit 0
