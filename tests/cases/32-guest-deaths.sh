#!/bin/sh
# Guests that die: the Launcher prints the Host's reason as one line on
# stderr and exits 1.  A hypercall before LGUEST_INIT, an unknown
# hypercall, a panic-style shutdown, a PCI write the Launcher refuses (the
# guest has no handler for the #GP it then gets), a load from the memory
# gap between RAM and the devices (no device there, so the guest gets a
# page fault it cannot take either), and an unknown test.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
guest_dies hcall-before-init '^lguest: .*before INIT'
guest_dies bad-hcall '^lguest: .*[Bb]ad hypercall'
guest_dies crash '^lguest: CRASH: Kernel panic - not syncing: test guest crashed on purpose$'
guest_dies pci-ro-write 'PCI register 0 of slot 1: refused'
expect_match "$err" 'no handler for trap 13' "test=pci-ro-write stderr"
guest_dies gap 'no handler for trap 14'
# An unknown test is a "not ok" of its own, so check this one by hand.
run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" test=no-such-test >/tmp/out 2>/tmp/err
rc=$?
[ $rc -eq 1 ] || fail "test=no-such-test: lguest exited $rc, expected 1"
expect_match "$(cat /tmp/err)" '^lguest: CRASH: test guest: unknown test$' \
	"test=no-such-test stderr"
unload_lg
exit 0
