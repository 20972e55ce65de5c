#!/bin/sh
# A Linux 4.9 guest measures its TSC against the timer's channel 2 without
# a storm of port reads.  Its quick calibration watches the high byte of
# the channel's count fall; the Launcher's channel 2 counts, so the guest
# decides after a few reads (with the original Launcher's all ones it
# read port 0x42 100000 times before giving up), and its slow calibration
# gives up at once because port 0x61 says the channel's output is high.
# Counts the guest's port reads in the Launcher's --verbose log, and
# checks that the guest's dmesg tells one story: one quick calibration,
# then either its result or the TSC's rate from the Host, or no TSC.
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/tsc.cpio <<'GUEST'
dmesg | grep 'tsc: '
GUEST
run_linux 240 -v --initrd=/tmp/tsc.cpio 64 $LINUX $LINUX_CMDLINE
linux_passed
pit=$(grep -c 'lguest: inb  0x42 ' /tmp/err)
ctl=$(grep -c 'lguest: inb  0x61 ' /tmp/err)
note "the guest read port 0x42 $pit times and port 0x61 $ctl times"
[ "$pit" -ge 2 ] || fail "the guest never read channel 2 ($pit reads)"
[ "$pit" -le 100 ] || fail "the guest read channel 2 $pit times"
[ "$ctl" -le 10 ] || fail "the guest read port 0x61 $ctl times"
n=$(echo "$out" | grep -c 'tsc: Fast TSC calibration')
expect_eq "$n" 1 "quick calibrations in the guest's dmesg"
expect_match "$out" \
	'tsc: (Detected [0-9.]+ MHz processor|Marking TSC unstable due to could not calculate TSC khz)' \
	"the guest's conclusion"
unload_lg
exit 0
