#!/bin/sh
# A misbehaving block driver: the next index of a descriptor points past the table.  The
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
run_timeout 30 "$LAUNCHER" --block=$disk 32 "$TESTGUEST" test=bad-next \
	>/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok bad-next$' "guest output"
expect_match "$out" '^ok bad-recovered-data$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
expect_match "$(cat /tmp/err)" '^lguest: block: descriptor index 200 out of range: the device needs a reset$' \
	"lguest's complaint"
expect_eq "$(md5sum <$disk)" "$before" "the disk's checksum"
unload_lg
exit 0
