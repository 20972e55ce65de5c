#!/bin/sh
# The Launcher's port I/O and PCI configuration emulation, as seen from
# inside a guest: cli skipped, port 0x61 bit 5, port 0x64, all ones for
# unknown ports at every width, eax merging, the timer's channel 2
# counting, the PCI address register, host bridge and console headers,
# BAR sizing, the capability chain and a read through the configuration
# window.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 30 32 "$TESTGUEST" test=io
guest_passed io
n=$(printf '%s\n' "$out" | grep -c '^ok ')
[ "$n" -ge 30 ] || fail "only $n checks passed"
unload_lg
exit 0
