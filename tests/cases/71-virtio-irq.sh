#!/bin/sh
# Interrupts: the Launcher's LHREQ_IRQ for a completed request reaches the
# guest through the Host as vector 32 + the device's interrupt line, and
# the interrupt status byte says a queue moved.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 30 --rng 32 "$TESTGUEST" test=irq
guest_passed irq-delivered
unload_lg
exit 0
