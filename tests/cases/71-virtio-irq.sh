#!/bin/sh
# Interrupts: the Launcher's LHREQ_IRQ for a completed request reaches the
# guest through the Host as vector 32 + the device's interrupt line, and
# the interrupt status byte says a queue moved.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_timeout 30 "$LAUNCHER" --rng 32 "$TESTGUEST" test=irq >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok irq-delivered$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
unload_lg
exit 0
