#!/bin/sh
# The Launcher's MMIO decoder from inside a guest: test=mmio reaches the
# console's common configuration with immediate stores (16 and 32 bits),
# SIB addressing, movzx/movsx, a load into %ah, a segment prefix and an
# eleven-byte store that needs more than the Host's seven bytes; then a
# line through emerg_wr by plain stores.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 30 32 "$TESTGUEST" test=mmio
guest_passed
n=$(printf '%s\n' "$out" | grep -c '^ok mmio-')
[ "$n" -ge 11 ] || fail "only $n mmio checks passed"
expect_match "$out" '^# emerg_wr through memory$' "guest output"
unload_lg
exit 0
