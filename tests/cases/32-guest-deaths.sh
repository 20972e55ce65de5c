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
dies() { # TEST EXPECTED-STDERR-REGEX
	run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" "test=$1" >/tmp/out 2>/tmp/err
	rc=$?
	out=$(cat /tmp/out)
	err=$(cat /tmp/err)
	echo "$out"
	note "test=$1: exit $rc, stderr: $err"
	[ $rc -eq 1 ] || fail "test=$1: lguest exited $rc, expected 1"
	expect_match "$err" "$2" "test=$1 stderr"
	[ "$1" = no-such-test ] ||
		expect_no_match "$out" '^not ok' "test=$1 output"
}
dies hcall-before-init '^lguest: .*before INIT'
dies bad-hcall '^lguest: .*[Bb]ad hypercall'
dies crash '^lguest: CRASH: Kernel panic - not syncing: test guest crashed on purpose$'
dies pci-ro-write 'PCI register 0 of slot 1: refused'
expect_match "$err" 'no handler for trap 13' "test=pci-ro-write stderr"
dies gap 'no handler for trap 14'
dies no-such-test '^lguest: CRASH: test guest: unknown test$'
unload_lg
exit 0
