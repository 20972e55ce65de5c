#!/bin/sh
# A misbehaving driver: a one-byte read of the 32-bit device-features
# register.  The Launcher refuses it with a clear message and gives the
# guest its page fault back, which this guest cannot take; the disk is
# untouched.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
disk=/tmp/disk.img
dd if=/dev/zero of=$disk bs=512 count=64 2>/dev/null
before=$(md5sum <$disk)
run_timeout 30 "$LAUNCHER" --block=$disk 32 "$TESTGUEST" test=bad-width \
	>/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
err=$(cat /tmp/err)
echo "$out"; echo "$err"
[ $rc -eq 1 ] || fail "lguest exited $rc, expected 1"
expect_match "$err" '^lguest: block: 1-byte read at BAR0 offset 4: refused$' \
	"lguest's complaint"
expect_match "$err" 'no handler for trap 14' "lguest's complaint"
expect_no_match "$out" '^not ok' "guest output"
expect_eq "$(md5sum <$disk)" "$before" "the disk's checksum"
unload_lg
exit 0
