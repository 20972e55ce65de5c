#!/bin/sh
# A misbehaving block driver: the available index runs 41 entries ahead in a ring of 16.  The
# Launcher must say so, mark the device DEVICE_NEEDS_RESET, keep running
# (the guest resets the device and reads again) and leave the file alone.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
disk=/tmp/disk.img
dd if=/dev/zero of=$disk bs=512 count=64 2>/dev/null
printf 'LGUEST-DISK' | dd of=$disk conv=notrunc 2>/dev/null
before=$(md5sum <$disk)
run_timeout 30 "$LAUNCHER" --block=$disk 32 "$TESTGUEST" test=bad-index \
	>/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok bad-index$' "guest output"
expect_match "$out" '^ok bad-recovered-data$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
expect_match "$(cat /tmp/err)" '^lguest: block: available index 41 is 41 ahead of 0, in a ring of 16: the device needs a reset$' \
	"lguest's complaint"
expect_eq "$(md5sum <$disk)" "$before" "the disk's checksum"
unload_lg
exit 0
